"""Acceptance checks for issue 4 (layouts, forms, types, from_buffers/to_buffers with lazy
buffers), on layouts of all twelve content classes and deep nestings of them.

Each layout goes through ak.to_buffers and comes back through ak.from_buffers with counting
generators; then: metadata reads nothing, values equal the original, touching one record field
reads only the buffers below it (and its ancestors' offsets/index), the caching switch works
per key, and a generator that returns a wrong dtype or length is a ValueError naming its key.
"""

from __future__ import annotations

import copy
import pickle
import re
from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.shape import unknown_length
from awkward.index import Index8, Index32, Index64, IndexU8, IndexU32

C = ak.contents


# ---------------------------------------------------------------------- layouts
def numbers(n, dtype=np.float64, start=0):
    return C.NumpyArray(np.arange(start, start + n, dtype=dtype))


def union_of_int_and_list():
    return C.UnionArray(
        Index8(np.array([1, 0, 1, 0, 1], np.int8)),
        Index64(np.array([0, 0, 1, 1, 2])),
        [
            numbers(2, np.int64, 100),
            C.ListOffsetArray(Index32(np.array([0, 1, 1, 3], np.int32)), numbers(3, np.float32)),
        ],
    )


def option_of_union():
    # an option of a union is stored as a union of options (as awkward does)
    return C.IndexedOptionArray.simplified(
        Index64(np.array([4, -1, 0, 2, -1, 1])), union_of_int_and_list()
    )


def records_of_options_of_unions():
    """{u: ?union[int64, var * float32], m: ?float64 (bytemask), b: ?int32 (bitmask), t: (bool, uint8)}"""
    m = C.ByteMaskedArray(
        Index8(np.array([1, 0, 1, 1, 0, 1], np.int8)), numbers(6), valid_when=True
    )
    b = C.BitMaskedArray(
        IndexU8(np.array([0b00100100], np.uint8)),
        numbers(6, np.int32),
        valid_when=False,
        length=6,
        lsb_order=True,
    )
    t = C.RecordArray(
        [C.NumpyArray(np.array([1, 0, 1, 1, 0, 0], np.bool_)), numbers(6, np.uint8)], None
    )
    return C.RecordArray([option_of_union(), m, b, t], ["u", "m", "b", "t"])


def list_of_records_of_options_of_unions():
    return C.ListOffsetArray(Index64(np.array([0, 2, 2, 6])), records_of_options_of_unions())


def listarray_of_regular_of_indexed():
    inner = C.IndexedArray(Index32(np.array([3, 2, 1, 0, 1, 2], np.int32)), numbers(4, np.int16))
    regular = C.RegularArray(inner, 2)
    return C.ListArray(
        IndexU32(np.array([2, 0, 1], np.uint32)), IndexU32(np.array([3, 1, 3], np.uint32)), regular
    )


def unmasked_records_with_empty_and_2d():
    return C.UnmaskedArray(
        C.RecordArray(
            [
                C.NumpyArray(np.arange(12, dtype=np.float64).reshape(3, 4)),
                C.ListOffsetArray(Index64(np.array([0, 0, 0, 0])), C.EmptyArray()),
            ],
            ["grid", "nothing"],
            parameters={"__record__": "Cell"},
        )
    )


def records_of_records():
    inner = C.RecordArray([numbers(3), numbers(3, np.int64, 10)], ["p", "q"])
    return C.RecordArray([inner, numbers(3, np.float32, 5)], ["inner", "r"])


LAYOUTS = {
    "EmptyArray": C.EmptyArray,
    "NumpyArray": lambda: numbers(4),
    "RegularArray": lambda: C.RegularArray(numbers(6), 3),
    "ListArray": lambda: C.ListArray(
        Index64(np.array([1, 0])), Index64(np.array([3, 0])), numbers(4)
    ),
    "ListOffsetArray": lambda: C.ListOffsetArray(Index64(np.array([0, 2, 3])), numbers(3)),
    "RecordArray": records_of_records,
    "IndexedArray": lambda: C.IndexedArray(Index64(np.array([1, 1, 0])), numbers(2)),
    "IndexedOptionArray": lambda: C.IndexedOptionArray(
        Index64(np.array([2, -1, 0])), C.ListOffsetArray(Index64(np.array([0, 2, 3, 3])), numbers(3))
    ),
    "option of union": option_of_union,
    "ByteMaskedArray": lambda: records_of_options_of_unions().content("m"),
    "BitMaskedArray": lambda: records_of_options_of_unions().content("b"),
    "UnmaskedArray": unmasked_records_with_empty_and_2d,
    "UnionArray": union_of_int_and_list,
    "list of records of options of unions": list_of_records_of_options_of_unions,
    "list of regular of indexed": listarray_of_regular_of_indexed,
}


