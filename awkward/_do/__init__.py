"""Layout algorithms: content in, content out. The ak.* functions are thin wrappers over these.

Each algorithm lives in its own module here and is re-exported under the name downstream
libraries and tests reach for (``awkward._do.recursively_apply``, ``awkward._do.flatten`` ...).
The walk over the tree is written once (``recursively_apply``); each algorithm supplies only
what happens at the node it cares about.
"""

from awkward._do._apply import rebuild, recursively_apply
from awkward._do._axis import axis_error, check_posaxis, maybe_posaxis, regularize_axis
from awkward._do._transform import transform
from awkward.contents._merge import merge_layouts, mergeable

__all__ = [
    "axis_error",
    "check_posaxis",
    "maybe_posaxis",
    "merge_layouts",
    "mergeable",
    "rebuild",
    "recursively_apply",
    "regularize_axis",
    "transform",
]
