"""ak.Array's operators and __array_ufunc__ go through broadcasting; laziness is kept."""

import collections

import numpy as np
import pytest

import awkward as ak


def test_binary_unary_and_reflected_operators():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    assert (array + 1).to_list() == [[2, 3, 4], [], [5, 6]]
    assert (10 - array).to_list() == [[9, 8, 7], [], [6, 5]]
    assert (array * array).to_list() == [[1, 4, 9], [], [16, 25]]
    assert (-array).to_list() == [[-1, -2, -3], [], [-4, -5]]
    assert abs(-array).to_list() == array.to_list()
    assert (array // 2).to_list() == [[0, 1, 1], [], [2, 2]]
    assert (array > 2).to_list() == [[False, False, True], [], [True, True]]
    assert (array == 2).to_list() == [[False, True, False], [], [False, False]]
    assert (~(array > 2)).to_list() == [[True, True, False], [], [False, False]]


def test_numpy_ufunc_on_an_array():
    array = ak.Array([[1.0, 4.0], [9.0]])
    assert np.sqrt(array).to_list() == [[1.0, 2.0], [3.0]]
    assert np.add(array, ak.Array([1.0, 2.0])).to_list() == [[2.0, 5.0], [11.0]]


def test_flat_array_broadcasts_into_lists_and_mismatch_is_an_error():
    jagged = ak.Array([[1, 2], [3]])
    assert (jagged + ak.Array([10, 20])).to_list() == [[11, 12], [23]]
    with pytest.raises(ValueError, match="broadcast"):
        jagged + ak.Array([[1], [2, 3]])


def test_arrays_are_unhashable_like_awkward():
    with pytest.raises(TypeError):
        hash(ak.Array([1, 2]))


def test_field_arithmetic_reads_only_that_field():
    calls = collections.Counter()

    def counted(name, values):
        def generate():
            calls[name] += 1
            return values

        return generate

    form = ak.forms.from_dict(
        {
            "class": "RecordArray",
            "fields": ["x", "y"],
            "contents": [
                {"class": "NumpyArray", "primitive": "int64", "form_key": "x"},
                {"class": "NumpyArray", "primitive": "float64", "form_key": "y"},
            ],
        }
    )
    array = ak.from_buffers(
        form,
        3,
        {"x-data": counted("x", np.array([1, 2, 3])), "y-data": counted("y", np.array([0.5, 1.5, 2.5]))},
    )
    assert (array.x + 1).to_list() == [2, 3, 4]
    assert calls == {"x": 1}
