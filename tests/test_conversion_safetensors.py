"""ak.to_safetensors / ak.from_safetensors: buffers as tensors, form and length in the
metadata (awkward 2.14's layout of the file, checked on files 2.14 wrote)."""

import pathlib

import numpy as np
import pytest

import awkward as ak
from tests._conversion_models import LAYOUTS
from tests.counting_buffers import Lazy

safetensors = pytest.importorskip("safetensors", reason="safetensors is not installed (pip install safetensors)")
from safetensors import safe_open  # noqa: E402

DATA = pathlib.Path(__file__).parent / "data" / "safetensors"


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("virtual", [False, True])
def test_round_trip_every_layout_kind(tmp_path, name, virtual):
    layout = LAYOUTS[name]
    path = tmp_path / "a.safetensors"
    ak.to_safetensors(layout, path)
    back = ak.from_safetensors(path, virtual=virtual, highlevel=False)
    assert back.to_list() == layout.to_list()
    assert back.form.type == layout.form.type


def test_file_layout_is_buffers_plus_form(tmp_path):
    array = ak.Array([[1.5, None], [], [3.5]])
    path = tmp_path / "a.safetensors"
    ak.to_safetensors(array, path, form_key="n{id}", buffer_key="{form_key}/{attribute}", id_start=3)
    with safe_open(str(path), framework="np") as file:
        meta = file.metadata()
        keys = set(file.keys())
    form, length, container = ak.to_buffers(array, form_key="n{id}", buffer_key="{form_key}/{attribute}", id_start=3)
    assert keys == set(container)
    assert meta["length"] == str(length) == "3"
    assert ak.forms.from_json(meta["form"]) == form
    back = ak.from_safetensors(path, buffer_key="{form_key}/{attribute}")
    assert back.to_list() == array.to_list()


@pytest.mark.parametrize(
    ("filename", "kwargs", "expected"),
    [
        ("ak214_option_floats", {}, [[1.5, 2.0, None], [], [4.0]]),
        ("ak214_records", {}, [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}]),
        ("ak214_strings", {}, ["ab", "c"]),
        ("ak214_big_endian", {"byteorder": ">"}, [[1, 2], [3]]),
    ],
)
@pytest.mark.parametrize("virtual", [False, True])
def test_reads_files_written_by_awkward_2_14(filename, kwargs, expected, virtual):
    array = ak.from_safetensors(DATA / f"{filename}.safetensors", virtual=virtual, **kwargs)
    assert array.to_list() == expected


def test_big_endian_round_trip(tmp_path):
    array = ak.Array([[1, 2], [3]])
    path = tmp_path / "be.safetensors"
    ak.to_safetensors(array, path, byteorder=">")
    with safe_open(str(path), framework="np") as file:
        stored = file.get_tensor("node1-data")
    assert stored.tolist() != [1, 2, 3]  # the bytes are big-endian, labelled little-endian
    assert ak.from_safetensors(path, byteorder=">").to_list() == [[1, 2], [3]]


def test_virtual_reading_reads_only_what_is_touched(tmp_path, monkeypatch):
    array = ak.Array([{"x": [1, 2], "y": 1.5}, {"x": [], "y": 2.5}])
    path = tmp_path / "r.safetensors"
    ak.to_safetensors(array, path)
    reads = []
    import awkward._connect.safetensors as st

    original = st._tensor_reader

    def counting(path_, key, module):
        read = original(path_, key, module)
        return lambda: (reads.append(key), read())[1]

    monkeypatch.setattr(st, "_tensor_reader", counting)
    lazy = ak.from_safetensors(path, virtual=True)
    assert len(lazy) == 2 and reads == []
    assert lazy.y.to_list() == [1.5, 2.5]
    assert reads == ["node3-data"]  # node0 record, node1 x offsets, node2 x data, node3 y


def test_writing_materializes_each_buffer_once(tmp_path):
    lazy = Lazy()
    layout = ak.contents.ListOffsetArray(lazy.index([0, 2, 3], "offsets"), lazy.numpy([1.5, 2.5, 3.5], "data"))
    ak.to_safetensors(layout, tmp_path / "v.safetensors")
    assert lazy.calls == {"offsets": 1, "data": 1}
    assert ak.from_safetensors(tmp_path / "v.safetensors").to_list() == [[1.5, 2.5], [3.5]]


def test_sliced_and_container(tmp_path):
    array = ak.Array([[1, 2], [3], [4, 5, 6]])[1:]
    container = {}
    ak.to_safetensors(array, tmp_path / "s.safetensors", container=container)
    assert set(container) == {"node0-offsets", "node1-data"}
    assert ak.from_safetensors(tmp_path / "s.safetensors").to_list() == [[3], [4, 5, 6]]


def test_errors(tmp_path):
    plain = tmp_path / "plain.safetensors"
    safetensors.numpy.save_file({"t": np.arange(3)}, str(plain))
    with pytest.raises(ValueError, match="ak.from_safetensors: .*form"):
        ak.from_safetensors(plain)
    with pytest.raises(ValueError, match="byteorder"):
        ak.from_safetensors(plain, byteorder="x")
    with pytest.raises(TypeError):
        ak.to_safetensors(ak.Array([{"x": 1}])[0], tmp_path / "r.safetensors")
