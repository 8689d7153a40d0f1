#!/usr/bin/env python3
"""AwkwardForth (ak.forth.ForthMachine64): the loops uproot runs, against awkward 2.14's
machine on the same bytes, in the same run.

Cases: a jagged std::vector<float>-like stream (big-endian count, then that many big-endian
floats; offsets with ``+<-``), uproot's string reader (1-or-5-byte lengths), a pure stack loop
(``do ... loop`` adding into a variable) and compiling a program. ``small`` is 100 lists,
``large`` is ``--lists`` lists (default 3*10^6, ~13*10^6 floats). The issue's speed target is
>= 100 million instructions per second on simple read loops: the script also prints our
instructions per second (count_instructions / count_nanoseconds) for each loop.

    python dev/benchmarks/bench_forth.py
    python dev/benchmarks/bench_forth.py --lists 300000     # quicker
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
import awkward.forth
counts = (np.arange(N, dtype=np.int64) * 7) % 9
total = int(counts.sum())
values = (np.arange(total, dtype=np.float64) % 1000 / 7.0).astype(">f4")
starts = np.zeros(N + 1, dtype=np.int64)
np.cumsum(counts, out=starts[1:])
# each entry: 4-byte big-endian count, then the floats (built without a Python loop)
entry_bytes = 4 + 4 * counts
pos = np.zeros(N + 1, dtype=np.int64)
np.cumsum(entry_bytes, out=pos[1:])
stream = np.zeros(int(pos[-1]), dtype=np.uint8)
stream_view = stream
header = counts.astype(">u4").view(np.uint8).reshape(-1, 4)
for k in range(4):
    stream[pos[:-1] + k] = header[:, k]
float_positions = np.repeat(pos[:-1] + 4, counts) + 4 * (np.arange(total) - np.repeat(starts[:-1], counts))
float_bytes = values.view(np.uint8).reshape(-1, 4)
for k in range(4):
    stream[float_positions + k] = float_bytes[:, k]
# strings with 1-byte lengths (< 255)
strlens = (np.arange(N, dtype=np.int64) * 5) % 40
spos = np.zeros(N + 1, dtype=np.int64)
np.cumsum(strlens + 1, out=spos[1:])
strings = np.full(int(spos[-1]), ord("a"), dtype=np.uint8)
strings[spos[:-1]] = strlens

JAGGED = '''input stream output offsets int64 output content float32
0 offsets <- stack
begin stream end 0= while stream !I-> stack dup offsets +<- stack stream #!f-> content repeat'''
STRINGS = '''input stream output out-main uint8 output out-offsets int64
0 out-offsets <- stack
begin
    stream !B-> stack dup 255 = if drop stream !I-> stack then dup out-offsets +<- stack stream #!B-> out-main
again'''
LOOP = "variable s 0 do i s +! loop"
jagged_vm = awkward.forth.ForthMachine64(JAGGED)
strings_vm = awkward.forth.ForthMachine64(STRINGS)
loop_vm = awkward.forth.ForthMachine64(LOOP)

def run_jagged():
    jagged_vm.run({"stream": stream})
    return jagged_vm.output("content")

def run_strings():
    strings_vm.begin({"stream": strings})
    strings_vm.resume(raise_read_beyond=False)
    return strings_vm.output("out-main")

def run_loop():
    loop_vm.begin({})
    loop_vm.stack_push(10 * N)
    loop_vm.resume()
    return loop_vm.variables
"""

OPERATIONS = [
    ("jagged vector<float> stream", "run_jagged()"),
    ("uproot strings (1-5 byte lengths)", "run_strings()"),
    ("stack loop, 10*N iterations", "run_loop()"),
    ("compile the jagged program", "awkward.forth.ForthMachine64(JAGGED)"),
]


def instructions_per_second(n):
    """Our machine's own instruction rate on the three loops (not a comparison)."""
    import numpy as np  # noqa: F401

    namespace = {"N": n, "np": np}
    exec(DATA_SOURCE, namespace)  # noqa: S102
    for name, fn, vm in (
        ("jagged", "run_jagged", "jagged_vm"),
        ("strings", "run_strings", "strings_vm"),
        ("loop", "run_loop", "loop_vm"),
    ):
        machine = namespace[vm]
        best = None
        for _ in range(5):  # the best of five runs: the machine's own clock is wall time
            machine.count_reset()
            namespace[fn]()
            if best is None or machine.count_nanoseconds < best:
                best = machine.count_nanoseconds
        rate = machine.count_instructions / max(best, 1) * 1e3
        print(
            f"  {name:8s}: {machine.count_instructions:>12d} instructions, {rate:8.1f} M instructions/s"
        )


if __name__ == "__main__":
    result = _harness.run_cli(
        OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02}
    )
    if result is not None and "--worker" not in sys.argv:
        lists = 3_000_000
        for k, arg in enumerate(sys.argv):
            if arg == "--lists":
                lists = int(float(sys.argv[k + 1]))
        print(f"\nour instruction rate at {lists} lists:")
        instructions_per_second(lists)
