"""Awkward Array core with virtual buffers (API-compatible with awkward 2.14)."""

from awkward._cpp_check import require_matching_awkward_cpp
from awkward._version import __version__

require_matching_awkward_cpp()

# layout-level submodules: ak.contents, ak.forms, ak.index, ak.record, ak.types
# the high-level layer: ak.Array, ak.Record, ak.ArrayBuilder, printing, behaviors
# _slicing: importing it registers layout[where] for arrays, masks, tuples... with contents
# _attrs, _broadcasting, _regularize, _util: private paths client libraries reach as ak._x.y
from awkward import (  # noqa: E402
    _attrs,  # noqa: F401
    _broadcasting,  # noqa: F401
    _regularize,  # noqa: F401
    _slicing,  # noqa: F401
    _util,  # noqa: F401
    behaviors,
    contents,
    errors,
    forms,
    forth,  # noqa: F401  (ak.forth.ForthMachine32/64, compiled in awkward-cpp)
    highlevel,
    index,
    jax,  # noqa: F401  (ak.jax.register_and_check(): the deprecated JAX integration)
    operations,
    prettyprint,
    record,
    types,
    typetracer,
)
from awkward._behavior import behavior  # noqa: E402
from awkward.behaviors.mixins import mixin_class, mixin_class_method  # noqa: E402
from awkward.highlevel import Array, ArrayBuilder, Record  # noqa: E402

# the public ak.* functions (one module each in awkward/operations)
from awkward.operations import *  # noqa: E402, F403


def __getattr__(name):
    # awkward 1 names that awkward 2 renamed or removed: say what replaces them
    from awkward._awkward1_names import missing_attribute

    raise missing_attribute(name)


__all__ = [
    "__version__",
    "contents",
    "errors",
    "forms",
    "index",
    "operations",
    "record",
    "types",
    "typetracer",
    *operations.__all__,
    "Array",
    "ArrayBuilder",
    "Record",
    "behavior",
    "behaviors",
    "highlevel",
    "mixin_class",
    "mixin_class_method",
    "prettyprint",
]
