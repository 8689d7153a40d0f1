"""Public ak.* functions, one module per function (ak_<name>.py).

Functions take layouts, high-level arrays or anything ak.to_layout accepts (see
_layout_args.to_layout_arg) and return high-level arrays unless ``highlevel=False``.
"""

from awkward.operations import str  # the ak.str namespace (shadows the builtin here, as in 2.14)
from awkward.operations._layout_args import register_highlevel  # noqa: F401  (for the high-level layer)
from awkward.operations.ak_all import all
from awkward.operations.ak_almost_equal import almost_equal
from awkward.operations.ak_angle import angle
from awkward.operations.ak_any import any
from awkward.operations.ak_argcartesian import argcartesian
from awkward.operations.ak_argcombinations import argcombinations
from awkward.operations.ak_argmax import argmax
from awkward.operations.ak_argmin import argmin
from awkward.operations.ak_argsort import argsort
from awkward.operations.ak_array_equal import array_equal
from awkward.operations.ak_backend import backend
from awkward.operations.ak_broadcast_arrays import broadcast_arrays
from awkward.operations.ak_broadcast_fields import broadcast_fields
from awkward.operations.ak_cartesian import cartesian
from awkward.operations.ak_categories import categories
from awkward.operations.ak_combinations import combinations
from awkward.operations.ak_concatenate import concatenate
from awkward.operations.ak_copy import copy
from awkward.operations.ak_corr import corr
from awkward.operations.ak_count import count
from awkward.operations.ak_count_nonzero import count_nonzero
from awkward.operations.ak_covar import covar
from awkward.operations.ak_drop_none import drop_none
from awkward.operations.ak_enforce_type import enforce_type
from awkward.operations.ak_fields import fields
from awkward.operations.ak_fill_none import fill_none
from awkward.operations.ak_firsts import firsts
from awkward.operations.ak_flatten import flatten
from awkward.operations.ak_from_arrow import from_arrow
from awkward.operations.ak_from_arrow_schema import from_arrow_schema
from awkward.operations.ak_from_avro_file import from_avro_file
from awkward.operations.ak_from_buffers import from_buffers
from awkward.operations.ak_from_categorical import from_categorical
from awkward.operations.ak_from_cudf import from_cudf
from awkward.operations.ak_from_cupy import from_cupy
from awkward.operations.ak_from_dlpack import from_dlpack
from awkward.operations.ak_from_feather import from_feather
from awkward.operations.ak_from_iter import from_iter
from awkward.operations.ak_from_jax import from_jax
from awkward.operations.ak_from_json import from_json
from awkward.operations.ak_from_numpy import from_numpy
from awkward.operations.ak_from_parquet import from_parquet
from awkward.operations.ak_from_raggedtensor import from_raggedtensor
from awkward.operations.ak_from_rdataframe import from_rdataframe
from awkward.operations.ak_from_regular import from_regular
from awkward.operations.ak_from_safetensors import from_safetensors
from awkward.operations.ak_from_tensorflow import from_tensorflow
from awkward.operations.ak_from_torch import from_torch
from awkward.operations.ak_full_like import full_like
from awkward.operations.ak_imag import imag
from awkward.operations.ak_is_categorical import is_categorical
from awkward.operations.ak_is_none import is_none
from awkward.operations.ak_is_tuple import is_tuple
from awkward.operations.ak_is_valid import is_valid
from awkward.operations.ak_isclose import isclose
from awkward.operations.ak_linear_fit import linear_fit
from awkward.operations.ak_local_index import local_index
from awkward.operations.ak_mask import mask
from awkward.operations.ak_materialization_report import materialization_report
from awkward.operations.ak_materialize import materialize
from awkward.operations.ak_max import max
from awkward.operations.ak_mean import mean
from awkward.operations.ak_merge_option_of_records import merge_option_of_records
from awkward.operations.ak_merge_union_of_records import merge_union_of_records
from awkward.operations.ak_metadata_from_parquet import metadata_from_parquet
from awkward.operations.ak_min import min
from awkward.operations.ak_moment import moment
from awkward.operations.ak_nan_to_none import nan_to_none
from awkward.operations.ak_nan_to_num import nan_to_num
from awkward.operations.ak_nanargmax import nanargmax
from awkward.operations.ak_nanargmin import nanargmin
from awkward.operations.ak_nanmax import nanmax
from awkward.operations.ak_nanmean import nanmean
from awkward.operations.ak_nanmin import nanmin
from awkward.operations.ak_nanprod import nanprod
from awkward.operations.ak_nanstd import nanstd
from awkward.operations.ak_nansum import nansum
from awkward.operations.ak_nanvar import nanvar
from awkward.operations.ak_num import num
from awkward.operations.ak_ones_like import ones_like
from awkward.operations.ak_pad_none import pad_none
from awkward.operations.ak_parameters import parameters
from awkward.operations.ak_prod import prod
from awkward.operations.ak_ptp import ptp
from awkward.operations.ak_ravel import ravel
from awkward.operations.ak_real import real
from awkward.operations.ak_round import round
from awkward.operations.ak_run_lengths import run_lengths
from awkward.operations.ak_singletons import singletons
from awkward.operations.ak_softmax import softmax
from awkward.operations.ak_sort import sort
from awkward.operations.ak_std import std
from awkward.operations.ak_strings_astype import strings_astype
from awkward.operations.ak_sum import sum
from awkward.operations.ak_to_arrow import to_arrow
from awkward.operations.ak_to_arrow_table import to_arrow_table
from awkward.operations.ak_to_backend import to_backend
from awkward.operations.ak_to_buffers import to_buffers
from awkward.operations.ak_to_cudf import to_cudf
from awkward.operations.ak_to_cupy import to_cupy
from awkward.operations.ak_to_dataframe import to_dataframe
from awkward.operations.ak_to_feather import to_feather
from awkward.operations.ak_to_jax import to_jax
from awkward.operations.ak_to_json import to_json
from awkward.operations.ak_to_layout import to_layout
from awkward.operations.ak_to_list import to_list
from awkward.operations.ak_to_numpy import to_numpy
from awkward.operations.ak_to_packed import to_packed
from awkward.operations.ak_to_parquet import to_parquet
from awkward.operations.ak_to_parquet_dataset import to_parquet_dataset
from awkward.operations.ak_to_parquet_row_groups import to_parquet_row_groups
from awkward.operations.ak_to_raggedtensor import to_raggedtensor
from awkward.operations.ak_to_rdataframe import to_rdataframe
from awkward.operations.ak_to_regular import to_regular
from awkward.operations.ak_to_safetensors import to_safetensors
from awkward.operations.ak_to_tensorflow import to_tensorflow
from awkward.operations.ak_to_torch import to_torch
from awkward.operations.ak_transform import transform
from awkward.operations.ak_type import type
from awkward.operations.ak_unflatten import unflatten
from awkward.operations.ak_unzip import unzip
from awkward.operations.ak_validity_error import validity_error
from awkward.operations.ak_values_astype import values_astype
from awkward.operations.ak_var import var
from awkward.operations.ak_virtual import virtual
from awkward.operations.ak_where import where
from awkward.operations.ak_with_field import with_field
from awkward.operations.ak_with_name import with_name
from awkward.operations.ak_with_named_axis import with_named_axis
from awkward.operations.ak_with_parameter import with_parameter
from awkward.operations.ak_without_field import without_field
from awkward.operations.ak_without_named_axis import without_named_axis
from awkward.operations.ak_without_parameters import without_parameters
from awkward.operations.ak_zeros_like import zeros_like
from awkward.operations.ak_zip import zip
from awkward.operations.ak_zip_no_broadcast import zip_no_broadcast

