"""Where files are: local paths (pyarrow reads them natively) or fsspec URLs.

A path with a protocol (``memory://``, ``s3://``, ``file://`` ...) or any path given with
``storage_options`` goes through fsspec (``fsspec.core.url_to_fs(path, **storage_options)``,
as awkward 2.14 does); the files are then opened with the fsspec filesystem and handed to
pyarrow as file objects, so every byte read goes through fsspec. A plain local path (and a
``file://`` URL without storage_options) skips fsspec. fsspec is imported only here, with an
ImportError saying what to install when it is missing.
"""

from __future__ import annotations

import glob
import os

__all__ = ["Files", "open_output", "resolve_files"]

_SUFFIXES = (".parquet", ".parq")
_GLOB_CHARS = "*?["


class Files:
    """Resolved input files: ``paths`` and ``fs`` (an fsspec filesystem, or None: local)."""

    __slots__ = ("fs", "paths")

    def __init__(self, fs, paths):
        self.fs, self.paths = fs, paths

    def open(self, path):
        """What pyarrow reads from: the path itself when local, else an fsspec file object."""
        return path if self.fs is None else self.fs.open(path, "rb")


def _fsspec(function):
    try:
        import fsspec
    except ImportError as err:
        raise ImportError(
            f"{function}: paths with a protocol (such as s3:// or memory://) and "
            "storage_options need fsspec, which is not installed; install it: pip install fsspec"
        ) from err
    return fsspec


def url_to_fs(text, storage_options, function):
    """(fsspec filesystem, path within it) for a URL, or (None, local path)."""
    if "://" not in text and not storage_options:
        return None, text
    if text.startswith("file://") and not storage_options:
        return None, text[len("file://"):]
    fsspec = _fsspec(function)
    try:
        return fsspec.core.url_to_fs(text, **(storage_options or {}))
    except ValueError as err:  # fsspec: "Protocol not known: foo"
        raise ValueError(f"{function}: cannot open {text!r}: {err}") from err
    except ImportError as err:  # a known protocol whose package is missing (s3fs, gcsfs ...)
        raise ImportError(f"{function}: cannot open {text!r}: {err}") from err


def _expand(fs, text, suffixes, function):
    """The files one path names: a file, a directory's files with ``suffixes`` (sorted,
    recursively) or a glob's matches."""
    isdir = os.path.isdir if fs is None else fs.isdir
    isfile = os.path.isfile if fs is None else fs.isfile
    if isdir(text):
        if fs is None:
            found = [p for p in glob.glob(os.path.join(text, "**", "*"), recursive=True)
                     if p.endswith(suffixes) and os.path.isfile(p)]
        else:
            found = [p for p in fs.find(text) if p.endswith(suffixes)]
        if not found:
            kinds = " or ".join(f"*{s}" for s in suffixes)
            raise FileNotFoundError(f"{function}: no {kinds} files in directory {text!r}")
        return sorted(found)
    if isfile(text):
        return [text]
    matches = []
    if any(c in text for c in _GLOB_CHARS):
        matches = sorted(glob.glob(text) if fs is None else fs.glob(text))
    if not matches:
        raise FileNotFoundError(f"{function}: no such file: {text!r}")
    return matches


def resolve_files(path, function, storage_options=None, suffixes=_SUFFIXES):
    """``Files`` for a path, a directory, a glob or a list of them (one filesystem for all).
    A path that matches nothing is FileNotFoundError."""
    items = list(path) if isinstance(path, (list, tuple)) else [path]
    fs, paths = None, []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"{function}: path must be a str, a pathlib.Path or a list of them, "
                            f"not {type(item).__name__}")
        item_fs, text = url_to_fs(os.fspath(item), storage_options, function)
        if item_fs is not None:
            if fs is not None and item_fs is not fs and item_fs.protocol != fs.protocol:
                raise ValueError(f"{function}: paths on different filesystems ({fs.protocol} "
                                 f"and {item_fs.protocol})")
            fs = item_fs
        elif fs is not None:
            raise ValueError(f"{function}: local and remote paths cannot be mixed")
        paths.extend(_expand(item_fs, text, suffixes, function))
    if not paths:
        raise FileNotFoundError(f"{function}: no files in {path!r}")
    return Files(fs, paths)


def open_output(destination, storage_options, function):
    """(what pyarrow writes to, a closer or None): a local path as it is, else an fsspec
    file object opened for writing (its parent directories made)."""
    text = os.fspath(destination) if isinstance(destination, os.PathLike) else destination
    if not isinstance(text, str):
        return destination, None  # a file object already
    fs, inner = url_to_fs(text, storage_options, function)
    if fs is None:
        return inner, None
    parent = inner.rsplit("/", 1)[0] if "/" in inner else ""
    if parent:
        fs.makedirs(parent, exist_ok=True)
    handle = fs.open(inner, "wb")
    return handle, handle.close
