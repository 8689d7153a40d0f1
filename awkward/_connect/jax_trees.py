"""ak.Array as a jax pytree node (awkward 2.14's JAX integration, deprecated there too).

The leaves are the data buffers of the layout's NumpyArray nodes, in depth-first order; the
structure (the layout with its Index buffers, behavior and attrs) is the auxiliary data, so
``jax.grad`` sees the numbers and carries the lists, options and records around them. jax is
imported only when an array class is registered (``ak.jax.register_and_check()``).
"""

from __future__ import annotations

from awkward.contents.content import concrete
from awkward.contents.numpyarray import NumpyArray

__all__ = ["register_array_class"]


def _same(x):
    return x


def _children(layout):
    if hasattr(layout, "contents"):
        return layout.contents
    content = getattr(layout, "content", None)
    return () if content is None else (content,)


def _collect(layout, out: list) -> None:
    if isinstance(layout, NumpyArray):
        (data,) = concrete(layout.data)
        out.append(data)
        return
    for child in _children(layout):
        _collect(child, out)


def _indexes(layout, out: list) -> list:
    """The structure buffers (Index data), depth first: compared when two trees' forms agree."""

    def on_index(index):
        out.append(index.data)
        return index

    if not isinstance(layout, NumpyArray):
        layout._map_slots(on_index, _same, _same)
        for child in _children(layout):
            _indexes(child, out)
    return out


def _same_values(x, y) -> bool:
    if x is y:
        return True
    x, y = concrete(x, y)
    return x.shape == y.shape and x.dtype == y.dtype and bool((x == y).all())


def _rebuild(layout, leaves):
    def on_content(child):
        return _rebuild(child, leaves)

    if isinstance(layout, NumpyArray):
        return layout._with_data(next(leaves))
    return layout._map_slots(_same, _same, on_content)


class AuxData:
    """The structure around the leaves: the layout (its Index buffers included), the
    high-level class, behavior and attrs. Equal when the forms and lengths are."""

    __slots__ = ("attrs", "behavior", "cls", "layout")

    def __init__(self, cls, layout, behavior, attrs):
        self.cls = cls
        self.layout = layout
        self.behavior = behavior
        self.attrs = attrs

    def _key(self):
        return (self.cls, str(self.layout.form), self.layout.length)

    def __eq__(self, other):
        # the Index values too: jax.jit caches a traced function by tree structure, and the
        # structure's values are constants of that trace
        if self is other:
            return True
        if not isinstance(other, AuxData) or self._key() != other._key():
            return False
        if self.layout is other.layout:
            return True
        mine, theirs = _indexes(self.layout, []), _indexes(other.layout, [])
        return len(mine) == len(theirs) and all(map(_same_values, mine, theirs))

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"AuxData({self.layout.form.type!s}, length={self.layout.length})"


def _flatten(array):
    layout = array.layout
    leaves: list = []
    _collect(layout, leaves)
    return leaves, AuxData(type(array), layout, array._behavior, array._attrs)


def _unflatten(aux: AuxData, leaves):
    layout = _rebuild(aux.layout, iter(list(leaves)))
    return aux.cls(layout, behavior=aux.behavior, attrs=aux.attrs)


_done: set = set()


def register_array_class(cls) -> None:
    """Make ``cls`` (ak.Array or a subclass) a jax pytree node (once)."""
    if cls in _done:
        return
    import jax

    jax.tree_util.register_pytree_node(cls, _flatten, _unflatten)
    _done.add(cls)


def jax_dense(layout):
    """The jax array of a regular layout of numbers on the jax backend: its data buffer,
    reshaped (so ``jax.grad`` follows ak.to_jax), or None where the numpy conversion is needed
    (options, jagged lists, records: that path gives the errors)."""
    from awkward.contents.regulararray import RegularArray

    if layout.backend.name != "jax" or layout.parameter("__array__") is not None:
        return None
    if isinstance(layout, NumpyArray):
        (data,) = concrete(layout.data)
        return data
    if isinstance(layout, RegularArray):
        inner = jax_dense(layout.content)
        if inner is None:
            return None
        length, size = layout.length, layout.size
        return inner[: length * size].reshape((length, size, *inner.shape[1:]))
    return None
