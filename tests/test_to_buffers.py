"""ak.to_buffers: form keys, buffer keys, containers, byte order, and what it refuses."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index64

contents = ak.contents


def jagged():
    return contents.ListOffsetArray(
        Index64(np.array([0, 2, 2, 3])), contents.NumpyArray(np.array([1.0, 2.0, 3.0]))
    )


def records():
    return contents.RecordArray(
        [
            contents.NumpyArray(np.array([1, 2])),
            contents.ListOffsetArray(
                Index64(np.array([0, 1, 3])), contents.NumpyArray(np.array([4, 5, 6], np.int32))
            ),
        ],
        ["a", "b"],
    )


def test_default_keys_are_preorder_node_ids():
    form, length, container = ak.to_buffers(records())
    assert length == 2
    assert form.form_key == "node0"
    assert [c.form_key for c in form.contents] == ["node1", "node2"]
    assert form.contents[1].content.form_key == "node3"
    assert set(container) == {"node1-data", "node2-offsets", "node3-data"}
    assert container["node3-data"].tolist() == [4, 5, 6]
    assert container["node3-data"].dtype == np.int32


def test_custom_form_key_buffer_key_and_id_start():
    form, _, container = ak.to_buffers(
        jagged(), buffer_key="{form_key}/{attribute}", form_key="n{id}", id_start=5
    )
    assert form.form_key == "n5" and form.content.form_key == "n6"
    assert set(container) == {"n5/offsets", "n6/data"}


def test_callable_keys():
    seen = []

    def form_key(*, id, layout):
        return f"{type(layout).__name__}{id}"

    def buffer_key(*, form_key, attribute, form, layout):
        seen.append((form_key, attribute, type(form).__name__, type(layout).__name__))
        return f"{form_key}:{attribute}"

    form, _, container = ak.to_buffers(jagged(), buffer_key=buffer_key, form_key=form_key)
    assert form.form_key == "ListOffsetArray0"
    assert set(container) == {"ListOffsetArray0:offsets", "NumpyArray1:data"}
    assert ("NumpyArray1", "data", "NumpyForm", "NumpyArray") in seen


def test_given_container_is_filled_and_returned():
    mine = {"already": 1}
    _, _, container = ak.to_buffers(jagged(), container=mine)
    assert container is mine
    assert set(mine) == {"already", "node0-offsets", "node1-data"}


def test_form_key_none_and_bad_arguments():
    with pytest.raises(TypeError, match="form_key"):
        ak.to_buffers(jagged(), form_key=None)
    with pytest.raises(TypeError, match="buffer_key"):
        ak.to_buffers(jagged(), buffer_key=3)
    with pytest.raises(ValueError, match="byteorder"):
        ak.to_buffers(jagged(), byteorder="little")
    with pytest.raises(TypeError, match="container"):
        ak.to_buffers(jagged(), container=5)
    with pytest.raises(TypeError, match="to_buffers"):
        ak.to_buffers(3)


def test_python_lists_are_accepted_like_arrays():
    form, length, container = ak.to_buffers([[1, 2], [], [3]])
    assert length == 3
    assert ak.from_buffers(form, length, container, highlevel=False).to_list() == [[1, 2], [], [3]]


def test_records_are_refused():
    record = records()[0]
    with pytest.raises(TypeError, match="record"):
        ak.to_buffers(record)


def test_sliced_arrays_hand_over_their_buffers_unchanged():
    layout = jagged()[1:]
    form, length, container = ak.to_buffers(layout)
    assert length == 2
    assert container["node0-offsets"].tolist() == [2, 2, 3]
    assert ak.from_buffers(form, length, container, highlevel=False).to_list() == [[], [3.0]]


def test_inner_shape_buffers_are_flat():
    layout = contents.NumpyArray(np.arange(6).reshape(3, 2))
    form, length, container = ak.to_buffers(layout)
    assert container["node0-data"].shape == (6,)
    assert ak.from_buffers(form, length, container, highlevel=False).to_list() == layout.to_list()


def test_big_endian_buffers():
    form, length, container = ak.to_buffers(jagged(), byteorder=">")
    offsets = container["node0-offsets"]
    assert offsets.dtype == np.dtype(">i8")
    assert offsets.tobytes() == np.array([0, 2, 2, 3], ">i8").tobytes()
    raw = {key: value.tobytes() for key, value in container.items()}
    out = ak.from_buffers(form, length, raw, byteorder=">", highlevel=False)
    assert out.to_list() == [[1.0, 2.0], [], [3.0]]


def lazy_jagged(calls, caching=True):
    form, length, container = ak.to_buffers(jagged())

    def make(key, value):
        def generate():
            calls.append(key)
            return value

        return generate

    return ak.from_buffers(
        form,
        length,
        {key: make(key, value) for key, value in container.items()},
        enable_virtualarray_caching=caching,
        highlevel=False,
    )


def test_virtual_buffers_are_handed_over_unread():
    calls = []
    lazy = lazy_jagged(calls)
    form, length, container = ak.to_buffers(lazy)
    assert calls == []
    assert length == 3
    assert all(isinstance(v, VirtualNDArray) for v in container.values())
    # the very buffers of the layout
    assert container["node0-offsets"] is lazy.offsets.data
    assert container["node1-data"] is lazy.content.data
    assert {v.buffer_key for v in container.values()} == {"node0-offsets", "node1-data"}


def test_virtual_buffers_are_swapped_lazily():
    calls = []
    lazy = lazy_jagged(calls)
    _, _, container = ak.to_buffers(lazy, byteorder=">")
    assert calls == []
    offsets = container["node0-offsets"]
    assert isinstance(offsets, VirtualNDArray)
    assert offsets.dtype == np.dtype(">i8")
    assert offsets.tobytes() == np.array([0, 2, 2, 3], ">i8").tobytes()
    assert calls == ["node0-offsets"]