class Lazy:
    """A layout rebuilt by ak.from_buffers over counting generators of its buffers."""

    def __init__(self, layout, length=None, **kwargs):
        self.layout = layout
        self.form, self.length, self.buffers = ak.to_buffers(layout)
        self.calls = Counter()
        self.array = ak.from_buffers(
            self.form,
            self.length if length is None else length,
            {key: self._generator(key) for key in self.buffers},
            highlevel=False,
            **kwargs,
        )

    def _generator(self, key):
        def generate():
            self.calls[key] += 1
            return self.buffers[key]

        return generate


def keys_below(form):
    return set(form.expected_from_buffers())


def own_keys(form):
    """Buffer keys of this node only (offsets, index, mask, ...), not of its contents."""
    below = keys_below(form)
    for child in getattr(form, "contents", None) or (
        [form.content] if hasattr(form, "content") else []
    ):
        below -= keys_below(child)
    return below


@pytest.fixture(params=sorted(LAYOUTS), ids=str)
def layout(request):
    return LAYOUTS[request.param]()


def test_all_twelve_content_classes_are_covered():
    seen = set()

    def walk(node):
        seen.add(type(node).__name__)
        for child in node.contents if isinstance(node, (C.RecordArray, C.UnionArray)) else (
            [node.content] if hasattr(node, "content") and not isinstance(node, C.NumpyArray) else []
        ):
            walk(child)

    for make in LAYOUTS.values():
        walk(make())
    assert seen >= {
        "EmptyArray", "NumpyArray", "RegularArray", "ListArray", "ListOffsetArray",
        "RecordArray", "IndexedArray", "IndexedOptionArray", "ByteMaskedArray",
        "BitMaskedArray", "UnmaskedArray", "UnionArray",
    }  # fmt: skip


# ---------------------------------------------------------------------- laziness
@pytest.mark.parametrize("length", ["known", "unknown"])
def test_metadata_runs_no_generator(layout, length):
    lazy = Lazy(layout, length=unknown_length if length == "unknown" else None)
    if length == "unknown" and not lazy.buffers:
        pytest.skip("no buffer to learn the length from")
    array = lazy.array
    highlevel = ak.Array(array)
    if length == "known":
        assert len(array) == len(layout) and len(highlevel) == len(layout)
    assert array.form == layout.form
    assert highlevel.layout.form == layout.form
    if length == "known":
        assert str(ak.type(highlevel)) == str(ak.type(ak.Array(layout)))
    assert str(ak.type(array)) .endswith(str(layout.form.type))
    assert ak.fields(highlevel) == ak.fields(layout) == layout.fields
    assert ak.is_tuple(highlevel) == layout.is_tuple
    form, _, container = ak.to_buffers(highlevel)
    assert form == lazy.form and set(container) == set(lazy.buffers)
    repr(array)
    if length == "known":  # printing values of unknown length needs the length
        repr(highlevel)
    copy.deepcopy(array)
    assert lazy.calls == {}
    assert not array.is_any_materialized or not lazy.buffers


def test_values_equal_and_each_generator_runs_once(layout):
    lazy = Lazy(layout)
    assert lazy.array.to_list() == layout.to_list()
    assert lazy.array.to_list() == layout.to_list()
    assert set(lazy.calls) <= set(lazy.buffers)
    assert all(n == 1 for n in lazy.calls.values())
    done = ak.materialize(lazy.array, highlevel=False)
    assert done.is_all_materialized
    assert set(lazy.calls) == set(lazy.buffers)
    assert all(n == 1 for n in lazy.calls.values())
    assert done.to_list() == layout.to_list()


def test_validity_packed_copy_pickle(layout):
    lazy = Lazy(layout)
    assert lazy.array.validity_error() == ""
    packed = lazy.array.to_packed()
    assert packed.to_list() == layout.to_list()
    assert lazy.array.copy().to_list() == layout.to_list()
    restored = pickle.loads(pickle.dumps(Lazy(layout).array))
    assert restored.to_list() == layout.to_list()
    assert restored.form == layout.form


def _record_nodes(form, path=()):
    """(path to a record form, record form, keys of every ancestor node) for each record."""
    out = []

    def walk(node, ancestors):
        if isinstance(node, ak.forms.RecordForm):
            out.append((node, set(ancestors)))
        children = node.contents if hasattr(node, "contents") else (
            [node.content] if hasattr(node, "content") else []
        )
        for child in children:
            walk(child, ancestors | own_keys(node))

    walk(form, set())
    return out


