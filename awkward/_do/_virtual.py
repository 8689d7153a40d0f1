"""ak.virtual: an array whose every buffer is filled by one call of a user's function.

awkward 1's VirtualArray, rebuilt on virtual buffers. The declared form gets awkward 1's
form keys (``node0``, ``node1`` ... in pre-order) and the array is built by
``layout_from_buffers`` from a container of callables, so every buffer is a VirtualNDArray
named ``node<i>-<attribute>``. All of them read one ``_OneCall``: the first touch of any
buffer calls ``generate(*args, **kwargs)`` once, checks the result against the declared form
and length, and keeps its buffers for the other buffers' first touches.

Where the generated buffers live (``cache``):

* ``None``: in the array (each virtual buffer keeps its data after its first touch);
* ``False``: nowhere: every touch of a buffer calls ``generate`` again;
* a MutableMapping: in the mapping, as one entry named ``cache_key`` (awkward 1's rule: the
  whole generated array is one entry), a ``GeneratedBuffers`` dict with an ``nbytes`` for
  byte-bounded caches; an evicted entry is generated again on the next touch.
"""

from __future__ import annotations

import itertools
import json
import threading

from awkward._nplikes.shape import unknown_length
from awkward.contents._buffer_coercion import NATIVE
from awkward.contents._from_buffers import layout_from_buffers

__all__ = ["virtual", "GeneratedBuffers"]

_ANONYMOUS = itertools.count()
_BUFFER_KEY = "{form_key}-{attribute}"


class GeneratedBuffers(dict):
    """The buffers of one ``generate`` call, by buffer key; ``nbytes`` sizes it for caches
    bounded by bytes (``cachetools.LRUCache(maxsize, getsizeof=lambda x: x.nbytes)``)."""

    __slots__ = ()

    @property
    def nbytes(self) -> int:
        return sum(int(buffer.nbytes) for buffer in self.values())


def virtual(generate, args, kwargs, form, length, cache, cache_key, to_layout, backend):
    """The layout of ``ak.virtual`` (arguments already checked, ``form`` a Form or None,
    ``length`` an int or None); ``to_layout`` turns what ``generate`` returns into a layout."""
    call = _OneCall(generate, args, kwargs, to_layout, cache, cache_key)
    if form is None:
        # awkward 1: without a form, the type is learnt by generating (once)
        buffers = call.fill()
        form, generated_length = call.form, call.length
        if length is None:
            length = generated_length
        elif length != generated_length:
            raise _mismatch(form, generated_length, form, length)
        call.declare(form, length)
        call.keep(buffers)
    else:
        call.declare(_with_node_keys(form), length)
    container = _Container(call)
    return layout_from_buffers(
        call.form,
        unknown_length if length is None else length,
        container,
        _BUFFER_KEY,
        backend,
        NATIVE,
        False,
        cache is None,  # cache=False: every touch generates; a mapping: the entry is the cache
    )


class _Container:
    """from_buffers container: every key is a callable reading the shared call."""

    __slots__ = ("_call",)

    def __init__(self, call):
        self._call = call

    def __getitem__(self, key):
        call = self._call
        return lambda: call.buffer(key)


class _OneCall:
    """One ``generate`` call shared by all buffers of an ak.virtual array."""

    __slots__ = (
        "_generate",
        "_args",
        "_kwargs",
        "_to_layout",
        "_cache",
        "_cache_key",
        "_pending",
        "_lock",
        "form",
        "length",
    )

    def __init__(self, generate, args, kwargs, to_layout, cache, cache_key):
        self._generate = generate
        self._args = args
        self._kwargs = kwargs
        self._to_layout = to_layout
        self._cache = cache if cache is not None and cache is not False else None
        self._cache_key = f"ak.virtual:{next(_ANONYMOUS)}" if cache_key is None else cache_key
        # cache=None: generated buffers wait here until their virtual buffer takes them
        self._pending = {} if cache is None else None
        self._lock = threading.Lock()
        self.form = None
        self.length = None

    def declare(self, form, length):
        self.form, self.length = form, length

    def keep(self, buffers):
        """Hold the buffers of a call made before any touch (to learn the form)."""
        if self._pending is not None:
            self._pending.update(buffers)
        elif self._cache is not None:
            self._store(buffers)

    def buffer(self, key):
        """The generated data for ``key``: from the pending call, the cache, or a new call."""
        pending = self._pending
        if pending is not None:
            with self._lock:
                if key not in pending:
                    pending.update(self.fill())
                # the virtual buffer keeps it from now on
                return pending.pop(key)
        if self._cache is not None:
            try:
                return self._cache[self._cache_key][key]
            except KeyError:
                pass
            with self._lock:
                buffers = self.fill()
                self._store(buffers)
            return buffers[key]
        return self.fill()[key]

    def _store(self, buffers):
        try:
            self._cache[self._cache_key] = buffers
        except ValueError:
            pass  # larger than a bounded cache: used now, generated again next time

    def fill(self) -> GeneratedBuffers:
        """Call ``generate`` once, check the result, and return its buffers by key."""
        kwargs = self._kwargs
        result = self._generate(*self._args, **({} if kwargs is None else kwargs))
        layout = self._to_layout(result)
        length = layout.length
        if length is unknown_length:
            length = len(layout)
        if self.form is None:
            # no declaration (ak.virtual without a form): this call defines it
            self.form, self.length = layout.form_with_key("node{id}"), length
        else:
            declared = self.form
            if not layout.form.is_equal_to(declared, all_parameters=True) or (
                self.length is not None and self.length != length
            ):
                raise _mismatch(layout.form, length, declared, self.length)
        return _buffers_of(layout)


def _buffers_of(layout) -> GeneratedBuffers:
    """The layout's own buffers, keyed as the declared form's nodes (pre-order ``node<i>``)."""
    out = GeneratedBuffers()
    nodes = []

    def key_of(*, id, layout):
        nodes.append(layout)
        return f"node{id}"

    layout.form_with_key(key_of)
    for i, node in enumerate(nodes):
        for attribute, buffer in node._buffers_by_attribute().items():
            out[_BUFFER_KEY.format(form_key=f"node{i}", attribute=attribute)] = buffer
    return out


def _with_node_keys(form):
    """``form`` with awkward 1's form keys, ``node<i>`` numbered in pre-order."""
    counter = itertools.count()

    def walk(node):
        key = f"node{next(counter)}"
        if node.is_record or node.is_union:
            return node.copy(contents=[walk(c) for c in node.contents], form_key=key)
        if node.is_leaf:
            return node.copy(form_key=key)
        return node.copy(content=walk(node.content), form_key=key)

    return walk(form)


def _mismatch(got_form, got_length, form, length):
    wanted = "any length" if length is None else f"length {length}"
    return ValueError(
        "ak.virtual: generate returned an array of another form or length than declared: "
        f"declared {wanted} and form {_one_line(form)}, "
        f"but got length {got_length} and form {_one_line(got_form)}"
    )


def _one_line(form) -> str:
    """The form as compact JSON without form keys (they are ours, not the user's)."""
    from awkward.forms import from_dict

    def strip(d):
        if isinstance(d, dict):
            return {k: strip(v) for k, v in d.items() if k != "form_key"}
        if isinstance(d, list):
            return [strip(v) for v in d]
        return d

    return json.dumps(from_dict(strip(form.to_dict())).to_dict(verbose=False))
