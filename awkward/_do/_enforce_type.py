"""enforce_type: a layout converted to a given high-level type, where the change is allowed.

Allowed, as in awkward 2.14: numbers cast to other numbers; an option added anywhere, and
removed where no value is missing; regular <-> var lists (var -> regular when every list
has the size); record fields removed, reordered, and added when their type is an option
(filled with None); tuple slots likewise by position; a union converted to a union with
the same contents save one, with more contents (new ones empty) or fewer (only when the
dropped ones are unused), and to one of its members when only that member is used; a value
into a union that has a content of its type; an EmptyArray to any type; and parameters
(strings <-> bytes <-> lists of numbers among them) replaced by the type's. Everything else
is a TypeError (a structure that cannot change) or a ValueError (values that do not fit).

Buffers are read only where the values decide: the mask of an option being removed, the
offsets of lists made regular, the tags of a union narrowed, and numbers that are cast.
"""

from __future__ import annotations

from awkward import types as T
from awkward._do._apply import rebuild
from awkward._nplikes.dtypes import int8, int64
from awkward.contents import (
    IndexedArray,
    IndexedOptionArray,
    NumpyArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.contents.content import concrete
from awkward.forms._from import from_type
from awkward.index import Index8, Index64

__all__ = ["enforce_type", "as_type"]

_NAME = "ak.enforce_type"


def as_type(type_):
    """``type_`` (a Type or a datashape string) as a low-level Type."""
    if isinstance(type_, str):
        type_ = T.from_datashape(type_, highlevel=False)
    if isinstance(type_, (T.ArrayType, T.ScalarType)):
        raise TypeError(
            f"{_NAME}: high-level type objects are not supported by this function. Instead, a "
            "low-level type object (instance of ak.types.Type) should be used. If you are using "
            "a high-level type `type` from another array (e.g. using `array.type`), then the "
            "low-level type object can be found under `type.content`"
        )
    if not isinstance(type_, T.Type):
        raise TypeError(
            f"{_NAME}: 'type' must be an ak.types.Type or a datashape string, not {type_!r}"
        )
    _check_canonical(type_)
    return type_


def _check_canonical(type_):
    """An option directly around an option or a union has no layout (2.14 refuses it with a
    TypeError): the option goes inside the union, and one option is enough."""
    if isinstance(type_, T.OptionType) and isinstance(type_.content, (T.OptionType, T.UnionType)):
        raise TypeError(
            f"{_NAME}: the type {type_} has an option-type directly around "
            f"{'an option' if isinstance(type_.content, T.OptionType) else 'a union'}-type, which "
            "no layout has; use a single option (inside each union content)"
        )
    for child in getattr(type_, "contents", ()):
        _check_canonical(child)
    if hasattr(type_, "content"):
        _check_canonical(type_.content)


def enforce_type(layout, type_):
    """``layout`` converted to the low-level type ``type_`` (see the module doc)."""
    return _enforce(layout, as_type(type_))


def _params(type_):
    params = {k: v for k, v in type_.parameters.items() if k != "__categorical__"}
    return params or None


def _type_str(layout):
    return str(layout.form.type)


def _empty_of(type_, backend):
    return from_type(type_).length_zero_array(backend=backend)


def _enforce(layout, type_):
    if layout.is_unknown:
        if isinstance(type_, T.UnknownType):
            return layout.copy(parameters=_params(type_))
        return _empty_of(type_, layout.backend)
    if isinstance(type_, T.UnknownType):
        raise TypeError(
            f"{_NAME}: cannot convert non-EmptyArray layouts to a bare UnknownType. To introduce "
            "an UnknownType, it must be wrapped in an OptionType"
        )
    if _is_categorical_layout(layout) or _is_categorical_type(type_):
        return _enforce_categorical(layout, type_)
    if layout.is_union:
        return _enforce_union(layout, type_)
    if isinstance(type_, T.UnionType):
        return _into_union(layout, type_)
    if layout.is_option:
        return _enforce_option(layout, type_)
    if isinstance(type_, T.OptionType):
        return _add_option(layout, type_)
    if layout.is_indexed:
        return IndexedArray.simplified(layout.index, _enforce(layout.content, type_))
    if layout.is_numpy:
        if len(layout.inner_shape) > 0:
            return _enforce_list(layout.to_RegularArray(), type_)
        return _enforce_numpy(layout, type_)
    if layout.is_list:
        return _enforce_list(layout, type_)
    if layout.is_record:
        return _enforce_record(layout, type_)
    raise AssertionError(f"unexpected layout {type(layout).__name__}")


# ---------------------------------------------------------------------------- leaves and lists
def _enforce_numpy(layout, type_):
    if not isinstance(type_, T.NumpyType):
        raise TypeError(
            f"{_NAME}: NumpyArray(s) can only be converted into NumpyArray(s), options of "
            f"NumpyArray(s), or unions thereof, not {type_}"
        )
    dtype = T.primitive_to_dtype(type_.primitive)
    data = layout.data
    if data.dtype != dtype:
        data = layout.backend.nplike.astype(data, dtype)
    return NumpyArray(data, parameters=_params(type_), backend=layout.backend)


def _enforce_list(layout, type_):
    if isinstance(type_, T.RegularType):
        if not layout.is_regular:
            try:
                layout = layout.to_RegularArray()
            except ValueError:
                raise ValueError(
                    f"{_NAME}: cannot convert to RegularArray because subarray lengths are not "
                    f"regular (the type asks for lists of size {type_.size})"
                ) from None
        if layout.size != type_.size and len(layout) > 0:
            raise ValueError(
                f"{_NAME}: lists of size {layout.size} cannot become regular lists of size "
                f"{type_.size}"
            )
        content = _enforce(layout.content, type_.content)
        if layout.size != type_.size:  # no lists: any size will do
            return RegularArray(content[:0], type_.size, 0, parameters=_params(type_))
        return layout.copy(content=content, parameters=_params(type_))
    if isinstance(type_, T.ListType):
        if layout.is_regular:
            layout = layout.to_ListOffsetArray64(False)
        return layout.copy(content=_enforce(layout.content, type_.content), parameters=_params(type_))
    raise TypeError(
        f"{_NAME}: lists can only be converted to lists, options of lists, or unions thereof, "
        f"not {type_}"
    )


# ----------------------------------------------------------------------------------- records
def _enforce_record(layout, type_):
    if not isinstance(type_, T.RecordType):
        raise TypeError(
            f"{_NAME}: RecordArray(s) can only be converted into RecordArray(s), options of "
            f"RecordArray(s), or unions thereof, not {type_}"
        )
    if layout.is_tuple != type_.is_tuple:
        raise ValueError(f"{_NAME}: RecordArray(s) cannot be converted between records and tuples.")
    if type_.is_tuple:
        keys = range(len(type_.contents))
        have = range(len(layout.contents))
    else:
        keys = type_.fields
        have = layout.fields
    contents = []
    for key, content_type in zip(keys, type_.contents):
        if key in have:
            position = key if type_.is_tuple else layout.fields.index(key)
            contents.append(_enforce(layout.contents[position], content_type))
        elif isinstance(content_type, T.OptionType):
            contents.append(_all_missing(len(layout), content_type, layout.backend))
        else:
            raise TypeError(
                f"{_NAME}: can only add new fields to a record if they are option types; "
                f"field {key!r} would be {content_type}"
            )
    fields = None if type_.is_tuple else list(type_.fields)
    return layout.copy(contents=contents, fields=fields, parameters=_params(type_))


def _all_missing(length, option_type, backend):
    nplike = backend.index_nplike
    index = Index64(nplike.full(length, -1, dtype=int64), nplike=nplike)
    content = _empty_of(option_type.content, backend)
    return IndexedOptionArray(index, content, parameters=_params(option_type))


# ----------------------------------------------------------------------------------- options
def _enforce_option(layout, type_):
    if isinstance(type_, T.OptionType):
        if isinstance(type_.content, T.UnknownType):
            return _to_option_of_unknown(layout, type_)
        content = _enforce(layout.content, type_.content)
        return rebuild(layout.copy(parameters=_params(type_)), [content])
    if layout.is_indexed or layout.is_option:
        valid = layout.mask_as_bool(valid_when=True) if type(layout).__name__ != "UnmaskedArray" else None
        if valid is not None:
            (valid,) = concrete(valid)
            if not bool(layout.backend.index_nplike.all(valid)):
                raise ValueError(
                    f"{_NAME}: option types can only be removed if there are no missing values"
                )
    return _enforce(layout.project(), type_)


def _to_option_of_unknown(layout, type_):
    valid = layout.mask_as_bool(valid_when=True)
    (valid,) = concrete(valid)
    if bool(layout.backend.index_nplike.any(valid)):
        raise TypeError(
            f"{_NAME}: cannot convert an option of values to an option of unknown type unless "
            "every value is missing"
        )
    return _all_missing(len(layout), type_, layout.backend)


def _add_option(layout, type_):
    if isinstance(type_.content, T.UnknownType):
        if len(layout) == 0:
            return _all_missing(0, type_, layout.backend)
        raise TypeError(
            f"{_NAME}: cannot convert non-EmptyArray layouts to an option of unknown type "
            "(there would be no value to keep)"
        )
    content = _enforce(layout, type_.content)
    return UnmaskedArray.simplified(content, parameters=_params(type_))


# ------------------------------------------------------------------------------------ unions
def _tags_and_index(layout):
    nplike = layout.backend.index_nplike
    tags, index = concrete(layout.tags.data, layout.index.data)
    length = len(tags)
    return nplike, nplike.astype(tags, int64), index[:length]


def _used_tags(layout):
    nplike, tags, _ = _tags_and_index(layout)
    return [int(t) for t in nplike.unique_values(tags)] if len(tags) else []


def _enforce_union(layout, type_):
    if not isinstance(type_, T.UnionType):
        # as in 2.14: the union becomes the one content of that very type (an option of it
        # is added afterwards), which must be the only one used
        inner = type_.content if isinstance(type_, T.OptionType) else type_
        target = str(inner)
        match = next((i for i, c in enumerate(layout.contents) if _type_str(c) == target), None)
        if match is None:
            raise TypeError(
                f"{_NAME}: UnionArray(s) can only be converted into {inner} if it has the same "
                f"type, but no content with type {inner} was found"
            )
        if any(t != match for t in _used_tags(layout)):
            raise ValueError(
                f"{_NAME}: UnionArray(s) can only be converted to {inner} if they are "
                "equivalent to their projections (only one of their contents is used)"
            )
        return _enforce(layout.project(match), type_)
    have = [_type_str(c) for c in layout.contents]
    want = [str(t) for t in type_.contents]
    contents = list(layout.contents)
    if len(want) == len(have):
        differ = [i for i, (h, w) in enumerate(zip(have, want)) if h != w]
        if len(differ) > 1:
            raise TypeError(
                f"{_NAME}: UnionArray(s) can currently only be converted into UnionArray(s) with "
                "the same number of contents if no greater than one content differs in type"
            )
        for i in differ:
            contents[i] = _enforce(contents[i], type_.contents[i])
        return _union(layout.tags, layout.index, contents, type_)
    if len(want) > len(have):
        extra = list(range(len(want)))
        for h in have:
            if h not in [want[i] for i in extra]:
                raise TypeError(
                    f"{_NAME}: UnionArray(s) can only be converted into UnionArray(s) with more "
                    f"contents if each of their contents has a type among the new ones ({h} has not)"
                )
            extra.remove(next(i for i in extra if want[i] == h))
        contents += [_empty_of(type_.contents[i], layout.backend) for i in extra]
        return _union(layout.tags, layout.index, contents, type_)
    return _narrow_union(layout, have, want, type_)


def _narrow_union(layout, have, want, type_):
    """Fewer contents: each new one is an old one of the same type; the others must be unused."""
    mapping = {}
    for new, w in enumerate(want):
        old = next((i for i, h in enumerate(have) if h == w and i not in mapping), None)
        if old is None:
            raise TypeError(
                f"{_NAME}: UnionArray(s) can only be converted into UnionArray(s) with fewer "
                f"contents if each new content has the type of an old one ({w} has not)"
            )
        mapping[old] = new
    if any(t not in mapping for t in _used_tags(layout)):
        raise ValueError(
            f"{_NAME}: union conversion must be lossless: the union holds values of contents "
            "that the new type does not have"
        )
    nplike, tags, index = _tags_and_index(layout)
    lookup = nplike.asarray([mapping.get(i, 0) for i in range(len(have))], dtype=int8)
    new_tags = Index8(lookup[tags] if len(tags) else nplike.zeros(0, dtype=int8), nplike=nplike)
    contents = [layout.contents[old] for old in sorted(mapping, key=mapping.get)]
    return _union(new_tags, Index64(nplike.astype(index, int64), nplike=nplike), contents, type_)


def _union(tags, index, contents, type_):
    if len(contents) == 1:
        nplike = index.nplike
        (raw_index,) = concrete(index.data)
        return IndexedArray.simplified(
            Index64(nplike.astype(raw_index[: len(tags)], int64), nplike=nplike), contents[0]
        )
    return UnionArray(tags, index, contents, parameters=_params(type_))


def _into_union(layout, type_):
    mine = _type_str(layout)
    wanted = [str(t) for t in type_.contents]
    if mine not in wanted:
        raise TypeError(
            f"{_NAME}: {type(layout).__name__} can only be converted into a UnionType if it is "
            "compatible with one of its contents, but no compatible content was found"
        )
    which = wanted.index(mine)
    nplike = layout.backend.index_nplike
    length = len(layout)
    tags = Index8(nplike.full(length, which, dtype=int8), nplike=nplike)
    index = Index64(nplike.arange(length, dtype=int64), nplike=nplike)
    contents = [
        layout if i == which else _empty_of(t, layout.backend) for i, t in enumerate(type_.contents)
    ]
    return UnionArray(tags, index, contents, parameters=_params(type_))


# ------------------------------------------------------------------------------- categoricals
def _is_categorical_layout(layout):
    return layout.is_indexed and layout.parameter("__array__") == "categorical"


def _is_categorical_type(type_):
    if isinstance(type_, T.OptionType):
        type_ = type_.content
    return bool(type_.parameter("__categorical__"))


def _strip_categorical(type_):
    params = {k: v for k, v in type_.parameters.items() if k != "__categorical__"}
    return type_.copy(parameters=params or None)


def _enforce_categorical(layout, type_):
    """Categorical arrays keep their index; the categories (its content) take the type. A
    categorical array given a plain type loses the marker (it stays an index over them)."""
    wanted = _is_categorical_type(type_)
    if not _is_categorical_layout(layout):
        if wanted:
            raise TypeError(
                f"{_NAME}: only categorical arrays (ak.str.to_categorical) can be given a "
                f"categorical type, not {_type_str(layout)}"
            )
        return _enforce(layout, type_)
    if not wanted:
        params = {k: v for k, v in layout.parameters.items() if k != "__array__"}
        return _enforce(layout.copy(parameters=params or None), type_)
    if isinstance(type_, T.OptionType) != layout.is_option:
        raise TypeError(
            f"{_NAME}: categorical arrays cannot gain or lose an option type (from "
            f"{_type_str(layout)} to {type_})"
        )
    inner = type_.content if isinstance(type_, T.OptionType) else type_
    return layout.copy(content=_enforce(layout.content, _strip_categorical(inner)))
