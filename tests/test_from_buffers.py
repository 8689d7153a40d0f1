"""ak.from_buffers: round trips for every content class (plain and lazy), argument handling,
byte order, bytes-like values, and errors that name the buffer key."""

from __future__ import annotations

import json

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index8, Index32, Index64, IndexU8, IndexU32

contents = ak.contents


def need(name):
    cls = getattr(contents, name, None)
    if cls is None:
        pytest.skip(f"ak.contents.{name} has not landed yet")
    return cls


# ---------------------------------------------------------------------- sample layouts
def numpy_1d():
    return contents.NumpyArray(np.array([1.5, 2.5, 3.5, 4.5]))


def numpy_2d():
    return contents.NumpyArray(np.arange(12, dtype=np.int32).reshape(4, 3))


def empty():
    return contents.EmptyArray()


def regular():
    return contents.RegularArray(contents.NumpyArray(np.arange(6, dtype=np.int64)), 2)


def regular_size_zero():
    return contents.RegularArray(contents.NumpyArray(np.zeros(0)), 0, zeros_length=3)


def list_array():
    return contents.ListArray(
        Index32(np.array([4, 0, 2], np.int32)),
        Index32(np.array([6, 2, 2], np.int32)),
        contents.NumpyArray(np.array([0.0, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6])),
    )


def list_offset():
    return contents.ListOffsetArray(
        Index64(np.array([0, 3, 3, 5])),
        contents.NumpyArray(np.array([1, 2, 3, 4, 5, 6], dtype=np.int16)),
    )


def list_offset_u32_shifted():
    return contents.ListOffsetArray(
        IndexU32(np.array([1, 2, 4], np.uint32)),
        contents.NumpyArray(np.array([9.0, 1.0, 2.0, 3.0, 8.0])),
    )


def record_named():
    return contents.RecordArray(
        [
            contents.NumpyArray(np.array([1, 2, 3])),
            contents.ListOffsetArray(
                Index64(np.array([0, 1, 1, 3])), contents.NumpyArray(np.array([0.5, 1.5, 2.5]))
            ),
        ],
        ["x", "y"],
        parameters={"__record__": "Point"},
    )


def record_tuple():
    return contents.RecordArray(
        [contents.NumpyArray(np.array([True, False, True])), contents.NumpyArray(np.arange(4))],
        None,
        length=3,
    )


def record_no_fields():
    return contents.RecordArray([], [], length=4)


def indexed():
    return need("IndexedArray")(
        Index64(np.array([2, 0, 0, 1])), contents.NumpyArray(np.array([10, 20, 30]))
    )


def indexed_option():
    return need("IndexedOptionArray")(
        Index64(np.array([2, -1, 0, -1])), contents.NumpyArray(np.array([10.0, 20.0, 30.0]))
    )


def byte_masked():
    return need("ByteMaskedArray")(
        Index8(np.array([1, 0, 1], np.int8)),
        contents.NumpyArray(np.array([1.0, 2.0, 3.0])),
        valid_when=True,
    )


def bit_masked():
    cls = need("BitMaskedArray")
    # 10 elements, lsb order, valid_when False: bits set = missing
    mask = np.packbits(np.array([0, 1, 0, 0, 1, 0, 0, 0, 0, 1], np.uint8), bitorder="little")
    return cls(
        IndexU8(mask),
        contents.NumpyArray(np.arange(10, dtype=np.int64)),
        valid_when=False,
        length=10,
        lsb_order=True,
    )


def unmasked():
    return need("UnmaskedArray")(contents.NumpyArray(np.array([1, 2, 3], np.uint8)))


def union():
    return need("UnionArray")(
        Index8(np.array([0, 1, 0, 1], np.int8)),
        Index64(np.array([0, 0, 1, 1])),
        [
            contents.NumpyArray(np.array([1.5, 2.5])),
            contents.ListOffsetArray(
                Index64(np.array([0, 2, 3])), contents.NumpyArray(np.array([7, 8, 9]))
            ),
        ],
    )


