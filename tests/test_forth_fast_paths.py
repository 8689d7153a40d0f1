"""AwkwardForth: the interpreter's fast paths (fixed-size reads straight into outputs or onto
the stack, reused output buffers) against numpy models, and inputs that once overflowed a size
computation (huge counts) and must end in an error, never a crash."""

from __future__ import annotations

import numpy as np
import pytest

from awkward.forth import ForthMachine32, ForthMachine64

KINDS = {
    "?": np.bool_,
    "b": np.int8,
    "h": np.int16,
    "i": np.int32,
    "q": np.int64,
    "n": np.int64,
    "B": np.uint8,
    "H": np.uint16,
    "I": np.uint32,
    "Q": np.uint64,
    "N": np.uint64,
    "f": np.float32,
    "d": np.float64,
}
DTYPES = [
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float32",
    "float64",
]


def _source_values(kind):
    """Values of a read kind that every output dtype represents exactly."""
    values = np.array([0, 1, 5, 7, 100, 3, 0, 2], dtype=np.int64)
    if kind == "?":
        return (values % 2).astype(np.uint8)  # a bool read takes one raw byte
    return values.astype(KINDS[kind])


def _model(raw, kind, dtype):
    """What the machine must write: the raw values, read as `kind`, cast to `dtype`."""
    if dtype == "bool":
        return (raw != 0).tolist()
    return raw.astype(np.int64).astype(dtype).tolist()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("bigendian", [False, True])
@pytest.mark.parametrize("dtype", DTYPES)
def test_fixed_reads_into_every_output_dtype(kind, bigendian, dtype):
    raw = _source_values(kind)
    order = ">" if bigendian and kind != "?" else "<"
    data = raw.astype(raw.dtype.newbyteorder(order)).tobytes()
    bang = "!" if bigendian else ""
    # one value at a time, then the rest with one repeated read
    source = f"""input x output o {dtype}
x {bang}{kind}-> o x {bang}{kind}-> o 6 x #{bang}{kind}-> o"""
    vm = ForthMachine64(source)
    vm.run({"x": np.frombuffer(data, np.uint8)})
    assert vm.output("o").dtype == np.dtype("?" if dtype == "bool" else dtype)
    assert vm.output("o").tolist() == _model(raw, kind, dtype)
    assert vm.input_position("x") == len(data)
    assert (vm.count_instructions, vm.count_reads, vm.count_writes) == (4, 3, 3)


@pytest.mark.parametrize("machine", [ForthMachine32, ForthMachine64])
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("bigendian", [False, True])
def test_fixed_reads_onto_the_stack(machine, kind, bigendian):
    raw = _source_values(kind)
    order = ">" if bigendian and kind != "?" else "<"
    data = raw.astype(raw.dtype.newbyteorder(order)).tobytes()
    bang = "!" if bigendian else ""
    vm = machine(f"input x x {bang}{kind}-> stack x {bang}{kind}-> stack 6 x #{bang}{kind}-> stack")
    vm.run({"x": np.frombuffer(data, np.uint8)})
    expected = [int(v) for v in raw]
    if kind == "?":
        expected = [1 if v else 0 for v in expected]
    assert vm.stack == expected


FIVE = bytes([1, 2, 3, 0x81, 0x82])

