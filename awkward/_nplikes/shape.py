"""Shape items: a dimension is either an int or ``unknown_length``.

``unknown_length`` stands for a dimension that is not known yet (e.g. a virtual buffer whose
length is only learnt when it is read). Semantics follow awkward 2.14:

* arithmetic (``+ - * //``) with ints (including numpy integers and bools) or with itself
  returns ``unknown_length``; other operators (``/ % ** -x abs``) raise TypeError;
* ``unknown_length == unknown_length`` is True, but comparing it with anything else, or any
  ordering (``< <= > >=``, hence ``max``/``min``), raises TypeError, because the answer is not
  known and a silent False would hide bugs;
* ``int()``, ``bool()``, ``float()`` and ``__index__`` raise TypeError;
* ``str()`` is ``"##"`` (as in type strings), ``repr()`` is the import path; it is hashable and
  survives copy/pickle as the same singleton.
"""

from __future__ import annotations

import numbers
from typing import Union

__all__ = ["UnknownLength", "unknown_length", "ShapeItem", "is_unknown_length", "is_known_shape"]


def _is_int(other) -> bool:
    return isinstance(other, numbers.Integral)


class UnknownLength:
    """The type of the ``unknown_length`` singleton (do not instantiate it again)."""

    __slots__ = ()
    _instance: UnknownLength | None = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "awkward._nplikes.shape.unknown_length"

    def __str__(self) -> str:
        return "##"

    def __reduce__(self):
        return "unknown_length"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __hash__(self) -> int:
        return hash(UnknownLength)

    # arithmetic: unknown in, unknown out
    def _arith(self, other):
        if other is self or _is_int(other):
            return self
        return NotImplemented

    __add__ = __radd__ = __sub__ = __rsub__ = _arith
    __mul__ = __rmul__ = __floordiv__ = __rfloordiv__ = _arith

    # comparisons
    def __eq__(self, other) -> bool:
        if other is self:
            return True
        raise TypeError("cannot compare unknown lengths against known values")

    def __ne__(self, other) -> bool:
        if other is self:
            return False
        raise TypeError("cannot compare unknown lengths against known values")

    def _order(self, other):
        raise TypeError("cannot order unknown lengths")

    __lt__ = __le__ = __gt__ = __ge__ = _order

    # conversions to concrete values
    def _concrete(self, *args):
        raise TypeError("cannot interpret unknown lengths as concrete values")

    __int__ = __float__ = __bool__ = __complex__ = _concrete

    def __index__(self):
        raise TypeError("cannot interpret unknown lengths as concrete index values")


unknown_length = UnknownLength()

ShapeItem = Union[int, UnknownLength]


def is_unknown_length(item) -> bool:
    return item is unknown_length


def is_known_shape(shape) -> bool:
    """True when no dimension of ``shape`` is unknown (never compares with ==)."""
    for item in shape:
        if item is unknown_length:
            return False
    return True
