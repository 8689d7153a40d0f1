"""ak.ArrayBuilder filled inside numba.njit (awkward/_connect/numba/builder*.py).

Every fill function is plain Python over a builder ``b``: compiled, it runs on one builder;
its ``py_func`` runs the same calls on another, pure-Python builder (the model), and the two
snapshots must agree in ``to_list()`` and type; an explicit ``to_list()`` model of the
expected values is checked too. Each case runs with three tape settings: the default, a tiny
tape (grown and replayed many times in one call, columnar replay across chunks), and replay
call by call only (the columnar fast path switched off).
"""

from __future__ import annotations

import datetime

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import awkward as ak  # noqa: E402
from awkward._connect.numba import builder_columns, builder_replay  # noqa: E402


@pytest.fixture(params=["default", "tiny-tape", "call-by-call"])
def tape_mode(request, monkeypatch):
    if request.param == "tiny-tape":
        monkeypatch.setattr(builder_replay, "TAPE_CAPACITY", 8)
        monkeypatch.setattr(builder_replay, "FLUSH_AT", 16)
    elif request.param == "call-by-call":
        monkeypatch.setattr(builder_columns, "columnar_replay", lambda *args: False)
    return request.param


def run_both(fill, *args, before=None, after=None):
    """(compiled builder, Python builder) after ``before(b)``, ``fill(b, *args)``, ``after(b)``."""
    out = []
    for func in (fill, fill.py_func):
        b = ak.ArrayBuilder()
        if before is not None:
            before(b)
        result = func(b, *args)
        if after is not None:
            after(b)
        out.append((b, result))
    (jb, jresult), (pb, presult) = out
    assert jresult == presult
    assert jb.snapshot().to_list() == pb.snapshot().to_list()
    assert str(jb.type) == str(pb.type)
    assert len(jb) == len(pb)
    return jb, pb


# ---------------------------------------------------------------------- fill functions
@numba.njit
def fill_integers(b, n):
    for i in range(n):
        b.integer(i * 3 - 7)
    return len(b)


@numba.njit
def fill_reals(b, n):
    for i in range(n):
        b.real(i / 4.0)


@numba.njit
def fill_booleans(b, n):
    for i in range(n):
        b.boolean(i % 3 == 0)


@numba.njit
def fill_complex(b, n):
    for i in range(n):
        b.complex(complex(i, -i))


@numba.njit
def fill_nulls(b, n):
    for i in range(n):
        if i % 4 == 1:
            b.null()
        else:
            b.integer(i)


@numba.njit
def fill_strings(b, words):
    for w in words:
        b.string(w)


@numba.njit
def fill_bytestrings(b, n):
    for _ in range(n):
        b.bytestring(b"ab\x00c")


@numba.njit
def fill_dates(b, d, t):
    b.datetime(d)
    b.timedelta(t)
    b.datetime(d)


@numba.njit
def fill_nested_lists(b, n):
    for i in range(n):
        b.begin_list()
        for j in range(i % 4):
            b.begin_list()
            for k in range(j):
                b.integer(i + k)
            b.end_list()
        b.end_list()


@numba.njit
def fill_records(b, n):
    for i in range(n):
        b.begin_record()
        b.field("x").real(i * 0.5)
        b.field("y")
        b.begin_list()
        for j in range(i % 3):
            b.integer(j)
        b.end_list()
        b.end_record()


@numba.njit
def fill_named_records(b, n):
    for i in range(n):
        b.begin_record("point")
        b.field("x")
        b.integer(i)
        b.end_record()


@numba.njit
def fill_runtime_keys(b, keys, name):
    for i in range(3):
        b.begin_record(name)
        for k in keys:
            b.field(k)
            b.integer(i)
        b.end_record()


@numba.njit
def fill_tuples(b, n):
    for i in range(n):
        b.begin_tuple(2)
        b.index(1).real(i + 0.5)
        b.index(0)
        b.integer(i)
        b.end_tuple()


@numba.njit
def fill_union(b, n):
    for i in range(n):
        if i % 3 == 0:
            b.integer(i)
        elif i % 3 == 1:
            b.string("s")
        else:
            b.begin_list()
            b.boolean(True)
            b.end_list()


