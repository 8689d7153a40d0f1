"""ak.almost_equal: two arrays with the same structure and (nearly) the same values."""

from __future__ import annotations

import math

from awkward.operations._named_axis import named_axis_of
from awkward.operations.ak_to_layout import to_layout

__all__ = ["almost_equal", "layouts_equal", "named_axes_agree"]


def named_axes_agree(left, right) -> bool:
    """As awkward 2.14: the named axes differ only when both arrays have some and they are
    not the same mapping."""
    left_named, right_named = named_axis_of(left), named_axis_of(right)
    return not (left_named and right_named) or dict(left_named) == dict(right_named)


def almost_equal(
    left,
    right,
    *,
    rtol: float = 1e-05,
    atol: float = 1e-08,
    dtype_exact: bool = True,
    check_parameters: bool = True,
    check_regular: bool = True,
    check_named_axis: bool = True,
):
    """True when ``left`` and ``right`` have the same length, structure, missing values and
    values within ``rtol``/``atol`` (numbers; other values must be equal).

    Node classes may differ where the values agree (ListArray vs ListOffsetArray, any option
    representation). ``dtype_exact=False`` accepts dtypes of the same kind (ints of other
    widths, ...); ``check_regular=False`` lets regular and variable-length lists match;
    ``check_parameters=False`` ignores parameters (but strings still differ from bytestrings);
    ``check_named_axis``: two arrays that both have named axes must have the same ones."""
    if check_named_axis and not named_axes_agree(left, right):
        return False
    return layouts_equal(
        left,
        right,
        rtol=rtol,
        atol=atol,
        equal_nan=False,
        dtype_exact=dtype_exact,
        same_content_types=True,
        check_parameters=check_parameters,
        check_regular=check_regular,
        function="almost_equal",
    )


def layouts_equal(left, right, *, rtol, atol, equal_nan, dtype_exact, same_content_types,
                  check_parameters, check_regular, function):
    from awkward.record import Record

    left = to_layout(left, allow_record=True)
    right = to_layout(right, allow_record=True)
    if isinstance(left, Record) or isinstance(right, Record):
        if not (isinstance(left, Record) and isinstance(right, Record)):
            return False
        left = left.array._getitem_range(left.at, left.at + 1)
        right = right.array._getitem_range(right.at, right.at + 1)
    if not (left.backend.nplike.known_data and right.backend.nplike.known_data):
        raise NotImplementedError(  # 2.14's error: equality is in the values
            f"Awkward Arrays with typetracer backends cannot yet be compared with `ak.{function}`."
        )
    comparer = _Comparer(rtol, atol, equal_nan, dtype_exact, same_content_types,
                         check_parameters, check_regular)
    return comparer.visit(left, right)


_KIND = {"b": "b", "i": "i", "u": "i", "f": "f", "c": "c", "M": "M", "m": "m"}


