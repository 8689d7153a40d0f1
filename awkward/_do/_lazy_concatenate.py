"""Lazy concatenation at axis 0: every output buffer is a virtual buffer.

When the pieces share one form (form keys aside) and some of their buffers are still unread,
``lazy_mergemany`` builds the output node by node without reading anything: each output buffer
is a ``VirtualNDArray`` whose generator concatenates the matching buffers of the pieces when it
is first touched (offsets rebased by the preceding pieces' totals, indexes shifted by the
preceding pieces' content lengths, tags and masks as they are). Its shape is the sum of the
pieces' shapes; where a piece's extent depends on data (the content range of a list is
``offsets[0]:offsets[-1]``), the shape is ``unknown_length`` with a shape generator that reads
only the offsets it needs. So ``len``, the type and the fields read nothing, and touching one
field reads only that field's pieces.

Each piece contributes a range ``[start, stop)`` of its node; ranges are ints or ``_Lazy``
values computed (once) from the parent's buffers when a generator or a length needs them.
Pieces of different forms are not handled here (``None``): they merge eagerly.
"""

from __future__ import annotations

from awkward._nplikes.dtypes import int8, int64
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.contents.content import concrete

__all__ = ["lazy_mergemany"]


class _Lazy:
    """An int computed on first use (from buffers), then remembered."""

    __slots__ = ("_compute", "_value")

    def __init__(self, compute):
        self._compute = compute
        self._value = None

    def get(self) -> int:
        if self._value is None:
            self._value = int(self._compute())
        return self._value


def _get(value) -> int:
    return value.get() if isinstance(value, _Lazy) else value


def _known(ranges) -> bool:
    return all(not isinstance(s, _Lazy) and not isinstance(e, _Lazy) for s, e in ranges)


def _length_of(layout):
    length = layout.length
    if length is unknown_length:
        return _Lazy(lambda: len(layout))
    return length


def lazy_mergemany(layouts):
    """The lazy concatenation of ``layouts`` (axis 0), or None when it does not apply: the
    forms differ, or every buffer is already in memory (then merging eagerly is cheaper)."""
    if len(layouts) < 2:
        return None
    first = layouts[0]
    if first.backend.name == "jax" or all(x.is_all_materialized for x in layouts):
        return None  # (jax: data may be jax.grad tracers, which must not hide in generators)
    form = first.form
    for x in layouts[1:]:
        if x.backend is not first.backend or not form.is_equal_to(x.form, all_parameters=True):
            return None
    try:
        return _Builder(first.backend).node(layouts, [(0, _length_of(x)) for x in layouts])
    except _NotAligned:
        return None


class _NotAligned(Exception):
    """Pieces whose forms are equal but whose union contents do not line up one to one."""


