"""Parquet (and Feather) files through fsspec: URLs (``memory://``, ``file://``, any
protocol fsspec knows) and ``storage_options``, for ak.from_parquet (eager and virtual),
ak.to_parquet, ak.to_parquet_row_groups, ak.to_parquet_dataset, ak.metadata_from_parquet,
ak.from_feather/ak.to_feather and dask-awkward's hooks.

Reads are counted byte by byte through the "countmem://" filesystem of
tests/_counting_fsspec.py: the model of a lazy read is "the footer at open, then only the byte
ranges of the touched columns' chunks" (the chunk ranges come from the footer)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.virtual import VirtualNDArray
from tests._arrow_layouts import LAYOUTS, NOT_PARQUET, expected_type
from tests._counting_fsspec import bytes_read, counting_log

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
fsspec = pytest.importorskip("fsspec")
fsspec_local = pytest.importorskip("fsspec.implementations.local")

@pytest.fixture
def countmem():
    """Reads through "countmem://" as (path, offset, nbytes)."""
    yield from counting_log()


ROWS = 60_000


def big_events():
    """Three columns large enough that pyarrow's speculative footer read (the file's last
    64 KiB) holds none of the first two."""
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 4, ROWS)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    jets = ak.contents.ListOffsetArray(ak.index.Index64(offsets),
                                       ak.contents.NumpyArray(rng.normal(size=offsets[-1])))
    return ak.Array(ak.contents.RecordArray(
        [ak.contents.NumpyArray(rng.normal(size=ROWS)), jets,
         ak.contents.NumpyArray(np.arange(ROWS, dtype=np.int64))],
        ["met", "jets", "run"]))


def chunk_ranges(url):
    """{leaf column path: [(start, stop)] of its chunks}, from the footer."""
    with fsspec.open(url, "rb") as f:
        meta = pq.ParquetFile(f).metadata
    out = {}
    for g in range(meta.num_row_groups):
        for c in range(meta.num_columns):
            chunk = meta.row_group(g).column(c)
            start = chunk.dictionary_page_offset or chunk.data_page_offset
            out.setdefault(chunk.path_in_schema, []).append(
                (start, start + chunk.total_compressed_size))
    return out


def inside(ranges, at, n):
    return any(start <= at and at + n <= stop for start, stop in ranges)


# ---------------------------------------------------------------------- round trips
@pytest.mark.parametrize("name", sorted(set(LAYOUTS) - NOT_PARQUET))
def test_memory_round_trip_every_layout(name, countmem):
    layout = LAYOUTS[name]
    url = f"countmem://round/{name.replace(' ', '_')}.parquet"
    ak.to_parquet(layout, url, categorical_as_dictionary=True)
    model = layout.to_list()
    want = expected_type(layout).replace("datetime64[s]", "datetime64[ms]")
    eager = ak.from_parquet(url)
    assert eager.to_list() == model
    assert str(eager.type) == want
    lazy = ak.from_parquet(url, virtual=True)
    assert str(lazy.type) == want
    assert lazy.to_list() == model


def test_memory_protocol_and_storage_options(tmp_path):
    array = ak.Array([{"x": 1, "y": [1.5, 2.0]}, {"x": 2, "y": []}])
    meta = ak.to_parquet(array, "memory://remote-a/x.parquet")
    assert meta.num_rows == 2
    assert ak.from_parquet("memory://remote-a/x.parquet").to_list() == array.to_list()
    # storage_options go to the fsspec filesystem (here: file:// creating directories)
    target = tmp_path / "made" / "by" / "fsspec.parquet"
    ak.to_parquet(array, f"file://{target}", storage_options={"auto_mkdir": True})
    assert ak.from_parquet(str(target)).to_list() == array.to_list()
    # a local path with storage_options goes through fsspec's local filesystem
    back = ak.from_parquet(str(target), storage_options={"auto_mkdir": False}, virtual=True)
    assert back.to_list() == array.to_list()
    meta = ak.metadata_from_parquet(str(target), storage_options={"auto_mkdir": False})
    assert meta["fs"] is not None and meta["paths"] == [str(target)]


def test_directory_glob_and_list_of_urls():
    parts = [ak.Array([{"x": i, "y": [float(i)] * (i + 1)}]) for i in range(3)]
    for i, part in enumerate(parts):
        ak.to_parquet(part, f"memory://remote-dir/sub{i % 2}/p{i}.parquet")
    model = [row for part in parts for row in part.to_list()]
    by_name = sorted(range(3), key=lambda i: f"/remote-dir/sub{i % 2}/p{i}.parquet")
    sorted_model = [parts[i].to_list()[0] for i in by_name]
    assert ak.from_parquet("memory://remote-dir").to_list() == sorted_model
    assert ak.from_parquet("memory://remote-dir", virtual=True).to_list() == sorted_model
    assert ak.from_parquet("memory://remote-dir/sub0/*.parquet").to_list() == [
        parts[0].to_list()[0], parts[2].to_list()[0]]
    urls = [f"memory://remote-dir/sub{i % 2}/p{i}.parquet" for i in range(3)]
    assert ak.from_parquet(urls).to_list() == model
    assert ak.from_parquet(urls, virtual=True, row_groups=[[0], [0], []]).to_list() == model[:2]
    meta = ak.metadata_from_parquet("memory://remote-dir")
    assert isinstance(meta["fs"], fsspec.AbstractFileSystem)
    assert meta["paths"] == [f"/remote-dir/sub{i % 2}/p{i}.parquet" for i in by_name]
    assert meta["num_rows"] == 3


def test_row_groups_writer_and_dataset_metadata():
    arrays = [ak.Array([{"x": 1}, {"x": 2}]), ak.Array([{"x": 3}])]
    meta = ak.to_parquet_row_groups(iter(arrays), "memory://remote-rg/f.parquet")
    assert meta.num_row_groups == 2
    assert ak.from_parquet("memory://remote-rg/f.parquet", row_groups=[1]).to_list() == [{"x": 3}]
    ak.to_parquet(arrays[1], "memory://remote-rg/g.parquet")
    out = ak.to_parquet_dataset("memory://remote-rg")
    fs = fsspec.filesystem("memory")
    assert out == "/remote-rg/_metadata"
    assert fs.exists("/remote-rg/_metadata") and fs.exists("/remote-rg/_common_metadata")
    with fs.open("/remote-rg/_metadata", "rb") as f:
        merged = pq.read_metadata(f)
    assert merged.num_row_groups == 3 and merged.num_rows == 4


def test_feather_through_fsspec(countmem):
    array = ak.Array([{"x": 1, "y": "a"}, {"x": 2, "y": "bc"}])
    ak.to_feather(array, "countmem://remote-f/a.feather")
    assert ak.from_feather("countmem://remote-f/a.feather").to_list() == array.to_list()
    lazy = ak.from_feather("countmem://remote-f/a.feather", virtual=True)
    assert lazy.to_list() == array.to_list()


def test_dask_awkward_hooks_carry_the_filesystem():
    from awkward.operations.ak_from_parquet import _load, metadata

    array = ak.Array([{"x": 1, "y": 2.5}, {"x": 2, "y": 3.5}])
    ak.to_parquet(array, "memory://remote-hooks/a.parquet")
    columns, form, paths, fs, subrg, _, _ = metadata("memory://remote-hooks", columns=["y"])
    assert fs is not None and paths == ["/remote-hooks/a.parquet"]
    assert form.fields == ["y"]
    assert _load(paths, subform=form, fs=fs).to_list() == [{"y": 2.5}, {"y": 3.5}]


def test_local_files_give_fsspecs_local_filesystem(tmp_path):
    """As awkward 2.14: metadata_from_parquet's ``fs`` of local files is fsspec's local
    filesystem, and dask-awkward's ``_load`` then reads them natively."""
    from awkward.operations.ak_from_parquet import _load

    array = ak.Array([{"x": 1}, {"x": 2}])
    ak.to_parquet(array, tmp_path / "a.parquet")
    meta = ak.metadata_from_parquet(tmp_path / "a.parquet")
    assert isinstance(meta["fs"], fsspec_local.LocalFileSystem)
    assert _load(meta["paths"], fs=meta["fs"]).to_list() == array.to_list()


