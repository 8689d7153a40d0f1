"""Issue 10: every public ak.* function that takes an array and returns one carries the input's
``attrs`` (including "@" entries, where coffea keeps its factory) and ``behavior`` through
unchanged; explicit ``attrs=``/``behavior=`` arguments win.

The table iterates ``ak.operations.__all__``: each name has an argument builder, or a reason why
it returns no array (and so has no attrs to carry)."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak


class Factory:
    """Stands for coffea's factory object: identity must survive, not just equality."""


FACTORY = Factory()
BEHAVIOR = {"some_behavior_key": object()}


def attrs():
    return {"@factory": FACTORY, "k": 1}


def arr(data, **kwargs):
    return ak.Array(data, attrs=attrs(), behavior=BEHAVIOR, **kwargs)


def floats():
    return arr([[1.0, np.nan, 2.5], [], [3.0, -np.inf]])


def ints():
    return arr([[1, 2, 3], [], [4, 5]])


def regular():
    return arr(np.arange(6.0).reshape(2, 3))


def records():
    return arr([{"x": 1, "y": [1.0, 2.0]}, {"x": 2, "y": []}])


def options():
    return arr([[1, None, 3], None, [4]])


def complexes():
    return arr([[1 + 2j, 3j], [], [4.0]])


def strings():
    return arr([["1", "2"], [], ["3"]])


def categorical():
    layout = ak.contents.IndexedArray(
        ak.index.Index64(np.array([0, 1, 0])),
        ak.to_layout(["a", "b"]),
        parameters={"__array__": "categorical"},
    )
    return ak.Array(layout, attrs=attrs(), behavior=BEHAVIOR)


def union_of_records():
    return arr([{"x": 1}, {"y": 2.0}])


def option_of_records():
    return arr([{"x": 1}, None])


def _add_one(layout, **kwargs):
    if layout.is_numpy:
        return ak.contents.NumpyArray(layout.data + 1)
    return None


def _virtual_generate():
    return ak.to_layout([1, 2, 3])


