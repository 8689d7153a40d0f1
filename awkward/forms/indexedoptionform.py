"""IndexedOptionForm: the form of IndexedOptionArray (an index whose negative entries are None)."""

from __future__ import annotations

from awkward.forms._wrapper import IndexOverContentForm

__all__ = ["IndexedOptionForm"]


class IndexedOptionForm(IndexOverContentForm):
    __slots__ = ("_index",)

    _layout_class = "IndexedOptionArray"
    is_option = True
    is_indexed = True
    _index_types = ("i32", "i64")

    def _type(self):
        from awkward.forms.indexedform import categorical_type_parameters
        from awkward.types import OptionType

        return OptionType(
            self._content._type(), parameters=categorical_type_parameters(self._parameters)
        )