__all__ = [
    "all",
    "almost_equal",
    "angle",
    "any",
    "argcartesian",
    "argcombinations",
    "argmax",
    "argmin",
    "argsort",
    "array_equal",
    "backend",
    "broadcast_arrays",
    "broadcast_fields",
    "cartesian",
    "categories",
    "combinations",
    "concatenate",
    "copy",
    "corr",
    "count",
    "count_nonzero",
    "covar",
    "drop_none",
    "enforce_type",
    "fields",
    "fill_none",
    "firsts",
    "flatten",
    "from_arrow",
    "from_arrow_schema",
    "from_avro_file",
    "from_buffers",
    "from_categorical",
    "from_cudf",
    "from_cupy",
    "from_dlpack",
    "from_feather",
    "from_iter",
    "from_jax",
    "from_json",
    "from_numpy",
    "from_parquet",
    "from_raggedtensor",
    "from_rdataframe",
    "from_regular",
    "from_safetensors",
    "from_tensorflow",
    "from_torch",
    "full_like",
    "imag",
    "is_categorical",
    "is_none",
    "is_tuple",
    "is_valid",
    "isclose",
    "linear_fit",
    "local_index",
    "mask",
    "materialization_report",
    "materialize",
    "max",
    "mean",
    "merge_option_of_records",
    "merge_union_of_records",
    "metadata_from_parquet",
    "min",
    "moment",
    "nan_to_none",
    "nan_to_num",
    "nanargmax",
    "nanargmin",
    "nanmax",
    "nanmean",
    "nanmin",
    "nanprod",
    "nanstd",
    "nansum",
    "nanvar",
    "num",
    "ones_like",
    "pad_none",
    "parameters",
    "prod",
    "ptp",
    "ravel",
    "real",
    "round",
    "run_lengths",
    "singletons",
    "softmax",
    "sort",
    "std",
    "str",
    "strings_astype",
    "sum",
    "to_arrow",
    "to_arrow_table",
    "to_backend",
    "to_buffers",
    "to_cudf",
    "to_cupy",
    "to_dataframe",
    "to_feather",
    "to_jax",
    "to_json",
    "to_layout",
    "to_list",
    "to_numpy",
    "to_packed",
    "to_parquet",
    "to_parquet_dataset",
    "to_parquet_row_groups",
    "to_raggedtensor",
    "to_rdataframe",
    "to_regular",
    "to_safetensors",
    "to_tensorflow",
    "to_torch",
    "transform",
    "type",
    "unflatten",
    "unzip",
    "validity_error",
    "values_astype",
    "var",
    "virtual",
    "where",
    "with_field",
    "with_name",
    "with_named_axis",
    "with_parameter",
    "without_field",
    "without_named_axis",
    "without_parameters",
    "zeros_like",
    "zip",
    "zip_no_broadcast",
]

# ak.* functions hand calls with a dask-awkward Array (``__awkward_function__``) over to it
from awkward.operations._dispatch import install_dispatch  # noqa: E402

install_dispatch(globals(), __all__)
del install_dispatch
