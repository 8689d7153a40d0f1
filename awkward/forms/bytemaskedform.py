"""ByteMaskedForm: the form of ByteMaskedArray (option type from a byte per entry)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import BufferedOptionLikeForm, simplified_option_like
from awkward.forms.form import check_bool, check_content, check_index

__all__ = ["ByteMaskedForm"]


class ByteMaskedForm(BufferedOptionLikeForm):
    __slots__ = ("_mask", "_valid_when")

    _layout_class = "ByteMaskedArray"
    is_option = True
    _index_slots = ("_mask",)
    _flag_slots = ("_valid_when",)

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
