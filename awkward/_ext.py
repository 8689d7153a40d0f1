"""Unpickling awkward 1's forms: awkward 1 pickled its (C++) form objects as
``awkward._ext.<Class>`` with a positional state tuple, so pickled awkward 1 arrays name this
module. Each class here takes that state and becomes a plain awkward-1 form dict
(``to_dict``), which ``awkward.forms.from_dict`` reads (it knows awkward 1's dialect).

Every state starts with ``(has_identities, parameters, form_key)``; the rest is per class, in
the order awkward 1 wrote it (content forms are instances of these classes again).
"""

from __future__ import annotations

__all__ = [
    "Form",
    "BitMaskedForm",
    "ByteMaskedForm",
    "EmptyForm",
    "IndexedForm",
    "IndexedOptionForm",
    "ListForm",
    "ListOffsetForm",
    "NumpyForm",
    "RecordForm",
    "RegularForm",
    "UnionForm",
    "UnmaskedForm",
    "VirtualForm",
    "to_form",
]


class Form:
    """An awkward 1 form as unpickled: its state, turned into a form dict on demand."""

    _class = None
    _fields: tuple = ()

    def __setstate__(self, state):
        self._state = tuple(state)

    def to_dict(self) -> dict:
        state = self._state
        _, parameters, form_key = state[:3]
        out = {"class": self._class, "parameters": dict(parameters or {}), "form_key": form_key}
        for name, value in zip(self._fields, state[3:]):
            out[name] = _as_dict(value)
        return out

    def to_form(self):
        from awkward.forms import from_dict

        return from_dict(self.to_dict())

    def __repr__(self) -> str:
        return f"<awkward 1 {type(self).__name__} {self.to_dict()!r}>"


def _as_dict(value):
    if isinstance(value, Form):
        return value.to_dict()
    if isinstance(value, tuple) and value and isinstance(value[0], Form):
        return [v.to_dict() for v in value]
    return value


class NumpyForm(Form):
    _class = "NumpyArray"
    _fields = ("inner_shape", "itemsize", "format")


class ListOffsetForm(Form):
    _class = "ListOffsetArray"
    _fields = ("offsets", "content")


class ListForm(Form):
    _class = "ListArray"
    _fields = ("starts", "stops", "content")


class RegularForm(Form):
    _class = "RegularArray"
    _fields = ("content", "size")


class IndexedForm(Form):
    _class = "IndexedArray"
    _fields = ("index", "content")


class IndexedOptionForm(Form):
    _class = "IndexedOptionArray"
    _fields = ("index", "content")


class ByteMaskedForm(Form):
    _class = "ByteMaskedArray"
    _fields = ("mask", "content", "valid_when")


class BitMaskedForm(Form):
    _class = "BitMaskedArray"
    _fields = ("mask", "content", "valid_when", "lsb_order")


class UnmaskedForm(Form):
    _class = "UnmaskedArray"
    _fields = ("content",)


class UnionForm(Form):
    _class = "UnionArray"
    _fields = ("tags", "index", "contents")


class EmptyForm(Form):
    _class = "EmptyArray"


class VirtualForm(Form):
    _class = "VirtualArray"
    _fields = ("form", "has_length")


class RecordForm(Form):
    _class = "RecordArray"

    def to_dict(self) -> dict:
        _, parameters, form_key, keys, contents = self._state[:5]
        out = {"class": "RecordArray", "parameters": dict(parameters or {}), "form_key": form_key}
        out["contents"] = [c.to_dict() for c in contents]
        out["fields"] = None if keys is None else list(keys)
        return out


def to_form(form):
    """A form from what awkward 1 pickled: one of these classes, a JSON string or a dict."""
    from awkward.forms import Form as Form2
    from awkward.forms import from_dict, from_json

    if isinstance(form, Form):
        return form.to_form()
    if isinstance(form, Form2):
        return form
    if isinstance(form, str):
        return from_json(form)
    return from_dict(form)