def nested_combo():
    """list of records (x: option of union, y: list of float)."""
    union_cls = need("UnionArray")
    option_cls = need("IndexedOptionArray")
    inner_union = union_cls(
        Index8(np.array([0, 1, 1, 0], np.int8)),
        Index64(np.array([0, 0, 1, 1])),
        [
            contents.NumpyArray(np.array([1, 2])),
            contents.ListOffsetArray(
                Index64(np.array([0, 1, 3])), contents.NumpyArray(np.array([0.1, 0.2, 0.3]))
            ),
        ],
    )
    x = option_cls.simplified(Index64(np.array([0, -1, 1, 2, 3])), inner_union)
    y = contents.ListOffsetArray(
        Index64(np.array([0, 2, 2, 3, 4, 6])),
        contents.NumpyArray(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])),
    )
    records = contents.RecordArray([x, y], ["x", "y"])
    return contents.ListOffsetArray(Index64(np.array([0, 2, 2, 5])), records)


def list_of_records_of_options():
    option_cls = need("ByteMaskedArray")
    inner = contents.RecordArray(
        [
            option_cls(
                Index8(np.array([1, 1, 0, 1], np.int8)),
                contents.NumpyArray(np.array([1, 2, 3, 4])),
                valid_when=True,
            ),
            contents.NumpyArray(np.array([0.5, 1.5, 2.5, 3.5])),
        ],
        ["a", "b"],
    )
    return contents.ListArray(Index64(np.array([0, 3, 1])), Index64(np.array([3, 4, 1])), inner)


SAMPLES = [
    numpy_1d,
    numpy_2d,
    empty,
    regular,
    regular_size_zero,
    list_array,
    list_offset,
    list_offset_u32_shifted,
    record_named,
    record_tuple,
    record_no_fields,
    indexed,
    indexed_option,
    byte_masked,
    bit_masked,
    unmasked,
    union,
    nested_combo,
    list_of_records_of_options,
]


def as_callables(container, calls):
    """The same buffers behind counting generators."""

    def make(key, value):
        def generate():
            calls[key] = calls.get(key, 0) + 1
            return value

        return generate

    return {key: make(key, value) for key, value in container.items()}


# ---------------------------------------------------------------------- round trips
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda f: f.__name__)
def test_round_trip_plain(sample):
    layout = sample()
    form, length, container = ak.to_buffers(layout)
    out = ak.from_buffers(form, length, container, highlevel=False)
    assert out.to_list() == layout.to_list()
    assert out.form == layout.form
    assert out.parameters == layout.parameters


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda f: f.__name__)
def test_round_trip_lazy(sample):
    layout = sample()
    form, length, container = ak.to_buffers(layout)
    calls = {}
    out = ak.from_buffers(form, length, as_callables(container, calls), highlevel=False)
    # building, the length and the form read nothing
    assert len(out) == len(layout)
    assert out.form == layout.form
    assert calls == {}
    assert out.to_list() == layout.to_list()
    # each generator ran at most once (caching is on by default)
    assert all(n == 1 for n in calls.values())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda f: f.__name__)
def test_round_trip_bytes(sample):
    layout = sample()
    form, length, container = ak.to_buffers(layout)
    as_bytes = {key: np.asarray(value).tobytes() for key, value in container.items()}
    out = ak.from_buffers(form, length, as_bytes, highlevel=False)
    assert out.to_list() == layout.to_list()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda f: f.__name__)
def test_round_trip_json_form_and_big_endian(sample):
    layout = sample()
    form, length, container = ak.to_buffers(layout, byteorder=">")
    raw = {key: np.asarray(value).tobytes() for key, value in container.items()}
    out = ak.from_buffers(form.to_json(), length, raw, byteorder=">", highlevel=False)
    assert out.to_list() == layout.to_list()


