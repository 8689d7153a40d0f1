"""ak.materialization_report: which virtual buffers a block of code materialized.

Checked against a model: the set of buffers whose generators the block ran (counted with
tests/counting_buffers.py or with counting generators), and their bytes."""

from __future__ import annotations

import asyncio
import threading

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes import materialization_report as report_module
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.virtual import VirtualNDArray

FORM = ak.forms.from_dict(
    {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "form_key": "events",
        "content": {
            "class": "RecordArray",
            "fields": ["x", "y", "z"],
            "contents": [
                {"class": "NumpyArray", "primitive": "int64", "form_key": "x"},
                {"class": "NumpyArray", "primitive": "float64", "form_key": "y"},
                {"class": "NumpyArray", "primitive": "float32", "form_key": "z"},
            ],
        },
    }
)
DATA = {
    "events-offsets": np.array([0, 3, 3, 5], np.int64),
    "x-data": np.array([1, 2, 3, 4, 5], np.int64),
    "y-data": np.array([0.5, 1.5, 2.5, 3.5, 4.5]),
    "z-data": np.array([9, 8, 7, 6, 5], np.float32),
}


def lazy_array(calls, caching=True, labels=None):
    def generator(key):
        def generate():
            calls.append(key)
            if labels and key in labels:
                ak._nplikes.materialization_report.label(*labels[key])
            return DATA[key]

        return generate

    container = {key: generator(key) for key in DATA}
    return ak.from_buffers(FORM, 3, container, enable_virtualarray_caching=caching)


def keyed(report):
    """Entries of buffers with keys (the virtualized test mode adds unnamed wrappers)."""
    return [e for e in report.entries if e.buffer_key is not None]


# (what the block touches, the buffers a model says it materializes)
CASES = [
    ("nothing", lambda a: len(a), set()),
    ("type", lambda a: str(a.type), set()),
    ("fields", lambda a: ak.fields(a), set()),
    ("x", lambda a: ak.to_list(a.x), {"events-offsets", "x-data"}),
    ("y", lambda a: ak.to_list(a.y), {"events-offsets", "y-data"}),
    ("sum z", lambda a: ak.sum(a.z, axis=1).tolist(), {"events-offsets", "z-data"}),
    ("num", lambda a: ak.num(a).tolist(), {"events-offsets"}),
    ("all", lambda a: ak.to_list(a), set(DATA)),
]


@pytest.mark.parametrize("name,block,expected", CASES, ids=[c[0] for c in CASES])
def test_report_lists_exactly_the_generators_run(name, block, expected):
    calls = []
    array = lazy_array(calls)
    with ak.materialization_report() as report:
        block(array)
    assert set(calls) == expected  # the model: generators that ran
    assert report.buffer_keys == expected
    assert sorted(e.buffer_key for e in keyed(report)) == sorted(calls)
    assert sum(e.nbytes for e in keyed(report)) == sum(DATA[k].nbytes for k in calls)
    assert report.columns == set() and report.file_bytes == 0


def test_report_nbytes_without_virtualized_wrappers():
    calls = []
    array = lazy_array(calls)
    layout = array.layout
    with ak.materialization_report() as report:
        layout.content.content("y").data.materialize()
    # the content's length comes from the offsets (read by the data's generator)
    assert sorted(calls) == ["events-offsets", "y-data"]
    assert report.nbytes == DATA["y-data"].nbytes + DATA["events-offsets"].nbytes
    assert report.buffer_keys == {"events-offsets", "y-data"}


def test_cached_buffers_are_not_listed_again():
    calls = []
    array = lazy_array(calls)
    ak.to_list(array.x)
    with ak.materialization_report() as report:
        ak.to_list(array.x)
        ak.to_list(array.y)
    assert report.buffer_keys == {"y-data"}
    assert calls.count("x-data") == 1


def test_without_caching_every_run_is_an_entry():
    calls = []
    array = lazy_array(calls, caching=False)
    data = array.layout.content.content("x").data
    data.materialize()  # the first run also reads the offsets (for the length)
    with ak.materialization_report() as report:
        data.materialize()
        data.materialize()
    assert [e.buffer_key for e in keyed(report)] == ["x-data", "x-data"]
    assert report.nbytes == 2 * DATA["x-data"].nbytes


def test_entries_outside_the_block_are_not_counted_and_reports_accumulate():
    calls = []
    array = lazy_array(calls)
    report = ak.materialization_report()
    with report:
        ak.to_list(array.x)
    ak.to_list(array.y)  # outside: not counted
    assert report.buffer_keys == {"events-offsets", "x-data"}
    with report:
        ak.to_list(array.z)
    assert report.buffer_keys == {"events-offsets", "x-data", "z-data"}
    assert "MaterializationReport" in repr(report)


def test_nested_reports_each_see_their_block():
    calls = []
    array = lazy_array(calls)
    with ak.materialization_report() as outer:
        ak.to_list(array.x)
        with ak.materialization_report() as inner:
            ak.to_list(array.y)
    assert inner.buffer_keys == {"y-data"}
    assert outer.buffer_keys == {"events-offsets", "x-data", "y-data"}