# ---------------------------------------------------------------------- laziness, counted
def test_lazy_open_reads_the_footer_only_and_touches_read_their_chunks(countmem):
    url = "countmem://lazy/events.parquet"
    events = big_events()
    ak.to_parquet(events, url, compression=None)
    ranges = chunk_ranges(url)
    size = fsspec.filesystem("countmem").size("/lazy/events.parquet")
    countmem.clear()
    array = ak.from_parquet(url, virtual=True)
    at_open = list(countmem)
    # the footer and pyarrow's speculative read of the file's end: nothing of met or jets
    assert all(at + n > size - 65536 - 10 for _, at, n in at_open)
    assert not any(inside(ranges["met"], at, n) for _, at, n in at_open)
    assert len(array) == ROWS and array.fields == ["met", "jets", "run"]
    countmem.clear()
    with ak.materialization_report() as report:
        total = float(ak.sum(array.met))
    assert total == pytest.approx(float(np.sum(events.met.to_numpy())))
    assert countmem and all(inside(ranges["met"], at, n) for _, at, n in countmem)
    assert bytes_read(countmem) <= sum(b - a for a, b in ranges["met"])
    assert report.columns == {"met"}
    countmem.clear()
    float(ak.sum(array.met))  # cached: no second read
    assert countmem == []
    assert ak.num(array.jets, axis=1).to_list() == ak.num(events.jets, axis=1).to_list()
    assert all(inside(ranges["jets.list.item"], at, n) for _, at, n in countmem)


