"""awkward._nplikes.typetracer: TypeTracerArray, TypeTracerReport, the TypeTracer nplike (each
method against numpy's dtype and shape), the typetracer backend and its kernels."""

import pickle

import numpy as np
import pytest

from awkward._backends.dispatch import backend_of_obj, regularize_backend
from awkward._backends.typetracer import TypeTracerBackend
from awkward._nplikes.dispatch import nplike_of_obj
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import (
    MaybeNone,
    OneOf,
    TypeTracer,
    TypeTracerArray,
    TypeTracerReport,
    create_unknown_scalar,
    is_unknown_array,
    is_unknown_length,
    is_unknown_scalar,
    typetracer_with_report,
)
from awkward.index import Index64

TT = TypeTracer.instance()


def keyed(values, key, report):
    array = np.asarray(values)
    return TypeTracerArray(array.dtype, array.shape, key, report)


# ---------------------------------------------------------------------- the array
def test_metadata_without_data():
    x = TypeTracerArray(np.float32, (unknown_length, 3))
    assert x.dtype == np.float32
    assert x.shape[0] is unknown_length and x.shape[1] == 3
    assert x.ndim == 2 and x.size is unknown_length and x.nbytes is unknown_length
    assert x.strides == (12, 4)
    assert x.nplike is TT
    assert repr(x) == "TypeTracerArray(dtype('float32'), shape=(##, 3))"
    assert str(create_unknown_scalar(np.int64)) == "##"
    with pytest.raises(TypeError, match="unknown"):
        len(x)
    assert len(TypeTracerArray(np.int64, (4,))) == 4


@pytest.mark.parametrize(
    "call",
    [bool, int, float, list, lambda x: x.tolist(), np.asarray, lambda x: x.item(), lambda x: x.tobytes()],
)
def test_values_are_unknown_type_error(call):
    report = TypeTracerReport()
    x = TypeTracerArray(np.int64, (), "x", report)
    with pytest.raises(TypeError, match="data are unknown"):
        call(x)
    assert report.data_touched == ["x"]


def test_report_records_shape_and_data_in_first_touch_order():
    report = TypeTracerReport()
    a, b = keyed([1, 2], "a", report), keyed([3], "b", report)
    assert a.shape == (2,)
    assert report.shape_touched == ["a"] and report.data_touched == []
    b.touch_data()
    a.touch_data()
    assert report.data_touched == ["b", "a"]
    assert set(report.shape_touched) == {"a", "b"}
    assert report.data_touched_in(["a", "zzz"]) == ["a"]
    assert report.shape_touched_in(["b"]) == ["b"]


def test_derivations_keep_the_buffer_and_reads_touch_it():
    """Basic slices, view, T, reshape and a dtype change by asarray are lazy for a virtual
    buffer: the tracer's derivations keep its key, so reading them later touches it."""
    report = TypeTracerReport()
    x = keyed(np.arange(12), "x", report)
    derived = [x[2:5], x.view(np.int32), TT.reshape(x, (3, 4)).T, TT.asarray(x, dtype=np.float64)]
    assert report.data_touched == []
    for d in derived:
        assert d.form_key == "x"
    assert derived[0].shape == (3,)
    assert derived[1].shape == (24,)
    assert derived[2].shape == (4, 3)
    derived[0].materialize()
    assert report.data_touched == ["x"]


@pytest.mark.parametrize(
    "key, shape",
    [
        (np.array([0, 2]), (2,)),
        (np.array([True, False, True, False, True, False]), (unknown_length,)),
        (3, ()),
        ((slice(None), None), (6, 1)),
        ((None, Ellipsis), (1, 6)),
    ],
)
def test_getitem_shapes(key, shape):
    report = TypeTracerReport()
    x = keyed(np.arange(6), "x", report)
    out = x[key]
    assert out.declared_shape == shape
    reads = not isinstance(key, tuple)
    assert report.data_touched == (["x"] if reads else [])


def test_getitem_with_a_tracer_index_touches_both():
    report = TypeTracerReport()
    x, i = keyed(np.arange(6), "x", report), keyed(np.array([1, 2]), "i", report)
    assert x[i].declared_shape == (2,)
    assert set(report.data_touched) == {"x", "i"}


def test_same_buffer_follows_derivations():
    x = TypeTracerArray(np.int64, (10,), "x")
    assert TT.same_buffer(x, x)
    assert TT.same_buffer(x[1:], x[1:])
    assert not TT.same_buffer(x[1:], x[2:])
    assert not TT.same_buffer(x, TypeTracerArray(np.int64, (10,), "x"))


