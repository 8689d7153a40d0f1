"""ak.str: every function on a table of layouts holding strings and bytestrings (nested lists,
options of every kind, records, unions, empty strings, unicode), compared with a pure-Python
model that applies ``str``/``bytes`` methods and ``re`` to ``to_list()`` data."""

import re

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
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

pytest.importorskip("pyarrow")

WORDS = ["abc", "", "éB b", "  aab ", "AbC", "Ω日本 x", "a.b.c", "Hello World", "12", "aaa"]


def _strings(words, kind="string"):
    raw = [w.encode() for w in words]
    offsets = np.cumsum([0] + [len(r) for r in raw]).astype(np.int64)
    chars = np.frombuffer(b"".join(raw), np.uint8) if raw and offsets[-1] else np.zeros(0, np.uint8)
    return ListOffsetArray(
        Index64(offsets),
        NumpyArray(chars.copy(), parameters={"__array__": "char" if kind == "string" else "byte"}),
        parameters={"__array__": kind},
    )


def _layouts(kind):
    s = _strings(WORDS, kind)
    offsets = np.asarray(s.offsets.data)
    n = len(WORDS)
    mask = np.array([i % 3 != 1 for i in range(n)])
    starts, stops = np.array([5, 0, 2]), np.array([8, 2, 2])
    return {
        "flat": s,
        "listarray": ListArray(
            Index64(offsets[:-1][::-1].copy()),
            Index64(offsets[1:][::-1].copy()),
            s.content,
            parameters=s.parameters,
        ),
        "nested": ListOffsetArray(Index64(np.array([0, 3, 3, 7, 10])), s),
        "nested-listarray": ListArray(Index64(starts), Index64(stops), s),
        "regular": RegularArray(s, 2),
        "indexedoption": IndexedOptionArray(Index64(np.array([0, -1, 2, 3, -1, 5, 6, 7, 8, 9])), s),
        "indexedoption-permuted": IndexedOptionArray(Index64(np.array([9, -1, 0, 3, 3, -1])), s),
        "bytemasked": ByteMaskedArray(Index8(mask.astype(np.int8)), s, valid_when=True),
        "bitmasked": BitMaskedArray(
            IndexU8(np.packbits(mask, bitorder="little")), s, True, n, True
        ),
        "unmasked": UnmaskedArray(s),
        "indexed": IndexedArray(Index64(np.array([9, 0, 0, 3])), s),
        "option-of-lists": IndexedOptionArray(
            Index64(np.array([0, -1, 1, 2, 3])),
            ListOffsetArray(Index64(np.array([0, 3, 3, 7, 10])), s),
        ),
        "lists-of-options": ListOffsetArray(
            Index64(np.array([0, 4, 6, 10])),
            IndexedOptionArray(Index64(np.array([0, -1, 2, 3, -1, 5, 6, 7, 8, 9])), s),
        ),
        "record": RecordArray([s, NumpyArray(np.arange(n))], ["name", "x"]),
        "tuple": RecordArray(
            [s, ListOffsetArray(Index64(np.array([0, 1] + [2] * (n - 1))), s)], None
        ),
        "union": UnionArray(
            Index8(np.array([0, 1, 0, 1], np.int8)),
            Index64(np.array([0, 0, 1, 1])),
            [s[:2], NumpyArray(np.array([1.5, 2.5]))],
        ),
        "empty": s[:0],
    }


def _map(data, fn):
    if data is None:
        return None
    if isinstance(data, (str, bytes)):
        return fn(data)
    if isinstance(data, list):
        return [_map(x, fn) for x in data]
    if isinstance(data, dict):
        return {k: _map(v, fn) for k, v in data.items()}
    if isinstance(data, tuple):
        return tuple(_map(v, fn) for v in data)
    return data


def _text(s):
    return s.decode() if isinstance(s, bytes) else s


def _like(value, kind):
    return value.encode() if kind == "bytestring" and isinstance(value, str) else value


def _byte_index(s, i):
    return i if isinstance(s, bytes) or i < 0 else len(s[:i].encode())


def _center(s, width, pad):
    missing = max(width - len(s), 0)
    left = missing // 2
    return pad * left + s + pad * (missing - left)