@pytest.mark.parametrize("lazy", [False, True], ids=["plain", "lazy"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda f: f.__name__)
def test_round_trip_with_unknown_length(sample, lazy):
    layout = sample()
    form, _, container = ak.to_buffers(layout)
    calls = {}
    if lazy:
        container = as_callables(container, calls)
    if sample in (regular_size_zero, record_no_fields):
        # no buffer to learn the length from
        with pytest.raises(ValueError, match="length"):
            ak.from_buffers(form, unknown_length, container, highlevel=False)
        return
    out = ak.from_buffers(form, unknown_length, container, highlevel=False)
    assert calls == {}
    assert out.to_list() == layout.to_list()
    assert len(out) == len(layout)


def test_round_trip_of_a_lazy_array_stays_lazy():
    layout = record_named()
    form, length, container = ak.to_buffers(layout)
    calls = {}
    lazy = ak.from_buffers(form, length, as_callables(container, calls), highlevel=False)
    form2, length2, container2 = ak.to_buffers(lazy)
    again = ak.from_buffers(form2, length2, container2, highlevel=False)
    assert calls == {}
    assert again.to_list() == layout.to_list()
    assert set(calls) == set(container)


def test_sliced_array_round_trip():
    layout = list_offset()[1:3]
    form, length, container = ak.to_buffers(layout)
    assert length == 2
    out = ak.from_buffers(form, length, container, highlevel=False)
    assert out.to_list() == layout.to_list() == [[], [4, 5]]


# ---------------------------------------------------------------------- arguments
def test_form_as_dict_and_json():
    form = {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "c"},
        "form_key": "o",
    }
    container = {"o-offsets": np.array([0, 1, 3]), "c-data": np.array([1.0, 2.0, 3.0])}
    a = ak.from_buffers(form, 2, container, highlevel=False)
    b = ak.from_buffers(json.dumps(form), 2, container, highlevel=False)
    assert a.to_list() == b.to_list() == [[1.0], [2.0, 3.0]]


def test_bad_arguments():
    form = ak.forms.NumpyForm("int64", form_key="n")
    container = {"n-data": np.arange(3)}
    with pytest.raises(TypeError, match="form"):
        ak.from_buffers(3.5, 3, container, highlevel=False)
    with pytest.raises(ValueError, match="non-negative"):
        ak.from_buffers(form, -1, container, highlevel=False)
    with pytest.raises(TypeError, match="length"):
        ak.from_buffers(form, "3", container, highlevel=False)
    with pytest.raises(ValueError, match="byteorder"):
        ak.from_buffers(form, 3, container, byteorder="big", highlevel=False)
    with pytest.raises(TypeError, match="enable_virtualarray_caching"):
        ak.from_buffers(form, 3, container, enable_virtualarray_caching="yes", highlevel=False)
    with pytest.raises(TypeError, match="buffer_key"):
        ak.from_buffers(form, 3, container, buffer_key=5, highlevel=False)
    with pytest.raises(TypeError, match="container"):
        ak.from_buffers(form, 3, 17, highlevel=False)
    with pytest.raises(TypeError, match="container values"):
        ak.from_buffers(form, 3, {"n-data": 12}, highlevel=False)


def test_highlevel_without_a_highlevel_class_says_what_to_do():
    from awkward.operations._layout_args import highlevel_classes

    if highlevel_classes()[0] is not None:
        pytest.skip("a high-level class is registered")
    form = ak.forms.NumpyForm("int64", form_key="n")
    with pytest.raises(NotImplementedError, match="highlevel=False"):
        ak.from_buffers(form, 3, {"n-data": np.arange(3)})


def test_buffer_key_callable_and_custom_template():
    form = ak.forms.from_dict(
        {"class": "ListOffsetArray", "offsets": "i32", "content": "int8", "form_key": "L"}
    )
    # the content has no form_key: its key formats None
    container = {"L/offsets": np.array([0, 2], np.int32), "None/data": np.array([5, 6], np.int8)}
    out = ak.from_buffers(form, 1, container, "{form_key}/{attribute}", highlevel=False)
    assert out.to_list() == [[5, 6]]
    seen = []

    def key(form_key, attribute, form):
        seen.append((form_key, attribute, type(form).__name__))
        return f"{form_key}/{attribute}"

    out = ak.from_buffers(form, 1, container, key, highlevel=False)
    assert out.to_list() == [[5, 6]]
    assert ("L", "offsets", "ListOffsetForm") in seen


