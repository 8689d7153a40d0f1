"""ak.* operations on typetracer arrays, over a table of layouts of every kind.

Each (operation, layout) pair runs three ways (tests/_typetracer_harness.py): eagerly over
counting virtual buffers, on ``typetracer_with_report`` of the layout's form (every length
unknown) and on ``layout.to_typetracer()`` (lengths known). The tracer results must have the
eager result's form, and the report must name exactly the buffers whose generators the eager
run called. Pairs where the eager operation raises do not apply and are skipped.

``NOT_YET`` lists the pairs that do not run on tracers yet (the issue's remaining work)."""

import numpy as np
import pytest
from _structure_layouts import make_layouts
from _typetracer_harness import compare

import awkward as ak

OPS = {
    "field": lambda a: a[a.fields[0]] if a.fields else a[...],
    "fields list": lambda a: a[a.fields[:1]] if a.fields else a[...],
    "range": lambda a: a[1:3],
    "range step": lambda a: a[::2],
    "int": lambda a: a[1],
    "negative int": lambda a: a[-1],
    "[:, 0]": lambda a: a[:, 0],
    "[:, 1:]": lambda a: a[:, 1:],
    "type": lambda a: str(a.type),
    "num axis=0": lambda a: ak.num(a, axis=0),
    "num axis=1": lambda a: ak.num(a, axis=1),
    "flatten": lambda a: ak.flatten(a),
    "flatten axis=None": lambda a: ak.flatten(a, axis=None),
    "a + 1": lambda a: a + 1,
    "a + a": lambda a: a + a,
    "np.sqrt": lambda a: np.sqrt(a),
    "a > 2": lambda a: a > 2,
    "sum axis=-1": lambda a: ak.sum(a, axis=-1),
    "sum axis=None": lambda a: ak.sum(a, axis=None),
    "sum axis=0": lambda a: ak.sum(a, axis=0),
    "sum axis=1 keepdims": lambda a: ak.sum(a, axis=1, keepdims=True),
    "count axis=-1": lambda a: ak.count(a, axis=-1),
    "max axis=-1": lambda a: ak.max(a, axis=-1),
    "argmax axis=-1": lambda a: ak.argmax(a, axis=-1),
    "is_none": lambda a: ak.is_none(a, axis=0),
    "is_none axis=-1": lambda a: ak.is_none(a, axis=-1),
    "fill_none": lambda a: ak.fill_none(a, 0, axis=-1),
    "zip": lambda a: ak.zip({"x": a, "y": a}),
    "combinations": lambda a: ak.combinations(a, 2),
    "where": lambda a: ak.where(ak.num(a, axis=1) > 1, a, a),
    "mask": lambda a: a[ak.num(a, axis=1) > 1],
    "jagged mask": lambda a: a[a > 1],
    "sort": lambda a: ak.sort(a, axis=-1),
    "argsort": lambda a: ak.argsort(a, axis=-1),
    "str.upper": lambda a: ak.str.upper(a),
    "str.length": lambda a: ak.str.length(a),
    "str.starts_with": lambda a: ak.str.starts_with(a, "a"),
    "str.split_whitespace": lambda a: ak.str.split_whitespace(a),
    "transform": lambda a: ak.transform(_double_numbers, a),
    "mean axis=-1": lambda a: ak.mean(a, axis=-1),
    "var axis=-1": lambda a: ak.var(a, axis=-1),
    "std axis=None": lambda a: ak.std(a, axis=None),
    "concatenate axis=0": lambda a: ak.concatenate([a, a]),
    "concatenate axis=1": lambda a: ak.concatenate([a, a], axis=1),
    "unflatten": lambda a: ak.unflatten(ak.flatten(a), ak.num(a, axis=1)),
    "pad_none": lambda a: ak.pad_none(a, 2, axis=-1),
    "pad_none clip": lambda a: ak.pad_none(a, 2, axis=-1, clip=True),
    "local_index": lambda a: ak.local_index(a, axis=-1),
    "cartesian": lambda a: ak.cartesian([a, a]),
    "run_lengths": lambda a: ak.run_lengths(a),
    "firsts": lambda a: ak.firsts(a),
    "singletons": lambda a: ak.singletons(a),
    "drop_none": lambda a: ak.drop_none(a),
    "values_astype": lambda a: ak.values_astype(a, np.float32),
    "with_field": lambda a: ak.with_field(ak.zip({"x": a}, depth_limit=1), a, "y"),
    "unzip": lambda a: ak.unzip(a),
    "ravel": lambda a: ak.ravel(a),
    "to_packed": lambda a: ak.to_packed(a),
    "broadcast_arrays": lambda a: ak.broadcast_arrays(a, 1),
}


def _double_numbers(layout, **kwargs):
    if layout.is_numpy and layout.parameter("__array__") is None:
        return ak.contents.NumpyArray(layout.data * 2)
    return None

LAYOUTS = make_layouts()

NOT_YET = set()  # every pair runs on tracers now

# the eager run over these layouts skips a read that other data would need (the projected
# lists of the option happen to be contiguous, so no carry of the content; a union's unused
# branches are not packed): the tracer reads what any data could require, a superset
GENERAL_PATH = {
    ("flatten", "ByteMaskedArray of lists"),
    ("flatten axis=None", "ByteMaskedArray of lists"),
    ("ravel", "ByteMaskedArray of lists"),
    ("unflatten", "ByteMaskedArray of lists"),
    ("to_packed", "union of lists"),
    ("to_packed", "lists of union"),
}


def _not_yet(op, layout):
    return (op, layout) in NOT_YET


@pytest.mark.parametrize("layout_name", list(LAYOUTS))
@pytest.mark.parametrize("op_name", list(OPS))
def test_tracer_form_and_touches_match_the_eager_run(op_name, layout_name):
    layout, op = LAYOUTS[layout_name], OPS[op_name]
    if _not_yet(op_name, layout_name):
        pytest.skip("not yet on typetracer arrays (listed in NOT_YET)")
    if not compare(layout, op, (op_name, layout_name) in GENERAL_PATH):
        pytest.skip("the eager operation does not apply to this layout")
