"""UnionArray: heterogeneous elements; ``tags`` picks the content, ``index`` the position in it."""

from __future__ import annotations

from collections.abc import Iterable

from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import OneOf
from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.contents._merge import MERGECASTABLE as _MERGECASTABLE
from awkward.contents._merge import merge_layouts, mergeable
from awkward.contents.content import (
    Content,
    FormClass,
    buffer_length,
    concrete,
    index_int,
    is_true,
    length_of,
    maybe_equal,
)
from awkward.contents.indexedarray import as_int64, is_categorical
from awkward.index import Index32, Index64, IndexU32

_INDEX_CLASSES = (Index32, IndexU32, Index64)


def _index_classes():
    return _INDEX_CLASSES


def _int64():
    from awkward._nplikes.dtypes import int64

    return int64


def _is_plain_indexed(content) -> bool:
    return content.is_indexed and not content.is_option and not is_categorical(content._parameters)


def _check_arguments(tags, index, contents, minimum: int) -> list:
    from awkward.index import Index8

    Content._check_index(tags, "UnionArray", "tags", (Index8,))
    Content._check_index(index, "UnionArray", "index", _index_classes())
    if isinstance(contents, (Content, str)) or not isinstance(contents, Iterable):
        raise TypeError(f"UnionArray 'contents' must be an iterable of Contents, not {type(contents).__name__}")
    contents = list(contents)
    for content in contents:
        if not isinstance(content, Content):
            raise TypeError(f"UnionArray all 'contents' must be Content subclasses, not {content!r:.80}")
    if len(contents) < minimum:
        raise TypeError(f"UnionArray must have at least {minimum} 'contents', got {len(contents)}")
    return contents


