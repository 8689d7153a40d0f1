"""ak.materialization_report: a context manager that lists the virtual buffers read inside it."""

from __future__ import annotations

from awkward._nplikes.materialization_report import MaterializationReport

__all__ = ["materialization_report"]


def materialization_report():
    """A context manager recording every virtual buffer whose generator runs inside it, in
    this thread (or asyncio task) only::

        with ak.materialization_report() as report:
            ak.sum(events.muons.pt, axis=1)
        report.buffer_keys  # set of buffer keys, e.g. {"node3-offsets", "node5-data"}
        report.columns      # set of file columns read (lazy ak.from_parquet), e.g. {"muons.list.element.pt"}
        report.nbytes       # bytes of the buffers materialized
        report.file_bytes   # bytes read from files (compressed column chunks)
        report.entries      # one MaterializedBuffer(buffer_key, nbytes, columns, file_bytes) per run

    Buffers already materialized (cached) before the block are not listed: only generator
    runs are, each one an entry (a buffer derived from other virtual buffers, such as a lazy
    concatenation of files, is listed beside the pieces it read: both hold memory). Only file
    readers label entries with columns and file bytes. With no report open, materializing
    costs one extra check.
    """
    return MaterializationReport()
