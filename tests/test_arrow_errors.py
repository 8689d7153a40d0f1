"""Clear errors from the Arrow/Parquet/Feather functions: missing, corrupt and truncated files,
unknown columns, row groups out of range, bad arguments, and pyarrow missing."""

import sys

import pytest

import awkward as ak

pa = pytest.importorskip("pyarrow")


@pytest.fixture
def parquet_file(tmp_path):
    path = tmp_path / "good.parquet"
    ak.to_parquet(ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]), path)
    return path


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.parquet"
    with pytest.raises(FileNotFoundError, match="ak.from_parquet: no such file: .*nope.parquet"):
        ak.from_parquet(missing)
    with pytest.raises(FileNotFoundError, match="ak.metadata_from_parquet: no such file"):
        ak.metadata_from_parquet(missing)
    with pytest.raises(FileNotFoundError, match="ak.from_feather: no such file: .*nope.feather"):
        ak.from_feather(tmp_path / "nope.feather")
    with pytest.raises(FileNotFoundError, match=r"no \*.parquet or \*.parq files in directory"):
        ak.from_parquet(tmp_path)
    with pytest.raises(FileNotFoundError, match="ak.to_parquet_dataset: no such directory"):
        ak.to_parquet_dataset(tmp_path / "nodir")


def test_corrupt_file(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"this is not parquet at all" * 10)
    with pytest.raises(ValueError, match="ak.from_parquet: .*bad.parquet.* is not a readable "
                                         "Parquet file"):
        ak.from_parquet(bad)
    feather = tmp_path / "bad.feather"
    feather.write_bytes(b"garbage" * 20)
    with pytest.raises(ValueError, match="ak.from_feather: cannot read"):
        ak.from_feather(feather)


def test_truncated_file(parquet_file, tmp_path):
    data = parquet_file.read_bytes()
    for cut in (len(data) - 10, len(data) // 2, 8):
        short = tmp_path / f"short{cut}.parquet"
        short.write_bytes(data[:cut])
        with pytest.raises(ValueError, match=r"ak.from_parquet: .* \(corrupt or truncated"):
            ak.from_parquet(short)
    feather = tmp_path / "f.feather"
    ak.to_feather(ak.Array([[1, 2, 3]] * 100), feather, compression="uncompressed")
    short = tmp_path / "short.feather"
    short.write_bytes(feather.read_bytes()[:200])
    with pytest.raises(ValueError, match="ak.from_feather: cannot read"):
        ak.from_feather(short)


def test_unknown_column(parquet_file, tmp_path):
    with pytest.raises(ValueError, match=r"ak.from_parquet: no column matches 'zz' "
                                         r"\(columns: \['x', 'y'\]\)"):
        ak.from_parquet(parquet_file, columns="zz")
    with pytest.raises(ValueError, match="no column matches"):
        ak.from_parquet(parquet_file, columns=["q*"])
    feather = tmp_path / "f.feather"
    ak.to_feather(ak.Array([{"x": 1}]), feather)
    with pytest.raises(ValueError, match="ak.from_feather: cannot read .*unknown column"):
        ak.from_feather(feather, columns=["zz"])


def test_row_groups_out_of_range(parquet_file):
    with pytest.raises(ValueError, match=r"ak.from_parquet: row group 3 out of range 0..0"):
        ak.from_parquet(parquet_file, row_groups=[3])
    with pytest.raises(ValueError, match="row group -1 out of range"):
        ak.from_parquet(parquet_file, row_groups=[-1])


def test_bad_arguments(parquet_file, tmp_path):
    with pytest.raises(TypeError, match="ak.from_parquet: path must be a str"):
        ak.from_parquet(42)
    with pytest.raises(ValueError, match="ak.from_parquet: cannot open 'nope://x.parquet'"):
        ak.from_parquet("nope://x.parquet")  # remote paths: tests/test_parquet_remote.py
    with pytest.raises(TypeError, match="ak.to_arrow: ak.Record objects are not allowed"):
        ak.to_arrow(ak.Record({"x": 1}))
    with pytest.raises(ValueError, match="nothing to write"):
        ak.to_parquet_row_groups(iter([]), tmp_path / "empty.parquet")
    with pytest.raises(Exception, match="dense_union|union"):
        ak.to_parquet(ak.Array([1, "a"]), tmp_path / "union.parquet")
    other = tmp_path / "other.parquet"
    ak.to_parquet(ak.Array([{"z": 1}]), other)
    with pytest.raises(ValueError, match="has columns"):
        ak.from_parquet([parquet_file, other])


@pytest.mark.parametrize("call", [
    lambda p: ak.to_arrow(ak.Array([1])),
    lambda p: ak.to_arrow_table(ak.Array([1])),
    lambda p: ak.from_arrow(None),
    lambda p: ak.from_arrow_schema(None),
    lambda p: ak.to_parquet(ak.Array([1]), p / "x.parquet"),
    lambda p: ak.from_parquet(p / "x.parquet"),
    lambda p: ak.to_feather(ak.Array([1]), p / "x.feather"),
    lambda p: ak.from_feather(p / "x.feather"),
    lambda p: ak.metadata_from_parquet(p / "x.parquet"),
])
def test_without_pyarrow(monkeypatch, tmp_path, call):
    for name in list(sys.modules):
        if name == "pyarrow" or name.startswith("pyarrow."):
            monkeypatch.setitem(sys.modules, name, None)
    for name in list(sys.modules):
        if name.startswith("awkward._connect.pyarrow."):
            monkeypatch.delitem(sys.modules, name)
    with pytest.raises(ImportError, match="install pyarrow: pip install pyarrow"):
        call(tmp_path)
