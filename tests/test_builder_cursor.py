"""ArrayBuilder's cursor (awkward/builder.py): calls land on the innermost open node, end_*
calls walk from the root when a union is on the way, and lists of numbers take a shortcut to
their column. Whatever route a call takes, the result must be what the data say: random
nested values are replayed as explicit calls and compared with a pure-Python model (the
values themselves) and with the type the append path (``from_iter``) gives."""

from __future__ import annotations

import random

import pytest

import awkward as ak
from awkward.builder import ArrayBuilder


def replay(builder, value):
    """Feed ``value`` as explicit calls (the model of what ``append`` means)."""
    if value is None:
        builder.null()
    elif isinstance(value, bool):
        builder.boolean(value)
    elif isinstance(value, int):
        builder.integer(value)
    elif isinstance(value, float):
        builder.real(value)
    elif isinstance(value, str):
        builder.string(value)
    elif isinstance(value, list):
        builder.begin_list()
        for item in value:
            replay(builder, item)
        builder.end_list()
    elif isinstance(value, tuple):
        builder.begin_tuple(len(value))
        for i, item in enumerate(value):
            builder.index(i)
            replay(builder, item)
        builder.end_tuple()
    else:
        builder.begin_record()
        for key, item in value.items():
            builder.field(key)
            replay(builder, item)
        builder.end_record()


def random_value(rng, depth, kinds):
    kind = rng.choice(kinds if depth < 3 else [k for k in kinds if k in ("int", "float", "none", "str", "bool")])
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.randrange(-5, 100)
    if kind == "float":
        return rng.randrange(100) / 4
    if kind == "str":
        return "s" * rng.randrange(4)
    if kind == "list":
        return [random_value(rng, depth + 1, kinds) for _ in range(rng.randrange(4))]
    if kind == "tuple":
        return (random_value(rng, depth + 1, kinds), random_value(rng, depth + 1, kinds))
    return {"x": random_value(rng, depth + 1, kinds), "y": [random_value(rng, depth + 1, kinds)]}


KINDS = [
    ["list", "float"],
    ["list", "int", "float"],
    ["record", "list", "float"],
    ["record", "list", "int", "none"],
    ["list", "float", "str"],  # unions inside lists: end_list walks from the root
    ["record", "list", "float", "bool", "none"],
    ["tuple", "list", "int", "float"],
    ["record", "tuple", "list", "int", "float", "str", "none", "bool"],
]


@pytest.mark.parametrize("seed", range(40))
def test_explicit_calls_match_the_model(seed):
    rng = random.Random(seed)
    kinds = KINDS[seed % len(KINDS)]
    data = [random_value(rng, 0, kinds) for _ in range(rng.randrange(1, 30))]
    builder = ArrayBuilder()
    for value in data:
        replay(builder, value)
    layout = builder.snapshot()
    assert layout.to_list() == data
    assert layout.form.type == ak.from_iter(data, highlevel=False).form.type


@pytest.mark.parametrize("seed", range(20))
def test_append_inside_open_lists_matches_the_model(seed):
    rng = random.Random(100 + seed)
    kinds = KINDS[seed % len(KINDS)]
    data = [[random_value(rng, 1, kinds) for _ in range(rng.randrange(4))] for _ in range(10)]
    builder = ArrayBuilder()
    for row in data:
        builder.begin_list()
        for item in row:
            builder.append(item)  # a whole object at the cursor
        builder.end_list()
    assert builder.snapshot().to_list() == data


def test_number_shortcut_is_dropped_by_other_calls():
    builder = ArrayBuilder()
    builder.begin_list()
    builder.real(1.5)
    builder.real(2.5)  # the shortcut
    builder.integer(3)  # into the float column
    builder.null()  # the content becomes an option
    builder.real(4.0)
    builder.string("a")  # ... and a union
    builder.real(5.0)
    builder.end_list()
    builder.begin_list()
    builder.integer(1)
    builder.integer(2)
    builder.real(0.5)  # ints promote to floats (inside the union)
    builder.end_list()
    assert builder.snapshot().to_list() == [[1.5, 2.5, 3.0, None, 4.0, "a", 5.0], [1, 2, 0.5]]


def test_integer_shortcut_overflow_is_the_usual_error():
    builder = ArrayBuilder()
    builder.begin_list()
    builder.integer(1)
    builder.integer(2)
    with pytest.raises(ValueError, match="integer out of range for int64"):
        builder.integer(2**70)
    builder.integer(3)
    builder.end_list()
    assert builder.snapshot().to_list() == [[1, 2, 3]]


def test_field_filled_twice_is_an_error_on_every_route():
    builder = ArrayBuilder()
    builder.begin_record()
    builder.field("x").real(1.0)
    with pytest.raises(ValueError, match="filled more than once"):
        builder.real(2.0)
    with pytest.raises(ValueError, match="filled more than once"):
        builder.field("x")
    builder.field("y").integer(1)
    builder.end_record()
    assert builder.snapshot().to_list() == [{"x": 1.0, "y": 1}]


def test_misuse_errors_leave_the_builder_usable():
    builder = ArrayBuilder()
    builder.begin_list()
    builder.real(1.0)
    with pytest.raises(ValueError, match="end_record"):
        builder.end_record()
    with pytest.raises(ValueError, match="field"):
        builder.field("x")
    builder.real(2.0)
    builder.end_list()
    with pytest.raises(ValueError, match="end_list"):
        builder.end_list()
    builder.begin_record()
    with pytest.raises(ValueError, match="without selecting"):
        builder.real(1.0)
    builder.field("a").real(3.0)
    builder.end_record()
    assert builder.snapshot().to_list() == [[1.0, 2.0], {"a": 3.0}]


def test_setting_the_root_from_outside_resets_the_cursor():
    # the numba builder replays calls into the nodes and sets ``_root``
    builder = ArrayBuilder()
    builder.begin_list()
    builder.real(1.0)
    root = builder._root
    root = root.real(2.0)
    builder._root = root
    builder.real(3.0)
    builder.end_list()
    other = ArrayBuilder()
    other.begin_list()
    other.real(9.0)
    builder._root = other._root  # a different tree, still open
    builder.real(10.0)
    builder.end_list()
    assert builder.snapshot().to_list() == [[9.0, 10.0]]
    assert len(builder) == 1


def test_clear_resets_the_cursor():
    builder = ArrayBuilder()
    builder.begin_list()
    builder.real(1.0)
    builder.clear()
    builder.integer(5)
    assert builder.snapshot().to_list() == [5]


def test_highlevel_append_of_arrays_and_records():
    builder = ak.ArrayBuilder()
    builder.append(ak.Array([1, 2]))
    builder.append(ak.Record({"x": 1}))
    builder.append({"x": 2})
    assert builder.snapshot().to_list() == [[1, 2], {"x": 1}, {"x": 2}]