# A read that fails, as awkward 2.14 leaves the machine (observed with its ForthMachine64): a
# repeated read has popped its count, the bytes consumed before the error stay consumed, the
# values read before it stay read, count_reads counts the reads that succeeded and
# count_writes only the fixed-size reads into outputs. Repeated text numbers are separated by
# whitespace; single text reads skip none.
# (source, input, stack_max_depth, (result, stack, position, instructions, reads, writes, outputs))
READ_ERROR_STATES = [
    (
        "output o int32 9 x #varint-> o",
        FIVE,
        1024,
        ("read beyond", [], 5, 1, 0, 0, {"o": [1, 2, 3]}),
    ),
    (
        "output o int32 9 x #zigzag-> o",
        FIVE,
        1024,
        ("read beyond", [], 5, 1, 0, 0, {"o": [-1, 1, -2]}),
    ),
    (
        "1 x varint-> stack x varint-> stack x varint-> stack x varint-> stack",
        FIVE,
        1024,
        ("read beyond", [1, 1, 2, 3], 5, 4, 3, 0, {}),
    ),
    ("x !B-> stack x !B-> stack x !B-> stack", FIVE, 2, ("stack overflow", [1, 2], 3, 2, 2, 0, {})),
    (
        "output o int32 x textint-> o",
        FIVE,
        1024,
        ("text number missing", [], 0, 0, 0, 0, {"o": []}),
    ),
    ("2 x #textint-> stack", b"12 x", 1024, ("text number missing", [12], 3, 1, 0, 0, {})),
    (
        "output o float64 3 x #textfloat-> o",
        b"1.5 2.5 x",
        1024,
        ("text number missing", [], 8, 1, 0, 0, {"o": [1.5, 2.5]}),
    ),
    (
        "output o uint8 x quotedstr-> o x quotedstr-> o",
        b'"ab""c',
        1024,
        ("quoted string missing", [2], 6, 1, 1, 0, {"o": [97, 98]}),
    ),
    (
        "output o int64 3 x #varint-> o",
        b"\xff" * 11,
        1024,
        ("varint too big", [], 10, 1, 0, 0, {"o": []}),
    ),
    ("3 x #textint-> stack", b"1 2  3", 1024, (None, [1, 2, 3], 6, 2, 1, 0, {})),
    (
        "x textint-> stack x textint-> stack",
        b"7 8",
        1024,
        ("text number missing", [7], 1, 1, 1, 0, {}),
    ),
    ("2 x #textint-> stack", b"7 8 ", 1024, (None, [7, 8], 3, 2, 1, 0, {})),
    (
        "output o int32 x textint-> o 1 x #textint-> o",
        b"7 8",
        1024,
        ("text number missing", [], 1, 2, 1, 0, {"o": [7]}),
    ),
    (
        "output o int32 x varint-> o 2 x #varint-> o",
        b"\x01\x02\x03",
        1024,
        (None, [], 3, 3, 2, 0, {"o": [1, 2, 3]}),
    ),
    (
        "x varint-> stack x varint-> stack",
        b"\x01\x02\x03",
        1,
        ("stack overflow", [1], 2, 1, 1, 0, {}),
    ),
    ("output o int32 9 x #!i-> o", FIVE, 1024, ("read beyond", [], 0, 1, 0, 0, {"o": []})),
    (
        "output o int32 x !i-> o 3 x #!B-> o",
        bytes([1, 2, 3, 4, 5]),
        1024,
        ("read beyond", [], 4, 2, 1, 1, {"o": [16909060]}),
    ),
    (
        "output o int32 x i-> o 1 x #B-> o",
        bytes([1, 2, 3, 4, 5]),
        1024,
        (None, [], 5, 3, 2, 2, {"o": [67305985, 5]}),
    ),
]


@pytest.mark.parametrize(("source", "data", "depth", "expected"), READ_ERROR_STATES)
def test_read_errors_leave_the_machine_as_2_14_does(source, data, depth, expected):
    vm = ForthMachine64("input x " + source, depth)
    flags = {
        f"raise_{name}": False
        for name in [
            "read_beyond",
            "stack_overflow",
            "text_number_missing",
            "quoted_string_missing",
            "varint_too_big",
        ]
    }
    result = vm.run({"x": np.frombuffer(data, np.uint8)}, **flags)
    outputs = {name: array.tolist() for name, array in vm.outputs.items()}
    state = (
        result,
        vm.stack,
        vm.input_position("x"),
        vm.count_instructions,
        vm.count_reads,
        vm.count_writes,
        outputs,
    )
    assert state == expected


@pytest.mark.parametrize(
    "source",
    [
        # counts whose byte size overflows 64 bits: read beyond, not a wild read or write
        "input x output o float64 4611686018427387905 x #q-> o",
        "input x output o int32 2305843009213693953 x #!i-> o",
        "input x 4611686018427387905 x #q-> stack",
        "input x -4611686018427387904 x #d-> stack",
    ],
)
def test_huge_counts_are_read_beyond(source):
    vm = ForthMachine64(source)
    assert vm.run({"x": np.zeros(24, np.uint8)}, raise_read_beyond=False) in ("read beyond", None)
    assert len(vm.stack) <= 1


@pytest.mark.parametrize("count", [2**61, 2**62, 2**63 - 1])
def test_huge_output_dup_is_a_memory_error(count):
    vm = ForthMachine64(f"output o int32 1 o <- stack {count} o dup")
    with pytest.raises(MemoryError):
        vm.run()


