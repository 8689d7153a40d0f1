"""Categorical arrays: an IndexedArray or IndexedOptionArray marked ``__array__="categorical"``
whose content holds each distinct value (category) once and whose index points into it.

As in awkward 2.14, no behavior class is registered for them: they print as
``categorical[type=...]``, and ``==`` compares their values (broadcasting projects the index),
so two categoricals with different category orders compare equal where the values are.
``CategoricalBehavior`` is the ak.Array class itself (2.14 exposes it under this name).
"""


from awkward.highlevel import Array

__all__ = ["Array", "CategoricalBehavior"]

CategoricalBehavior = Array
