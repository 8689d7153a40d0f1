"""ak.to_buffers: decompose an array into a form, a length and a container of named buffers.

Buffers are handed over as they are: a virtual buffer stays virtual (nothing is read), a
sliced array keeps its unsliced buffers (the form and length say what is reachable). Bytes
are swapped only when ``byteorder`` differs from the machine's, lazily for virtual buffers.
"""

from __future__ import annotations

from awkward._nplikes.array_like import MaterializableArray
from awkward.contents._buffer_coercion import NATIVE, check_byteorder
from awkward.contents.content import declared_shape
from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_buffers"]


def to_buffers(
    array,
    container=None,
    buffer_key="{form_key}-{attribute}",
    form_key="node{id}",
    *,
    id_start=0,
    backend=None,
    byteorder="<",
):
    """Return ``(form, length, container)``: the form has a ``form_key`` on every node
    (``form_key`` is a format string with ``{id}``, numbered in pre-order from ``id_start``,
    or a callable ``f(id=, layout=)``), ``container`` (a new dict, or the given mutable
    mapping) maps ``buffer_key`` (a format string with ``{form_key}`` and ``{attribute}``, or a
    callable ``f(form_key=, attribute=, form=, layout=)``) to 1-D buffers in ``byteorder``.

    ``length`` is the array's length; for a virtual array whose length is not known yet it is
    ``unknown_length`` (which ``ak.from_buffers`` accepts), so nothing is read."""
    layout = to_layout_arg(array, "to_buffers", allow_record=False)
    if backend is not None:
        layout = layout.to_backend(backend)
    check_byteorder(byteorder)
    if form_key is None:
        raise TypeError(
            "ak.to_buffers: a 'form_key' must be given, to match form nodes to buffers in the container"
        )
    if not isinstance(form_key, str) and not callable(form_key):
        raise TypeError(
            f"ak.to_buffers: 'form_key' must be a format string or a callable, not {type(form_key).__name__}"
        )
    if not isinstance(buffer_key, str) and not callable(buffer_key):
        raise TypeError(
            f"ak.to_buffers: 'buffer_key' must be a format string or a callable, not {type(buffer_key).__name__}"
        )
    if container is None:
        container = {}
    elif not hasattr(container, "__setitem__"):
        raise TypeError(
            f"ak.to_buffers: 'container' must be a mutable mapping, not {type(container).__name__}"
        )

    if isinstance(form_key, str):
        # the keyed form depends only on the layout's form and the key scheme: cached
        form, node_keys = _keyed_form(layout, form_key, id_start)
        nodes = _preorder_layouts(layout)
        if len(nodes) != len(node_keys):
            raise AssertionError("layout and form trees differ in size")  # a layout class bug
        visited = list(zip(nodes, node_keys))
    else:
        # form_with_key numbers the nodes in pre-order; remember which layout got which key
        visited = []

        def keyer(*, id, layout):
            key = form_key(id=id, layout=layout)
            visited.append((layout, key))
            return key

        form = layout.form_with_key(keyer, id_start)
    swap = byteorder != NATIVE
    if isinstance(buffer_key, str):
        for node, key in visited:
            for attribute, buffer in node._buffers_by_attribute().items():
                container[buffer_key.format(form_key=key, attribute=attribute)] = _output(
                    buffer, node, byteorder, swap
                )
    else:
        # a callable key also gets each node's form: walk the form tree in the same order
        nodes = _preorder(form)
        if len(nodes) != len(visited):
            raise AssertionError("layout and form trees differ in size")  # a layout class bug
        for (node, key), node_form in zip(visited, nodes):
            for attribute, buffer in node._buffers_by_attribute().items():
                name = buffer_key(form_key=key, attribute=attribute, form=node_form, layout=node)
                container[name] = _output(buffer, node, byteorder, swap)
    return form, layout.length, container


# (id(form), form_key, id_start) -> (form, keyed form, node keys); the form is kept so that
# its id cannot be reused while the entry lives. Cleared when full: a handful of layouts'
# structures are round-tripped over and over, not thousands.
_KEYED_FORMS: dict = {}
_KEYED_FORMS_MAX = 64


def _keyed_form(layout, form_key, id_start):
    base = layout.form
    cache_key = (id(base), form_key, id_start)
    hit = _KEYED_FORMS.get(cache_key)
    if hit is not None and hit[0] is base:
        return hit[1], hit[2]
    keyed = layout.form_with_key(form_key, id_start)
    node_keys = tuple(node.form_key for node in _preorder(keyed))
    if len(_KEYED_FORMS) >= _KEYED_FORMS_MAX:
        _KEYED_FORMS.clear()
    _KEYED_FORMS[cache_key] = (base, keyed, node_keys)
    return keyed, node_keys


def _preorder_layouts(layout) -> list:
    """Layout nodes in the order form_with_key numbers them (node, then its children)."""
    out = []
    stack = [layout]
    while stack:
        node = stack.pop()
        out.append(node)
        children = node.contents
        if children:
            stack.extend(reversed(children))
    return out


def _output(buffer, node, byteorder, swap):
    nplike = node.backend.nplike
    out = _flat(buffer, nplike)
    return _swapped(out, byteorder, nplike) if swap else out


def _preorder(form) -> list:
    out = []
    stack = [form]
    while stack:
        node = stack.pop()
        out.append(node)
        if node.is_record or node.is_union:
            children = list(node.contents)
        elif node.is_numpy or node.is_unknown:
            children = []
        else:
            children = [node.content]
        stack.extend(reversed(children))
    return out


def _flat(buffer, nplike):
    """A 1-D view of a buffer (N-d NumpyArray data), lazily for virtual buffers."""
    if len(declared_shape(buffer)) == 1:
        return buffer
    if isinstance(buffer, MaterializableArray):
        reshaped = buffer.reshape_lazily((-1,)) if hasattr(buffer, "reshape_lazily") else None
        if reshaped is not None:
            return reshaped
        return _lazy(buffer, lambda data: nplike.reshape(nplike.ascontiguousarray(data), (-1,)), None)
    return nplike.reshape(nplike.ascontiguousarray(buffer), (-1,))


def _swapped(buffer, byteorder, nplike):
    """Same values, stored in ``byteorder`` (dtype says so): a file writer can use its bytes."""
    dtype = buffer.dtype
    if dtype.itemsize == 1:
        return buffer
    target = dtype.newbyteorder(byteorder)
    if isinstance(buffer, MaterializableArray):
        return _lazy(buffer, lambda data: nplike.astype(data, target), target)
    return nplike.astype(buffer, target)


def _lazy(buffer, transform, dtype):
    """A new virtual buffer computing ``transform(buffer's data)`` on first touch."""
    from awkward._nplikes.virtual import VirtualNDArray

    shape = declared_shape(buffer)
    if len(shape) != 1:
        width = 1
        for dim in shape[1:]:
            width = width * dim
        shape = (shape[0] * width,)
    return VirtualNDArray(
        buffer.nplike,
        shape,
        buffer.dtype if dtype is None else dtype,
        lambda: transform(buffer.materialize()),
        buffer_key=getattr(buffer, "buffer_key", None),
    )
