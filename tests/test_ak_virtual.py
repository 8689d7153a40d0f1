"""ak.virtual (awkward 1's name): one generate call fills every buffer on first touch.

Generator counting: metadata (len, type, fields, form) reads nothing when form and length are
given; the first touch makes one call; a dict cache makes the second touch free; with caching
off every touch makes a call; a wrong form or length is an error naming both."""

import threading

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.virtual import VirtualNDArray
from tests._structure_layouts import LAYOUTS


class Counter:
    """generate(): returns the array and counts its calls."""

    def __init__(self, array):
        self.array = array
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.args = args
        self.kwargs = kwargs
        return self.array


def _buffers(layout):
    out = []
    stack = [layout]
    while stack:
        node = stack.pop()
        out.extend(node._buffers_by_attribute().values())
        stack.extend(node.contents)
    return out


def _record():
    return ak.Array([{"x": [1, 2, 3], "y": 1.5}, {"x": [], "y": 2.5}, {"x": [4], "y": 3.5}])


# ---------------------------------------------------------------------- every layout kind
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_kind_round_trips_with_one_call(name):
    layout = LAYOUTS[name]
    gen = Counter(ak.Array(layout))
    array = ak.virtual(gen, form=layout.form, length=len(layout))
    # metadata: nothing generated
    assert len(array) == len(layout)
    assert array.type == ak.Array(layout).type
    assert ak.fields(array) == ak.fields(layout)
    assert array.layout.form.is_equal_to(layout.form, all_parameters=True)
    assert gen.calls == 0
    # every buffer is virtual
    assert all(isinstance(b, VirtualNDArray) for b in _buffers(array.layout))
    # values: one call for all buffers, however many there are
    assert array.to_list() == layout.to_list()
    expected_calls = 1 if _buffers(array.layout) else 0
    assert gen.calls == expected_calls
    assert array.to_list() == layout.to_list()
    assert gen.calls == expected_calls


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_without_form_the_type_costs_one_call(name):
    layout = LAYOUTS[name]
    gen = Counter(layout)
    array = ak.virtual(gen)
    assert gen.calls == 1  # awkward 1: the type is learnt by generating
    assert array.type == ak.Array(layout).type
    assert len(array) == len(layout)
    assert array.to_list() == layout.to_list()
    assert gen.calls == 1  # the buffers of that call were kept


# ---------------------------------------------------------------------- counting
def test_metadata_reads_nothing_and_first_touch_is_one_call():
    gen = Counter(_record())
    form = _record().layout.form
    array = ak.virtual(gen, form=form, length=3)
    assert len(array) == 3
    assert str(array.type) == "3 * {x: var * int64, y: float64}"
    assert array.fields == ["x", "y"]
    assert ak.parameters(array) == {}
    assert gen.calls == 0
    # touching one field: one call, and it fills every buffer
    assert array.y.to_list() == [1.5, 2.5, 3.5]
    assert gen.calls == 1
    assert array.x.to_list() == [[1, 2, 3], [], [4]]
    assert ak.sum(array.x, axis=1).to_list() == [6, 0, 4]
    assert gen.calls == 1


def test_length_none_with_form_reads_on_len_only():
    gen = Counter(_record())
    array = ak.virtual(gen, form=_record().layout.form)
    assert array.fields == ["x", "y"]
    assert str(array.type.content) == "{x: var * int64, y: float64}"
    assert gen.calls == 0
    assert len(array) == 3
    assert gen.calls == 1
    assert array.to_list() == _record().to_list()
    assert gen.calls == 1


def test_args_and_kwargs_are_passed():
    gen = Counter(np.arange(4.0))
    array = ak.virtual(gen, (1, "a"), {"k": 2}, form=ak.forms.NumpyForm("float64"), length=4)
    assert array.to_list() == [0.0, 1.0, 2.0, 3.0]
    assert gen.args == (1, "a") and gen.kwargs == {"k": 2}


