"""A generator's exception keeps its type (issue 10, item 5): when a virtual buffer's generator
(or shape_generator) raises, the caller gets the same exception, catchable by its own type
(``except OSError``), with the buffer_key named in a note (or, before Python 3.11, in the
message). Nothing is cached: the next touch runs the generator again. dtype/shape mismatches
are still ValueError."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray, _name_the_buffer

nplike = Numpy.instance()


class UserError(Exception):
    pass


def _text(err) -> str:
    """What a user sees: the message and its notes."""
    return str(err) + "\n" + "\n".join(getattr(err, "__notes__", ()))


class Flaky:
    """A generator raising ``error`` until ``fixed`` is set; counts calls."""

    def __init__(self, error, data):
        self.error = error
        self.data = data
        self.calls = 0
        self.fixed = False

    def __call__(self):
        self.calls += 1
        if not self.fixed:
            raise self.error
        return self.data


FORM = ak.forms.from_dict(
    {
        "class": "RecordArray",
        "fields": ["x", "y"],
        "contents": [
            {
                "class": "ListOffsetArray",
                "offsets": "i64",
                "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "node2"},
                "form_key": "node1",
            },
            {"class": "NumpyArray", "primitive": "int64", "form_key": "node3"},
        ],
        "form_key": "node0",
    }
)


def _events(error, broken="node2-data"):
    buffers = {
        "node1-offsets": np.array([0, 1, 3], np.int64),
        "node2-data": np.array([1.1, 2.2, 3.3]),
        "node3-data": np.array([7, 8], np.int64),
    }
    flaky = Flaky(error, buffers[broken])
    container = {k: (flaky if k == broken else (lambda v=v: v)) for k, v in buffers.items()}
    return ak.from_buffers(FORM, 2, container), flaky


@pytest.mark.parametrize(
    "error",
    [OSError("disk on fire"), FileNotFoundError(2, "no such file", "f.root"), KeyError("branch"), UserError("mine")],
    ids=["OSError", "FileNotFoundError", "KeyError", "user-defined"],
)
def test_through_from_buffers_and_to_list(error):
    events, flaky = _events(error)
    assert flaky.calls == 0
    with pytest.raises(type(error)) as info:
        ak.to_list(events)
    assert info.value is error
    assert "node2-data" in _text(info.value)
    # not cached: the next touch runs the generator again, and succeeds once it can
    flaky.fixed = True
    assert ak.to_list(events) == [{"x": [1.1], "y": 7}, {"x": [2.2, 3.3], "y": 8}]
    assert flaky.calls == 2


def test_user_code_catching_oserror_keeps_working():
    skipped = []
    for name in ["good", "bad"]:
        error = OSError(f"cannot read {name}")
        events, flaky = _events(error)
        flaky.fixed = name == "good"
        try:
            total = sum(sum(row) for row in events.x.to_list())
        except OSError as err:  # coffea's skip-bad-files
            skipped.append((name, "node2-data" in _text(err)))
            continue
        assert total == pytest.approx(6.6)
    assert skipped == [("bad", True)]


def test_only_the_touched_field_fails():
    events, flaky = _events(OSError("gone"), broken="node3-data")
    assert events.x.to_list() == [[1.1], [2.2, 3.3]]
    assert flaky.calls == 0
    with pytest.raises(OSError, match="gone"):
        events.y.to_list()


def test_through_a_kernel_call():
    flaky = Flaky(OSError("bad offsets"), np.array([0, 1, 3], np.int64))
    offsets = ak.index.Index64(VirtualNDArray(nplike, (3,), np.int64, flaky, buffer_key="evt-offsets"))
    layout = ak.contents.ListOffsetArray(offsets, ak.contents.NumpyArray(np.arange(3.0)))
    starts = ak.index.Index64(VirtualNDArray(nplike, (2,), np.int64, flaky, buffer_key="evt-starts"))
    kernel = layout.backend["awkward_ListArray_num", np.int64, np.int64, np.int64]
    with pytest.raises(OSError, match="bad offsets") as info:
        kernel(np.zeros(2, np.int64), starts, np.array([1, 3], np.int64), 2)
    assert "evt-starts" in _text(info.value)
    assert flaky.calls == 1  # the kernel's argument preparation runs the generator once
    with pytest.raises(OSError) as info:
        layout.validity_error()  # a kernel reading the offsets
    assert "evt-offsets" in _text(info.value)
    assert flaky.calls == 2


def test_through_materialize():
    events, flaky = _events(KeyError("branch"))
    with pytest.raises(KeyError) as info:
        ak.materialize(events)
    assert "node2-data" in _text(info.value)
    with pytest.raises(KeyError):
        events.layout.materialize()
    virtual = VirtualNDArray(nplike, (3,), np.float64, flaky, buffer_key="direct")
    with pytest.raises(KeyError) as info:
        virtual.materialize()
    assert "direct" in _text(info.value)
    assert not virtual.is_materialized
    calls = flaky.calls
    flaky.fixed = True
    assert virtual.materialize().tolist() == [1.1, 2.2, 3.3]
    assert flaky.calls == calls + 1


def test_through_a_derived_array_and_with_caching_off():
    flaky = Flaky(UserError("nope"), np.arange(4, dtype=np.int64))
    virtual = VirtualNDArray(nplike, (4,), np.int64, flaky, buffer_key="k", __enable_caching__=False)
    derived = virtual[1:]
    for _ in range(2):
        with pytest.raises(UserError) as info:
            derived.materialize()
    # the same exception object raised twice carries its note once
    assert _text(info.value).count("'k'") == 1
    assert flaky.calls == 2


def test_shape_generator_error_keeps_its_type():
    def shape_generator():
        raise OSError("no shape")

    virtual = VirtualNDArray(
        nplike, (unknown_length,), np.int64, lambda: np.arange(3), shape_generator, buffer_key="sized"
    )
    with pytest.raises(OSError, match="no shape") as info:
        virtual.shape  # noqa: B018
    assert "sized" in _text(info.value)


def test_note_names_declared_dtype_and_shape():
    virtual = VirtualNDArray(nplike, (3, 2), np.float32, Flaky(OSError("x"), None), buffer_key="k2")
    with pytest.raises(OSError) as info:
        virtual.materialize()
    text = _text(info.value)
    assert "'k2'" in text and "float32" in text and "(3, 2)" in text


def test_without_add_note_the_message_names_the_buffer():
    # Python < 3.11 has no add_note: a one-string message gets the buffer appended
    class OldStyle(Exception):
        add_note = None

    err = OldStyle("broken")
    _name_the_buffer(err, "while generating virtual buffer 'k'")
    assert str(err) == "broken (while generating virtual buffer 'k')"
    # an OSError with errno keeps its arguments
    err = FileNotFoundError(2, "missing")
    err.add_note = None
    _name_the_buffer(err, "note")
    assert err.errno == 2 and err.strerror == "missing"


@pytest.mark.parametrize(
    "declared,returned,match",
    [
        (((3,), np.int64), np.arange(3, dtype=np.int32), "dtype int64.*returned dtype int32"),
        (((3,), np.int64), np.arange(4, dtype=np.int64), r"shape \(3,\).*returned dtype int64 and shape \(4,\)"),
    ],
)
def test_mismatch_is_still_a_value_error(declared, returned, match):
    shape, dtype = declared
    virtual = VirtualNDArray(nplike, shape, dtype, lambda: returned, buffer_key="checked")
    with pytest.raises(ValueError, match=match) as info:
        virtual.materialize()
    assert "checked" in str(info.value)
