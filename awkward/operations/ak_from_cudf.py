"""ak.from_cudf: a cudf.Series -> an array, through Arrow."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_cudf"]


def from_cudf(obj, *, highlevel=True, behavior=None, attrs=None):
    """An array with the values of a ``cudf.Series`` (through ``Series.to_arrow`` and
    ak.from_arrow; the data comes to the CPU). Needs cudf (ImportError otherwise)."""
    from awkward._connect.dense import import_optional
    from awkward.operations.ak_from_arrow import from_arrow

    cudf = import_optional("cudf", "from_cudf", "cudf-cu12 --extra-index-url=https://pypi.nvidia.com")
    if not isinstance(obj, cudf.Series):
        raise TypeError(f"ak.from_cudf: expected a cudf.Series, not {type(obj).__name__}")
    layout = from_arrow(obj.to_arrow(), highlevel=False)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
