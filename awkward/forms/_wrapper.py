"""Shared behaviour of the forms that wrap exactly one content.

List-like forms (RegularForm, ListForm, ListOffsetForm) add a dimension; option-like and
indexed forms (IndexedForm, IndexedOptionForm, ByteMaskedForm, BitMaskedForm, UnmaskedForm)
do not. Both kinds pass columns, column selection and buffers through to their content.
"""

from __future__ import annotations

from awkward._util import UNSET
from awkward.forms.form import Form, check_content, check_index, index_to_dtype

__all__ = ["WrapperForm", "ListLikeForm", "OptionLikeForm", "BufferedOptionLikeForm", "IndexOverContentForm"]


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

    def _is_string(self):
        # strings and bytestrings count as one value, not a dimension (as in awkward 2.14)
        return self._parameters is not None and self._parameters.get("__array__") in (
            "string",
            "bytestring",
        )

    @property
    def purelist_depth(self):
        if self._is_string():
            return 1
        return self._content.purelist_depth + 1

    @property
    def purelist_isregular(self):
        return False

    @property
    def minmax_depth(self):
        if self._is_string():
            return (1, 1)
        low, high = self._content.minmax_depth
        return (low + 1, high + 1)

    @property
    def branch_depth(self):
        if self._is_string():
            return (False, 1)
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


class BufferedOptionLikeForm(OptionLikeForm):
    """An option-like form with Index buffers and boolean flags (IndexedForm, IndexedOptionForm,
    ByteMaskedForm, BitMaskedForm; UnmaskedForm with neither): serialization, repr, equality
    and buffer dtypes follow from two class attributes of slot names (the public name drops
    the underscore): ``_index_slots`` (Index attributes, in constructor order) and
    ``_flag_slots`` (booleans that follow the content)."""

    __slots__ = ()

    _index_slots: tuple[str, ...] = ()
    _flag_slots: tuple[str, ...] = ()

    def _to_dict_part(self, verbose, toplevel):
        out = {"class": self._layout_class}
        for slot in self._index_slots:
            out[slot[1:]] = getattr(self, slot)
        for slot in self._flag_slots:
            out[slot[1:]] = getattr(self, slot)
        out["content"] = self._content._to_dict_part(verbose, toplevel=False)
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        out = []
        for slot in self._index_slots:
            out.append(repr(getattr(self, slot)))
        out.append(repr(self._content))
        for slot in self._flag_slots:
            out.append(repr(getattr(self, slot)))
        return out

    def _is_equal_to(self, other, all_parameters, form_key):
        if not self._same_node(other, all_parameters, form_key):
            return False
        for slot in self._index_slots:
            if getattr(self, slot) != getattr(other, slot):
                return False
        for slot in self._flag_slots:
            if getattr(self, slot) != getattr(other, slot):
                return False
        return self._content._is_equal_to(other._content, all_parameters, form_key)

    def _buffer_dtypes(self):
        return [(slot[1:], index_to_dtype(getattr(self, slot))) for slot in self._index_slots]

    def _type(self):
        return self._option_type()


def _is_categorical(parameters) -> bool:
    return bool(parameters) and parameters.get("__array__") == "categorical"


class IndexOverContentForm(BufferedOptionLikeForm):
    """What IndexedForm and IndexedOptionForm share: an ``index`` of one of
    ``_index_types`` over one content."""

    __slots__ = ()

    _index_slots = ("_index",)
    _index_types: tuple[str, ...] = ()

    def __init__(self, index, content, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._index = check_index(name, "index", index, self._index_types)
        self._content = check_content(name, content)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, index, content, *, parameters=None, form_key=None):
        """A form of this class, or the single node an index over `content` collapses into."""
        return simplified_option_like(
            cls,
            lambda: cls(index, content, parameters=parameters, form_key=form_key),
            content,
            parameters,
            form_key,
            categorical=_is_categorical(parameters),
        )

    @property
    def index(self) -> str:
        return self._index

    def copy(self, index=UNSET, content=UNSET, *, parameters=UNSET, form_key=UNSET):
        return type(self)(
            self._index if index is UNSET else index,
            self._content if content is UNSET else content,
            **self._copy_common(parameters, form_key),
        )


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
