"""Shared machinery of the element-wise ak.* functions (ak.round, ak.zeros_like, ak.isclose, ...).

``map_values`` applies a leaf function to every NumpyArray of one layout through
broadcast_and_apply: list, option and indexed nodes keep their structure buffers (offsets,
index, mask) as they are, unread; only the leaves the function needs are read. Unions are
rebuilt around their own tags/index with each content mapped (not carried through the tags).
Strings and unknown-type leaves are decided by the caller (``on_string``/``on_unknown``).
``map_values_n`` does the same for several broadcast inputs (ak.isclose).
"""

from __future__ import annotations

from awkward._broadcasting import broadcast_and_apply
from awkward.contents.content import Content
from awkward.operations._layout_args import highlevel_classes, to_layout_arg, wrap_layout

__all__ = [
    "is_string",
    "numpy_function",
    "map_values",
    "map_values_n",
    "layout_and_behavior",
    "wrap",
    "refuse_strings",
]


def numpy_function(name: str):
    """numpy.<name> (operations do not import numpy themselves; nplike.apply_ufunc calls it
    on materialized arguments)."""
    from awkward._nplikes.numpy_like import NumpyMetadata

    return getattr(NumpyMetadata.instance(), name)


def is_string(layout) -> bool:
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


def refuse_strings(function: str):
    def on_string(layout):
        raise TypeError(f"ak.{function} is not defined for strings (it needs numbers)")

    return on_string


def layout_and_behavior(array, function: str, behavior):
    """(layout, behavior): an explicit behavior wins over the array's own."""
    layout = to_layout_arg(array, function, allow_record=False)
    if behavior is None:
        array_cls, _ = highlevel_classes()
        if array_cls is not None and isinstance(array, array_cls):
            behavior = array.behavior
    return layout, behavior


def wrap(layout, highlevel, behavior, attrs):
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


def map_values(layout, on_numpy, *, function, on_string=None, on_unknown=None, on_option=None):
    """``layout`` with every NumpyArray leaf replaced by ``on_numpy(leaf)``.

    ``on_string(node)``: replacement for a string/bytestring node (default: kept as is).
    ``on_unknown(node)``: replacement for an EmptyArray (default: kept as is).
    ``on_option(node)``: optional hook for an option/indexed node directly above a leaf
    (returns a layout, or None to let broadcasting handle the node)."""

    def action(inputs, *, depth, backend):
        (node,) = inputs
        if is_string(node):
            return (node if on_string is None else on_string(node),)
        if node.is_unknown:
            return (node if on_unknown is None else on_unknown(node),)
        if node.is_numpy:
            return (on_numpy(node),)
        if on_option is not None and (node.is_option or node.is_indexed) and node.content.is_numpy:
            replaced = on_option(node)
            if replaced is not None:
                return (replaced,)
        if node.is_union:
            # keep the union's own tags and index: map each content whole
            mapped = [
                map_values(
                    c, on_numpy, function=function, on_string=on_string,
                    on_unknown=on_unknown, on_option=on_option,
                )
                for c in node.contents
            ]
            if len({c.is_option for c in mapped}) > 1:  # e.g. nan_to_none on one content only
                from awkward.contents import UnionArray

                return (UnionArray.simplified(node.tags, node.index, mapped, parameters=node._parameters),)
            return (node.copy(contents=mapped),)
        return None

    (out,) = broadcast_and_apply(
        [layout], action, function_name=f"ak.{function}", broadcast_parameters_rule="one_to_one",
        right_broadcast=False,
    )
    return out


def map_values_n(inputs, on_numpy, *, function):
    """Broadcast ``inputs`` (layouts and scalars) and call ``on_numpy(args, backend)`` with the
    leaves' arrays (scalars as they are); strings are refused."""

    def action(args, *, depth, backend):
        contents = [x for x in args if isinstance(x, Content)]
        if any(is_string(x) for x in contents):
            raise TypeError(f"ak.{function} is not defined for strings (it needs numbers)")
        if all(x.is_numpy for x in contents) and len({len(x.shape) for x in contents}) == 1:
            from awkward.contents import NumpyArray

            data = [x.data if isinstance(x, Content) else x for x in args]
            return (NumpyArray(on_numpy(data, backend), backend=backend),)
        return None

    (out,) = broadcast_and_apply(
        inputs, action, function_name=f"ak.{function}", broadcast_parameters_rule="intersect"
    )
    return out
