"""ak.isclose: element-wise closeness of two arrays (broadcast together)."""

from __future__ import annotations

from awkward.operations._elementwise import layout_and_behavior, map_values_n, wrap

__all__ = ["isclose"]


def _is_scalar(value) -> bool:
    return isinstance(value, (bool, int, float, complex)) or (
        hasattr(value, "dtype") and getattr(value, "shape", None) == ()
    )


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False, *, highlevel=True, behavior=None, attrs=None):
    """True where ``|a - b| <= atol + rtol * |b|`` (numpy.isclose), after broadcasting ``a``
    and ``b`` like a ufunc (records field by field, missing values stay missing)."""
    inputs, behaviors = [], []
    for value in (a, b):
        if _is_scalar(value):
            inputs.append(value)
        else:
            layout, found = layout_and_behavior(value, "isclose", None)
            inputs.append(layout)
            behaviors.append(found)
    if not behaviors:
        raise TypeError("ak.isclose: at least one of a and b must be an array")
    if behavior is None:
        behavior = next((x for x in behaviors if x is not None), None)

    def leaves(data, backend):
        return backend.nplike.isclose(*data, rtol=rtol, atol=atol, equal_nan=equal_nan)

    result = map_values_n(inputs, leaves, function="isclose")
    return wrap(result, highlevel, behavior, attrs)
