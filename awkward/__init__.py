"""Awkward Array core with virtual buffers (API-compatible with awkward 2.14)."""

from awkward._cpp_check import require_matching_awkward_cpp
from awkward._version import __version__

require_matching_awkward_cpp()

# layout-level submodules, available as ak.contents, ak.forms, ...
from awkward import contents, forms, index, operations, record, types  # noqa: E402

# public functions (one module each in awkward/operations)
from awkward.operations import (  # noqa: E402
    fields,
    from_buffers,
    is_valid,
    materialize,
    to_buffers,
    to_packed,
    type,
    validity_error,
)

__all__ = [
    "__version__",
    "contents",
    "forms",
    "index",
    "record",
    "types",
    "operations",
    "fields",
    "from_buffers",
    "is_valid",
    "materialize",
    "to_buffers",
    "to_packed",
    "type",
    "validity_error",
]

# high-level layer: ak.Array, ak.Record, ak.ArrayBuilder, behaviors
from awkward import (  # noqa: E402
    behaviors,  # noqa: E402
    highlevel,
    prettyprint,
)
from awkward._behavior import behavior  # noqa: E402
from awkward.behaviors.mixins import mixin_class, mixin_class_method  # noqa: E402
from awkward.highlevel import Array, ArrayBuilder, Record  # noqa: E402

__all__ += ["Array", "ArrayBuilder", "Record", "behavior", "behaviors", "highlevel"]
__all__ += ["mixin_class", "mixin_class_method", "prettyprint"]

# conversions, parameters and equality (issue 5)
from awkward.operations import (  # noqa: E402
    almost_equal,
    array_equal,
    backend,
    copy,
    from_iter,
    from_json,
    from_numpy,
    from_regular,
    is_tuple,
    parameters,
    strings_astype,
    to_backend,
    to_json,
    to_layout,
    to_list,
    to_numpy,
    to_regular,
    with_name,
    with_parameter,
    without_parameters,
)

__all__ += ['from_iter', 'to_list', 'from_numpy', 'to_numpy', 'from_json', 'to_json', 'to_layout', 'from_regular', 'to_regular', 'is_tuple', 'parameters', 'with_parameter', 'without_parameters', 'with_name', 'copy', 'backend', 'to_backend', 'array_equal', 'almost_equal', 'strings_astype']

# broadcasting (issue 7)
from awkward.operations import broadcast_arrays, where  # noqa: E402

__all__ += ["broadcast_arrays", "where"]

# element-wise functions (issue 7)
from awkward.operations import (  # noqa: E402
    angle,
    broadcast_fields,
    full_like,
    imag,
    isclose,
    nan_to_none,
    nan_to_num,
    ones_like,
    real,
    round,
    values_astype,
    zeros_like,
)

__all__ += ['angle', 'broadcast_fields', 'full_like', 'imag', 'isclose', 'nan_to_none', 'nan_to_num', 'ones_like', 'real', 'round', 'values_astype', 'zeros_like']
