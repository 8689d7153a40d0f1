"""Partitioned datasets (hive ``key=value`` directories and directory partitioning).

- ak.from_arrow of a pyarrow dataset over local Parquet or Feather files is lazy: the files'
  columns read on first touch, and the partition columns are fields after them, each a
  constant per file made on first touch without reading any file.
- ak.from_parquet of a partitioned directory reads the files' own columns only, as awkward
  2.14 does (its partition directories are just where the files are).

Model: the rows written, with the partition values of their directory added in Python."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward._connect.pyarrow import lazy_feather

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ds = pytest.importorskip("pyarrow.dataset")
feather = pytest.importorskip("pyarrow.feather")

PARTS = [(2020, "a"), (2020, "b"), (2021, "a")]


def rows(year, cat):
    """The rows of one partition's file (values depend on the partition)."""
    return [{"x": year * 10 + k, "v": [float(k)] * k, "s": f"{cat}{k}"} for k in range(3)]


def write(directory, fmt="parquet", flavor="hive"):
    for year, cat in PARTS:
        where = directory / (f"year={year}" if flavor == "hive" else str(year))
        where = where / (f"cat={cat}" if flavor == "hive" else cat)
        where.mkdir(parents=True)
        table = pa.Table.from_pylist(rows(year, cat))
        if fmt == "parquet":
            pq.write_table(table, where / "part.parquet")
        else:
            feather.write_feather(table, where / "part.feather")


def model(with_partitions=True):
    out = []
    for year, cat in PARTS:
        for row in rows(year, cat):
            out.append({**row, "year": year, "cat": cat} if with_partitions else row)
    return out


@pytest.fixture
def reads(monkeypatch):
    """The columns of every Parquet read (ParquetFile's methods) and Feather read."""
    log = []
    for method in ("read_row_groups", "read_row_group", "read", "iter_batches"):
        original = getattr(pq.ParquetFile, method)

        def wrapper(self, *args, __original=original, **kwargs):
            log.append(list(kwargs.get("columns") or []))
            return __original(self, *args, **kwargs)

        monkeypatch.setattr(pq.ParquetFile, method, wrapper)
    original = lazy_feather._FeatherFile.read_columns

    def feather_wrapper(self, names, schema):
        log.append(list(names))
        return original(self, names, schema)

    monkeypatch.setattr(lazy_feather._FeatherFile, "read_columns", feather_wrapper)
    return log


@pytest.mark.parametrize("fmt", ["parquet", "feather"])
def test_hive_dataset_lazily_with_partition_fields(tmp_path, reads, fmt):
    write(tmp_path, fmt)
    dataset = ds.dataset(tmp_path, format=fmt, partitioning="hive")
    array = ak.from_arrow(dataset)
    assert reads == []
    assert len(array) == len(model())
    assert array.fields == ["x", "v", "s", "year", "cat"]
    assert str(array.type) == str(ak.from_arrow(dataset.to_table()).type)
    with ak.materialization_report() as report:
        assert array.year.to_list() == [r["year"] for r in model()]
        assert array.cat.to_list() == [r["cat"] for r in model()]
    assert reads == []  # partition values come from the paths, not the files
    assert report.columns == {"year", "cat"} and report.file_bytes == 0
    assert array.x.to_list() == [r["x"] for r in model()]
    assert reads and all(r == (["x"]) for r in reads)
    assert array.to_list() == model()


def test_partition_fields_in_computations(tmp_path):
    write(tmp_path)
    array = ak.from_arrow(ds.dataset(tmp_path, partitioning="hive"))
    selected = array[array.year == 2020]
    assert selected.x.to_list() == [r["x"] for r in model() if r["year"] == 2020]
    assert ak.sum(array.year) == sum(r["year"] for r in model())
    counts = ak.num(array.v[array.cat == "a"], axis=1).to_list()
    assert counts == [len(r["v"]) for r in model() if r["cat"] == "a"]


def test_directory_partitioning(tmp_path):
    write(tmp_path, flavor="directory")
    partitioning = ds.partitioning(pa.schema([("year", pa.int16()), ("cat", pa.string())]))
    dataset = ds.dataset(tmp_path, partitioning=partitioning)
    array = ak.from_arrow(dataset)
    assert str(array.type) == str(ak.from_arrow(dataset.to_table()).type)
    assert array.to_list() == model()


def test_dictionary_and_null_partitions(tmp_path):
    for cat in ("a", "__HIVE_DEFAULT_PARTITION__"):
        (tmp_path / f"cat={cat}").mkdir()
        pq.write_table(pa.table({"x": [1, 2]}), tmp_path / f"cat={cat}" / "p.parquet")
    discovery = ds.HivePartitioning.discover(infer_dictionary=True)
    dataset = ds.dataset(tmp_path, partitioning=discovery)
    array = ak.from_arrow(dataset)
    assert array.to_list() == dataset.to_table().to_pylist()
    assert array.cat.to_list() == [None, None, "a", "a"]
    assert ak.parameters(array.cat).get("__array__") == "categorical"


def test_from_parquet_of_a_partitioned_directory_is_the_files_columns(tmp_path, reads):
    """As awkward 2.14: the directory's files, their own columns, in path order."""
    write(tmp_path)
    for virtual in (False, True):
        array = ak.from_parquet(tmp_path, virtual=virtual)
        assert array.fields == ["x", "v", "s"]
        assert array.to_list() == model(with_partitions=False)
    meta = ak.metadata_from_parquet(tmp_path)
    assert meta["form"].fields == ["x", "v", "s"] and meta["num_rows"] == len(model())


def test_dataset_without_partitions_stays_lazy(tmp_path, reads):
    write(tmp_path)
    dataset = ds.dataset(tmp_path)  # no partitioning: the files' columns only
    array = ak.from_arrow(dataset)
    assert reads == []
    assert array.fields == ["x", "v", "s"]
    assert array.s.to_list() == [r["s"] for r in model(with_partitions=False)]
    assert reads and all(r == ["s"] for r in reads)


def test_a_corrupt_file_in_a_dataset(tmp_path):
    write(tmp_path)
    victim = tmp_path / "year=2021" / "cat=a" / "part.parquet"
    data = victim.read_bytes()
    dataset = ds.dataset(tmp_path, partitioning="hive")
    array = ak.from_arrow(dataset)
    # damage the column chunks (the footer, the last 8 + footer-length bytes, stays readable)
    chunks_end = len(data) - 8 - int(np.frombuffer(data[-8:-4], np.int32)[0])
    victim.write_bytes(data[:4] + b"\x55" * (chunks_end - 4) + data[chunks_end:])
    with pytest.raises(ValueError, match=r"ak.from_arrow: cannot read column\(s\) \['x'\] of "
                                         r"'.*year=2021/cat=a/part.parquet' \(corrupt"):
        array.x.to_list()
    assert array.year.to_list() == [r["year"] for r in model()]  # no file read
