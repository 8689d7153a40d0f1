"""BitMaskedForm: the form of BitMaskedArray (option type from a bit per entry)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import BufferedOptionLikeForm, simplified_option_like
from awkward.forms.form import check_bool, check_content, check_index

__all__ = ["BitMaskedForm"]


class BitMaskedForm(BufferedOptionLikeForm):
    __slots__ = ("_mask", "_valid_when", "_lsb_order")

    _layout_class = "BitMaskedArray"
    is_option = True
    _index_slots = ("_mask",)
    _flag_slots = ("_valid_when", "_lsb_order")

    def __init__(self, mask, content, valid_when, lsb_order, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._mask = check_index(name, "mask", mask, ("u8",))
        self._content = check_content(name, content)
        self._valid_when = check_bool(name, "valid_when", valid_when)
        self._lsb_order = check_bool(name, "lsb_order", lsb_order)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, mask, content, valid_when, lsb_order, *, parameters=None, form_key=None):
        return simplified_option_like(
            cls,
            lambda: cls(
                mask, content, valid_when, lsb_order, parameters=parameters, form_key=form_key
            ),
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

    @property
    def lsb_order(self) -> bool:
        return self._lsb_order

    def copy(
        self,
        mask=UNSET,
        content=UNSET,
        valid_when=UNSET,
        lsb_order=UNSET,
        *,
        parameters=UNSET,
        form_key=UNSET,
    ):
        return BitMaskedForm(
            self._mask if mask is UNSET else mask,
            self._content if content is UNSET else content,
            self._valid_when if valid_when is UNSET else valid_when,
            self._lsb_order if lsb_order is UNSET else lsb_order,
            **self._copy_common(parameters, form_key),
        )