def _rsplit(split, s, n, empty):
    rev = [x[::-1] for x in split(s[::-1], n)]
    return rev[::-1]


def _split_ws(s, n=None):
    sep = rb"\s+" if isinstance(s, bytes) else r"\s+"
    return re.split(sep, s, maxsplit=n or 0)


def _slice(s, start, stop=None, step=1):
    return s[start:stop:step]


def _replace_slice(s, start, stop, repl):
    a, b, _ = slice(start, stop).indices(len(s))
    return s[:a] + repl + s[max(a, b) :]


def _like_regex(pattern):
    out = ""
    for ch in pattern:
        out += ".*" if ch == "%" else "." if ch == "_" else re.escape(ch)
    return out


def _is_digit_bytes(fn):
    return lambda s: fn(_text(s)) if isinstance(s, bytes) else fn(s)


# name: (call(array, kind) -> result, model(value) -> expected), models get str or bytes
CASES = {
    "capitalize": (lambda a, k: ak.str.capitalize(a), lambda s: s.capitalize()),
    "center": (
        lambda a, k: ak.str.center(a, 7, _like("*", k)),
        lambda s: _center(s, 7, _like("*", _kind(s))),
    ),
    "count_substring": (
        lambda a, k: ak.str.count_substring(a, _like("a", k)),
        lambda s: s.count(_like("a", _kind(s))),
    ),
    "count_substring_ignore_case": (
        lambda a, k: ak.str.count_substring(a, _like("A", k), ignore_case=True),
        lambda s: s.lower().count(_like("a", _kind(s))),
    ),
    "count_substring_regex": (
        lambda a, k: ak.str.count_substring_regex(a, _like("a+", k)),
        lambda s: len(re.findall(_like("a+", _kind(s)), s)),
    ),
    "ends_with": (
        lambda a, k: ak.str.ends_with(a, _like("c", k)),
        lambda s: s.endswith(_like("c", _kind(s))),
    ),
    "extract_regex": (
        lambda a, k: ak.str.extract_regex(a, _like("(?P<x>[a-z])(?P<y>[a-z.])", k)),
        lambda s: (lambda m: m.groupdict() if m else None)(
            re.search(_like("(?P<x>[a-z])(?P<y>[a-z.])", _kind(s)), s)
        ),
    ),
    "find_substring": (
        lambda a, k: ak.str.find_substring(a, _like("b", k)),
        lambda s: _byte_index(s, s.find(_like("b", _kind(s)))),
    ),
    "find_substring_regex": (
        lambda a, k: ak.str.find_substring_regex(a, _like("b+", k)),
        lambda s: (lambda m: _byte_index(s, m.start()) if m else -1)(
            re.search(_like("b+", _kind(s)), s)
        ),
    ),
    "index_in": (
        lambda a, k: ak.str.index_in(a, [_like(x, k) for x in ["abc", "", "Ω日本 x"]]),
        lambda s: (
            ([_like(x, _kind(s)) for x in ["abc", "", "Ω日本 x"]] + [s]).index(s)
            if s in [_like(x, _kind(s)) for x in ["abc", "", "Ω日本 x"]]
            else None
        ),
    ),
    "is_alnum": (lambda a, k: ak.str.is_alnum(a), lambda s: s.isalnum()),
    "is_alpha": (lambda a, k: ak.str.is_alpha(a), lambda s: s.isalpha()),
    "is_ascii": (lambda a, k: ak.str.is_ascii(a), lambda s: s.isascii()),
    "is_decimal": (
        lambda a, k: ak.str.is_decimal(a),
        lambda s: s.isdigit() if isinstance(s, bytes) else s.isdecimal(),
    ),
    "is_digit": (lambda a, k: ak.str.is_digit(a), _is_digit_bytes(str.isdigit)),
    "is_in": (
        lambda a, k: ak.str.is_in(a, [_like(x, k) for x in ["abc", "", "AbC"]]),
        lambda s: s in [_like(x, _kind(s)) for x in ["abc", "", "AbC"]],
    ),
    "is_lower": (lambda a, k: ak.str.is_lower(a), lambda s: s.islower()),
    "is_numeric": (lambda a, k: ak.str.is_numeric(a), _is_digit_bytes(str.isnumeric)),
    "is_printable": (
        lambda a, k: ak.str.is_printable(a),
        lambda s: _text(s).isprintable() and (isinstance(s, str) or s.isascii()),
    ),
    "is_space": (lambda a, k: ak.str.is_space(a), lambda s: s.isspace()),
    "is_title": (lambda a, k: ak.str.is_title(a), lambda s: s.istitle()),
    "is_upper": (lambda a, k: ak.str.is_upper(a), lambda s: s.isupper()),
    "length": (lambda a, k: ak.str.length(a), len),
    "lower": (lambda a, k: ak.str.lower(a), lambda s: s.lower()),
    "lpad": (
        lambda a, k: ak.str.lpad(a, 6, _like("-", k)),
        lambda s: s.rjust(6, _like("-", _kind(s))),
    ),
    "ltrim": (
        lambda a, k: ak.str.ltrim(a, _like("a ", k)),
        lambda s: s.lstrip(_like("a ", _kind(s))),
    ),
    "ltrim_whitespace": (lambda a, k: ak.str.ltrim_whitespace(a), lambda s: s.lstrip()),
    "match_like": (
        lambda a, k: ak.str.match_like(a, _like("a%c", k)),
        lambda s: re.fullmatch(_like(_like_regex("a%c"), _kind(s)), s, re.DOTALL) is not None,
    ),
    "match_like_ignore_case": (
        lambda a, k: ak.str.match_like(a, _like("A_C", k), ignore_case=True),
        lambda s: (
            re.fullmatch(_like(_like_regex("A_C"), _kind(s)), s, re.DOTALL | re.IGNORECASE)
            is not None
        ),
    ),
    "match_substring": (
        lambda a, k: ak.str.match_substring(a, _like("b", k)),
        lambda s: _like("b", _kind(s)) in s,
    ),
    "match_substring_regex": (
        lambda a, k: ak.str.match_substring_regex(a, _like("b.", k)),
        lambda s: re.search(_like("b.", _kind(s)), s) is not None,
    ),
    "repeat": (lambda a, k: ak.str.repeat(a, 3), lambda s: s * 3),
    "replace_slice": (
        lambda a, k: ak.str.replace_slice(a, 1, 3, _like("XY", k)),
        lambda s: _replace_slice(s, 1, 3, _like("XY", _kind(s))),
    ),
    "replace_substring": (
        lambda a, k: ak.str.replace_substring(a, _like("a", k), _like("Z", k)),
        lambda s: s.replace(_like("a", _kind(s)), _like("Z", _kind(s))),
    ),
    "replace_substring_max": (
        lambda a, k: ak.str.replace_substring(a, _like("a", k), _like("Z", k), max_replacements=1),
        lambda s: s.replace(_like("a", _kind(s)), _like("Z", _kind(s)), 1),
    ),
    "replace_substring_regex": (
        lambda a, k: ak.str.replace_substring_regex(a, _like("a+", k), _like("Z", k)),
        lambda s: re.sub(_like("a+", _kind(s)), _like("Z", _kind(s)), s),
    ),
    "reverse": (lambda a, k: ak.str.reverse(a), lambda s: s[::-1]),
    "rpad": (
        lambda a, k: ak.str.rpad(a, 6, _like("-", k)),
        lambda s: s.ljust(6, _like("-", _kind(s))),
    ),
    "rtrim": (
        lambda a, k: ak.str.rtrim(a, _like("c ", k)),
        lambda s: s.rstrip(_like("c ", _kind(s))),
    ),
    "rtrim_whitespace": (lambda a, k: ak.str.rtrim_whitespace(a), lambda s: s.rstrip()),
    "slice": (lambda a, k: ak.str.slice(a, 1), lambda s: _slice(s, 1)),
    "slice_step": (lambda a, k: ak.str.slice(a, 1, 5, 2), lambda s: _slice(s, 1, 5, 2)),
    "slice_negative": (lambda a, k: ak.str.slice(a, -2), lambda s: _slice(s, -2)),
    "slice_backwards": (lambda a, k: ak.str.slice(a, 4, 1, -1), lambda s: _slice(s, 4, 1, -1)),
    "split_pattern": (
        lambda a, k: ak.str.split_pattern(a, _like(".", k)),
        lambda s: s.split(_like(".", _kind(s))),
    ),
    "split_pattern_max_reverse": (
        lambda a, k: ak.str.split_pattern(a, _like(".", k), max_splits=1, reverse=True),
        lambda s: s.rsplit(_like(".", _kind(s)), 1),
    ),
    "split_pattern_regex": (
        lambda a, k: ak.str.split_pattern_regex(a, _like("[. ]", k), max_splits=1),
        lambda s: re.split(_like("[. ]", _kind(s)), s, maxsplit=1),
    ),
    "split_whitespace": (lambda a, k: ak.str.split_whitespace(a), _split_ws),
    "split_whitespace_reverse": (
        lambda a, k: ak.str.split_whitespace(a, max_splits=1, reverse=True),
        lambda s: _rsplit(_split_ws, s, 1, None),
    ),
    "starts_with": (
        lambda a, k: ak.str.starts_with(a, _like("a", k)),
        lambda s: s.startswith(_like("a", _kind(s))),
    ),
    "swapcase": (lambda a, k: ak.str.swapcase(a), lambda s: s.swapcase()),
    "title": (lambda a, k: ak.str.title(a), lambda s: s.title()),
    "to_categorical": (lambda a, k: ak.str.to_categorical(a), lambda s: s),
    "trim": (lambda a, k: ak.str.trim(a, _like("a ", k)), lambda s: s.strip(_like("a ", _kind(s)))),
    "trim_whitespace": (lambda a, k: ak.str.trim_whitespace(a), lambda s: s.strip()),
    "upper": (lambda a, k: ak.str.upper(a), lambda s: s.upper()),
}