# name -> (builder returning (args, kwargs)); builders run inside the test so each gets fresh input
CALLS = {
    "all": lambda: ((ints(),), {"axis": 1}),
    "angle": lambda: ((complexes(),), {}),
    "any": lambda: ((ints(),), {"axis": 1}),
    "argcartesian": lambda: (([ints(), ints()],), {}),
    "argcombinations": lambda: ((ints(), 2), {}),
    "argmax": lambda: ((ints(),), {"axis": 1}),
    "argmin": lambda: ((ints(),), {"axis": 1}),
    "argsort": lambda: ((ints(),), {}),
    "broadcast_fields": lambda: ((records(), records()), {}),
    "cartesian": lambda: (([ints(), ints()],), {}),
    "categories": lambda: ((categorical(),), {}),
    "combinations": lambda: ((ints(), 2), {}),
    "concatenate": lambda: (([ints(), ints()],), {}),
    "copy": lambda: ((ints(),), {}),
    "corr": lambda: ((floats(), floats()), {"axis": 1}),
    "count": lambda: ((ints(),), {"axis": 1}),
    "count_nonzero": lambda: ((ints(),), {"axis": 1}),
    "covar": lambda: ((floats(), floats()), {"axis": 1}),
    "drop_none": lambda: ((options(),), {}),
    "enforce_type": lambda: ((ints(), "var * float64"), {}),
    "fill_none": lambda: ((options(), 0), {}),
    "firsts": lambda: ((ints(),), {}),
    "flatten": lambda: ((ints(),), {}),
    "from_categorical": lambda: ((categorical(),), {}),
    "from_regular": lambda: ((regular(),), {}),
    "full_like": lambda: ((ints(), 7), {}),
    "imag": lambda: ((complexes(),), {}),
    "is_none": lambda: ((options(),), {"axis": 1}),
    "isclose": lambda: ((floats(), floats()), {}),
    "linear_fit": lambda: ((floats(), floats()), {"axis": 1}),
    "local_index": lambda: ((ints(),), {}),
    "mask": lambda: ((ints(), arr([True, False, True])), {}),
    "materialize": lambda: ((ints(),), {}),
    "max": lambda: ((ints(),), {"axis": 1}),
    "mean": lambda: ((floats(),), {"axis": 1}),
    "merge_option_of_records": lambda: ((option_of_records(),), {"axis": 0}),
    "merge_union_of_records": lambda: ((union_of_records(),), {"axis": 0}),
    "min": lambda: ((ints(),), {"axis": 1}),
    "moment": lambda: ((floats(), 2), {"axis": 1}),
    "nan_to_none": lambda: ((floats(),), {}),
    "nan_to_num": lambda: ((floats(),), {}),
    "nanargmax": lambda: ((floats(),), {"axis": 1}),
    "nanargmin": lambda: ((floats(),), {"axis": 1}),
    "nanmax": lambda: ((floats(),), {"axis": 1}),
    "nanmean": lambda: ((floats(),), {"axis": 1}),
    "nanmin": lambda: ((floats(),), {"axis": 1}),
    "nanprod": lambda: ((floats(),), {"axis": 1}),
    "nanstd": lambda: ((floats(),), {"axis": 1}),
    "nansum": lambda: ((floats(),), {"axis": 1}),
    "nanvar": lambda: ((floats(),), {"axis": 1}),
    "num": lambda: ((ints(),), {}),
    "ones_like": lambda: ((ints(),), {}),
    "pad_none": lambda: ((ints(), 3), {}),
    "prod": lambda: ((ints(),), {"axis": 1}),
    "ptp": lambda: ((ints(),), {"axis": 1}),
    "ravel": lambda: ((ints(),), {}),
    "real": lambda: ((complexes(),), {}),
    "round": lambda: ((floats(),), {}),
    "run_lengths": lambda: ((ints(),), {}),
    "singletons": lambda: ((options(),), {"axis": 1}),
    "softmax": lambda: ((floats(),), {"axis": 1}),
    "sort": lambda: ((ints(),), {}),
    "std": lambda: ((floats(),), {"axis": 1}),
    "strings_astype": lambda: ((strings(), np.float64), {}),
    "sum": lambda: ((ints(),), {"axis": 1}),
    "to_backend": lambda: ((ints(), "cpu"), {}),
    "to_packed": lambda: ((ints()[1:],), {}),
    "to_regular": lambda: ((regular(),), {"axis": 1}),
    "transform": lambda: ((_add_one, ints()), {}),
    "unflatten": lambda: ((arr([1, 2, 3, 4]), [2, 2]), {}),
    "values_astype": lambda: ((ints(), np.float32), {}),
    "var": lambda: ((floats(),), {"axis": 1}),
    "where": lambda: ((arr([True, False]), arr([1, 2]), arr([3, 4])), {}),
    "with_field": lambda: ((records(), ints()[:2], "z"), {}),
    "with_name": lambda: ((records(), "Point"), {}),
    "with_named_axis": lambda: ((ints(), ("events", "jets")), {}),
    "with_parameter": lambda: ((ints(), "p", 1), {}),
    "without_field": lambda: ((records(), "x"), {}),
    "without_named_axis": lambda: ((ints(),), {}),
    "without_parameters": lambda: ((ints(),), {}),
    "zeros_like": lambda: ((ints(),), {}),
    "zip": lambda: (({"a": ints(), "b": ints()},), {}),
    "zip_no_broadcast": lambda: (({"a": ints(), "b": ints()},), {}),
}

# functions whose result holds several arrays: every one must carry attrs and behavior
MULTI = {
    "broadcast_arrays": lambda: ((ints(), arr([10, 20, 30])), {}),
    "broadcast_fields": CALLS.pop("broadcast_fields"),
    "unzip": lambda: ((records(),), {}),
}

