"""Slicing of layouts: every form of ``array[where]`` (the algorithm behind ak.Array.__getitem__).

Entry point: ``getitem(layout, where)`` for a Content or a layout Record. Importing this package
registers ``getitem`` with the contents layer, so ``layout[where]`` accepts every slice too.

How it works: the array is wrapped in a length-1 RegularArray so that every slice item applies
to the elements of the rows of some node. ``_next(layout, items, adv, dim)`` keeps the rows of
``layout`` and applies ``items[0]`` to the dimension below them (``dim`` numbers the dimension
in the user's array, for error messages); option/indexed/record/union nodes pass the items
through to their contents. ``adv`` is the position inside the (broadcast, flattened) advanced
indices that each row carries, or None before the first advanced index (NumPy semantics).

Jagged indices (layouts with lists) are applied by ``_jagged``: lists of the index line up with
lists of the array; the innermost integers/booleans pick.

Laziness: field names and step-1 slices at the top use ``_getitem_field``/``_getitem_range``,
which never read buffers; carries use the content's ``_carry`` with ``allow_lazy=True``.
"""

from __future__ import annotations

from awkward._slicing._entry import getitem
from awkward.contents.content import register_getitem

# layouts answer int/slice/field access themselves and delegate every other slice here
register_getitem(getitem)

__all__ = ["getitem"]
