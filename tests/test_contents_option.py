"""ByteMaskedArray, BitMaskedArray and UnmaskedArray: construction (valid and invalid),
to_list, conversions between option representations, simplified, packing, pickling, laziness."""

import pickle

import numpy as np
import pytest
from counting_buffers import Lazy

from awkward._nplikes.shape import unknown_length
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8


def values(n=10):
    return NumpyArray(np.arange(n, dtype=np.float64))


def bits_of(valid, lsb):
    """Pack booleans the way BitMaskedArray reads them (independent of the implementation)."""
    out = []
    for start in range(0, len(valid), 8):
        byte = 0
        for j, bit in enumerate(valid[start : start + 8]):
            if bit:
                byte |= (1 << j) if lsb else (1 << (7 - j))
        out.append(byte)
    return np.array(out, np.uint8)


PRESENT = [True, False, True, True, False, True, True, True, False, True]
EXPECTED = [float(i) if ok else None for i, ok in enumerate(PRESENT)]


# ---------------------------------------------------------------------- ByteMaskedArray
@pytest.mark.parametrize("valid_when", [True, False])
def test_bytemaskedarray_valid(valid_when):
    mask = np.array([ok == valid_when for ok in PRESENT], np.int8)
    array = ByteMaskedArray(Index8(mask), values(12), valid_when)
    assert array.length == 10 and array.valid_when is valid_when
    assert array.to_list() == EXPECTED
    assert array[1] is None and array[2] == 2.0
    assert array[3:6].to_list() == EXPECTED[3:6]
    assert array.mask_as_bool().tolist() == [ok == valid_when for ok in PRESENT]
    assert array.mask_as_bool(True).tolist() == PRESENT
    assert array.mask_as_bool(False).tolist() == [not ok for ok in PRESENT]
    assert array.form.to_dict()["valid_when"] is valid_when
    assert array.validity_error() == ""


def test_bytemaskedarray_invalid():
    with pytest.raises(TypeError, match="mask.*Index8"):
        ByteMaskedArray(Index64(np.array([1])), values(), True)
    with pytest.raises(TypeError, match="mask.*Index8"):
        ByteMaskedArray(IndexU8(np.array([1], np.uint8)), values(), True)
    with pytest.raises(ValueError, match="len\\(mask\\) \\(11\\) must be <= len\\(content\\) \\(10\\)"):
        ByteMaskedArray(Index8(np.ones(11, np.int8)), values(), True)
    with pytest.raises(TypeError, match="valid_when.*boolean"):
        ByteMaskedArray(Index8(np.ones(3, np.int8)), values(), 1)
    with pytest.raises(TypeError, match="option-type"):
        ByteMaskedArray(Index8(np.ones(3, np.int8)), UnmaskedArray(values()), True)
    with pytest.raises(TypeError, match="indexed"):
        ByteMaskedArray(Index8(np.ones(1, np.int8)), IndexedArray(Index64(np.array([0])), values()), True)


def test_bytemaskedarray_conversions():
    array = ByteMaskedArray(Index8(np.array(PRESENT, np.int8)), values(), True)
    as_index = array.to_IndexedOptionArray64()
    assert isinstance(as_index, IndexedOptionArray) and as_index.to_list() == EXPECTED
    flipped = array.to_ByteMaskedArray(False)
    assert flipped.valid_when is False and flipped.to_list() == EXPECTED
    assert array.to_ByteMaskedArray(True) is array
    for valid_when in (True, False):
        for lsb in (True, False):
            bitmasked = array.to_BitMaskedArray(valid_when, lsb)
            assert bitmasked.lsb_order is lsb and bitmasked.valid_when is valid_when
            wanted = [ok == valid_when for ok in PRESENT]
            assert bitmasked.mask.data.tolist() == bits_of(wanted, lsb).tolist()
            assert bitmasked.to_list() == EXPECTED
    assert array.project().to_list() == [x for x in EXPECTED if x is not None]
    drop = np.zeros(10, np.int8)
    drop[0] = 1
    assert array.project(Index8(drop)).to_list() == [x for x in EXPECTED[1:] if x is not None]


def test_bytemaskedarray_carry_and_fields():
    record = RecordArray([values(), NumpyArray(np.arange(10) * 10)], ["x", "y"])
    array = ByteMaskedArray(Index8(np.array(PRESENT, np.int8)), record, True)
    assert array.fields == ["x", "y"]
    assert array["y"].to_list() == [None if x is None else int(x) * 10 for x in EXPECTED]
    assert array[::3].to_list() == [
        None if x is None else {"x": x, "y": int(x) * 10} for x in EXPECTED[::3]
    ]
    assert array[0]["x"] == 0.0