def test_expected_from_buffers_keys_match():
    layout = record_named()
    form, length, container = ak.to_buffers(layout)
    assert set(form.expected_from_buffers()) == set(container)


def test_longer_buffers_are_trimmed():
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "int64", "form_key": "c"},
            "form_key": "o",
        }
    )
    container = {"o-offsets": np.array([0, 2, 3, 99]), "c-data": np.arange(10)}
    out = ak.from_buffers(form, 2, container, highlevel=False)
    assert out.to_list() == [[0, 1], [2]]
    assert len(out.content) == 3


def test_inner_shape_from_flat_and_nd_buffers():
    form = ak.forms.NumpyForm("int32", inner_shape=[2], form_key="n")
    flat = ak.from_buffers(form, 2, {"n-data": np.arange(5, dtype=np.int32)}, highlevel=False)
    nd = ak.from_buffers(
        form, 2, {"n-data": np.arange(4, dtype=np.int32).reshape(2, 2)}, highlevel=False
    )
    assert flat.to_list() == nd.to_list() == [[0, 1], [2, 3]]


def test_byteorder_of_native_arrays_and_explicit_dtypes():
    form = ak.forms.NumpyForm("int32", form_key="n")
    big = np.array([1, 2, 3], dtype=">i4")
    # an explicitly big-endian array is read by its dtype
    assert ak.from_buffers(form, 3, {"n-data": big}, highlevel=False).to_list() == [1, 2, 3]
    # raw big-endian bytes need byteorder=">"
    raw = big.tobytes()
    assert ak.from_buffers(form, 3, {"n-data": raw}, byteorder=">", highlevel=False).to_list() == [
        1,
        2,
        3,
    ]
    swapped = ak.from_buffers(form, 3, {"n-data": raw}, highlevel=False).to_list()
    assert swapped != [1, 2, 3]


def test_raw_uint8_and_memoryview_values():
    form = ak.forms.NumpyForm("float64", form_key="n")
    data = np.array([1.0, 2.0])
    as_u8 = np.frombuffer(data.tobytes(), np.uint8)
    assert ak.from_buffers(form, 2, {"n-data": as_u8}, highlevel=False).to_list() == [1.0, 2.0]
    view = memoryview(bytearray(data.tobytes()))
    assert ak.from_buffers(form, 2, {"n-data": view}, highlevel=False).to_list() == [1.0, 2.0]


def test_unknown_length():
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "int64", "form_key": "c"},
            "form_key": "o",
        }
    )
    container = {"o-offsets": np.array([0, 2, 3]), "c-data": np.arange(3)}
    out = ak.from_buffers(form, unknown_length, container, highlevel=False)
    assert len(out) == 2
    assert out.to_list() == [[0, 1], [2]]
    calls = {}
    lazy = ak.from_buffers(form, unknown_length, as_callables(container, calls), highlevel=False)
    assert lazy.length is unknown_length
    assert calls == {}
    assert lazy.to_list() == [[0, 1], [2]]


def test_unknown_length_record():
    layout = record_named()
    form, length, container = ak.to_buffers(layout)
    out = ak.from_buffers(form, unknown_length, container, highlevel=False)
    assert out.to_list() == layout.to_list()


def test_empty_form_with_nonzero_length():
    with pytest.raises(ValueError, match="EmptyForm"):
        ak.from_buffers(ak.forms.EmptyForm(), 3, {}, highlevel=False)
    assert ak.from_buffers(ak.forms.EmptyForm(), 0, {}, highlevel=False).to_list() == []


def test_noncanonical_form():
    need("ByteMaskedArray")
    need("IndexedOptionArray")
    spec = {
        "class": "ByteMaskedArray",
        "mask": "i8",
        "valid_when": True,
        "form_key": "m",
        "content": {
            "class": "IndexedOptionArray",
            "index": "i64",
            "form_key": "i",
            "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "d"},
        },
    }
    form = ak.forms.from_dict(spec)  # forms accept non-canonical nestings, as in 2.14
    container = {
        "m-mask": np.array([1, 0, 1], np.int8),
        "i-index": np.array([0, -1, 1]),
        "d-data": np.array([1.0, 2.0]),
    }
    # as the layout constructors do, a form awkward would not produce is refused ...
    with pytest.raises(TypeError):
        ak.from_buffers(form, 3, container, highlevel=False)
    # ... unless asked to simplify it
    out = ak.from_buffers(form, 3, container, allow_noncanonical_form=True, highlevel=False)
    assert out.to_list() == [1.0, None, 2.0]
    assert out.form.is_option and not out.form.content.is_option


