"""Parquet and Feather files: round trips of every layout kind, column and row-group
selection, datasets, metadata, writer options, and files exchanged with awkward 2.14 (the
committed files of tests/data/arrow214 and, when the reference environment exists, files
written and read by awkward 2.14 in a subprocess)."""

import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

import awkward as ak
from tests._arrow_layouts import LAYOUTS, NOT_PARQUET, expected_type, expected_values

# the reference interpreter must import awkward 2.14, never this checkout (PYTHONPATH may name it)
_REF_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

DATA = pathlib.Path(__file__).parent / "data" / "arrow214"
REF_PYTHON = pathlib.Path("/tmp/ak-compare-ref-2.14.0/bin/python")
CATEGORICAL = {"categorical strings", "categorical numbers", "optional categorical"}


def _type(layout):
    return expected_type(layout)


@pytest.mark.parametrize("name", sorted(set(LAYOUTS) - NOT_PARQUET))
def test_parquet_round_trip(name, tmp_path):
    layout = LAYOUTS[name]
    path = tmp_path / "file.parquet"
    ak.to_parquet(layout, path, categorical_as_dictionary=True)
    back = ak.from_parquet(path)
    assert back.to_list() == layout.to_list()
    # Parquet has no timestamps in seconds: pyarrow stores them in milliseconds
    assert str(back.type) == _type(layout).replace("datetime64[s]", "datetime64[ms]")
    # the footer alone predicts the form of a generate_bitmasks read
    meta = ak.metadata_from_parquet(path)
    assert meta["form"] == ak.from_parquet(path, generate_bitmasks=True).layout.form
    assert meta["num_rows"] == len(layout)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_feather_round_trip(name, tmp_path):
    layout = LAYOUTS[name]
    if name == "empty record":
        pytest.skip("an Arrow table without columns has no rows (as in awkward 2.14)")
    path = tmp_path / "file.feather"
    ak.to_feather(layout, path, categorical_as_dictionary=True)
    back = ak.from_feather(path)
    assert back.to_list() == layout.to_list()
    assert str(back.type) == _type(layout)


@pytest.fixture
def events(tmp_path):
    array = ak.Array([
        {"run": 1, "muons": [{"pt": 1.5, "eta": 0.1}], "jets": {"pt": [3.0], "n": 1}},
        {"run": 2, "muons": [], "jets": {"pt": [], "n": 0}},
        {"run": 3, "muons": [{"pt": 2.5, "eta": -1.0}, {"pt": 0.5, "eta": 2.0}],
         "jets": {"pt": [1.0, 2.0], "n": 2}},
    ])
    path = tmp_path / "events.parquet"
    ak.to_parquet(array, path, row_group_size=2)
    return array, path


def _select(value, spec):
    """Pure-Python model of a column selection on to_list data (records only)."""
    if isinstance(value, list):
        return [_select(v, spec) for v in value]
    if isinstance(value, dict):
        return {k: _select(v, spec[k]) for k, v in value.items() if k in spec}
    return value


@pytest.mark.parametrize("columns, spec", [
    ("run", {"run": None}),
    (["run", "jets"], {"run": None, "jets": {"pt": None, "n": None}}),
    ("muons.pt", {"muons": {"pt": None}}),
    ("m*", {"muons": {"pt": None, "eta": None}}),
    (["jets.n", "run"], {"run": None, "jets": {"n": None}}),
    ("{run,jets.pt}", {"run": None, "jets": {"pt": None}}),
])
def test_columns(events, columns, spec):
    array, path = events
    out = ak.from_parquet(path, columns=columns)
    assert out.to_list() == _select(array.to_list(), spec)


def test_nested_selection_reads_only_its_leaves(events, monkeypatch):
    array, path = events
    asked = []
    original = pq.ParquetFile.read

    def read(self, columns=None, **kwargs):
        asked.append(columns)
        return original(self, columns=columns, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "read", read)
    out = ak.from_parquet(path, columns=["muons.pt", "jets.n"])
    assert asked == [["muons.list.item.pt", "jets.n"]]
    assert out.to_list() == _select(array.to_list(), {"muons": {"pt": None}, "jets": {"n": None}})
    assert ak.from_parquet(path, columns="muons.pt", row_groups=[]).to_list() == []
    assert ak.from_parquet(path, columns="muons.pt", row_groups=[]).fields == ["muons"]


