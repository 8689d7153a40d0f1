"""ak.from_arrow of a pyarrow dataset: local Parquet files are read lazily (nothing at open,
each column on first touch), other datasets eagerly; values and types as the eager reads."""

from __future__ import annotations

import os

import pytest

import awkward as ak

ds = pytest.importorskip("pyarrow.dataset", reason="pyarrow is not installed (pip install pyarrow)")

ROWS = [{"x": [float(i), i + 0.5] if i % 3 else [], "y": i, "s": None if i % 4 == 0 else str(i)} for i in range(100)]


@pytest.fixture
def parquet_dir(tmp_path):
    array = ak.Array(ROWS)
    ak.to_parquet(array[:60], os.path.join(tmp_path, "part0.parquet"))
    ak.to_parquet(array[60:], os.path.join(tmp_path, "part1.parquet"))
    return str(tmp_path)


def test_parquet_dataset_is_lazy_and_equal(parquet_dir):
    with ak.materialization_report() as opening:
        array = ak.from_arrow(ds.dataset(parquet_dir, format="parquet"))
        assert len(array) == len(ROWS)
        assert array.fields == ["x", "y", "s"]
        str(array.type)
    assert opening.columns == set() and opening.buffer_keys == set()
    with ak.materialization_report() as touching:
        assert ak.sum(array.y) == sum(row["y"] for row in ROWS)
    assert touching.columns == {"y"}
    assert array.to_list() == ROWS
    eager = ak.from_parquet(parquet_dir)
    assert array.type == eager.type


def test_feather_dataset_is_read_eagerly(tmp_path):
    path = os.path.join(tmp_path, "rows.feather")
    ak.to_feather(ak.Array(ROWS), path)
    array = ak.from_arrow(ds.dataset(path, format="feather"))
    assert array.to_list() == ROWS
    assert str(array.type) == str(ak.from_feather(path).type)


def test_other_objects_are_refused():
    with pytest.raises(TypeError, match="expected a pyarrow Array, ChunkedArray, RecordBatch, Table or dataset"):
        ak.from_arrow([1, 2, 3])
