"""ak.transform's engine: a user function applied at every node of one layout (through
recursively_apply) or at every level of several layouts broadcast together (through
broadcast_and_apply with ``full_arguments``).

The function is called with keyword arguments ``depth``, ``depth_context``,
``lateral_context``, ``continuation``, ``backend``, ``behavior`` and ``options`` (the walk's
settings, broadcasting keywords included), as awkward 2.14 calls it. It returns a layout
(several arrays: a layout or a tuple of layouts) to replace the node, or None to go on.
"""

from __future__ import annotations

from awkward._broadcasting import BROADCAST_PARAMETERS_RULES, broadcast_and_apply
from awkward._do._apply import recursively_apply
from awkward.contents.content import Content

__all__ = ["transform", "TRANSFORM_RETURN_VALUES"]

TRANSFORM_RETURN_VALUES = ("simplified", "original", "none")


def transform(
    transformation,
    layouts,
    *,
    depth_context=None,
    lateral_context=None,
    allow_records=True,
    broadcast_parameters_rule="intersect",
    left_broadcast=True,
    right_broadcast=True,
    numpy_to_regular=False,
    regular_to_jagged=False,
    return_value="simplified",
    expect_return_value=False,
    behavior=None,
    function_name="ak.transform",
):
    """Apply ``transformation`` to one layout (returns a layout, or None for
    ``return_value="none"``) or to several broadcast together (returns a tuple of output
    layouts, one per layout the function returned at the leaves)."""
    if not callable(transformation):
        raise TypeError(
            f"{function_name}: transformation must be a callable, not {type(transformation).__name__}"
        )
    if return_value not in TRANSFORM_RETURN_VALUES:
        raise ValueError(
            f"{function_name}: return_value must be one of {TRANSFORM_RETURN_VALUES}, "
            f"not {return_value!r}"
        )
    if broadcast_parameters_rule not in BROADCAST_PARAMETERS_RULES:
        raise ValueError(
            f"{function_name}: broadcast_parameters_rule must be one of "
            f"{BROADCAST_PARAMETERS_RULES}, not {broadcast_parameters_rule!r}"
        )
    options = {
        "allow_records": allow_records,
        "keep_parameters": True,
        "numpy_to_regular": numpy_to_regular,
        "regular_to_jagged": regular_to_jagged,
        "return_simplified": return_value == "simplified",
        "expect_return_value": expect_return_value,
        "return_array": return_value != "none",
        "function_name": function_name,
        "broadcast_parameters_rule": broadcast_parameters_rule,
        "left_broadcast": left_broadcast,
        "right_broadcast": right_broadcast,
    }
    if len(layouts) == 1:
        return _transform_one(transformation, layouts[0], options, depth_context, lateral_context, behavior)
    outputs = _transform_many(transformation, layouts, options, depth_context, lateral_context, behavior)
    return None if return_value == "none" else outputs


def _transform_one(transformation, layout, options, depth_context, lateral_context, behavior):
    def action(node, **kwargs):
        return transformation(node, behavior=behavior, **kwargs)

    return recursively_apply(
        layout,
        action,
        depth_context,
        lateral_context,
        allow_records=options["allow_records"],
        numpy_to_regular=options["numpy_to_regular"],
        return_simplified=options["return_simplified"],
        expect_return_value=options["expect_return_value"],
        return_array=options["return_array"],
        function_name=options["function_name"],
        regular_to_jagged=options["regular_to_jagged"],
        extra_options={
            key: options[key]
            for key in ("broadcast_parameters_rule", "left_broadcast", "right_broadcast")
        },
    )


def _transform_many(transformation, layouts, options, depth_context, lateral_context, behavior):
    name = options["function_name"]

    def action(inputs, *, continuation, depth, **kwargs):
        # at the leaves (all NumpyArrays) there is nothing left to broadcast: a function that
        # returns None there keeps the broadcast inputs
        leaves = all(x.is_numpy for x in inputs)

        def user_continuation():
            return inputs if leaves else continuation()

        result = transformation(
            inputs, continuation=user_continuation, depth=depth, behavior=behavior, **kwargs
        )
        if result is None:
            if not leaves:
                return None
            if options["expect_return_value"]:
                raise RuntimeError(
                    f"{name}: the transformation was expected to end by returning a layout "
                    "(Content) or a tuple of layouts, but it returned None down to the leaves"
                )
            return inputs
        if isinstance(result, Content):
            result = (result,)
        if isinstance(result, tuple) and all(isinstance(x, Content) for x in result):
            if depth == 0 and not all(x.is_list and len(x) == 1 for x in result):
                raise ValueError(
                    f"{name}: at depth 0 the inputs are packed in one list of length 1 (as in "
                    "awkward); the transformation must return None or length-1 lists there"
                )
            return result
        raise TypeError(
            f"{name}: the transformation must return a layout (Content), a tuple of layouts "
            f"or None, not {type(result).__name__}"
        )

    return broadcast_and_apply(
        layouts,
        action,
        left_broadcast=options["left_broadcast"],
        right_broadcast=options["right_broadcast"],
        broadcast_parameters_rule=options["broadcast_parameters_rule"],
        numpy_to_regular=options["numpy_to_regular"],
        regular_to_jagged=options["regular_to_jagged"],
        allow_records=options["allow_records"],
        function_name=name,
        full_arguments=True,
        depth_context=depth_context,
        lateral_context=lateral_context,
        options=options,
    )