# per-function None handling (2.14): is_in maps a missing string to False, index_in to None
NONE_MODEL = {"is_in": False}


def _kind(s):
    return "bytestring" if isinstance(s, bytes) else "string"


def _model(data, name, fn):
    if name in NONE_MODEL:

        def at_option(x):
            if x is None:
                return NONE_MODEL[name]
            return fn(x)

        return _map_options(data, at_option)
    return _map(data, fn)


def _map_options(data, fn):
    # strings and the None that stand in for strings (inside a list of strings)
    if isinstance(data, list):
        if any(isinstance(x, (str, bytes)) for x in data):
            return [fn(x) for x in data]
        return [_map_options(x, fn) for x in data]
    if isinstance(data, dict):
        return {k: _map_options(v, fn) for k, v in data.items()}
    if isinstance(data, (str, bytes)):
        return fn(data)
    return data


@pytest.mark.parametrize("kind", ["string", "bytestring"])
@pytest.mark.parametrize("layout_name", list(_layouts("string")))
@pytest.mark.parametrize("name", list(CASES))
def test_against_python_model(name, layout_name, kind):
    layout = _layouts(kind)[layout_name]
    call, fn = CASES[name]
    data = ak.to_list(layout)
    if name in ("is_in",) and layout_name in (
        "indexedoption",
        "indexedoption-permuted",
        "bytemasked",
        "bitmasked",
        "lists-of-options",
    ):
        expected = _model(data, name, fn)
    else:
        expected = _map(data, fn)
    result = call(ak.Array(layout), kind)
    assert isinstance(result, ak.Array)
    assert len(result) == len(layout)
    assert result.to_list() == expected


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_types(kind):
    layout = _layouts(kind)["lists-of-options"]
    array = ak.Array(layout)
    s = "string" if kind == "string" else "bytes"
    assert str(ak.str.upper(array).type) == f"3 * var * ?{s}"
    assert str(ak.str.length(array).type) == "3 * var * ?int64"
    assert str(ak.str.is_in(array, [_like("abc", kind)]).type) == "3 * var * bool"
    assert str(ak.str.index_in(array, [_like("abc", kind)]).type) == "3 * var * ?int32"
    assert str(ak.str.split_whitespace(array).type) == f"3 * var * option[var * {s}]"
    assert str(ak.str.to_categorical(array).type) == f"3 * var * ?categorical[type={s}]"
    assert (
        str(ak.str.extract_regex(array, _like("(?P<x>a)", kind)).type) == f"3 * var * ?{{x: ?{s}}}"
    )
    flat = ak.Array(_layouts(kind)["flat"])
    assert str(ak.str.index_in(flat, [_like("abc", kind)]).type) == "10 * ?int32"
    assert str(ak.str.is_alpha(flat).type) == "10 * bool"
    assert ak.str.upper(flat, highlevel=False).parameters == {"__array__": kind}


