"""A pure-Python model of the ak.* reducers over to_list data (for tests/test_reducers*.py).

Semantics modelled (awkward 2.14's): missing values are skipped; an empty list gives the
identity, or None under mask_identity; min/max start from the identity and take a value only
when it is strictly smaller/larger (so NaN never wins); argmin/argmax report the first extreme's
index along the reduced axis; reducing a non-innermost axis combines the lists of one segment
position by position."""

import math

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)


def identity(op, kind):
    if op in ("sum", "count", "count_nonzero"):
        return 0
    if op == "prod":
        return 1
    if op == "any":
        return False
    if op == "all":
        return True
    if op in ("argmin", "argmax"):
        return -1
    largest = op == "max"
    if kind == "f":
        return -math.inf if largest else math.inf
    if kind == "b":
        return not largest
    return INT64_MIN if largest else INT64_MAX


def reduce_values(op, pairs, kind, mask_identity):
    """``pairs``: [(position, value)] of the non-missing values of one group."""
    if not pairs:
        return None if mask_identity else identity(op, kind)
    values = [v for _, v in pairs]
    if op == "sum":
        return sum(values)
    if op == "prod":
        out = 1
        for v in values:
            out *= v
        return out
    if op == "count":
        return len(values)
    if op == "count_nonzero":
        return sum(1 for v in values if v != 0)
    if op == "any":
        return any(v != 0 for v in values)
    if op == "all":
        return all(v != 0 for v in values)
    if op in ("min", "max"):
        best = identity(op, kind)
        for v in values:
            if (v < best) if op == "min" else (v > best):
                best = v
        return best
    best, best_value = -1, None
    for position, v in pairs:
        if best < 0 or ((v < best_value) if op == "argmin" else (v > best_value)):
            best, best_value = position, v
    return best


def combine(op, pairs, kind, mask_identity, levels, sizes=()):
    """``levels``: how many list dimensions the combined elements still have; ``sizes``: the
    size of each of them when it is regular (None when jagged), as a regular dimension keeps
    its size even where nothing is combined."""
    pairs = [(j, e) for j, e in pairs if e is not None]
    if levels > 0:
        size = sizes[0] if sizes else None
        longest = size if size is not None else max((len(e) for _, e in pairs), default=0)
        return [
            combine(
                op,
                [(j, e[k]) for j, e in pairs if k < len(e)],
                kind,
                mask_identity,
                levels - 1,
                sizes[1:],
            )
            for k in range(longest)
        ]
    return reduce_values(op, pairs, kind, mask_identity)


def reduce_at(op, data, axis, kind, mask_identity=False, keepdims=False, depth=None, sizes=()):
    """The model of ``ak.<op>(array, axis)`` for a non-negative ``axis`` on to_list ``data``
    whose lists nest ``depth`` deep (``sizes``: per dimension below the outermost, its regular
    size or None)."""
    if axis == 0:
        out = combine(op, list(enumerate(data)), kind, mask_identity, depth - 1, sizes)
        return [out] if keepdims else out
    return [
        None
        if e is None
        else reduce_at(op, e, axis - 1, kind, mask_identity, keepdims, depth - 1, sizes[1:])
        for e in data
    ]


def flat_values(data):
    out = []
    for e in data:
        if isinstance(e, list):
            out.extend(flat_values(e))
        elif e is not None:
            out.append(e)
    return out


def flat_with_none(data):
    """All values in order, missing values included (missing lists are not values)."""
    out = []
    leaves = not any(isinstance(e, list) for e in data)
    for e in data:
        if isinstance(e, list):
            out.extend(flat_with_none(e))
        elif e is not None or leaves:
            out.append(e)
    return out


def reduce_all(op, data, kind, mask_identity=False):
    """The model of ``ak.<op>(array, axis=None)`` (argmin/argmax: the index in the raveled
    array, missing values counted)."""
    pairs = [(j, v) for j, v in enumerate(flat_with_none(data)) if v is not None]
    return reduce_values(op, pairs, kind, mask_identity)


def same(a, b):
    """Equality that treats NaN as equal to NaN and ints as equal to floats."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, list) or isinstance(b, list):
        return False
    return a == b and (a is None) == (b is None)