def test_bytemaskedarray_validity_and_pack():
    long_content = ByteMaskedArray(Index8(np.array([1, 0], np.int8)), values(), True)
    packed = long_content.to_packed()
    assert packed.content.length == 2 and packed.to_list() == [0.0, None]
    again = pickle.loads(pickle.dumps(long_content))
    assert again.to_list() == [0.0, None] and again.valid_when is True
    assert long_content.is_equal_to(again)
    assert not long_content.is_equal_to(long_content.to_ByteMaskedArray(False))


def test_bytemaskedarray_simplified():
    content = values(5)
    inner = ByteMaskedArray(Index8(np.array([1, 0, 1, 1, 0], np.int8)), content, True)
    out = ByteMaskedArray.simplified(Index8(np.array([1, 0, 0, 1], np.int8)), inner, False)
    assert isinstance(out, IndexedOptionArray) and isinstance(out.content, NumpyArray)
    assert out.to_list() == [None, None, 2.0, None]
    out = ByteMaskedArray.simplified(Index8(np.array([1, 0], np.int8)), UnmaskedArray(content), True)
    assert isinstance(out, IndexedOptionArray) and out.to_list() == [0.0, None]
    plain = ByteMaskedArray.simplified(Index8(np.array([1, 0], np.int8)), content, True)
    assert isinstance(plain, ByteMaskedArray)


# ---------------------------------------------------------------------- BitMaskedArray
@pytest.mark.parametrize("valid_when", [True, False])
@pytest.mark.parametrize("lsb", [True, False])
def test_bitmaskedarray_valid(valid_when, lsb):
    mask = bits_of([ok == valid_when for ok in PRESENT], lsb)
    array = BitMaskedArray(IndexU8(mask), values(12), valid_when, 10, lsb)
    assert array.length == 10 and len(array) == 10
    assert array.to_list() == EXPECTED
    assert [array[i] for i in range(10)] == EXPECTED
    assert array.mask_as_bool(True).tolist() == PRESENT
    assert array.to_ByteMaskedArray().to_list() == EXPECTED
    assert array.to_IndexedOptionArray64().to_list() == EXPECTED
    assert array[8:10].to_list() == EXPECTED[8:10]  # whole bytes: lazy slice
    assert array[3:9].to_list() == EXPECTED[3:9]
    assert array[::2].to_list() == EXPECTED[::2]
    assert array.to_BitMaskedArray(not valid_when, not lsb).to_list() == EXPECTED
    assert array.to_BitMaskedArray(valid_when, lsb) is array
    assert array.project().to_list() == [x for x in EXPECTED if x is not None]
    assert array.validity_error() == ""
    form = array.form.to_dict()
    assert form["lsb_order"] is lsb and form["valid_when"] is valid_when


def test_bitmaskedarray_invalid():
    mask = IndexU8(np.array([255, 255], np.uint8))
    with pytest.raises(TypeError, match="mask.*IndexU8"):
        BitMaskedArray(Index8(np.array([1], np.int8)), values(), True, 5, True)
    with pytest.raises(ValueError, match="'length' \\(17\\) must be <= len\\(mask\\) \\* 8 \\(16\\)"):
        BitMaskedArray(mask, values(20), True, 17, True)
    with pytest.raises(ValueError, match="must be <= len\\(content\\) \\(10\\)"):
        BitMaskedArray(mask, values(), True, 12, True)
    with pytest.raises(TypeError, match="non-negative integer"):
        BitMaskedArray(mask, values(), True, -1, True)
    with pytest.raises(TypeError, match="non-negative integer"):
        BitMaskedArray(mask, values(), True, 2.5, True)
    with pytest.raises(TypeError, match="lsb_order.*boolean"):
        BitMaskedArray(mask, values(), True, 3, 1)
    with pytest.raises(TypeError, match="option-type"):
        BitMaskedArray(mask, UnmaskedArray(values()), True, 3, True)


def test_bitmaskedarray_unknown_length_and_generator():
    lazy = Lazy()
    mask = IndexU8(lazy.buffer(bits_of(PRESENT, True), "mask"))
    array = BitMaskedArray(mask, lazy.numpy(np.arange(10.0), "data"), True, unknown_length, True, lambda: 10)
    assert array.length is unknown_length
    repr(array)
    assert array.form.to_dict()["class"] == type(array).__name__
    assert lazy.total == 0
    done = array.materialize()
    assert done.length == 10 and done.is_all_materialized
    assert len(array) == 10
    assert array.to_list() == EXPECTED
    assert pickle.loads(pickle.dumps(array)).to_list() == EXPECTED
    no_generator = BitMaskedArray(mask, values(), True, unknown_length, True)
    with pytest.raises(TypeError, match="unknown"):
        len(no_generator)


def test_bitmaskedarray_simplified_and_pack():
    content = values(5)
    option = IndexedOptionArray(Index64(np.array([4, -1, 2])), content)
    out = BitMaskedArray.simplified(IndexU8(np.array([0b101], np.uint8)), option, True, 3, True)
    assert isinstance(out, IndexedOptionArray) and out.to_list() == [4.0, None, 2.0]
    extra = BitMaskedArray(IndexU8(np.array([0b1101, 7, 7], np.uint8)), content, True, 4, True)
    packed = extra.to_packed()
    assert packed.mask.length == 1 and packed.content.length == 4
    assert packed.to_list() == [0.0, None, 2.0, 3.0]


