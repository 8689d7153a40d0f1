"""Lazy concatenation (axis 0): the output's buffers are virtual buffers built from the pieces'
buffers on first touch. Generator calls are counted.

Statements checked (issue 10, "Lazy concatenation"):
  * ak.concatenate(axis=0) of virtual arrays reads nothing and its buffers are still virtual;
  * len, type and fields read nothing;
  * touching one field reads only that field's pieces;
  * each output buffer, when touched, is the concatenation of the pieces' buffers (offsets
    rebased, indexes shifted, masks/tags as they are), whatever the layout kind.
"""

import collections

import numpy as np
import pytest
from test_ops_concatenate import PAIRS, model

import awkward as ak
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.contents import ListOffsetArray, NumpyArray, RecordArray
from awkward.index import Index64


class Source:
    """Pieces whose buffers are callables given to ak.from_buffers: lazy, counted by key."""

    def __init__(self):
        self.calls = collections.Counter()

    def lazy(self, layout, name):
        form, length, container = ak.to_buffers(layout, form_key=name + "-{id}")
        lazy = {}
        for key, array in container.items():

            def generate(key=key, array=array):
                self.calls[key] += 1
                return array

            lazy[key] = generate
        return ak.from_buffers(form, length, lazy, highlevel=False)

    @property
    def total(self):
        return sum(self.calls.values())

    def keys_read(self):
        return {key for key, n in self.calls.items() if n}


def buffers_of(layout):
    out = []
    for buffer in layout._buffers_by_attribute().values():
        out.append(
            buffer.data
            if hasattr(buffer, "data") and not isinstance(buffer, VirtualNDArray)
            else buffer
        )
    for child in layout.contents:
        out.extend(buffers_of(child))
    return out


def key_of(node):
    """The buffer key of a node's offsets (lists) or data (numbers)."""
    buffer = node.offsets.data if node.is_list else node.data
    return buffer.buffer_key


SAME_FORM = [
    name for name, (a, b, _) in PAIRS.items() if a.form.is_equal_to(b.form, all_parameters=True)
]


@pytest.mark.parametrize("name", sorted(set(SAME_FORM) | set(PAIRS)))
def test_every_kind_is_lazy_and_right(name):
    a, b, _ = PAIRS[name]
    src = Source()
    pieces = [src.lazy(a, "a"), src.lazy(a, "a2")]
    if name in SAME_FORM:
        pieces.append(src.lazy(b, "b"))
    out = ak.concatenate(pieces, highlevel=False)
    assert src.total == 0
    for buffer in buffers_of(out):
        assert isinstance(buffer, VirtualNDArray)
        assert not buffer.is_materialized
    expected = model([a.to_list(), a.to_list()] + ([b.to_list()] if name in SAME_FORM else []), 0)
    assert out.to_list() == expected
    assert out.validity_error() == ""
    # every piece buffer was generated at most once
    assert all(n == 1 for n in src.calls.values())


def events(src, name, n):
    """A record of jets {pt: var * float64} and met: float64, n events."""
    counts = [(i * 7) % 4 for i in range(n)]
    offsets = np.cumsum([0] + counts)
    pt = NumpyArray(np.arange(offsets[-1], dtype=np.float64) + n)
    eta = NumpyArray(np.arange(offsets[-1], dtype=np.float64) * -1)
    jets = ListOffsetArray(Index64(offsets), RecordArray([pt, eta], ["pt", "eta"]))
    met = NumpyArray(np.arange(n, dtype=np.float64) * 0.5)
    return src.lazy(RecordArray([jets, met], ["jets", "met"]), name)


def test_len_type_fields_read_nothing():
    src = Source()
    pieces = [events(src, "f1", 5), events(src, "f2", 7), events(src, "f3", 3)]
    out = ak.concatenate([ak.Array(p) for p in pieces])
    assert len(out) == 15
    assert str(ak.type(out)) == "15 * {jets: var * {pt: float64, eta: float64}, met: float64}"
    assert ak.fields(out) == ["jets", "met"]
    assert ak.fields(out.jets) == ["pt", "eta"]
    _ = out.jets.pt  # field access builds no data
    assert src.total == 0
    assert isinstance(out.layout.content("jets").offsets.data, VirtualNDArray)


