"""ak.parameters: the parameters of an array's outermost node."""

from __future__ import annotations

import copy

from awkward.operations.ak_to_layout import to_layout

__all__ = ["parameters"]


def parameters(array):
    """A copy of the outermost node's parameters ({} for non-arrays); a record gives its
    RecordArray's parameters. Reads no buffer."""
    from awkward.record import Record

    layout = to_layout(array, allow_record=True, primitive_policy="pass-through",
                       string_policy="pass-through", none_policy="pass-through",
                       allow_unknown=True)
    if isinstance(layout, Record):
        layout = layout.array
    params = getattr(layout, "parameters", None)
    if not isinstance(params, dict):
        return {}
    return copy.deepcopy(params)
