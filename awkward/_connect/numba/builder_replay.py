"""The Python side of ak.ArrayBuilder in numba (see builder.py): tapes and their replay.

A ``_Tape`` is made for each builder argument of an njit call (``open_tape``); its buffers
are what the compiled code writes. ``flush`` replays the recorded calls into the builder's
node tree (``awkward/_builder``) and empties the tape; ``close_tape`` does it when the call
returns. The shadow stack starts from the builder's open lists/records/tuples, so calls made
in njit are checked against what was opened in Python before.
"""

from __future__ import annotations

import warnings

import numpy as np

from awkward._builder import ListNode, OptionNode, RecordNode, UnionNode

# ---------------------------------------------------------------------- opcodes
OP_NULL = 0
OP_BOOL = 1  # value
OP_INT = 2  # value
OP_REAL = 3  # float64 bits
OP_COMPLEX = 4  # real bits, imag bits
OP_STRING = 5  # n, n code points
OP_BYTES = 6  # n, n bytes
OP_DATETIME = 7  # value, unit id
OP_TIMEDELTA = 8  # value, unit id
OP_BEGIN_LIST = 9
OP_END_LIST = 10
OP_BEGIN_RECORD = 11  # name id or -1
OP_FIELD = 12  # key id
OP_END_RECORD = 13
OP_BEGIN_TUPLE = 14  # numfields
OP_INDEX = 15  # slot
OP_END_TUPLE = 16

# ---------------------------------------------------------------------- state slots
NUSED, CAPACITY, LENGTH, DEPTH, FTOP, BUFFER = 0, 1, 2, 3, 4, 5
KIND_LIST, KIND_RECORD, KIND_TUPLE = 1, 2, 3
FRAME = 4  # kind, arg (numfields / name id), selected slot or key id, start in `filled`
TAPE_CAPACITY = 1 << 16  # initial slots; the tape doubles while something is open
FLUSH_AT = 1 << 22  # a tape this long is replayed at the next top-level boundary
STACK_CAPACITY = 1 << 10
FILLED_CAPACITY = 1 << 14

# ---------------------------------------------------------------------- interned strings
_IDS: dict[str, int] = {}
_STRINGS: list[str] = []


def intern(text: str) -> int:
    """A stable small id for a field key, record name or time unit."""
    out = _IDS.get(text)
    if out is None:
        out = _IDS[text] = len(_STRINGS)
        _STRINGS.append(text)
    return out


# ---------------------------------------------------------------------- tapes
_OPEN: dict[int, object] = {}  # id(builder) -> its open tape (one njit call at a time)
_POOL: list[tuple] = []  # buffers of closed tapes, for the next call


class _Tape:
    __slots__ = ("builder", "buf", "state", "stack", "filled", "start_depth")

    # the addresses compiled code reads and writes (see builder.py's data model)
    state_addr = property(lambda self: self.state.ctypes.data)
    stack_addr = property(lambda self: self.stack.ctypes.data)
    filled_addr = property(lambda self: self.filled.ctypes.data)

    def __init__(self, builder):
        self.builder = builder
        if _POOL:  # buffers of a finished call: allocating them costs more than a small fill
            self.buf, self.state, self.stack, self.filled = _POOL.pop()
            self.state[:] = 0
        else:
            self.buf = np.empty(TAPE_CAPACITY, np.int64)
            self.state = np.zeros(8, np.int64)
            self.stack = np.empty(STACK_CAPACITY * FRAME, np.int64)
            self.filled = np.empty(FILLED_CAPACITY, np.int64)
        self.state[CAPACITY] = min(self.buf.shape[0], FLUSH_AT)
        self.state[BUFFER] = self.buf.ctypes.data
        self.state[LENGTH] = len(builder)
        self._load_open_frames(builder._engine._root)

    def _load_open_frames(self, node):
        """The shadow stack: the lists/records/tuples open in the builder now."""
        depth = ftop = 0
        while node.active:
            if isinstance(node, OptionNode):
                node = node.content
                continue
            if isinstance(node, UnionNode):
                node = node.contents[node.current]
                continue
            base = depth * FRAME
            self.stack[base + 3] = ftop
            if isinstance(node, ListNode):
                self.stack[base : base + 3] = (KIND_LIST, 0, -1)
                node = node.content
            else:
                ids = (
                    [intern(f) for f in node.fields]
                    if isinstance(node, RecordNode)
                    else list(range(node.numfields))
                )
                kind = KIND_RECORD if isinstance(node, RecordNode) else KIND_TUPLE
                arg = node.numfields if kind == KIND_TUPLE else -1
                selected = ids[node.current] if node.current >= 0 else -1
                self.stack[base : base + 3] = (kind, arg, selected)
                for slot, child in enumerate(node.children):
                    if child._len() > node.length:
                        self.filled[ftop] = ids[slot]
                        ftop += 1
                depth += 1
                if node.current < 0:
                    break
                node = node.children[node.current]
                continue
            depth += 1
        self.state[DEPTH] = depth
        self.state[FTOP] = ftop
        self.start_depth = depth

    def make_room(self, k):
        """Compiled code needs ``k`` more slots: replay a long tape at a top-level boundary
        (nothing open), else grow the buffer (compiled code reads its address from state).
        A long tape with something open gets a short limit, to come back here soon."""
        n = int(self.state[NUSED])
        if n >= FLUSH_AT and self.state[DEPTH] == 0:
            self.flush()
            n = 0
        if n + k > self.buf.shape[0]:
            size = max(2 * self.buf.shape[0], n + k)
            buf = np.empty(size, np.int64)
            buf[:n] = self.buf[:n]
            self.buf = buf
            self.state[BUFFER] = buf.ctypes.data
        # come back at FLUSH_AT, and then every few slots until nothing is open
        limit = min(self.buf.shape[0], max(FLUSH_AT, n + k + 256))
        self.state[CAPACITY] = limit

    def flush(self):
        """Replay the tape into the builder and empty it."""
        n = int(self.state[NUSED])
        if not n:
            return
        self.state[NUSED] = 0
        start, self.start_depth = self.start_depth, int(self.state[DEPTH])
        engine = self.builder._engine
        if start == 0 and self.start_depth == 0:
            from awkward._connect.numba.builder_columns import columnar_replay

            if columnar_replay(engine, self.buf, n):
                return
        replay(engine, self.buf, n)


