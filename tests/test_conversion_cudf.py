"""ak.to_cudf / ak.from_cudf round trips (needs cudf, i.e. an NVIDIA GPU and `pip install
cudf-cu12 --extra-index-url=https://pypi.nvidia.com`; skipped without it, the reason naming
cudf). The ImportError without cudf is tested in tests/test_conversion_numpy.py."""

import pytest

import awkward as ak

cudf = pytest.importorskip(
    "cudf", reason="cudf is not installed (needs an NVIDIA GPU: pip install cudf-cu12)"
)

VALUES = {
    "float64": [1.5, 2.5, -3.0],
    "int64": [1, 2, 3],
    "bool": [True, False, True],
    "lists": [[1.0, 2.0], [], [3.0]],
    "nested": [[[1], []], [], [[2, 3]]],
    "strings": ["a", "", "bcd"],
    "options": [1.0, None, 3.0],
    "records": [{"x": 1, "y": [1.5]}, {"x": 2, "y": []}],
}


@pytest.mark.parametrize("name", sorted(VALUES))
def test_round_trip(name):
    array = ak.Array(VALUES[name])
    series = ak.to_cudf(array)
    assert isinstance(series, cudf.Series) and len(series) == len(VALUES[name])
    back = ak.from_cudf(series)
    assert back.to_list() == VALUES[name]


def test_from_cudf_refuses_other_objects():
    with pytest.raises(TypeError, match="ak.from_cudf: expected a cudf.Series"):
        ak.from_cudf([1, 2, 3])
