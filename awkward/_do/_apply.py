"""recursively_apply: the one walk over a layout tree that layout algorithms are built on.

``action(layout, *, depth, depth_context, lateral_context, continuation, backend, options)`` is
called at every node, outermost first. It returns a Content to put in place of the node, or
None to descend: the node is then rebuilt around its transformed children (which is also what
``continuation()`` returns, for actions that want to post-process their children).

``depth`` starts at 1 and grows by one under each list dimension (ListOffsetArray, ListArray,
RegularArray, and a multi-dimensional NumpyArray's inner dimensions when numpy_to_regular is
set); options, indexes, unions and records do not add a dimension. ``depth_context`` travels
down the tree: each node receives a shallow copy of its parent's (as awkward does), so what an
action adds to it is seen below that node only; ``lateral_context`` is one object shared by
the whole walk.

Nodes whose children did not change are returned as they are, so an action that touches one
field leaves the rest of the tree (and its virtual buffers) untouched and unread.
"""

from __future__ import annotations

from copy import copy

from awkward.contents.content import Content
from awkward.record import Record

__all__ = ["recursively_apply"]


def recursively_apply(
    layout,
    action,
    depth_context=None,
    lateral_context=None,
    allow_records=True,
    keep_parameters=True,
    numpy_to_regular=False,
    return_simplified=True,
    expect_return_value=False,
    return_array=True,
    function_name=None,
    regular_to_jagged=False,
    extra_options=None,
):
    """Walk ``layout`` (a Content or a layout Record) applying ``action`` (see module doc).

    ``return_array=False`` walks for the action's side effects and returns None.
    ``expect_return_value=True`` makes reaching a leaf without the action returning a layout
    a RuntimeError. ``extra_options`` entries are added to the ``options`` the action gets."""
    options = {
        "allow_records": allow_records,
        "keep_parameters": keep_parameters,
        "numpy_to_regular": numpy_to_regular,
        "regular_to_jagged": regular_to_jagged,
        "return_simplified": return_simplified,
        "expect_return_value": expect_return_value,
        "return_array": return_array,
        "function_name": function_name,
    }
    if extra_options:
        options.update(extra_options)
    if isinstance(layout, Record):
        out = _apply(layout.array, action, 1, depth_context, lateral_context, options)
        return Record(out, layout.at) if return_array else None
    if not isinstance(layout, Content):
        raise TypeError(
            f"recursively_apply needs a layout (Content or Record), not {type(layout).__name__}"
        )
    out = _apply(layout, action, 1, depth_context, lateral_context, options)
    return out if return_array else None


def _apply(layout, action, depth, depth_context, lateral_context, options):
    if layout.is_numpy and options["numpy_to_regular"] and len(layout.inner_shape) > 0:
        layout = layout.to_RegularArray()
    if layout.is_regular and options["regular_to_jagged"]:
        layout = layout.to_ListOffsetArray64(False)
    if depth_context is not None:
        depth_context = copy(depth_context)

    def continuation():
        return _descend(layout, action, depth, depth_context, lateral_context, options)

    result = action(
        layout,
        depth=depth,
        depth_context=depth_context,
        lateral_context=lateral_context,
        continuation=continuation,
        backend=layout.backend,
        options=options,
    )
    if result is None:
        return continuation()
    if isinstance(result, Content):
        return result
    raise TypeError(
        f"{_name(options)}: the function applied to each node must return a layout (Content) "
        f"or None, not {type(result).__name__}"
    )


def _name(options):
    name = options["function_name"]
    return "recursively_apply" if name is None else name


def _descend(layout, action, depth, depth_context, lateral_context, options):
    """``layout`` rebuilt around its children transformed by ``action``."""
    kids = layout.contents
    if not kids:
        if options["expect_return_value"]:
            raise RuntimeError(
                f"{_name(options)}: the function applied to each node was expected to end by "
                f"returning a layout (Content), but it returned None down to a leaf "
                f"({type(layout).__name__})"
            )
        return _with_parameters(layout, options)
    if layout.is_record and not options["allow_records"]:
        raise ValueError(f"{_name(options)}: cannot apply this operation to records")
    child_depth = depth + 1 if layout.is_list else depth
    new_kids = [
        _apply(kid, action, child_depth, depth_context, lateral_context, options) for kid in kids
    ]
    if all(new is old for new, old in zip(new_kids, kids)):
        if layout.is_union and options["return_simplified"]:
            # as in 2.14, a union built by hand with mergeable contents comes out merged
            # (UnionArray.simplified reads nothing when there is nothing to merge)
            out = rebuild(layout, new_kids, True, options["keep_parameters"])
            if out.is_union and all(a is b for a, b in zip(out.contents, kids)):
                return _with_parameters(layout, options)
            return out
        return _with_parameters(layout, options)
    return rebuild(layout, new_kids, options["return_simplified"], options["keep_parameters"])


def _with_parameters(layout, options):
    if options["keep_parameters"] or not layout._parameters:
        return layout
    return layout.copy(parameters=None)


def rebuild(layout, contents, simplified=True, keep_parameters=True):
    """``layout`` with its children replaced by ``contents`` (same order), its own buffers
    kept. Option, indexed and union nodes go through their ``simplified`` constructors when
    ``simplified`` is set, so an option of an option or a union of unions stays canonical."""
    parameters = layout._parameters if keep_parameters else None
    if layout.is_record:
        return layout.copy(contents=contents, parameters=parameters)
    if layout.is_union:
        cls = type(layout)
        if simplified:
            return cls.simplified(layout.tags, layout.index, contents, parameters=parameters)
        return layout.copy(contents=contents, parameters=parameters)
    (content,) = contents
    if simplified and (layout.is_option or layout.is_indexed):
        return _simplified_option(layout, content, parameters)
    return layout.copy(content=content, parameters=parameters)


def _simplified_option(layout, content, parameters):
    cls = type(layout)
    name = cls.__name__
    if name in ("IndexedArray", "IndexedOptionArray"):
        return cls.simplified(layout.index, content, parameters=parameters)
    if name == "ByteMaskedArray":
        return cls.simplified(layout.mask, content, layout.valid_when, parameters=parameters)
    if name == "BitMaskedArray":
        return cls.simplified(
            layout.mask,
            content,
            layout.valid_when,
            layout.length,
            layout.lsb_order,
            layout._length_generator,
            parameters=parameters,
        )
    return cls.simplified(content, parameters=parameters)  # UnmaskedArray
