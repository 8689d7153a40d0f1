"""IndexedOptionForm: the form of IndexedOptionArray (an index whose negative entries are None)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import (
    OptionLikeForm,
    simplified_option_like,
)
from awkward.forms.form import check_content, check_index, index_to_dtype

__all__ = ["IndexedOptionForm"]


class IndexedOptionForm(OptionLikeForm):
    __slots__ = ("_index",)

    _layout_class = "IndexedOptionArray"
    is_option = True
    is_indexed = True

    def __init__(self, index, content, *, parameters=None, form_key=None):

        name = type(self).__name__
        self._index = check_index(name, "index", index, ("i32", "i64"))
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, index, content, *, parameters=None, form_key=None):
        """An IndexedOptionForm; an option or index directly inside is merged into it."""
        from awkward.forms.indexedform import _is_categorical

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
        return IndexedOptionForm(
            self._index if index is UNSET else index,
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "IndexedOptionArray",
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
        from awkward.forms.indexedform import categorical_type_parameters
        from awkward.types import OptionType

        return OptionType(
            self._content._type(), parameters=categorical_type_parameters(self._parameters)
        )

    def _buffer_dtypes(self):
        return [("index", index_to_dtype(self._index))]
