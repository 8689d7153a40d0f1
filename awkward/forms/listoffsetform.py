"""ListOffsetForm: the form of ListOffsetArray (variable-length lists from one offsets index)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import ListLikeForm
from awkward.forms.form import check_content, check_index, index_to_dtype

__all__ = ["ListOffsetForm"]


class ListOffsetForm(ListLikeForm):
    __slots__ = ("_offsets",)

    _layout_class = "ListOffsetArray"

    def __init__(self, offsets, content, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._offsets = check_index(name, "offsets", offsets, ("i32", "u32", "i64"))
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, offsets, content, *, parameters=None, form_key=None):
        return cls(offsets, content, parameters=parameters, form_key=form_key)

    @property
    def offsets(self) -> str:
        return self._offsets

    def copy(self, offsets=UNSET, content=UNSET, *, parameters=UNSET, form_key=UNSET):
        return ListOffsetForm(
            self._offsets if offsets is UNSET else offsets,
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "ListOffsetArray",
            "offsets": self._offsets,
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._offsets), repr(self._content)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and self._offsets == other._offsets
            and self._content._is_equal_to(other._content, all_parameters, form_key)
        )

    def _type(self):
        from awkward.types import ListType

        return ListType(self._content._type(), parameters=self._parameters)

    def _buffer_dtypes(self):
        return [("offsets", index_to_dtype(self._offsets))]