def test_is_in_index_in_none_handling():
    array = ak.Array(["a", "bb", None])
    assert ak.str.is_in(array, ["a"]).to_list() == [True, False, False]
    assert ak.str.is_in(array, ["a", None]).to_list() == [True, False, True]
    assert ak.str.is_in(array, ["a", None], skip_nones=True).to_list() == [True, False, False]
    assert ak.str.index_in(array, ["a", None]).to_list() == [0, None, 1]
    assert ak.str.index_in(array, ["a", None], skip_nones=True).to_list() == [0, None, None]
    # a bytestring value set matches strings of the same bytes (as 2.14)
    assert ak.str.is_in(ak.Array(["a", "b"]), [b"a"]).to_list() == [True, False]


def _join_model(lists, sep):
    if lists is None:
        return None
    if any(x is None for x in lists):
        return type(sep)()  # 2.14: a list holding None joins to ""
    return sep.join(lists)


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_join(kind):
    data = [["abc", "de"], ["f", None], [], None, ["x", "y", "z"]]
    data = _map(data, lambda s: _like(s, kind))
    sep = _like("-", kind)
    array = ak.Array(data)
    assert ak.str.join(array, sep).to_list() == [_join_model(x, sep) for x in data]
    seps = [_like(x, kind) for x in ["-", "+", "*", "/", ", "]]
    expected = [_join_model(x, s) for x, s in zip(data, seps)]
    assert ak.str.join(array, ak.Array(seps)).to_list() == expected
    # deeper lists: each innermost list of strings is joined
    nested = ak.Array([[data[0], data[4]], []])
    assert ak.str.join(nested, sep).to_list() == [
        [_join_model(data[0], sep), _join_model(data[4], sep)],
        [],
    ]
    # a missing separator gives "" (2.14)
    with_none = ak.str.join(ak.Array([data[0], data[4]]), ak.Array([sep, None]))
    assert with_none.to_list() == [_join_model(data[0], sep), type(sep)()]
    # strings that are not in lists are returned as they are
    assert ak.str.join(ak.Array(data[0]), sep).to_list() == data[0]