def open_tape(builder):
    key = id(builder)
    if key in _OPEN:
        raise ValueError(
            "ak.ArrayBuilder: this builder is already being filled by a running njit call "
            "(pass each builder once)"
        )
    tape = _OPEN[key] = _Tape(builder)
    return tape


def close_tape(tape):
    """End of the njit call: replay what is left. Never raises (numba's cleanup cannot)."""
    _OPEN.pop(id(tape.builder), None)
    try:
        tape.flush()
        if len(_POOL) < 4 and tape.buf.shape[0] <= 2 * FLUSH_AT:
            _POOL.append((tape.buf, tape.state, tape.stack, tape.filled))
        tape.builder = None
    except Exception as err:  # the njit side checks every call: this is not expected
        try:
            warnings.warn(
                f"ak.ArrayBuilder: replaying the calls made in njit failed: {err!r}",
                RuntimeWarning,
                stacklevel=1,
            )
        except Exception:
            pass


def callback(tape, code, arg):
    """Calls from compiled code (with the GIL): 0 make room for ``arg`` slots, 1 intern the
    key ``arg``."""
    if code == 1:
        return intern(arg)
    tape.make_room(arg)
    return 0


# ---------------------------------------------------------------------- replay
def replay(engine, buf, n):
    """Replay ``n`` tape slots into the layout-level builder ``engine``, one node call each."""
    ops = buf[:n].tolist()
    fbuf = buf.view(np.float64)
    strings = _STRINGS
    root = engine._root
    i = 0
    try:
        while i < n:
            op = ops[i]
            if op == OP_REAL:
                root = root.real(float(fbuf[i + 1]))
                i += 2
            elif op == OP_INT:
                root = root.integer(ops[i + 1])
                i += 2
            elif op == OP_BEGIN_LIST:
                root = root.begin_list()
                i += 1
            elif op == OP_END_LIST:
                root = root.end_list()
                i += 1
            elif op == OP_FIELD:
                root = root.field(strings[ops[i + 1]])
                i += 2
            elif op == OP_BEGIN_RECORD:
                name = ops[i + 1]
                root = root.begin_record(None if name < 0 else strings[name])
                i += 2
            elif op == OP_END_RECORD:
                root = root.end_record()
                i += 1
            elif op == OP_NULL:
                root = root.null()
                i += 1
            elif op == OP_BOOL:
                root = root.boolean(bool(ops[i + 1]))
                i += 2
            elif op == OP_COMPLEX:
                root = root.complex(complex(float(fbuf[i + 1]), float(fbuf[i + 2])))
                i += 3
            elif op == OP_STRING or op == OP_BYTES:
                size = ops[i + 1]
                data = buf[i + 2 : i + 2 + size]
                if op == OP_STRING:
                    root = root.string(data.astype(np.uint32).tobytes().decode("utf-32-le"))
                else:
                    root = root.bytestring(data.astype(np.uint8).tobytes())
                i += 2 + size
            elif op == OP_DATETIME:
                root = root.datetime(ops[i + 1], strings[ops[i + 2]])
                i += 3
            elif op == OP_TIMEDELTA:
                root = root.timedelta(ops[i + 1], strings[ops[i + 2]])
                i += 3
            elif op == OP_BEGIN_TUPLE:
                root = root.begin_tuple(ops[i + 1])
                i += 2
            elif op == OP_INDEX:
                root = root.index(ops[i + 1])
                i += 2
            elif op == OP_END_TUPLE:
                root = root.end_tuple()
                i += 1
            else:
                raise AssertionError(f"ArrayBuilder tape: unknown opcode {op} at {i}")
    finally:
        engine._root = root
