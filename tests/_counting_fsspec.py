"""An fsspec memory filesystem ("countmem://") that logs every read: (path, offset, nbytes).

Shared by the remote-file tests (test_parquet_remote.py, test_lazy_feather.py): the log shows
exactly which bytes of a file a reader asked for, so laziness is checked byte by byte."""

from __future__ import annotations

import io

import pytest

fsspec = pytest.importorskip("fsspec")
from fsspec.implementations.memory import MemoryFileSystem  # noqa: E402


class CountingFile(io.BytesIO):
    def __init__(self, data, path, log):
        super().__init__(data)
        self.path, self.log = path, log

    def read(self, size=-1):
        at = self.tell()
        out = super().read(size)
        self.log.append((self.path, at, len(out)))
        return out

    def readinto(self, buffer):
        at = self.tell()
        n = super().readinto(buffer)
        self.log.append((self.path, at, n))
        return n

    read1 = read


class CountingMemoryFileSystem(MemoryFileSystem):
    protocol = ("countmem",)
    log: list = []

    @classmethod
    def _strip_protocol(cls, path):
        if path.startswith("countmem://"):
            path = path[len("countmem://"):]
        return super()._strip_protocol(path)

    def _open(self, path, mode="rb", **kwargs):
        f = super()._open(path, mode, **kwargs)
        if "r" in mode:
            return CountingFile(f.getvalue(), self._strip_protocol(path), self.log)
        return f


fsspec.register_implementation("countmem", CountingMemoryFileSystem, clobber=True)


def counting_log():
    """For a fixture (``yield from counting_log()``): the read log (cleared), and the
    filesystem's store emptied afterwards."""
    CountingMemoryFileSystem.log.clear()
    yield CountingMemoryFileSystem.log
    CountingMemoryFileSystem.log.clear()
    fsspec.filesystem("countmem").store.clear()
    fsspec.filesystem("countmem").pseudo_dirs[:] = [""]


def bytes_read(log, path=None):
    return sum(n for p, _, n in log if path is None or p == path)
