"""Large inputs for the CUDA kernels whose work crosses threads (block scans over many tiles,
the nonlocal reducers' stable counting sort over many tiles and rounds), errors included.

Shared by tests/test_cuda_kernels_emulated.py (the .cu files on the CPU), tests/test_cuda_cupy_kernels.py
(cupy_kernels.OVERRIDES with numpy standing in for cupy) and tests-cuda/test_cuda_kernels.py
(both on a GPU). Expected results come from the spec's Python definition.
"""

from __future__ import annotations

import functools

import numpy as np


def _nonlocal_inputs(rng, gather, scale, nsegments=7, long_list=0):
    """Segments of random lists (some empty segments, lists outside the segments at both ends,
    groups wider than the longest list) over several tiles of 40 lists."""
    per_segment = rng.integers(0, 60 * scale, nsegments)
    per_segment[2] = 0
    offsets = np.concatenate([[3], 3 + np.cumsum(per_segment)])
    nlists = int(offsets[-1]) + 4
    lengths = rng.integers(0, 9, nlists)
    lengths[rng.random(nlists) < 0.3] = 0
    if long_list:
        lengths[offsets[1] + 1] = long_list
    widths = [
        int(lengths[offsets[i]:offsets[i + 1]].max(initial=0)) + int(rng.integers(0, 3))
        for i in range(nsegments)
    ]
    groupoffsets = np.concatenate([[0], np.cumsum(widths)])
    starts = rng.integers(0, 200, nlists)
    stops = starts + lengths
    total = int(lengths[offsets[0]:offsets[-1]].sum())
    inputs = {"offsets": offsets, "starts": starts, "stops": stops, "groupoffsets": groupoffsets,
              "nsegments": nsegments, "nlists": nlists, "total": total,
              "ngroups": int(groupoffsets[-1]), "parentslength": total}
    if gather:
        inputs["fromlength"] = int(stops.max()) + 1
        inputs["fromdata"] = rng.integers(0, 2**60, inputs["fromlength"], dtype=np.uint64)
    return inputs


def _nonlocal_cases(rng, gather, scale):
    valid = _nonlocal_inputs(rng, gather, scale)
    middle = int(valid["offsets"][3]) + 1
    too_long = {**valid, "stops": valid["stops"].copy()}
    too_long["stops"][middle] += 50  # longer than its segment's groups
    too_long["total"] = too_long["parentslength"] = valid["total"] + 50
    fewer = {**valid, "total": valid["total"] - 30, "parentslength": 0}  # seen > total part-way
    cases = [
        valid,
        {**valid, "parentslength": 0},
        _nonlocal_inputs(rng, gather, scale, nsegments=3, long_list=700 * scale),  # one list over many rounds
        too_long,
        fewer,
        {**valid, "total": valid["total"] + 1, "parentslength": 0},  # -1: too few items
        {**valid, "groupoffsets": np.where(np.arange(8) == 5, valid["groupoffsets"][4] - 1, valid["groupoffsets"])},
    ]
    if gather:
        out_of_data = {**valid, "fromlength": int(valid["stops"][middle]) - 1}
        out_of_data["fromdata"] = valid["fromdata"][: out_of_data["fromlength"]]
        cases.append(out_of_data)
    return cases


def _reduce_cases(rng, scale):
    """Segments short and long (over AWKWARD_CUDA_REDUCE_SHORT = 4096 items: a block each), with
    many ties and NaN where it changes an answer (first item, chunk edges); integer-valued data,
    so that a parallel float sum is exact."""
    n = 30000 * scale
    ints = rng.integers(-5, 6, n).astype(np.float64)
    units = rng.choice([1.0, 1.0, 1.0, 1.0, -1.0, 2.0, 0.5], n)
    with_nan = ints.copy()
    with_nan[rng.random(n) < 0.05] = np.nan
    with_nan[10000 * scale] = np.nan  # the first item of a long segment
    bounds = [(0, 0), (3, 17), (100, 100 + 4096), (200, 200 + 4097), (10000 * scale, 10000 * scale + 5000 * scale),
              (0, n), (25000 * scale, 25000 * scale + 3), (16000 * scale, 16000 * scale + 4500 * scale)]
    starts = np.array([a for a, _ in bounds])
    stops = np.array([b for _, b in bounds])
    bad_stops = stops.copy()
    bad_stops[4] = n + 1
    common = {"fromstarts": starts, "fromstops": stops, "length": len(bounds), "fromlength": n}
    bad = {**common, "fromstops": bad_stops}
    out = {
        "awkward_reduce_sum": [{**common, "fromptr": ints}, {**bad, "fromptr": ints}],
        "awkward_reduce_prod": [{**common, "fromptr": units}],
        "awkward_reduce_count_nonzero": [{**common, "fromptr": ints}],
        "awkward_reduce_any": [{**common, "fromptr": np.where(np.arange(n) == n - 7, 1.0, 0.0)}],
        "awkward_reduce_all": [{**common, "fromptr": np.where(np.arange(n) == 150 + 4096, 0.0, 1.0)}],
    }
    for name in ("awkward_reduce_argmin", "awkward_reduce_argmax"):
        out[name] = [{**common, "fromptr": with_nan}, {**common, "fromptr": ints}, {**bad, "fromptr": ints}]
    for name, identity in (("awkward_reduce_min", np.inf), ("awkward_reduce_max", -np.inf)):
        out[name] = [{**common, "fromptr": with_nan, "identity": [identity]},
                     {**common, "fromptr": ints, "identity": [0.5]}]
    return out


