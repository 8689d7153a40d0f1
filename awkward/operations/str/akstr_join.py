"""ak.str.join: each list of strings joined into one string with a separator."""

from __future__ import annotations

from awkward._do import string_broadcast_compute, string_compute_lists, string_kind
from awkward.operations._layout_args import HighLevelContext, to_layout_arg

__all__ = ["join"]


def join(array, separator, *, highlevel=True, behavior=None, attrs=None):
    """Each innermost list of strings becomes one string, its items joined with
    ``separator`` (a str/bytes, or an array of strings broadcast against the lists). As in
    2.14, a list holding a missing string (or meeting a missing separator) gives ""."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.join")
    if isinstance(separator, (str, bytes)):
        out = string_compute_lists(layout, "join", "binary_join", separator)
        return ctx.wrap(out, highlevel)
    separators = to_layout_arg(separator, "str.join", allow_record=False)
    node = separators.content if (separators.is_option or separators.is_indexed) else separators
    if string_kind(node) is None:
        raise TypeError(
            f"`separator` must be a list of (possibly missing) strings, not {_type_str(separators)}"
        )

    def compute(nodes, connect):
        lists, seps = nodes
        kind = string_kind(lists.content.content if lists.content.is_option else lists.content)
        result = connect.join_lists(lists, seps, kind)
        return result

    out = string_broadcast_compute([layout, separators], "join", compute, kinds=("list", "string?"))
    return ctx.wrap(out, highlevel)


def _type_str(layout):
    from awkward.types import ArrayType

    return str(ArrayType(layout.form.type, len(layout)))
