"""What the HEP client libraries (uproot, vector, coffea; issue 19) needed from this package,
reproduced without them: each test is the library's call pattern on our objects, checked
against a pure-Python model or awkward 2.14's behaviour."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import TypeTracer

# ---------------------------------------------------------------- nplike shape-item helpers


def test_numpy_index_and_shape_item_conversions():
    nplike = Numpy.instance()
    count = nplike.count_nonzero(nplike.asarray(np.array([True, False, True])))
    item = nplike.index_as_shape_item(count)
    assert item == 2 and type(item) is int
    assert nplike.index_as_shape_item(np.array(4)) == 4
    index = nplike.shape_item_as_index(3)
    assert index == 3 and type(index) is int
    with pytest.raises(TypeError):
        nplike.shape_item_as_index(unknown_length)


def test_typetracer_shape_item_conversions_agree():
    tracer = TypeTracer.instance()
    unknown = tracer.count_nonzero(tracer.asarray(np.array([1, 0, 1])))
    assert tracer.index_as_shape_item(unknown) is unknown_length
    assert tracer.shape_item_as_index(5) == 5


def _rntuple_pack_option(layout):
    """uproot's RNTuple writer packs an IndexedOptionArray this way (its _to_packed)."""
    nplike = layout.backend.nplike
    original_index = layout._index.data
    is_none = original_index < 0
    num_none = nplike.index_as_shape_item(nplike.count_nonzero(is_none))
    new_index = nplike.empty(layout._index.length, dtype=layout._index.dtype)
    new_index[is_none] = -1
    new_index[~is_none] = nplike.arange(
        nplike.shape_item_as_index(new_index.size - num_none), dtype=layout._index.dtype
    )
    return ak.contents.IndexedOptionArray(
        ak.index.Index(new_index, nplike=nplike), layout.project(), parameters=layout._parameters
    )


@pytest.mark.parametrize("values", [[None, 3, None, 1, 2], [1, 2], [None, None], []])
def test_rntuple_writer_option_packing(values):
    # an option over a content with unused items (the writer drops them)
    layout = ak.contents.IndexedOptionArray(
        ak.index.Index64(np.array([-1 if v is None else 2 * i for i, v in enumerate(values)], dtype=np.int64)),
        ak.contents.NumpyArray(np.array([x for v in values for x in (0 if v is None else v, -7)], dtype=np.int64)),
    )
    packed = _rntuple_pack_option(layout)
    assert packed.to_list() == values
    assert packed.index.data.tolist() == _packed_index_model(values)
    assert packed.content.to_list() == [v for v in values if v is not None]


def _packed_index_model(values):
    out, k = [], 0
    for v in values:
        if v is None:
            out.append(-1)
        else:
            out.append(k)
            k += 1
    return out


# ---------------------------------------------------------------- mixin ufunc registration


def _mixins():
    behavior = {}

    @ak.mixin_class(behavior)
    class Candidate:
        @ak.mixin_class_method(np.add, {"Candidate"})
        def add(self, other):
            return ak.zip({"x": self.x + other.x}, with_name="Candidate")

        @ak.mixin_class_method(np.subtract, {"Other"})
        def subtract(self, other):
            return self.x - other.y

    @ak.mixin_class(behavior)
    class Muon(Candidate):
        pass

    return behavior


def test_mixin_binary_methods_also_take_their_own_class():
    behavior = _mixins()
    binary = {(k[0].__name__, k[1], k[2]) for k in behavior if isinstance(k, tuple) and len(k) == 3}
    # every class is a right-hand operand of its binary methods, besides the declared ones
    for name in ("Candidate", "Muon"):
        assert ("add", name, name) in binary
        assert ("subtract", name, name) in binary
        assert ("subtract", name, "Other") in binary
    assert ("add", "Muon", "Candidate") in binary and ("add", "Candidate", "Muon") in binary


def test_subclass_records_add_through_the_base_method():
    behavior = _mixins()
    xs = [[1.0, 2.0], [], [3.5]]
    muons = ak.zip({"x": xs}, with_name="Muon", behavior=behavior)
    total = muons + muons
    assert total.x.tolist() == [[2 * v for v in row] for row in xs]
    assert total.layout.content.parameter("__record__") == "Candidate"
    # and through an IndexedArray (a selection), as coffea's pairs are
    pairs = ak.combinations(muons[ak.num(muons) >= 0], 2, fields=["a", "b"])
    assert (pairs.a + pairs.b).x.tolist() == [
        [row[i] + row[j] for i in range(len(row)) for j in range(i + 1, len(row))] for row in xs
    ]


