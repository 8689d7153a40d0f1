"""Arrays pickled by awkward 1: ``ak.Array``/``ak.Record`` unpickle through ``__setstate__``
with awkward 1's state ``(form, length, container, behavior[, at])``.

``form`` is an awkward 1 form object (unpickled as ``awkward._ext.<Class>``), a JSON string
or a dict; buffers are named ``part<i>-<form_key>-<attribute>``; ``length`` is a list of
partition lengths for a partitioned array, which becomes the concatenation of its partitions.
"""

from __future__ import annotations

from awkward.operations.ak_from_buffers import from_buffers
from awkward.record import Record

__all__ = ["layout_from_awkward1_state"]


def layout_from_awkward1_state(state, want_record: bool):
    """(layout, or layout Record when ``want_record``; behavior) from awkward 1's state."""
    from awkward._ext import to_form

    if not isinstance(state, tuple) or len(state) not in (4, 5) or isinstance(state[1], dict):
        raise TypeError(
            "cannot unpickle this array: its state is not awkward 1's (form, length, container, "
            "behavior[, at]) (awkward 1.0's earliest pickle format is not supported: re-save "
            "it with awkward >= 1.1 or load its buffers with ak.from_buffers)"
        )
    form, length, container, behavior = state[:4]
    # a list of lengths (a partitioned array) reads part<i>-... keys and concatenates
    layout = from_buffers(
        to_form(form), length, container, "part{partition}-{form_key}-{attribute}", highlevel=False
    )
    if want_record:
        if len(state) != 5:
            raise TypeError("cannot unpickle an ak.Record from an array's state (no 'at')")
        layout = Record(layout, state[4])
    return layout, behavior
