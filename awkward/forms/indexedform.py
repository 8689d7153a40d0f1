"""IndexedForm: the form of IndexedArray (a lazy gather through an index)."""

from __future__ import annotations

from awkward._parameters import parameters_union
from awkward.forms._wrapper import IndexOverContentForm

__all__ = ["IndexedForm"]


def categorical_type_parameters(parameters, content_parameters=None):
    """Type parameters of an indexed node: '__array__': 'categorical' becomes '__categorical__'."""
    if parameters and parameters.get("__array__") == "categorical":
        # only the index's own "__array__" is the categorical marker; the content's (a string's) stays
        own = {k: v for k, v in parameters.items() if k != "__array__"}
        out = parameters_union(content_parameters, own) or {}
        out["__categorical__"] = True
        return out
    return parameters_union(content_parameters, parameters)


class IndexedForm(IndexOverContentForm):
    __slots__ = ("_index",)

    _layout_class = "IndexedArray"
    is_indexed = True
    _index_types = ("i32", "u32", "i64")

    def _type(self):
        # An index is invisible in the type: the content's type, with both nodes' parameters.
        out = self._content._type()
        out._parameters = categorical_type_parameters(self._parameters, out._parameters)
        return out
