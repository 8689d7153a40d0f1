"""ak.from_numpy / ak.to_numpy in full, ak.from_dlpack, and the clear ImportErrors of the
conversions whose libraries are absent here (cupy, cudf, ROOT)."""

import importlib.util

import numpy as np
import pytest

import awkward as ak
from tests._conversion_models import LAYOUTS, dense_shape
from tests.counting_buffers import Lazy


# ------------------------------------------------------------------------------ from_numpy
@pytest.mark.parametrize(
    "array",
    [
        np.arange(6, dtype=np.int16),
        np.arange(12.0).reshape(2, 3, 2),
        np.zeros((2, 0, 3)),
        np.array([1 + 2j, 3j]),
        np.array(["2020-01-01", "2021-06-01"], dtype="datetime64[D]"),
        np.array([1, 2], dtype="timedelta64[s]"),
        np.array([True, False]),
    ],
    ids=str,
)
@pytest.mark.parametrize("regulararray", [False, True])
def test_from_numpy_round_trip(array, regulararray):
    layout = ak.from_numpy(array, regulararray=regulararray, highlevel=False)
    assert layout.to_list() == array.tolist()
    if array.ndim > 1:
        assert layout.is_regular == regulararray
        assert layout.is_numpy == (not regulararray)
    back = ak.to_numpy(layout)
    assert back.dtype == array.dtype and back.shape == array.shape
    assert back.tolist() == array.tolist()


def test_structured_dtypes_to_records_and_back():
    array = np.array([(1, [2.5, 3.5], "ab"), (4, [5.5, 6.5], "")],
                     dtype=[("x", "i4"), ("y", "f8", (2,)), ("z", "U3")])
    layout = ak.from_numpy(array, highlevel=False)
    assert layout.fields == ["x", "y", "z"]
    assert layout.to_list() == [{"x": 1, "y": [2.5, 3.5], "z": "ab"}, {"x": 4, "y": [5.5, 6.5], "z": ""}]
    # a sub-array field is an inner dimension unless regulararray=True (as 2.14)
    assert layout.content("y").is_numpy
    assert ak.from_numpy(array, regulararray=True, highlevel=False).content("y").is_regular
    back = ak.to_numpy(layout)
    assert back.dtype.names == ("x", "y", "z")
    assert back["y"].tolist() == array["y"].tolist() and back["z"].tolist() == ["ab", ""]
    with pytest.raises(TypeError, match="recordarray"):
        ak.from_numpy(array, recordarray=False)


def test_masked_arrays():
    masked = np.ma.MaskedArray([[1, 2], [3, 4]], mask=[[False, True], [False, False]])
    layout = ak.from_numpy(masked, highlevel=False)
    assert layout.to_list() == [[1, None], [3, 4]]
    assert layout.form.type.content.__class__.__name__ == "OptionType"
    back = ak.to_numpy(layout)
    assert isinstance(back, np.ma.MaskedArray) and back.mask.tolist() == masked.mask.tolist()
    # no mask at all: an option type without a mask (UnmaskedArray), as 2.14
    assert ak.from_numpy(np.ma.MaskedArray([1, 2]), highlevel=False).is_option
    assert type(ak.from_numpy(np.ma.MaskedArray([1, 2]), highlevel=False)).__name__ == "UnmaskedArray"
    strings = ak.from_numpy(np.ma.MaskedArray(["a", "bc"], mask=[True, False]))
    assert strings.to_list() == [None, "bc"]


@pytest.mark.parametrize("words", [["a", "bcd", ""], ["ünï", "çødé"], [], [""]])
def test_string_and_bytes_dtypes(words):
    array = np.array(words, dtype=str)
    layout = ak.from_numpy(array, highlevel=False)
    assert layout.to_list() == words and layout.parameter("__array__") == "string"
    back = ak.to_numpy(layout)
    assert back.dtype.kind == "U" and back.tolist() == words
    raw = np.array([w.encode() for w in words], dtype=bytes)
    blayout = ak.from_numpy(raw, highlevel=False)
    assert blayout.to_list() == [w.encode() for w in words]
    assert ak.to_numpy(blayout).tolist() == raw.tolist()
    grid = np.array([words, words]) if words else np.zeros((2, 0), dtype="U1")
    assert ak.from_numpy(grid).to_list() == grid.tolist()


def test_big_endian_is_made_native():
    layout = ak.from_numpy(np.arange(3, dtype=">i4"), highlevel=False)
    assert layout.data.dtype.isnative and layout.to_list() == [0, 1, 2]


@pytest.mark.parametrize("policy", ["promote", "pass-through", "forbid"])
def test_primitive_policy(policy):
    # as 2.14: every policy but "error" makes a scalar a length-1 array
    assert ak.from_numpy(np.array(5), primitive_policy=policy).to_list() == [5]
    assert ak.from_numpy(np.float32(2.5), primitive_policy=policy).to_list() == [2.5]


def test_from_numpy_errors():
    with pytest.raises(TypeError, match="scalar"):
        ak.from_numpy(np.array(5))
    with pytest.raises(ValueError, match="primitive_policy"):
        ak.from_numpy(np.array(5), primitive_policy="bad")
    with pytest.raises(TypeError, match="object"):
        ak.from_numpy(np.array([1, None], dtype=object))
    with pytest.raises(TypeError, match="numpy array"):
        ak.from_numpy([1, 2, 3])