@numba.njit
def fill_missing_fields(b, n):
    for i in range(n):
        b.begin_record()
        if i % 2 == 0:
            b.field("a").integer(i)
        b.field("b").real(1.5)
        if i > 2:
            b.field("c").boolean(False)
        b.end_record()


@numba.njit
def fill_promote(b, n):
    for i in range(n):
        b.begin_list()
        b.integer(i)
        b.real(0.5)
        b.end_list()


@numba.njit
def fill_append(b, arr, word, maybe):
    b.append(1)
    b.append(2.5)
    b.append(None)
    b.append(True)
    b.append(1 + 2j)
    b.append(word)
    b.append((1, word))
    b.append(arr)
    b.append(maybe)
    b.append(maybe if len(b) > 100 else None)
    return len(b)


@numba.njit
def fill_extend(b, arr, items):
    b.extend(arr)
    b.extend(items)
    b.begin_list()
    b.extend(arr)
    b.end_list()


@numba.njit
def fill_empty_lists(b, n):
    for _ in range(n):
        b.begin_list()
        b.end_list()


@numba.njit
def fill_empty_record(b):
    b.begin_record()
    b.end_record()
    b.begin_tuple(0)
    b.end_tuple()


@numba.njit
def fill_list_of_records(b, n):
    for i in range(n):
        b.begin_list()
        for j in range(i % 3):
            b.begin_record()
            b.field("pt").real(j * 1.5)
            b.field("ids")
            b.begin_tuple(2)
            b.index(0).integer(j)
            b.index(1).boolean(j % 2 == 0)
            b.end_tuple()
            b.end_record()
        b.end_list()


def _records_model(n):
    return [{"x": i * 0.5, "y": list(range(i % 3))} for i in range(n)]


CASES = [
    (fill_integers, (50,), [i * 3 - 7 for i in range(50)]),
    (fill_reals, (40,), [i / 4.0 for i in range(40)]),
    (fill_booleans, (30,), [i % 3 == 0 for i in range(30)]),
    (fill_complex, (10,), [complex(i, -i) for i in range(10)]),
    (fill_nulls, (20,), [None if i % 4 == 1 else i for i in range(20)]),
    (fill_strings, (["a", "héllo", "", "日本", "z" * 40],), ["a", "héllo", "", "日本", "z" * 40]),
    (fill_bytestrings, (3,), [b"ab\x00c"] * 3),
    (
        fill_nested_lists,
        (12,),
        [[[i + k for k in range(j)] for j in range(i % 4)] for i in range(12)],
    ),
    (fill_records, (25,), _records_model(25)),
    (fill_named_records, (4,), [{"x": i} for i in range(4)]),
    (fill_tuples, (15,), [(i, i + 0.5) for i in range(15)]),
    (
        fill_union,
        (9,),
        [i if i % 3 == 0 else ("s" if i % 3 == 1 else [True]) for i in range(9)],
    ),
    (
        fill_missing_fields,
        (6,),
        [
            {"a": i if i % 2 == 0 else None, "b": 1.5, "c": False if i > 2 else None}
            for i in range(6)
        ],
    ),
    (fill_promote, (5,), [[float(i), 0.5] for i in range(5)]),
    (fill_empty_lists, (7,), [[]] * 7),
    (fill_empty_record, (), [{}, ()]),
    (
        fill_list_of_records,
        (20,),
        [[{"pt": j * 1.5, "ids": (j, j % 2 == 0)} for j in range(i % 3)] for i in range(20)],
    ),
]


@pytest.mark.parametrize(("fill", "args", "expected"), CASES, ids=lambda x: getattr(x, "__name__", ""))
def test_fill_matches_python(tape_mode, fill, args, expected):
    args = tuple(numba.typed.List(a) if isinstance(a, list) else a for a in args)
    jb, _ = run_both(fill, *args)
    assert jb.snapshot().to_list() == expected


def test_named_record_parameter(tape_mode):
    jb, _ = run_both(fill_named_records, 3)
    assert jb.snapshot().layout.parameter("__record__") == "point"


