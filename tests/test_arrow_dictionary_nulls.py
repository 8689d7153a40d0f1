"""ak.from_arrow of chunked dictionary columns whose dictionaries hold nulls: a pyarrow dataset's
null partition value (``k=__HIVE_DEFAULT_PARTITION__`` with ``infer_dictionary=True``) is such
a column, and Arrow cannot unify those dictionaries (awkward 2.14 fails there). The nulls move
into the indices first: values are checked against ``to_pylist()`` (a pure-Python model of
what Arrow holds), eager and lazy reads of the dataset agree."""

from __future__ import annotations

import pytest

import awkward as ak

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ds = pytest.importorskip("pyarrow.dataset")


def dictionary_chunk(indices, values, index_type=None):
    index_type = pa.int32() if index_type is None else index_type
    return pa.DictionaryArray.from_arrays(pa.array(indices, index_type), pa.array(values, pa.string()))


CHUNKS = {
    "null value in one chunk": [
        dictionary_chunk([0, 0], [None]),
        dictionary_chunk([0, 1, 0], ["a", "b"]),
    ],
    "null value and null index": [
        dictionary_chunk([1, None, 0, 2], ["a", None, "c"]),
        dictionary_chunk([0, 1], ["c", "a"]),
    ],
    "unused null value": [
        dictionary_chunk([0, 2], ["a", None, "b"]),
        dictionary_chunk([0], ["b"]),
    ],
    "int8 indices": [
        dictionary_chunk([0, 1], [None, "x"], pa.int8()),
        dictionary_chunk([0], ["y"], pa.int8()),
    ],
    "empty chunk": [
        dictionary_chunk([], [None]),
        dictionary_chunk([0], ["a"]),
    ],
    "no nulls": [
        dictionary_chunk([0, 1], ["a", "b"]),
        dictionary_chunk([1, 0], ["c", "a"]),
    ],
}


@pytest.mark.parametrize("name", list(CHUNKS))
def test_chunked_dictionary_with_nulls(name):
    column = pa.chunked_array(CHUNKS[name])
    table = pa.table({"k": column, "x": pa.chunked_array([pa.array(range(len(c)), pa.int64()) for c in CHUNKS[name]])})
    expected = table.to_pylist()
    array = ak.from_arrow(table)
    assert array.to_list() == expected
    assert ak.from_arrow(column).to_list() == column.to_pylist()
    # still a categorical of strings (an option: the column holds nulls or is nullable)
    assert ak.parameters(array.k) == {"__array__": "categorical"}
    assert str(ak.type(array.k)).endswith(" * ?categorical[type=string]")


@pytest.fixture
def hive(tmp_path):
    table = pa.table({"x": [1, 2, 3, 4, 5], "k": ["a", "a", None, "b", None]})
    pq.write_to_dataset(table, tmp_path, partition_cols=["k"])
    return ds.dataset(tmp_path, partitioning=ds.HivePartitioning.discover(infer_dictionary=True))


def model_rows(dataset):
    """What the dataset holds, as Python objects (order as the dataset scans its files)."""
    return dataset.to_table().to_pylist()


def test_dataset_table_with_a_null_partition(hive):
    rows = model_rows(hive)
    assert {r["k"] for r in rows} == {"a", "b", None}
    eager = ak.from_arrow(hive.to_table())
    assert eager.to_list() == rows
    lazy = ak.from_arrow(hive)  # lazily: partition values are constants per file
    assert lazy.to_list() == rows
    assert str(eager.type) == str(lazy.type)


def test_one_array_with_a_null_dictionary_value():
    # as awkward 2.14: a null dictionary value reads as None (not as its storage's default)
    array = dictionary_chunk([0, 1, 0, None], [None, "x"])
    assert ak.from_arrow(array).to_list() == array.to_pylist() == [None, "x", None, None]
    assert str(ak.from_arrow(array).type) == "4 * ?categorical[type=string]"


def test_unjoinable_chunks_are_a_clear_error():
    from awkward._connect.pyarrow.tables import _concat_chunks

    class Mixed:  # chunks of two dictionary types (int32 and int8 indices): never joinable
        type = pa.dictionary(pa.int32(), pa.string())
        chunks = [dictionary_chunk([0], [None]), dictionary_chunk([0], ["a"], pa.int8())]

    with pytest.raises(ValueError, match="cannot join the chunks"):
        _concat_chunks(Mixed)
