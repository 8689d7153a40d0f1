"""ListForm: the form of ListArray (variable-length lists from starts and stops indexes)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import ListLikeForm
from awkward.forms.form import check_content, check_index, index_to_dtype

__all__ = ["ListForm"]

_ALLOWED = ("i32", "u32", "i64")


class ListForm(ListLikeForm):
    __slots__ = ("_starts", "_stops")

    _layout_class = "ListArray"

    def __init__(self, starts, stops, content, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._starts = check_index(name, "starts", starts, _ALLOWED)
        self._stops = check_index(name, "stops", stops, _ALLOWED)
        if starts != stops:
            # ListArray needs starts and stops of one dtype.
            raise ValueError(
                f"{name} 'starts' and 'stops' must have the same index type, not {starts!r} and {stops!r}"
            )
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, starts, stops, content, *, parameters=None, form_key=None):
        return cls(starts, stops, content, parameters=parameters, form_key=form_key)

    @property
    def starts(self) -> str:
        return self._starts

    @property
    def stops(self) -> str:
        return self._stops

    def copy(self, starts=UNSET, stops=UNSET, content=UNSET, *, parameters=UNSET, form_key=UNSET):
        return ListForm(
            self._starts if starts is UNSET else starts,
            self._stops if stops is UNSET else stops,
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "ListArray",
            "starts": self._starts,
            "stops": self._stops,
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._starts), repr(self._stops), repr(self._content)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and self._starts == other._starts
            and self._stops == other._stops
            and self._content._is_equal_to(other._content, all_parameters, form_key)
        )

    def _type(self):
        from awkward.types import ListType

        return ListType(self._content._type(), parameters=self._parameters)

    def _buffer_dtypes(self):
        return [("starts", index_to_dtype(self._starts)), ("stops", index_to_dtype(self._stops))]
