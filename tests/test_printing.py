"""Printing of ak.Array / ak.Record: every layout type, elision, widths, and ?? for lazy values.

Printing never materializes: in the virtualized test mode every buffer starts virtual, so
the tests that check printed values materialize their arrays first (``concrete``)."""

from __future__ import annotations

import io

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8


def concrete(layout):
    """An ak.Array over the layout with every buffer materialized (both test modes)."""
    return ak.Array(layout.materialize())


def numbers(*values, dtype=np.int64):
    return NumpyArray(np.array(values, dtype=dtype))


def offsets(*values):
    return Index64(np.array(values, dtype=np.int64))


def shown(array, **kwargs):
    return array.show(stream=None, **kwargs)


# ---------------------------------------------------------------------- every layout type
@pytest.mark.parametrize(
    ("make", "expected_value", "expected_type"),
    [
        (lambda: EmptyArray(), "[]", "0 * unknown"),
        (lambda: numbers(1, 2, 3), "[1, 2, 3]", "3 * int64"),
        (lambda: numbers(1.5, 2.25, dtype=np.float64), "[1.5, 2.25]", "2 * float64"),
        (lambda: numbers(True, False, dtype=np.bool_), "[True, False]", "2 * bool"),
        (lambda: NumpyArray(np.arange(6).reshape(2, 3)), "[[0, 1, 2], [3, 4, 5]]", "2 * 3 * int64"),
        (lambda: RegularArray(numbers(1, 2, 3, 4), 2), "[[1, 2], [3, 4]]", "2 * 2 * int64"),
        (
            lambda: ListOffsetArray(offsets(0, 3, 3, 5), numbers(1, 2, 3, 4, 5)),
            "[[1, 2, 3], [], [4, 5]]",
            "3 * var * int64",
        ),
        (
            lambda: ListArray(offsets(3, 0), offsets(5, 1), numbers(1, 2, 3, 4, 5)),
            "[[4, 5], [1]]",
            "2 * var * int64",
        ),
        (
            lambda: RecordArray([numbers(1, 2), numbers(1.5, 2.5, dtype=np.float64)], ["x", "y"]),
            "[{x: 1, y: 1.5}, {x: 2, y: 2.5}]",
            "2 * {x: int64, y: float64}",
        ),
        (
            lambda: RecordArray([numbers(1, 2), numbers(3, 4)], None),
            "[(1, 3), (2, 4)]",
            "2 * (int64, int64)",
        ),
        (
            lambda: IndexedArray(offsets(2, 0, 0), numbers(10, 20, 30)),
            "[30, 10, 10]",
            "3 * int64",
        ),
        (
            lambda: IndexedOptionArray(offsets(1, -1, 0), numbers(10, 20)),
            "[20, None, 10]",
            "3 * ?int64",
        ),
        (
            lambda: ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), numbers(1, 2, 3), True),
            "[1, None, 3]",
            "3 * ?int64",
        ),
        (
            lambda: BitMaskedArray(
                IndexU8(np.array([0b101], np.uint8)), numbers(1, 2, 3), True, 3, True
            ),
            "[1, None, 3]",
            "3 * ?int64",
        ),
        (lambda: UnmaskedArray(numbers(7, 8)), "[7, 8]", "2 * ?int64"),
        (
            lambda: UnionArray(
                Index8(np.array([0, 1, 0], np.int8)),
                offsets(0, 0, 1),
                [numbers(1, 2), ListOffsetArray(offsets(0, 2), numbers(5, 6))],
            ),
            "[1, [5, 6], 2]",
            "3 * union[int64, var * int64]",
        ),
    ],
)
def test_every_layout_type(make, expected_value, expected_type):
    array = concrete(make())
    assert str(array) == expected_value
    rep = repr(array)
    assert rep.startswith("<Array ") and rep.endswith(f" type='{expected_type}'>")
    value = rep[len("<Array ") : -len(f" type='{expected_type}'>")]
    assert value == expected_value or ("..." in value and len(rep) <= 80)
    # the multi-line form holds the same values, one row per line
    lines = shown(array).split("\n")
    assert len(lines) == max(len(array), 1) or len(array) == 0
    assert shown(array, type=True).startswith("type: ")


def test_record_repr_and_show():
    array = concrete(RecordArray([numbers(1, 2), numbers(1.5, 2.5, dtype=np.float64)], ["x", "y"]))
    record = array[1]
    assert isinstance(record, ak.Record)
    assert str(record) == "{x: 2, y: 2.5}"
    assert repr(record) == "<Record {x: 2, y: 2.5} type='{x: int64, y: float64}'>"
    assert shown(record) == "{x: 2,\n y: 2.5}"


def test_strings_and_bytestrings():
    chars = NumpyArray(np.frombuffer(b"heythere'q", np.uint8), parameters={"__array__": "char"})
    strings = ListOffsetArray(offsets(0, 3, 8, 10), chars, parameters={"__array__": "string"})
    array = concrete(strings)
    assert str(array) == "['hey', 'there', \"'q\"]"
    assert repr(array).endswith("type='3 * string'>")
    raw = NumpyArray(np.frombuffer(b"ab\x00c", np.uint8), parameters={"__array__": "byte"})
    byte_strings = ListOffsetArray(offsets(0, 2, 4), raw, parameters={"__array__": "bytestring"})
    assert str(concrete(byte_strings)) == "[b'ab', b'\\x00c']"