def test_row_groups(events):
    array, path = events
    assert ak.metadata_from_parquet(path)["col_counts"] == [2, 1]
    assert ak.from_parquet(path, row_groups=[1]).to_list() == array.to_list()[2:]
    assert ak.from_parquet(path, row_groups=[0]).to_list() == array.to_list()[:2]
    assert ak.from_parquet(path, row_groups=[1], columns="run").to_list() == [{"run": 3}]


def test_many_files_directory_and_dataset(events, tmp_path):
    array, path = events
    other = tmp_path / "more.parquet"
    ak.to_parquet(array[:1], other)
    expected = array.to_list() + array.to_list()[:1]
    assert ak.from_parquet([path, other]).to_list() == expected
    # a directory or a glob: the files in sorted order (events.parquet, more.parquet)
    assert ak.from_parquet(tmp_path).to_list() == expected
    assert ak.from_parquet(str(tmp_path / "*.parquet")).to_list() == expected
    meta = ak.metadata_from_parquet([path, other])
    assert meta["num_rows"] == 4 and meta["col_counts"] == [2, 1, 1]
    assert meta["paths"] == [str(path), str(other)]
    # global row-group numbers run across the files
    assert ak.from_parquet([path, other], row_groups=[2]).to_list() == array.to_list()[:1]
    written = ak.to_parquet_dataset(tmp_path)
    assert os.path.exists(written) and os.path.exists(tmp_path / "_common_metadata")
    assert pq.read_metadata(written).num_rows == 4
    # the metadata files are not data files
    assert len(ak.from_parquet(tmp_path)) == 4


def test_to_parquet_row_groups(tmp_path):
    path = tmp_path / "groups.parquet"
    pieces = [ak.Array([[1, 2], []]), ak.Array([[3]]), ak.Array([[4, 5, 6]])]
    meta = ak.to_parquet_row_groups(iter(pieces), path)
    assert meta.num_row_groups == 3 and meta.num_rows == 4
    assert ak.from_parquet(path).to_list() == [[1, 2], [], [3], [4, 5, 6]]
    assert ak.from_parquet(path, row_groups=[1, 2]).to_list() == [[3], [4, 5, 6]]


def test_writer_options(tmp_path):
    array = ak.Array([{"x": i, "s": str(i % 3)} for i in range(100)])
    path = tmp_path / "opts.parquet"
    meta = ak.to_parquet(array, path, compression="snappy", row_group_size=30,
                         parquet_dictionary_encoding=True, parquet_metadata_statistics=False,
                         parquet_extra_options={"write_batch_size": 10})
    assert meta.num_row_groups == 4
    column = meta.row_group(0).column(0)
    assert column.compression == "SNAPPY" and not column.is_stats_set
    assert ak.from_parquet(path).to_list() == array.to_list()
    assert ak.metadata_from_parquet(path)["columns"] == ["x", "s"]
    assert pq.read_schema(path).field("x").type == pa.int64()
    plain = tmp_path / "plain.parquet"
    ak.to_parquet(array, plain, extensionarray=False)
    assert b"awkward_array_metadata" not in (pq.read_schema(plain).metadata or {})
    assert ak.from_parquet(plain).to_list() == array.to_list()


def test_string_widths_and_emptyarray_to(tmp_path):
    path = tmp_path / "w.parquet"
    ak.to_parquet(ak.Array([["a"], []]), path)  # string_to32=True by default
    assert pq.read_schema(path).field("").type.value_type == pa.string()
    ak.to_parquet(ak.Array([["a"], []]), path, string_to32=False, list_to32=True)
    assert pq.read_schema(path).field("").type == pa.list_(pa.field("item", pa.large_string(), False))
    ak.to_parquet(LAYOUTS["lists of EmptyArray"], path, emptyarray_to="int32")
    assert pq.read_schema(path).field("").type.value_type == pa.int32()
    assert ak.from_parquet(path).to_list() == [[], []]