def test_join_separator_errors():
    array = ak.Array([["abc", "de"], ["f", "g"]])
    with pytest.raises(
        TypeError, match="`separator` must be a list of \\(possibly missing\\) strings"
    ):
        ak.str.join(array, ak.Array([["-", "+"], ["*", "/"]]))


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_join_element_wise(kind):
    a = [_like(x, kind) for x in ["a", "b", "c"]]
    b = [_like(x, kind) for x in ["x", "yy", "z"]]
    seps = [_like(x, kind) for x in ["-", "+", ""]]
    result = ak.str.join_element_wise(ak.Array(a), ak.Array(b), ak.Array(seps))
    assert result.to_list() == [s.join([x, y]) for x, y, s in zip(a, b, seps)]
    # broadcasting with strings as atoms, None propagates
    nested = ak.Array([[a[0], a[1]], [None]])
    out = ak.str.join_element_wise(nested, ak.Array(b[:2]), ak.Array(seps[:2]))
    assert out.to_list() == [[seps[0].join([a[0], b[0]]), seps[0].join([a[1], b[0]])], [None]]
    # one argument: the separators alone, no strings to join
    assert ak.str.join_element_wise(ak.Array(a)).to_list() == [type(a[0])()] * 3


def test_join_element_wise_errors():
    with pytest.raises(TypeError, match="at least one array is required"):
        ak.str.join_element_wise()


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_repeat_with_array(kind):
    data = [_like(x, kind) for x in ["a", "bc", ""]]
    out = ak.str.repeat(ak.Array(data + [None]), ak.Array([1, 2, 3, 4]))
    assert out.to_list() == [s * n for s, n in zip(data, [1, 2, 3])] + [None]
    nested = ak.str.repeat(ak.Array([[data[0], data[1]], [None]]), ak.Array([2, 3]))
    assert nested.to_list() == [[data[0] * 2, data[1] * 2], [None]]


