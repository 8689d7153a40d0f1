"""The "jax" backend (deprecated in awkward 2.14, as here): ak.to_backend both ways, operations
on jax-backed arrays against the cpu results, jax.grad through ufuncs/reducers/structure
operations against derivatives written here, the deprecation warning and the clear errors."""

import math
import sys
import warnings

import numpy as np
import pytest

import awkward as ak
from tests._structure_layouts import LAYOUTS, strings
from tests.counting_buffers import Lazy

jax = pytest.importorskip("jax", reason="jax is not installed (pip install jax[cpu])")
jnp = jax.numpy


@pytest.fixture(autouse=True)
def registered():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ak.jax.register_and_check()
        yield


def _jax_buffers(layout):
    """Every NumpyArray buffer of a jax-backed layout is a jax array, every Index is numpy."""
    if isinstance(layout, ak.contents.NumpyArray):
        assert isinstance(ak._nplikes.array_like.maybe_materialize(layout.data)[0], jax.Array)
    for child in getattr(layout, "contents", ()) or ():
        _jax_buffers(child)
    if hasattr(layout, "content") and not hasattr(layout, "contents"):
        _jax_buffers(layout.content)


# ---------------------------------------------------------------------- backend conversions
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_to_backend_round_trip_over_layout_kinds(name):
    layout = LAYOUTS[name]
    value = layout.to_list()
    on_jax = ak.to_backend(layout, "jax", highlevel=False)
    assert on_jax.backend.name == "jax" and ak.backend(on_jax) == "jax"
    assert on_jax.to_list() == value
    assert on_jax.form == layout.form
    _jax_buffers(on_jax)
    back = ak.to_backend(on_jax, "cpu", highlevel=False)
    assert ak.backend(back) == "cpu" and back.to_list() == value and back.form == layout.form
    assert ak.to_backend(on_jax, "jax", highlevel=False) is on_jax


def test_array_constructor_and_strings():
    array = ak.Array([[1.0, 2.0], [], [3.0]], backend="jax")
    assert ak.backend(array) == "jax" and array.to_list() == [[1.0, 2.0], [], [3.0]]
    words = ak.to_backend(strings(), "jax")
    assert words.to_list() == ["ab", "ab", "c", "", "de"]
    assert ak.backend(words) == "jax"


def test_to_backend_reads_only_what_it_converts():
    lazy = Lazy()
    layout = ak.contents.RecordArray(
        [
            ak.contents.ListOffsetArray(lazy.index([0, 2, 3], "x.offsets"), lazy.numpy([1.0, 2.0, 3.0], "x.data")),
            lazy.numpy([10, 20], "y"),
        ],
        ["x", "y"],
    )
    on_jax = ak.to_backend(ak.Array(layout), "jax")
    assert lazy.total == 0  # moving to jax reads nothing: each buffer moves when it is read
    assert on_jax.y.to_list() == [10, 20]
    assert dict(lazy.calls) == {"y": 1}
    assert ak.sum(on_jax.x, axis=1).to_list() == [3.0, 3.0]
    assert dict(lazy.calls) == {"y": 1, "x.offsets": 1, "x.data": 1}


def test_from_jax_and_to_jax_on_the_jax_backend():
    data = jnp.arange(6.0).reshape(2, 3)
    array = ak.from_jax(data)
    assert ak.backend(array) == "jax" and array.to_list() == [[0, 1, 2], [3, 4, 5]]
    out = ak.to_jax(array)
    assert isinstance(out, jax.Array) and out.tolist() == data.tolist()
    regular = ak.from_jax(data, regulararray=True)
    assert ak.to_jax(regular).tolist() == data.tolist()


# ---------------------------------------------------------------------- operations vs cpu
VALUES = [[1.5, 2.0, -3.0], [], [4.0, 5.5], [0.5]]

