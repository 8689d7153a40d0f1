"""Form.length_zero_array: an empty layout of exactly the form, for every form class."""

import pytest

import awkward as ak

FORMS = [
    "float64",
    {"class": "NumpyArray", "primitive": "int16", "inner_shape": [2, 3]},
    {"class": "EmptyArray"},
    {"class": "RegularArray", "size": 3, "content": "int8"},
    {"class": "ListArray", "starts": "u32", "stops": "u32", "content": "float32"},
    {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": {
            "class": "RecordArray",
            "fields": ["x", "y"],
            "contents": [
                "int32",
                {"class": "IndexedOptionArray", "index": "i64", "content": "float64"},
            ],
        },
    },
    {"class": "RecordArray", "fields": None, "contents": ["bool", "complex128"]},
    {"class": "IndexedArray", "index": "i32", "content": "uint64"},
    {"class": "ByteMaskedArray", "mask": "i8", "valid_when": False, "content": "int8"},
    {"class": "BitMaskedArray", "mask": "u8", "valid_when": True, "lsb_order": True, "content": "float32"},
    {"class": "UnmaskedArray", "content": {"class": "ListOffsetArray", "offsets": "i32", "content": "uint8"}},
    {
        "class": "UnionArray",
        "tags": "i8",
        "index": "i64",
        "contents": ["int64", {"class": "ListOffsetArray", "offsets": "i32", "content": "bool"}],
    },
]


@pytest.mark.parametrize("form_dict", FORMS, ids=lambda d: d if isinstance(d, str) else d["class"])
def test_length_zero_array_has_the_form_and_no_values(form_dict):
    form = ak.forms.from_dict(form_dict)
    layout = form.length_zero_array()
    assert len(layout) == 0
    assert layout.form == form
    assert layout.to_list() == []
    assert layout.validity_error() == ""


def test_length_zero_array_keeps_parameters():
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "uint8", "parameters": {"__array__": "char"}},
            "parameters": {"__array__": "string"},
        }
    )
    layout = form.length_zero_array()
    assert layout.parameter("__array__") == "string"
    assert str(ak.type(layout)) == "0 * string"


def test_length_zero_array_highlevel_needs_wrapping():
    with pytest.raises(NotImplementedError, match="highlevel=False"):
        ak.forms.from_dict("int64").length_zero_array(highlevel=True)


def test_length_zero_array_unknown_backend():
    with pytest.raises(ValueError, match="cpu"):
        ak.forms.from_dict("int64").length_zero_array(backend="nonesuch")