@pytest.mark.parametrize("num", [2.5, ak.Array([1.0, 2.0]), "x"])
def test_repeat_errors(num):
    with pytest.raises(
        TypeError, match="num_repeats must be an integer or broadcastable to integers"
    ):
        ak.str.repeat(ak.Array(["a", "b"]), num)


def test_value_set_errors():
    for bad in ("a", [1, 2], [["a"]]):
        with pytest.raises(
            TypeError, match="`value_set` must be 1D array of \\(possibly missing\\) strings"
        ):
            ak.str.is_in(ak.Array(["a"]), bad)
        with pytest.raises(TypeError, match="`value_set` must be 1D array"):
            ak.str.index_in(ak.Array(["a"]), bad)


def test_split_regex_reverse_error():
    with pytest.raises(ValueError, match="Cannot split in reverse with regex"):
        ak.str.split_pattern_regex(ak.Array(["a.b"]), "[.]", reverse=True)


def test_pyarrow_errors_pass_through():
    import pyarrow

    with pytest.raises(pyarrow.ArrowInvalid, match="Invalid regular expression"):
        ak.str.match_substring_regex(ak.Array(["abc"]), "(")
    with pytest.raises(pyarrow.ArrowInvalid, match="Padding must be one codepoint"):
        ak.str.center(ak.Array(["abc"]), 5, "ab")


@pytest.mark.parametrize("name", ["upper", "length", "is_alpha", "split_whitespace", "reverse"])
def test_non_string_input_unchanged(name):
    # 2.14: arrays without strings come back as they are (no error)
    fn = getattr(ak.str, name)
    for data in ([1, 2], [[1, 2], []], [{"x": 1.5}]):
        array = ak.Array(data)
        out = fn(array)
        assert out.to_list() == data
        assert out.type == array.type


def test_mixed_union_and_records():
    array = ak.Array([1, "abc", [1, 2], "d"])
    assert ak.str.upper(array).to_list() == [1, "ABC", [1, 2], "D"]
    rec = ak.Array([{"a": "x", "b": 1, "c": ["y", None]}])
    assert ak.str.upper(rec).to_list() == [{"a": "X", "b": 1, "c": ["Y", None]}]


def test_highlevel_behavior_attrs():
    array = ak.Array(["abc"], attrs={"@x": 1}, behavior={"y": 2})
    out = ak.str.upper(array)
    assert out.attrs == {"@x": 1}
    assert out.behavior == {"y": 2}
    layout = ak.str.upper(array, highlevel=False)
    assert isinstance(layout, ak.contents.Content)
    assert ak.str.upper(array.layout).to_list() == ["ABC"]
    assert ak.str.upper(array, attrs={"z": 3}).attrs == {"z": 3}


def test_to_categorical_form():
    out = ak.str.to_categorical(ak.Array(["a", "b", None, "a"]))
    assert out.layout.parameter("__array__") == "categorical"
    assert ak.categories(out).to_list() == ["a", "b"]
    assert ak.is_categorical(out)


def test_signatures_match_reference():
    import inspect

    expected = {
        "center": "(array, width, padding=' ', *, highlevel=True, behavior=None, attrs=None)",
        "slice": "(array, start, stop=None, step=1, *, highlevel=True, behavior=None, attrs=None)",
        "join_element_wise": "(*arrays, highlevel=True, behavior=None, attrs=None)",
        "split_pattern": "(array, pattern, *, max_splits=None, reverse=False, highlevel=True, behavior=None, attrs=None)",
        "index_in": "(array, value_set, *, skip_nones=False, highlevel=True, behavior=None, attrs=None)",
        "replace_substring": "(array, pattern, replacement, *, max_replacements=None, highlevel=True, behavior=None, attrs=None)",
    }
    for name, sig in expected.items():
        assert str(inspect.signature(getattr(ak.str, name))) == sig
    assert len(ak.str.__all__) == 50


def test_missing_pyarrow_message(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("no pyarrow")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match="ak.str.upper needs pyarrow.*pip install pyarrow"):
        ak.str.upper(ak.Array(["a"]))