def test_runtime_keys_and_names(tape_mode):
    keys = numba.typed.List(["u", "v"])
    jb, _ = run_both(fill_runtime_keys, keys, "rec")
    assert jb.snapshot().to_list() == [{"u": i, "v": i} for i in range(3)]
    assert jb.snapshot().layout.parameter("__record__") == "rec"


def test_dates(tape_mode):
    d = np.datetime64("2020-02-03", "D")
    t = np.timedelta64(90, "s")
    jb, _ = run_both(fill_dates, d, t)
    assert jb.snapshot().to_list() == [
        datetime.date(2020, 2, 3),
        datetime.timedelta(seconds=90),
        datetime.date(2020, 2, 3),
    ]


def test_append_values(tape_mode):
    arr = np.arange(3)
    jb, _ = run_both(fill_append, arr, "w", 7)
    assert jb.snapshot().to_list() == [1, 2.5, None, True, 1 + 2j, "w", (1, "w"), [0, 1, 2], 7, None]


def test_extend(tape_mode):
    arr = np.array([1.5, 2.5])
    jb, _ = run_both(fill_extend, arr, (1, 2))
    assert jb.snapshot().to_list() == [1.5, 2.5, 1, 2, [1.5, 2.5]]


def test_large_fill_crosses_flushes(tape_mode):
    n = 20000
    jb, _ = run_both(fill_records, n)
    assert jb.snapshot().to_list() == _records_model(n)


# ---------------------------------------------------------------------- Python and njit mixed
def test_mixed_python_njit_python(tape_mode):
    def before(b):
        b.integer(1)
        b.begin_list()
        b.real(0.5)

    def after(b):
        b.end_list()
        b.string("end")

    jb, _ = run_both(fill_integers, 3, before=before, after=after)
    # the open list received njit's integers, then Python closed it
    assert jb.snapshot().to_list() == [1, [0.5, -7, -4, -1], "end"]


@numba.njit
def close_list_and_open_record(b):
    b.integer(5)
    b.end_list()
    b.begin_record()
    b.field("q")


def test_njit_closes_what_python_opened(tape_mode):
    def before(b):
        b.begin_list()

    def after(b):
        b.integer(3)
        b.end_record()

    jb, _ = run_both(close_list_and_open_record, before=before, after=after)
    assert jb.snapshot().to_list() == [[5], {"q": 3}]


@numba.njit
def fill_field_in_open_record(b):
    b.field("x").integer(2)
    b.end_record()
    return len(b)


def test_open_record_from_python_checks_filled_fields(tape_mode):
    def before(b):
        b.begin_record()
        b.field("y").integer(1)

    jb, _ = run_both(fill_field_in_open_record, before=before)
    assert jb.snapshot().to_list() == [{"y": 1, "x": 2}]

    @numba.njit
    def refill_y(b):
        b.field("y")

    for builder_fill in (refill_y, refill_y.py_func):
        b = ak.ArrayBuilder()
        before(b)
        with pytest.raises(ValueError, match="filled more than once"):
            builder_fill(b)


def test_calls_over_several_njit_calls(tape_mode):
    b = ak.ArrayBuilder()
    p = ak.ArrayBuilder()
    for _ in range(3):
        fill_records(b, 4)
        fill_records.py_func(p, 4)
        b.null()
        p.null()
    assert b.snapshot().to_list() == p.snapshot().to_list()
    assert str(b.type) == str(p.type)


@numba.njit
def return_builder(b, n):
    b.begin_list()
    for i in range(n):
        b.integer(i)
    b.end_list()
    return b


@numba.njit
def return_in_tuple(b):
    b.integer(1)
    return b, len(b)


def test_returning_the_builder(tape_mode):
    b = ak.ArrayBuilder()
    out = return_builder(b, 3)
    assert out is b
    assert out.snapshot().to_list() == [[0, 1, 2]]
    out2, n = return_in_tuple(b)
    assert out2 is b and n == 2
    assert b.snapshot().to_list() == [[0, 1, 2], 1]