@pytest.mark.parametrize(
    "result",
    [
        np.array([[1, 2], [3, 4]]),
        [[1.5], [], [2.5, 3.5]],
        ak.Array([{"a": 1}, {"a": 2}]),
        ak.Array([[1, 2], [3]]).layout,
    ],
    ids=["numpy", "list", "Array", "layout"],
)
def test_generate_may_return_any_array_like(result):
    expected = ak.to_list(ak.Array(ak.to_layout(result)))
    array = ak.virtual(lambda: result)
    assert array.to_list() == expected
    form = ak.to_layout(result).form
    assert ak.virtual(lambda: result, form=form, length=len(expected)).to_list() == expected


def test_dict_cache_second_touch_makes_no_call():
    cache = {}
    gen = Counter(_record())
    array = ak.virtual(gen, form=_record().layout.form, length=3, cache=cache, cache_key="events")
    assert gen.calls == 0 and cache == {}
    assert array.y.to_list() == [1.5, 2.5, 3.5]
    assert gen.calls == 1
    assert list(cache) == ["events"]
    assert cache["events"].nbytes == sum(b.nbytes for b in cache["events"].values())
    assert array.x.to_list() == [[1, 2, 3], [], [4]]
    assert array.y.to_list() == [1.5, 2.5, 3.5]
    assert gen.calls == 1
    # evicted: the next touch calls again and gives the same values
    cache.clear()
    assert array.to_list() == _record().to_list()
    assert gen.calls == 2


def test_shared_cache_key_shares_the_entry():
    cache = {}
    gen = Counter(_record())
    form = _record().layout.form
    a = ak.virtual(gen, form=form, length=3, cache=cache, cache_key="file1")
    b = ak.virtual(gen, form=form, length=3, cache=cache, cache_key="file1")
    assert a.to_list() == b.to_list()
    assert gen.calls == 1
    # default keys are unique per array: no sharing
    c = ak.virtual(gen, form=form, length=3, cache=cache)
    d = ak.virtual(gen, form=form, length=3, cache=cache)
    c.to_list()
    d.to_list()
    assert gen.calls == 3
    assert len(cache) == 3


def test_caching_off_every_touch_is_a_call():
    gen = Counter(np.arange(5.0))
    array = ak.virtual(gen, form=ak.forms.NumpyForm("float64"), length=5, cache=False)
    for i in range(1, 4):
        assert array.to_list() == [0.0, 1.0, 2.0, 3.0, 4.0]
        assert gen.calls == i
    assert (np.asarray(array) + 1).tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert gen.calls == 4


def test_default_cache_keeps_the_data_in_the_array():
    gen = Counter(np.arange(5.0))
    array = ak.virtual(gen, form=ak.forms.NumpyForm("float64"), length=5)
    for _ in range(3):
        assert ak.sum(array) == 10.0
    assert gen.calls == 1
    # awkward 1 spelled that default "new"
    gen2 = Counter(np.arange(5.0))
    other = ak.virtual(gen2, form=ak.forms.NumpyForm("float64"), length=5, cache="new")
    other.to_list()
    other.to_list()
    assert gen2.calls == 1


def test_threads_share_one_call():
    started = threading.Event()
    gen = Counter(_record())

    def slow():
        started.wait(1)
        return gen()

    array = ak.virtual(slow, form=_record().layout.form, length=3)
    results = []
    threads = [threading.Thread(target=lambda: results.append(array.to_list())) for _ in range(6)]
    for t in threads:
        t.start()
    started.set()
    for t in threads:
        t.join()
    assert results == [_record().to_list()] * 6
    assert gen.calls == 1


def test_form_as_dict_or_json_and_parameters():
    gen = Counter(ak.Array([[1, 2], [3]]))
    form = {"class": "ListOffsetArray", "offsets": "i64", "content": "int64"}
    for given in (form, ak.forms.from_dict(form).to_json()):
        array = ak.virtual(gen, form=given, length=2, parameters={"__doc__": "jets"})
        assert ak.parameters(array) == {"__doc__": "jets"}
        assert array.to_list() == [[1, 2], [3]]


def test_behavior_through_parameters():
    class Point(ak.Record):
        def mag2(self):
            return self.x**2 + self.y**2

    behavior = {"Point": Point}
    gen = Counter(ak.Array([{"x": 1, "y": 2}, {"x": 3, "y": 4}]))
    array = ak.virtual(
        gen, form=gen.array.layout.form, length=2, parameters={"__record__": "Point"}, behavior=behavior
    )
    assert gen.calls == 0
    assert [p.mag2() for p in array] == [5, 25]


