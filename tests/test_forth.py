"""AwkwardForth (awkward.forth.ForthMachine32/64): words, reads, outputs, errors, pause/resume.

Expected values come from Python itself (struct, integer arithmetic with floor semantics,
small encoders below), never from the machine's own results."""

from __future__ import annotations

import random
import struct

import numpy as np
import pytest

from awkward.forth import ForthMachine32, ForthMachine64


def run_stack(source, inputs=None, machine=ForthMachine64):
    vm = machine(source)
    vm.run(inputs or {})
    return vm.stack


def as_input(data: bytes):
    return np.frombuffer(data, np.uint8)


# ---- stack words, arithmetic, control flow ------------------------------------------------

STACK_CASES = [
    ("1 2 3", [1, 2, 3]),
    ("1 2 +", [3]),
    ("1 2 -", [-1]),
    ("6 7 *", [42]),
    ("-7 2 /", [-7 // 2]),
    ("7 -2 /", [7 // -2]),
    ("-7 2 mod", [-7 % 2]),
    ("7 -2 mod", [7 % -2]),
    ("-7 2 /mod", [-7 % 2, -7 // 2]),
    ("3 negate", [-3]),
    ("3 1+ 3 1-", [4, 2]),
    ("-5 abs 5 abs", [5, 5]),
    ("1 2 min 1 2 max", [1, 2]),
    ("1 2 = 2 2 = 1 2 <> 1 2 > 1 2 >= 1 2 < 1 2 <= 0 0= 5 0=", [0, -1, -1, 0, 0, -1, -1, -1, 0]),
    ("true false", [-1, 0]),
    ("5 invert", [~5]),
    ("12 10 and 12 10 or 12 10 xor", [12 & 10, 12 | 10, 12 ^ 10]),
    ("1 3 lshift -16 2 rshift", [1 << 3, -16 >> 2]),
    ("1 dup", [1, 1]),
    ("1 2 drop", [1]),
    ("1 2 swap", [2, 1]),
    ("1 2 over", [1, 2, 1]),
    ("1 2 3 rot", [2, 3, 1]),
    ("1 2 nip", [2]),
    ("1 2 tuck", [2, 1, 2]),
    ("0x10 -0x10", [16, -16]),
    ("1 ( a comment ) 2 \\ to the end of the line\n 3", [1, 2, 3]),
    ("1 if 2 then 0 if 3 then", [2]),
    ("0 if 1 else 2 then 1 if 3 else 4 then", [2, 3]),
    ("5 0 do i loop", [0, 1, 2, 3, 4]),
    ("0 0 do i loop 3 5 do i loop", []),
    ("10 0 do i 3 +loop", [0, 3, 6, 9]),
    ("0 10 do i -3 +loop", []),  # as in awkward 2.14: entered only while start < limit
    ("10 0 do i 4 +loop", [0, 4, 8]),
    ("2 0 do 2 0 do i j loop loop", [0, 0, 1, 0, 0, 1, 1, 1]),
    ("2 0 do 2 0 do 2 0 do k loop loop loop", [0, 0, 0, 0, 1, 1, 1, 1]),
    ("3 begin dup 1- dup 0= until", [3, 2, 1, 0]),
    ("0 begin dup 5 < while 1+ repeat", [5]),
    ("0 begin 1+ dup 3 = if exit then again", [3]),
    ("variable x 5 x ! 3 x +! x @", [8]),
    ("3 case 1 of 10 endof 3 of 30 endof 99 swap endcase", [30]),
    ("7 case 1 of 10 endof 3 of 30 endof 99 swap endcase", [99]),
    (": sq dup * ; 3 sq 4 sq", [9, 16]),
    (": f dup 0 > if 1- recurse then ; 5 f", [0]),
    (": f 1 exit 2 ; f", [1]),
    (": fact dup 1 > if dup 1- recurse * then ; 10 fact", [3628800]),
    ("3 5 do i 1 +loop 5 5 do i -1 +loop", []),
]


@pytest.mark.parametrize(("source", "expected"), STACK_CASES)
@pytest.mark.parametrize("machine", [ForthMachine32, ForthMachine64])
def test_stack_words(source, expected, machine):
    assert run_stack(source, machine=machine) == expected


def test_machine32_wraps_to_int32():
    assert run_stack("2147483647 1+", machine=ForthMachine32) == [-(2**31)]
    assert run_stack("2147483647 1+", machine=ForthMachine64) == [2**31]


def test_variables_and_getitem():
    vm = ForthMachine64("variable a variable b output o int32 7 a ! -3 b ! 1 o <- stack")
    vm.run()
    assert vm.variables == {"a": 7, "b": -3}
    assert vm["a"] == 7
    assert vm["o"].tolist() == [1]
    with pytest.raises(
        ValueError, match="unrecognized AwkwardForth variable/output/dictionary word"
    ):
        vm["nope"]


# ---- typed reads --------------------------------------------------------------------------

READ_TYPES = [
    ("?", "?", [True, False, True]),
    ("b", "b", [-128, 0, 127]),
    ("h", "h", [-32768, 1, 32767]),
    ("i", "i", [-(2**31), 5, 2**31 - 1]),
    ("q", "q", [-(2**63), 6, 2**63 - 1]),
    ("n", "q", [-1, 0, 1]),
    ("B", "B", [0, 128, 255]),
    ("H", "H", [0, 1, 65535]),
    ("I", "I", [0, 1, 2**32 - 1]),
    ("Q", "Q", [0, 1, 2**62]),
    ("N", "Q", [0, 1, 2**40]),
    ("f", "f", [1.5, -2.25, 1e10]),
    ("d", "d", [1.5, -2.25, 1e300 / 1e285]),
]
OUTPUT_FOR = {"?": "bool", "f": "float32", "d": "float64"}


@pytest.mark.parametrize(("word", "fmt", "values"), READ_TYPES)
@pytest.mark.parametrize("bigendian", [False, True])
def test_typed_reads(word, fmt, values, bigendian):
    order = ">" if bigendian else "<"
    data = as_input(struct.pack(order + fmt * len(values), *values))
    bang = "!" if bigendian else ""
    dtype = OUTPUT_FOR.get(word, np.dtype(order + fmt).newbyteorder("=").name)
    # one at a time to the output, then all at once with '#'
    vm = ForthMachine64(
        f"input x output o {dtype} output p {dtype} "
        f"x {bang}{word}-> o x {bang}{word}-> o x {bang}{word}-> o "
        f"0 x seek {len(values)} x #{bang}{word}-> p x pos"
    )
    vm.run({"x": data})
    expected = np.array(values, dtype=dtype)
    np.testing.assert_array_equal(vm.output("o"), expected)
    np.testing.assert_array_equal(vm.output("p"), expected)
    assert vm.output("o").dtype == np.dtype(dtype)
    assert vm.stack == [len(data)]
    assert vm.input_position("x") == len(data)
    # to the stack: floats are truncated to integers
    vm = ForthMachine64(f"input x {len(values)} x #{bang}{word}-> stack")
    vm.run({"x": data})
    assert vm.stack == [int(v) for v in values]


def test_read_converts_to_output_dtype():
    data = as_input(struct.pack("<3B", 1, 2, 255))
    vm = ForthMachine64("input x output y float32 output z int8 3 x #B-> y 0 x seek 3 x #B-> z")
    vm.run({"x": data})
    assert vm.output("y").tolist() == [1.0, 2.0, 255.0]
    assert vm.output("z").tolist() == [1, 2, -1]


def encode_varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode_zigzag(n):
    return encode_varint((n << 1) ^ (n >> 63) if n < 0 else n << 1)


def test_varint_zigzag():
    unsigned = [0, 1, 127, 128, 150, 2**31, 2**63 - 1]
    signed = [0, -1, 1, -64, 64, -(2**40), 2**40]
    data = b"".join(encode_varint(v) for v in unsigned) + b"".join(encode_zigzag(v) for v in signed)
    vm = ForthMachine64(
        f"input x output u int64 output s int64 {len(unsigned)} x #varint-> u "
        f"{len(signed)} x #zigzag-> s 0 x seek x varint-> stack x varint-> stack"
    )
    vm.run({"x": as_input(data)})
    assert vm.output("u").tolist() == unsigned
    assert vm.output("s").tolist() == signed
    assert vm.stack == unsigned[:2]


def test_input_words():
    vm = ForthMachine64(
        "input x x len x pos x end 2 x seek x pos 3 x skip x pos -1 x skip x pos 6 x seek x end 0 x peek"
    )
    with pytest.raises(ValueError, match="read beyond"):
        vm.run({"x": as_input(b"abcdef")})
    vm = ForthMachine64(
        "input x x len x pos x end 2 x seek x pos 3 x skip x pos -1 x skip x pos 1 x peek 6 x seek x end"
    )
    vm.run({"x": as_input(b"abcdef")})
    assert vm.stack == [6, 0, 0, 2, 5, 4, ord("f"), -1]


def test_text_words():
    text = b'  123 -4.5e1 "ab\\"c\\u00e9\\n" true xyz'
    vm = ForthMachine64(
        "input x output f float64 output s uint8 "
        "x skipws x textint-> stack x skipws x textfloat-> f x skipws x quotedstr-> s "
        'x skipws x enum s" false" s" true" x skipws x enum s" a" s" b" x pos'
    )
    vm.run({"x": as_input(text)})
    expected_string = 'ab"cé\n'.encode()
    assert vm.stack == [123, len(expected_string), 1, -1, len(text) - 3]
    assert vm.output("f").tolist() == [-45.0]
    assert vm.output("s").tobytes() == expected_string


def test_string_literals():
    vm = ForthMachine64('s" hello" s" w"')
    vm.run()
    assert vm.stack == [0, 5, 1, 1]
    assert vm.string_at(0) == "hello"
    assert vm.string_at(1) == "w"


# ---- output words -------------------------------------------------------------------------


def test_output_words():
    vm = ForthMachine64(
        "output y int32 output z float64 1 y <- stack 2 y +<- stack 3 y +<- stack y len "
        "1 y rewind y len 2 y dup 5 z <- stack 2 z +<- stack"
    )
    vm.run()
    assert vm.output("y").tolist() == [1, 3, 3, 3]
    assert vm.output("z").tolist() == [5.0, 7.0]
    assert vm.stack == [3, 2]
    assert set(vm.outputs) == {"y", "z"}
    assert vm.outputs["y"].dtype == np.dtype(np.int32)


@pytest.mark.parametrize(
    "dtype",
    [
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
    ],
)
def test_output_dtypes(dtype):
    vm = ForthMachine64(f"output o {dtype} 1 o <- stack 0 o <- stack")
    vm.run()
    assert vm.output("o").dtype == np.dtype(dtype)
    assert vm.output("o").tolist() == np.array([1, 0], dtype=dtype).tolist()


def test_output_grows_past_initial_size():
    vm = ForthMachine64("output o int64 10000 0 do i o <- stack loop", 1024, 1024, 1024, 4, 1.5)
    vm.run()
    np.testing.assert_array_equal(vm.output("o"), np.arange(10000))


# ---- length-prefixed lists (uproot-like) --------------------------------------------------

UPROOT_LIKE = """
input stream
output offsets int64
output content float32
0 offsets <- stack
begin
    stream end 0= while
    stream !I-> stack
    dup offsets +<- stack
    stream #!f-> content
repeat
"""


def test_length_prefixed_lists_match_numpy():
    rng = np.random.default_rng(12345)
    lists = [rng.random(rng.integers(0, 6)).astype(np.float32) for _ in range(500)]
    data = b"".join(struct.pack(">I", len(x)) + x.astype(">f4").tobytes() for x in lists)
    vm = ForthMachine64(UPROOT_LIKE)
    vm.run({"stream": as_input(data)})
    np.testing.assert_array_equal(vm.output("offsets"), np.cumsum([0] + [len(x) for x in lists]))
    np.testing.assert_array_equal(vm.output("content"), np.concatenate(lists))


def test_nested_vector_like_uproot_objects():
    # std::vector<std::vector<float>> entries with a byte-count header (0x40000000 | n), version,
    # then the outer size and, for each inner vector, its size and big-endian floats
    rng = np.random.default_rng(7)
    entries = [
        [rng.random(rng.integers(0, 4)).astype(np.float32) for _ in range(rng.integers(0, 4))]
        for _ in range(200)
    ]
    chunks, starts = [], []
    position = 0
    for entry in entries:
        body = struct.pack(">I", len(entry)) + b"".join(
            struct.pack(">I", len(x)) + x.astype(">f4").tobytes() for x in entry
        )
        chunk = struct.pack(">IH", 0x40000000 | (len(body) + 2), 9) + body
        starts.append(position)
        position += len(chunk)
        chunks.append(chunk)
    source = """
    input stream input byteoffsets
    output outer-offsets int64 output inner-offsets int64 output content float32
    0 outer-offsets <- stack 0 inner-offsets <- stack
    0 do
        byteoffsets I-> stack stream seek
        6 stream skip
        stream !I-> stack dup outer-offsets +<- stack
        0 do
            stream !I-> stack dup inner-offsets +<- stack
            stream #!f-> content
        loop
    loop
    """
    vm = ForthMachine64(source)
    vm.begin({"stream": as_input(b"".join(chunks)), "byteoffsets": np.array(starts, np.int32)})
    vm.stack_push(len(entries))
    assert vm.resume() is None
    inner = [x for entry in entries for x in entry]
    np.testing.assert_array_equal(
        vm.output("outer-offsets"), np.cumsum([0] + [len(e) for e in entries])
    )
    np.testing.assert_array_equal(
        vm.output("inner-offsets"), np.cumsum([0] + [len(x) for x in inner])
    )
    np.testing.assert_array_equal(vm.output("content"), np.concatenate(inner))


# ---- errors -------------------------------------------------------------------------------

ERROR_CASES = [
    ("halt", None, "user halt", "raise_user_halt"),
    (": f f ; f", None, "recursion depth exceeded", "raise_recursion_depth_exceeded"),
    ("drop", None, "stack underflow", "raise_stack_underflow"),
    ("1025 0 do i loop", None, "stack overflow", "raise_stack_overflow"),
    ("input x x i-> stack", b"abc", "read beyond", "raise_read_beyond"),
    ("input x 4 x seek", b"abc", "seek beyond", "raise_seek_beyond"),
    ("input x -1 x skip", b"abc", "skip beyond", "raise_skip_beyond"),
    ("output o int32 1 o rewind", None, "rewind beyond", "raise_rewind_beyond"),
    ("output o int32 1 o dup", None, "rewind beyond", "raise_rewind_beyond"),
    ("1 0 /", None, "division by zero", "raise_division_by_zero"),
    ("1 0 mod", None, "division by zero", "raise_division_by_zero"),
    ("input x x varint-> stack", b"\xff" * 11, "varint too big", "raise_varint_too_big"),
    ("input x x textint-> stack", b"abc", "text number missing", "raise_text_number_missing"),
    (
        "input x output o float64 x textfloat-> o",
        b"-.",
        "text number missing",
        "raise_text_number_missing",
    ),
    (
        "input x output o uint8 x quotedstr-> o",
        b"abc",
        "quoted string missing",
        "raise_quoted_string_missing",
    ),
    (
        "input x output o uint8 x quotedstr-> o",
        b'"abc',
        "quoted string missing",
        "raise_quoted_string_missing",
    ),
    ('input x x enumonly s" a" s" b"', b"c", "enumeration missing", "raise_enumeration_missing"),
]


@pytest.mark.parametrize(("source", "data", "name", "flag"), ERROR_CASES)
def test_runtime_errors(source, data, name, flag):
    inputs = {} if data is None else {"x": as_input(data)}
    vm = ForthMachine64(source)
    with pytest.raises(ValueError, match=f"'{name}' in AwkwardForth runtime: "):
        vm.run(inputs)
    vm = ForthMachine64(source)
    assert vm.run(inputs, **{flag: False}) == name


def test_error_leaves_stack_as_2_14_does():
    vm = ForthMachine64("1 0 /")
    assert vm.run(raise_division_by_zero=False) == "division by zero"
    assert vm.stack == [1]


COMPILE_ERRORS = [
    ("foo", "unrecognized word or wrong context for word"),
    ("then", "unrecognized word or wrong context for word"),
    ("1 if 2", "'if' is missing its closing 'then'"),
    ("5 0 do i", "'do' is missing its closing 'loop'"),
    ("begin 1", "'begin' is missing"),
    ("0 begin 1 while 2", "'while' is missing its closing 'repeat'"),
    ("1 case 1 of 2", "'of' is missing its closing 'endof'"),
    (": foo 1", "missing its closing ';'"),
    ("variable v v", "missing '!', '+!', or '@' after variable name"),
    ("output y int32 y", "after output name"),
    ("input x x 3 skip", "missing '*-> stack/output'"),
    ("input x x textfloat-> stack", "'stack' not allowed after 'textfloat->'"),
    ("input x x quotedstr-> stack", "'stack' not allowed after 'quotedstr->'"),
    ("output a intp", "output dtype not recognized"),
    ("variable x variable x", "name is already defined"),
    ("variable dup", "reserved word"),
    ("recurse", "'recurse' outside of a word definition"),
    ('s" abc', "unterminated string literal"),
    ("1 if variable v then", "declarations are only allowed at the top level"),
    (": inner i ; 3 0 do inner loop", "only allowed in a 'do' loop"),
    ("3 0 do j loop", "only allowed in a 'do' loop"),
    ("3 0 do 3 0 do k loop loop", "only allowed in a 'do' loop"),
]


@pytest.mark.parametrize(("source", "message"), COMPILE_ERRORS)
def test_compile_errors(source, message):
    with pytest.raises(ValueError, match="in AwkwardForth source code, line 1 col") as err:
        ForthMachine64(source)
    assert message in str(err.value)


def test_input_errors():
    vm = ForthMachine64("input x")
    with pytest.raises(ValueError, match="defines an input that was not provided: x"):
        vm.run()
    with pytest.raises(ValueError, match="input not found: y"):
        vm.run({"x": as_input(b""), "y": as_input(b"")})
    with pytest.raises(ValueError, match="input not found: q"):
        vm.input_position("q")


# ---- the pause/resume protocol and the machine's state ------------------------------------


def test_pause_resume():
    vm = ForthMachine64("1 pause 2 pause 3")
    assert vm.run() is None
    assert vm.stack == [1]
    assert not vm.is_done
    assert vm.resume() is None
    assert vm.stack == [1, 2]
    assert vm.resume() is None
    assert vm.stack == [1, 2, 3]
    assert vm.is_done
    with pytest.raises(ValueError, match="'is done' in AwkwardForth runtime"):
        vm.resume()


def test_pause_inside_word_and_loop():
    vm = ForthMachine64("output o int32 variable n : f n @ o <- stack 1 n +! pause ; 3 0 do f loop")
    vm.run()
    seen = [vm.output("o").tolist()]
    while not vm.is_done:
        vm.resume()
        seen.append(vm.output("o").tolist())
    assert seen == [[0], [0, 1], [0, 1, 2], [0, 1, 2]]


def test_halt_then_not_ready():
    vm = ForthMachine64("1 halt 2")
    assert vm.run(raise_user_halt=False) == "user halt"
    assert vm.stack == [1]
    assert vm.is_done
    with pytest.raises(ValueError, match="'not ready'"):
        vm.resume()


def test_not_ready_before_begin():
    vm = ForthMachine64("1")
    assert not vm.is_ready
    for method in (vm.resume, vm.step):
        with pytest.raises(ValueError, match="'not ready' in AwkwardForth runtime"):
            method()
    with pytest.raises(ValueError, match="'is done'"):
        _ = vm.current_instruction
    assert vm.current_bytecode_position == -1


def test_step_and_call():
    vm = ForthMachine64(": foo 10 + ; 1 2 foo variable v output y int32 input x")
    vm.begin({"x": as_input(b"\x00")})
    assert vm.is_ready
    assert vm.current_recursion_depth == 1
    assert vm.current_instruction == "1"
    vm.step()
    assert vm.stack == [1]
    assert vm.current_instruction == "2"
    vm.step()
    assert vm.current_instruction == "foo"
    vm.step()
    assert vm.current_recursion_depth == 2
    assert vm.current_instruction == "10"
    assert vm.call("foo") is None
    assert vm.stack == [1, 12]
    with pytest.raises(RuntimeError, match="AwkwardForth unrecognized word: bar"):
        vm.call("bar")
    assert vm.count_instructions == 5
    assert (vm.is_defined("foo"), vm.is_variable("v"), vm.is_input("x"), vm.is_output("y")) == (
        True,
        True,
        True,
        True,
    )
    assert (vm.is_defined("v"), vm.is_output("foo")) == (False, False)
    assert vm.dictionary == ["foo"]
    vm.count_reset()
    assert vm.count_instructions == 0


def test_stack_push_pop_clear_reset():
    vm = ForthMachine64("input x output y int32 x i-> y 3 9 pause 4")
    vm.begin({"x": as_input(b"\x01\x00\x00\x00")})
    vm.resume()
    vm.stack_push(7)
    assert vm.stack == [3, 9, 7]
    assert vm.stack_pop() == 7
    vm.stack_clear()
    assert vm.stack == []
    with pytest.raises(ValueError, match="AwkwardForth stack underflow"):
        vm.stack_pop()
    assert vm.output("y").tolist() == [1]
    vm.reset()
    assert not vm.is_ready
    assert vm.outputs["y"].tolist() == []
    small = ForthMachine32("1", 2)
    small.stack_push(1)
    small.stack_push(2)
    with pytest.raises(ValueError, match="AwkwardForth stack overflow"):
        small.stack_push(3)


def test_begin_again_keeps_outputs():
    vm = ForthMachine64("input x output o uint8 x #B-> o", 1024, 1024, 1024, 1024, 1.5)
    vm.begin({"x": as_input(b"ab")})
    vm.stack_push(2)
    vm.resume()
    vm.begin_again({"x": as_input(b"cd")}, True)
    vm.stack_push(2)
    vm.resume()
    assert vm.output("o").tobytes() == b"abcd"


def test_properties():
    source = "variable v input x output y int32 : w 1 ; x i-> stack 5 v !"
    vm = ForthMachine64(source, 10, 20, 30, 40, 2.0)
    assert vm.source == source
    assert (vm.stack_max_depth, vm.recursion_max_depth, vm.string_buffer_size) == (10, 20, 30)
    assert (vm.output_initial_size, vm.output_resize_factor) == (40, 2.0)
    assert vm.abi_version == 1
    assert vm.decompiled.startswith("variable v\ninput x\noutput y int32\n\n")
    assert ": w" in vm.decompiled and "x i-> stack" in vm.decompiled
    assert all(isinstance(b, int) for b in vm.bytecodes)
    assert vm.bytecodes_offsets[0] == 0 and vm.bytecodes_offsets[-1] == len(vm.bytecodes)
    vm.run({"x": as_input(b"\x02\x00\x00\x00")})
    assert vm.count_reads == 1
    assert vm.count_nanoseconds >= 0
    assert vm.input_position("x") == 4


def test_inputs_accept_buffer_protocol_objects():
    for data in (
        b"\x05\x00\x00\x00",
        bytearray(b"\x05\x00\x00\x00"),
        np.array([5], np.int32),
        memoryview(b"\x05\x00\x00\x00"),
    ):
        vm = ForthMachine64("input x x i-> stack")
        vm.run({"x": data})
        assert vm.stack == [5]
    # non-contiguous arrays are copied to contiguous
    vm = ForthMachine64("input x x i-> stack x i-> stack")
    vm.run({"x": np.array([1, 99, 2, 99], np.int32)[::2]})
    assert vm.stack == [1, 2]


# ---- fuzzing: random programs and inputs never crash the process --------------------------

FUZZ_WORDS = [
    "dup",
    "drop",
    "swap",
    "over",
    "rot",
    "nip",
    "tuck",
    "+",
    "-",
    "*",
    "/",
    "mod",
    "/mod",
    "negate",
    "1+",
    "1-",
    "abs",
    "min",
    "max",
    "=",
    "<>",
    "<",
    ">",
    "0=",
    "invert",
    "and",
    "or",
    "xor",
    "lshift",
    "rshift",
    "i",
    "j",
    "k",
    "halt",
    "pause",
    "v @",
    "v !",
    "v +!",
    "x len",
    "x pos",
    "x end",
    "x seek",
    "x skip",
    "x skipws",
    "x peek",
    "x i-> stack",
    "x #B-> o",
    "x !d-> o",
    "x varint-> stack",
    "x zigzag-> stack",
    "x textint-> stack",
    "x textfloat-> o",
    "x quotedstr-> o",
    "o <- stack",
    "o +<- stack",
    "o len",
    "o rewind",
    "o dup",
    "f",
    "0",
    "1",
    "2",
    "3",
    "-1",
    "100",
    "x #varint-> o",
]


def random_program(rng, depth=0):
    parts = []
    for _ in range(rng.randint(0, 8)):
        r = rng.random()
        if depth < 3 and r < 0.08:
            parts.append(
                f"if {random_program(rng, depth + 1)} else {random_program(rng, depth + 1)} then"
            )
        elif depth < 3 and r < 0.14:
            parts.append(f"{rng.randint(0, 5)} 0 do {random_program(rng, depth + 1)} loop")
        elif depth < 3 and r < 0.18:
            parts.append(
                f"{rng.randint(0, 3)} begin {random_program(rng, depth + 1)} 1- dup 0 <= until drop"
            )
        else:
            parts.append(rng.choice(FUZZ_WORDS))
    return " ".join(parts)


@pytest.mark.parametrize("machine", [ForthMachine32, ForthMachine64])
def test_fuzz_random_programs(machine):
    rng = random.Random(2024)
    compiled = 0
    for _ in range(400):
        body = random_program(rng)
        source = f"input x output o float64 variable v : f {random_program(rng, 2)} ; {body}"
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 40)))
        try:
            vm = machine(source, 64, 16)
        except ValueError as err:  # i/j/k outside a loop: a compile error, never a crash
            assert "in AwkwardForth source code" in str(err)
            continue
        compiled += 1
        try:
            vm.run({"x": as_input(data)})
            for _ in range(5):
                if vm.is_done or not vm.is_ready:
                    break
                vm.resume()
        except ValueError as err:
            assert "AwkwardForth runtime" in str(err)
        assert len(vm.stack) <= 64
    assert compiled > 100


# ---- uproot's own programs ----------------------------------------------------------------

UPROOT_STRINGS_1_5 = """
input stream
output out-main uint8
output out-offsets int64
0 out-offsets <- stack
begin
    stream !B-> stack dup 255 = if drop stream !I-> stack then dup out-offsets +<- stack stream #!B-> out-main
again
"""


def test_uproot_string_reader_program():
    # the program uproot.interpretation.strings.AsStrings runs (lengths < 255 take one byte,
    # longer ones are 255 then a big-endian uint32); uproot stops it with raise_read_beyond=False
    strings = [b"hello", b"", "wörld".encode(), b"x" * 300, b"y" * 254, b"z" * 255]
    data = b"".join(
        (bytes([len(s)]) if len(s) < 255 else b"\xff" + struct.pack(">I", len(s))) + s
        for s in strings
    )
    vm = ForthMachine64(UPROOT_STRINGS_1_5)
    vm.begin({"stream": np.array(as_input(data))})
    assert vm.resume(raise_read_beyond=False) == "read beyond"
    offsets = vm.output("out-offsets")
    content = vm.output("out-main").tobytes()
    vm.reset()
    assert offsets.tolist() == np.cumsum([0] + [len(s) for s in strings]).tolist()
    assert [content[a:b] for a, b in zip(offsets[:-1], offsets[1:])] == strings


def test_uproot_generated_program_for_nested_vectors():
    # uproot generates the Forth program for std::vector<std::vector<float>> itself (its
    # _awkwardforth module, during the first basket read) and runs it with ForthMachine64
    uproot = pytest.importorskip("uproot")
    import threading
    import types

    import awkward as ak

    rng = np.random.default_rng(3)
    entries = [
        [
            rng.random(rng.integers(0, 4)).astype(np.float32).tolist()
            for _ in range(rng.integers(0, 4))
        ]
        for _ in range(300)
    ]
    chunks = []
    for entry in entries:
        body = struct.pack(">I", len(entry)) + b"".join(
            struct.pack(">I", len(x)) + np.array(x, ">f4").tobytes() for x in entry
        )
        chunks.append(struct.pack(">IH", 0x40000000 | (len(body) + 2), 9) + body)
    data = as_input(b"".join(chunks))
    byte_offsets = np.cumsum([0] + [len(c) for c in chunks]).astype(np.int32)
    interpretation = uproot.interpretation.objects.AsObjects(
        uproot.containers.AsVector(True, uproot.containers.AsVector(False, np.dtype(">f4")))
    )
    file = types.SimpleNamespace(source=None, detached=None, file_path="test.root", options={})
    branch = types.SimpleNamespace(
        file=file, name="vv", object_path="/t;1:vv", cache_key="k", context={}
    )
    basket = types.SimpleNamespace(byte_offsets=byte_offsets)
    context = {"forth": threading.local()}
    library = uproot.interpretation.library._libraries["ak"]
    interpretation.basket_array_forth(data, byte_offsets, basket, branch, context, 0, library, {})
    assert interpretation._complete_forth_code is not None
    output = interpretation.basket_array_forth(
        data, byte_offsets, basket, branch, context, 0, library, {}
    )
    assert isinstance(context["forth"].vm, ForthMachine64)
    assert ak.to_list(output) == entries
