"""String behaviors (as awkward 2.14): ==/!= element-wise (strings and bytestrings compare by
bytes), the other ufuncs a TypeError naming the overload mechanism, len via ak.num, and
ak.sort/argsort ordering strings lexicographically by bytes (UTF-8 order = code point order)."""

import numpy as np
import pytest

import awkward as ak

WORDS = ["b", "a", "ab", "é", "", "Z", "abc", "日本", "a"]
MESSAGE = "is not implemented for string types. To register an implementation, add a name"


def _kinded(data, kind):
    if kind == "string":
        return data
    if isinstance(data, list):
        return [_kinded(x, kind) for x in data]
    return data.encode() if isinstance(data, str) else data


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_equal_not_equal_arrays(kind):
    left = _kinded(["abc", "", "é", None, "x"], kind)
    right = _kinded(["abc", "a", "é", "y", "xx"], kind)
    a, b = ak.Array(left), ak.Array(right)
    model = [None if x is None or y is None else x == y for x, y in zip(left, right)]
    assert (a == b).to_list() == model
    assert (a != b).to_list() == [None if m is None else not m for m in model]


@pytest.mark.parametrize("kind", ["string", "bytestring"])
def test_equal_scalar_and_nested(kind):
    data = _kinded([["abc", "de"], [], ["x", "abc"]], kind)
    array = ak.Array(data)
    target = _kinded("abc", kind)
    assert (array == target).to_list() == [[x == target for x in row] for row in data]
    assert (target == array).to_list() == [[x == target for x in row] for row in data]
    # broadcasting one string per outer list
    per_row = _kinded(["abc", "q", "x"], kind)
    assert (array == ak.Array(per_row)).to_list() == [
        [x == r for x in row] for row, r in zip(data, per_row)
    ]
    assert str((array == array).type) == "3 * var * bool"


def test_string_and_bytestring_compare_by_bytes():
    assert (ak.Array(["abc", "de"]) == ak.Array([b"abc", b"x"])).to_list() == [True, False]
    assert (ak.Array(["abc", "de"]) != b"abc").to_list() == [False, True]


def test_records_with_strings():
    array = ak.Array([{"x": "ab"}, {"x": "c"}])
    assert (array.x == "c").to_list() == [False, True]


@pytest.mark.parametrize(
    "op",
    [
        lambda a: a + "x",
        lambda a: a + a,
        lambda a: a < "b",
        lambda a: a > a,
        lambda a: a <= a,
        lambda a: a + 1,
        lambda a: a == 1,
    ],
)
def test_other_ufuncs_are_type_errors(op):
    with pytest.raises(TypeError, match=MESSAGE):
        op(ak.Array(["abc", "de"]))


def test_len_via_num():
    data = [["abc", "", "é"], ["日本"]]
    array = ak.Array(data)
    assert ak.num(array, axis=2).to_list() == [[len(w.encode()) for w in row] for row in data]
    assert array[0][2] == "é"  # a single string is a Python str


@pytest.mark.parametrize("kind", ["string", "bytestring"])
@pytest.mark.parametrize("ascending", [True, False])
def test_sort_and_argsort(kind, ascending):
    rows = [WORDS, [], WORDS[::-1][:4]]
    data = _kinded(rows, kind)

    def key(x):
        return x.encode() if isinstance(x, str) else x

    array = ak.Array(data)
    expected = [sorted(row, key=key, reverse=not ascending) for row in data]
    assert ak.sort(array, ascending=ascending).to_list() == expected
    order = ak.argsort(array, ascending=ascending, stable=True).to_list()
    model = [
        sorted(range(len(row)), key=lambda i, row=row: key(row[i]), reverse=not ascending)
        for row in data
    ]
    if ascending:
        assert order == model
    else:  # a stable descending sort keeps equal strings in their order
        assert [[row[i] for i in o] for row, o in zip(data, order)] == expected


def test_sort_none_last():
    array = ak.Array(["b", None, "a", "ab"])
    assert ak.sort(array).to_list() == ["a", "ab", "b", None]
    assert ak.sort(array, axis=-1).to_list() == ["a", "ab", "b", None]


def test_behavior_names():
    import awkward.behaviors.string as string

    for name in ("StringBehavior", "ByteStringBehavior", "CharBehavior", "ByteBehavior"):
        cls = getattr(string, name)
        assert cls is ak.Array  # aliases, as in awkward 2.14
    assert not any("string" in str(k) for k in ak.behavior)
    assert np.asarray(ak.Array(["a"]) == "a").tolist() == [True]
