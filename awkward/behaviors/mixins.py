"""ak.mixin_class and ak.mixin_class_method: register a plain class as record and array behavior."""

from __future__ import annotations

import sys

__all__ = ["mixin_class", "mixin_class_method"]

_MIXIN_ATTR = "_awkward_mixin"


def mixin_class(registry, name=None):
    """Class decorator: ``registry[name]`` becomes ``<name>Record`` (the class mixed into
    ak.Record) and ``registry["*", name]`` becomes ``<name>Array`` (mixed into ak.Array);
    methods marked with ``mixin_class_method`` are registered as ufunc overloads."""
    if not hasattr(registry, "__setitem__"):
        raise TypeError(f"mixin_class: registry must be a dict-like behavior, not {type(registry).__name__}")
    if name is not None and not isinstance(name, str):
        raise TypeError(f"mixin_class: name must be a string or None, not {name!r}")

    def register(cls):
        from awkward.highlevel import Array, Record

        if not isinstance(cls, type):
            raise TypeError(f"mixin_class decorates a class, not {type(cls).__name__}")
        cls_name = cls.__name__ if name is None else name
        module = sys.modules.get(cls.__module__)
        record = type(cls_name + "Record", (cls, Record), {"__module__": cls.__module__})
        array = type(cls_name + "Array", (cls, Array), {"__module__": cls.__module__})
        registry[cls_name] = record
        registry["*", cls_name] = array
        # module attributes, so that pickle finds the generated classes by name
        if module is not None:
            for generated in (record, array):
                if not hasattr(module, generated.__name__):
                    setattr(module, generated.__name__, generated)
        for attribute in dir(cls):
            method = getattr(cls, attribute, None)
            spec = getattr(method, _MIXIN_ATTR, None)
            if spec is None:
                continue
            ufunc, rhs, transpose = spec
            if rhs is None:
                registry[ufunc, cls_name] = method
                continue
            # the class itself is always a right-hand operand (as in 2.14): a subclass such as
            # coffea's Muon gets Muon + Muon from a base method declared for {"Candidate"}
            for other in (*rhs, cls_name):
                registry[ufunc, cls_name, other] = method
                if transpose and other != cls_name:
                    registry[ufunc, other, cls_name] = _transposed(method)
        return cls

    return register


class _Transposed:
    """``method`` with its two operands swapped; a class (not a closure) so that behaviors
    holding it, and arrays carrying those behaviors, can be pickled."""

    __slots__ = ("method",)

    def __init__(self, method):
        self.method = method

    def __call__(self, left, right):
        return self.method(right, left)

    def __eq__(self, other):
        return isinstance(other, _Transposed) and other.method == self.method

    def __hash__(self):
        return hash(("transposed", self.method))


def _transposed(method):
    return _Transposed(method)


def mixin_class_method(ufunc, rhs=None, *, transpose=True):
    """Method decorator: this method implements ``ufunc`` for the mixin class (unary when
    ``rhs`` is None, else binary with right-hand operands named/typed in the set ``rhs``;
    with ``transpose`` the reversed operand order is registered too)."""
    if not callable(ufunc):
        raise TypeError(f"mixin_class_method: ufunc must be callable, not {ufunc!r}")
    if rhs is not None:
        if isinstance(rhs, (str, type)):
            rhs = {rhs}
        try:
            rhs = set(rhs)
        except TypeError:
            raise TypeError(f"mixin_class_method: rhs must be a set of names/types, not {rhs!r}") from None

    def register(method):
        if not callable(method):
            raise TypeError("mixin_class_method decorates a method")
        setattr(method, _MIXIN_ATTR, (ufunc, rhs, transpose))
        return method

    return register
