"""RegularForm: the form of RegularArray (lists of one fixed size)."""

from __future__ import annotations

import operator

from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.forms._wrapper import ListLikeForm
from awkward.forms.form import check_content

__all__ = ["RegularForm"]


def _check_size(owner: str, size):
    if size is None or size is unknown_length:
        return unknown_length
    if not isinstance(size, bool):
        try:
            value = operator.index(size)
        except TypeError:
            value = None
        if value is not None and value >= 0:
            return value
    raise TypeError(
        f"{owner} 'size' must be a non-negative int or unknown_length (None), not {size!r}"
    )


def _sizes_equal(one, two) -> bool:
    # an unknown size (a tracer's to_regular) matches any size, as in 2.14 (and as types do)
    if one is unknown_length or two is unknown_length:
        return True
    return one == two


class RegularForm(ListLikeForm):
    __slots__ = ("_size",)

    _layout_class = "RegularArray"
    is_regular = True

    def __init__(self, content, size, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._content = check_content(name, content)
        self._size = _check_size(name, size)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, content, size, *, parameters=None, form_key=None):
        return cls(content, size, parameters=parameters, form_key=form_key)

    @property
    def size(self):
        return self._size

    def copy(self, content=UNSET, size=UNSET, *, parameters=UNSET, form_key=UNSET):
        return RegularForm(
            self._content if content is UNSET else content,
            self._size if size is UNSET else size,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "RegularArray",
            "size": None if self._size is unknown_length else self._size,
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._content), repr(self._size)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and _sizes_equal(self._size, other._size)
            and self._content._is_equal_to(other._content, all_parameters, form_key)
        )

    def _type(self):
        from awkward.types import RegularType

        return RegularType(self._content._type(), self._size, parameters=self._parameters)

    @property
    def purelist_isregular(self):
        return self._content.purelist_isregular
