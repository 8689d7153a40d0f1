"""Adding, replacing and removing record fields (ak.with_field, ak.without_field, and
ak.Array's ``array[field] = value`` / ``del array[field]``).

A new field is broadcast against the array down to its outermost records with
``broadcast_shared``: a value that shares the array's structure (``events.jets.pt * 2`` set into
``events.jets``) or a scalar goes in without reading a buffer; a value of lower depth is repeated
into the lists, one of greater depth becomes a list field. Removing a field rebuilds only the
nodes above the records (``recursively_apply``) and reads nothing.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._lockstep import broadcast_shared, is_string_like
from awkward._do._zip import scalar_column
from awkward.contents.content import Content
from awkward.errors import FieldNotFoundError
from awkward.record import Record

__all__ = ["field_path", "with_field", "without_field"]


def field_path(where, function_name, *, allow_none=False):
    """``where`` as a tuple of field names (None stays None when ``allow_none``)."""
    if where is None and allow_none:
        return None
    if isinstance(where, str):
        return (where,)
    if isinstance(where, (tuple, list)) and all(isinstance(x, str) for x in where):
        if not where:
            raise ValueError(f"{function_name}: 'where' must name at least one field, not {where!r}")
        return tuple(where)
    if allow_none:
        raise TypeError(
            f"{function_name}: new fields may only be assigned by field name(s) (a str or a "
            f"sequence of str) or as a new integer slot by passing None for 'where', not {where!r}"
        )
    raise TypeError(
        f"{function_name}: field names must be given as a single string, or a sequence of "
        f"strings, not {where!r}"
    )


def _missing(field, fields, function_name):
    return FieldNotFoundError(
        f"{function_name}: no field {field!r} in record with {len(fields)} fields {list(fields)!r}"
    )


# ---------------------------------------------------------------------- with_field
def with_field(base, what, path, function_name="ak.with_field"):
    """``base`` (a Content or a layout Record) with field ``path`` (a tuple of names, or None
    for a new positional slot) set to ``what`` (a Content or a scalar)."""
    if isinstance(base, Record):
        one = base.array._getitem_range(base.at, base.at + 1)
        if isinstance(what, Content):
            from awkward.contents import RegularArray

            what = RegularArray(what, len(what), zeros_length=1)
        return Record(with_field(one, what, path, function_name), 0)
    if path is not None and len(path) > 1:
        head = path[0]
        if head not in base.fields:
            raise _missing(head, base.fields, function_name)
        inner = with_field(base._getitem_field(head), what, path[1:], function_name)
        return _set_field(base, inner, head, function_name)
    return _set_field(base, what, None if path is None else path[0], function_name)


def _set_field(base, what, field, function_name):
    def action(inputs, *, depth, backend):
        node, value = inputs
        if node.is_record:
            return (_record_with(node, value, field, backend),)
        if node.is_numpy or node.is_unknown or is_string_like(node):
            raise ValueError(f"{function_name}: no tuples or records in array; cannot add a new field")
        return None

    (out,) = broadcast_shared(
        [base, what], action, function_name=function_name, broadcast_parameters_rule="intersect"
    )
    return out


def _record_with(record, value, field, backend):
    """``record`` (a RecordArray) with ``field`` replaced or appended (None: a new slot)."""
    from awkward.contents import RecordArray

    length = record.length
    if not isinstance(value, Content):
        value = scalar_column(value, len(record), backend)
    contents = list(record.contents)
    if field is None:
        fields = None if record.is_tuple else [*record.fields, str(len(contents))]
        contents.append(value)
    else:
        fields = list(record.fields)
        if field in fields:
            contents[fields.index(field)] = value
        else:
            fields.append(field)
            contents.append(value)
    generator = None if isinstance(length, int) else (lambda: len(record))
    return RecordArray(contents, fields, length, generator, parameters=record._parameters, backend=backend)


# ---------------------------------------------------------------------- without_field
def without_field(base, path, function_name="ak.without_field"):
    """``base`` (a Content or a layout Record) without field ``path`` (a tuple of names) in
    its outermost records; arrays without records come back unchanged."""
    if isinstance(base, Record):
        return Record(without_field(base.array, path, function_name), base.at)
    head, rest = path[0], path[1:]

    def action(layout, **kwargs):
        if not layout.is_record:
            return None
        from awkward.contents import RecordArray

        fields = layout.fields
        if head not in fields:
            raise _missing(head, fields, function_name)
        at = fields.index(head)
        contents = list(layout.contents)
        names = None if layout.is_tuple else list(fields)
        if rest:
            contents[at] = without_field(contents[at], rest, function_name)
        else:
            del contents[at]
            if names is not None:
                del names[at]
        length = layout.length
        generator = None if isinstance(length, int) else (lambda: len(layout))
        return RecordArray(
            contents, names, length, generator, parameters=layout._parameters, backend=layout.backend
        )

    return recursively_apply(base, action, function_name=function_name)