@pytest.mark.parametrize(
    "name",
    ["RecordArray", "list of records of options of unions", "UnmaskedArray"],
)
def test_touching_one_field_reads_only_that_field_and_its_ancestors(name):
    layout = LAYOUTS[name]()
    form = ak.to_buffers(layout)[0]
    for record_form, ancestor_keys in _record_nodes(form):
        for field in record_form.fields:
            lazy = Lazy(layout)
            highlevel = ak.Array(lazy.array)
            # descend to this record by field names: every record on the path is addressed
            path = _path_to(form, record_form)
            selected = highlevel
            for step in path + [field]:
                selected = selected[step]
            assert lazy.calls == {}
            ak.to_list(selected)
            allowed = keys_below(record_form.content(field)) | ancestor_keys
            assert set(lazy.calls) <= allowed, (field, set(lazy.calls) - allowed)
            assert all(n == 1 for n in lazy.calls.values())
            siblings = set().union(
                *(keys_below(record_form.content(f)) for f in record_form.fields if f != field)
            )
            assert not (set(lazy.calls) & siblings)


def _path_to(form, target):
    def walk(node, path):
        if node is target:
            return path
        if isinstance(node, ak.forms.RecordForm):
            for field in node.fields:
                found = walk(node.content(field), path + [field])
                if found is not None:
                    return found
            return None
        children = node.contents if hasattr(node, "contents") else (
            [node.content] if hasattr(node, "content") else []
        )
        for child in children:
            found = walk(child, path)
            if found is not None:
                return found
        return None

    return walk(form, [])


def test_caching_switch_per_key():
    layout = list_of_records_of_options_of_unions()
    form = ak.to_buffers(layout)[0]
    m_form = form.content.content("m")
    uncached = m_form.content.form_key  # the float64 data below field m

    def rule(form_key, attribute):
        return form_key != uncached

    lazy = Lazy(layout, enable_virtualarray_caching=rule)
    array = ak.Array(lazy.array)
    assert array.m.tolist() == ak.Array(layout).m.tolist()
    assert array.m.tolist() == ak.Array(layout).m.tolist()
    data_key = f"{uncached}-data"
    assert lazy.calls[data_key] == 2  # not cached: generated on each touch
    assert all(n == 1 for key, n in lazy.calls.items() if key != data_key)
    assert lazy.array.is_any_materialized
    assert not lazy.array.is_all_materialized
    assert not lazy.array.content.content("m").content.is_any_materialized
    assert lazy.array.content.content("m").mask.is_all_materialized
    assert not lazy.array.content.content("u").is_any_materialized

    everything_off = Lazy(layout, enable_virtualarray_caching=False)
    everything_off.array.to_list()
    everything_off.array.to_list()
    assert not everything_off.array.is_any_materialized
    assert all(n >= 2 for n in everything_off.calls.values())