@pytest.mark.parametrize("machine", [ForthMachine32, ForthMachine64])
def test_huge_skip_and_peek_are_errors(machine):
    big = 2**31 - 1 if machine is ForthMachine32 else 2**63 - 1
    for word, error in [("skip", "skip beyond"), ("peek", "read beyond")]:
        vm = machine(f"input x 3 x skip {big} x {word}")
        assert (
            vm.run({"x": np.zeros(8, np.uint8)}, **{f"raise_{error.replace(' ', '_')}": False})
            == error
        )


def test_machine_reused_for_another_run_starts_with_empty_outputs():
    source = """input x output offsets int64 output content float32
0 offsets <- stack
begin x end 0= while x !I-> stack dup offsets +<- stack x #!f-> content repeat"""

    def stream(lists):
        parts = []
        for row in lists:
            parts.append(np.array([len(row)], ">u4").view(np.uint8))
            parts.append(np.array(row, ">f4").view(np.uint8))
        return np.concatenate(parts) if parts else np.zeros(0, np.uint8)

    vm = ForthMachine64(source, output_initial_size=2)
    first = [[1.0, 2.0, 3.0] * 50, [], [4.5]]
    second = [[7.0], [8.0, 9.0]]
    vm.run({"x": stream(first)})
    assert vm.output("content").tolist() == [x for row in first for x in row]
    vm.run({"x": stream(second)})  # the grown buffers are kept, their old values are not
    assert vm.output("offsets").tolist() == [0, 1, 3]
    assert vm.output("content").tolist() == [7.0, 8.0, 9.0]
    vm.reset()
    vm.run({"x": stream(first)})
    assert vm.output("offsets").tolist() == [0, 150, 150, 151]
    # the counters add up over runs: 2 + 8 per list + the last end 0= while, three runs
    assert vm.count_instructions == (2 + 8 * 3 + 3) + (2 + 8 * 2 + 3) + (2 + 8 * 3 + 3)


def test_counts_of_a_read_loop_are_exact():
    source = """input x output offsets int64 output content float32
0 offsets <- stack
begin x end 0= while x !I-> stack dup offsets +<- stack x #!f-> content repeat"""
    lists = [[1.0] * k for k in (3, 0, 2, 5)]
    data = np.concatenate(
        [
            np.concatenate(
                [np.array([len(r)], ">u4").view(np.uint8), np.array(r, ">f4").view(np.uint8)]
            )
            for r in lists
        ]
    )
    vm = ForthMachine64(source)
    vm.run({"x": data})
    n = len(lists)
    # 0, offsets <- stack; per list 8 instructions; the final end 0= while
    assert vm.count_instructions == 2 + 8 * n + 3
    assert vm.count_reads == 2 * n
    assert vm.count_writes == 1 + 2 * n


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [("float64", [0.25, 3.25, 5.25]), ("float32", [0.25, 3.25, 5.25]), ("int32", [0, 3, 5])],
)
def test_add_to_last_value_in_the_output_dtype(dtype, expected):
    # +<- adds to the last value in floating point for float outputs (as 2.14)
    vm = ForthMachine64(f"input x output o {dtype} x d-> o 3 o +<- stack 2 o +<- stack")
    vm.run({"x": np.array([0.25], "<f8").view(np.uint8)})
    assert vm.output("o").tolist() == expected


def test_pause_that_ends_the_program_ends_it():
    vm = ForthMachine64("1 pause 2 pause")
    vm.run()
    assert not vm.is_done
    vm.resume()
    assert vm.is_done and vm.stack == [1, 2]
    assert vm.count_instructions == 4


def test_an_error_stays_until_begin():
    vm = ForthMachine64("input x 1 2 5 x #i-> stack 3")
    vm.begin({"x": np.zeros(2, np.uint8)})
    for _ in range(3):  # resuming does not run the failed read again (it popped its count)
        assert vm.resume(raise_read_beyond=False) == "read beyond"
        assert vm.stack == [1, 2]
    assert vm.step(raise_read_beyond=False) == "read beyond"
    vm.begin({"x": np.zeros(20, np.uint8)})
    assert vm.resume() is None
    assert vm.stack == [1, 2, 0, 0, 0, 0, 0, 3]
