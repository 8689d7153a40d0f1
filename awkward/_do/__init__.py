"""Layout algorithms: content in, content out. The ak.* functions are thin wrappers over these.

Each algorithm lives in its own module here and is re-exported under the name downstream
libraries and tests reach for (``awkward._do.recursively_apply``, ``awkward._do.flatten`` ...).
The walk over the tree is written once (``recursively_apply``); each algorithm supplies only
what happens at the node it cares about.
"""

from awkward._do._apply import rebuild, recursively_apply
from awkward._do._axis import axis_error, check_posaxis, maybe_posaxis, regularize_axis
from awkward._do._cartesian import argcartesian, cartesian
from awkward._do._categorical import categories, from_categorical, is_categorical
from awkward._do._combinations import argcombinations, combinations
from awkward._do._concatenate import concatenate, mergemany
from awkward._do._enforce_type import enforce_type
from awkward._do._fields import field_path, with_field, without_field
from awkward._do._fill_none import fill_none
from awkward._do._flatten import flatten, ravel, remove_structure
from awkward._do._local_index import local_index
from awkward._do._merge_records import merge_option_of_records, merge_union_of_records
from awkward._do._num import num
from awkward._do._numbers_to_type import numbers_to_type
from awkward._do._option_axis import resolve_axis
from awkward._do._options import drop_none, firsts, is_none, mask, singletons
from awkward._do._pad_none import pad_none
from awkward._do._regular import from_regular, to_regular
from awkward._do._run_lengths import run_lengths
from awkward._do._sort import argsort, sort
from awkward._do._strings import (
    string_broadcast_compute,
    string_compute,
    string_compute_lists,
    string_kind,
    string_value_set,
)
from awkward._do._transform import transform
from awkward._do._unflatten import unflatten
from awkward._do._unique import is_unique, unique
from awkward._do._zip import unzip_layout, zip_layouts, zip_no_broadcast_layouts
from awkward.contents._merge import merge_layouts, mergeable

__all__ = [
    "argcartesian",
    "argsort",
    "argcombinations",
    "axis_error",
    "cartesian",
    "categories",
    "check_posaxis",
    "combinations",
    "concatenate",
    "drop_none",
    "enforce_type",
    "field_path",
    "fill_none",
    "from_categorical",
    "from_regular",
    "firsts",
    "flatten",
    "is_categorical",
    "is_none",
    "is_unique",
    "local_index",
    "mask",
    "maybe_posaxis",
    "merge_layouts",
    "merge_option_of_records",
    "merge_union_of_records",
    "mergeable",
    "mergemany",
    "num",
    "numbers_to_type",
    "pad_none",
    "ravel",
    "rebuild",
    "recursively_apply",
    "regularize_axis",
    "remove_structure",
    "resolve_axis",
    "run_lengths",
    "singletons",
    "sort",
    "string_broadcast_compute",
    "string_compute",
    "string_compute_lists",
    "string_kind",
    "string_value_set",
    "to_regular",
    "transform",
    "unflatten",
    "unique",
    "unzip_layout",
    "with_field",
    "without_field",
    "zip_layouts",
    "zip_no_broadcast_layouts",
]
