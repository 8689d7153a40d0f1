"""High-level types of awkward arrays and their datashape notation.

``str(type)`` prints the notation (``3 * var * {x: float64, y: ?int64}``) and
``from_datashape`` parses it back.
"""

from awkward.types import (
    arraytype,
    listtype,
    numpytype,
    optiontype,
    recordtype,
    regulartype,
    scalartype,
    type,
    uniontype,
    unknowntype,
)
from awkward.types._datashape_parser import from_datashape
from awkward.types.arraytype import ArrayType
from awkward.types.listtype import ListType
from awkward.types.numpytype import NumpyType, dtype_to_primitive, is_primitive, primitive_to_dtype
from awkward.types.optiontype import OptionType
from awkward.types.recordtype import RecordType
from awkward.types.regulartype import RegularType
from awkward.types.scalartype import ScalarType
from awkward.types.type import Type
from awkward.types.uniontype import UnionType
from awkward.types.unknowntype import UnknownType

__all__ = [
    "ArrayType",
    "ListType",
    "NumpyType",
    "OptionType",
    "RecordType",
    "RegularType",
    "ScalarType",
    "Type",
    "UnionType",
    "UnknownType",
    "dtype_to_primitive",
    "from_datashape",
    "is_primitive",
    "primitive_to_dtype",
    "arraytype",
    "listtype",
    "numpytype",
    "optiontype",
    "recordtype",
    "regulartype",
    "scalartype",
    "type",
    "uniontype",
    "unknowntype",
]
