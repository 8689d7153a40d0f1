"""ak.broadcast_fields: records of several arrays completed to the same set of fields."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward.contents.content import length_of
from awkward.operations._elementwise import is_string
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, positional_inputs

__all__ = ["broadcast_fields"]


@named_axis_op(inputs=positional_inputs)
def broadcast_fields(*arrays, highlevel=True, behavior=None, attrs=None):
    """Return the arrays with every record given the union of the fields that the records at
    the same record nesting have in all the arrays (in order of first appearance); a field an
    array lacks is added as all-missing (``?unknown``). Only fields are aligned: lists,
    lengths and options of the arrays are not broadcast against each other, and the added
    fields read no buffers."""
    # each output keeps its own input's behavior and attrs (explicit arguments win), as in 2.14
    contexts = [HighLevelContext(behavior, attrs) for _ in arrays]
    layouts = [ctx.unwrap(array, "broadcast_fields", allow_record=False) for array, ctx in zip(arrays, contexts)]
    outputs = _unify(layouts)
    return [ctx.wrap(x, highlevel) for x, ctx in zip(outputs, contexts)]


def _peel(layout):
    """(wrappers from the outside in, the first node that is a record or a leaf)."""
    wrappers = []
    node = layout
    while True:
        if node.is_union:
            raise TypeError("ak.broadcast_fields: unions are not supported")
        if is_string(node) or node.is_numpy or node.is_unknown or node.is_record:
            return wrappers, node
        wrappers.append(node)
        node = node.content


def _rewrap(wrappers, node):
    for wrapper in reversed(wrappers):
        node = wrapper.copy(content=node)
    return node


def _unify(layouts):
    peeled = [_peel(x) for x in layouts]
    nodes = [node for _, node in peeled]
    records = [node.is_record for node in nodes]
    if not any(records):
        return list(layouts)
    if not all(records):
        kinds = ", ".join("record" if r else type(n).__name__ for r, n in zip(records, nodes))
        raise ValueError(
            "ak.broadcast_fields: at the same record nesting, either every array must have records "
            f"or none may ({kinds})"
        )
    fields = []
    for node in nodes:
        for field in node.fields:
            if field not in fields:
                fields.append(field)
    per_field = {}
    for field in fields:
        having = [i for i, node in enumerate(nodes) if node.has_field(field)]
        unified = _unify([nodes[i].content(field) for i in having])
        per_field[field] = dict(zip(having, unified))
    same_fields = all(node.fields == fields for node in nodes)
    out = []
    for i, (wrappers, node) in enumerate(peeled):
        if same_fields:
            record = node.copy(contents=[per_field[f][i] for f in fields])
        else:
            from awkward.contents import RecordArray

            contents = [per_field[f][i] if i in per_field[f] else _missing(node) for f in fields]
            record = RecordArray(contents, list(fields), length_of(node), parameters=node._parameters, backend=node.backend)
        out.append(_rewrap(wrappers, record))
    return out


def _missing(record):
    from awkward.contents import EmptyArray, IndexedOptionArray
    from awkward.index import Index64

    nplike = record.backend.index_nplike
    index = Index64(nplike.full(length_of(record), -1, dtype=int64), nplike=nplike)
    return IndexedOptionArray(index, EmptyArray(backend=record.backend))
