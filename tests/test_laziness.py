"""Laziness of arrays built by ak.from_buffers from callables, measured by counting generator
calls: metadata reads nothing, touching one field reads that field only, caching per key."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward.index import Index8, Index64

contents = ak.contents


def sample():
    """records {x: float, y: var * int, z: ?float, u: union(int, var * float)}."""
    x = contents.NumpyArray(np.array([1.1, 2.2, 3.3]))
    y = contents.ListOffsetArray(Index64(np.array([0, 2, 2, 5])), contents.NumpyArray(np.arange(5)))
    z = contents.IndexedOptionArray(
        Index64(np.array([1, -1, 0])), contents.NumpyArray(np.array([0.5, 1.5]))
    )
    u = contents.UnionArray(
        Index8(np.array([0, 1, 0], np.int8)),
        Index64(np.array([0, 0, 1])),
        [
            contents.NumpyArray(np.array([7, 8])),
            contents.ListOffsetArray(
                Index64(np.array([0, 2])), contents.NumpyArray(np.array([9.0, 10.0]))
            ),
        ],
    )
    return contents.RecordArray([x, y, z, u], ["x", "y", "z", "u"])


class Source:
    """A container of counting generators over the buffers of a layout."""

    def __init__(self, layout, **kwargs):
        self.layout = layout
        self.form, self.length, self.buffers = ak.to_buffers(layout)
        self.calls = Counter()
        self.array = ak.from_buffers(
            self.form,
            self.length,
            {key: self._generator(key) for key in self.buffers},
            highlevel=False,
            **kwargs,
        )

    def _generator(self, key):
        def generate():
            self.calls[key] += 1
            return self.buffers[key]

        return generate

    def keys_of(self, field):
        """Buffer keys below the record field ``field``."""
        index = self.form.fields.index(field)
        return set(self.form.contents[index].expected_from_buffers())


@pytest.fixture
def source():
    return Source(sample())


def test_building_runs_nothing(source):
    assert source.calls == {}
    assert not source.array.is_any_materialized
    assert not source.array.is_all_materialized


def test_metadata_runs_nothing(source):
    array = source.array
    assert len(array) == 3
    assert array.length == 3
    assert array.form == source.layout.form
    assert str(ak.type(array)) == str(ak.type(source.layout))
    assert ak.fields(array) == ["x", "y", "z", "u"]
    repr(array)
    assert source.calls == {}


def test_to_buffers_runs_nothing(source):
    form, length, container = ak.to_buffers(source.array)
    assert (form, length) == (source.form, source.length)
    assert set(container) == set(source.buffers)
    assert source.calls == {}


@pytest.mark.parametrize("field", ["x", "y", "z", "u"])
def test_touching_one_field_runs_only_its_generators(source, field):
    values = source.array._getitem_field(field).to_list()
    assert values == source.layout._getitem_field(field).to_list()
    touched = set(source.calls)
    assert touched <= source.keys_of(field)
    assert touched  # reading values ran something
    assert all(n == 1 for n in source.calls.values())


def test_nested_length_is_read_from_the_parent_only():
    source = Source(sample())
    y = source.array._getitem_field("y")
    assert source.calls == {}
    assert len(y.content) == 5  # needs the offsets, not the content
    assert set(source.calls) == {"node2-offsets"}


def test_materialize_runs_every_generator_once(source):
    done = ak.materialize(source.array, highlevel=False)
    assert set(source.calls) == set(source.buffers)
    assert all(n == 1 for n in source.calls.values())
    assert done.is_all_materialized
    assert done.to_list() == source.layout.to_list()
    assert all(n == 1 for n in source.calls.values())
    # already concrete: nothing to do
    assert ak.materialize(done, highlevel=False) is done


def test_is_any_and_is_all_after_a_touch(source):
    source.array._getitem_field("x").to_list()
    assert source.array.is_any_materialized
    assert not source.array.is_all_materialized
    assert source.array.content("x").is_all_materialized
    assert not source.array.content("y").is_any_materialized


def test_caching_off_regenerates_and_keeps_nothing():
    source = Source(sample(), enable_virtualarray_caching=False)
    x = source.array._getitem_field("x")
    assert x.to_list() == [1.1, 2.2, 3.3]
    assert x.to_list() == [1.1, 2.2, 3.3]
    assert source.calls["node1-data"] == 2
    assert not x.is_any_materialized


def test_caching_rule_per_key():
    seen = []

    def rule(form_key, attribute):
        seen.append((form_key, attribute))
        return form_key != "node1"  # do not cache field x's data

    source = Source(sample(), enable_virtualarray_caching=rule)
    assert ("node1", "data") in seen and ("node2", "offsets") in seen
    x = source.array._getitem_field("x")
    y = source.array._getitem_field("y")
    x.to_list()
    x.to_list()
    y.to_list()
    y.to_list()
    assert source.calls["node1-data"] == 2
    assert source.calls["node2-offsets"] == 1
    assert source.calls["node3-data"] == 1
    assert not x.is_any_materialized
    assert y.is_all_materialized


def test_to_packed_keeps_untouched_buffers_virtual():
    layout = contents.RecordArray(
        [
            contents.NumpyArray(np.array([1.0, 2.0, 3.0, 4.0])),
            contents.NumpyArray(np.array([5, 6, 7, 8])),
        ],
        ["a", "b"],
    )
    source = Source(layout)
    packed = ak.to_packed(source.array[1:3], highlevel=False)
    assert source.calls == {}
    assert not packed.is_any_materialized
    assert packed.to_list() == [{"a": 2.0, "b": 6}, {"a": 3.0, "b": 7}]


def test_to_packed_of_a_packed_jagged_array_reads_only_offsets():
    layout = contents.ListOffsetArray(
        Index64(np.array([0, 1, 3])), contents.NumpyArray(np.array([1.0, 2.0, 3.0]))
    )
    source = Source(layout)
    packed = ak.to_packed(source.array, highlevel=False)
    assert set(source.calls) <= {"node0-offsets"}
    assert packed.to_list() == [[1.0], [2.0, 3.0]]


def test_validity_error_reads_data_and_finds_nothing(source):
    assert ak.validity_error(source.array) == ""
    assert ak.is_valid(source.array)
    assert set(source.calls)  # validation needs the values


def test_validity_error_on_broken_lazy_offsets():
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "c"},
            "form_key": "o",
        }
    )
    # from_buffers does not look at virtual data, so the broken offsets go unnoticed ...
    broken = ak.from_buffers(
        form,
        2,
        {"o-offsets": lambda: np.array([0, 2, 1]), "c-data": lambda: np.array([1.0, 2.0])},
        highlevel=False,
    )
    # ... until asked
    message = ak.validity_error(broken)
    assert message.startswith("at highlevel")
    assert not ak.is_valid(broken)
    with pytest.raises(ValueError, match="highlevel"):
        ak.validity_error(broken, exception=True)
    with pytest.raises(ValueError):
        ak.is_valid(broken, exception=True)


def test_highlevel_array_metadata_runs_nothing():
    from awkward.operations._layout_args import highlevel_classes

    array_cls, record_cls = highlevel_classes()
    if array_cls is None:
        pytest.skip("no high-level class registered yet")
    layout = sample()
    form, length, buffers = ak.to_buffers(layout)
    calls = Counter()

    def make(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    array = ak.from_buffers(form, length, {key: make(key) for key in buffers})
    assert isinstance(array, array_cls)
    assert len(array) == 3
    assert str(ak.type(array)) == str(ak.type(layout))
    assert ak.fields(array) == ["x", "y", "z", "u"]
    ak.to_buffers(array)
    assert calls == {}
    record = array[0]
    assert isinstance(record, record_cls)
    assert ak.fields(record) == ["x", "y", "z", "u"]
    assert str(ak.type(record)) == str(ak.type(layout[0]))
    packed = ak.to_packed(array, highlevel=False)
    assert packed.to_list() == layout.to_list()
    assert isinstance(ak.materialize(array), array_cls)
    assert ak.materialize(array, highlevel=False).is_all_materialized


def test_layout_record_materialize_pack_and_validate(source):
    record = source.array[1]
    assert ak.fields(record) == ["x", "y", "z", "u"]
    assert str(ak.type(record)).startswith("{x: float64")
    assert source.calls == {}
    packed = ak.to_packed(record, highlevel=False)
    assert packed.at == 0 and len(packed.array) == 1
    done = ak.materialize(record, highlevel=False)
    assert done.array.is_all_materialized
    assert done.at == 1
    assert ak.validity_error(record) == ""
    expected = source.layout[1]
    assert ak.fields(done) == ak.fields(expected)
    assert done["y"].to_list() == expected["y"].to_list() == []


def test_unknown_length_type_reads_nothing():
    from awkward._nplikes.shape import unknown_length

    layout = sample()
    form, _, buffers = ak.to_buffers(layout)
    calls = Counter()

    def make(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    lazy = ak.from_buffers(form, unknown_length, {k: make(k) for k in buffers}, highlevel=False)
    assert lazy.length is unknown_length
    assert ak.type(lazy).length is unknown_length
    assert str(ak.type(lazy)).startswith("## * {x: float64")
    assert ak.to_buffers(lazy)[1] is unknown_length
    assert calls == {}