class _Comparer:
    __slots__ = ("rtol", "atol", "equal_nan", "dtype_exact", "same_content_types",
                 "check_parameters", "check_regular")

    def __init__(self, rtol, atol, equal_nan, dtype_exact, same_content_types,
                 check_parameters, check_regular):
        self.rtol, self.atol, self.equal_nan = rtol, atol, equal_nan
        self.dtype_exact = dtype_exact
        self.same_content_types = same_content_types
        self.check_parameters = check_parameters
        self.check_regular = check_regular

    def visit(self, left, right) -> bool:
        if len(left) != len(right):
            return False
        # plain indexes are an implementation detail: apply them
        if left.is_indexed and not left.is_option:
            left = left.project()
        if right.is_indexed and not right.is_option:
            right = right.project()
        if left.is_numpy and len(left.inner_shape) > 0:
            left = left.to_RegularArray()
        if right.is_numpy and len(right.inner_shape) > 0:
            right = right.to_RegularArray()
        if not self._parameters_match(left, right):
            return False
        if left.is_unknown or right.is_unknown:
            return len(left) == 0 or (left.is_unknown and right.is_unknown)
        if left.is_option or right.is_option:
            return self._options(left, right)
        if left.is_union or right.is_union:
            return self._unions(left, right)
        if left.is_list or right.is_list:
            return self._lists(left, right)
        if left.is_record or right.is_record:
            return self._records(left, right)
        if left.is_numpy and right.is_numpy:
            return self._numbers(left, right)
        return False

    def _parameters_match(self, left, right) -> bool:
        # strings and bytestrings are different values whatever check_parameters says
        if left.parameter("__array__") != right.parameter("__array__"):
            kinds = {left.parameter("__array__"), right.parameter("__array__")}
            if kinds & {"string", "bytestring", "char", "byte"}:
                return False
        if not self.check_parameters:
            return True
        from awkward._parameters import parameters_are_equal

        return parameters_are_equal(left._parameters, right._parameters)

    def _options(self, left, right) -> bool:
        if not (left.is_option and right.is_option):
            return False
        nplike = left.backend.nplike
        lmask = left.mask_as_bool(valid_when=True)
        rmask = right.mask_as_bool(valid_when=True)
        if not nplike.array_equal(nplike.asarray(lmask), nplike.asarray(rmask)):
            return False
        return self.visit(left.project(), right.project())

    def _unions(self, left, right) -> bool:
        if self.same_content_types and not (left.is_union and right.is_union):
            return False
        # element by element: unions are rare and small; values decide
        return _values_close(left.to_list(), right.to_list(), self)

    def _lists(self, left, right) -> bool:
        if not (left.is_list and right.is_list):
            return False
        if self.check_regular and left.is_regular != right.is_regular:
            return False
        if left.is_regular and right.is_regular:
            if left.size != right.size:
                return False
            n = len(left) * left.size
            return self.visit(left.content._getitem_range(0, n), right.content._getitem_range(0, n))
        nplike = left.backend.index_nplike
        left = left.to_ListOffsetArray64(True)
        right = right.to_ListOffsetArray64(True)
        loffsets, roffsets = nplike.asarray(left.offsets.data), nplike.asarray(right.offsets.data)
        if not nplike.array_equal(loffsets, roffsets):
            return False
        n = int(loffsets[-1]) if len(loffsets) else 0
        return self.visit(left.content._getitem_range(0, n), right.content._getitem_range(0, n))

    def _records(self, left, right) -> bool:
        if not (left.is_record and right.is_record):
            return False
        if left.is_tuple != right.is_tuple or set(left.fields) != set(right.fields):
            return False
        n = len(left)
        for field in left.fields:
            if not self.visit(
                left.content(field)._getitem_range(0, n), right.content(field)._getitem_range(0, n)
            ):
                return False
        return True

    def _numbers(self, left, right) -> bool:
        ldtype, rdtype = left.dtype, right.dtype
        if self.dtype_exact:
            if ldtype != rdtype:
                return False
        elif _KIND.get(ldtype.kind) != _KIND.get(rdtype.kind):
            return False
        nplike = left.backend.nplike
        ldata, rdata = left.data, right.data
        if (self.rtol == 0 and self.atol == 0) or ldtype.kind not in "fc":
            if ldtype.kind in "fc":
                return nplike.array_equal(ldata, rdata, equal_nan=self.equal_nan)
            return nplike.array_equal(ldata, rdata)
        close = nplike.isclose(ldata, rdata, rtol=self.rtol, atol=self.atol, equal_nan=self.equal_nan)
        return bool(nplike.all(close))


def _values_close(a, b, comparer) -> bool:
    """Python values from to_list: equal structure, numbers within tolerance."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float, complex)) and isinstance(b, (int, float, complex)):
        if comparer.dtype_exact and type(a) is not type(b):
            return False
        if isinstance(a, complex) or isinstance(b, complex):
            return _values_close(complex(a).real, complex(b).real, comparer) and _values_close(
                complex(a).imag, complex(b).imag, comparer
            )
        if math.isnan(a) or math.isnan(b):
            return comparer.equal_nan and math.isnan(a) and math.isnan(b)
        return abs(a - b) <= comparer.atol + comparer.rtol * abs(b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return (
            type(a) is type(b)
            and len(a) == len(b)
            and all(_values_close(x, y, comparer) for x, y in zip(a, b))
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_values_close(a[k], b[k], comparer) for k in a)
    return type(a) is type(b) and a == b
