"""ak.to_safetensors: an array -> a safetensors file (buffers + form in the metadata)."""

from __future__ import annotations

from awkward.operations.ak_to_buffers import to_buffers

__all__ = ["to_safetensors"]


def to_safetensors(
    array,
    destination,
    *,
    storage_options=None,
    container=None,
    buffer_key="{form_key}-{attribute}",
    form_key="node{id}",
    id_start=0,
    backend=None,
    byteorder="<",
):
    """Write ``array`` to ``destination`` (a local path, or any fsspec URL with
    ``storage_options``) in the safetensors format: each buffer of ``ak.to_buffers`` is a
    1-d tensor named by ``buffer_key``, and the metadata holds ``form`` (JSON) and
    ``length``, as awkward 2.14 writes them (files go both ways). Jagged and nested data
    of every kind is stored this way. Virtual buffers are read here (this is the
    conversion); ``container`` is filled with the buffers, as in ak.to_buffers."""
    from awkward._connect.safetensors import import_safetensors, write_buffers

    import_safetensors("to_safetensors")
    form, length, container = to_buffers(
        array, container, buffer_key, form_key, id_start=id_start, backend=backend,
        byteorder=byteorder,
    )
    write_buffers(form, length, container, destination, storage_options)
