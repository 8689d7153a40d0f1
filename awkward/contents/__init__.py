"""Layout nodes (one module per class); Content is the base class (see content.py)."""

# _typetracer registers the form -> typetracer-layout builder with awkward._nplikes.typetracer
from awkward.contents import _typetracer  # noqa: F401
from awkward.contents.bitmaskedarray import BitMaskedArray
from awkward.contents.bytemaskedarray import ByteMaskedArray
from awkward.contents.content import Content
from awkward.contents.emptyarray import EmptyArray
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.contents.unionarray import UnionArray
from awkward.contents.unmaskedarray import UnmaskedArray

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
    "IndexedArray",
    "IndexedOptionArray",
    "ByteMaskedArray",
    "BitMaskedArray",
    "UnmaskedArray",
    "UnionArray",
]