# ---------------------------------------------------------------------- UnmaskedArray
def test_unmaskedarray():
    array = UnmaskedArray(values(4))
    assert array.is_option and array.length == 4
    assert array.to_list() == [0.0, 1.0, 2.0, 3.0]
    assert array[1:3].to_list() == [1.0, 2.0] and array[-1] == 3.0
    assert array.mask_as_bool().tolist() == [True] * 4
    assert array.mask_as_bool(False).tolist() == [False] * 4
    assert array.to_IndexedOptionArray64().index.data.tolist() == [0, 1, 2, 3]
    assert array.to_ByteMaskedArray(False).mask.data.tolist() == [0] * 4
    bits = array.to_BitMaskedArray(True, False)
    assert bits.mask_as_bool(True).tolist() == [True] * 4 and bits.to_list() == array.to_list()
    assert array.project() is array.content
    assert array.project(Index8(np.array([0, 1, 0, 1], np.int8))).to_list() == [0.0, 2.0]
    assert array.validity_error() == ""
    assert pickle.loads(pickle.dumps(array)).to_list() == array.to_list()
    with pytest.raises(TypeError, match="option-type"):
        UnmaskedArray(array)
    with pytest.raises(TypeError, match="Content"):
        UnmaskedArray(np.arange(3))


def test_unmaskedarray_simplified():
    content = values(5)
    out = UnmaskedArray.simplified(UnmaskedArray(content, parameters={"a": 1}), parameters={"b": 2})
    assert isinstance(out, UnmaskedArray) and isinstance(out.content, NumpyArray)
    assert out.parameters == {"a": 1, "b": 2}
    inner = ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), content, True)
    out = UnmaskedArray.simplified(inner)
    assert isinstance(out, IndexedOptionArray) and out.to_list() == [0.0, None, 2.0]
    out = UnmaskedArray.simplified(IndexedArray(Index64(np.array([4, 3])), content))
    assert out.is_option and out.to_list() == [4.0, 3.0]


def test_options_in_lists_and_records():
    masked = ByteMaskedArray(Index8(np.array([0, 1, 0, 0], np.int8)), NumpyArray(np.array([1, 2, 3, 4])), False)
    lists = ListOffsetArray(Index64(np.array([0, 3, 3, 4])), masked)
    bits = BitMaskedArray(IndexU8(np.array([0b110], np.uint8)), values(3), True, 3, True)
    record = RecordArray([lists, bits, UnmaskedArray(values(3))], ["l", "b", "u"])
    assert record.to_list() == [
        {"l": [1, None, 3], "b": None, "u": 0.0},
        {"l": [], "b": 1.0, "u": 1.0},
        {"l": [4], "b": 2.0, "u": 2.0},
    ]
    outer = ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), record, True)
    assert outer.to_list()[1] is None and outer.to_list()[2]["l"] == [4]


# ---------------------------------------------------------------------- laziness
def test_bytemaskedarray_laziness():
    lazy = Lazy()
    array = ByteMaskedArray(
        Index8(lazy.buffer(PRESENT, "mask", np.int8)), lazy.numpy(np.arange(12.0), "data"), True
    )
    assert array.length == 10 and len(array) == 10
    assert array.form.to_dict()["class"] == type(array).__name__
    repr(array)
    assert array.fields == []
    array[2:5]
    array.to_packed()
    assert lazy.total == 0
    assert array.to_list() == EXPECTED
    assert lazy.calls == {"mask": 1, "data": 1}


def test_bitmaskedarray_laziness():
    lazy = Lazy()
    array = BitMaskedArray(
        IndexU8(lazy.buffer(bits_of(PRESENT, False), "mask")), lazy.numpy(np.arange(10.0), "data"), True, 10, False
    )
    assert len(array) == 10
    assert array.form.to_dict()["class"] == type(array).__name__
    repr(array)
    array[8:10]
    array.to_packed()
    assert lazy.total == 0
    assert array.to_list() == EXPECTED
    assert lazy.calls == {"mask": 1, "data": 1}


def test_option_of_record_touches_one_field():
    lazy = Lazy()
    record = RecordArray([lazy.numpy([1, 2, 3], "x"), lazy.numpy([4, 5, 6], "y")], ["x", "y"])
    array = UnmaskedArray(record)
    assert array["x"].to_list() == [1, 2, 3]
    assert "y" not in lazy.calls
    masked = ByteMaskedArray(Index8(lazy.buffer([1, 0, 1], "mask", np.int8)), record, True)
    assert masked["y"].to_list() == [4, None, 6]
    assert lazy.calls["x"] == 1
    assert masked.is_any_materialized and masked.materialize().is_all_materialized
