"""Materialization reports: which virtual buffers a piece of code read.

``VirtualNDArray``'s one generation path (``_generate_checked``) calls ``begin()`` before and
``record()`` after running a root's generator, but only when ``OPEN`` (the number of reports
open in any thread) is non-zero: without a report the cost is one module-attribute check.

Reports are per context (``contextvars``): a report sees the generators run by the thread (or
asyncio task) that opened it, not those of other threads, even when they touch the same array.
Nested reports each see what ran inside them.

A generator labels what it reads for the reports by calling ``label(columns, file_bytes)``
while it runs (file readers do: the Parquet column paths and the compressed bytes of the
chunks); the label goes to the innermost generator running in this context, whatever wraps
it (ak.from_buffers wraps container callables). A generator may instead carry the attributes
``report_columns`` and ``report_file_bytes``.

Every generator run is one entry, including those of buffers derived from other virtual
buffers (a lazy cast, a lazy concatenation of pieces): both are materialized, and both hold
memory while cached. Only file readers label their entries, so ``file_bytes`` and ``columns``
count what was read from files.
"""

from __future__ import annotations

import contextvars
import threading
from typing import NamedTuple

__all__ = ["MaterializationReport", "MaterializedBuffer", "OPEN", "begin", "label", "record"]

# Number of reports open in any context: the one cheap check of the generation path.
OPEN = 0
_open_lock = threading.Lock()
_current: contextvars.ContextVar[tuple] = contextvars.ContextVar(
    "awkward_materialization_reports", default=()
)
# the label slot ([columns, file_bytes]) of the innermost generator running in this context
_current_label: contextvars.ContextVar = contextvars.ContextVar(
    "awkward_materialization_label", default=None
)


class MaterializedBuffer(NamedTuple):
    """One generator run: the buffer's key, the bytes it produced, the file columns it read
    (empty for plain generators) and the bytes it read from the file (0 when unknown)."""

    buffer_key: str | None
    nbytes: int
    columns: tuple
    file_bytes: int


class MaterializationReport:
    """Context manager listing the virtual buffers materialized inside it (in this context).

    ``with ak.materialization_report() as report:`` then, during or after the block:

    * ``report.entries``: list of ``MaterializedBuffer(buffer_key, nbytes, columns,
      file_bytes)``, one per generator run, in order (a buffer without caching that is touched
      twice appears twice);
    * ``report.buffer_keys``: set of the buffer keys materialized (None for unnamed buffers is
      left out);
    * ``report.columns``: set of the file columns read (lazy Parquet: column paths as in the
      file's schema, e.g. ``"muons.list.element.pt"``);
    * ``report.nbytes``: total bytes of the materialized buffers (in memory);
    * ``report.file_bytes``: total bytes read from files (compressed column chunks).

    A report may be reused for several blocks; it accumulates. Reports pickle (as their
    entries) and add up with ``+``/``+=``/``sum``: per-worker reports of a distributed run merge
    into one.
    """

    __slots__ = ("_entries", "_lock", "_tokens")

    def __init__(self):
        self._entries: list[MaterializedBuffer] = []
        self._lock = threading.Lock()
        self._tokens: list = []

    def __enter__(self):
        global OPEN
        self._tokens.append(_current.set((*_current.get(), self)))
        with _open_lock:
            OPEN += 1
        return self

    def __exit__(self, *exc_info):
        global OPEN
        _current.reset(self._tokens.pop())
        with _open_lock:
            OPEN -= 1
        return False

    def _append(self, entry):
        with self._lock:
            self._entries.append(entry)

    @property
    def entries(self) -> list[MaterializedBuffer]:
        with self._lock:
            return list(self._entries)

    @property
    def buffer_keys(self) -> set:
        return {e.buffer_key for e in self.entries if e.buffer_key is not None}

    @property
    def columns(self) -> set:
        return {column for e in self.entries for column in e.columns}

    @property
    def nbytes(self) -> int:
        return sum(e.nbytes for e in self.entries)

    @property
    def file_bytes(self) -> int:
        return sum(e.file_bytes for e in self.entries)

    # Aggregation across processes (dask workers, coffea executors): a report pickles as its
    # entries, and reports add up (``+``, ``+=``, ``sum(reports)``), so a run's per-task
    # reports merge into one that names everything the whole run read.
    def __reduce__(self):
        return (_from_entries, (self.entries,))

    def __add__(self, other):
        if not isinstance(other, MaterializationReport):
            return NotImplemented
        return _from_entries(self.entries + other.entries)

    def __radd__(self, other):
        if isinstance(other, int) and other == 0:  # sum(reports) starts from 0
            return _from_entries(self.entries)
        return NotImplemented

    def __iadd__(self, other):
        if not isinstance(other, MaterializationReport):
            return NotImplemented
        for entry in other.entries:
            self._append(entry)
        return self

    def __repr__(self) -> str:
        entries = self.entries
        return (
            f"<MaterializationReport: {len(entries)} buffers, {sum(e.nbytes for e in entries)} "
            f"bytes, {len({c for e in entries for c in e.columns})} file columns>"
        )


def _from_entries(entries):
    report = MaterializationReport()
    report._entries = [MaterializedBuffer(*entry) for entry in entries]
    return report


def begin():
    """Before a generator runs (only called while a report is open somewhere): the reports of
    this context with their entry counts and a fresh label slot, or None when this context
    has no report."""
    reports = _current.get()
    if not reports:
        return None
    slot = [None, 0]
    previous = _current_label.get()
    _current_label.set(slot)
    return reports, slot, previous


def label(columns, file_bytes=0):
    """Called by a generator while it runs: the file columns it reads and the bytes it reads
    from the file, for the open reports (nothing happens when no report is open)."""
    if not OPEN:
        return
    slot = _current_label.get()
    if slot is not None:
        slot[0] = tuple(columns)
        slot[1] = int(file_bytes)


def record(mark, buffer_key, nbytes, generator):
    """After a generator ran successfully: add it to the reports of ``mark`` (from ``begin``)."""
    reports, slot, previous = mark
    _current_label.set(previous)
    columns, file_bytes = slot
    if columns is None:
        columns = tuple(getattr(generator, "report_columns", ()))
        file_bytes = getattr(generator, "report_file_bytes", 0)
    entry = MaterializedBuffer(buffer_key, int(nbytes), columns, int(file_bytes))
    for report in reports:
        report._append(entry)
