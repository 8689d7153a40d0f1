"""``np.asarray(view)`` and ``np.array(view)`` inside numba, for views of one-dimensional numbers.

As in awkward 2.14, a view whose elements are numbers straight out of a NumpyArray (a list of
numbers ``array[i]``, a flat array, a field of records, their ranges) becomes a numpy array:
``np.asarray`` shares the array's memory (writing to it writes to the ak.Array), ``np.array``
copies. Other views (lists of lists, options, indexed arrays, unions, strings) are a TypingError,
as there. The numpy array shares the Lookup's MemInfo (lookup.py, slot 0), which owns the
buffers: taking it is an atomic increment (no allocation, no GIL), and an array returned from
the compiled function stays valid after the ak.Array is gone (awkward 2.14's does not).
"""

from __future__ import annotations

import numpy as np
from numba.core import cgutils, types
from numba.extending import intrinsic, overload
from numba.np.arrayobj import populate_array

from awkward._connect.numba.layout import EmptyArrayType, NumpyArrayType
from awkward._connect.numba.lookup import MEMINFO_SLOT
from awkward._connect.numba.views import ArrayViewType, buffer_pointer, intp


def _is_numpy_view(viewtype):
    return (
        isinstance(viewtype, ArrayViewType)
        and isinstance(viewtype.type, (NumpyArrayType, EmptyArrayType))
        and not viewtype.fields
    )


_EMPTY = types.Array(types.float64, 1, "C")


@intrinsic
def _as_numpy(typingctx, viewtype):
    if not _is_numpy_view(viewtype):
        return None
    if isinstance(viewtype.type, EmptyArrayType):  # (a list of nothing: no buffer, length 0)
        return _EMPTY(viewtype), lambda context, builder, sig, args: context.compile_internal(
            builder, lambda: np.empty(0, np.float64), _EMPTY(), ()
        )
    arraytype = viewtype.type.arraytype

    def codegen(context, builder, sig, args):
        view = context.make_helper(builder, viewtype, args[0])
        dtype = arraytype.dtype
        data = builder.gep(buffer_pointer(context, builder, view, 0, dtype), [view.start])
        itemsize = context.get_constant(
            types.intp, context.get_abi_sizeof(context.get_data_type(dtype))
        )
        # the Lookup's MemInfo (slot 0), which owns its buffers: one more reference
        slot = builder.gep(view.arrayptrs, [intp(context, MEMINFO_SLOT)])
        meminfo = builder.inttoptr(builder.load(slot), cgutils.voidptr_t)
        context.nrt.incref(builder, types.MemInfoPointer(types.voidptr), meminfo)
        out = context.make_array(arraytype)(context, builder)
        populate_array(
            out,
            data=data,
            shape=[builder.sub(view.stop, view.start)],
            strides=[itemsize],
            itemsize=itemsize,
            meminfo=meminfo,
        )
        return out._getvalue()

    return arraytype(viewtype), codegen


@overload(np.asarray)
def _np_asarray(a):
    if _is_numpy_view(a):
        return lambda a: _as_numpy(a)
    return None


@overload(np.array)
def _np_array(object):
    if _is_numpy_view(object):
        return lambda object: _as_numpy(object).copy()
    return None
