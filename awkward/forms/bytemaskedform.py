"""ByteMaskedForm: the form of ByteMaskedArray (option type from a byte per entry)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import OptionLikeForm, simplified_option_like
from awkward.forms.form import check_bool, check_content, check_index, index_to_dtype

__all__ = ["ByteMaskedForm"]


class ByteMaskedForm(OptionLikeForm):
    __slots__ = ("_mask", "_valid_when")

    _layout_class = "ByteMaskedArray"
    is_option = True

    def __init__(self, mask, content, valid_when, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._mask = check_index(name, "mask", mask, ("i8",))
        self._content = check_content(name, content)
        self._valid_when = check_bool(name, "valid_when", valid_when)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, mask, content, valid_when, *, parameters=None, form_key=None):
        return simplified_option_like(
            cls,
            lambda: cls(mask, content, valid_when, parameters=parameters, form_key=form_key),
            content,
            parameters,
            form_key,
        )

    @property
    def mask(self) -> str:
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when

    def copy(
        self, mask=UNSET, content=UNSET, valid_when=UNSET, *, parameters=UNSET, form_key=UNSET
    ):
        return ByteMaskedForm(
            self._mask if mask is UNSET else mask,
            self._content if content is UNSET else content,
            self._valid_when if valid_when is UNSET else valid_when,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "ByteMaskedArray",
            "mask": self._mask,
            "valid_when": self._valid_when,
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._mask), repr(self._content), repr(self._valid_when)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and self._mask == other._mask
            and self._valid_when == other._valid_when
            and self._content._is_equal_to(other._content, all_parameters, form_key)
        )

    def _type(self):
        return self._option_type()

    def _buffer_dtypes(self):
        return [("mask", index_to_dtype(self._mask))]

    @property
    def is_identity_like(self):
        return False