NO_ARRAY_RESULT = {
    # return Python values, numpy/other-library objects, or layouts: no attrs to carry
    "almost_equal": "returns a bool",
    "array_equal": "returns a bool",
    "backend": "returns a backend name",
    "fields": "returns a list of field names",
    "is_categorical": "returns a bool",
    "is_tuple": "returns a bool",
    "is_valid": "returns a bool",
    "materialization_report": "returns a report, not an array",
    "parameters": "returns a dict",
    "type": "returns a type",
    "validity_error": "returns a str",
    "to_layout": "returns a layout",
    "to_list": "returns Python lists",
    "to_json": "returns a str",
    "to_numpy": "returns a numpy array",
    "to_buffers": "returns (form, length, buffers)",
    "to_arrow": "returns a pyarrow array",
    "to_arrow_table": "returns a pyarrow table",
    "to_dataframe": "returns a pandas DataFrame",
    "to_cudf": "returns a cudf Series",
    "to_cupy": "returns a cupy array",
    "to_jax": "returns a jax array",
    "to_torch": "returns a torch tensor",
    "to_tensorflow": "returns a tensorflow tensor",
    "to_raggedtensor": "returns a tensorflow RaggedTensor",
    "to_rdataframe": "returns an RDataFrame",
    "to_feather": "writes a file",
    "to_parquet": "writes a file",
    "to_parquet_dataset": "writes files",
    "to_parquet_row_groups": "writes a file",
    "to_safetensors": "writes a file",
    "str": "a namespace of string functions, not a function",
    # take no awkward array: there are no input attrs to carry
    "from_arrow": "takes no awkward array",
    "from_arrow_schema": "takes no awkward array, returns a form",
    "from_avro_file": "takes no awkward array",
    "from_buffers": "takes no awkward array",
    "from_cudf": "takes no awkward array",
    "from_cupy": "takes no awkward array",
    "from_dlpack": "takes no awkward array",
    "from_feather": "takes no awkward array",
    "from_iter": "takes no awkward array",
    "from_jax": "takes no awkward array",
    "from_json": "takes no awkward array",
    "from_numpy": "takes no awkward array",
    "from_parquet": "takes no awkward array",
    "from_raggedtensor": "takes no awkward array",
    "from_rdataframe": "takes no awkward array",
    "from_safetensors": "takes no awkward array",
    "from_tensorflow": "takes no awkward array",
    "from_torch": "takes no awkward array",
    "metadata_from_parquet": "takes no awkward array",
    "virtual": "takes a generator, no awkward array",
}


def test_table_covers_every_public_function():
    covered = set(CALLS) | set(MULTI) | set(NO_ARRAY_RESULT)
    missing = sorted(set(ak.operations.__all__) - covered)
    assert missing == [], f"add these to the attrs table: {missing}"
    assert sorted(covered - set(ak.operations.__all__)) == []


def _check(result, name):
    assert isinstance(result, (ak.Array, ak.Record)), f"ak.{name} returned {type(result)}"
    assert result.attrs is not None, f"ak.{name} dropped attrs"
    assert result.attrs["@factory"] is FACTORY, f"ak.{name} lost the '@factory' attr"
    assert result.attrs["k"] == 1, f"ak.{name} lost the 'k' attr"
    assert result.behavior is BEHAVIOR, f"ak.{name} lost behavior"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_attrs_and_behavior_carried(name):
    args, kwargs = CALLS[name]()
    _check(getattr(ak, name)(*args, **kwargs), name)


@pytest.mark.parametrize("name", sorted(MULTI))
def test_attrs_and_behavior_carried_to_every_output(name):
    args, kwargs = MULTI[name]()
    results = getattr(ak, name)(*args, **kwargs)
    assert len(results) > 0
    for result in results:
        _check(result, name)


EXPLICIT = ["nan_to_none", "zeros_like", "to_packed", "values_astype", "where", "num", "flatten", "with_name"]


@pytest.mark.parametrize("name", EXPLICIT)
def test_explicit_arguments_win(name):
    args, kwargs = {**CALLS, **MULTI}[name]()
    other_behavior = {"other": 1}
    result = getattr(ak, name)(*args, **kwargs, attrs={"mine": 2}, behavior=other_behavior)
    assert dict(result.attrs) == {"mine": 2}
    assert result.behavior is other_behavior


