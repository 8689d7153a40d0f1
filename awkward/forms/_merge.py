"""Which forms can be merged into one (for UnionForm.simplified), and the merged form.

This is the form-level counterpart of merging layouts: numbers promote, lists merge into
lists, records with the same fields merge field by field, options stay options. bool does
not merge with numbers, and datetimes only with the identical unit (no `mergebool`).
"""

from __future__ import annotations

from awkward._nplikes.dtypes import primitive_to_dtype
from awkward._parameters import parameters_intersect, type_parameters_equal

__all__ = ["mergeable", "merged", "promote_primitives"]

_FLOAT_FOR_INT_SIZE = {1: 2, 2: 4, 4: 8, 8: 8}  # smallest float itemsize holding an int


def _kind_size(primitive: str):
    dtype = primitive_to_dtype(primitive)
    return dtype.kind, dtype.itemsize


def _name(kind: str, size: int) -> str:
    bits = size * 8
    return {"i": f"int{bits}", "u": f"uint{bits}", "f": f"float{bits}", "c": f"complex{bits}"}[kind]


def promote_primitives(one: str, two: str) -> str | None:
    """The primitive both merge into (numpy-style promotion), or None if they do not merge."""
    if one == two:
        return one
    (k1, s1), (k2, s2) = _kind_size(one), _kind_size(two)
    if "b" in (k1, k2) or k1 in "Mm" or k2 in "Mm":
        return None
    if k1 in "iu" and k2 in "iu":
        if k1 == k2:
            return _name(k1, max(s1, s2))
        signed, unsigned = (s1, s2) if k1 == "i" else (s2, s1)
        if signed > unsigned:
            return _name("i", signed)
        if unsigned < 8:
            return _name("i", unsigned * 2)
        return "float64"
    # at least one float or complex
    need_float = max(
        _FLOAT_FOR_INT_SIZE[s] if k in "iu" else (s if k == "f" else s // 2)
        for k, s in ((k1, s1), (k2, s2))
    )
    if "c" in (k1, k2):
        return _name("c", max(need_float * 2, 8))
    return _name("f", need_float)


def _strip(form):
    """(is_option, the form under any option/indexed wrappers)."""
    option = False
    while form.is_option or form.is_indexed:
        option = option or form.is_option
        form = form.content
    return option, form


def mergeable(one, two) -> bool:
    return merged(one, two) is not None


def merged(one, two):
    """The form of one and two merged, or None when they cannot merge."""
    from awkward.forms.indexedoptionform import IndexedOptionForm
    from awkward.forms.listform import ListForm
    from awkward.forms.numpyform import NumpyForm
    from awkward.forms.recordform import RecordForm
    from awkward.forms.regularform import RegularForm

    if one.is_unknown:
        return two
    if two.is_unknown:
        return one
    option1, inner1 = _strip(one)
    option2, inner2 = _strip(two)
    if not type_parameters_equal(inner1._parameters, inner2._parameters):
        return None
    parameters = parameters_intersect(inner1._parameters, inner2._parameters)
    out = None
    if inner1.is_numpy and inner2.is_numpy:
        if inner1.inner_shape == inner2.inner_shape:
            primitive = promote_primitives(inner1.primitive, inner2.primitive)
            if primitive is not None:
                out = NumpyForm(primitive, inner1.inner_shape, parameters=parameters)
    elif inner1.is_list and inner2.is_list:
        content = merged(inner1.content, inner2.content)
        if content is not None:
            if inner1.is_regular and inner2.is_regular and inner1.size == inner2.size:
                out = RegularForm(content, inner1.size, parameters=parameters)
            else:
                out = ListForm("i64", "i64", content, parameters=parameters)
    elif inner1.is_record and inner2.is_record and inner1.is_tuple == inner2.is_tuple:
        out = _merged_records(inner1, inner2, parameters, RecordForm)
    if out is None:
        return None
    if option1 or option2:
        out = IndexedOptionForm.simplified("i64", out)
    return out


def _merged_records(one, two, parameters, record_cls):
    if len(one.contents) != len(two.contents):
        return None
    if one.is_tuple:
        pairs = zip(one.contents, two.contents)
        fields = None
    else:
        if set(one.fields) != set(two.fields):
            return None
        pairs = ((c, two.content(f)) for f, c in zip(one.fields, one.contents))
        fields = one.fields
    contents = []
    for a, b in pairs:
        c = merged(a, b)
        if c is None:
            return None
        contents.append(c)
    return record_cls(contents, fields, parameters=parameters)
