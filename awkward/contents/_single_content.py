"""SingleContent: the base of the layouts with exactly one child (in the ``_content`` slot).

IndexedArray, IndexedOptionArray, ByteMaskedArray, BitMaskedArray, UnmaskedArray, ListArray and
ListOffsetArray answer the child-facing part of the Content protocol the same way; each of them
only names its Index attributes and the boolean flags its form carries. RegularArray shares the
child-facing properties but keeps its own form, equality and repr (its ``size`` is an int). The methods here are the
metadata ones (form, buffers, repr, equality): hot paths (``_new``, ``length``, slicing) stay in
the subclasses, with direct slot access."""

from __future__ import annotations

from awkward.contents.content import Content


class SingleContent(Content):
    """One child in ``_content`` plus the Index slots named by ``_index_slots``.

    Subclasses set two class attributes (slot names; the public name drops the underscore):
    ``_index_slots``: Index attributes, in the order the constructor and the form take them
    (their public names are also the ``to_buffers`` attribute names); ``_flag_slots``: boolean
    attributes that the form takes after the content and the repr shows in the opening tag."""

    __slots__ = ()

    _index_slots: tuple[str, ...] = ()
    _flag_slots: tuple[str, ...] = ()

    @property
    def content(self):
        return self._content

    @property
    def contents(self) -> list:
        return [self._content]

    @property
    def fields(self) -> list:
        return self._content.fields

    @property
    def is_tuple(self) -> bool:
        return self._content.is_tuple

    def _buffers_by_attribute(self) -> dict:
        return {slot[1:]: getattr(self, slot).data for slot in self._index_slots}

    def _build_form(self, getkey):
        key = self._key_of(self, getkey)  # before the child's form: keys are given in pre-order
        args = []
        for slot in self._index_slots:
            args.append(getattr(self, slot).form)
        args.append(self._content._form_with_key(getkey))
        for slot in self._flag_slots:
            args.append(getattr(self, slot))
        return self.form_cls(*args, parameters=self._parameters, form_key=key)

    def _is_equal_to_attributes(self, other) -> bool:
        for slot in self._flag_slots:
            if getattr(self, slot) != getattr(other, slot):
                return False
        return True

    def _repr(self, indent: str, pre: str, post: str) -> str:
        name = type(self).__name__
        inner = indent + "    "
        flags = "".join(
            f"{slot[1:]}={'true' if getattr(self, slot) else 'false'!r} " for slot in self._flag_slots
        )
        indexes = "".join(
            f"{self._repr_index(getattr(self, slot), inner, slot[1:])}\n" for slot in self._index_slots
        )
        return (
            f"{indent}{pre}<{name} {flags}len={self._repr_length()!r}>\n"
            f"{self._repr_parameters(indent)}"
            f"{indexes}"
            f"{self._content._repr(inner, '<content>', '</content>')}\n"
            f"{indent}</{name}>{post}"
        )


__all__ = ["SingleContent"]