def _sort_cases(rng, scale):
    """Many segments (empty ones, one long one) over values with ties, NaN and both zeros, in both
    directions, global and local positions, positions outside the segments, a decreasing offset."""
    sizes = rng.integers(0, 12, 150 * scale)
    sizes[7] = 1500 * scale
    offsets = np.concatenate([[5], 5 + np.cumsum(sizes)])
    length = int(offsets[-1]) + 6
    values = rng.integers(-4, 5, length).astype(np.float64)
    values[rng.random(length) < 0.08] = np.nan
    values[rng.random(length) < 0.08] = -0.0
    bad = offsets.copy()
    bad[60] = bad[59] - 1
    common = {"fromptr": values, "offsets": offsets, "nsegments": len(sizes), "length": length}
    sort = [{**common, "ascending": up} for up in (True, False)] + [{**common, "offsets": bad, "ascending": True}]
    argsort = [{**c, "local": local} for c in sort for local in (False, True)]
    return {"awkward_sort_segments": sort, "awkward_argsort_segments": argsort}


@functools.cache  # read-only results, shared by the test modules of one process
def large_inputs(scale=1):
    """family name -> list of inputs (lists and ints): many tiles of the block scans (the
    emulation's 40 threads x 8 items = 320 per tile), several tiles and rounds of the nonlocal
    sort; `scale` multiplies the sizes (for a GPU's 256-thread blocks)."""
    rng = np.random.default_rng(2026)
    n = 1000 * scale
    lengths = rng.integers(0, 6, n)
    starts = rng.integers(0, 50, n)
    stops = starts + rng.integers(0, 5, n)
    total = int((stops - starts).sum())
    padded = int(np.maximum(stops - starts, 2).sum())
    bad_lengths = lengths.copy()
    bad_lengths[[700, 900]] = -1
    bad_stops = stops.copy()
    bad_stops[[555 * scale, 800 * scale]] = starts[[555 * scale, 800 * scale]] - 1
    tags = rng.integers(0, 3, n)
    bad_tags = tags.copy()
    bad_tags[[901 * scale, 950 * scale]] = 3
    index = rng.integers(-1, 6, n)
    cases = {
        "awkward_Lengths_to_offsets": [
            {"fromlengths": lengths, "length": n},
            {"fromlengths": bad_lengths, "length": n},
        ],
        "awkward_ListArray_compact_offsets": [
            {"fromstarts": starts, "fromstops": stops, "length": n},
            {"fromstarts": starts, "fromstops": bad_stops, "length": n},
        ],
        "awkward_ListArray_expand_carry": [
            {"fromstarts": starts, "fromstops": stops, "length": n, "lentocarry": total},
            {"fromstarts": starts, "fromstops": stops, "length": n, "lentocarry": total - 40},
            {"fromstarts": starts, "fromstops": bad_stops, "length": n, "lentocarry": total},
        ],
        "awkward_ListArray_rpad_axis1": [
            {"fromstarts": starts, "fromstops": stops, "target": 2, "length": n, "tolength": padded},
            {"fromstarts": starts, "fromstops": stops, "target": 2, "length": n, "tolength": padded - 30},
        ],
        "awkward_UnionArray_regular_index": [
            {"fromtags": tags, "length": n, "numcontents": 3},
            {"fromtags": bad_tags, "length": n, "numcontents": 3},
        ],
        "awkward_IndexedArray_numnull": [{"fromindex": index, "length": n}],
        **_reduce_cases(rng, scale),
        **_sort_cases(rng, scale),
        "awkward_reduce_nonlocal_carry": _nonlocal_cases(rng, False, scale),
        "awkward_reduce_nonlocal_gather": _nonlocal_cases(rng, True, scale),
    }
    return {
        name: [{k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in inputs.items()} for inputs in inputs_list]
        for name, inputs_list in cases.items()
    }


def large_params(families, scale=1):
    """(family, specialization, inputs, number) for every large input: the widest specialization."""
    by_name = {f.name: f for f in families}
    return [
        (by_name[name], by_name[name].specializations[-1], inputs, number)
        for name, inputs_list in large_inputs(scale).items()
        if name in by_name
        for number, inputs in enumerate(inputs_list)
    ]


def check_against_reference(harness, family, kernel, spec_record, inputs, runner):
    """Runs `runner` (the harness's runner interface) and the spec's definition on the same
    inputs; the error, or every out array, must be equal."""
    case = {"inputs": inputs, "outputs": {}, "error": None}
    expected_args = kernel.build(spec_record, case)
    namespace: dict = {}
    exec(family.definition, namespace)
    expected = harness.run_reference(namespace[family.name])(kernel, spec_record, expected_args)
    got_args = kernel.build(spec_record, case)
    got = runner(kernel, spec_record, got_args)
    assert got == expected
    if expected is None:
        for arg, want, have in zip(family.args, expected_args, got_args):
            if arg.is_pointer and arg.dir == "out":
                assert harness.same_values(have, want), arg.name
