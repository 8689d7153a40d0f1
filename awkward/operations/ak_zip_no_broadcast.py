"""ak.zip_no_broadcast: records from arrays that already line up, without broadcasting."""

from __future__ import annotations

from awkward._do import zip_no_broadcast_layouts
from awkward.operations._layout_args import HighLevelContext
from awkward.operations.ak_combinations import record_parameters
from awkward.operations.ak_zip import zip_args

__all__ = ["zip_no_broadcast"]


def zip_no_broadcast(
    arrays, *, parameters=None, with_name=None, highlevel=True, behavior=None, attrs=None
):
    """Like ak.zip for flat arrays (NumpyArrays) or one level of lists (ListOffsetArrays of
    NumpyArrays with the same offsets): the record goes inside the lists, no broadcasting."""
    ctx = HighLevelContext(behavior, attrs)
    layouts, fields = zip_args(ctx, arrays, "zip_no_broadcast", allow_scalars=True)
    out = zip_no_broadcast_layouts(
        layouts, fields, parameters=record_parameters(parameters, with_name)
    )
    return ctx.wrap(out, highlevel)