def test_eager_read_through_fsspec_reads_chosen_columns_only(countmem):
    url = "countmem://eager/events.parquet"
    events = big_events()
    ak.to_parquet(events, url, compression=None)
    ranges = chunk_ranges(url)
    countmem.clear()
    out = ak.from_parquet(url, columns=["met"])
    assert out.met.to_list() == events.met.to_list()
    assert not any(inside(ranges["jets.list.item"], at, n) for _, at, n in countmem)


def test_lazy_buffers_are_virtual():
    ak.to_parquet(ak.Array([{"x": 1, "y": [2.0]}]), "memory://remote-virtual/a.parquet")
    array = ak.from_parquet("memory://remote-virtual/a.parquet", virtual=True)
    buffers = ak.to_buffers(array)[2]
    assert buffers and all(isinstance(b, VirtualNDArray) for b in buffers.values())


# ---------------------------------------------------------------------- errors
def test_missing_remote_file():
    with pytest.raises(FileNotFoundError, match="ak.from_parquet: no such file: '/nowhere/x"):
        ak.from_parquet("memory://nowhere/x.parquet")
    with pytest.raises(FileNotFoundError, match="ak.from_parquet: no such file"):
        ak.from_parquet("memory://nowhere/x.parquet", virtual=True)
    with pytest.raises(FileNotFoundError, match="ak.metadata_from_parquet: no such file"):
        ak.metadata_from_parquet("memory://nowhere/*.parquet")
    with pytest.raises(FileNotFoundError, match="ak.from_feather: no such file"):
        ak.from_feather("memory://nowhere/x.feather")


