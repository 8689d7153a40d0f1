"""dask-awkward on this package: collections from awkward arrays and Parquet files, graphs
traced on typetracer arrays (column projection from the touch reports) and computed eagerly.
Skipped when dask-awkward is not installed (``pip install --no-deps dask-awkward dask``)."""

import pytest

import awkward as ak

dak = pytest.importorskip("dask_awkward")

RECORDS = [
    {"x": [1, 2, 3], "y": 1.5, "z": "a"},
    {"x": [], "y": 2.5, "z": "bb"},
    {"x": [4], "y": 3.5, "z": ""},
    {"x": [5, 6], "y": -1.0, "z": "ccc"},
]


def _only_columns(collection):
    (columns,) = dak.necessary_columns(collection).values()
    return set(columns)


@pytest.fixture
def array():
    return dak.from_awkward(ak.Array(RECORDS), npartitions=2)


@pytest.fixture
def parquet(tmp_path):
    ak.to_parquet(ak.Array(RECORDS[:2]), tmp_path / "part0.parquet")
    ak.to_parquet(ak.Array(RECORDS[2:]), tmp_path / "part1.parquet")
    return dak.from_parquet(str(tmp_path))


def test_from_awkward_keeps_type_and_values(array):
    assert array.npartitions == 2
    assert str(array.type) == str(ak.Array(RECORDS).type).replace("4 *", "?? *")
    assert array.compute().to_list() == RECORDS


def test_field_access_touches_one_column(array):
    y = array.y
    assert _only_columns(y) == {"y"}
    assert y.compute().to_list() == [r["y"] for r in RECORDS]


def test_selection(array):
    selected = array.x[array.y > 2]
    assert _only_columns(selected) == {"x", "y"}
    assert selected.compute().to_list() == [r["x"] for r in RECORDS if r["y"] > 2]


@pytest.mark.parametrize("sum_function", [ak.sum, "dak.sum"])
def test_sum_axis_1(array, sum_function):
    sum_function = dak.sum if sum_function == "dak.sum" else sum_function
    sums = sum_function(array.x, axis=1)
    assert _only_columns(sums) == {"x"}
    assert sums.compute().to_list() == [sum(r["x"]) for r in RECORDS]


def test_num_touches_offsets_only_column(array):
    counts = ak.num(array.x, axis=1)
    assert _only_columns(counts) == {"x"}
    assert counts.compute().to_list() == [len(r["x"]) for r in RECORDS]


def test_map_partitions(array):
    doubled = dak.map_partitions(lambda part: part.y * 2, array)
    assert _only_columns(doubled) == {"y"}
    assert doubled.compute().to_list() == [r["y"] * 2 for r in RECORDS]


def test_strings(array):
    lengths = ak.num(array.z, axis=1)
    assert _only_columns(lengths) == {"z"}
    assert lengths.compute().to_list() == [len(r["z"]) for r in RECORDS]


def test_from_parquet(parquet):
    assert parquet.npartitions == 2
    assert parquet.compute().to_list() == RECORDS
    total = ak.sum(parquet.x[parquet.y > 0], axis=1)
    assert _only_columns(total) == {"x", "y"}
    assert total.compute().to_list() == [
        sum(r["x"]) for r in RECORDS if r["y"] > 0
    ]


def test_from_parquet_projects_columns(parquet):
    y = parquet.y + 1
    assert _only_columns(y) == {"y"}
    assert y.compute().to_list() == [r["y"] + 1 for r in RECORDS]


def test_eager_and_dask_agree(array):
    eager = ak.Array(RECORDS)
    expected = ak.sum(eager.x[eager.y > 0], axis=1) * eager.y[eager.y > 0]
    lazy = ak.sum(array.x[array.y > 0], axis=1) * array.y[array.y > 0]
    assert lazy.compute().to_list() == expected.to_list()


@pytest.mark.parametrize("reducer", ["sum", "max", "min", "count"])
def test_reductions_at_axis_none_over_a_parquet_dataset(parquet, reducer):
    # dask-awkward reduces each partition with keepdims=True on the typetracer, then wraps a
    # 0-d tracer as its meta (ak.to_layout / ak.backend of a 0-d array)
    values = [v for r in RECORDS for v in r["x"]]
    model = {"sum": sum, "max": max, "min": min, "count": len}[reducer]
    lazy = getattr(dak, reducer)(parquet.x, axis=None)
    assert _only_columns(lazy) == {"x"}
    assert lazy.compute() == model(values)

