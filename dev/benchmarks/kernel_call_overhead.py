#!/usr/bin/env python3
"""Python -> C++ call overhead of a trivial kernel, argument checks included.

Prints microseconds per call of awkward_cpp._ext.awkward_ListArray_num_64 on 1-element arrays
(three buffer exports with dtype/contiguity/length checks, one int, the loop, the result),
next to a no-op Python function call for scale.

    python dev/benchmarks/kernel_call_overhead.py
"""

from __future__ import annotations

import timeit

import numpy as np
from awkward_cpp import _ext


def per_call_us(statement, namespace, number=200_000, repeat=7) -> float:
    best = min(timeit.repeat(statement, globals=namespace, number=number, repeat=repeat))
    return best / number * 1e6


def main() -> None:
    namespace = {
        "kernel": _ext.awkward_ListArray_num_64,
        "tonum": np.zeros(1, np.int64),
        "starts": np.array([0], np.int64),
        "stops": np.array([3], np.int64),
        "noop": lambda *args: None,
    }
    assert namespace["kernel"](namespace["tonum"], namespace["starts"], namespace["stops"], 1) is None
    kernel = per_call_us("kernel(tonum, starts, stops, 1)", namespace)
    noop = per_call_us("noop(tonum, starts, stops, 1)", namespace)
    error = per_call_us("kernel(tonum, stops, starts, 1)", namespace)
    print(f"awkward_ListArray_num_64, 1 element:      {kernel:.3f} us per call")
    print(f"  same call returning a kernel error:      {error:.3f} us per call")
    print(f"  no-op Python function, same arguments:   {noop:.3f} us per call")


if __name__ == "__main__":
    main()
