"""Layout nodes (one module per class); Content is the base class (see content.py)."""

from awkward.contents.content import Content
from awkward.contents.emptyarray import EmptyArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray

# Option, indexed and union nodes: one import line each (and an __all__ entry), added by
# their modules' author.

__all__ = [
    "Content",
    "EmptyArray",
    "NumpyArray",
    "RegularArray",
    "ListArray",
    "ListOffsetArray",
    "RecordArray",
]