class UnionArray(Content):
    """Element ``i`` is ``contents[tags[i]][index[i]]``; ``len(tags)`` is the length."""

    __slots__ = ("_tags", "_index", "_contents")

    is_union = True
    form_cls = FormClass("UnionForm")

    def __init__(self, tags, index, contents, *, parameters=None):
        contents = _check_arguments(tags, index, contents, 2)
        n_options = 0
        for content in contents:
            if content.is_union:
                raise TypeError(
                    f"UnionArray cannot contain union-types in its 'contents' ({type(content).__name__}); "
                    f"try UnionArray.simplified instead"
                )
            if _is_plain_indexed(content):
                raise TypeError(
                    f"UnionArray cannot contain non-categorical indexed-types in its 'contents' "
                    f"({type(content).__name__}); try UnionArray.simplified instead"
                )
            n_options += content.is_option
        if 0 < n_options < len(contents):
            raise TypeError(
                "UnionArray must either be comprised of entirely optional contents, or no optional "
                "contents; try UnionArray.simplified instead"
            )
        ntags, nindex = buffer_length(tags.data), buffer_length(index.data)
        if ntags is not unknown_length and nindex is not unknown_length and ntags > nindex:
            raise ValueError(f"UnionArray len(tags) ({ntags}) must be <= len(index) ({nindex})")
        from awkward._backends import common_backend

        backend = common_backend([c.backend for c in contents])
        for what, buffer in (("tags", tags), ("index", index)):
            if buffer.nplike is not backend.index_nplike:
                raise TypeError(
                    f"UnionArray {what} belongs to {buffer.nplike!r} but the contents' backend is "
                    f"{backend.name!r}; move it with ak.to_backend"
                )
        self._tags = tags
        self._index = index
        self._contents = contents
        self._init(parameters, backend)

    def copy(self, tags=UNSET, index=UNSET, contents=UNSET, *, parameters=UNSET):
        return UnionArray(
            self._tags if tags is UNSET else tags,
            self._index if index is UNSET else index,
            self._contents if contents is UNSET else contents,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, tags, index, contents, parameters) -> UnionArray:
        out = UnionArray.__new__(UnionArray)
        out._tags = tags
        out._index = index
        out._contents = contents
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def tags(self):
        return self._tags

    @property
    def index(self):
        return self._index

    @property
    def contents(self) -> list:
        return self._contents

    @property
    def length(self):
        return buffer_length(self._tags.data)

    def _resolve_length(self) -> int:
        return len(self._tags.data)

    @property
    def fields(self) -> list:
        """The fields every content has (in the first content's order)."""
        first, *rest = (c.fields for c in self._contents)
        common = set(first).intersection(*rest)
        return [f for f in first if f in common]

    @property
    def is_tuple(self) -> bool:
        return all(c.is_tuple for c in self._contents)

    def purelist_parameters(self, *keys):
        params = self._parameters
        if params is not None:
            for key in keys:
                if params.get(key) is not None:
                    return params[key]
        values = [c.purelist_parameters(*keys) for c in self._contents]
        return values[0] if all(v == values[0] for v in values) else None

    def _buffers_by_attribute(self) -> dict:
        return {"tags": self._tags.data, "index": self._index.data}

    def _build_form(self, getkey):
        key = self._key_of(self, getkey)
        return self.form_cls(
            self._tags.form,
            self._index.form,
            [c._form_with_key(getkey) for c in self._contents],
            parameters=self._parameters,
            form_key=key,
        )

    # ------------------------------------------------------------------ helpers over buffers
    def _tags_index(self):
        """Concrete tags (int64) and index (int64), both trimmed to the length."""
        nplike = self._tags.nplike
        tags, index = concrete(self._tags.data, self._index.data)
        length = tags.shape[0]
        return as_int64(nplike, tags), as_int64(nplike, index[:length])

    def project(self, index):
        """The elements whose tag is ``index``, from that content (a lazy carry)."""
        from awkward.index import Index64

        if not 0 <= index < len(self._contents):
            raise IndexError(f"UnionArray.project: content {index} out of range for {len(self._contents)} contents")
        nplike = self._tags.nplike
        tags, positions = self._tags_index()
        picked = positions[tags == index]
        return self._contents[index]._carry(Index64(picked, nplike=nplike), True)

    @staticmethod
    def regular_index(tags, *, backend, index_cls=None):
        """An index numbering each content's elements 0, 1, 2, ... in the order of ``tags``."""
        from awkward._nplikes.dtypes import int8
        from awkward.index import Index64

        index_cls = Index64 if index_cls is None else index_cls
        nplike = backend.index_nplike
        (raw,) = concrete(tags.data)
        if not nplike.known_data:  # a tracer: the kernel reads the tags, the index is unknown
            out = nplike.empty(raw.shape[0], dtype=_int64())
            backend["awkward_UnionArray_regular_index", _int64(), _int64(), int8](
                out, nplike.empty(1, dtype=_int64()), raw, raw.shape[0], unknown_length
            )
            return (Index64 if index_cls is Index64 else index_cls)(
                out if index_cls is Index64 else nplike.astype(out, index_cls._expected_dtype), nplike=nplike
            )
        length = len(raw)
        raw = raw if raw.dtype == int8 else nplike.astype(raw, int8)
        numcontents = int(nplike.max(raw)) + 1 if length else 0
        out = nplike.empty(length, dtype=_int64())
        current = nplike.empty(max(numcontents, 1), dtype=_int64())
        backend["awkward_UnionArray_regular_index", _int64(), _int64(), int8](out, current, raw, length, numcontents)
        if index_cls is Index64:
            return Index64(out, nplike=nplike)
        return index_cls(nplike.astype(out, index_cls._expected_dtype), nplike=nplike)

    @staticmethod
    def nested_tags_index(offsets, counts, *, backend, tags_cls=None, index_cls=None):
        """Tags and index for lists whose items are, in each list ``i``, ``counts[0][i]``
        items of content 0, then ``counts[1][i]`` of content 1, ...; ``offsets`` bound the lists."""
        from awkward.index import Index8, Index64

        tags_cls = Index8 if tags_cls is None else tags_cls
        index_cls = Index64 if index_cls is None else index_cls
        nplike = backend.index_nplike
        (bounds,) = concrete(offsets.data)
        bounds = as_int64(nplike, bounds)
        total = int(bounds[-1]) if len(bounds) else 0
        tags = nplike.zeros(total, dtype=tags_cls._expected_dtype)
        index = nplike.zeros(total, dtype=index_cls._expected_dtype)
        cursor = bounds[:-1]
        for k, count in enumerate(counts):
            (count,) = concrete(count.data)
            count = as_int64(nplike, count)
            n = int(nplike.sum(count)) if len(count) else 0
            local = nplike.concat([nplike.zeros(1, dtype=_int64()), nplike.cumsum(count)])
            positions = nplike.repeat(cursor - local[:-1], count) + nplike.arange(n, dtype=_int64())
            tags[positions] = k
            index[positions] = nplike.arange(n, dtype=index_cls._expected_dtype)
            cursor = cursor + count
        return tags_cls(tags, nplike=nplike), index_cls(index, nplike=nplike)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        tag = index_int(self._tags, at)
        if tag is unknown_length:  # typetracer: which content is unknown (as awkward: OneOf)
            j = index_int(self._index, at)
            return OneOf([content._getitem_at(j) for content in self._contents])
        if not 0 <= tag < len(self._contents):
            raise IndexError(f"UnionArray tags[{at}] ({tag}) is not a content number; the array is not valid")
        return self._contents[tag]._getitem_at(index_int(self._index, at))

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(self._tags[start:stop], self._index[start:stop], self._contents, self._parameters)

    def _project_fields(self, contents) -> Content:
        if any(c.is_union or _is_plain_indexed(c) for c in contents) or 0 < sum(
            c.is_option for c in contents
        ) < len(contents):
            return UnionArray.simplified(self._tags, self._index, contents)
        return self._new(self._tags, self._index, contents, None)

    def _getitem_field(self, where: str) -> Content:
        return self._project_fields([c._getitem_field(where) for c in self._contents])

    def _getitem_fields(self, where: list) -> Content:
        return self._project_fields([c._getitem_fields(where) for c in self._contents])

    def _carry(self, carry, allow_lazy: bool) -> Content:
        tags, index, where = concrete(self._tags.data, self._index.data, carry.data)
        try:
            new_tags = tags[where]
            new_index = index[: tags.shape[0]][where]
        except IndexError as err:
            raise IndexError(f"UnionArray of length {len(tags)}: {err}") from None
        nplike = self._tags.nplike
        return self._new(
            type(self._tags)(new_tags, nplike=nplike),
            type(self._index)(new_index, nplike=nplike),
            self._contents,
            self._parameters,
        )

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        from awkward.index import Index64

        nplike = self._tags.nplike
        tags, index = self._tags_index()
        out = [None] * len(tags)
        for k, content in enumerate(self._contents):
            (positions,) = nplike.nonzero(tags == k)
            if len(positions) == 0:
                continue  # an unused content is never read
            values = content._carry(Index64(index[positions], nplike=nplike), False)._to_list(behavior)
            for i, value in zip(positions.tolist(), values):
                out[i] = value
        return out

    def _validity_error(self, path: str) -> str:
        from awkward._nplikes.dtypes import int8

        tags, index = concrete(self._tags.data, self._index.data)
        if len(index) < len(tags):
            return self._validity_message(path, f"len(index) ({len(index)}) < len(tags) ({len(tags)})")
        nplike = self._tags.nplike
        lengths = nplike.asarray([len(c) for c in self._contents], dtype=_int64())
        kernel = self._backend["awkward_UnionArray_validity", int8, index.dtype, _int64()]
        try:
            kernel(tags, index, len(tags), len(self._contents), lengths)
        except ValueError as err:
            return self._validity_message(path, str(err))
        for i, content in enumerate(self._contents):
            error = content._validity_error(f"{path}.content({i})")
            if error:
                return error
        return ""

    def _to_packed(self, recursive: bool) -> Content:
        """Each content trimmed to the elements used, in order (a lazy slice when they are
        already 0, 1, 2, ...); the index becomes regular."""
        from awkward.index import Index8, Index64

        nplike = self._tags.nplike
        tags, index = self._tags_index()
        new_index = nplike.zeros(tags.shape[0], dtype=_int64())
        contents = []
        for k, content in enumerate(self._contents):
            selected = tags == k
            used = index[selected]
            n = used.shape[0]
            new_index[selected] = nplike.arange(n, dtype=_int64())
            if is_true(nplike.all(used == nplike.arange(n, dtype=_int64()))):
                packed = content._getitem_range(0, n)
            else:
                packed = content._carry(Index64(used, nplike=nplike), False)
            # an unused content is left as an empty lazy slice: packing it would read buffers
            contents.append(packed._to_packed(True) if recursive and (n is unknown_length or n) else packed)
        (raw_tags,) = concrete(self._tags.data)
        # the index keeps its dtype, as in 2.14
        new_index = type(self._index)(nplike.astype(new_index, self._index.dtype, copy=False), nplike=nplike)
        return self._new(Index8(raw_tags, nplike=nplike), new_index, contents, self._parameters)

    def _repr(self, indent: str, pre: str, post: str) -> str:
        out = [f"{indent}{pre}<UnionArray len={self._repr_length()!r}>\n", self._repr_parameters(indent)]
        out.append(self._repr_index(self._tags, indent + "    ", "tags") + "\n")
        out.append(self._repr_index(self._index, indent + "    ", "index") + "\n")
        for i, content in enumerate(self._contents):
            out.append(f"{indent}    <content index='{i}'>\n")
            out.append(content._repr(indent + "        ", "", "\n"))
            out.append(f"{indent}    </content>\n")
        out.append(f"{indent}</UnionArray>{post}")
        return "".join(out)

    # ------------------------------------------------------------------ simplification
    @classmethod
    def simplified(
        cls,
        tags,
        index,
        contents,
        *,
        parameters=None,
        mergebool=False,
        mergecastable="same_kind",
        dropunused=False,
    ):
        """A UnionArray with nested unions flattened, indexed contents resolved, options made
        uniform, mergeable contents merged (awkward.contents._merge: numbers, lists, records,
        strings, options; ``mergebool``: bool with numbers; ``mergecastable``: 'equiv' same
        dtype, 'family' same kind, 'same_kind' any numbers), unused contents dropped (``dropunused``); a single content is returned
        carried through the index. Buffers are read only when something changes."""
        contents = _check_arguments(tags, index, contents, 1)
        if mergecastable not in _MERGECASTABLE:
            raise ValueError(f"UnionArray.simplified 'mergecastable' must be one of {_MERGECASTABLE}, not {mergecastable!r}")
        n_options = sum(c.is_option for c in contents)
        if not (
            dropunused
            or len(contents) < 2
            or 0 < n_options < len(contents)
            or any(c.is_union or _is_plain_indexed(c) for c in contents)
            or _merge_groups(contents, mergebool, mergecastable) is not None
        ):
            return cls(tags, index, contents, parameters=parameters)
        return _simplify(tags, index, contents, parameters, mergebool, mergecastable, dropunused)