# -------------------------------------------------------------------------------- to_numpy
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_to_numpy_over_layout_kinds(name):
    layout = LAYOUTS[name]
    value = layout.to_list()
    shape = dense_shape(value)
    if shape is not None:
        out = ak.to_numpy(layout)
        assert out.tolist() == value and out.shape == shape
    elif layout.is_union or (layout.is_list and layout.content.is_union):
        with pytest.raises((TypeError, ValueError)):
            ak.to_numpy(layout)
    else:
        try:
            out = ak.to_numpy(layout)
        except (TypeError, ValueError) as err:
            assert "ak.to_numpy" in str(err)
        else:
            # records, strings, options: numpy's structured, str and masked arrays
            filled = out.tolist() if not isinstance(out, np.ma.MaskedArray) else out.tolist(None)
            assert _normalize(filled) == _normalize(value)


def _normalize(value):
    if isinstance(value, dict):
        return tuple(_normalize(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return [_normalize(v) for v in value]
    return value


def test_to_numpy_refusals_and_scalars():
    with pytest.raises(ValueError, match="jagged"):
        ak.to_numpy(ak.Array([[1, 2], [3]]))
    with pytest.raises(ValueError, match="allow_missing"):
        ak.to_numpy(ak.Array([1, None]), allow_missing=False)
    with pytest.raises(TypeError, match="union"):
        ak.to_numpy(ak.Array([1, "a"]))
    with pytest.raises(TypeError, match="ak.Record objects are not allowed"):
        ak.to_numpy(ak.Array([{"x": 1}])[0])
    assert ak.to_numpy(5).tolist() == [5]


def test_to_numpy_reads_only_the_converted_field():
    lazy = Lazy()
    layout = ak.contents.RecordArray(
        [lazy.numpy([1, 2, 3], "x"), lazy.numpy([1.5, 2.5, 3.5], "y")], ["x", "y"]
    )
    assert ak.to_numpy(ak.Array(layout).x).tolist() == [1, 2, 3]
    assert lazy.calls == {"x": 1}


# ------------------------------------------------------------------------------- from_dlpack
@pytest.mark.parametrize("regulararray", [False, True])
def test_from_dlpack_numpy_shares_memory(regulararray):
    data = np.arange(6.0).reshape(2, 3)
    array = ak.from_dlpack(data, regulararray=regulararray)
    assert array.to_list() == data.tolist()
    assert array.layout.is_regular == regulararray
    data[0, 0] = 99.0
    assert array[0, 0] == 99.0
    strided = np.arange(12).reshape(3, 4)[:, ::2]
    assert ak.from_dlpack(strided).to_list() == strided.tolist()


def test_dlpack_export_of_our_buffers():
    layout = ak.Array([[1.5, 2.5], [3.5]]).layout
    flat = np.from_dlpack(layout.content.data)
    assert flat.tolist() == [1.5, 2.5, 3.5]
    lazy = Lazy()
    virtual = lazy.buffer([1, 2, 3], "v")
    assert np.from_dlpack(virtual).tolist() == [1, 2, 3] and lazy.calls == {"v": 1}
    assert ak.from_dlpack(virtual).to_list() == [1, 2, 3]


class _Producer:
    def __init__(self, device, data=None):
        self.device, self.data = device, data

    def __dlpack_device__(self):
        return (self.device, 0)

    def __dlpack__(self, **kwargs):
        return self.data.__dlpack__(**kwargs)


def test_from_dlpack_devices_and_errors():
    # CUDA host/managed memory is readable by the CPU: prefer_cpu takes numpy
    assert ak.from_dlpack(_Producer(3, np.arange(3))).to_list() == [0, 1, 2]
    assert ak.from_dlpack(_Producer(13, np.arange(3))).to_list() == [0, 1, 2]
    if importlib.util.find_spec("cupy") is None:
        with pytest.raises(ModuleNotFoundError, match="cupy"):
            ak.from_dlpack(_Producer(2))
        with pytest.raises(ModuleNotFoundError, match="cupy"):
            ak.from_dlpack(_Producer(13, np.arange(3)), prefer_cpu=False)
    with pytest.raises(ValueError, match="device type 4"):
        ak.from_dlpack(_Producer(4))
    with pytest.raises(TypeError, match="DLPack protocol"):
        ak.from_dlpack([1, 2, 3])
    with pytest.raises(TypeError, match="scalar"):
        ak.from_dlpack(np.array(5))
    assert ak.from_dlpack(np.array(5), primitive_policy="promote").to_list() == [5]
    with pytest.raises(BufferError):
        ak.from_dlpack(np.array(["a"]))


# --------------------------------------------------- libraries absent here: clear ImportErrors
@pytest.mark.skipif(importlib.util.find_spec("cupy") is not None, reason="cupy is installed")
def test_cupy_missing():
    with pytest.raises(ModuleNotFoundError, match="ak.to_cupy.*install cupy"):
        ak.to_cupy(ak.Array([1, 2]))
    with pytest.raises(ModuleNotFoundError, match="ak.from_cupy.*install cupy"):
        ak.from_cupy([1, 2])
    assert ak.from_cupy(np.arange(3)).to_list() == [0, 1, 2]  # numpy passes, as in 2.14


@pytest.mark.skipif(importlib.util.find_spec("cudf") is not None, reason="cudf is installed")
def test_cudf_missing():
    with pytest.raises(ImportError, match="(?s)ak.to_cudf.*pip install cudf"):
        ak.to_cudf(ak.Array([1, 2]))
    with pytest.raises(ImportError, match="(?s)ak.from_cudf.*pip install cudf"):
        ak.from_cudf(None)


@pytest.mark.skipif(importlib.util.find_spec("ROOT") is not None, reason="ROOT is installed")
def test_root_missing():
    with pytest.raises(ImportError, match="(?s)ak.to_rdataframe.*ROOT"):
        ak.to_rdataframe({"x": ak.Array([1, 2])})
    with pytest.raises(ImportError, match="(?s)ak.from_rdataframe.*ROOT"):
        ak.from_rdataframe(None, columns=("x",))