OPERATIONS = {
    "slice range": lambda x: x[1:],
    "slice inner": lambda x: x[:, :1],
    "int index": lambda x: x[2],
    "fancy index": lambda x: x[[0, 2]],
    "mask": lambda x: x[x > 1],
    "jagged index": lambda x: x[ak.local_index(x) < 1],
    "ufunc": lambda x: np.sin(x) + x * 2,
    "comparison": lambda x: x == 2.0,
    "sum axis=1": lambda x: ak.sum(x, axis=1),
    "sum axis=0": lambda x: ak.sum(x, axis=0),
    "prod": lambda x: ak.prod(x, axis=1),
    "max": lambda x: ak.max(x, axis=1),
    "min": lambda x: ak.min(x, axis=-1),
    "argmax": lambda x: ak.argmax(x, axis=1),
    "any": lambda x: ak.any(x > 2, axis=1),
    "count": lambda x: ak.count(x, axis=1),
    "mean": lambda x: ak.mean(x, axis=1),
    "num": lambda x: ak.num(x),
    "flatten": lambda x: ak.flatten(x),
    "concatenate": lambda x: ak.concatenate([x, x], axis=1),
    "zip": lambda x: ak.zip({"a": x, "b": x * 2}),
    "where": lambda x: ak.where(x > 2, x, 0.0),
    "pad/fill": lambda x: ak.fill_none(ak.pad_none(x, 2), -1.0),
    "sort": lambda x: ak.sort(x, ascending=False),
    "argsort": lambda x: ak.argsort(x),
    "combinations": lambda x: ak.combinations(x, 2),
    "cartesian": lambda x: ak.cartesian([x, x[:, :1]]),
    "firsts": lambda x: ak.firsts(x),
    "values_astype": lambda x: ak.values_astype(x, np.int32),
    "run_lengths": lambda x: ak.run_lengths(x),
    "to_regular": lambda x: ak.to_regular(x[3:], axis=1),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operations_match_cpu(name):
    operation = OPERATIONS[name]
    expected = operation(ak.Array(VALUES))
    result = operation(ak.Array(VALUES, backend="jax"))
    assert ak.backend(result) == "jax"
    got, want = result.to_list(), expected.to_list()
    if name in ("prod", "mean", "ufunc"):  # jax and numpy may round differently
        for row, row_expected in zip(got, want):
            assert row == pytest.approx(row_expected, nan_ok=True)
    else:
        assert got == want
    assert str(result.type) == str(expected.type)


def test_reducers_to_scalars():
    x = ak.Array(VALUES, backend="jax")
    assert float(ak.sum(x)) == pytest.approx(sum(sum(row) for row in VALUES))
    assert float(ak.max(x)) == 5.5 and float(ak.min(x)) == -3.0


# ---------------------------------------------------------------------- differentiation
def _grad(function, values=VALUES):
    out = jax.grad(function)(ak.Array(values, backend="jax"))
    assert isinstance(out, ak.Array) and ak.backend(out) == "jax"
    return out.to_list()


def _close(got, expected):
    assert [len(row) for row in got] == [len(row) for row in expected]
    for row, want in zip(got, expected):
        assert row == pytest.approx(want)


def _per_item(values, derivative):
    return [[derivative(v) for v in row] for row in values]


def test_grad_of_ufuncs_and_sum():
    _close(_grad(lambda x: ak.sum(x**2)), _per_item(VALUES, lambda v: 2 * v))
    expected = _per_item(VALUES, math.cos)
    assert _grad(lambda x: ak.sum(np.sin(x))) == [pytest.approx(row) for row in expected]
    expected = _per_item(VALUES, lambda v: math.exp(v) / (math.exp(v) + 1))
    assert _grad(lambda x: ak.sum(np.log(np.exp(x) + 1))) == [pytest.approx(row) for row in expected]


def test_grad_of_reducers():
    # d/dx sum_i prod(row_i) = product of the other items of the row
    def prod_others(row):
        return [math.prod(row[:k] + row[k + 1 :]) for k in range(len(row))]

    assert _grad(lambda x: ak.sum(ak.prod(x, axis=1))) == [pytest.approx(prod_others(r)) for r in VALUES]
    # max: 1 at the (first) maximum of each row
    expected = [[1.0 if v == max(row) else 0.0 for v in row] for row in VALUES]
    assert _grad(lambda x: ak.sum(ak.max(x, axis=1))) == expected
    expected = [[1.0 if v == min(row) else 0.0 for v in row] for row in VALUES]
    assert _grad(lambda x: ak.sum(ak.min(x, axis=1))) == expected
    expected = [[1.0 / len(row) for _ in row] for row in VALUES]
    assert _grad(lambda x: ak.sum(ak.mean(x, axis=1))) == [pytest.approx(r) for r in expected]
    assert _grad(lambda x: ak.sum(ak.sum(x, axis=0))) == _per_item(VALUES, lambda v: 1.0)


def test_grad_through_structure_operations():
    # only the selected items get a derivative
    expected = [[2 * v if k == 0 else 0.0 for k, v in enumerate(row)] for row in VALUES]
    assert _grad(lambda x: ak.sum(x[:, :1] ** 2)) == expected
    expected = _per_item(VALUES, lambda v: 1.0 if v > 1 else 0.0)
    assert _grad(lambda x: ak.sum(x[x > 1])) == expected
    _close(_grad(lambda x: ak.sum(ak.flatten(x) ** 3)), _per_item(VALUES, lambda v: 3 * v * v))
    assert _grad(lambda x: ak.sum(ak.concatenate([x, x]))) == _per_item(VALUES, lambda v: 2.0)
    assert _grad(lambda x: ak.sum(ak.where(x > 2, x, 0.0))) == _per_item(VALUES, lambda v: float(v > 2))
    assert _grad(lambda x: ak.sum(ak.fill_none(ak.pad_none(x, 3), 0.0))) == _per_item(VALUES, lambda v: 1.0)
    expected = [[0.0] * len(row) for row in VALUES]
    expected[2][1] = 2 * VALUES[2][1]
    assert _grad(lambda x: x[2, 1] ** 2) == expected


def test_grad_of_records_options_and_to_jax():
    records = ak.Array([{"a": 1.0, "b": 2.0}, {"a": 3.0, "b": 4.0}], backend="jax")
    out = jax.grad(lambda r: ak.sum(r.a * r.b))(records)
    assert out.to_list() == [{"a": 2.0, "b": 1.0}, {"a": 4.0, "b": 3.0}]
    options = ak.Array([[1.0, None], [3.0, 4.0]], backend="jax")
    assert jax.grad(lambda x: ak.sum(x**2))(options).to_list() == [[2.0, None], [6.0, 8.0]]
    regular = ak.to_regular(ak.Array([[1.0, 2.0], [3.0, 4.0]], backend="jax"))
    out = jax.grad(lambda x: jnp.sum(ak.to_jax(x) ** 2))(regular)
    assert out.to_list() == [[2.0, 4.0], [6.0, 8.0]]


def test_value_and_grad_and_two_arguments():
    x = ak.Array(VALUES, backend="jax")
    value, grad = jax.value_and_grad(lambda x: ak.sum(x**2))(x)
    assert float(value) == pytest.approx(sum(v * v for row in VALUES for v in row))
    _close(grad.to_list(), _per_item(VALUES, lambda v: 2 * v))
    gx, gy = jax.grad(lambda x, y: ak.sum(x * y), argnums=(0, 1))(x, x + 1)
    assert gx.to_list() == _per_item(VALUES, lambda v: v + 1) and gy.to_list() == VALUES


def test_pytree_leaves_are_the_data_buffers():
    x = ak.Array(VALUES, backend="jax")
    leaves, tree = jax.tree_util.tree_flatten(x)
    assert len(leaves) == 1 and leaves[0].tolist() == [v for row in VALUES for v in row]
    doubled = jax.tree_util.tree_unflatten(tree, [leaves[0] * 2])
    assert doubled.to_list() == [[2 * v for v in row] for row in VALUES]


def test_grad_of_a_kernel_is_a_clear_error():
    with pytest.raises(ValueError, match="awkward_sort_segments.*not differentiable"):
        jax.grad(lambda x: ak.sum(ak.sort(x) * x))(ak.Array(VALUES, backend="jax"))


# ---------------------------------------------------------------------- warnings and errors
def test_register_and_check_warns_as_2_14():
    with pytest.warns(DeprecationWarning) as record:
        ak.jax.register_and_check()
    assert str(record[0].message) == (
        "The JAX backend is deprecated and will be removed in a future release of Awkward "
        "Array. Please plan to migrate your code accordingly."
    )


def test_missing_jax_is_an_import_error_naming_pip(monkeypatch):
    from awkward._nplikes.jax import import_jax

    monkeypatch.setitem(sys.modules, "jax", None)
    with pytest.raises(ImportError, match="pip install jax"):
        import_jax()


def test_unregistered_is_a_runtime_error(monkeypatch):
    from awkward._backends import jax as jax_backend

    monkeypatch.setattr(jax_backend, "_registered", False)
    monkeypatch.setattr(jax_backend.JaxBackend, "_instance", None)
    with pytest.raises(RuntimeError, match="register_and_check"):
        ak.to_backend(ak.Array([1.0]), "jax")


def test_mixing_backends_is_a_clear_error():
    on_jax = ak.Array([[1.0, 2.0]], backend="jax")
    on_cpu = ak.Array([[1.0, 2.0]])
    with pytest.raises(ValueError, match="backend"):
        on_jax + on_cpu
    with pytest.raises(ValueError, match="backend"):
        ak.concatenate([on_jax, on_cpu])


def test_jit_uses_the_structure_of_each_call():
    # beyond 2.14 (whose jit fails): the structure is auxiliary data, compared by value, so a
    # jitted function is retraced for arrays whose offsets differ
    total = jax.jit(lambda x: ak.sum(x, axis=1))
    first = [[1.0, 2.0, 3.0], [], [4.0, 5.0]]
    second = [[1.0], [2.0, 3.0], [4.0, 5.0]]
    assert total(ak.Array(first, backend="jax")).to_list() == [sum(r) for r in first]
    assert total(ak.Array(second, backend="jax")).to_list() == [sum(r) for r in second]
    same = jax.tree_util.tree_structure(ak.Array(first, backend="jax"))
    assert same == jax.tree_util.tree_structure(ak.Array(first, backend="jax"))
    assert same != jax.tree_util.tree_structure(ak.Array(second, backend="jax"))
