"""NumpyForm: the form of NumpyArray (a primitive dtype and a fixed inner shape)."""

from __future__ import annotations

import operator

from awkward._nplikes.dtypes import primitive_to_dtype
from awkward._util import UNSET
from awkward.forms.form import Form

__all__ = ["NumpyForm"]


def _check_primitive(owner: str, primitive) -> str:
    if not isinstance(primitive, str):
        raise TypeError(f"{owner} 'primitive' must be of type str, not {primitive!r}")
    try:
        primitive_to_dtype(primitive)
    except ValueError as err:
        # awkward raises TypeError for an unknown primitive name; keep that class.
        raise TypeError(f"{owner} {err}") from None
    return primitive


def _check_inner_shape(owner: str, inner_shape) -> tuple[int, ...]:
    if isinstance(inner_shape, (str, bytes)):
        raise TypeError(f"{owner} 'inner_shape' must be a sequence of ints, not {inner_shape!r}")
    try:
        items = tuple(inner_shape)
    except TypeError:
        raise TypeError(
            f"{owner} 'inner_shape' must be a sequence of ints, not {inner_shape!r}"
        ) from None
    out = []
    for item in items:
        if isinstance(item, bool):
            item = None
        else:
            try:
                item = operator.index(item)
            except TypeError:
                item = None
        if item is None or item < 0:
            raise TypeError(
                f"{owner} 'inner_shape' items must be non-negative ints, not {inner_shape!r}"
            )
        out.append(item)
    return tuple(out)


class NumpyForm(Form):
    __slots__ = ("_primitive", "_inner_shape")

    _layout_class = "NumpyArray"
    is_numpy = True
    is_leaf = True

    def __init__(self, primitive, inner_shape=(), *, parameters=None, form_key=None):
        name = type(self).__name__
        self._primitive = _check_primitive(name, primitive)
        self._inner_shape = _check_inner_shape(name, inner_shape)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, primitive, inner_shape=(), *, parameters=None, form_key=None):
        return cls(primitive, inner_shape, parameters=parameters, form_key=form_key)

    @property
    def primitive(self) -> str:
        return self._primitive

    @property
    def inner_shape(self) -> tuple[int, ...]:
        return self._inner_shape

    @property
    def itemsize(self) -> int:
        return primitive_to_dtype(self._primitive).itemsize

    def copy(
        self, primitive=UNSET, inner_shape=UNSET, *, parameters=UNSET, form_key=UNSET
    ) -> NumpyForm:
        return NumpyForm(
            self._primitive if primitive is UNSET else primitive,
            self._inner_shape if inner_shape is UNSET else inner_shape,
            **self._copy_common(parameters, form_key),
        )

    def to_RegularForm(self):
        """The same structure with each inner dimension as a RegularForm."""
        from awkward.forms.regularform import RegularForm

        out: Form = NumpyForm(self._primitive)
        for size in reversed(self._inner_shape):
            out = RegularForm(out, size)
        return out.copy(parameters=self._parameters, form_key=self._form_key)

    def _to_dict_part(self, verbose, toplevel):
        if (
            not verbose
            and not toplevel
            and not self._inner_shape
            and not self._parameters
            and self._form_key is None
        ):
            return self._primitive
        out = {"class": "NumpyArray", "primitive": self._primitive}
        if verbose or self._inner_shape:
            out["inner_shape"] = list(self._inner_shape)
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        args = [repr(self._primitive)]
        if self._inner_shape:
            args.append(f"inner_shape={self._inner_shape!r}")
        return args

    def _is_equal_to(self, other, all_parameters, form_key):
        return (
            self._same_node(other, all_parameters, form_key)
            and self._primitive == other._primitive
            and self._inner_shape == other._inner_shape
        )

    def _type(self):
        from awkward.types import NumpyType, RegularType

        if not self._inner_shape:
            return NumpyType(self._primitive, parameters=self._parameters)
        out = NumpyType(self._primitive)
        sizes = self._inner_shape
        for size in reversed(sizes[1:]):
            out = RegularType(out, size)
        # Parameters belong to the outermost dimension, as in awkward.
        return RegularType(out, sizes[0], parameters=self._parameters)

    def _walk_columns(self, path, list_indicator, out):
        out.append(path)

    def _walk_column_types(self, out):
        out.append(primitive_to_dtype(self._primitive))

    def _select(self, specs, prune):
        return self

    def _empty_selection(self):
        return self

    def _buffer_dtypes(self):
        return [("data", primitive_to_dtype(self._primitive))]

    @property
    def purelist_depth(self):
        return 1 + len(self._inner_shape)

    @property
    def purelist_isregular(self):
        return True

    @property
    def minmax_depth(self):
        depth = 1 + len(self._inner_shape)
        return (depth, depth)

    @property
    def branch_depth(self):
        return (False, 1 + len(self._inner_shape))
