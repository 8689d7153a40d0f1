"""ak.to_dataframe: an array as pandas DataFrames, one MultiIndex level per list depth."""

from __future__ import annotations

from awkward._connect.pandas import import_pandas, layout_to_dataframes, merge_dataframes
from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_dataframe"]

_HOW = (None, "inner", "outer", "left", "right")


def _default_levelname(i):
    return "sub" * i + "entry"


def to_dataframe(array, *, how="inner", levelname=_default_levelname, anonymous="values"):
    """Convert ``array`` to a pandas DataFrame (requires pandas).

    Each leaf column (numbers, booleans, strings) becomes a DataFrame column; nested records
    give MultiIndex columns (field paths padded with ""), a non-record array the column
    ``anonymous``. The row MultiIndex has one level per list depth, named
    ``levelname(0)``, ``levelname(1)``, ... ("entry", "subentry", "subsubentry", ...).
    Columns with different list structures are separate DataFrames, merged left to right on
    their common index levels with ``pandas.merge(how=how)``; ``how=None`` returns the list of
    DataFrames instead. Missing values become NaN and missing lists count as empty.
    """
    if how not in _HOW:
        raise ValueError(
            f"ak.to_dataframe: 'how' must be one of None, 'inner', 'outer', 'left', 'right', not {how!r}"
        )
    import_pandas("to_dataframe")
    layout = to_layout_arg(array, "to_dataframe")
    frames = layout_to_dataframes(layout, levelname, anonymous)
    if how is None:
        return frames
    return merge_dataframes(frames, how)
