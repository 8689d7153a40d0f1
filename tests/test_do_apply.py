"""The foundation of the layout algorithms: awkward._do.recursively_apply, the axis helpers,
awkward.errors and HighLevelContext (behavior/attrs carried through operations)."""

import numpy as np
import pytest

import awkward as ak
from awkward._do import check_posaxis, maybe_posaxis, rebuild, recursively_apply, regularize_axis
from awkward.contents import (
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnionArray,
)
from awkward.index import Index8, Index64
from awkward.operations._layout_args import HighLevelContext
from tests.counting_buffers import Lazy


def _depth_model(value, depth=1):
    """Replace every number by the depth at which recursively_apply should see its leaf."""
    if isinstance(value, list):
        return [_depth_model(x, depth + 1) for x in value]
    if isinstance(value, dict):
        return {k: _depth_model(v, depth) for k, v in value.items()}
    if value is None:
        return None
    return depth - 1  # the leaf NumpyArray sits at the depth of the innermost list + 1


def _leaves_to_depth(layout, depth, **kwargs):
    if layout.is_numpy:
        nplike = layout.backend.nplike
        return NumpyArray(nplike.full(len(layout), depth - 1, dtype=np.int64))
    return None


@pytest.mark.parametrize(
    "data",
    [
        [1, 2, 3],
        [[1, 2], [], [3]],
        [[[1], [2, 3]], [], [[4]]],
        [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}],
        [[{"x": 1, "y": [[1]]}], None, []],
        [None, 1, None],
    ],
)
def test_depths_seen_by_action(data):
    layout = ak.to_layout(data)
    out = recursively_apply(layout, _leaves_to_depth)
    assert out.to_list() == [_depth_model(x, 1) for x in data]  # the outer list is axis 0


def test_action_receives_documented_arguments():
    seen = []

    def action(layout, *, depth, depth_context, lateral_context, continuation, backend, options):
        seen.append((type(layout).__name__, depth))
        lateral_context["count"] += 1
        assert backend is layout.backend
        assert options["function_name"] == "test"
        return None

    lateral = {"count": 0}
    layout = ak.to_layout([[1, 2], [3]])
    out = recursively_apply(layout, action, lateral_context=lateral, function_name="test")
    assert out is layout  # nothing changed: the very same node comes back
    assert seen == [("ListOffsetArray", 1), ("NumpyArray", 2)]
    assert lateral["count"] == 2


def test_continuation_post_processes_children():
    def action(layout, *, continuation, **kwargs):
        if layout.is_list:
            inner = continuation()
            return inner.copy(parameters={"seen": True})
        if layout.is_numpy:
            return NumpyArray(layout.backend.nplike.asarray(ak.to_numpy(layout) * 10))
        return None

    out = recursively_apply(ak.to_layout([[1, 2], [3]]), action)
    assert out.to_list() == [[10, 20], [30]]
    assert out.parameter("seen") is True


def test_option_of_option_is_simplified():
    inner = IndexedOptionArray(Index64(np.array([0, -1, 1])), NumpyArray(np.array([1.0, 2.0])))
    layout = ListOffsetArray(Index64(np.array([0, 2, 3])), NumpyArray(np.array([1.0, 2.0, 3.0])))
    outer = IndexedOptionArray(Index64(np.array([0, 1, -1])), NumpyArray(np.array([5.0, 6.0])))

    def action(node, **kwargs):
        if node.is_numpy:
            return inner
        return None

    out = recursively_apply(outer, action)
    assert isinstance(out, IndexedOptionArray) and out.content.is_numpy
    assert out.to_list() == [1.0, None, None]
    assert recursively_apply(layout, lambda node, **kw: None) is layout


def test_union_rebuilt_and_simplified():
    union = UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)),
        Index64(np.array([0, 0, 1])),
        [NumpyArray(np.array([1, 2])), NumpyArray(np.array([1.5]))],
    )

    def action(node, **kwargs):
        if node.is_numpy:
            return NumpyArray(ak.to_numpy(node).astype(np.float64))
        return None

    out = recursively_apply(union, action)
    assert out.is_numpy  # both contents became float64: the union merged away
    assert out.to_list() == [1.0, 1.5, 2.0]


def test_records_refused_when_not_allowed():
    layout = ak.to_layout([{"x": 1}])
    with pytest.raises(ValueError, match="ak.thing: cannot apply this operation to records"):
        recursively_apply(layout, lambda node, **kw: None, allow_records=False, function_name="ak.thing")