@numba.njit
def nested_call(b):
    fill_integers(b, 2)
    return_builder(b, 1)
    return len(b)


def test_builder_passed_between_njit_functions(tape_mode):
    b = ak.ArrayBuilder()
    assert nested_call(b) == 3
    assert b.snapshot().to_list() == [-7, -4, [0]]


def test_behavior_and_attrs_survive():
    b = ak.ArrayBuilder(behavior={"k": 1}, attrs={"a": 2})
    fill_integers(b, 2)
    out = b.snapshot()
    assert out.behavior == {"k": 1}
    assert out.attrs == {"a": 2}


# ---------------------------------------------------------------------- ak.Array elements
ARRAYS = [
    [[1, 2, 3], [], [4.5]],
    [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}],
    [[{"x": 1.5}], [], [{"x": None}]],
    [None, [1, 2], None],
    ["one", "two", ""],
    [(1, "a"), (2, "b")],
    [[[1], [2, 3]], [], [[]]],
]


@numba.njit
def append_elements(b, array):
    for item in array:
        b.append(item)
    b.append(array)
    b.extend(array)


@pytest.mark.parametrize("data", ARRAYS, ids=lambda d: str(d)[:20])
def test_append_array_elements(tape_mode, data):
    array = ak.Array(data)
    b = ak.ArrayBuilder()
    append_elements(b, array)
    model = data + [data] + data
    assert b.snapshot().to_list() == model
    p = ak.ArrayBuilder()
    append_elements.py_func(p, array)
    assert str(b.type) == str(p.type)


# ---------------------------------------------------------------------- errors
@numba.njit
def err_end_list(b):
    b.integer(1)
    b.end_list()


@numba.njit
def err_end_record(b):
    b.begin_list()
    b.end_record()


@numba.njit
def err_field(b):
    b.begin_list()
    b.field("x")


@numba.njit
def err_end_tuple(b):
    b.begin_record()
    b.end_tuple()


@numba.njit
def err_index(b):
    b.index(0)


@numba.njit
def err_index_range(b):
    b.begin_tuple(2)
    b.index(2)


@numba.njit
def err_no_field(b):
    b.begin_record()
    b.integer(1)


@numba.njit
def err_no_slot(b):
    b.begin_tuple(1)
    b.real(1.0)


@numba.njit
def err_filled_twice(b):
    b.begin_record()
    b.field("x").integer(1)
    b.field("x")


@numba.njit
def err_slot_twice(b):
    b.begin_tuple(2)
    b.index(0).integer(1)
    b.index(0)


@numba.njit
def err_value_twice(b):
    b.begin_record()
    b.field("x").integer(1)
    b.integer(2)


@numba.njit
def err_negative_tuple(b):
    b.begin_tuple(-1)


@numba.njit
def err_user(b):
    b.integer(1)
    b.begin_list()
    b.integer(2)
    raise KeyError("mine")


ERRORS = [
    (err_end_list, ValueError, "called 'end_list' without 'begin_list'"),
    (err_end_record, ValueError, "called 'end_record' without 'begin_record'"),
    (err_field, ValueError, "called 'field' without 'begin_record'"),
    (err_end_tuple, ValueError, "called 'end_tuple' without 'begin_tuple'"),
    (err_index, ValueError, "called 'index' without 'begin_tuple'"),
    (err_index_range, IndexError, "out of range"),
    (err_no_field, ValueError, "without selecting a field"),
    (err_no_slot, ValueError, "without selecting a slot"),
    (err_filled_twice, ValueError, "filled more than once"),
    (err_slot_twice, ValueError, "filled more than once"),
    (err_value_twice, ValueError, "filled more than once"),
    (err_negative_tuple, ValueError, "numfields must be >= 0"),
    (err_user, KeyError, "mine"),
]