# ---------------------------------------------------------------------- bad generators
def _bad_variants(value):
    value = np.asarray(value)
    other = np.float32 if value.dtype != np.float32 else np.float64
    yield "dtype", value.astype(other)
    if len(value) > 0:
        yield "length", value[: len(value) // 2]


@pytest.mark.parametrize("name", ["list of records of options of unions", "list of regular of indexed"])
def test_generator_with_wrong_dtype_or_length_names_its_buffer_key(name):
    layout = LAYOUTS[name]()
    form, length, buffers = ak.to_buffers(layout)
    checked = 0
    for key, value in buffers.items():
        for kind, bad in _bad_variants(value):
            if kind == "length" and len(bad) * 2 < len(value) and len(value) <= 1:
                continue
            calls = Counter()

            def make(k, v, calls=calls, bad=bad, key=key):
                def generate():
                    calls[k] += 1
                    return bad if k == key else v

                return generate

            array = ak.from_buffers(
                form, length, {k: make(k, v) for k, v in buffers.items()}, highlevel=False
            )
            assert calls == {}  # the error comes at materialization, not before
            with pytest.raises(ValueError) as info:
                ak.materialize(array, highlevel=False)
            assert repr(key) in str(info.value) or key in str(info.value), (key, kind, info.value)
            checked += 1
    assert checked >= 2 * len(buffers) - 2


# ---------------------------------------------------------------------- round trips
def test_form_dict_json_round_trip(layout):
    form = layout.form
    assert ak.forms.from_dict(form.to_dict()) == form
    assert ak.forms.from_json(form.to_json()) == form
    assert ak.forms.from_dict(form.to_dict(verbose=False)) == form
    zero = form.length_zero_array()
    assert len(zero) == 0 and zero.form.type == form.type


def test_type_string_round_trip(layout):
    array_type = ak.type(ak.Array(layout))
    text = str(array_type)
    assert str(ak.types.from_datashape(text, highlevel=True)) == text
    inner = str(layout.form.type)
    assert str(ak.types.from_datashape(inner, highlevel=False)) == inner


@pytest.mark.parametrize("text", ["3 * var *", "{x: int64", "?", "int64 int64", "var * {x: }", "union["])
def test_malformed_datashape_is_a_clear_error(text):
    with pytest.raises(ValueError):
        ak.types.from_datashape(text, highlevel=False)


def test_short_primitive_strings_in_forms():
    assert ak.forms.from_dict("i64") == ak.forms.from_dict("int64")
    assert ak.forms.from_dict({"class": "ListOffsetArray", "offsets": "i32", "content": "f32"}) == (
        ak.forms.ListOffsetForm("i32", ak.forms.NumpyForm("float32"))
    )


@pytest.mark.parametrize("length", ["known", "unknown"])
def test_buffers_round_trip_plain_and_lazy(layout, length):
    form, n, buffers = ak.to_buffers(layout)
    if length == "unknown" and not buffers:
        pytest.skip("no buffer to learn the length from")
    target = unknown_length if length == "unknown" else n
    plain = ak.from_buffers(form, target, buffers, highlevel=False)
    lazy = Lazy(layout, length=target)
    assert plain.to_list() == lazy.array.to_list() == layout.to_list()
    # and through a second round trip of the lazy array, still lazy
    again = Lazy(layout)
    form2, n2, buffers2 = ak.to_buffers(again.array)
    assert again.calls == {}
    assert ak.from_buffers(form2, n2, buffers2, highlevel=False).to_list() == layout.to_list()


# ---------------------------------------------------------------------- validity errors
def test_validity_error_on_broken_offsets_out_of_range_index_and_bad_tags():
    broken = {
        "offsets": C.ListOffsetArray(Index64(np.array([0, 3, 2])), numbers(3)),
        "offsets beyond content": C.ListOffsetArray(Index64(np.array([0, 2, 9])), numbers(3)),
        "index": C.IndexedArray(Index64(np.array([0, 5])), numbers(2)),
        "option index": C.IndexedOptionArray(Index64(np.array([-1, 2])), numbers(2)),
        "tags": C.UnionArray(
            Index8(np.array([0, 2], np.int8)),
            Index64(np.array([0, 0])),
            [numbers(1), numbers(1, np.int64)],
        ),
        "union index": C.UnionArray(
            Index8(np.array([0, 1], np.int8)),
            Index64(np.array([0, 4])),
            [numbers(1), numbers(1, np.int64)],
        ),
    }
    for name, layout in broken.items():
        message = layout.validity_error()
        assert message, name
        # the same through lazy buffers. from_buffers sizes a content by what its parent
        # reaches (offsets[-1], max(index) + 1), so a too-short content is refused there,
        # naming the buffer; otherwise lazy and concrete round trips report the same problem
        form, length, buffers = ak.to_buffers(layout)
        try:
            concrete = ak.from_buffers(form, length, buffers, highlevel=False)
        except ValueError as err:
            assert re.search(r"buffer .node\d-data", str(err)), (name, err)
            continue
        lazy = ak.from_buffers(
            form, length, {k: (lambda v=v: v) for k, v in buffers.items()}, highlevel=False
        )
        assert lazy.validity_error() == concrete.validity_error()
        if not concrete.validity_error():
            # virtualized mode: the buffer is lazy, its size is checked when it is read
            with pytest.raises(ValueError, match=r"buffer .node\d-data"):
                concrete.to_list()
        record = C.RecordArray([layout], ["field"])
        assert "field" in record.validity_error()
        assert not ak.is_valid(ak.Array(record))


def test_to_buffers_of_nd_data_with_unknown_length_reads_nothing():
    """Regression: flattening N-d data of unknown length used to materialize it."""
    calls = Counter()

    def generate():
        calls["grid"] += 1
        return np.arange(12.0).reshape(3, 4)

    form = ak.forms.from_dict({"class": "NumpyArray", "primitive": "float64", "inner_shape": [4], "form_key": "node0"})
    array = ak.from_buffers(form, unknown_length, {"node0-data": generate}, highlevel=False)
    form2, length2, buffers2 = ak.to_buffers(array)
    assert calls == {}
    assert length2 is unknown_length
    again = ak.from_buffers(form2, length2, buffers2, highlevel=False)
    assert again.to_list() == np.arange(12.0).reshape(3, 4).tolist()
    assert calls["grid"] == 1