def test_keep_parameters_false_drops_them():
    layout = ak.with_parameter([[1, 2]], "p", 1, highlevel=False)
    out = recursively_apply(layout, lambda node, **kw: None, keep_parameters=False)
    assert out.parameters == {}


def test_numpy_to_regular_and_regular_to_jagged():
    layout = NumpyArray(np.arange(6).reshape(2, 3))
    kinds = []

    def action(node, **kwargs):
        kinds.append(type(node).__name__)
        return None

    recursively_apply(layout, action, numpy_to_regular=True)
    assert kinds == ["RegularArray", "NumpyArray"]
    kinds.clear()
    recursively_apply(layout.to_RegularArray(), action, regular_to_jagged=True)
    assert kinds == ["ListOffsetArray", "NumpyArray"]


def test_bad_return_value_is_a_clear_error():
    with pytest.raises(TypeError, match="must return a layout"):
        recursively_apply(ak.to_layout([1, 2]), lambda node, **kw: 5, function_name="ak.f")


def test_layout_record_walk():
    record = ak.to_layout({"x": 1, "y": 2})
    out = recursively_apply(record, _leaves_to_depth)
    assert isinstance(out, ak.record.Record)
    assert out.to_list() == {"x": 0, "y": 0}


def test_untouched_fields_stay_unread():
    lazy = Lazy()
    layout = RecordArray(
        [lazy.numpy([1, 2, 3], "x"), lazy.numpy([4.0, 5.0, 6.0], "y")], ["x", "y"]
    )

    def action(node, *, lateral_context, **kwargs):
        if node.is_record:
            return rebuild(node, [node.contents[0], NumpyArray(np.zeros(3))])
        return None

    out = recursively_apply(layout, action)
    assert out.fields == ["x", "y"]
    assert lazy.total == 0


def test_regularize_axis():
    assert regularize_axis(np.int64(2), "f") == 2
    assert regularize_axis(None, "f") is None
    with pytest.raises(TypeError, match="ak.f: 'axis' must be an integer or None"):
        regularize_axis(1.5, "f")
    with pytest.raises(TypeError, match="'axis' must be an integer"):
        regularize_axis(True, "f")
    with pytest.raises(TypeError, match="not None"):
        regularize_axis(None, "f", none_allowed=False)


def test_posaxis():
    layout = ak.to_layout([[[1]], [[2, 3]]])
    assert check_posaxis("f", -1, layout) == 2
    assert check_posaxis("f", 1, layout) == 1
    with pytest.raises(ak.errors.AxisError, match="ak.f: axis=3 exceeds the depth"):
        check_posaxis("f", 3, layout)
    with pytest.raises(ak.errors.AxisError):
        check_posaxis("f", -4, layout)
    branching = ak.to_layout([{"x": [1], "y": 2}])
    assert maybe_posaxis(branching, -1, 1) is None  # resolved per field
    assert maybe_posaxis(branching.content("x"), -1, 1) == 1


def test_errors_have_awkward_bases():
    err = ak.errors.AxisError(3, 2)
    assert isinstance(err, ValueError) and isinstance(err, IndexError)
    assert str(err) == "axis 3 is out of bounds for array of dimension 2"
    assert str(ak.errors.AxisError(1, 1, "ak.num")) == "ak.num: axis 1 is out of bounds for array of dimension 1"
    assert issubclass(ak.errors.FieldNotFoundError, IndexError)
    assert issubclass(ak.errors.ExperimentalWarning, UserWarning)


def test_highlevel_context_carries_behavior_and_attrs():
    a = ak.Array([[1]], attrs={"@factory": "f", "y": 2}, behavior={"b": 1})
    b = ak.Array([[2]], attrs={"@w": 1, "y": 3})
    ctx = HighLevelContext()
    ctx.unwrap(a, "f")
    ctx.unwrap(b, "f")
    assert ctx.attrs == {"@w": 1, "y": 2, "@factory": "f"}  # earlier arguments win
    assert ctx.behavior == {"b": 1}
    out = ctx.wrap(ak.to_layout([1]))
    assert out.attrs["@factory"] == "f"
    explicit = HighLevelContext(behavior={"k": 2}, attrs={"q": 1})
    explicit.unwrap(a, "f")
    assert explicit.attrs == {"q": 1} and explicit.behavior == {"k": 2}
    assert ctx.wrap(ak.to_layout([1]), highlevel=False).is_numpy