def test_named_axis_and_other_attrs_together():
    array = ak.with_named_axis(floats(), ("events", "jets"))
    for fn in (ak.nan_to_none, ak.zeros_like, ak.to_packed, ak.round, ak.without_parameters):
        out = fn(array)
        assert out.named_axis == {"events": 0, "jets": 1}
        assert out.attrs["@factory"] is FACTORY and out.attrs["k"] == 1
        assert out.behavior is BEHAVIOR
    # without_named_axis drops only the names
    out = ak.without_named_axis(array)
    assert not out.named_axis
    assert out.attrs["@factory"] is FACTORY and out.attrs["k"] == 1


def test_first_array_attrs_take_precedence():
    left = ak.Array([1.0, 2.0], attrs={"k": "left", "a": 1})
    right = ak.Array([3.0, 4.0], attrs={"k": "right", "b": 2})
    out = ak.isclose(left, right)
    assert out.attrs["k"] == "left" and out.attrs["a"] == 1 and out.attrs["b"] == 2


def plain(data):
    return ak.Array(data)


# attrs and behavior found only on a later argument are carried too (as in 2.14)
SECOND_ARGUMENT = {
    "broadcast_arrays": lambda: ak.broadcast_arrays(plain([1, 2, 3]), floats())[1],
    "cartesian": lambda: ak.cartesian([plain([[1], [], [2]]), ints()]),
    "concatenate": lambda: ak.concatenate([plain([[1]]), ints()]),
    "corr": lambda: ak.corr(plain([[1.0, 2.0, 3.0], [], [4.0, 5.0]]), floats(), axis=1),
    "fill_none": lambda: ak.fill_none(plain([None, 1]), arr([5])),
    "isclose": lambda: ak.isclose(plain([1.0, 2.0]), arr([1.0, 2.0])),
    "linear_fit": lambda: ak.linear_fit(plain([[1.0, 2.0], [3.0, 4.0]]), arr([[1.0, 2.0], [3.0, 4.0]]), axis=1),
    "mask": lambda: ak.mask(plain([1, 2, 3]), arr([True, False, True])),
    "mean(weight)": lambda: ak.mean(plain([[1.0, 2.0], [3.0]]), axis=1, weight=arr([[1.0, 1.0], [2.0]])),
    "nan_to_num(nan=array)": lambda: ak.nan_to_num(plain([[1.0, np.nan]]), nan=arr([[1.0, 2.0]])),
    "unflatten": lambda: ak.unflatten(plain([1, 2, 3]), arr([1, 2])),
    "where": lambda: ak.where(plain([True, False]), plain([1, 2]), arr([3, 4])),
    "with_field": lambda: ak.with_field(ak.zip({"a": plain([1, 2])}), arr([3, 4]), "b"),
    "zip": lambda: ak.zip({"a": plain([1, 2]), "b": arr([3, 4])}),
}


@pytest.mark.parametrize("name", sorted(SECOND_ARGUMENT))
def test_attrs_and_behavior_from_a_later_argument(name):
    _check(SECOND_ARGUMENT[name](), name)


@pytest.mark.parametrize("function", [ak.broadcast_arrays, ak.broadcast_fields])
def test_multi_output_keeps_each_inputs_own_attrs(function):
    first_behavior, second_behavior = {"first": 1}, {"second": 2}
    first = ak.Array([{"x": 1}], attrs={"@f": FACTORY}, behavior=first_behavior)
    second = ak.Array([{"y": 2}], attrs={"g": 1}, behavior=second_behavior)
    out1, out2 = function(first, second)
    assert dict(out1.attrs) == {"@f": FACTORY} and out1.behavior is first_behavior
    assert dict(out2.attrs) == {"g": 1} and out2.behavior is second_behavior
    out1, out2 = function(first, second, attrs={"e": 1})
    assert dict(out1.attrs) == dict(out2.attrs) == {"e": 1}


def test_copy_deep_copies_attrs_but_keeps_at_entries():
    array = ak.Array([1, 2], attrs={"@factory": FACTORY, "data": [1, 2]}, behavior=BEHAVIOR)
    out = ak.copy(array)
    assert out.attrs["@factory"] is FACTORY
    assert out.attrs["data"] == [1, 2] and out.attrs["data"] is not array.attrs["data"]