def test_labels_give_columns_and_file_bytes():
    calls = []
    labels = {"x-data": (["file.x"], 100), "y-data": (["file.y", "file.y2"], 7)}
    array = lazy_array(calls, labels=labels)
    with ak.materialization_report() as report:
        ak.to_list(array[["x", "y"]])
    assert report.columns == {"file.x", "file.y", "file.y2"}
    assert report.file_bytes == 107
    by_key = {e.buffer_key: e for e in keyed(report)}
    assert by_key["x-data"].columns == ("file.x",)
    assert by_key["events-offsets"].columns == ()


def test_generator_attributes_label_a_buffer():
    class Reader:
        report_columns = ("a.b",)
        report_file_bytes = 12

        def __call__(self):
            return np.arange(3.0)

    buffer = VirtualNDArray(Numpy.instance(), (3,), np.float64, Reader(), buffer_key="k")
    with ak.materialization_report() as report:
        buffer.materialize()
    assert report.entries == [report_module.MaterializedBuffer("k", 24, ("a.b",), 12)]


def test_a_failing_generator_is_not_an_entry_and_the_retry_is():
    attempts = []

    def generate():
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("flaky disk")
        return np.arange(4)

    buffer = VirtualNDArray(Numpy.instance(), (4,), np.int64, generate, buffer_key="flaky")
    with ak.materialization_report() as report:
        with pytest.raises(OSError, match="flaky disk"):
            buffer.materialize()
        assert report.entries == []
        buffer.materialize()
    assert report.buffer_keys == {"flaky"} and len(report.entries) == 1


def test_no_report_open_costs_one_check(monkeypatch):
    assert report_module.OPEN == 0

    def fail(*args):
        raise AssertionError("begin() called with no report open")

    monkeypatch.setattr(report_module, "begin", fail)
    calls = []
    assert ak.to_list(lazy_array(calls).x) == [[1, 2, 3], [], [4, 5]]
    assert report_module.OPEN == 0


def test_open_count_goes_back_to_zero_after_an_exception():
    with pytest.raises(RuntimeError):
        with ak.materialization_report():
            assert report_module.OPEN == 1
            raise RuntimeError("in the block")
    assert report_module.OPEN == 0


def test_two_threads_each_count_their_own():
    calls = []
    array = lazy_array(calls)
    ak.num(array)  # the offsets, read once here
    layout = array.layout.content
    results = {}
    barrier = threading.Barrier(2)

    def work(field):
        with ak.materialization_report() as report:
            barrier.wait()  # both reports open at once
            layout.content(field).data.materialize()
            barrier.wait()
        results[field] = report.buffer_keys

    threads = [threading.Thread(target=work, args=(f,)) for f in ("x", "y")]
    with ak.materialization_report() as main_report:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == {"x": {"x-data"}, "y": {"y-data"}}
    assert main_report.buffer_keys == set()  # other threads' work is theirs
    assert report_module.OPEN == 0


def test_eight_threads_one_buffer_one_entry():
    calls = []
    array = lazy_array(calls)
    ak.num(array)
    data = array.layout.content.content("y").data
    barrier = threading.Barrier(8)
    reports = []

    def work():
        with ak.materialization_report() as report:
            barrier.wait()
            data.materialize()
        reports.append(report)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls.count("y-data") == 1
    assert sum(len(keyed(r)) for r in reports) == 1  # only the thread that generated it


def test_asyncio_tasks_have_their_own_reports():
    calls = []
    array = lazy_array(calls)
    ak.num(array)
    layout = array.layout.content

    async def task(field):
        with ak.materialization_report() as report:
            await asyncio.sleep(0)
            layout.content(field).data.materialize()
            await asyncio.sleep(0)
        return report.buffer_keys

    async def both():
        return await asyncio.gather(task("x"), task("z"))

    assert asyncio.run(both()) == [{"x-data"}, {"z-data"}]


def test_counting_buffers_layouts():
    from counting_buffers import Lazy

    lazy = Lazy()
    layout = ak.contents.ListOffsetArray(
        lazy.index([0, 2, 2, 3], "offsets"),
        ak.contents.RecordArray(
            [lazy.numpy([1.0, 2.0, 3.0], "a"), lazy.numpy([4, 5, 6], "b")], ["a", "b"]
        ),
    )
    array = ak.Array(layout)
    with ak.materialization_report() as report:
        total = ak.sum(array.b, axis=1)
    assert total.tolist() == [9, 0, 6]
    assert report.buffer_keys == {k for k, n in lazy.calls.items() if n} == {"offsets", "b"}


def test_exported_name_and_docstring():
    assert ak.materialization_report is ak.operations.materialization_report
    doc = ak.materialization_report.__doc__
    for name in ("buffer_keys", "columns", "nbytes", "file_bytes", "entries"):
        assert name in doc
