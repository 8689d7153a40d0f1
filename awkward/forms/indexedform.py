"""IndexedForm: the form of IndexedArray (a lazy gather through an index)."""

from __future__ import annotations

from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.forms._wrapper import (
    OptionLikeForm,
    simplified_option_like,
)
from awkward.forms.form import check_content, check_index, index_to_dtype

__all__ = ["IndexedForm"]


def categorical_type_parameters(parameters, content_parameters=None):
    """Type parameters of an indexed node: '__array__': 'categorical' becomes '__categorical__'."""
    if parameters and parameters.get("__array__") == "categorical":
        out = parameters_union(content_parameters, parameters, exclude=("__array__",)) or {}
        out["__categorical__"] = True
        return out
    return parameters_union(content_parameters, parameters)


def _is_categorical(parameters) -> bool:
    return bool(parameters) and parameters.get("__array__") == "categorical"


class IndexedForm(OptionLikeForm):
    __slots__ = ("_index",)

    _layout_class = "IndexedArray"
    is_indexed = True

    def __init__(self, index, content, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._index = check_index(name, "index", index, ("i32", "u32", "i64"))
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, index, content, *, parameters=None, form_key=None):
        """An IndexedForm, or the single node an index over `content` collapses into."""
        return simplified_option_like(
            cls,
            lambda: cls(index, content, parameters=parameters, form_key=form_key),
            content,
            parameters,
            form_key,
            categorical=_is_categorical(parameters),
        )

    @property
    def index(self) -> str:
        return self._index

    def copy(self, index=UNSET, content=UNSET, *, parameters=UNSET, form_key=UNSET):
        return IndexedForm(
            self._index if index is UNSET else index,
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "IndexedArray",
            "index": self._index,
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._index), repr(self._content)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and self._index == other._index
            and self._content._is_equal_to(other._content, all_parameters, form_key)
        )

    def _type(self):
        # An index is invisible in the type: the content's type, with both nodes' parameters.
        out = self._content._type()
        out._parameters = categorical_type_parameters(self._parameters, out._parameters)
        return out

    def _buffer_dtypes(self):
        return [("index", index_to_dtype(self._index))]

    @property
    def is_identity_like(self):
        return False
