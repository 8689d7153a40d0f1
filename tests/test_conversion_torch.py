"""ak.to_torch / ak.from_torch against a pure-Python model of dense tensors."""

import numpy as np
import pytest

import awkward as ak
from tests._conversion_models import LAYOUTS, dense_shape, regular_numbers
from tests.counting_buffers import Lazy

torch = pytest.importorskip("torch", reason="torch is not installed (pip install torch)")

CASES = {**LAYOUTS, **regular_numbers()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_torch_over_layout_kinds(name):
    layout = CASES[name]
    value = layout.to_list()
    if dense_shape(value) is None:
        # jagged, missing, records, strings, unions: what a tensor cannot hold (TypeError, 2.14)
        with pytest.raises(TypeError):
            ak.to_torch(layout)
        return
    tensor = ak.to_torch(layout)
    assert isinstance(tensor, torch.Tensor)
    assert tensor.tolist() == value and tuple(tensor.shape) == np.array(value).shape
    back = ak.from_torch(tensor)
    assert back.to_list() == value


@pytest.mark.parametrize(
    "tensor",
    [
        torch.arange(6),
        torch.arange(12.0).reshape(2, 3, 2),
        torch.zeros((2, 0, 3)),
        torch.tensor([True, False]),
        torch.tensor([1 + 2j]),
        torch.tensor([1, 2], dtype=torch.uint16),
        torch.arange(6).reshape(2, 3)[:, ::2],
    ],
    ids=lambda t: f"{t.dtype}-{tuple(t.shape)}",
)
def test_from_torch_round_trip(tensor):
    array = ak.from_torch(tensor)
    assert array.to_list() == tensor.tolist()
    assert array.layout.is_numpy  # N-d tensors keep inner dimensions (as 2.14)
    assert ak.to_torch(array).tolist() == tensor.tolist()


def test_memory_is_shared_both_ways():
    x = torch.arange(4.0)
    a = ak.from_torch(x)
    x[0] = 99
    assert a.to_list() == [99.0, 1.0, 2.0, 3.0]
    b = ak.Array(np.arange(4.0))
    t = ak.to_torch(b)
    t[0] = 99
    assert b.to_list() == [99.0, 1.0, 2.0, 3.0]
    assert ak.from_torch(torch.arange(3.0, requires_grad=True)).to_list() == [0.0, 1.0, 2.0]


def test_to_torch_reads_only_the_converted_field():
    lazy = Lazy()
    layout = ak.contents.RecordArray([lazy.numpy([1, 2, 3], "x"), lazy.numpy([1.5, 2.5, 3.5], "y")], ["x", "y"])
    assert ak.to_torch(ak.Array(layout).y).tolist() == [1.5, 2.5, 3.5]
    assert lazy.calls == {"y": 1}


def test_errors():
    with pytest.raises(TypeError, match="equal-length lists of numbers"):
        ak.to_torch(ak.Array([[1, 2], [3]]))
    with pytest.raises(TypeError, match="equal-length lists of numbers"):
        ak.to_torch(ak.Array([1, None, 3]))
    with pytest.raises(TypeError, match="ak.Record objects are not allowed"):
        ak.to_torch(ak.Array([{"x": 1}])[0])
    with pytest.raises(TypeError, match="only PyTorch Tensor"):
        ak.from_torch([1, 2])
    with pytest.raises(TypeError, match="0-d"):
        ak.from_torch(torch.tensor(5))
    with pytest.raises(TypeError):
        ak.from_torch(torch.tensor([1.0], dtype=torch.bfloat16))
    assert ak.to_torch(ak.Array([1, None, 3])[[0, 2]]).tolist() == [1, 3]  # option type, no None
    assert ak.to_torch([1, 2]).tolist() == [1, 2] and ak.to_torch(5).tolist() == [5]


def test_from_dlpack_of_a_torch_tensor_shares_memory():
    x = torch.arange(6.0).reshape(2, 3)
    array = ak.from_dlpack(x)
    x[0, 0] = 99
    assert array.to_list() == [[99.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert torch.from_dlpack(array.layout.data).tolist() == x.tolist()  # our buffer exported back