@pytest.mark.parametrize(("fill", "error", "match"), ERRORS, ids=lambda x: getattr(x, "__name__", ""))
def test_errors_as_in_python(tape_mode, fill, error, match):
    builders = []
    for func in (fill, fill.py_func):
        b = ak.ArrayBuilder()
        with pytest.raises(error, match=match):
            func(b)
        builders.append(b)
    # what was called before the error took effect, on both sides
    jb, pb = builders
    assert jb.snapshot().to_list() == pb.snapshot().to_list()
    assert str(jb.type) == str(pb.type)
    jb.end_list() if fill is err_user else None
    pb.end_list() if fill is err_user else None
    assert jb.snapshot().to_list() == pb.snapshot().to_list()


def test_builder_usable_after_error():
    b = ak.ArrayBuilder()
    with pytest.raises(ValueError):
        err_end_list(b)
    fill_integers(b, 2)
    assert b.snapshot().to_list() == [1, -7, -4]


@numba.njit
def take_two(a, b):
    a.integer(1)
    b.integer(2)


def test_same_builder_twice_in_one_call():
    b = ak.ArrayBuilder()
    with pytest.raises(ValueError, match="already being filled"):
        take_two(b, b)
    take_two(b, ak.ArrayBuilder())  # nothing stays marked as open
    assert b.snapshot().to_list() == [1]


@numba.njit
def wrong_type(b):
    b.integer("x")


def test_wrong_argument_type_is_a_typing_error():
    with pytest.raises(numba.core.errors.TypingError):
        wrong_type(ak.ArrayBuilder())


@numba.njit
def with_list(b):
    with b.list():
        b.integer(1)


def test_context_managers_are_not_available_in_njit():
    # numba compiles no user-defined context managers: begin_list/end_list instead
    with pytest.raises(numba.core.errors.NumbaError):
        with_list(ak.ArrayBuilder())


@pytest.mark.parametrize(
    ("fill", "args", "columnar"),
    [
        (fill_records, (100,), True),
        (fill_list_of_records, (50,), True),
        (fill_nested_lists, (30,), True),
        (fill_missing_fields, (6,), True),  # option-type fields
        (fill_nulls, (20,), True),
        (fill_strings, (numba.typed.List(["a"]),), False),  # strings: call by call
        (fill_union, (9,), False),  # unions: call by call
        (fill_promote, (3,), False),  # int64 then float64 at one node: call by call
    ],
)
def test_columnar_path_taken_where_it_applies(monkeypatch, fill, args, columnar):
    taken = []
    original = builder_columns.columnar_replay

    def spy(*a):
        taken.append(original(*a))
        return taken[-1]

    monkeypatch.setattr(builder_columns, "columnar_replay", spy)
    run_both(fill, *args)
    assert taken and all(t == columnar for t in taken)


# ---------------------------------------------------------------------- random programs
# A program is a flat int64 array of calls (opcode, argument); ``run_program`` makes them in
# njit, its py_func in Python. Values follow one random schema (so the columnar path applies)
# with random Nones and left-out fields; some programs mix in other kinds (unions).
P_INT, P_REAL, P_BOOL, P_NULL, P_BEGIN_LIST, P_END_LIST, P_BEGIN_RECORD, P_FIELD, P_END_RECORD = range(9)
P_BEGIN_TUPLE, P_INDEX, P_END_TUPLE, P_STRING = 9, 10, 11, 12


@numba.njit
def run_program(b, program):
    for k in range(0, len(program), 2):
        op = program[k]
        arg = program[k + 1]
        if op == P_INT:
            b.integer(arg)
        elif op == P_REAL:
            b.real(arg * 0.5)
        elif op == P_BOOL:
            b.boolean(arg % 2 == 1)
        elif op == P_NULL:
            b.null()
        elif op == P_BEGIN_LIST:
            b.begin_list()
        elif op == P_END_LIST:
            b.end_list()
        elif op == P_BEGIN_RECORD:
            b.begin_record()
        elif op == P_FIELD:
            if arg == 0:
                b.field("a")
            elif arg == 1:
                b.field("b")
            else:
                b.field("c")
        elif op == P_END_RECORD:
            b.end_record()
        elif op == P_BEGIN_TUPLE:
            b.begin_tuple(arg)
        elif op == P_INDEX:
            b.index(arg)
        elif op == P_END_TUPLE:
            b.end_tuple()
        else:
            b.string("s")


