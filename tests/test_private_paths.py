"""Private paths that client libraries import (vector, coffea, uproot): they exist and behave
as those libraries use them."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import awkward as ak


def test_attrs_is_a_string_keyed_mapping_that_grows_but_does_not_shrink():
    from awkward._attrs import Attrs

    attrs = Attrs({"x": 1})
    attrs["@factory"] = "f"
    assert dict(attrs) == {"x": 1, "@factory": "f"}
    assert attrs.to_dict() == {"x": 1, "@factory": "f"} and type(attrs.to_dict()) is dict
    assert repr(attrs) == "Attrs({'x': 1, '@factory': 'f'})"
    with pytest.raises(TypeError, match="keys must be strings"):
        attrs[1] = 2
    with pytest.raises(TypeError, match="keys must be strings"):
        Attrs({("t",): 2})
    with pytest.raises((AttributeError, TypeError)):
        del attrs["x"]
    source = {"a": 1}
    copied = Attrs(source)
    copied["b"] = 2
    assert source == {"a": 1}  # constructing copies


def test_array_attrs_are_attrs_and_transient_entries_are_not_pickled():
    from awkward._attrs import Attrs

    array = ak.Array([1, 2], attrs={"kept": 1, "@transient": 2})
    assert isinstance(array.attrs, Attrs)
    assert isinstance(ak.Array([1]).attrs, Attrs) and len(ak.Array([1]).attrs) == 0
    assert dict((array + 1).attrs) == {"kept": 1, "@transient": 2}
    assert dict(pickle.loads(pickle.dumps(array)).attrs) == {"kept": 1}
    record = ak.Record({"x": 1}, attrs={"@t": 1, "k": 2})
    assert dict(pickle.loads(pickle.dumps(record)).attrs) == {"k": 2}


def test_attrs_of_merges_with_earlier_arguments_winning():
    from awkward._attrs import attrs_of, attrs_of_obj, without_transient_attrs

    x = ak.Array([1], attrs={"a": 1})
    y = ak.Array([2], attrs={"b": 2, "a": 5})
    assert attrs_of(x, y) == {"a": 1, "b": 2}
    assert attrs_of(y, x) == {"a": 5, "b": 2}
    assert attrs_of(x, y, attrs={"z": 1}) == {"z": 1}
    assert attrs_of(1, [2]) is None
    assert attrs_of(x) is x.attrs
    assert attrs_of_obj(3) is None
    assert without_transient_attrs({"a": 1, "@b": 2}) == {"a": 1}


def _model_copy_behaviors(from_name, to_name, behavior):
    out = {}
    for key, value in behavior.items():
        if key == from_name:
            out[to_name] = value
        elif isinstance(key, tuple) and any(part == from_name for part in key):
            out[tuple(to_name if part == from_name else part for part in key)] = value
    return out


def test_copy_behaviors_rekeys_entries_naming_the_source():
    from awkward._util import copy_behaviors

    behavior = {
        ("__typestr__", "A"): 1,
        "A": 2,
        ("*", "A"): 3,
        ("add", "A", "B"): 5,
        ("x",): 6,
        "B": 7,
        ("__typestr__", "AB"): 8,
        ("add", "A", ak.Array): 10,
    }
    result = copy_behaviors("A", "C", behavior)
    assert result == _model_copy_behaviors("A", "C", behavior)
    assert result[("add", "C", "B")] == 5 and "A" not in result and ("x",) not in result
    assert copy_behaviors("A", "C", {}) == {}


def test_native_byteorder_matches_numpy():
    from awkward._util import native_byteorder

    assert np.dtype(native_byteorder + "i4").isnative


def _intersect_model(parameters):
    if not parameters:
        return None
    dicts = [p or {} for p in parameters]
    out = {k: v for k, v in dicts[0].items() if all(k in d and d[k] == v for d in dicts[1:])}
    return out or None


@pytest.mark.parametrize(
    "parameters",
    [
        ({"a": 1, "b": 2}, {"a": 1, "b": 3}),
        ({"a": 1}, None),
        (None, None),
        ({}, {}),
        ({"a": [1]}, {"a": [1]}),
        ({"a": 1}, {"a": 1}, {"a": 1}),
        ({"a": 1},),
        (),
    ],
)
@pytest.mark.parametrize("n_outputs", [1, 2])
def test_broadcast_rule_factories(parameters, n_outputs):
    from awkward._broadcasting import BROADCAST_RULE_TO_FACTORY_IMPL, BroadcastParameterRule

    assert [str(rule) for rule in BroadcastParameterRule] == [
        "BroadcastParameterRule.INTERSECT",
        "BroadcastParameterRule.ONE_TO_ONE",
        "BroadcastParameterRule.ALL_OR_NOTHING",
        "BroadcastParameterRule.NONE",
    ]
    dicts = [p or {} for p in parameters]
    same = bool(dicts) and all(d == dicts[0] for d in dicts)
    all_or_nothing = (dict(dicts[0]) or None) if same else None
    expected = {
        "intersect": [_intersect_model(parameters)] * n_outputs,
        "all_or_nothing": [all_or_nothing] * n_outputs,
        "one_to_one": [d or None for d in dicts] if len(dicts) == n_outputs else [all_or_nothing] * n_outputs,
        "none": [None] * n_outputs,
    }
    for rule, want in expected.items():  # looked up by plain string, as vector does
        assert BROADCAST_RULE_TO_FACTORY_IMPL[rule](parameters, n_outputs) == want


def test_transform_options_carry_the_broadcast_rule():
    seen = []

    def action(layout, options, **kwargs):
        seen.append(options["broadcast_parameters_rule"])

    ak.transform(action, ak.Array([1, 2]), ak.Array([3, 4]), broadcast_parameters_rule="one_to_one")
    assert set(seen) == {"one_to_one"}


def test_regularize_predicates_against_a_model():
    import numbers

    from awkward import _regularize as R

    values = [1, True, np.int64(2), np.bool_(True), 1.0, "ab", b"x", [1], (1,), {1: 2}, range(2),
              np.zeros(2), iter([1]), None, np.zeros((), int)]
    for v in values:
        integer = isinstance(v, numbers.Integral) and not isinstance(v, bool)
        assert R.is_integer(v) == integer, v
        zero_d_int = isinstance(v, np.ndarray) and v.ndim == 0 and v.dtype.kind in "iu"
        assert R.is_integer_like(v) == (integer or zero_d_int), v
        iterable = hasattr(v, "__iter__")
        assert R.is_non_string_like_iterable(v) == (iterable and not isinstance(v, (str, bytes))), v
        assert R.is_sized_iterable(v) == (iterable and hasattr(v, "__len__")), v
    assert [R.is_non_string_like_sequence(v) for v in ([1], (1,), range(2), {1: 2}, "ab", np.zeros(2))] == [
        True, True, True, False, False, False,
    ]
    assert R.regularize_axis(np.int64(2)) == 2 and R.regularize_axis(None) is None
    with pytest.raises(TypeError, match="'axis' must be an integer or None"):
        R.regularize_axis(1.0)
    with pytest.raises(TypeError, match="'axis' must be an integer"):
        R.regularize_axis(None, none_allowed=False)


def test_is_array_like_accepts_array_library_arrays_only():
    from awkward import _regularize as R

    assert R.is_array_like(np.zeros(2)) and R.is_array_like(np.float64(1))
    for not_array in ([1], (1,), 1, "a", ak.Array([1]), ak.Array([1]).layout, None):
        assert not R.is_array_like(not_array), not_array


def test_private_submodules_are_reachable_as_attributes():
    assert ak._nplikes.numpy.Numpy.instance() is ak._nplikes.numpy.Numpy.instance()
    assert ak._nplikes.virtual.VirtualNDArray is not None
    assert ak._nplikes.shape.unknown_length is not None
    assert callable(ak._regularize.is_array_like)


def test_layout_private_fields_that_uproots_rntuple_writer_reads():
    array = ak.Array([[{"x": 1, "y": [1.5]}], [], None])
    layout = array.layout
    assert layout.is_option and layout._content is layout.content and layout._index is layout.index
    lists = layout._content
    assert lists._offsets is lists.offsets and (lists._parameters or {}) == lists.parameters
    records = lists._content
    assert records._fields == records.fields and records._contents == records.contents
    regular = ak.to_regular(ak.Array([[1, 2]]), axis=1).layout
    assert regular._size == 2
    union = ak.Array([1, "a"]).layout
    assert union._tags is union.tags
    masked = ak.Array([1, 2]).mask[[True, False]].layout
    assert masked._mask is masked.mask


def test_installed_version_is_one_clients_accept():
    from importlib.metadata import version

    from packaging.version import Version

    assert Version(version("awkward")) >= Version("2.8.11")
    assert Version(ak.__version__) >= Version("2.8.11")
