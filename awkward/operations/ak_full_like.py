"""ak.full_like: an array of the same structure with every value set to one constant."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64, uint8
from awkward.contents.content import length_of, unknown_length
from awkward.operations._elementwise import map_values, numpy_function
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["full_like", "filled_like"]


@named_axis_op()
def full_like(array, fill_value, *, dtype=None, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """Same structure as ``array`` (lists, options, records, unions and their buffers are
    shared, not copied) with every number replaced by ``fill_value``, in each leaf's own dtype
    or in ``dtype``. Strings become the string of ``fill_value`` (numbers when ``dtype`` is
    given). Unknown-type leaves stay unknown unless ``including_unknown`` and ``dtype`` are given.
    Only shapes are read: the values of the original array are never loaded."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "full_like", allow_record=False)
    result = filled_like(layout, fill_value, dtype, including_unknown, "full_like")
    return ctx.wrap(result, highlevel)


def filled_like(layout, fill_value, dtype, including_unknown, function, string_value=None):
    """The layout-level engine of ak.full_like/zeros_like/ones_like. ``string_value``: the
    text that replaces strings (default ``str(fill_value)``)."""
    from awkward.contents import ListOffsetArray, NumpyArray
    from awkward.index import Index64

    if dtype is not None:
        dtype = numpy_function("dtype")(dtype)  # a clear TypeError for names numpy does not know

    def leaf(node):
        nplike = node.backend.nplike
        return NumpyArray(nplike.full_like(node.data, fill_value, dtype=dtype), parameters=node._parameters, backend=node.backend)

    def unknown(node):
        if including_unknown and dtype is not None:
            return NumpyArray(node.backend.nplike.zeros(0, dtype=dtype), backend=node.backend)
        return node

    def string(node):
        nplike = node.backend.nplike
        index_nplike = node.backend.index_nplike
        length = length_of(node)
        if dtype is not None:
            return NumpyArray(nplike.full(length, fill_value, dtype=dtype), backend=node.backend)
        kind = node.parameter("__array__")
        text = str(fill_value) if string_value is None else string_value
        encoded = text.encode("utf-8") if kind == "string" else text.encode("latin-1", "backslashreplace")
        width = len(encoded)
        offsets = Index64(index_nplike.arange(length + 1, dtype=int64) * width, nplike=index_nplike)
        if length is unknown_length:  # typetracer: the characters are unknown too
            chars = nplike.empty(unknown_length, dtype=uint8)
        else:
            chars = nplike.asarray(list(encoded) * length, dtype=uint8)
        content = NumpyArray(chars, parameters={"__array__": "char" if kind == "string" else "byte"}, backend=node.backend)
        return ListOffsetArray(offsets, content, parameters=node._parameters)

    return map_values(layout, leaf, function=function, on_string=string, on_unknown=unknown)