# ---------------------------------------------------------------------- nplike methods vs numpy
def _cases():
    a = np.arange(6, dtype=np.int32)
    f = np.linspace(0, 1, 6)
    b = a > 2
    m = np.arange(12.0).reshape(3, 4)
    return [
        ("asarray", lambda n, x: n.asarray(x, dtype=np.int64), [a]),
        ("empty", lambda n: n.empty((2, 3), dtype=np.int8), []),
        ("zeros", lambda n: n.zeros(4, dtype=np.float32), []),
        ("full", lambda n: n.full(3, 7, dtype=np.int16), []),
        ("zeros_like", lambda n, x: n.zeros_like(x), [m]),
        ("full_like", lambda n, x: n.full_like(x, 2, dtype=np.uint8), [a]),
        ("arange", lambda n: n.arange(2, 11, 3), []),
        ("arange float", lambda n: n.arange(0.5, 3.0), []),
        ("reshape", lambda n, x: n.reshape(x, (2, -1)), [a]),
        ("broadcast_to", lambda n, x: n.broadcast_to(x, (2, 6)), [a]),
        ("broadcast_arrays", lambda n, x, y: n.broadcast_arrays(x, y), [m, np.arange(4)]),
        ("concat", lambda n, x, y: n.concat([x, y]), [a, f]),
        ("concat axis=1", lambda n, x, y: n.concat([x, y], axis=1), [m, m]),
        ("stack", lambda n, x, y: n.stack([x, y], axis=1), [a, a]),
        ("repeat int", lambda n, x: n.repeat(x, 3), [a]),
        ("repeat array", lambda n, x, y: n.repeat(x, y), [a, np.arange(6)]),
        ("searchsorted", lambda n, x, y: n.searchsorted(x, y), [a, np.array([1, 4])]),
        ("cumsum", lambda n, x: n.cumsum(x), [a]),
        ("nonzero", lambda n, x: n.nonzero(x), [b]),
        ("unique_values", lambda n, x: n.unique_values(x), [a]),
        ("sort", lambda n, x: n.sort(x), [f]),
        ("argsort", lambda n, x: n.argsort(x), [f]),
        ("where", lambda n, c, x, y: n.where(c, x, y), [b, a, f]),
        ("logical_and", lambda n, x, y: n.logical_and(x, y), [b, b]),
        ("logical_not", lambda n, x: n.logical_not(x), [b]),
        ("min axis", lambda n, x: n.min(x, axis=1), [m]),
        ("max keepdims", lambda n, x: n.max(x, axis=0, keepdims=True), [m]),
        ("all", lambda n, x: n.all(x), [b]),
        ("any axis", lambda n, x: n.any(x, axis=-1), [m]),
        ("sum", lambda n, x: n.sum(x), [a]),
        ("sum axis", lambda n, x: n.sum(x, axis=0), [m]),
        ("count_nonzero", lambda n, x: n.count_nonzero(x), [a]),
        ("isclose", lambda n, x, y: n.isclose(x, y), [f, f]),
        ("astype", lambda n, x: n.astype(x, np.float32), [a]),
        ("add", lambda n, x, y: n.add(x, y), [a, f]),
        ("divide", lambda n, x, y: n.divide(x, y), [a, a]),
        ("sqrt", lambda n, x: n.sqrt(x), [a]),
        ("isnan", lambda n, x: n.isnan(x), [f]),
        ("real", lambda n, x: n.real(x), [f]),
        ("round", lambda n, x: n.round(x, 1), [f]),
        ("nan_to_num", lambda n, x: n.nan_to_num(x), [f]),
        ("apply_ufunc", lambda n, x, y: n.apply_ufunc(np.multiply, "__call__", [x, y]), [a, m[:1, :1]]),
        ("apply_ufunc reduce", lambda n, x: n.apply_ufunc(np.add, "reduce", [x], {"axis": 0}), [m]),
        ("packbits", lambda n, x: n.packbits(x), [b]),
        ("unpackbits", lambda n, x: n.unpackbits(x), [np.packbits(b)]),
        ("byteswap", lambda n, x: n.byteswap(x), [a]),
        ("operator", lambda n, x, y: x * 2 + y, [a, f]),
        ("comparison", lambda n, x: x >= 3, [a]),
    ]


def _meta(result):
    if isinstance(result, (list, tuple)):
        return [_meta(x) for x in result]
    declared = getattr(result, "declared_shape", None)
    shape = declared if declared is not None else np.shape(result)
    return (np.asarray(result).dtype if declared is None else result.dtype, tuple(shape))


@pytest.mark.parametrize("name, call, args", _cases(), ids=[c[0] for c in _cases()])
def test_nplike_method_gives_numpy_dtype_and_shape(name, call, args):
    from awkward._nplikes.numpy import Numpy

    expected = _meta(call(Numpy.instance(), *args))
    report = TypeTracerReport()
    tracers = [keyed(x, f"arg{i}", report) for i, x in enumerate(args)]
    got = _meta(call(TT, *tracers))
    data_dependent = name in ("nonzero", "unique_values", "repeat array")

    def agree(e, g):
        if isinstance(e, list):
            return all(agree(a, b) for a, b in zip(e, g))
        (edtype, eshape), (gdtype, gshape) = e, g
        return edtype == gdtype and all(
            gd is unknown_length or gd == ed for ed, gd in zip(eshape, gshape)
        ) and len(eshape) == len(gshape)

    assert agree(expected, got), (expected, got)
    if not data_dependent:  # lengths are known wherever the values do not decide them
        flat = got if isinstance(got, list) else [got]
        assert all(d is not unknown_length for _, shape in flat for d in shape)


