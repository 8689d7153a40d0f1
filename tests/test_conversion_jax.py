"""ak.to_jax / ak.from_jax and ak.jax (the JAX integration, deprecated as in 2.14)."""

import warnings

import numpy as np
import pytest

import awkward as ak
from tests._conversion_models import LAYOUTS, dense_shape, regular_numbers
from tests.counting_buffers import Lazy

jax = pytest.importorskip("jax", reason="jax is not installed (pip install jax[cpu])")

CASES = {**LAYOUTS, **regular_numbers()}


@pytest.fixture
def x64():
    before = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", True)
    ak.jax.register_and_check()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield
    jax.config.update("jax_enable_x64", before)


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_jax_over_layout_kinds(x64, name):
    layout = CASES[name]
    value = layout.to_list()
    if dense_shape(value) is None:
        with pytest.raises((TypeError, ValueError), match="ak.to_jax"):
            ak.to_jax(layout)
        return
    out = ak.to_jax(layout)
    assert isinstance(out, jax.Array)
    assert out.tolist() == value and out.shape == np.array(value).shape
    assert ak.from_jax(out).to_list() == value


@pytest.mark.parametrize("regulararray", [False, True])
def test_from_jax(x64, regulararray):
    data = jax.numpy.arange(6).reshape(2, 3)
    array = ak.from_jax(data, regulararray=regulararray)
    assert array.to_list() == [[0, 1, 2], [3, 4, 5]]
    assert array.layout.is_regular == regulararray
    assert ak.from_jax(np.arange(3)).to_list() == [0, 1, 2]
    assert ak.from_jax(jax.numpy.array(5), primitive_policy="promote").to_list() == [5]


def test_deprecation_and_checks(x64):
    # as 2.14: register_and_check warns on every call; the conversions check 64-bit dtypes
    with pytest.warns(DeprecationWarning, match="JAX backend is deprecated"):
        ak.jax.register_and_check()
    jax.config.update("jax_enable_x64", False)
    with pytest.raises(RuntimeError, match="64-bit"):
        ak.from_jax(jax.numpy.arange(2))
    with pytest.raises(RuntimeError, match="64-bit"):
        ak.to_jax(ak.Array([1, 2]))
    with pytest.warns(DeprecationWarning):  # and turns 64-bit dtypes on, as 2.14 does
        ak.jax.register_and_check()
    assert jax.config.jax_enable_x64


def test_registration_required(monkeypatch, x64):
    from awkward._backends import jax as jax_backend

    monkeypatch.setattr(jax_backend, "_registered", False)
    with pytest.raises(RuntimeError, match="register_and_check"):
        ak.to_jax(ak.Array([1]))


def test_to_jax_reads_only_the_converted_field(x64):
    lazy = Lazy()
    layout = ak.contents.RecordArray([lazy.numpy([1, 2, 3], "x"), lazy.numpy([1.5, 2.5, 3.5], "y")], ["x", "y"])
    assert ak.to_jax(ak.Array(layout).x).tolist() == [1, 2, 3]
    assert lazy.calls == {"x": 1}


def test_errors(x64):
    with pytest.raises(ValueError, match="jagged"):
        ak.to_jax(ak.Array([[1, 2], [3]]))
    with pytest.raises(ValueError, match="missing"):
        ak.to_jax(ak.Array([1, None]))
    with pytest.raises(TypeError, match="structured"):
        ak.to_jax(ak.Array([{"x": 1}]))
    with pytest.raises(TypeError, match="jax array"):
        ak.from_jax([1, 2])
    with pytest.raises(TypeError, match="scalar"):
        ak.from_jax(jax.numpy.array(5))


def test_from_dlpack_of_a_jax_array():
    data = jax.numpy.arange(6.0).reshape(3, 2)
    assert ak.from_dlpack(data, regulararray=True).to_list() == data.tolist()
