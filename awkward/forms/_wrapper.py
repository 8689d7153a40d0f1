"""Shared behaviour of the forms that wrap exactly one content.

List-like forms (RegularForm, ListForm, ListOffsetForm) add a dimension; option-like and
indexed forms (IndexedForm, IndexedOptionForm, ByteMaskedForm, BitMaskedForm, UnmaskedForm)
do not. Both kinds pass columns, column selection and buffers through to their content.
"""

from __future__ import annotations

from awkward.forms.form import Form

__all__ = ["WrapperForm", "ListLikeForm", "OptionLikeForm"]


class WrapperForm(Form):
    __slots__ = ("_content",)

    @property
    def content(self) -> Form:
        return self._content

    def _children(self):
        return [self._content]

    def _walk_column_types(self, out):
        self._content._walk_column_types(out)

    def _select(self, specs, prune):
        content = self._content._select(specs, prune)
        if content is None:
            return None
        if content is self._content:
            return self
        return self.copy(content=content)

    def _has_leaves(self):
        return self._content._has_leaves()

    def _empty_selection(self):
        return self.copy(content=self._content._empty_selection())

    @property
    def fields(self):
        return self._content.fields

    @property
    def is_tuple(self):
        return self._content.is_tuple

    def purelist_parameters(self, *keys):
        if self._parameters:
            for key in keys:
                value = self._parameters.get(key)
                if value is not None:
                    return value
        return self._content.purelist_parameters(*keys)


class ListLikeForm(WrapperForm):
    """A form that adds one (variable or regular) dimension around its content."""

    __slots__ = ()

    is_list = True

    def _walk_columns(self, path, list_indicator, out):
        if list_indicator is not None:
            path = (*path, list_indicator)
        self._content._walk_columns(path, list_indicator, out)

    @property
    def purelist_depth(self):
        return self._content.purelist_depth + 1

    @property
    def purelist_isregular(self):
        return False

    @property
    def minmax_depth(self):
        low, high = self._content.minmax_depth
        return (low + 1, high + 1)

    @property
    def branch_depth(self):
        branch, depth = self._content.branch_depth
        return (branch, depth + 1)

    @property
    def dimension_optiontype(self):
        return False


class OptionLikeForm(WrapperForm):
    """A form whose dimension is its content's (options and indexed forms)."""

    __slots__ = ()

    def _walk_columns(self, path, list_indicator, out):
        self._content._walk_columns(path, list_indicator, out)

    @property
    def purelist_depth(self):
        return self._content.purelist_depth

    @property
    def purelist_isregular(self):
        return self._content.purelist_isregular

    @property
    def minmax_depth(self):
        return self._content.minmax_depth

    @property
    def branch_depth(self):
        return self._content.branch_depth

    @property
    def dimension_optiontype(self):
        return True if self.is_option else self._content.dimension_optiontype

    def _option_type(self):
        """OptionType of the content's type, carrying this node's parameters."""
        from awkward.types import OptionType

        return OptionType(self._content._type(), parameters=self._parameters)


def simplified_option_like(cls, make, content, parameters, form_key, *, categorical=False):
    """Shared body of the `simplified` classmethods of option and indexed forms.

    `make()` builds the plain node. An option/indexed content is merged with the outer node
    into one node (form keys dropped: neither describes the merged node); a union content
    takes the outer node inside itself."""
    from awkward._parameters import parameters_union
    from awkward.forms.indexedform import IndexedForm
    from awkward.forms.indexedoptionform import IndexedOptionForm
    from awkward.forms.unmaskedform import UnmaskedForm

    outer_is_option = cls is not IndexedForm
    if content.is_union and not categorical:
        if not outer_is_option:
            return content.copy(
                parameters=parameters_union(content._parameters, parameters), form_key=None
            )
        from awkward.forms.unionform import union_of_options

        return union_of_options(content, parameters)
    if content.is_option or content.is_indexed:
        merged = parameters_union(content._parameters, parameters)
        if cls is UnmaskedForm and isinstance(content, UnmaskedForm):
            return UnmaskedForm(content.content, parameters=merged)
        if outer_is_option or content.is_option:
            return IndexedOptionForm("i64", content.content, parameters=merged)
        return IndexedForm("i64", content.content, parameters=merged)
    return make()
