"""Building forms from dicts, JSON, high-level types and dtypes."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from awkward._nplikes.dtypes import dtype_to_primitive, is_supported_primitive

__all__ = ["from_dict", "from_json", "from_type", "from_dtype", "form_with_unique_keys"]

# Index-style abbreviations accepted as bare-string leaves ("i64" -> "int64").
_SHORT_PRIMITIVES = {
    "i8": "int8",
    "u8": "uint8",
    "i16": "int16",
    "u16": "uint16",
    "i32": "int32",
    "u32": "uint32",
    "i64": "int64",
    "u64": "uint64",
    "f16": "float16",
    "f32": "float32",
    "f64": "float64",
}

# Old class names with index-width suffixes (ListOffsetArray64, UnionArray8_U32, ...).
_SUFFIX = re.compile(
    r"^(ListOffsetArray|ListArray|IndexedOptionArray|IndexedArray|UnionArray)(8_)?(U?32|64)$"
)


# awkward 1 wrote NumpyArray forms with a buffer-protocol "format" (and "itemsize"); when
# "primitive" is missing the primitive comes from these (integers by kind and itemsize, so a
# file written where "l" is 4 bytes loads as int32).
_FORMAT_FLOATS = {"e": "float16", "f": "float32", "d": "float64", "g": "float128"}
_FORMAT_COMPLEX = {"Zf": "complex64", "Zd": "complex128", "Zg": "complex256"}
_UNITLESS = ("datetime64", "timedelta64")
_FORMAT_UNITS = re.compile(r"^([Mm])8(\[[0-9]*[A-Za-z]+\])?$")


def _primitive_from_format(input: Mapping):
    fmt = input.get("format")
    if not isinstance(fmt, str) or not fmt:
        raise ValueError(
            "NumpyArray form dict is missing the required key 'primitive' (or awkward 1's "
            f"'format' and 'itemsize'): {dict(input)!r}"
        )
    fmt = fmt.lstrip("<>=!@")
    itemsize = input.get("itemsize")
    primitive = None
    if fmt == "?":
        primitive = "bool"
    elif len(fmt) == 1 and fmt in "bhilqn" and isinstance(itemsize, int):
        primitive = f"int{8 * itemsize}"
    elif len(fmt) == 1 and fmt in "BHILQN" and isinstance(itemsize, int):
        primitive = f"uint{8 * itemsize}"
    elif fmt in _FORMAT_FLOATS:
        primitive = _FORMAT_FLOATS[fmt]
    elif fmt in _FORMAT_COMPLEX:
        primitive = _FORMAT_COMPLEX[fmt]
    else:
        match = _FORMAT_UNITS.match(fmt)
        if match is not None:
            kind = "datetime64" if match.group(1) == "M" else "timedelta64"
            primitive = kind + (match.group(2) or "")
    if primitive is None or not is_supported_primitive(primitive):
        raise ValueError(
            f"NumpyArray form dict: awkward 1 format {input.get('format')!r} with itemsize "
            f"{itemsize!r} is not a supported primitive type"
        )
    return primitive


def _leaf(primitive: str):
    from awkward.forms.numpyform import NumpyForm

    if not is_supported_primitive(primitive) and primitive in _SHORT_PRIMITIVES:
        primitive = _SHORT_PRIMITIVES[primitive]
    return NumpyForm(primitive)


def _require(input: Mapping, key: str, cls: str):
    try:
        return input[key]
    except KeyError:
        raise ValueError(
            f"{cls} form dict is missing the required key {key!r}: {dict(input)!r}"
        ) from None


def _contents_of(input: Mapping, cls: str):
    contents = _require(input, "contents", cls)
    if isinstance(contents, Mapping):
        return list(contents.keys()), [from_dict(c) for c in contents.values()]
    if isinstance(contents, (list, tuple)):
        return None, [from_dict(c) for c in contents]
    raise TypeError(f"{cls} 'contents' must be a list or a dict, not {contents!r}")


# class names as written -> as read (filled on first sight: awkward 1's suffixed names map to 2's)
_CLASS_NAMES: dict = {}
_FORMS = []  # the awkward.forms module, once imported (it imports this module)


def _class_name(cls: str) -> str:
    name = _CLASS_NAMES.get(cls)
    if name is None:
        match = _SUFFIX.match(cls)
        name = cls if match is None else match.group(1)
        if len(_CLASS_NAMES) < 64:
            _CLASS_NAMES[cls] = name
    return name


def from_dict(input):
    """A Form from its dict (verbose or not); a bare string is a NumpyForm primitive."""
    if not _FORMS:
        from awkward import forms

        _FORMS.append(forms)
    F = _FORMS[0]

    if type(input) is not dict:
        if isinstance(input, str):
            return _leaf(input)
        if not isinstance(input, Mapping):
            raise TypeError(f"a form dict must be a Mapping or a primitive str, not {input!r}")
    if "class" not in input:
        raise ValueError(f"a form dict needs a 'class' key: {dict(input)!r}")
    cls = input["class"]
    if type(cls) is not str:
        raise TypeError(f"a form dict's 'class' must be a str, not {cls!r}")
    cls = _class_name(cls)
    parameters = input.get("parameters")
    form_key = input.get("form_key")
    extra = {"parameters": parameters, "form_key": form_key}

    if cls == "VirtualArray":
        # awkward 1's lazy node: load its inner form (buffers of awkward 1 files are concrete)
        inner = input.get("form")
        if inner is None:
            raise ValueError(
                "an awkward 1 VirtualArray form without its inner 'form' cannot be loaded: "
                f"{dict(input)!r}"
            )
        out = from_dict(inner)
        if parameters:
            out = out.copy(parameters={**out.parameters, **parameters})
        return out
    if cls == "NumpyArray":
        primitive = input.get("primitive")
        if primitive is None or (primitive in _UNITLESS and "format" in input):
            # awkward 1 wrote "datetime64" as the primitive and the unit only in the format
            primitive = _primitive_from_format(input)
        inner_shape = input.get("inner_shape")
        return F.NumpyForm(primitive, () if inner_shape is None else inner_shape, **extra)
    if cls == "EmptyArray":
        return F.EmptyForm(**extra)
    if cls == "RegularArray":
        return F.RegularForm(
            from_dict(_require(input, "content", cls)), _require(input, "size", cls), **extra
        )
    if cls == "ListArray":
        return F.ListForm(
            _require(input, "starts", cls),
            _require(input, "stops", cls),
            from_dict(_require(input, "content", cls)),
            **extra,
        )
    if cls == "ListOffsetArray":
        return F.ListOffsetForm(
            _require(input, "offsets", cls), from_dict(_require(input, "content", cls)), **extra
        )
    if cls == "RecordArray":
        keys, contents = _contents_of(input, cls)
        # awkward 1 named the fields of a list of contents "keys"
        fields = input["fields"] if "fields" in input else input.get("keys", keys)
        return F.RecordForm(contents, fields, **extra)
    if cls == "IndexedArray":
        return F.IndexedForm(
            _require(input, "index", cls), from_dict(_require(input, "content", cls)), **extra
        )
    if cls == "IndexedOptionArray":
        return F.IndexedOptionForm(
            _require(input, "index", cls), from_dict(_require(input, "content", cls)), **extra
        )
    if cls == "ByteMaskedArray":
        return F.ByteMaskedForm(
            _require(input, "mask", cls),
            from_dict(_require(input, "content", cls)),
            _require(input, "valid_when", cls),
            **extra,
        )
    if cls == "BitMaskedArray":
        return F.BitMaskedForm(
            _require(input, "mask", cls),
            from_dict(_require(input, "content", cls)),
            _require(input, "valid_when", cls),
            _require(input, "lsb_order", cls),
            **extra,
        )
    if cls == "UnmaskedArray":
        return F.UnmaskedForm(from_dict(_require(input, "content", cls)), **extra)
    if cls == "UnionArray":
        _, contents = _contents_of(input, cls)
        return F.UnionForm(
            _require(input, "tags", cls), _require(input, "index", cls), contents, **extra
        )
    raise ValueError(f"input class: {cls!r} was not recognised")


def from_json(input: str):
    """A Form from JSON text (as written by Form.to_json or str(form))."""
    return from_dict(json.loads(input))


def from_type(type_):
    """The simplest Form with this high-level type: lists become ListOffsetForm('i64'),
    options IndexedOptionForm('i64'), unions UnionForm('i8', 'i64')."""
    from awkward import forms as F
    from awkward import types as T

    if isinstance(type_, (T.ArrayType, T.ScalarType)):
        raise TypeError(
            f"from_type needs the type of the contents, not an {type(type_).__name__}: "
            f"pass its .content"
        )
    if not isinstance(type_, T.Type):
        raise TypeError(f"from_type needs an awkward.types.Type, not {type_!r}")

    parameters = dict(type_.parameters)
    categorical = parameters.pop("__categorical__", None)

    if isinstance(type_, T.UnknownType):
        out = F.EmptyForm()
    elif isinstance(type_, T.NumpyType):
        out = F.NumpyForm(type_.primitive, parameters=parameters)
    elif isinstance(type_, T.RegularType):
        out = F.RegularForm(from_type(type_.content), type_.size, parameters=parameters)
    elif isinstance(type_, T.ListType):
        out = F.ListOffsetForm("i64", from_type(type_.content), parameters=parameters)
    elif isinstance(type_, T.RecordType):
        out = F.RecordForm(
            [from_type(c) for c in type_.contents],
            None if type_.is_tuple else type_.fields,
            parameters=parameters,
        )
    elif isinstance(type_, T.OptionType):
        out = F.IndexedOptionForm.simplified("i64", from_type(type_.content), parameters=parameters)
    elif isinstance(type_, T.UnionType):
        out = F.UnionForm(
            "i8", "i64", [from_type(c) for c in type_.contents], parameters=parameters
        )
    else:
        raise TypeError(f"from_type does not know the type class {type(type_).__name__}")
    if categorical:
        if out.is_option:
            # ?categorical[...]: the option's own index is the categorical one (an option
            # may not wrap an IndexedForm).
            return out.copy(parameters={**out.parameters, "__array__": "categorical"})
        return F.IndexedForm("i64", out, parameters={"__array__": "categorical"})
    return out


def from_dtype(dtype, parameters=None, *, time_units_as_parameter: bool = False):
    """A NumpyForm from a dtype; a subarray dtype gives the inner_shape."""
    from awkward.forms.numpyform import NumpyForm

    if time_units_as_parameter:
        raise ValueError(
            "`time_units_as_parameter=True` is no longer supported; NumPy's time units are "
            "no longer converted into Awkward parameters"
        )
    inner_shape = ()
    subdtype = getattr(dtype, "subdtype", None)
    if subdtype is not None:
        dtype, inner_shape = subdtype
    return NumpyForm(dtype_to_primitive(dtype), inner_shape, parameters=parameters)


def form_with_unique_keys(form, key: tuple):
    """A copy of `form` whose nodes' form_keys are the reprs of their paths from `key`:
    record fields and union positions extend the path, other nodes add None."""
    if form.is_record:
        contents = [form_with_unique_keys(c, (*key, f)) for f, c in zip(form.fields, form.contents)]
        return form.copy(contents=contents, form_key=repr(key))
    if form.is_union:
        contents = [form_with_unique_keys(c, (*key, i)) for i, c in enumerate(form.contents)]
        return form.copy(contents=contents, form_key=repr(key))
    if form.is_leaf:
        return form.copy(form_key=repr(key))
    return form.copy(content=form_with_unique_keys(form.content, (*key, None)), form_key=repr(key))
