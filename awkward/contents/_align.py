"""The length-1 wrappers of broadcasting: ``pack`` puts every input in one list (the walk of
ak.transform starts there), ``right_align`` does it NumPy's way for purely regular inputs of
different dimensions (a length-n array behaves like shape (1, n) against shape (m, n)), and
``unwrap_outer`` takes the result back out. On the typetracer a wrapper of unknown size cannot
be a RegularArray (``one_list_of`` makes it a ListOffsetArray), so a lower-dimensional input
takes the size of the dimension it is aligned with, which is known: the result keeps the
eager run's regular dimensions."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward.contents._typetracer import one_list_of
from awkward.contents.content import Content, length_of
from awkward.contents.regulararray import RegularArray

__all__ = ["needs_right_broadcast", "pack", "right_align", "unwrap_outer"]


def _regular_ndim(layout):
    """Number of dimensions of a purely regular layout (NumpyArray/RegularArray chain), else None."""
    ndim = 0
    while True:
        if layout.is_numpy:
            return ndim + len(layout.shape)
        if layout.is_regular:
            ndim += 1
            layout = layout.content
            continue
        return None


def needs_right_broadcast(contents) -> bool:
    """Whether ``contents`` are all purely regular, of different numbers of dimensions."""
    ndims = [_regular_ndim(x) for x in contents]
    if any(n is None for n in ndims):
        return False
    return len(set(ndims)) > 1


def _regular_sizes(layout):
    """The sizes of a purely regular layout's inner dimensions (its length excluded)."""
    sizes = []
    while layout.is_regular:
        sizes.append(layout.size)
        layout = layout.content
    return sizes + list(layout.shape[1:])


def _aligned_size(x, contents):
    """The size of the higher-dimensional inputs' dimension that ``x``'s outer dimension is
    aligned with (a size other than 1 when one has it), or None when none is higher."""
    ndim = _regular_ndim(x)
    sizes = set()
    for other in contents:
        other_sizes = _regular_sizes(other)
        if len(other_sizes) + 1 > ndim:
            sizes.add(other_sizes[len(other_sizes) - ndim])
    return None if not sizes else max(sizes - {1}, default=1)


def _one_list_of_aligned(x, contents):
    """``one_list_of(x)``; on the typetracer, where ``x``'s length is unknown but it is aligned
    with a regular dimension of known size (which its length must equal, or 1: broadcasting
    gives the same form either way), a RegularArray of that size, so that the result keeps that
    dimension regular as the eager run does."""
    if length_of(x) is unknown_length:
        size = _aligned_size(x, contents)
        if size is not None:
            return RegularArray(x, size, zeros_length=unknown_length)
    return one_list_of(x)


def right_align(inputs):
    """Wrap every layout in an outer length-1 RegularArray; lower-dimensional regular ones get
    size-1 dimensions on the left, so that the generic size-1 rule aligns them to the right."""
    contents = [x for x in inputs if isinstance(x, Content)]
    top = max(_regular_ndim(x) for x in contents)
    out = []
    for x in inputs:
        if isinstance(x, Content):
            wrapped = _one_list_of_aligned(x, contents)
            for _ in range(top - _regular_ndim(x)):
                wrapped = RegularArray(wrapped, 1, zeros_length=1)
            out.append(wrapped)
        else:
            out.append(x)
    return out


def pack(inputs):
    """Every layout among ``inputs`` in a length-1 list (``one_list_of``)."""
    return [one_list_of(x) if isinstance(x, Content) else x for x in inputs]


def unwrap_outer(layout):
    """The single list of a length-1 wrapper (``pack``/``right_align``) as an array."""
    if layout.is_regular:
        length = layout.content.length
        if isinstance(length, int) and length == layout.size:
            return layout.content
    if layout.is_regular:
        return layout.content._getitem_range(0, layout.size)
    return layout[0]
