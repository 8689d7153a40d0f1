"""ak.array_equal: two arrays with the same structure and the same values."""

from __future__ import annotations

from awkward.operations.ak_almost_equal import layouts_equal, named_axes_agree

__all__ = ["array_equal"]


def array_equal(
    a1,
    a2,
    equal_nan: bool = False,
    dtype_exact: bool = True,
    same_content_types: bool = True,
    check_parameters: bool = True,
    check_regular: bool = True,
    check_named_axis: bool = True,
):
    """True when ``a1`` and ``a2`` have the same length, structure, missing values and
    values (strings compare as strings). NaNs are equal when ``equal_nan``; the other
    options are those of ak.almost_equal (with zero tolerance). Reads every buffer."""
    if check_named_axis and not named_axes_agree(a1, a2):
        return False
    return layouts_equal(
        a1,
        a2,
        rtol=0.0,
        atol=0.0,
        equal_nan=equal_nan,
        dtype_exact=dtype_exact,
        same_content_types=same_content_types,
        check_parameters=check_parameters,
        check_regular=check_regular,
        function="array_equal",
    )
