"""The Python side of passing an array into numba: the Lookup, typing, and boxing back.

``Lookup(layout)`` lays the layout tree out in one int64 array ``arrayptrs``: each node gets a
block of slots at its position ``pos`` (buffer pointers, sizes, child positions: the order is
given per layout type in layout.py) and ``nodes[pos]`` keeps the node, so a view returned from
numba (pos, start, stop) boxes back into ``nodes[pos][start:stop]``. Building a Lookup
materializes the layout's virtual buffers (a generator's exception reaches the caller as it is)
and keeps the materialized arrays alive with it. ak.Arrays cache their Lookup and numba type in
their ``__dict__``, keyed by the layout and behavior they had, so calling a compiled function in
a loop builds neither again.
"""

from __future__ import annotations

import numpy as np

from awkward._connect.numba.layout import ACCESS_GENERATION, from_form
from awkward._connect.numba.views import ArrayViewType, RecordViewType
from awkward._nplikes.placeholder import PlaceholderArray
from awkward.contents.content import concrete, length_of
from awkward.index import Index
from awkward.record import Record as LayoutRecord

_LOOKUP_KEY = "_numba_lookup"
_TYPE_KEY = "_numba_type"

# slot 0 of every Lookup: an NRT MemInfo owning the Lookup's buffers, which numpy arrays made
# from views (np.asarray) share: acquiring it is an atomic increment, and an array returned
# from compiled code keeps the buffers alive through it. The layout starts at ROOT.
MEMINFO_SLOT = 0
ROOT = 1


class Lookup:
    __slots__ = (
        "nodes",
        "arrayptrs",
        "ptr",
        "length",
        "behavior",
        "attrs",
        "generation",
        "_arrays",
        "_slots",
        "_meminfo",
    )

    def __init__(self, layout, numbatype, behavior=None, attrs=None):
        self.generation = ACCESS_GENERATION[0]
        self.behavior = behavior
        self.attrs = attrs
        self.nodes = {}
        self._slots = [0]  # (MEMINFO_SLOT)
        self._arrays = []
        self._add(layout, numbatype)
        self.arrayptrs = np.array(self._slots, dtype=np.int64)
        self._slots = None
        self._meminfo = _buffers_meminfo(self._arrays, self.arrayptrs)
        self.ptr = self.arrayptrs.ctypes.data
        self.length = length_of(layout)

    def _reserve(self, layout, count):
        pos = len(self._slots)
        self._slots.extend([0] * max(count, 1))
        self.nodes[pos] = layout
        return pos

    def _pointer(self, buffer):
        if isinstance(buffer, Index):
            buffer = buffer.data
        (data,) = concrete(buffer)
        data = np.ascontiguousarray(data)
        if not data.dtype.isnative:
            data = data.astype(data.dtype.newbyteorder("="))
        self._arrays.append(data)
        return data.ctypes.data

    def _add(self, layout, numbatype) -> int:
        """Lay out ``layout`` (whose numba type is ``numbatype``); returns its position."""
        slots = self._slots
        if layout.is_numpy:
            if len(layout.inner_shape) > 0:
                return self._add(layout.to_RegularArray(), numbatype)
            pos = self._reserve(layout, 1)
            slots[pos] = self._pointer(layout.data)
        elif layout.is_unknown:
            pos = self._reserve(layout, 1)
        elif layout.is_regular:
            pos = self._reserve(layout, 2)
            slots[pos] = layout.size
            slots[pos + 1] = self._add(layout.content, numbatype.contenttype)
        elif layout.is_list:
            pos = self._reserve(layout, 3)
            if hasattr(layout, "offsets"):
                (offsets,) = concrete(layout.offsets.data)
                offsets = np.ascontiguousarray(offsets)
                self._arrays.append(offsets)
                slots[pos] = offsets.ctypes.data
                slots[pos + 1] = offsets.ctypes.data + offsets.itemsize
            else:
                slots[pos] = self._pointer(layout.starts)
                slots[pos + 1] = self._pointer(layout.stops)
            slots[pos + 2] = self._add(layout.content, numbatype.contenttype)
        elif layout.is_record:
            # only the fields compiled code reads (the others' buffers stay unread)
            contents = layout.contents
            pos = self._reserve(layout, len(contents))
            for i, content in enumerate(contents):
                if i in numbatype.accessed:
                    slots[pos + i] = self._add(content, numbatype.contenttypes[i])
                else:
                    slots[pos + i] = -1
        elif layout.is_union:
            pos = self._reserve(layout, 2 + len(layout.contents))
            slots[pos] = self._pointer(layout.tags)
            slots[pos + 1] = self._pointer(layout.index)
            for i, content in enumerate(layout.contents):
                slots[pos + 2 + i] = self._add(content, numbatype.contenttypes[i])
        elif layout.is_indexed or (layout.is_option and hasattr(layout, "index")):
            pos = self._reserve(layout, 2)
            slots[pos] = self._pointer(layout.index)
            slots[pos + 1] = self._add(layout.content, numbatype.contenttype)
        elif layout.is_option and hasattr(layout, "mask"):
            pos = self._reserve(layout, 2)
            slots[pos] = self._pointer(layout.mask)
            slots[pos + 1] = self._add(layout.content, numbatype.contenttype)
        elif layout.is_option:  # UnmaskedArray
            pos = self._reserve(layout, 1)
            slots[pos] = self._add(layout.content, numbatype.contenttype)
        else:
            raise TypeError(f"ak.Array in numba: cannot pass a {type(layout).__name__}")
        return pos


