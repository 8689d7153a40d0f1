"""SingleContent: the base of the layouts with exactly one child (in the ``_content`` slot).

IndexedArray, IndexedOptionArray, ByteMaskedArray, BitMaskedArray, UnmaskedArray, ListArray and
ListOffsetArray answer the child-facing part of the Content protocol the same way; each of them
only names its Index attributes and the boolean flags its form carries. The methods here are the
metadata ones (form, buffers, repr, equality): hot paths (``_new``, ``length``, slicing) stay in
the subclasses, with direct slot access."""

from __future__ import annotations

from awkward.contents.content import Content


class SingleContent(Content):
    """One child in ``_content`` plus the Index attributes named by ``_index_names``.

    Subclasses set two class attributes (the slot of each name is ``"_" + name``):
    ``_index_names``: Index attributes, in the order the constructor and the form take them
    (they are also the ``to_buffers`` attribute names); ``_flag_names``: boolean attributes
    that the form takes after the content and the repr shows in the opening tag."""

    __slots__ = ()

    _index_names: tuple[str, ...] = ()
    _flag_names: tuple[str, ...] = ()

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
        return {name: getattr(self, "_" + name).data for name in self._index_names}

    def _build_form(self, getkey):
        key = self._key_of(self, getkey)  # before the child's form: keys are given in pre-order
        return self.form_cls(
            *[getattr(self, "_" + name).form for name in self._index_names],
            self._content._form_with_key(getkey),
            *[getattr(self, "_" + name) for name in self._flag_names],
            parameters=self._parameters,
            form_key=key,
        )

    def _is_equal_to_attributes(self, other) -> bool:
        return all(getattr(self, "_" + name) == getattr(other, "_" + name) for name in self._flag_names)

    def _repr(self, indent: str, pre: str, post: str) -> str:
        name = type(self).__name__
        inner = indent + "    "
        flags = "".join(
            f"{flag}={'true' if getattr(self, '_' + flag) else 'false'!r} " for flag in self._flag_names
        )
        indexes = "".join(
            f"{self._repr_index(getattr(self, '_' + tag), inner, tag)}\n" for tag in self._index_names
        )
        return (
            f"{indent}{pre}<{name} {flags}len={self._repr_length()!r}>\n"
            f"{self._repr_parameters(indent)}"
            f"{indexes}"
            f"{self._content._repr(inner, '<content>', '</content>')}\n"
            f"{indent}</{name}>{post}"
        )


__all__ = ["SingleContent"]
