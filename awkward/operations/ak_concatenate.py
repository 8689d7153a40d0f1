"""ak.concatenate: arrays one after the other (axis=0) or their lists joined (axis > 0)."""

from __future__ import annotations

import numbers

from awkward._backends import common_backend
from awkward._do import concatenate as _concatenate
from awkward._do import enforce_type as _enforce_type
from awkward._do import regularize_axis
from awkward.contents._typetracer import typetracer_wins
from awkward.contents.content import Content
from awkward.operations._layout_args import HighLevelContext, highlevel_classes
from awkward.operations._named_axis import collection_inputs, named_axis_op

__all__ = ["concatenate", "enforce_concatenated_form"]


def _is_scalar(obj) -> bool:
    if isinstance(obj, (numbers.Number, str, bytes)):
        return True
    return (
        not isinstance(obj, Content) and getattr(obj, "shape", None) == () and hasattr(obj, "dtype")
    )


@named_axis_op(inputs=collection_inputs)
def concatenate(arrays, axis=0, *, mergebool=True, highlevel=True, behavior=None, attrs=None):
    """Concatenate ``arrays`` along ``axis``.

    ``axis=0``: the elements of every array one after the other; types that merge become one
    type (booleans with numbers only with ``mergebool``), the others a union. Arrays that share
    a form and hold unread (virtual) buffers are concatenated lazily.
    ``axis > 0`` (or negative): the arrays must have the same length; their lists at that
    depth are joined element by element (records field by field, a missing list counts as
    empty, a scalar is appended to every list)."""
    ctx = HighLevelContext(behavior, attrs)
    axis = regularize_axis(axis, "concatenate", none_allowed=False)
    array_cls, _ = highlevel_classes()
    if isinstance(arrays, Content) or (array_cls is not None and isinstance(arrays, array_cls)):
        # one array: its elements are the arrays to concatenate (as awkward does)
        layout = ctx.unwrap(arrays, "concatenate", allow_record=False)
        arrays = [layout[i] for i in range(len(layout))]
    arrays_types = (Content,) if array_cls is None else (Content, array_cls)
    items = [
        x
        if not isinstance(x, arrays_types) and _is_scalar(x)
        else ctx.unwrap(x, "concatenate", allow_record=False)
        for x in arrays
    ]
    layouts = [x for x in items if isinstance(x, Content)]
    if any(x.backend is not layouts[0].backend for x in layouts):
        items = typetracer_wins(items)  # a tracer with concrete arrays: all tracers (2.14)
        # other mixtures (cpu with jax or cuda): a clear ValueError
        common_backend([x.backend for x in items if isinstance(x, Content)])
    out = _concatenate(items, axis, mergebool=mergebool)
    return ctx.wrap(out, highlevel)


def enforce_concatenated_form(layout, form):
    """``layout`` (a Content) converted to ``form``, the form of a concatenation it takes part
    in (dask-awkward calls it on each partition): unchanged when its form is already that
    one, otherwise converted to the form's type (numbers cast, options and unions widened)."""
    if layout.form.is_equal_to(form, all_parameters=True, form_key=False):
        return layout
    return _enforce_type(layout, form.type)