# ---------------------------------------------------------------------- errors naming keys
def test_missing_key_is_named():
    form = ak.forms.NumpyForm("int64", form_key="n")
    with pytest.raises(KeyError, match="n-data"):
        ak.from_buffers(form, 3, {"other": np.arange(3)}, highlevel=False)


def test_short_concrete_buffer_is_named():
    form = ak.forms.NumpyForm("float64", form_key="n")
    with pytest.raises(ValueError, match="n-data"):
        ak.from_buffers(form, 4, {"n-data": np.array([1.0, 2.0, 3.0])}, highlevel=False)


def test_wrong_dtype_concrete_buffer_is_named():
    form = ak.forms.NumpyForm("float64", form_key="n")
    with pytest.raises(ValueError, match="n-data.*int64"):
        ak.from_buffers(form, 3, {"n-data": np.array([1, 2, 3])}, highlevel=False)


def test_ragged_bytes_are_named():
    form = ak.forms.NumpyForm("float64", form_key="n")
    with pytest.raises(ValueError, match="n-data"):
        ak.from_buffers(form, 1, {"n-data": b"1234567"}, highlevel=False)


def test_generator_with_wrong_dtype_fails_at_materialization_naming_the_key():
    form = ak.forms.NumpyForm("float64", form_key="n")
    out = ak.from_buffers(form, 3, {"n-data": lambda: np.array([1, 2, 3])}, highlevel=False)
    assert len(out) == 3  # built and measured without running the generator
    with pytest.raises(ValueError, match="n-data"):
        out.to_list()


def test_generator_with_wrong_length_fails_naming_the_key():
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "int64", "form_key": "c"},
            "form_key": "o",
        }
    )
    short_offsets = {"o-offsets": lambda: np.array([0, 1]), "c-data": lambda: np.arange(5)}
    out = ak.from_buffers(form, 2, short_offsets, highlevel=False)
    with pytest.raises(ValueError, match="o-offsets"):
        out.to_list()
    short_content = {"o-offsets": lambda: np.array([0, 2, 4]), "c-data": lambda: np.arange(3)}
    out = ak.from_buffers(form, 2, short_content, highlevel=False)
    with pytest.raises(ValueError, match="c-data"):
        out.to_list()


def test_generator_returning_garbage_is_named():
    form = ak.forms.NumpyForm("int64", form_key="n")
    out = ak.from_buffers(form, 3, {"n-data": lambda: "not an array"}, highlevel=False)
    with pytest.raises((TypeError, ValueError), match="n-data"):
        out.to_list()


def test_virtual_buffers_carry_their_keys():
    layout = record_named()
    form, length, container = ak.to_buffers(layout)
    out = ak.from_buffers(form, length, as_callables(container, {}), highlevel=False)
    keys = set()
    for content in out.contents:
        for node in [content, *content.contents]:
            for buffer in node._buffers_by_attribute().values():
                assert isinstance(buffer, VirtualNDArray)
                keys.add(buffer.buffer_key)
    assert keys == set(container)


def test_virtual_container_values_are_used_lazily():
    calls = []

    def generate():
        calls.append(1)
        return np.array([1.0, 2.0, 3.0, 4.0])

    data = VirtualNDArray(
        ak.contents.NumpyArray(np.zeros(1)).backend.nplike, (4,), np.float64, generate
    )
    form = ak.forms.NumpyForm("float64", form_key="n")
    out = ak.from_buffers(form, 3, {"n-data": data}, highlevel=False)
    assert len(out) == 3 and calls == []
    assert out.to_list() == [1.0, 2.0, 3.0]
    assert calls == [1]
