"""ak.* functions with named axes get ONE wrapper doing both jobs (issue 20): named axes, and
handing calls to an argument defining ``__awkward_function__``; the function handed over
resolves names but does not dispatch again."""

from __future__ import annotations

import awkward as ak


class Custom:
    """A stand-in for a dask-awkward array: answers every ak.* call it takes part in."""

    calls = []

    def __init__(self, array):
        self.array = array

    def __awkward_function__(self, func, array_likes, args, kwargs):
        Custom.calls.append(func)
        return func(*[_unwrap(a) for a in args], **kwargs)


def _unwrap(value):
    if isinstance(value, list):
        return [_unwrap(x) for x in value]
    return value.array if isinstance(value, Custom) else value


def test_one_wrapper_layer():
    for func in (ak.sum, ak.num, ak.flatten, ak.argmax):
        raw = func.__wrapped__
        assert not hasattr(raw, "__wrapped__"), func  # the module's own function below
        assert func._awkward_function.__wrapped__ is raw


def test_dispatch_through_a_named_axis_function():
    array = ak.Array([[1, 2, 3], [], [4]], named_axis=("events", "jets"))
    Custom.calls.clear()
    out = ak.sum(Custom(array), axis="jets")
    assert out.to_list() == [6, 0, 4]
    assert out.named_axis == {"events": 0}
    assert Custom.calls == [ak.sum._awkward_function]
    assert ak.num(Custom(array), axis=1).to_list() == [3, 0, 1]


def test_dispatch_inside_lists_and_plain_calls():
    a = ak.Array([[1], [2, 3]])
    Custom.calls.clear()
    assert ak.concatenate([a, Custom(a)]).to_list() == [[1], [2, 3], [1], [2, 3]]
    assert len(Custom.calls) == 1
    assert ak.sum(a, axis=1).to_list() == [1, 5]  # no custom argument: no hand-over
    assert len(Custom.calls) == 1
