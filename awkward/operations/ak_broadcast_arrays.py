"""ak.broadcast_arrays: arrays (and scalars) broadcast to a common nested structure."""

from __future__ import annotations

from awkward._broadcasting import broadcast_and_apply, broadcast_scalar
from awkward._nplikes.dtypes import int64
from awkward.contents.content import Content, length_of
from awkward.index import Index64
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, positional_inputs
from awkward.record import Record

__all__ = ["broadcast_arrays"]


def _is_scalar(obj) -> bool:
    return isinstance(obj, (bool, int, float, complex)) or (
        hasattr(obj, "dtype") and getattr(obj, "shape", None) == ()
    )


def _is_string(layout) -> bool:
    # strings and bytestrings are values here, as in awkward: they are not broadcast as lists
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


@named_axis_op(inputs=positional_inputs)
def broadcast_arrays(
    *arrays,
    depth_limit=None,
    broadcast_parameters_rule="one_to_one",
    left_broadcast=True,
    right_broadcast=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Broadcast every argument against the others (scalars become arrays) and return them
    as a list. Records are repeated whole (their fields are not broadcast against each other) and at ``depth_limit``."""
    if depth_limit is not None and (not isinstance(depth_limit, int) or depth_limit < 1):
        raise ValueError(f"ak.broadcast_arrays: depth_limit must be None or a positive int, not {depth_limit!r}")
    if not arrays:
        return []
    # each output keeps its own input's behavior and attrs (explicit arguments win), as in 2.14
    contexts = [HighLevelContext(behavior, attrs) for _ in arrays]
    inputs = [
        x if _is_scalar(x) else ctx.unwrap(x, "broadcast_arrays", allow_record=True)
        for x, ctx in zip(arrays, contexts)
    ]
    # a record (ak.Record, or a dict such as coffea's `broadcast_arrays(events, {})`) is
    # repeated along the arrays, as in 2.14; records alone broadcast to records
    only_records = not any(isinstance(x, Content) for x in inputs)
    if any(isinstance(x, Record) for x in inputs):
        first = next((x for x in inputs if isinstance(x, Content)), None)
        length, backend = (1, None) if first is None else (length_of(first), first.backend)
        inputs = [_repeated(x, length, backend) if isinstance(x, Record) else x for x in inputs]
    if not any(isinstance(x, Content) for x in inputs):
        raise TypeError("ak.broadcast_arrays: at least one argument must be an array")

    def action(inputs, *, depth, backend):
        contents = [x for x in inputs if isinstance(x, Content)]
        if all((x.is_numpy and len(x.shape) == 1) or x.is_record or _is_string(x) for x in contents):
            length = length_of(contents[0])
            return tuple(
                x if isinstance(x, Content) else broadcast_scalar(x, length, backend) for x in inputs
            )
        return None

    outputs = broadcast_and_apply(
        inputs,
        action,
        depth_limit=depth_limit,
        left_broadcast=left_broadcast,
        right_broadcast=right_broadcast,
        broadcast_parameters_rule=broadcast_parameters_rule,
        function_name="ak.broadcast_arrays",
    )
    if only_records:
        outputs = [Record(x, 0) for x in outputs]
    return [ctx.wrap(x, highlevel) for x, ctx in zip(outputs, contexts)]


def _repeated(record, length, backend):
    """The record's array row ``record.at`` repeated ``length`` times (no data read), on the
    arrays' backend."""
    array = record.array if backend is None else record.array.to_backend(backend)
    nplike = array.backend.index_nplike
    return array._carry(Index64(nplike.full(length, record.at, dtype=int64), nplike=nplike), False)