# ---------------------------------------------------------------- broadcast_arrays with records


@pytest.mark.parametrize(
    "array",
    [
        [[1, 2], [], [3]],
        [1, 2, 3],
        [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}],
        [[1.5], None, [2.5, 3.5]],
    ],
)
@pytest.mark.parametrize("record", [{}, {"x": 1}, {"a": [1, 2], "b": "s"}])
def test_broadcast_arrays_repeats_a_record_along_an_array(array, record):
    """coffea's systematics call ak.broadcast_arrays(events, {})."""
    left, right = ak.broadcast_arrays(ak.Array(array), record)
    assert left.tolist() == array
    assert right.tolist() == _broadcast_model(array, record)
    # an ak.Record does the same
    _, again = ak.broadcast_arrays(ak.Array(array), ak.Record(record) if record else record)
    assert again.tolist() == right.tolist()


def _broadcast_model(array, record):
    def inner(value):
        # records stop the broadcast; lists repeat the record per item
        if isinstance(value, list):
            return [inner(v) for v in value]
        if value is None:
            return None
        return record

    return [inner(v) if not isinstance(v, dict) else record for v in array]


def test_broadcast_arrays_of_records_alone_gives_records():
    a, b = ak.broadcast_arrays(ak.Record({"x": 1}), {"y": [1, 2]})
    assert isinstance(a, ak.Record) and isinstance(b, ak.Record)
    assert a.tolist() == {"x": 1} and b.tolist() == {"y": [1, 2]}


def test_broadcast_arrays_record_on_typetracer():
    """coffea's dask path runs broadcast_arrays(events, {}) on a tracer of the events."""
    events = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}])
    for forget_length in (False, True):
        tracer = ak.Array(events.layout.to_typetracer(forget_length=forget_length))
        _, out = ak.broadcast_arrays(tracer, {})
        assert ak.backend(out) == "typetracer"
        assert str(out.type.content) == "{}"
        assert (out.layout.length is ak._nplikes.shape.unknown_length) == forget_length


# ---------------------------------------------------------------- materialization reports merge


def _lazy(n):
    form = ak.forms.from_dict({"class": "NumpyArray", "primitive": "int64", "form_key": f"k{n}"})
    return ak.from_buffers(form, n, {f"k{n}-data": lambda: np.arange(n)})


def _report(n):
    with ak.materialization_report() as report:
        ak.sum(_lazy(n))
    return report


def test_reports_pickle_as_their_entries():
    report = _report(3)
    back = pickle.loads(pickle.dumps(report))
    assert back.entries == report.entries
    assert back.buffer_keys == {"k3-data"} and back.nbytes == 24
    # the unpickled report still works as a context manager
    with back:
        ak.sum(_lazy(2))
    assert back.buffer_keys == {"k3-data", "k2-data"}


def test_reports_add_up():
    reports = [_report(n) for n in (1, 2, 3)]
    merged = reports[0] + reports[1] + reports[2]
    assert merged.buffer_keys == {"k1-data", "k2-data", "k3-data"}
    assert merged.nbytes == 8 * (1 + 2 + 3)
    assert sum(reports).entries == merged.entries
    assert [len(r.entries) for r in reports] == [1, 1, 1]  # inputs unchanged
    total = _report(4)
    total += reports[0]
    assert total.buffer_keys == {"k4-data", "k1-data"}
    with pytest.raises(TypeError):
        reports[0] + 1


# ---------------------------------------------------------------- tracers as dask-awkward meets them


@pytest.mark.parametrize(
    ("jagged", "flat"),
    [
        ([[1, 2], [], [3]], [10, 20, 30]),
        ([[1.5], [2.5, 3.5]], [{"x": 1}, {"x": 2}]),
        ([[[1], [2, 3]], []], [True, False]),
    ],
)
@pytest.mark.parametrize("forget_length", [False, True])
def test_jagged_broadcasts_with_flat_on_tracers(jagged, flat, forget_length):
    """An event-level column times a jagged one (weights, MET) inside a dask graph."""
    eager = ak.broadcast_arrays(ak.Array(jagged), ak.Array(flat))
    traced = ak.broadcast_arrays(
        *(ak.Array(ak.Array(x).layout.to_typetracer(forget_length=forget_length)) for x in (jagged, flat))
    )
    for e, t in zip(eager, traced):
        assert ak.backend(t) == "typetracer"
        assert t.type.content == e.type.content
