"""ak.from_feather(..., virtual=True): Feather (Arrow IPC) files read column by column.

Model: opening reads the footer and the record batches' message headers (no body); touching a
buffer reads the top-level column it belongs to (every batch), once while caching is on;
values and types are those of the eager read. Reads are counted byte by byte through the
"countmem://" fsspec filesystem (tests/_counting_fsspec.py), and by wrapping the reader's
one read call for local files."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.virtual import VirtualNDArray
from tests._arrow_layouts import LAYOUTS, expected_type
from tests._counting_fsspec import bytes_read, counting_log

pa = pytest.importorskip("pyarrow")
ipc = pytest.importorskip("pyarrow.ipc")
feather = pytest.importorskip("pyarrow.feather")
fsspec = pytest.importorskip("fsspec")

from awkward._connect.pyarrow import lazy_feather  # noqa: E402


@pytest.fixture
def countmem():
    """Reads through "countmem://" as (path, offset, nbytes)."""
    yield from counting_log()


ROWS = 20_000


def events(rows=ROWS):
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 4, rows)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    n = int(offsets[-1])
    muons = ak.zip({"pt": ak.unflatten(rng.normal(size=n), counts),
                    "q": ak.unflatten(rng.integers(-1, 2, n), counts)})
    return ak.zip({"met": rng.normal(size=rows), "muons": muons,
                   "name": ak.Array([f"e{i}" for i in range(rows)]),
                   "maybe": ak.Array([None if i % 7 == 0 else i for i in range(rows)])},
                  depth_limit=1)


@pytest.fixture
def reads(monkeypatch):
    """The top-level columns of every lazy read of a local file (a list of lists)."""
    log = []
    original = lazy_feather._FeatherFile.read_columns

    def wrapper(self, names, schema):
        log.append(list(names))
        return original(self, names, schema)

    monkeypatch.setattr(lazy_feather._FeatherFile, "read_columns", wrapper)
    return log


@pytest.fixture
def path(tmp_path):
    out = tmp_path / "events.feather"
    ak.to_feather(events(), out, chunksize=6000)
    return str(out)


# ---------------------------------------------------------------------- every layout kind
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_kind(name, tmp_path):
    layout = LAYOUTS[name]
    if name == "empty record":
        pytest.skip("an Arrow table without columns has no rows (as in awkward 2.14)")
    path = tmp_path / "file.feather"
    ak.to_feather(layout, path, categorical_as_dictionary=True, chunksize=4)
    lazy = ak.from_feather(path, virtual=True)
    assert str(lazy.type) == expected_type(layout)
    assert str(lazy.type) == str(ak.from_feather(path).type)
    assert lazy.to_list() == layout.to_list()


@pytest.mark.parametrize("compression", ["zstd", "lz4", "uncompressed"])
@pytest.mark.parametrize("memory_map", [False, True])
def test_values_and_type_match_the_eager_read(path, tmp_path, compression, memory_map):
    array = events()
    where = tmp_path / f"{compression}.feather"
    ak.to_feather(array, where, compression=compression, chunksize=7000)
    lazy = ak.from_feather(where, virtual=True, memory_map=memory_map)
    assert lazy.type == ak.from_feather(where).type
    assert lazy.to_list() == array.to_list()


def test_batch_lengths_from_headers_only(tmp_path):
    table = pa.table({"a": np.arange(100_000), "b": [[1.0, 2.0]] * 100_000})
    where = tmp_path / "t.feather"
    feather.write_feather(table, where, chunksize=30_000)
    with open(where, "rb") as f:
        lengths = lazy_feather.batch_lengths(f)
    with ipc.open_file(str(where)) as reader:
        model = [reader.get_batch(i).num_rows for i in range(reader.num_record_batches)]
    assert lengths == model == [30_000, 30_000, 30_000, 10_000]


# ---------------------------------------------------------------------- laziness
def test_opening_reads_no_column(path, reads):
    array = ak.from_feather(path, virtual=True)
    assert reads == []
    assert len(array) == ROWS
    assert array.fields == ["met", "muons", "name", "maybe"]
    str(array.type)
    assert reads == []
    buffers = ak.to_buffers(array)[2]
    assert all(isinstance(b, VirtualNDArray) for b in buffers.values())


def test_touching_a_column_reads_it_once(path, reads):
    array = ak.from_feather(path, virtual=True)
    model = events()
    with ak.materialization_report() as report:
        assert ak.sum(array.met) == pytest.approx(float(np.sum(model.met.to_numpy())))
    assert reads == [["met"]]
    assert report.columns == {"met"}
    ak.sum(array.met)
    assert reads == [["met"]]  # cached
    assert ak.num(array.muons.pt, axis=1).to_list() == ak.num(model.muons.pt, axis=1).to_list()
    assert array.muons.q.to_list() == model.muons.q.to_list()
    assert reads == [["met"], ["muons"]]  # one read gives every buffer of the column
    assert array.maybe.to_list() == model.maybe.to_list()
    assert reads[-1] == ["maybe"] and len(reads) == 3


def test_bytes_read_through_fsspec(countmem):
    url = "countmem://feather/events.feather"
    ak.to_feather(events(), url, compression="uncompressed", chunksize=5000)
    size = fsspec.filesystem("countmem").size("/feather/events.feather")
    countmem.clear()
    array = ak.from_feather(url, virtual=True)
    opened = bytes_read(countmem)
    assert opened < 16384 < size // 50  # footer (twice), schema and four batch headers
    countmem.clear()
    array.met.to_numpy()
    met_bytes = bytes_read(countmem)
    assert 8 * ROWS <= met_bytes < 8 * ROWS + 8192  # the column's buffers and the footers
    countmem.clear()
    array.met.to_numpy()
    assert countmem == []


def test_columns_selection(path, reads):
    array = ak.from_feather(path, columns=["name", "met"], virtual=True)
    assert array.fields == ["name", "met"]  # the order asked for, as the eager read
    assert array.fields == ak.from_feather(path, columns=["name", "met"]).fields
    assert array.name.to_list() == events().name.to_list()
    assert reads == [["name"]]


def test_single_column_file_and_cache(tmp_path):
    array = ak.Array([[1, 2], [], [3]])
    where = tmp_path / "single.feather"
    ak.to_feather(array, where)
    cache = {}
    lazy = ak.from_feather(where, virtual=True, cache=cache, cache_key="k")
    assert lazy.to_list() == array.to_list()
    assert cache and all(key.startswith("k/") for key in cache)


def test_threads_generate_once(path, reads):
    array = ak.from_feather(path, virtual=True)
    results = []

    def touch():
        results.append(float(ak.sum(array.met)))

    threads = [threading.Thread(target=touch) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and reads == [["met"]]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_feather_v1_is_read_eagerly(tmp_path):
    where = tmp_path / "v1.feather"
    feather.write_feather(pa.table({"x": [1, 2, 3]}), where, version=1)
    assert ak.from_feather(where, virtual=True).to_list() == [{"x": 1}, {"x": 2}, {"x": 3}]


# ---------------------------------------------------------------------- errors
def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="ak.from_feather: no such file"):
        ak.from_feather(tmp_path / "nope.feather", virtual=True)


def test_corrupt_and_truncated(tmp_path, path):
    bad = tmp_path / "bad.feather"
    bad.write_bytes(b"this is not an arrow file")
    with pytest.raises(ValueError, match="ak.from_feather: cannot read .*bad.feather"):
        ak.from_feather(bad, virtual=True)
    with open(path, "rb") as f:
        data = f.read()
    cut = tmp_path / "cut.feather"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="ak.from_feather: cannot read .*cut.feather"):
        ak.from_feather(cut, virtual=True)


def test_unknown_column(path):
    with pytest.raises(ValueError, match=r"ak.from_feather: no column named 'zz' in .*"
                                         r"\(columns: \['met', 'muons', 'name', 'maybe'\]\)"):
        ak.from_feather(path, columns=["zz"], virtual=True)


def test_cache_arguments_need_virtual(path):
    with pytest.raises(TypeError, match="ak.from_feather: cache= and cache_key= apply to "
                                        "virtual=True only"):
        ak.from_feather(path, cache={})
