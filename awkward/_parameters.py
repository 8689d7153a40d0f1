"""Helpers for layout/form/type parameter dicts.

Parameters are small JSON-like mappings attached to contents, forms and types
(e.g. ``{"__array__": "string"}``). ``None`` and ``{}`` mean the same thing
everywhere: "no parameters". These helpers are pure Python (no nplike import)
so that every layer may use them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "TYPE_PARAMETERS",
    "ONLY_ARRAY_RECORD",
    "validate_parameters",
    "copy_parameters",
    "parameters_are_empty",
    "parameters_are_equal",
    "type_parameters_equal",
    "parameters_union",
    "parameters_intersect",
    "parameters_without",
    "parameter_of",
    "parameters_repr",
]

# Keys that change how a type is named or behaves; every other parameter is just
# carried along. Type equality (without all_parameters) compares only these.
TYPE_PARAMETERS = ("__array__", "__list__", "__record__", "__categorical__")
ONLY_ARRAY_RECORD = ("__array__", "__record__")

_JSON_SCALARS = (str, int, float, bool, type(None))


def _check_json_value(value: Any, where: str) -> None:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"parameter {where} is {value!r}, which is not JSON-serializable")
        return
    if isinstance(value, _JSON_SCALARS):
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(
                    f"parameter {where} contains a mapping key {k!r}; JSON keys must be str"
                )
            _check_json_value(v, f"{where}[{k!r}]")
        return
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _check_json_value(v, f"{where}[{i}]")
        return
    raise TypeError(
        f"parameter {where} has type {type(value).__name__}, which is not JSON-serializable"
    )


def _deep_copy_json(value: Any) -> Any:
    # tuples become lists: that is how the value would come back from JSON.
    if isinstance(value, Mapping):
        return {k: _deep_copy_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_deep_copy_json(v) for v in value]
    return value


def validate_parameters(parameters: Any) -> None:
    """Raise TypeError unless `parameters` is None or a str-keyed JSON-serializable mapping."""
    if parameters is None:
        return
    if not isinstance(parameters, Mapping):
        raise TypeError(
            f"parameters must be None or a dict with str keys and JSON values, "
            f"not {type(parameters).__name__}: {parameters!r}"
        )
    for key, value in parameters.items():
        if not isinstance(key, str):
            raise TypeError(f"parameter keys must be str, not {type(key).__name__}: {key!r}")
        _check_json_value(value, repr(key))


def copy_parameters(parameters: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Validate and copy (deeply) a parameters mapping; returns None for None or empty."""
    validate_parameters(parameters)
    if not parameters:
        return None
    return {k: _deep_copy_json(v) for k, v in parameters.items()}


def parameters_are_empty(parameters: Mapping[str, Any] | None) -> bool:
    """True for None, {} and mappings whose values are all None (absent == None)."""
    if parameters is None:
        return True
    return all(v is None for v in parameters.values())


def parameter_of(parameters: Mapping[str, Any] | None, key: str) -> Any:
    if parameters is None:
        return None
    return parameters.get(key)


def _canonical(value: Any) -> Any:
    # Compare as JSON would: tuples and lists are the same thing.
    if isinstance(value, Mapping):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def _values_equal(a: Any, b: Any) -> bool:
    return _canonical(a) == _canonical(b)


def _compare_keys(
    one: Mapping[str, Any] | None, two: Mapping[str, Any] | None, keys: Iterable[str] | None
) -> bool:
    one = one or {}
    two = two or {}
    if keys is None:
        keys = set(one) | set(two)
    # A key absent on one side equals a key whose value is None on the other.
    return all(_values_equal(one.get(k), two.get(k)) for k in keys)


def parameters_are_equal(
    one: Mapping[str, Any] | None,
    two: Mapping[str, Any] | None,
    only_array_record: bool = False,
) -> bool:
    """Equality of parameter dicts, treating None/{} (and missing/None values) alike.

    With ``only_array_record=True`` only ``__array__`` and ``__record__`` are compared.
    """
    if one is two:
        return True
    return _compare_keys(one, two, ONLY_ARRAY_RECORD if only_array_record else None)


def type_parameters_equal(one: Mapping[str, Any] | None, two: Mapping[str, Any] | None) -> bool:
    """Equality restricted to the parameters that affect a type's identity (TYPE_PARAMETERS)."""
    if one is two:
        return True
    return _compare_keys(one, two, TYPE_PARAMETERS)


def parameters_union(
    one: Mapping[str, Any] | None,
    two: Mapping[str, Any] | None,
    *,
    exclude: Iterable[str] = (),
) -> dict[str, Any] | None:
    """All keys of both; where both have a key, `two`'s value wins. None if empty."""
    exclude = set(exclude)
    out: dict[str, Any] = {}
    for source in (one, two):
        if source:
            for k, v in source.items():
                if k not in exclude and v is not None:
                    out[k] = v
    return out or None


def parameters_intersect(
    one: Mapping[str, Any] | None,
    two: Mapping[str, Any] | None,
    *,
    exclude: Iterable[str] = (),
) -> dict[str, Any] | None:
    """Keys present in both with equal values (order of `one`). None if empty."""
    if not one or not two:
        return None
    exclude = set(exclude)
    out = {
        k: v
        for k, v in one.items()
        if k not in exclude and v is not None and k in two and _values_equal(v, two[k])
    }
    return out or None


def parameters_without(
    parameters: Mapping[str, Any] | None, keys: Iterable[str]
) -> dict[str, Any] | None:
    """A copy without `keys`; None if nothing is left."""
    if not parameters:
        return None
    keys = set(keys)
    out = {k: v for k, v in parameters.items() if k not in keys}
    return out or None


def parameters_repr(parameters: Mapping[str, Any] | None) -> str:
    """JSON text of the parameters as types print them, e.g. '{"foo": 1}'."""
    return json.dumps(dict(parameters or {}))
