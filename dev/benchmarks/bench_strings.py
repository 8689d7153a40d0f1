#!/usr/bin/env python3
"""ak.str: every function on short strings, against awkward 2.14 on the same data, in the
same run (both sides call pyarrow.compute; what differs is the conversion and the walk).

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 strings, ``large`` is ``--lists`` strings (default 10^6; 3-12 ASCII
characters each, every 10th missing in ``opt``), ``nested`` is the same strings in lists of 0-5.
Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_strings.py --lists 1000000
    python dev/benchmarks/bench_strings.py --lists 1000000 --only upper,split
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    lengths = 3 + np.arange(n, dtype=np.int64) % 10
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    alphabet = np.frombuffer(b"abc DEF.ghij Klmn", np.uint8)
    chars = alphabet[(np.arange(int(offsets[-1])) * 7 + np.arange(int(offsets[-1])) // 5) % len(alphabet)]
    strings = ak.contents.ListOffsetArray(
        ak.index.Index64(offsets),
        ak.contents.NumpyArray(chars.copy(), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    index = np.where(np.arange(n) % 10 == 3, -1, np.arange(n))
    opt = ak.contents.IndexedOptionArray(ak.index.Index64(index), strings)
    counts = np.arange(n // 2, dtype=np.int64) % 6
    lo = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=lo[1:])
    lo = np.minimum(lo, n)
    nested = ak.contents.ListOffsetArray(ak.index.Index64(lo), strings)
    return ak.Array(strings), ak.Array(opt), ak.Array(nested)

s, opt, nested = make(N)
"""

_ONE = [
    "capitalize",
    "is_alnum",
    "is_alpha",
    "is_ascii",
    "is_decimal",
    "is_digit",
    "is_lower",
    "is_numeric",
    "is_printable",
    "is_space",
    "is_title",
    "is_upper",
    "length",
    "lower",
    "ltrim_whitespace",
    "reverse",
    "rtrim_whitespace",
    "swapcase",
    "title",
    "to_categorical",
    "trim_whitespace",
    "upper",
    "split_whitespace",
]

OPERATIONS = [(f"{name}(s)", f"ak.str.{name}(s)") for name in _ONE] + [
    ("upper(opt)", "ak.str.upper(opt)"),
    ("upper(nested)", "ak.str.upper(nested)"),
    ("center(s, 12)", "ak.str.center(s, 12, '*')"),
    ("lpad(s, 12)", "ak.str.lpad(s, 12, '*')"),
    ("rpad(s, 12)", "ak.str.rpad(s, 12, '*')"),
    ("trim(s, 'a ')", "ak.str.trim(s, 'a ')"),
    ("ltrim(s, 'a ')", "ak.str.ltrim(s, 'a ')"),
    ("rtrim(s, 'a ')", "ak.str.rtrim(s, 'a ')"),
    ("count_substring(s, 'a')", "ak.str.count_substring(s, 'a')"),
    ("count_substring_regex(s, 'a.')", "ak.str.count_substring_regex(s, 'a.')"),
    ("ends_with(s, 'a')", "ak.str.ends_with(s, 'a')"),
    ("starts_with(s, 'a')", "ak.str.starts_with(s, 'a')"),
    ("extract_regex(s)", "ak.str.extract_regex(s, '(?P<x>[a-c])(?P<y>.)')"),
    ("find_substring(s, 'D')", "ak.str.find_substring(s, 'D')"),
    ("find_substring_regex(s, 'D.')", "ak.str.find_substring_regex(s, 'D.')"),
    ("index_in(opt, set)", "ak.str.index_in(opt, ['abc', 'DEF', 'gh'])"),
    ("is_in(opt, set)", "ak.str.is_in(opt, ['abc', 'DEF', 'gh'])"),
    ("join(nested, '-')", "ak.str.join(nested, '-')"),
    ("join_element_wise(s, s, s)", "ak.str.join_element_wise(s, s, s)"),
    ("match_like(s, 'a%')", "ak.str.match_like(s, 'a%')"),
    ("match_substring(s, 'gh')", "ak.str.match_substring(s, 'gh')"),
    ("match_substring_regex(s, 'g.i')", "ak.str.match_substring_regex(s, 'g.i')"),
    ("repeat(s, 2)", "ak.str.repeat(s, 2)"),
    ("replace_slice(s, 1, 3, 'XY')", "ak.str.replace_slice(s, 1, 3, 'XY')"),
    ("replace_substring(s, 'a', 'Z')", "ak.str.replace_substring(s, 'a', 'Z')"),
    ("replace_substring_regex(s, 'a.', 'Z')", "ak.str.replace_substring_regex(s, 'a.', 'Z')"),
    ("slice(s, 1, 5)", "ak.str.slice(s, 1, 5)"),
    ("split_pattern(s, ' ')", "ak.str.split_pattern(s, ' ')"),
    ("split_pattern_regex(s, '[ .]')", "ak.str.split_pattern_regex(s, '[ .]')"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
