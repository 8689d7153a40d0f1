"""EmptyForm: the form of EmptyArray (length-zero data of unknown type)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms.form import Form

__all__ = ["EmptyForm"]


class EmptyForm(Form):
    __slots__ = ()

    _layout_class = "EmptyArray"
    is_unknown = True
    is_leaf = True

    def __init__(self, *, parameters=None, form_key=None):
        if parameters:
            raise TypeError(f"{type(self).__name__} cannot contain parameters")
        self._init(None, form_key)

    @classmethod
    def simplified(cls, *, parameters=None, form_key=None) -> Form:
        return cls(parameters=parameters, form_key=form_key)

    def copy(self, *, parameters=UNSET, form_key=UNSET) -> EmptyForm:
        return EmptyForm(**self._copy_common(parameters, form_key))

    def to_NumpyForm(self, primitive):
        from awkward.forms.numpyform import NumpyForm

        return NumpyForm(primitive)

    def _to_dict_part(self, verbose, toplevel):
        return self._to_dict_extra({"class": "EmptyArray"}, verbose)

    def _repr_args(self):
        return []

    def _is_equal_to(self, other, all_parameters, form_key):
        return self._same_node(other, all_parameters, form_key)

    def _type(self):
        from awkward.types import UnknownType

        return UnknownType()

    def _walk_columns(self, path, list_indicator, out):
        out.append(path)

    def _walk_column_types(self, out):
        out.append("empty")

    def _select(self, specs, prune):
        return self

    def _empty_selection(self):
        return self

    @property
    def purelist_depth(self):
        return 1

    @property
    def purelist_isregular(self):
        return True

    @property
    def minmax_depth(self):
        return (1, 1)

    @property
    def branch_depth(self):
        return (False, 1)
