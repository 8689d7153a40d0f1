"""The compiled ArrayBuilder engine (awkward_cpp._builder, behind ak.ArrayBuilder) against the
Python engine (awkward.builder.ArrayBuilder): random call sequences must give the same
snapshots (to_list, form, len) and raise the same errors; the first call the compiled engine
does not cover hands its state over to the Python engine, which then goes on."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.builder import ArrayBuilder as PythonEngine

compiled_available = pytest.importorskip("awkward_cpp._builder")

KEYS = ["x", "y", "z"]
NAMES = [None, None, None, "a", "b"]


def _outcome(builder, name, args):
    try:
        getattr(builder, name)(*args)
    except Exception as err:  # the comparison is the point: type and message
        return type(err), str(err)
    return None


def _snapshot_of(layout):
    return layout.form.to_dict(), ak.to_list(layout), len(layout)


def run_both(calls, *, check_every=False):
    """Run ``calls`` (name, args) on both engines; compare errors, snapshots and types."""
    ours = ak.ArrayBuilder()
    theirs = PythonEngine()
    for step, (name, args) in enumerate(calls):
        got = _outcome(ours, name, args)
        expected = _outcome(theirs, name, args)
        assert got == expected, (step, name, args)
        if check_every or step == len(calls) - 1:
            assert len(ours) == len(theirs)
            assert _snapshot_of(ours._snapshot_layout()) == _snapshot_of(theirs.snapshot())
            assert str(ours.type.content) == str(theirs.type)
    return ours


# ---------------------------------------------------------------------- random sequences
VALUES = [
    ("null", ()),
    ("boolean", (True,)),
    ("boolean", (False,)),
    ("integer", (3,)),
    ("integer", (-(2**40),)),
    ("real", (1.5,)),
    ("real", (2,)),
    ("complex", (1 + 2j,)),
    ("string", ("héllo",)),
    ("bytestring", (b"ab",)),
]
DATES = [
    ("datetime", (datetime.datetime(2020, 1, 2),)),
    ("datetime", ("2021-03-04",)),
    ("timedelta", (datetime.timedelta(seconds=3),)),
    ("timedelta", (datetime.timedelta(days=3),)),
]
RARE = [
    ("datetime", ("not a date",)),
    ("timedelta", (3,)),
    ("integer", (2**70,)),
    ("integer", ("no",)),
    ("real", ("nope",)),
    ("string", (b"bytes",)),
    ("field", (1,)),
    ("begin_record", (3,)),
    ("begin_tuple", (-1,)),
    ("index", (7,)),
]


@st.composite
def call_sequences(draw, *, kinds=VALUES + DATES, rare=0.03, max_calls=60):
    """Mostly well-formed call sequences (a model of the open lists/records/tuples picks the
    next call), with a few random calls that may be misuse or need the Python engine."""
    stack = []  # "list", ("record", selected), ("tuple", n, selected)
    calls = []
    n = draw(st.integers(0, max_calls))
    for _ in range(n):
        roll = draw(st.floats(0, 1))
        if roll < rare:
            calls.append(draw(st.sampled_from(RARE + VALUES + [
                ("end_list", ()), ("end_record", ()), ("end_tuple", ()), ("field", ("x",)),
                ("index", (0,)),
            ])))
            continue
        top = stack[-1] if stack else None
        if isinstance(top, tuple) and top[0] == "record" and not top[1]:
            if draw(st.floats(0, 1)) < 0.8:
                calls.append(("field", (draw(st.sampled_from(KEYS)),)))
                stack[-1] = ("record", True)
            else:
                calls.append(("end_record", ()))
                stack.pop()
            continue
        if isinstance(top, tuple) and top[0] == "tuple" and not top[2]:
            if top[1] and draw(st.floats(0, 1)) < 0.8:
                calls.append(("index", (draw(st.integers(0, top[1] - 1)),)))
                stack[-1] = ("tuple", top[1], True)
            else:
                calls.append(("end_tuple", ()))
                stack.pop()
            continue
        choice = draw(st.integers(0, 9))
        if choice <= 4 or len(stack) > 4:
            calls.append(draw(st.sampled_from(kinds)))
            closed = True
        elif choice == 5:
            calls.append(("begin_list", ()))
            stack.append("list")
            closed = False
        elif choice == 6:
            calls.append(("begin_record", (draw(st.sampled_from(NAMES)),)))
            stack.append(("record", False))
            closed = False
        elif choice == 7:
            k = draw(st.integers(0, 3))
            calls.append(("begin_tuple", (k,)))
            stack.append(("tuple", k, False))
            closed = False
        else:
            if top == "list":
                calls.append(("end_list", ()))
                stack.pop()
            continue
        if closed and stack:
            top = stack[-1]
            if isinstance(top, tuple) and top[0] == "record":
                stack[-1] = ("record", False)
            elif isinstance(top, tuple) and top[0] == "tuple":
                stack[-1] = ("tuple", top[1], False)
        elif not closed and len(stack) > 1:
            parent = stack[-2]
            if isinstance(parent, tuple) and parent[0] == "record":
                stack[-2] = ("record", False)
            elif isinstance(parent, tuple) and parent[0] == "tuple":
                stack[-2] = ("tuple", parent[1], False)
    # close what is open, innermost first
    for top in reversed(stack):
        closer = {"list": "end_list", "record": "end_record", "tuple": "end_tuple"}
        calls.append((closer[top if isinstance(top, str) else top[0]], ()))
    return calls


_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@_SETTINGS
@given(call_sequences())
def test_random_sequences_match_the_python_engine(calls):
    run_both(calls)


@_SETTINGS
@given(call_sequences(rare=0.0, max_calls=30))
def test_random_sequences_snapshot_after_every_call(calls):
    run_both(calls, check_every=True)


@_SETTINGS
@given(call_sequences(rare=0.0))
def test_sequences_without_errors_stay_compiled(calls):
    # numbers, strings, date/times, options, unions, lists, records and tuples need the
    # Python engine only for an error
    builder = run_both(calls)
    theirs = PythonEngine()
    for name, args in calls:
        if _outcome(theirs, name, args) is not None:
            return
    assert builder._python is None


# ---------------------------------------------------------------------- the handoff
def _calls(text):
    """'begin_record field:x real:1.5 end_record' -> [(name, args)]."""
    out = []
    for word in text.split():
        name, _, arg = word.partition(":")
        if not arg:
            out.append((name, ()))
        elif name in ("integer", "begin_tuple", "index"):
            out.append((name, (int(arg),)))
        elif name == "real":
            out.append((name, (float(arg),)))
        elif name == "bytestring":
            out.append((name, (arg.encode(),)))
        elif name == "begin_record" and arg == "None":
            out.append((name, (None,)))
        else:
            out.append((name, (arg,)))
    return out


UNION_CASES = {
    "union at the top": "integer:1 integer:2 string:a integer:3",
    "union of bool and int in a list": "begin_list boolean:True integer:1 end_list integer:5",
    "union inside an open record": (
        "begin_record field:x integer:1 field:y begin_list real:1 end_list end_record "
        "begin_record field:x string:s field:y begin_list real:2"
        " end_list end_record"
    ),
    "union inside an option": "null integer:1 null begin_list end_list integer:2 null",
    "records of another name": "begin_record:a field:x integer:1 end_record begin_record:b end_record",
    "a record without a name joins any record": (
        "integer:1 begin_record:b field:x integer:1 end_record begin_record:None field:y real:1"
        " end_record begin_record:a end_record begin_record:None end_record"
    ),
    "tuples of another size": "begin_tuple:2 index:0 integer:1 end_tuple begin_tuple:1 end_tuple",
    "union deep in open lists": (
        "begin_list begin_record field:x begin_list begin_list integer:1 string:u end_list"
        " end_list end_record end_list"
    ),
    "missing fields become options then a union": (
        "begin_record field:x real:1 end_record begin_record field:y integer:2 end_record"
        " begin_record field:x boolean:True end_record"
    ),
    "strings and bytestrings": "string:a bytestring:b string:c begin_list bytestring:d end_list",
    "open lists inside a union": (
        "integer:1 begin_list begin_list real:1 end_list string:s end_list begin_list end_list"
    ),
}


@pytest.mark.parametrize("text", UNION_CASES.values(), ids=list(UNION_CASES))
def test_union_cases_stay_compiled(text):
    builder = run_both(_calls(text), check_every=True)
    assert builder._python is None


HANDOFF_CASES = {
    "error: end_list first": "begin_list integer:1 end_record end_list",
    "error: field filled twice": "begin_record field:x integer:1 field:x integer:2 end_record",
    "error: value without field": "begin_record integer:1 field:x integer:1 end_record",
    "error: index out of range": "begin_tuple:2 index:2 index:1 real:1 end_tuple",
    "error: field outside a record": "begin_list field:x end_list",
    "error: end_tuple in a union": "integer:1 begin_list string:x end_tuple end_list",
    "error: misuse at the top": "end_list real:1 field:x index:0 end_record end_tuple",
}


@pytest.mark.parametrize("text", HANDOFF_CASES.values(), ids=list(HANDOFF_CASES))
def test_handoff_cases(text):
    builder = run_both(_calls(text), check_every=True)
    assert builder._python is not None  # each case needs the Python engine at some point


def test_a_union_of_128_contents_hands_off():
    calls = []
    for k in range(130):
        calls += [("begin_tuple", (k,)), ("end_tuple", ())]
    builder = run_both(calls)
    assert builder._python is not None


def test_date_times_stay_compiled():
    calls = [("begin_list", ()), ("integer", (1,)), ("end_list", ()), ("begin_list", ()),
             ("datetime", ("2020-01-01",)), ("datetime", ("2020-01-01T10:00",)),
             ("timedelta", (datetime.timedelta(hours=1),)), ("end_list", ()),
             ("begin_record", ()), ("field", ("t",)), ("datetime", ("2020-01-02",)),
             ("end_record", ()), ("null", ())]
    builder = run_both(calls, check_every=True)
    assert builder._python is None


def test_unusual_date_time_arguments_hand_off():
    builder = run_both([("datetime", ("2020-01-01",)), ("datetime", (None,)),
                        ("datetime", ("2020-01-03",))])
    assert builder._python is not None


def test_builder_goes_on_after_the_handoff():
    b = ak.ArrayBuilder()
    b.begin_list()
    b.real(1.0)
    b.string("s")
    b.datetime("2020-01-01")
    with pytest.raises(TypeError, match="needs a timedelta64"):
        b.timedelta(None)  # an error: the Python engine takes over here
    b.end_list()
    b.begin_list()
    b.real(2.5)
    b.end_list()
    assert b._python is not None
    assert b.snapshot().to_list() == [[1.0, "s", datetime.date(2020, 1, 1)], [2.5]]
    assert str(b.type) == "2 * var * union[float64, string, datetime64[D]]"


def test_held_bound_methods_follow_the_handoff():
    b = ak.ArrayBuilder()
    real = b.real
    real(1.0)
    with pytest.raises(ValueError, match="without 'begin_list'"):
        b.end_list()
    real(2.0)
    assert b._python is not None
    assert b.snapshot().to_list() == [1.0, 2.0]


def test_common_calls_stay_compiled():
    b = ak.ArrayBuilder()
    for i in range(5):
        b.begin_record("point")
        b.field("x").begin_list()
        for j in range(i):
            b.real(j * 0.5)
        b.integer(7)
        b.end_list()
        b.field("y").integer(i)
        if i % 2:
            b.field("z").string("odd")
        b.field("w").complex(1j) if i == 4 else b.field("w").null()
        b.field("t").begin_tuple(2)
        b.index(1).bytestring(b"x")
        b.index(0).boolean(i % 2 == 0)
        b.end_tuple()
        b.end_record()
    assert b._python is None
    assert len(b) == 5
    records = b.snapshot().to_list()
    assert records[1] == {"x": [0.0, 7.0], "y": 1, "z": "odd", "w": None, "t": (False, b"x")}
    assert records[4]["w"] == 1j
    assert str(b.type) == (
        "5 * point[x: var * float64, y: int64, w: ?complex128, t: (bool, bytes), z: ?string]"
    )


def test_keyword_arguments():
    b = ak.ArrayBuilder()
    b.begin_list()
    b.real(x=1.5)
    b.integer(x=2)
    b.end_list()
    b.begin_record(name="r")
    b.field(key="a").null()
    b.end_record()
    b.begin_tuple(numfields=1)
    b.index(i=0).boolean(x=True)
    b.end_tuple()
    assert b._python is None  # list, record and tuple at the top: a union
    assert b.snapshot().to_list() == [[1.5, 2.0], {"a": None}, (True,)]
    with pytest.raises(TypeError, match="unexpected keyword argument 'y'"):
        ak.ArrayBuilder().real(y=1.0)
    with pytest.raises(TypeError, match="missing required argument 'x'"):
        ak.ArrayBuilder().real()


def test_lone_surrogates_and_argument_conversions():
    calls = [("begin_list", ()), ("string", ("a\udcff",)), ("end_list", ()),
             ("begin_list", ()), ("real", (True,)), ("end_list", ())]
    run_both(calls, check_every=True)
    run_both([("integer", (True,)), ("real", ("2.5",)), ("complex", (2,)), ("boolean", (0,))])


def test_numba_and_extend_use_the_python_engine():
    b = ak.ArrayBuilder()
    b.integer(1)
    b.append([1, 2])
    assert b._python is None
    b.extend([3, 4])
    assert b._python is not None
    assert b.snapshot().to_list() == [1, [1, 2], 3, 4]
    b = ak.ArrayBuilder()
    b.real(1.0)
    engine = b._engine  # what ak.ArrayBuilder in numba replays into
    assert engine is b._python
    assert engine.snapshot().to_list() == [1.0]


def test_form_and_type_without_converting_buffers():
    b = ak.ArrayBuilder()
    b.begin_record()
    b.field("s").string("abc")
    b.field("l").begin_list()
    b.integer(1)
    b.end_list()
    b.end_record()
    assert str(b.type) == "1 * {s: string, l: var * int64}"
    assert b._form() == b.snapshot().layout.form
    assert b._python is None


# ---------------------------------------------------------------------- append of objects
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.integers(2**63, 2**65),  # beyond int64: the Python engine decides
    st.floats(allow_nan=False),
    st.complex_numbers(allow_nan=False, max_magnitude=1e6),
    st.sampled_from(["", "a", "héllo", "x\udcff"]),
    st.sampled_from([b"", b"ab"]),
    st.sampled_from([datetime.date(2020, 1, 1), datetime.timedelta(seconds=5)]),
)
objects = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
        st.dictionaries(st.sampled_from([1, "x"]), inner, min_size=1, max_size=2),
    ),
    max_leaves=12,
)
plain_objects = st.recursive(
    st.one_of(st.none(), st.integers(-5, 5), st.floats(-1, 1), st.sampled_from(["a", "b"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, min_size=2, max_size=2).map(tuple),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=10,
)


@_SETTINGS
@given(st.lists(st.one_of(objects.map(lambda obj: ("append", (obj,))), st.sampled_from(VALUES)),
                max_size=12))
def test_append_matches_the_python_engine(calls):
    run_both(calls, check_every=True)


@_SETTINGS
@given(st.lists(plain_objects, max_size=10), call_sequences(max_calls=12, rare=0.0))
def test_append_inside_open_containers(items, calls):
    # appends at a random point of a call sequence (inside open lists/records/tuples)
    cut = len(calls) // 2
    run_both(calls[:cut] + [("append", (item,)) for item in items] + calls[cut:])


@_SETTINGS
@given(st.lists(plain_objects, max_size=20))
def test_append_of_plain_objects_stays_compiled(items):
    calls = [("append", (item,)) for item in items]
    builder = run_both(calls)
    assert builder._python is None


def test_append_of_arrays_and_records():
    b = ak.ArrayBuilder()
    b.append(ak.Array([[1, 2], []]))
    b.append(ak.Array([{"x": 1.5}])[0])
    assert b._python is None
    assert b.snapshot().to_list() == [[[1, 2], []], {"x": 1.5}]


def test_append_errors_match():
    for obj in [{1: 2}, object(), [1, {2: 3}], 2**64]:
        run_both([("append", ([1.5],)), ("append", (obj,)), ("append", ([2.5],))])
    run_both([("begin_record", ()), ("append", (1,)), ("field", ("x",)), ("append", ([1],)),
              ("append", (2,)), ("end_record", ())])


def test_append_many_tuple_sizes_near_the_union_limit():
    calls = [("begin_tuple", (k,)) if i == 0 else ("end_tuple", ())
             for k in range(124) for i in range(2)]
    calls += [("append", ((1,) * 200,)), ("append", ([(1,), (1, 2), (1, 2, 3, 4, 5) * 30],))]
    run_both(calls)


@pytest.mark.parametrize("new", [PythonEngine, ak.ArrayBuilder], ids=["python", "compiled"])
def test_a_failed_append_is_dropped_whole(new):
    # a failed append at the top leaves nothing open behind it (lists, records, union contents)
    b = new()
    b.append({"x": False})
    b.append({"x": 0})
    with pytest.raises(ValueError, match="out of range for int64"):
        b.append({"x": [2**63]})
    assert b.snapshot().to_list() == [{"x": False}, {"x": 0}]
    b.append([])
    b.boolean(True)
    with pytest.raises(ValueError, match="keys of dicts must all be strings"):
        b.append({1: None})
    b.append(None)
    assert b.snapshot().to_list() == [{"x": False}, {"x": 0}, [], True, None]


# ---------------------------------------------------------------------- ak.from_iter's fast path
def _extend_outcome(items):
    engine = PythonEngine()
    try:
        engine.extend(items)
    except Exception as err:
        return type(err), str(err)
    return _snapshot_of(engine.snapshot())


@_SETTINGS
@given(st.lists(st.one_of(objects, plain_objects), max_size=15))
def test_from_iter_fast_path_matches_the_python_path(items):
    # a list goes to the compiled engine when every item is plain; an iterator never does
    assert _extend_outcome(items) == _extend_outcome(iter(items))


def test_from_iter_fast_path_is_taken_for_plain_lists():
    from awkward_cpp._builder import Builder

    items = [{"x": 1, "y": [1.5, None], "t": (True, "s", b"b")}, None, 2.5]
    assert Builder()._extend_plain(items) is True
    assert Builder()._extend_plain([1, object()]) is False
    assert Builder()._extend_plain((1, 2)) is False  # only lists
    assert _extend_outcome(items) == _extend_outcome(iter(items))
    assert ak.from_iter(items).to_list() == [
        {"x": 1, "y": [1.5, None], "t": (True, "s", b"b")}, None, 2.5
    ]
