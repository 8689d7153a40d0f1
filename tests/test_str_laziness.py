"""ak.str reads only the string column it works on: its offsets and characters (generator
counting). Options above the strings keep their masks unread (is_in/index_in/to_categorical
read them: missing values matter to them)."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import IndexedOptionArray, ListOffsetArray, RecordArray
from tests.counting_buffers import Lazy

pytest.importorskip("pyarrow")


def _events(lazy):
    words = ["mu", "", "électron", "jet", "tau"]
    raw = [w.encode() for w in words]
    offsets = np.cumsum([0] + [len(r) for r in raw]).astype(np.int64)
    chars = np.frombuffer(b"".join(raw), np.uint8)
    name = ListOffsetArray(
        lazy.index(offsets, "name.offsets"),
        lazy.numpy(chars, "name.chars", parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    tag = IndexedOptionArray(lazy.index(np.array([0, -1, 2, 3, 4]), "tag.index"), name)
    pt = lazy.numpy(np.arange(5.0), "pt")
    return ak.Array(RecordArray([name, tag, pt], ["name", "tag", "pt"])), words


def test_upper_reads_only_the_column():
    lazy = Lazy()
    events, words = _events(lazy)
    assert lazy.total == 0
    out = ak.str.upper(events.name)
    assert lazy.calls["name.offsets"] == 1
    assert lazy.calls["name.chars"] == 1
    assert lazy.calls["pt"] == 0 and lazy.calls["tag.index"] == 0
    assert out.to_list() == [w.upper() for w in words]


def test_whole_record_leaves_other_fields_unread():
    lazy = Lazy()
    events, words = _events(lazy)
    out = ak.str.length(events[["name", "pt"]])
    assert lazy.calls["pt"] == 0
    assert out.name.to_list() == [len(w) for w in words]


def test_option_mask_unread_unless_needed():
    lazy = Lazy()
    events, words = _events(lazy)
    out = ak.str.upper(events.tag)
    assert lazy.calls["tag.index"] == 0
    assert lazy.calls["name.chars"] == 1
    expected = [None if i == 1 else w.upper() for i, w in enumerate(words)]
    assert out.to_list() == expected
    assert lazy.calls["tag.index"] == 1  # to_list reads it, once
    lazy2 = Lazy()
    events2, _ = _events(lazy2)
    assert ak.str.is_in(events2.tag, ["mu", None]).to_list() == [True, True, False, False, False]
    assert lazy2.calls["tag.index"] == 1


def test_no_strings_nothing_read():
    lazy = Lazy()
    events, _ = _events(lazy)
    out = ak.str.upper(events.pt)
    assert lazy.total == 0
    assert out.layout is events.pt.layout or out.to_list() == list(np.arange(5.0))