def _buffers_meminfo(arrays, arrayptrs):
    """The MemInfo of slot 0: it holds a reference to the list of buffers, not to the Lookup
    (no cycle); the Lookup holds one reference to it (released when the Lookup is collected)."""
    from numba.core.runtime import _nrt_python, nrt

    pointer = _nrt_python.meminfo_new(arrayptrs.ctypes.data, arrays)  # (data must not be NULL)
    arrayptrs[MEMINFO_SLOT] = pointer
    return nrt.MemInfo(pointer)


# ---------------------------------------------------------------------- typing and unboxing
def _check_passable(layout, what):
    backend = layout.backend.name
    if backend != "cpu":
        raise TypeError(
            f"{what} in numba: only arrays on the cpu backend can be passed, not {backend!r}"
        )
    stack = [layout]
    while stack:
        node = stack.pop()
        for name, buffer in node._buffers_by_attribute().items():
            if isinstance(buffer, PlaceholderArray):
                key = f" {buffer._buffer_key!r}" if buffer._buffer_key is not None else ""
                raise TypeError(
                    f"{what} in numba: the {name} buffer{key} of a {type(node).__name__} is a placeholder "
                    "with no data (no generator to make it); build the array with its buffers to use it in numba"
                )
        stack.extend(node.contents)


def _cached(array, key, build, valid=lambda found: True):
    layout, behavior = array._layout, array._behavior
    found = array.__dict__.get(key)
    if found is not None and found[0] is layout and found[1] is behavior and valid(found[2]):
        return found[2]
    out = build(layout, behavior)
    array.__dict__[key] = (layout, behavior, out)
    return out


def array_numba_type(array):
    """The ArrayViewType (or RecordViewType for an ak.Record) of a high-level object."""
    found = array.__dict__.get(_TYPE_KEY)  # (the fast path: every call of a compiled function)
    if found is not None and found[0] is array._layout and found[1] is array._behavior:
        return found[2]

    def build(layout, behavior):
        is_record = isinstance(layout, LayoutRecord)
        content = layout.array if is_record else layout
        _check_passable(content, "ak.Record" if is_record else "ak.Array")
        viewtype = ArrayViewType(from_form(content.form), behavior, ())
        return RecordViewType(viewtype) if is_record else viewtype

    return _cached(array, _TYPE_KEY, build)


def lookup_of(array):
    """The (cached) Lookup of an ak.Array or ak.Record (called from the unboxing code); rebuilt
    when compiled code has started reading record fields it does not lay out."""
    found = array.__dict__.get(_LOOKUP_KEY)  # (the fast path: every call of a compiled function)
    if (
        found is not None
        and found[0] is array._layout
        and found[1] is array._behavior
        and found[2].generation == ACCESS_GENERATION[0]
    ):
        return found[2]

    def build(layout, behavior):
        content = layout.array if isinstance(layout, LayoutRecord) else layout
        viewtype = array_numba_type(array)
        if isinstance(viewtype, RecordViewType):
            viewtype = viewtype.arrayviewtype
        return Lookup(content, viewtype.type, behavior, array._attrs)

    return _cached(
        array, _LOOKUP_KEY, build, lambda found: found.generation == ACCESS_GENERATION[0]
    )


# ---------------------------------------------------------------------- boxing
def box_array(lookup, pos, start, stop, fields):
    from awkward.highlevel import Array

    layout = lookup.nodes[pos]._getitem_range(start, stop)
    for field in fields:
        layout = layout[field]
    return Array._from_layout(layout, lookup.behavior, lookup.attrs)


def box_record(lookup, pos, at):
    from awkward.highlevel import Record
    from awkward.record import Record as LayoutRecord

    return Record._from_layout(LayoutRecord(lookup.nodes[pos], at), lookup.behavior, lookup.attrs)
