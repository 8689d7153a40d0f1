"""safetensors files <-> arrays: the buffers of ak.to_buffers as tensors, the form and the
length in the file's metadata ({"form": <form JSON>, "length": "<int>"}), as awkward 2.14
writes them, so files go both ways between the two.

safetensors stores little-endian numbers; with ``byteorder=">"`` the big-endian bytes are
stored under little-endian labels (2.14's convention) and reinterpreted on reading.
"""

from __future__ import annotations

import numpy

from awkward._nplikes.array_like import maybe_materialize

__all__ = ["import_safetensors", "write_buffers", "open_buffers"]


def import_safetensors(function: str):
    try:
        import safetensors.numpy
    except ImportError as err:
        raise ImportError(
            f"ak.{function} requires the 'safetensors' package; install it with:\n\n"
            "    pip install safetensors\n"
        ) from err
    return safetensors


def _is_local(path) -> bool:
    return "://" not in str(path) or str(path).startswith("file://")


def _local_path(path) -> str:
    path = str(path)
    return path[len("file://"):] if path.startswith("file://") else path


def write_buffers(form, length, container, destination, storage_options, function="to_safetensors"):
    """Write the buffers (virtual ones are materialized here: this is the conversion)."""
    safetensors = import_safetensors(function)
    tensors = {}
    for key, buffer in container.items():
        (buffer,) = maybe_materialize(buffer)
        array = numpy.ascontiguousarray(numpy.asarray(buffer)).reshape(-1)
        if array.dtype.byteorder == ">":
            # same bytes, little-endian label: what 2.14 stores for byteorder=">"
            array = array.view(array.dtype.newbyteorder("<"))
        tensors[key] = array
    metadata = {"form": form.to_json(), "length": str(int(length))}
    if _is_local(destination) and not storage_options:
        safetensors.numpy.save_file(tensors, _local_path(destination), metadata=metadata)
        return
    fsspec = _import_fsspec(function)
    data = safetensors.numpy.save(tensors, metadata=metadata)
    with fsspec.open(str(destination), "wb", **(storage_options or {})) as file:
        file.write(data)


def open_buffers(source, storage_options, virtual, byteorder="<", function="from_safetensors"):
    """(form JSON, length, container): the container maps each key to its tensor, or to a
    generator reading that one tensor (``virtual=True``, local files: nothing read until
    touched)."""
    safetensors = import_safetensors(function)
    if _is_local(source) and not storage_options:
        path = _local_path(source)
        with safetensors.safe_open(path, framework="np") as file:
            metadata = file.metadata() or {}
            keys = list(file.keys())
            if not virtual:
                container = {key: file.get_tensor(key) for key in keys}
        if virtual:
            container = {key: _tensor_reader(path, key, safetensors) for key in keys}
    else:
        fsspec = _import_fsspec(function)
        with fsspec.open(str(source), "rb", **(storage_options or {})) as file:
            data = file.read()
        tensors = safetensors.numpy.load(data)
        metadata = _metadata_of_bytes(data)
        container = {key: (lambda t=t: t) for key, t in tensors.items()} if virtual else tensors
    if "form" not in metadata or "length" not in metadata:
        raise ValueError(
            f"ak.{function}: {source!r} has no Awkward Array form/length in its metadata "
            "(it was not written by ak.to_safetensors)"
        )
    if byteorder == ">":
        container = {key: _from_big_endian(value) for key, value in container.items()}
    return metadata["form"], int(metadata["length"]), container


def _swap(array):
    # big-endian bytes under a little-endian label -> native numbers
    if array.dtype.itemsize == 1:
        return array
    return array.view(array.dtype.newbyteorder(">")).astype(array.dtype.newbyteorder("="))


def _from_big_endian(value):
    if callable(value):
        return lambda: _swap(value())
    return _swap(value)


def _tensor_reader(path, key, safetensors):
    def read():
        with safetensors.safe_open(path, framework="np") as file:
            return file.get_tensor(key)

    return read


def _metadata_of_bytes(data: bytes) -> dict:
    import json

    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + size])
    return header.get("__metadata__", {}) or {}


def _import_fsspec(function):
    try:
        import fsspec
    except ImportError as err:
        raise ImportError(
            f"ak.{function}: reading or writing remote paths (or storage_options) requires "
            "fsspec; install it with:\n\n    pip install fsspec\n"
        ) from err
    return fsspec