def test_plain_pyarrow_file(tmp_path):
    path = tmp_path / "plain.parquet"
    table = pa.table({"a": [1, None], "b": [[1.5], []], "c": ["x", "y"]})
    pq.write_table(table, path)
    out = ak.from_parquet(path)
    assert out.to_list() == table.to_pylist()
    assert str(out.type) == "2 * {a: ?int64, b: option[var * ?float64], c: ?string}"
    assert ak.metadata_from_parquet(path)["form"] == \
        ak.from_parquet(path, generate_bitmasks=True).layout.form


def test_feather_options(tmp_path):
    path = tmp_path / "f.feather"
    array = ak.Array([{"x": 1, "y": [1]}, {"x": 2, "y": []}])
    ak.to_feather(array, path, compression="uncompressed")
    assert ak.from_feather(path, columns=["y"]).to_list() == [{"y": [1]}, {"y": []}]
    assert ak.from_feather(path, memory_map=True, use_threads=False).to_list() == array.to_list()
    ak.to_feather(array, path, extensionarray=False, compression="lz4")
    assert ak.from_feather(path).to_list() == array.to_list()


# ------------------------------------------------------------------ awkward 2.14 files
def _expected():
    with open(DATA / "expected.json") as file:
        return json.load(file)


@pytest.mark.parametrize("name", sorted(_expected()))
def test_committed_files_written_by_2_14(name):
    expected = _expected()[name]
    read = ak.from_parquet if name.endswith(".parquet") else ak.from_feather
    out = read(DATA / name)
    assert str(out.type) == expected["type"]
    assert repr(out.to_list()) == expected["values"]


needs_ref = pytest.mark.skipif(not REF_PYTHON.exists(), reason="awkward 2.14 environment absent")


@needs_ref
def test_files_written_by_2_14_now(tmp_path):
    subprocess.run([str(REF_PYTHON), str(DATA / "make_files.py"), str(tmp_path)], check=True,
                   cwd="/tmp", env=_REF_ENV, capture_output=True, timeout=300)
    with open(tmp_path / "expected.json") as file:
        expected = json.load(file)
    for name, want in expected.items():
        read = ak.from_parquet if name.endswith(".parquet") else ak.from_feather
        out = read(tmp_path / name)
        assert (str(out.type), repr(out.to_list())) == (want["type"], want["values"]), name


_READER = """
import json, sys
import awkward as ak
out = {}
for path in sys.argv[1:]:
    read = ak.from_parquet if path.endswith(".parquet") else ak.from_feather
    array = read(path)
    out[path] = [str(array.type), repr(array.to_list())]
print(json.dumps(out))
"""


@needs_ref
def test_files_written_here_read_by_2_14(tmp_path):
    paths, expected = [], {}
    for name in sorted(LAYOUTS):
        # awkward 2.14 cannot read these back (not even its own files): skip them
        if name in ("empty record", "EmptyArray", "RegularArray size 0"):
            continue
        layout = LAYOUTS[name]
        # awkward 2.14 cannot read a categorical of numbers or an optional categorical back
        # from Parquet (not even from files it wrote itself)
        parquet_ok = name not in NOT_PARQUET and name not in ("categorical numbers",
                                                              "optional categorical")
        kinds = ["parquet", "feather"] if parquet_ok else ["feather"]
        for kind in kinds:
            path = str(tmp_path / f"{abs(hash(name))}.{kind}")
            write = ak.to_parquet if kind == "parquet" else ak.to_feather
            write(layout, path, categorical_as_dictionary=True)
            paths.append(path)
            want = _type(layout)
            if kind == "parquet":
                want = want.replace("datetime64[s]", "datetime64[ms]")
            expected[path] = [want, repr(expected_values(layout)), name]
    result = subprocess.run([str(REF_PYTHON), "-c", _READER, *paths], cwd="/tmp", env=_REF_ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    got = json.loads(result.stdout)
    for path in paths:
        assert got[path] == expected[path][:2], expected[path][2]


def test_from_parquet_arguments_are_accepted(events):
    array, path = events
    out = ak.from_parquet(path, max_gap=10, max_block=10, footer_sample_size=10,
                          highlevel=False)
    assert isinstance(out, ak.contents.RecordArray)
    assert ak.from_parquet(path, attrs={"@x": 1}).attrs == {"@x": 1}
    assert np.array_equal(ak.to_numpy(ak.from_parquet(path, columns="run")["run"]), [1, 2, 3])
