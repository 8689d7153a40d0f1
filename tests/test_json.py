"""ak.from_json / ak.to_json: strings, files, line-delimited, nan/inf strings, errors."""

from __future__ import annotations

import io
import json
import math
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**50), 2**50) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    max_leaves=12,
)


@st.composite
def _uniform_records(draw):
    # one record type, so that the round trip is exact
    n = draw(st.integers(0, 5))
    return [
        {
            "x": draw(st.integers(-1000, 1000)),
            "y": draw(st.lists(st.text(max_size=3), max_size=3)),
            "z": draw(st.none() | st.booleans()),
        }
        for _ in range(n)
    ]


@settings(max_examples=100, deadline=None)
@given(_uniform_records())
def test_json_round_trip_exact(data):
    text = json.dumps(data)
    layout = ak.from_json(text, highlevel=False)
    assert ak.to_list(layout) == data
    assert json.loads(ak.to_json(layout)) == data


@settings(max_examples=100, deadline=None)
@given(st.lists(_json_values, max_size=5))
def test_json_round_trip_any_document(data):
    layout = ak.from_json(json.dumps(data), highlevel=False)
    again = ak.from_json(ak.to_json(layout), highlevel=False)
    assert ak.to_list(again) == ak.to_list(layout)


def test_top_level_kinds():
    assert ak.to_list(ak.from_json('{"x": 1}', highlevel=False)) == {"x": 1}
    assert isinstance(ak.from_json('{"x": 1}', highlevel=False), ak.record.Record)
    assert ak.from_json("3") == 3
    assert ak.from_json(b'[1, 2]', highlevel=False).to_list() == [1, 2]


def test_nan_and_inf_strings():
    layout = ak.from_json(
        '[1, "NaN", "Inf", "-Inf"]', nan_string="NaN", posinf_string="Inf", neginf_string="-Inf",
        highlevel=False,
    )
    values = layout.to_list()
    assert values[0] == 1 and math.isnan(values[1]) and values[2] == math.inf and values[3] == -math.inf
    out = ak.to_json(layout, nan_string="NaN", posinf_string="Inf", neginf_string="-Inf")
    assert out == '[1.0,"NaN","Inf","-Inf"]'
    with pytest.raises(ValueError, match="nan_string"):
        ak.to_json(layout)


def test_complex_record_fields():
    layout = ak.from_json('[{"r": 1, "i": 2}, {"r": 0.5, "i": 0}]', complex_record_fields=("r", "i"),
                          highlevel=False)
    assert layout.to_list() == [1 + 2j, 0.5 + 0j]
    assert ak.to_json(layout, complex_record_fields=("r", "i")) == '[{"r":1.0,"i":2.0},{"r":0.5,"i":0.0}]'
    with pytest.raises(TypeError, match="complex_record_fields"):
        ak.to_json(layout)


def test_line_delimited():
    text = '{"x": 1}\n\n{"x": 2}\n'
    layout = ak.from_json(text, line_delimited=True, highlevel=False)
    assert layout.to_list() == [{"x": 1}, {"x": 2}]
    assert ak.to_json(layout, line_delimited=True) == '{"x":1}\n{"x":2}\n'
    with pytest.raises(ValueError, match="line 2"):
        ak.from_json('{"x": 1}\n{"x": \n', line_delimited=True)


def test_files(tmp_path):
    layout = ak.from_iter([[1, 2], [], [3]], highlevel=False)
    path = tmp_path / "out.json"
    assert ak.to_json(layout, str(path)) is None
    assert ak.from_json(pathlib.Path(path), highlevel=False).to_list() == [[1, 2], [], [3]]
    buffer = io.StringIO()
    ak.to_json(layout, buffer, line_delimited=True)
    buffer.seek(0)
    assert ak.from_json(buffer, line_delimited=True, highlevel=False).to_list() == [[1, 2], [], [3]]
    with pytest.raises(ValueError, match="cannot read"):
        ak.from_json(tmp_path / "missing.json")


def test_formatting_options():
    layout = ak.from_iter([{"x": 1, "y": [1, 2]}, None], highlevel=False)
    assert ak.to_json(layout) == '[{"x":1,"y":[1,2]},null]'
    assert ak.to_json(layout, num_readability_spaces=1) == '[{"x": 1, "y": [1, 2]}, null]'
    assert ak.to_json(layout, num_indent_spaces=2).startswith('[\n  {\n    "x":1,')
    tuples = ak.from_iter([(1, 2.5)], highlevel=False)
    assert ak.to_json(tuples) == '[{"0":1,"1":2.5}]'
    strings = ak.from_iter(["a", "é"], highlevel=False)
    assert json.loads(ak.to_json(strings)) == ["a", "é"]


def test_bytes_and_other():
    layout = ak.from_iter([b"ab"], highlevel=False)
    with pytest.raises(TypeError, match="convert_bytes"):
        ak.to_json(layout)
    assert ak.to_json(layout, convert_bytes=bytes.decode) == '["ab"]'


def test_errors():
    with pytest.raises(ValueError, match="JSON syntax error"):
        ak.from_json("[1, 2")
    with pytest.raises(ValueError, match="NaN"):
        ak.from_json("[NaN]")
    with pytest.raises(TypeError, match="source"):
        ak.from_json(12)
    with pytest.raises(NotImplementedError, match="schema"):
        ak.from_json("[]", schema={})
    with pytest.raises(TypeError, match="num_indent_spaces"):
        ak.to_json(ak.from_iter([1], highlevel=False), num_indent_spaces="2")
    with pytest.raises(TypeError, match="file"):
        ak.to_json(ak.from_iter([1], highlevel=False), 12)
