"""numpy's operator mixin (``+``, ``<``, ``-x``, ... call the matching ufunc, which goes to the
class's ``__array_ufunc__``), re-exported as ``awkward.highlevel.NDArrayOperatorsMixin``:
dask-awkward's Array subclasses it. numpy is imported only under _nplikes and _connect."""

from numpy.lib.mixins import NDArrayOperatorsMixin

__all__ = ["NDArrayOperatorsMixin"]
