"""UnmaskedForm: the form of UnmaskedArray (option type with no missing values)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import OptionLikeForm, simplified_option_like
from awkward.forms.form import check_content

__all__ = ["UnmaskedForm"]


class UnmaskedForm(OptionLikeForm):
    __slots__ = ()

    _layout_class = "UnmaskedArray"
    is_option = True

    def __init__(self, content, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, content, *, parameters=None, form_key=None):
        return simplified_option_like(
            cls,
            lambda: cls(content, parameters=parameters, form_key=form_key),
            content,
            parameters,
            form_key,
        )

    def copy(self, content=UNSET, *, parameters=UNSET, form_key=UNSET):
        return UnmaskedForm(
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "UnmaskedArray",
            "content": self._content._to_dict_part(verbose, toplevel=False),
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._content)]

    def _is_equal_to(self, other, all_parameters, form_key):
        return self._same_node(other, all_parameters, form_key) and self._content._is_equal_to(
            other._content, all_parameters, form_key
        )

    def _type(self):
        return self._option_type()

    @property
    def is_identity_like(self):
        return True