def test_lazy_concatenation_of_virtual_pieces():
    gens = [Counter(ak.Array([[float(i)] * i, []])) for i in range(1, 4)]
    form = gens[0].array.layout.form
    pieces = [ak.virtual(g, form=form, length=2) for g in gens]
    joined = ak.concatenate(pieces)
    assert len(joined) == 6
    assert str(joined.type) == "6 * var * float64"
    assert sum(g.calls for g in gens) == 0
    expected = [x for g in gens for x in g.array.to_list()]
    assert joined.to_list() == expected
    assert [g.calls for g in gens] == [1, 1, 1]


# ---------------------------------------------------------------------- errors
def test_wrong_length_names_both():
    gen = Counter(_record())
    array = ak.virtual(gen, form=_record().layout.form, length=5)
    with pytest.raises(ValueError, match=r"ak.virtual: .*declared length 5.*got length 3"):
        array.to_list()


def test_wrong_form_names_both():
    gen = Counter(ak.Array([[1, 2], [3]]))
    array = ak.virtual(gen, form={"class": "ListOffsetArray", "offsets": "i64", "content": "float64"}, length=2)
    with pytest.raises(ValueError) as info:
        array.to_list()
    message = str(info.value)
    assert "ak.virtual" in message
    assert '"content": "float64"' in message and '"content": "int64"' in message


def test_wrong_length_without_form_is_immediate():
    with pytest.raises(ValueError, match=r"declared length 4.*got length 2"):
        ak.virtual(lambda: [[1], [2]], length=4)


def test_wrong_form_after_eviction_is_caught_too():
    # cache=False keeps nothing, not even the call that learnt the form
    results = iter([ak.Array([1.0, 2.0]), ak.Array([1.0, 2.0]), ak.Array([1, 2])])
    array = ak.virtual(lambda: next(results), cache=False)
    assert array.to_list() == [1.0, 2.0]
    with pytest.raises(ValueError, match="ak.virtual"):
        array.to_list()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"generate": 3}, TypeError, "'generate' must be callable"),
        ({"args": 3}, TypeError, "'args' must be a tuple"),
        ({"kwargs": [1]}, TypeError, "'kwargs' must be a dict"),
        ({"length": -1}, ValueError, "'length' must be non-negative"),
        ({"length": 1.5}, TypeError, "'length' must be a non-negative integer"),
        ({"cache": 3}, TypeError, "'cache' must be None"),
        ({"cache_key": 3, "cache": {}}, TypeError, "'cache_key' must be a str"),
        ({"form": 3}, TypeError, "ak.virtual: 'form' must be"),
        ({"parameters": [1]}, TypeError, "'parameters' must be a dict"),
    ],
)
def test_argument_errors(kwargs, error, match):
    arguments = {"generate": lambda: [1, 2], "form": ak.forms.NumpyForm("int64"), "length": 2}
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        ak.virtual(**arguments)


def test_generator_exception_propagates_and_retries():
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk hiccup")
        return np.arange(3)

    array = ak.virtual(flaky, form=ak.forms.NumpyForm("int64"), length=3)
    with pytest.raises(OSError, match="disk hiccup"):
        array.to_list()
    assert array.to_list() == [0, 1, 2]
    assert len(calls) == 2


def test_highlevel_false_and_attrs():
    gen = Counter(np.arange(3.0))
    layout = ak.virtual(gen, form=ak.forms.NumpyForm("float64"), length=3, highlevel=False)
    assert isinstance(layout, ak.contents.NumpyArray)
    assert gen.calls == 0
    array = ak.virtual(gen, form=ak.forms.NumpyForm("float64"), length=3, attrs={"source": "f"})
    assert array.attrs == {"source": "f"}
    assert gen.calls == 0
    assert (array * 2).attrs == {"source": "f"}


def test_virtual_buffers_are_named_like_awkward1():
    gen = Counter(_record())
    array = ak.virtual(gen, form=_record().layout.form, length=3)
    keys = sorted(b._buffer_key for b in _buffers(array.layout))
    assert keys == ["node1-offsets", "node2-data", "node3-data"]
