"""UnmaskedForm: the form of UnmaskedArray (option type with no missing values)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms._wrapper import BufferedOptionLikeForm, simplified_option_like
from awkward.forms.form import check_content

__all__ = ["UnmaskedForm"]


class UnmaskedForm(BufferedOptionLikeForm):
    """No buffers and no flags: the empty slot tuples make to_dict, repr and equality the
    content's plus the class name."""

    __slots__ = ()

    _layout_class = "UnmaskedArray"
    _index_slots = ()
    _flag_slots = ()
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

    @property
    def is_identity_like(self):
        return True
