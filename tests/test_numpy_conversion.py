"""ak.from_numpy / ak.to_numpy: N-d regular, masked, structured, strings; errors."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward.contents import ByteMaskedArray, NumpyArray, RecordArray, RegularArray


@pytest.mark.parametrize("shape", [(5,), (2, 3), (2, 3, 4), (0, 3), (3, 0)])
@pytest.mark.parametrize("dtype", ["int32", "float64", "bool", "complex128", "datetime64[s]"])
def test_regular_round_trip(shape, dtype):
    data = np.arange(int(np.prod(shape))).astype(dtype).reshape(shape)
    layout = ak.from_numpy(data, highlevel=False)
    assert isinstance(layout, NumpyArray)
    back = ak.to_numpy(layout)
    assert back.dtype == data.dtype and back.shape == data.shape
    assert np.array_equal(back, data)
    regular = ak.from_numpy(data, regulararray=True, highlevel=False)
    if len(shape) > 1:
        assert isinstance(regular, RegularArray)
    assert np.array_equal(ak.to_numpy(regular), data)
    assert regular.to_list() == data.tolist()


def test_masked_round_trip():
    data = np.ma.MaskedArray([[1, 2], [3, 4]], mask=[[False, True], [False, False]])
    layout = ak.from_numpy(data, highlevel=False)
    assert isinstance(layout, RegularArray) and isinstance(layout.content, ByteMaskedArray)
    assert layout.to_list() == [[1, None], [3, 4]]
    back = ak.to_numpy(layout)
    assert isinstance(back, np.ma.MaskedArray)
    assert back.mask.tolist() == [[False, True], [False, False]]
    assert back[1].tolist() == [3, 4]


def test_missing_rows_become_masked_rows():
    layout = ak.from_iter([[1, 2], None, [3, 4]], highlevel=False)
    back = ak.to_numpy(layout)
    assert back.mask.tolist() == [[False, False], [True, True], [False, False]]
    assert back.data[2].tolist() == [3, 4]
    with pytest.raises(ValueError, match="allow_missing"):
        ak.to_numpy(layout, allow_missing=False)
    # no missing value at all: a plain array even with an option type
    assert type(ak.to_numpy(ak.from_iter([1, None], highlevel=False)[:1])) is np.ndarray


def test_structured_round_trip():
    data = np.array([(1, 2.5, [1, 2]), (3, 4.5, [3, 4])], dtype=[("x", "i4"), ("y", "f8"), ("z", "i8", (2,))])
    layout = ak.from_numpy(data, highlevel=False)
    assert isinstance(layout, RecordArray) and layout.fields == ["x", "y", "z"]
    assert layout.to_list() == [{"x": 1, "y": 2.5, "z": [1, 2]}, {"x": 3, "y": 4.5, "z": [3, 4]}]
    back = ak.to_numpy(layout)
    assert back.dtype == data.dtype
    for name in data.dtype.names:
        assert np.array_equal(back[name], data[name])
    with pytest.raises(TypeError, match="recordarray"):
        ak.from_numpy(data, recordarray=False)


def test_record_with_missing_field_values():
    layout = ak.from_iter([{"x": 1, "y": None}, {"x": 2, "y": 3.5}], highlevel=False)
    back = ak.to_numpy(layout)
    assert back["y"].mask.tolist() == [True, False]
    assert back["x"].tolist() == [1, 2]


def test_string_dtypes():
    layout = ak.from_numpy(np.array(["ab", "cé", ""]), highlevel=False)
    assert layout.parameter("__array__") == "string"
    assert layout.to_list() == ["ab", "cé", ""]
    assert ak.to_numpy(layout).tolist() == ["ab", "cé", ""]
    raw = ak.from_numpy(np.array([b"a", b"bc"]), highlevel=False)
    assert raw.to_list() == [b"a", b"bc"]
    assert ak.to_numpy(raw).dtype.kind == "S"
    grid = ak.from_numpy(np.array([["a", "b"], ["c", "d"]]), highlevel=False)
    assert str(grid.form.type) == "2 * string"
    assert ak.to_numpy(grid).tolist() == [["a", "b"], ["c", "d"]]


def test_from_numpy_errors_and_policies():
    with pytest.raises(TypeError, match="scalar"):
        ak.from_numpy(np.array(5))
    assert ak.from_numpy(np.array(5), primitive_policy="promote", highlevel=False).to_list() == [5]
    with pytest.raises(TypeError, match="object"):
        ak.from_numpy(np.array([1, "a"], dtype=object))
    with pytest.raises(TypeError, match="numpy array"):
        ak.from_numpy([1, 2])


def test_to_numpy_errors():
    with pytest.raises(ValueError, match="jagged"):
        ak.to_numpy(ak.from_iter([[1, 2], [3]], highlevel=False))
    with pytest.raises(TypeError, match="union"):
        ak.to_numpy(ak.from_iter([1, [2]], highlevel=False))
    assert ak.to_numpy(ak.from_iter([], highlevel=False)).tolist() == []


def test_to_numpy_of_python_data_and_records():
    assert ak.to_numpy([[1, 2], [3, 4]]).tolist() == [[1, 2], [3, 4]]
    record = ak.from_iter({"x": 1, "y": 2.0}, highlevel=False)
    with pytest.raises(TypeError, match="ak.Record objects are not allowed"):
        ak.to_numpy(record)  # as awkward 2.14


def test_from_numpy_shares_memory():
    data = np.arange(4.0)
    layout = ak.from_numpy(data, highlevel=False)
    assert np.shares_memory(ak.to_numpy(layout), data)
