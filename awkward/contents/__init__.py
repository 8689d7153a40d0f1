"""Layout nodes (one module per class); Content is the base class (see content.py)."""

from awkward.contents.content import Content

# Each layout class adds one import line here as its module lands.

__all__ = [
    "Content",
    "EmptyArray",
    "NumpyArray",
    "RegularArray",
    "ListArray",
    "ListOffsetArray",
    "RecordArray",
    "IndexedArray",
    "IndexedOptionArray",
    "ByteMaskedArray",
    "BitMaskedArray",
    "UnmaskedArray",
    "UnionArray",
]