def test_floats_and_complex_use_three_significant_digits():
    array = concrete(numbers(1 / 3, 123456789.0, float("nan"), -float("inf"), dtype=np.float64))
    assert str(array) == "[0.333, 1.23e+08, nan, -inf]"
    assert str(concrete(numbers(1 + 2j, dtype=np.complex128))) == "[1+2j]"


# ---------------------------------------------------------------------- elision and widths
def test_long_arrays_are_elided_in_the_middle():
    array = concrete(NumpyArray(np.arange(1000)))
    text = str(array)
    assert len(text) <= 80
    assert text.startswith("[0, 1, 2, ") and text.endswith(", 998, 999]")
    assert ", ..., " in text
    rep = repr(array)
    assert len(rep) <= 80 and ", ..., " in rep and rep.endswith("type='1000 * int64'>")


@pytest.mark.parametrize("rows", [2, 3, 4, 5, 10, 20])
def test_show_respects_limit_rows(rows):
    array = concrete(NumpyArray(np.arange(100)))
    lines = shown(array, limit_rows=rows).split("\n")
    assert len(lines) == rows
    assert lines[0] == "[0,"
    assert " ...," in lines or " ...]" in lines
    # more rows at the front than at the back
    assert lines[1 : (rows + 1) // 2] == [f" {i}," for i in range(1, (rows + 1) // 2)]


@pytest.mark.parametrize("width", [30, 50, 80, 120])
def test_lines_fit_limit_cols(width):
    content = NumpyArray(np.arange(2000) * 1.1)
    jagged = ListOffsetArray(offsets(*range(0, 2001, 100)), content)
    array = concrete(jagged)
    for line in shown(array, limit_cols=width).split("\n"):
        assert len(line) <= width


def test_nested_records_are_elided_with_braces():
    inner = RecordArray([numbers(*range(50)), numbers(*range(50))], ["a", "b"])
    outer = RecordArray(
        [numbers(*range(50)), ListOffsetArray(offsets(*range(0, 51)), inner)], ["x", "y"]
    )
    array = concrete(outer)
    text = repr(array)
    assert len(text) <= 80
    assert text.startswith("<Array [{x: 0, y: [{") and "{...}" in text and "..." in text
    assert str(array).startswith("[{x: 0, y: [{a: 0, b: 0}]}, ")
    # a record with no room at all prints as {...}; one without room for every field ends in ...
    narrow = array[49].show(limit_rows=1, limit_cols=12, stream=None)
    assert narrow in ("{x: 49, ...}", "{...}")
    assert array[0].show(limit_rows=1, limit_cols=8, stream=None) == "{...}"


def test_terminal_width_narrows_repr(monkeypatch):
    array = concrete(NumpyArray(np.arange(1000)))
    monkeypatch.setenv("COLUMNS", "50")
    assert len(repr(array)) <= 50
    monkeypatch.setenv("COLUMNS", "200")
    assert len(repr(array)) <= 80  # never wider than awkward's 80 columns


def test_type_line_and_stream():
    array = concrete(ListOffsetArray(offsets(0, 1), numbers(1)))
    stream = io.StringIO()
    assert array.show(type=True, nbytes=True, backend=True, stream=stream) is None
    lines = stream.getvalue().split("\n")
    assert lines[0] == "type: 1 * var * int64"
    assert lines[1].startswith("nbytes: ") and lines[2] == "backend: cpu"
    assert lines[3] == "[[1]]"


# ---------------------------------------------------------------------- laziness
def _lazy(array):
    """The array rebuilt from its buffers with counting generators (virtual buffers)."""
    form, length, buffers = ak.to_buffers(ak.materialize(array))
    calls = []

    def generator(key, value):
        def generate():
            calls.append(key)
            return value

        return generate

    container = {key: generator(key, value) for key, value in buffers.items()}
    return ak.from_buffers(form, length, container), calls


def test_virtual_array_prints_question_marks_and_runs_no_generator():
    array = concrete(ListOffsetArray(offsets(0, 3, 3, 5), numbers(1, 2, 3, 4, 5)))
    lazy, calls = _lazy(array)
    assert repr(lazy) == "<Array [??, ??, ??] type='3 * var * int64'>"
    assert str(lazy) == "[??, ??, ??]"
    assert shown(lazy, type=True) == "type: 3 * var * int64\n[??,\n ??,\n ??]"
    assert calls == []


def test_virtual_records_print_question_marks_per_field():
    layout = RecordArray(
        [numbers(1, 2), ListOffsetArray(offsets(0, 2, 2), numbers(1.5, 2.5, dtype=np.float64))],
        ["x", "y"],
    )
    lazy, calls = _lazy(concrete(layout))
    assert str(lazy) == "[{x: ??, y: ??}, {x: ??, y: ??}]"
    assert repr(lazy[0]).startswith("<Record {x: ??, y: ??} type=")
    assert calls == []
    # touching one field's buffer shows that field's values, and only those
    lazy.layout.content("x").data.materialize()
    assert str(lazy) == "[{x: 1, y: ??}, {x: 2, y: ??}]"
    assert len(calls) == 1


def test_partly_materialized_list_shows_known_structure():
    lazy, calls = _lazy(concrete(ListOffsetArray(offsets(0, 2, 3), numbers(1, 2, 3))))
    lazy.layout.offsets.data.materialize()
    assert str(lazy) == "[[??, ??], [??]]"
    assert len(calls) == 1


def test_printing_a_virtualized_array_does_not_materialize_it():
    lazy, calls = _lazy(concrete(numbers(*range(100))))
    for _ in range(3):
        repr(lazy), str(lazy), shown(lazy, type=True)
    assert calls == []
    assert not lazy.layout.is_any_materialized