@pytest.mark.parametrize(
    "name, call, reads",
    [
        ("zeros_like", lambda n, x: n.zeros_like(x), False),
        ("reshape", lambda n, x: n.reshape(x, (3, 2)), False),
        ("asarray", lambda n, x: n.asarray(x), False),
        ("cumsum", lambda n, x: n.cumsum(x), True),
        ("sum", lambda n, x: n.sum(x), True),
        ("nonzero", lambda n, x: n.nonzero(x), True),
        ("add", lambda n, x: n.add(x, x), True),
        ("astype", lambda n, x: n.astype(x, np.float64), True),
        ("searchsorted", lambda n, x: n.searchsorted(x, x), True),
    ],
)
def test_nplike_touches_data_exactly_where_numpy_reads_values(name, call, reads):
    report = TypeTracerReport()
    call(TT, keyed(np.arange(6), "x", report))
    assert report.data_touched == (["x"] if reads else [])


def test_unknown_lengths_propagate():
    x = TypeTracerArray(np.int64, (unknown_length,))
    assert TT.arange(unknown_length).shape == (unknown_length,)
    assert TT.concat([x, TypeTracerArray(np.int64, (3,))]).shape == (unknown_length,)
    assert TT.repeat(x, 2).shape == (unknown_length,)
    assert TT.nonzero(TypeTracerArray(np.bool_, (4,)))[0].shape == (unknown_length,)
    assert TT.derive_slice_for_length(slice(1, None), unknown_length)[3] is unknown_length
    assert TT.derive_slice_for_length(slice(1, None), 5) == (1, 5, 1, 4)
    assert TT.index_as_shape_item(create_unknown_scalar(np.int64)) is unknown_length
    assert TT.index_as_shape_item(np.int64(3)) == 3
    assert is_unknown_length(unknown_length) and not is_unknown_length(3)


def test_no_array_library_behind_it():
    with pytest.raises(AttributeError, match="_module"):
        TT._module  # noqa: B018
    assert TT.ndarray is TypeTracerArray
    assert not TT.known_data
    assert TT.is_own_array(TypeTracerArray(np.int8, (1,)))
    assert not TT.is_own_array(np.zeros(1))


def test_helpers():
    s = create_unknown_scalar("float32")
    assert is_unknown_scalar(s) and not is_unknown_array(s)
    assert is_unknown_array(TypeTracerArray(np.int8, (2,)))
    assert not is_unknown_scalar(np.float32(1))
    assert MaybeNone(1).content == 1 and MaybeNone(1) == MaybeNone(1)
    assert OneOf([1, 2]).contents == [1, 2]
    assert pickle.loads(pickle.dumps(TT)) is TT


# ---------------------------------------------------------------------- backend and kernels
def test_backend_registered():
    backend = regularize_backend("typetracer")
    assert isinstance(backend, TypeTracerBackend) and backend.name == "typetracer"
    assert backend.nplike is TT and backend.index_nplike is TT
    x = TypeTracerArray(np.int64, (3,))
    assert nplike_of_obj(x) is TT
    assert backend_of_obj(x) is backend
    assert backend_of_obj(Index64(x, nplike=TT)) is backend


def test_kernel_touches_its_array_arguments_and_computes_nothing():
    report = TypeTracerReport()
    backend = regularize_backend("typetracer")
    starts = Index64(keyed(np.array([0, 2]), "starts", report), nplike=TT)
    stops = keyed(np.array([2, 3]), "stops", report)
    out = TT.empty(3, dtype=np.int64)
    kernel = backend["awkward_ListArray_compact_offsets", np.int64, np.int64, np.int64]
    assert kernel(out, starts, stops, 2) is None
    assert report.data_touched == ["starts", "stops"]
    with pytest.raises(TypeError, match="takes"):
        kernel(out)


def test_typetracer_with_report_names_buffers_with_getkey():
    from awkward.forms import from_dict

    form = from_dict({"class": "ListOffsetArray", "offsets": "i64", "content": "float64", "form_key": "L"})
    layout, report = typetracer_with_report(form, lambda form, attribute: f"{form.form_key}:{attribute}")
    assert layout.length is unknown_length
    assert layout.offsets.data.form_key == "L:offsets"
    assert layout.content.data.form_key == "None:data"
    layout.offsets.data.touch_data()
    assert report.data_touched == ["L:offsets"]