class _Builder:
    __slots__ = ("backend", "nplike", "count")

    def __init__(self, backend):
        self.backend = backend
        self.nplike = backend.index_nplike
        self.count = 0

    # ------------------------------------------------------------------ buffers
    def buffer(self, shape0, inner, dtype, generate, ranges, attribute):
        """A virtual buffer of ``shape0`` (+ ``inner``) items, ``unknown_length`` with a
        shape generator when the ranges are not known yet."""
        self.count += 1
        key = f"concatenate-node{self.count}-{attribute}"
        shape_generator = None
        if shape0 is unknown_length:
            extra = 1 if attribute == "offsets" else 0

            def shape_generator():
                return (sum(_get(e) - _get(s) for s, e in ranges) + extra, *inner)

        return VirtualNDArray(self.nplike, (shape0, *inner), dtype, generate, shape_generator, key)

    def length(self, ranges):
        if _known(ranges):
            return sum(e - s for s, e in ranges)
        return unknown_length

    def index(self, cls, data):
        return cls(data, nplike=self.nplike)

    def sliced(self, buffer, start, stop):
        (data,) = concrete(buffer[_get(start) : _get(stop)])
        return data

    def bases(self, children):
        """Where each piece's child starts in the concatenated child (lazy lengths)."""
        out, running = [], 0
        for child in children:
            out.append(running)
            length = _length_of(child)
            if isinstance(running, _Lazy) or isinstance(length, _Lazy):
                previous = running
                running = _Lazy(lambda p=previous, n=length: _get(p) + _get(n))
            else:
                running = running + length
        return out

    # ------------------------------------------------------------------ nodes
    def node(self, pieces, ranges):
        first = pieces[0]
        name = type(first).__name__
        return getattr(self, "_" + name)(pieces, ranges)

    def _EmptyArray(self, pieces, ranges):
        return pieces[0]

    def _NumpyArray(self, pieces, ranges):
        from awkward.contents import NumpyArray

        first = pieces[0]
        nplike, sliced = first.backend.nplike, self.sliced

        def generate():
            return nplike.concat([sliced(p.data, s, e) for p, (s, e) in zip(pieces, ranges)])

        data = self.buffer(
            self.length(ranges), first.inner_shape, first.dtype, generate, ranges, "data"
        )
        return NumpyArray(data, parameters=first._parameters, backend=first.backend)

    def _ListOffsetArray(self, pieces, ranges):
        from awkward.contents import ListOffsetArray
        from awkward.index import Index64

        nplike, sliced = self.nplike, self.sliced

        def offsets_of(piece, s, e):
            return nplike.astype(sliced(piece.offsets.data, s, _get(e) + 1), int64)

        def generate():
            out, total = [nplike.zeros(1, dtype=int64)], 0
            for p, (s, e) in zip(pieces, ranges):
                off = offsets_of(p, s, e)
                out.append(off[1:] - off[0] + total)
                total += int(off[-1] - off[0])
            return nplike.concat(out)

        length = self.length(ranges)
        offsets = self.buffer(
            length if length is unknown_length else length + 1,
            (),
            int64,
            generate,
            ranges,
            "offsets",
        )
        child_ranges = [
            (
                _Lazy(lambda p=p, s=s: _index_at(p.offsets, _get(s))),
                _Lazy(lambda p=p, e=e: _index_at(p.offsets, _get(e))),
            )
            for p, (s, e) in zip(pieces, ranges)
        ]
        content = self.node([p.content for p in pieces], child_ranges)
        return ListOffsetArray(
            self.index(Index64, offsets), content, parameters=pieces[0]._parameters
        )

    def _ListArray(self, pieces, ranges):
        from awkward.contents import ListArray
        from awkward.index import Index64

        contents = [p.content for p in pieces]
        bases = self.bases(contents)
        starts = self._shifted(pieces, ranges, bases, "starts", lambda p: p.starts.data)
        stops = self._shifted(pieces, ranges, bases, "stops", lambda p: p.stops.data)
        content = self.node(contents, [(0, _length_of(c)) for c in contents])
        return ListArray(
            self.index(Index64, starts),
            self.index(Index64, stops),
            content,
            parameters=pieces[0]._parameters,
        )

    def _shifted(self, pieces, ranges, bases, attribute, buffer_of, keep_negative=False):
        nplike, sliced = self.nplike, self.sliced

        def generate():
            out = []
            for p, (s, e), base in zip(pieces, ranges, bases):
                data = nplike.astype(sliced(buffer_of(p), s, e), int64)
                shifted = data + _get(base)
                out.append(nplike.where(data < 0, data, shifted) if keep_negative else shifted)
            return nplike.concat(out)

        return self.buffer(self.length(ranges), (), int64, generate, ranges, attribute)

    def _RegularArray(self, pieces, ranges):
        from awkward.contents import RegularArray

        size = pieces[0].size
        child_ranges = [_scaled(s, e, size) for s, e in ranges]
        content = self.node([p.content for p in pieces], child_ranges)
        length = self.length(ranges)
        generator = None
        if length is unknown_length:

            def generator():
                return sum(_get(e) - _get(s) for s, e in ranges)

        return RegularArray(
            content,
            size,
            zeros_length=length,
            zeros_length_generator=generator,
            parameters=pieces[0]._parameters,
        )

    def _IndexedArray(self, pieces, ranges):
        from awkward.contents import IndexedArray
        from awkward.index import Index64

        contents = [p.content for p in pieces]
        bases = self.bases(contents)
        index = self._shifted(pieces, ranges, bases, "index", lambda p: p.index.data)
        content = self.node(contents, [(0, _length_of(c)) for c in contents])
        return IndexedArray(self.index(Index64, index), content, parameters=pieces[0]._parameters)

    def _IndexedOptionArray(self, pieces, ranges):
        from awkward.contents import IndexedOptionArray
        from awkward.index import Index64

        contents = [p.content for p in pieces]
        bases = self.bases(contents)
        index = self._shifted(
            pieces, ranges, bases, "index", lambda p: p.index.data, keep_negative=True
        )
        content = self.node(contents, [(0, _length_of(c)) for c in contents])
        return IndexedOptionArray(
            self.index(Index64, index), content, parameters=pieces[0]._parameters
        )

    def _ByteMaskedArray(self, pieces, ranges):
        from awkward.contents import ByteMaskedArray
        from awkward.index import Index8

        nplike, sliced = self.nplike, self.sliced

        def generate():
            return nplike.concat([sliced(p.mask.data, s, e) for p, (s, e) in zip(pieces, ranges)])

        mask = self.buffer(self.length(ranges), (), int8, generate, ranges, "mask")
        content = self.node([p.content for p in pieces], ranges)
        first = pieces[0]
        return ByteMaskedArray(
            self.index(Index8, mask), content, first.valid_when, parameters=first._parameters
        )

    def _BitMaskedArray(self, pieces, ranges):
        # bits of different pieces do not line up on byte boundaries: the output is byte-masked
        from awkward.contents import ByteMaskedArray
        from awkward.index import Index8

        nplike = self.nplike

        def generate():
            out = []
            for p, (s, e) in zip(pieces, ranges):
                (valid,) = concrete(p.mask_as_bool(True))
                out.append(nplike.astype(valid[_get(s) : _get(e)], int8))
            return nplike.concat(out)

        mask = self.buffer(self.length(ranges), (), int8, generate, ranges, "mask")
        content = self.node([p.content for p in pieces], ranges)
        return ByteMaskedArray(
            self.index(Index8, mask), content, True, parameters=pieces[0]._parameters
        )

    def _UnmaskedArray(self, pieces, ranges):
        from awkward.contents import UnmaskedArray

        content = self.node([p.content for p in pieces], ranges)
        return UnmaskedArray(content, parameters=pieces[0]._parameters)

    def _RecordArray(self, pieces, ranges):
        from awkward.contents import RecordArray

        first = pieces[0]
        if first.is_tuple:
            columns = [[p.contents[i] for p in pieces] for i in range(len(first.contents))]
        else:  # the same fields, maybe in another order
            columns = [[p.content(field) for p in pieces] for field in first.fields]
        contents = [self.node(column, ranges) for column in columns]
        fields = None if first.is_tuple else list(first.fields)
        length = self.length(ranges)
        generator = None
        if length is unknown_length:

            def generator():
                return sum(_get(e) - _get(s) for s, e in ranges)

        return RecordArray(
            contents, fields, length, generator, parameters=first._parameters, backend=first.backend
        )

    def _UnionArray(self, pieces, ranges):
        from awkward.contents import UnionArray
        from awkward.index import Index8, Index64

        nplike, sliced = self.nplike, self.sliced
        columns = [[p.contents[j] for p in pieces] for j in range(len(pieces[0].contents))]
        for column in columns:
            if not all(c.form.is_equal_to(column[0].form, all_parameters=True) for c in column[1:]):
                raise _NotAligned  # the same union type with its contents in another order
        bases = [self.bases(column) for column in columns]  # bases[j][k]

        def tags_generate():
            return nplike.concat([sliced(p.tags.data, s, e) for p, (s, e) in zip(pieces, ranges)])

        def index_generate():
            out = []
            for k, (p, (s, e)) in enumerate(zip(pieces, ranges)):
                tags = nplike.astype(sliced(p.tags.data, s, e), int64)
                index = nplike.astype(sliced(p.index.data, s, e), int64)
                shift = nplike.asarray([_get(column[k]) for column in bases], dtype=int64)
                out.append(index + shift[tags])
            return nplike.concat(out)

        length = self.length(ranges)
        tags = self.buffer(length, (), int8, tags_generate, ranges, "tags")
        index = self.buffer(length, (), int64, index_generate, ranges, "index")
        contents = [self.node(column, [(0, _length_of(c)) for c in column]) for column in columns]
        return UnionArray(
            self.index(Index8, tags),
            self.index(Index64, index),
            contents,
            parameters=pieces[0]._parameters,
        )


def _index_at(index, at: int) -> int:
    (data,) = concrete(index.data[at : at + 1])
    return int(data[0])


def _scaled(start, stop, size):
    if isinstance(start, _Lazy) or isinstance(stop, _Lazy):
        return _Lazy(lambda: _get(start) * size), _Lazy(lambda: _get(stop) * size)
    return start * size, stop * size
