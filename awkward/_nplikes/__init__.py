"""Array-library adapters (nplikes) and the virtual buffer.

numpy and cupy are imported only inside this package (and awkward._connect); the rest of
awkward goes through an nplike. Public surface:

* ``shape.unknown_length``, ``shape.ShapeItem``
* ``array_like.ArrayLike``, ``MaterializableArray``, ``maybe_materialize``
* ``numpy_like.NumpyLike``, ``numpy.Numpy``, ``cupy.Cupy`` (singletons via ``.instance()``)
* ``virtual.VirtualNDArray``, ``virtual.virtualize_for_tests``, ``placeholder.PlaceholderArray``
* ``dispatch.nplike_of_obj``
"""