def test_touching_one_field_reads_only_its_pieces():
    src = Source()
    pieces = [events(src, "f1", 5), events(src, "f2", 7)]
    out = ak.concatenate([ak.Array(p) for p in pieces])
    met = out.met.to_list()
    assert met == [i * 0.5 for i in range(5)] + [i * 0.5 for i in range(7)]

    def key(piece, *path):
        node = piece
        for field in path:
            node = node.content(field) if field != "[]" else node.content
        return key_of(node)

    assert src.keys_read() == {key(p, "met") for p in pieces}  # the two met buffers, nothing else
    pt = out.jets.pt.to_list()
    expected = ak.Array(pieces[0]).jets.pt.to_list() + ak.Array(pieces[1]).jets.pt.to_list()
    assert pt == expected
    wanted = {key(p, f) for p in pieces for f in ("met",)}
    wanted |= {key(p, "jets") for p in pieces} | {key(p, "jets", "[]", "pt") for p in pieces}
    assert src.keys_read() == wanted  # eta untouched
    assert all(n == 1 for n in src.calls.values())


def test_offsets_are_rebased_and_read_only_when_touched():
    src = Source()
    pieces = [events(src, "f1", 4), events(src, "f2", 6)]
    out = ak.concatenate(pieces, highlevel=False)
    jets = out.content("jets")
    offsets = jets.offsets.data
    assert isinstance(offsets, VirtualNDArray)
    assert offsets.declared_shape == (11,)  # 4 + 6 lists, known without reading
    assert src.total == 0
    values = offsets.materialize().tolist()
    first = ak.to_list(ak.num(ak.Array(pieces[0]).jets, axis=1)) if hasattr(ak, "num") else None
    assert values[0] == 0 and values == sorted(values)
    assert src.keys_read() == {key_of(p.content("jets")) for p in pieces}
    if first is not None:
        assert [values[i + 1] - values[i] for i in range(4)] == first


def test_unknown_piece_lengths_give_unknown_shapes_with_shape_generators():
    src = Source()
    pieces = [events(src, "f1", 4), events(src, "f2", 6)]
    out = ak.concatenate(pieces, highlevel=False)
    pt = out.content("jets").content.content("pt").data
    assert pt.declared_shape[0] is unknown_length  # the content length depends on offsets
    assert src.total == 0
    total = pt.shape[0]  # the shape generator reads the offsets only
    assert src.keys_read() == {key_of(p.content("jets")) for p in pieces}
    assert total == len(pieces[0].content("jets").content) + len(pieces[1].content("jets").content)


def test_sliced_pieces_whose_offsets_do_not_start_at_zero():
    src = Source()
    a = src.lazy(ak.to_layout(ak.Array([[1, 2], [3], [4, 5, 6], []])), "a")
    b = src.lazy(ak.to_layout(ak.Array([[7], [8, 9]])), "b")
    out = ak.concatenate([a[1:3], b[1:]], highlevel=False)
    assert out.to_list() == [[3], [4, 5, 6], [8, 9]]
    assert out.validity_error() == ""


def test_pieces_of_different_forms_merge_eagerly():
    src = Source()
    a = src.lazy(ak.to_layout(ak.Array([[1, 2], []])), "a")
    b = src.lazy(ak.to_layout(ak.Array([[1.5]])), "b")
    c = src.lazy(ak.to_layout(ak.Array(["x"])), "c")
    out = ak.concatenate([a, b, c], highlevel=False)
    assert out.to_list() == [[1, 2], [], [1.5], "x"]
    assert str(ak.type(out)) == "4 * union[var * float64, string]"


def test_materialized_pieces_merge_eagerly():
    # nothing to defer: plain buffers are concatenated at once (same result)
    a = ak.Array([[1, 2], []])
    out = ak.concatenate([a, a])
    assert out.to_list() == [[1, 2], [], [1, 2], []]


def test_mergemany_is_lazy_too():
    from awkward._do import mergemany

    src = Source()
    pieces = [events(src, "f1", 3), events(src, "f2", 2)]
    out = mergemany(pieces)
    assert len(out) == 5
    assert src.total == 0
    assert out.to_list() == pieces[0].to_list() + pieces[1].to_list()
