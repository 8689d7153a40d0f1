"""Categorical arrays (IndexedArray/IndexedOptionArray marked ``__array__="categorical"``):
finding their categories and turning them back into plain indexed arrays. No buffer is read."""

from __future__ import annotations

from awkward._do._apply import recursively_apply

__all__ = ["is_categorical", "categories", "from_categorical"]


def _is_categorical_node(layout):
    return layout.is_indexed and layout.parameter("__array__") == "categorical"


def is_categorical(layout) -> bool:
    """Whether the outermost non-list node (through lists, not records) is categorical."""
    return layout.purelist_parameter("__array__") == "categorical"


def categories(layout):
    """The categories (content) of the first categorical node, looking through lists and
    records; None when there is none."""
    found = []

    def action(node, **kwargs):
        if found:
            return node
        if _is_categorical_node(node):
            found.append(node.content)
            return node
        return None

    recursively_apply(layout, action, return_array=False, function_name="ak.categories")
    return found[0] if found else None


def from_categorical(layout):
    """Every categorical node loses its marker (it stays an index over the same content)."""

    def action(node, continuation, **kwargs):
        if _is_categorical_node(node):
            out = continuation()
            params = {k: v for k, v in out.parameters.items() if k != "__array__"}
            return out.copy(parameters=params or None)
        return None

    return recursively_apply(layout, action, function_name="ak.from_categorical")
