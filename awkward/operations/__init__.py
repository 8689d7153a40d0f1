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
