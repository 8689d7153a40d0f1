"""ak.to_list: an array (or any nesting of arrays, lists and dicts) -> Python objects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from awkward.contents.content import Content
from awkward.operations._layout_args import highlevel_classes
from awkward.record import Record

__all__ = ["to_list"]


def to_list(array):
    """Python lists, dicts, tuples, numbers, str/bytes and None for every value.

    Reads only the buffers of the nodes it reaches: ``to_list`` of one projected field does
    not run the generators of the other fields."""
    if isinstance(array, (Content, Record)):
        return array.to_list()
    array_cls, record_cls = highlevel_classes()
    if (array_cls is not None and isinstance(array, array_cls)) or (
        record_cls is not None and isinstance(array, record_cls)
    ):
        return array.layout.to_list(getattr(array, "behavior", None))
    if array is None or isinstance(array, (str, bytes, bool, int, float, complex)):
        return array
    tolist = getattr(array, "tolist", None)
    if callable(tolist) and hasattr(array, "dtype"):
        # numpy/cupy arrays and scalars, virtual buffers (their tolist materializes)
        get = getattr(array, "get", None)
        if callable(get) and not hasattr(array, "materialize"):
            array = get()
        return array.tolist()
    snapshot = getattr(array, "snapshot", None)
    if callable(snapshot) and type(array).__name__ == "ArrayBuilder":
        return to_list(snapshot())
    if isinstance(array, Mapping):
        return {key: to_list(value) for key, value in array.items()}
    if isinstance(array, Iterable):
        return [to_list(item) for item in array]
    return array