def _random_schema(rng, depth=0):
    kinds = ["int", "real", "bool"] + (["list", "record", "tuple"] if depth < 3 else [])
    kind = kinds[rng.integers(len(kinds))]
    if kind == "list":
        return ("list", _random_schema(rng, depth + 1))
    if kind == "record":
        return ("record", [_random_schema(rng, depth + 1) for _ in range(rng.integers(1, 4))])
    if kind == "tuple":
        return ("tuple", [_random_schema(rng, depth + 1) for _ in range(rng.integers(1, 3))])
    return (kind, None)


def _emit(rng, schema, out, p_null, p_other):
    kind, inner = schema
    if rng.random() < p_null:
        out += [P_NULL, 0]
    elif rng.random() < p_other:
        out += [P_STRING, 0]
    elif kind in ("int", "real", "bool"):
        out += [{"int": P_INT, "real": P_REAL, "bool": P_BOOL}[kind], int(rng.integers(-5, 50))]
    elif kind == "list":
        out += [P_BEGIN_LIST, 0]
        for _ in range(rng.integers(0, 4)):
            _emit(rng, inner, out, p_null, p_other)
        out += [P_END_LIST, 0]
    elif kind == "record":
        out += [P_BEGIN_RECORD, 0]
        for i, field in enumerate(inner):
            if rng.random() < 0.8:
                out += [P_FIELD, i]
                _emit(rng, field, out, p_null, p_other)
        out += [P_END_RECORD, 0]
    else:
        out += [P_BEGIN_TUPLE, len(inner)]
        for i, slot in enumerate(inner):
            if rng.random() < 0.9:
                out += [P_INDEX, i]
                _emit(rng, slot, out, p_null, p_other)
        out += [P_END_TUPLE, 0]


@pytest.mark.parametrize("seed", range(24))
def test_random_programs(tape_mode, seed):
    rng = np.random.default_rng(seed)
    schema = _random_schema(rng)
    p_null = [0.0, 0.1, 0.3][seed % 3]
    p_other = 0.05 if seed % 4 == 3 else 0.0
    out = []
    for _ in range(rng.integers(1, 40)):
        _emit(rng, schema, out, p_null, p_other)
    program = np.array(out, np.int64)
    run_both(run_program, program)
    # cut anywhere (lists/records left open): the second part compiled, after either side
    half = (len(program) // 4) * 2
    run_both(run_program, program[:half], after=lambda b: run_program(b, program[half:]))


CACHED_MODULE = '''
import sys
import awkward as ak
import numba
from awkward._connect.numba.builder_replay import intern

for key in sys.argv[1:]:
    intern(key)  # another process: other ids for the same keys

@numba.njit(cache=True)
def fill(b, d):
    b.begin_record("pt")
    b.field("x").integer(1)
    b.field("y").datetime(d)
    b.end_record()

import numpy as np
b = ak.ArrayBuilder()
fill(b, np.datetime64(3, "s"))
print(repr(b.snapshot().to_list()), b.snapshot().layout.parameter("__record__"),
      sum(fill.stats.cache_hits.values()))
'''


def test_cache_true_code_reinterns_its_keys(tmp_path):
    # literal field keys, record names and units are looked up at run time, once per process:
    # code loaded from numba's cache must not reuse the compiling process's ids
    import subprocess
    import sys

    script = tmp_path / "cached_fill.py"
    script.write_text(CACHED_MODULE)
    env = {**__import__("os").environ, "NUMBA_CACHE_DIR": str(tmp_path / "cache")}
    outputs = []
    for extra in ([], ["y", "s", "pt", "x", "q"]):
        result = subprocess.run(
            [sys.executable, str(script), *extra], capture_output=True, text=True, env=env, check=True
        )
        outputs.append(result.stdout.strip())
    expected = "[{'x': 1, 'y': datetime.datetime(1970, 1, 1, 0, 0, 3)}] pt"
    assert outputs[0].startswith(expected) and outputs[0].endswith(" 0")
    assert outputs[1].startswith(expected) and outputs[1].endswith(" 1")  # loaded from the cache
