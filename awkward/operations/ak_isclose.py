"""ak.isclose: element-wise closeness of two arrays (broadcast together)."""

from __future__ import annotations

from awkward.operations._elementwise import map_values_n
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, positional_inputs

__all__ = ["isclose"]


def _is_scalar(value) -> bool:
    return isinstance(value, (bool, int, float, complex)) or (
        hasattr(value, "dtype") and getattr(value, "shape", None) == ()
    )


@named_axis_op(inputs=positional_inputs)
def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False, *, highlevel=True, behavior=None, attrs=None):
    """True where ``|a - b| <= atol + rtol * |b|`` (numpy.isclose), after broadcasting ``a``
    and ``b`` like a ufunc (records field by field, missing values stay missing)."""
    ctx = HighLevelContext(behavior, attrs)
    inputs = [value if _is_scalar(value) else ctx.unwrap(value, "isclose", allow_record=False) for value in (a, b)]
    if all(_is_scalar(value) for value in (a, b)):
        raise TypeError("ak.isclose: at least one of a and b must be an array")

    def leaves(data, backend):
        return backend.nplike.isclose(*data, rtol=rtol, atol=atol, equal_nan=equal_nan)

    result = map_values_n(inputs, leaves, function="isclose")
    return ctx.wrap(result, highlevel)
