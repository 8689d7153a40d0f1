"""Public ak.* functions, one module per function (ak_<name>.py).

Functions take layouts or high-level arrays (see _layout_args.to_layout_arg) and return
high-level arrays unless ``highlevel=False``.
"""

from awkward.operations._layout_args import register_highlevel
from awkward.operations.ak_fields import fields
from awkward.operations.ak_from_buffers import from_buffers
from awkward.operations.ak_is_valid import is_valid
from awkward.operations.ak_materialize import materialize
from awkward.operations.ak_to_buffers import to_buffers
from awkward.operations.ak_to_packed import to_packed
from awkward.operations.ak_type import type
from awkward.operations.ak_validity_error import validity_error

__all__ = [
    "fields",
    "from_buffers",
    "is_valid",
    "materialize",
    "register_highlevel",
    "to_buffers",
    "to_packed",
    "type",
    "validity_error",
]

# conversions, parameters and equality (issue 5)
from awkward.operations.ak_almost_equal import almost_equal  # noqa: E402
from awkward.operations.ak_array_equal import array_equal  # noqa: E402
from awkward.operations.ak_backend import backend  # noqa: E402
from awkward.operations.ak_copy import copy  # noqa: E402
from awkward.operations.ak_from_iter import from_iter  # noqa: E402
from awkward.operations.ak_from_json import from_json  # noqa: E402
from awkward.operations.ak_from_numpy import from_numpy  # noqa: E402
from awkward.operations.ak_from_regular import from_regular  # noqa: E402
from awkward.operations.ak_is_tuple import is_tuple  # noqa: E402
from awkward.operations.ak_parameters import parameters  # noqa: E402
from awkward.operations.ak_strings_astype import strings_astype  # noqa: E402
from awkward.operations.ak_to_backend import to_backend  # noqa: E402
from awkward.operations.ak_to_json import to_json  # noqa: E402
from awkward.operations.ak_to_layout import to_layout  # noqa: E402
from awkward.operations.ak_to_list import to_list  # noqa: E402
from awkward.operations.ak_to_numpy import to_numpy  # noqa: E402
from awkward.operations.ak_to_regular import to_regular  # noqa: E402
from awkward.operations.ak_with_name import with_name  # noqa: E402
from awkward.operations.ak_with_parameter import with_parameter  # noqa: E402
from awkward.operations.ak_without_parameters import without_parameters  # noqa: E402

__all__ += ['from_iter', 'to_list', 'from_numpy', 'to_numpy', 'from_json', 'to_json', 'to_layout', 'from_regular', 'to_regular', 'is_tuple', 'parameters', 'with_parameter', 'without_parameters', 'with_name', 'copy', 'backend', 'to_backend', 'array_equal', 'almost_equal', 'strings_astype']

# broadcasting (issue 7)
from awkward.operations.ak_broadcast_arrays import broadcast_arrays  # noqa: E402
from awkward.operations.ak_where import where  # noqa: E402

__all__ += ["broadcast_arrays", "where"]

# element-wise functions (issue 7)
from awkward.operations.ak_angle import angle  # noqa: E402
from awkward.operations.ak_broadcast_fields import broadcast_fields  # noqa: E402
from awkward.operations.ak_full_like import full_like  # noqa: E402
from awkward.operations.ak_imag import imag  # noqa: E402
from awkward.operations.ak_isclose import isclose  # noqa: E402
from awkward.operations.ak_nan_to_none import nan_to_none  # noqa: E402
from awkward.operations.ak_nan_to_num import nan_to_num  # noqa: E402
from awkward.operations.ak_ones_like import ones_like  # noqa: E402
from awkward.operations.ak_real import real  # noqa: E402
from awkward.operations.ak_round import round  # noqa: E402
from awkward.operations.ak_values_astype import values_astype  # noqa: E402
from awkward.operations.ak_zeros_like import zeros_like  # noqa: E402

__all__ += ['angle', 'broadcast_fields', 'full_like', 'imag', 'isclose', 'nan_to_none', 'nan_to_num', 'ones_like', 'real', 'round', 'values_astype', 'zeros_like']