def _merge_groups(contents, mergebool, mergecastable):
    """Lists of content positions to merge into one content each, or None if nothing merges."""
    groups: list[list[int]] = []
    for i, content in enumerate(contents):
        for group in groups:
            if all(mergeable(contents[j], content, mergebool, mergecastable) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    if len(groups) == len(contents):
        return None
    return groups


def _simplify(tags, index, contents, parameters, mergebool, mergecastable, dropunused):
    from awkward.contents.unmaskedarray import UnmaskedArray
    from awkward.index import Index8, Index64

    nplike = tags.nplike
    raw_tags, raw_index = concrete(tags.data, index.data)
    length = raw_tags.shape[0]
    if not maybe_equal(length, raw_index.shape[0]) and len(raw_index) < length:
        raise ValueError(f"UnionArray len(tags) ({length}) must be <= len(index) ({len(raw_index)})")
    raw_tags = as_int64(nplike, raw_tags)
    raw_index = as_int64(nplike, raw_index[:length])
    if nplike.known_data and length and (int(nplike.min(raw_tags)) < 0 or int(nplike.max(raw_tags)) >= len(contents)):
        raise ValueError(f"UnionArray.simplified: tags must be in [0, {len(contents)}) (the number of contents)")
    new_tags = nplike.zeros(length, dtype=_int64())
    new_index = nplike.zeros(length, dtype=_int64())
    flat: list = []
    try:
        for k, content in enumerate(contents):
            selected = raw_tags == k
            picked = raw_index[selected]
            if content.is_union:  # flatten: its tags and index, looked up through ours
                inner_tags, inner_index = content._tags_index()
                new_tags[selected] = len(flat) + inner_tags[picked]
                new_index[selected] = inner_index[picked]
                flat.extend(content.contents)
            elif _is_plain_indexed(content):  # compose the indexes
                (inner,) = concrete(content.index.data)
                new_tags[selected] = len(flat)
                new_index[selected] = as_int64(nplike, inner)[picked]
                flat.append(content.content)
            else:
                new_tags[selected] = len(flat)
                new_index[selected] = picked
                flat.append(content)
    except IndexError as err:
        raise IndexError(f"UnionArray.simplified: index out of range for its content: {err}") from None

    if dropunused:
        used = [k for k in range(len(flat)) if bool(nplike.any(new_tags == k))]
        if used and len(used) < len(flat):
            remap = nplike.full(len(flat), -1, dtype=_int64())
            remap[nplike.asarray(used, dtype=_int64())] = nplike.arange(len(used), dtype=_int64())
            new_tags = remap[new_tags]
            flat = [flat[k] for k in used]

    groups = _merge_groups(flat, mergebool, mergecastable) or [[k] for k in range(len(flat))]
    merged: list = []
    final_tags = nplike.zeros(length, dtype=_int64())
    for position, group in enumerate(groups):
        if len(group) == 1:
            final_tags[new_tags == group[0]] = position
            content = flat[group[0]]
        else:
            # merging concatenates the members: member k's elements follow the earlier ones'
            offset = 0
            for k in group:
                selected = new_tags == k
                final_tags[selected] = position
                new_index[selected] = new_index[selected] + offset
                offset += length_of(flat[k])
            content = merge_layouts([flat[k] for k in group], mergebool, mergecastable)
        merged.append(content)

    if len(merged) == 1:
        out = merged[0]._carry(Index64(new_index, nplike=nplike), True)
        if parameters:
            out = out.copy(parameters=parameters_union(out._parameters, parameters))
        return out
    if 0 < sum(c.is_option for c in merged) < len(merged):
        merged = [c if c.is_option else UnmaskedArray(c) for c in merged]
    from awkward._nplikes.dtypes import int8

    return UnionArray(
        Index8(nplike.astype(final_tags, int8), nplike=nplike),
        Index64(new_index, nplike=nplike),
        merged,
        parameters=parameters,
    )


def union_of_options(union, outer, parameters):
    """An option applied to a union, pushed inside it: ``outer`` (int64, negative = missing)
    is None when every element is present. Missing elements point one past the end of the
    first content, which becomes an IndexedOptionArray; the other contents become options."""
    from awkward._nplikes.dtypes import int8
    from awkward.contents.indexedoptionarray import IndexedOptionArray
    from awkward.contents.unmaskedarray import UnmaskedArray
    from awkward.index import Index8, Index64

    merged_parameters = parameters_union(union._parameters, parameters)
    contents = union.contents
    if outer is None:
        wrapped = [c if c.is_option else UnmaskedArray(c) for c in contents]
        # simplified: contents that merge (a union built by hand) become one option, as in 2.14
        return UnionArray.simplified(union.tags, union.index, wrapped, parameters=merged_parameters)
    nplike = union.tags.nplike
    tags, index = union._tags_index()
    valid = outer >= 0
    first_length = length_of(contents[0])
    if tags.shape[0] is not unknown_length and tags.shape[0] == 0:
        if bool(nplike.any(valid)):
            raise IndexError("option index refers to elements of an empty union")
        new_tags = nplike.zeros(len(outer), dtype=_int64())
        new_index = nplike.full(len(outer), first_length, dtype=_int64())
    else:
        safe = nplike.where(valid, outer, 0)
        new_tags = nplike.where(valid, tags[safe], 0)
        new_index = nplike.where(valid, index[safe], first_length)
    extended = nplike.concat(
        [nplike.arange(first_length, dtype=_int64()), nplike.full(1, -1, dtype=_int64())]
    )
    first = IndexedOptionArray.simplified(Index64(extended, nplike=nplike), contents[0])
    others = [c if c.is_option else UnmaskedArray(c) for c in contents[1:]]
    return UnionArray.simplified(
        Index8(nplike.astype(new_tags, int8), nplike=nplike),
        Index64(new_index, nplike=nplike),
        [first, *others],
        parameters=merged_parameters,
    )