def test_unknown_protocol():
    with pytest.raises(ValueError, match=r"ak.from_parquet: cannot open 'nope://x.parquet': "
                                         r"Protocol not known: nope"):
        ak.from_parquet("nope://x.parquet")
    with pytest.raises(ValueError, match="ak.to_parquet: cannot open 'nope://y.parquet'"):
        ak.to_parquet(ak.Array([{"x": 1}]), "nope://y.parquet")
    with pytest.raises(ValueError, match="ak.from_feather: cannot open"):
        ak.from_feather("nope://y.feather", virtual=True)


def test_corrupt_remote_file_and_unknown_column():
    fs = fsspec.filesystem("memory")
    with fs.open("/remote-bad/bad.parquet", "wb") as f:
        f.write(b"PAR1 this is not parquet at all PAR1")
    for virtual in (False, True):
        with pytest.raises(ValueError, match="ak.from_parquet: '/remote-bad/bad.parquet' is "
                                             "not a readable Parquet file"):
            ak.from_parquet("memory://remote-bad/bad.parquet", virtual=virtual)
    ak.to_parquet(ak.Array([{"x": 1}]), "memory://remote-bad/ok.parquet")
    with pytest.raises(ValueError, match=r"ak.from_parquet: no column matches 'zz'"):
        ak.from_parquet("memory://remote-bad/ok.parquet", columns="zz", virtual=True)


def test_mixing_local_and_remote_paths(tmp_path):
    ak.to_parquet(ak.Array([{"x": 1}]), tmp_path / "a.parquet")
    ak.to_parquet(ak.Array([{"x": 1}]), "memory://remote-mix/a.parquet")
    with pytest.raises(ValueError, match="local and remote paths cannot be mixed"):
        ak.from_parquet(["memory://remote-mix/a.parquet", str(tmp_path / "a.parquet")])


def test_missing_fsspec_is_a_clear_import_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "fsspec", None)
    with pytest.raises(ImportError, match="ak.from_parquet: .*need fsspec.*pip install fsspec"):
        ak.from_parquet("memory://x/y.parquet")
    with pytest.raises(ImportError, match="ak.to_parquet: .*pip install fsspec"):
        ak.to_parquet(ak.Array([{"x": 1}]), "s3://bucket/y.parquet")
    with pytest.raises(ImportError, match="ak.to_feather: .*pip install fsspec"):
        ak.to_feather(ak.Array([{"x": 1}]), "memory://x/y.feather")
    # local paths need no fsspec
    ak.to_parquet(ak.Array([{"x": 1}]), tmp_path / "local.parquet")
    assert ak.from_parquet(tmp_path / "local.parquet", virtual=True).x.to_list() == [1]
    assert ak.metadata_from_parquet(tmp_path / "local.parquet")["fs"] is None


@pytest.mark.parametrize("statistics", [True, False])
def test_null_free_columns_from_the_footer(statistics):
    """Nullable columns whose footer statistics count no null are read as UnmaskedArrays
    (nothing to read for their option); without statistics, as IndexedOptionArrays. Either
    way the type and values are the eager read's."""
    table = pa.table({"a": [1.0, 2.0, 3.0], "b": [1.0, None, 3.0],
                         "c": [[1], [], [2, 3]], "d": [{"x": 1}, {"x": 2}, {"x": 3}]})
    url = f"memory://remote-stats/{statistics}.parquet"
    with fsspec.open(url, "wb") as f:
        pq.write_table(table, f, write_statistics=statistics)
    lazy = ak.from_parquet(url, virtual=True)
    eager = ak.from_parquet(url)
    assert lazy.type == eager.type
    assert lazy.to_list() == table.to_pylist()
    kinds = {f: type(lazy.layout.content(f)).__name__ for f in lazy.fields}
    assert kinds["b"] == "IndexedOptionArray"
    # "c" has an empty list, which Parquet counts as a null of its leaf: not provably null-free
    assert kinds["c"] == "IndexedOptionArray"
    expected = "UnmaskedArray" if statistics else "IndexedOptionArray"
    assert kinds["a"] == kinds["d"] == expected
