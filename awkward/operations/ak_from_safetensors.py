"""ak.from_safetensors: a safetensors file written by ak.to_safetensors -> an array."""

from __future__ import annotations

from awkward.operations.ak_from_buffers import from_buffers

__all__ = ["from_safetensors"]


def from_safetensors(
    source,
    *,
    storage_options=None,
    virtual=False,
    buffer_key="{form_key}-{attribute}",
    backend="cpu",
    byteorder="<",
    allow_noncanonical_form=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Read an array from a safetensors file whose metadata holds its ``form`` and
    ``length`` (ak.to_safetensors, also awkward 2.14's). With ``virtual=True`` every buffer
    is a virtual buffer that reads its own tensor from the file when first touched."""
    from awkward._connect.safetensors import open_buffers
    from awkward.contents._buffer_coercion import check_byteorder

    check_byteorder(byteorder)
    form, length, container = open_buffers(source, storage_options, virtual, byteorder)
    return from_buffers(
        form, length, container, buffer_key, backend=backend,
        allow_noncanonical_form=allow_noncanonical_form, highlevel=highlevel,
        behavior=behavior, attrs=attrs,
    )
