"""Parquet read lazily: ``ak.from_parquet(..., virtual=True)``.

Opening reads the footers only (pyarrow.parquet.ParquetFile). The form comes from the Arrow
schema (``schema_to_form``, the form the eager reader gives with generate_bitmasks=True), with
a form key per node, and the array is built by ``layout_from_buffers`` (the engine of
ak.from_buffers) with a callable per buffer: every buffer is a VirtualNDArray, the length of
each file's piece comes from the row-group metadata, and caching (``cache=``) works as for
ak.from_buffers.

Touching a buffer reads only the Parquet leaf columns it needs, for that file's row groups:
the leaf itself for a number or string buffer; for the offsets, masks or indexes of a node
with several leaves below it (a list of records), the cheapest leaf below it (by compressed
size), since every leaf repeats its ancestors' structure. The columns read are converted by
the eager converter (``table_to_layout``) and the node's buffer taken from the result, so
lazy and eager reads agree. While a buffer is read its generator labels the open
materialization reports with the leaf columns and the compressed bytes of their chunks.

Several files (a directory, a list, a glob) give one piece per file, concatenated lazily
(``awkward._do.mergemany``: every buffer of the result reads the pieces' buffers on touch).
"""

from __future__ import annotations

import itertools

import numpy

from awkward._connect.pyarrow.extension_types import pyarrow
from awkward._connect.pyarrow.parquet import (
    open_parquet,
    row_group_plan,
    select_top_columns,
)
from awkward._connect.pyarrow.tables import schema_to_form, table_to_layout
from awkward._nplikes import materialization_report
from awkward._nplikes.virtual import materialize_if_virtual

__all__ = ["from_parquet_lazily"]

_CALLS = itertools.count()


# ---------------------------------------------------------------------- leaf columns
def _leaf_field_path(schema, dotted):
    """The record-field path (top column first) of a Parquet leaf column such as
    ``muons.list.item.pt``: list levels (two path components each) are skipped."""
    parts = dotted.split(".")
    index = schema.get_field_index(parts[0])
    if index < 0:
        return tuple(parts)
    arrow_type = schema.field(index).type
    out, i = [parts[0]], 1
    while i < len(parts):
        while True:
            if isinstance(arrow_type, pyarrow.ExtensionType):
                arrow_type = arrow_type.storage_type
            elif pyarrow.types.is_dictionary(arrow_type):
                arrow_type = arrow_type.value_type
            else:
                break
        if pyarrow.types.is_struct(arrow_type):
            at = arrow_type.get_field_index(parts[i])
            if at < 0:
                break
            out.append(parts[i])
            arrow_type = arrow_type.field(at).type
            i += 1
        elif pyarrow.types.is_map(arrow_type):
            i += 1  # the repeated "key_value" group, then key/value as record fields
            arrow_type = pyarrow.struct([arrow_type.key_field, arrow_type.item_field])
        elif (
            pyarrow.types.is_list(arrow_type)
            or pyarrow.types.is_large_list(arrow_type)
            or pyarrow.types.is_fixed_size_list(arrow_type)
        ):
            i += 2  # the repeated group ("list") and its element ("item"/"element")
            arrow_type = arrow_type.value_type
        else:
            break
    return tuple(out)


class _Node:
    """A form node: its class, the steps from the root to it, and its record-field path."""

    __slots__ = ("form", "steps", "path")

    def __init__(self, form, steps, path):
        self.form, self.steps, self.path = form, steps, path


def _keyed(form, steps, path, nodes):
    """A copy of ``form`` with a form key on every node, recorded in ``nodes``."""
    key = f"node{len(nodes)}"
    nodes[key] = _Node(form, steps, path)
    if form.is_record:
        # tuples' fields are the columns "0", "1", ... in Arrow; a tuple read in part has
        # only the fields with a leaf read, by position: the step keeps every field's path
        paths = [(*path, str(i) if form.is_tuple else f) for i, f in enumerate(form.fields)]
        contents = [
            _keyed(c, (*steps, ("field", (f, i, paths))), paths[i], nodes)
            for i, (f, c) in enumerate(zip(form.fields, form.contents))
        ]
        return form.copy(contents=contents, form_key=key)
    if form.is_union:
        contents = [
            _keyed(c, (*steps, ("index", i)), path, nodes) for i, c in enumerate(form.contents)
        ]
        return form.copy(contents=contents, form_key=key)
    content = getattr(form, "content", None)
    if content is not None:
        return form.copy(content=_keyed(content, (*steps, ("content", None)), path, nodes), form_key=key)
    return form.copy(form_key=key)


def _as_indexed_options(form):
    """The form with every BitMaskedForm (a nullable Arrow field) as an IndexedOptionForm.

    The index (from the bits, read with the column) tells from_buffers the content's length,
    and IndexedOptionArrays of records with option fields project and simplify cleanly."""
    from awkward.forms import IndexedOptionForm

    if form.is_record or form.is_union:
        return form.copy(contents=[_as_indexed_options(c) for c in form.contents])
    content = getattr(form, "content", None)
    if content is None:
        return form
    content = _as_indexed_options(content)
    if type(form).__name__ == "BitMaskedForm":
        return IndexedOptionForm("i64", content, parameters=form.parameters, form_key=form.form_key)
    return form.copy(content=content)


def _form_leaf_paths(form, path, out):
    """Field paths of the form's leaves (numbers, strings, empty arrays)."""
    if form.is_record:
        for i, (f, c) in enumerate(zip(form.fields, form.contents)):
            _form_leaf_paths(c, (*path, str(i) if form.is_tuple else f), out)
    elif form.is_union:
        for c in form.contents:
            _form_leaf_paths(c, path, out)
    elif getattr(form, "content", None) is not None and form.parameter("__array__") not in (
        "string",
        "bytestring",
    ):
        _form_leaf_paths(form.content, path, out)
    else:
        out.add(path)


# ---------------------------------------------------------------------- reading one buffer
def _rebased(node):
    """A list node whose offsets start at 0 (as from_buffers expects), same dtypes."""
    offsets = getattr(node, "offsets", None)
    if offsets is None:
        return node
    data = numpy.asarray(materialize_if_virtual(offsets.data))
    if len(data) == 0 or data[0] == 0:
        return node
    start = int(data[0])
    return node.copy(
        offsets=type(offsets)(data - data[0]),
        content=node.content[start:],
    )


def _step(node, kind, arg, leaf_paths):
    if kind == "field":
        field, i, paths = arg
        if not node.is_tuple and field in node.fields:
            return node.content(field)
        # the fields present are those with a leaf read below them, in the form's order
        present = [j for j, p in enumerate(paths) if any(lp[: len(p)] == p for lp in leaf_paths)]
        return node.content(present.index(i))
    if kind == "index":
        return node.content(arg)
    return _rebased(node).content if node.is_list else node.content


class _PieceReader:
    """The buffers of one file (its chosen row groups): a container for layout_from_buffers."""

    def __init__(self, parquet_file, path, groups, leaves, nodes, single, function):
        self.file = parquet_file
        self.path = path
        self.groups = groups
        self.leaves = leaves  # [(parquet column path, field path)]
        self.nodes = nodes
        self.single = single
        self.function = function
        meta = parquet_file.metadata
        columns = {meta.schema.column(i).path: i for i in range(meta.num_columns)}
        self.compressed = {
            leaf: sum(
                meta.row_group(g).column(columns[leaf]).total_compressed_size for g in groups
            )
            for leaf, _ in leaves
        }
        # buffers of other nodes that one read of the same leaves also gave (a leaf's option
        # index with its data, ...), kept until their own generator asks once
        self.stash: dict = {}
        self.same_leaves: dict = {}
        for form_key, other in nodes.items():
            for attribute in _ATTRIBUTES.get(type(other.form).__name__, ()):
                self.same_leaves.setdefault(tuple(self.columns_for(other)), []).append(
                    (form_key, other, attribute)
                )

    def __getitem__(self, key):
        form_key, attribute = key.rsplit("-", 1)
        node = self.nodes[form_key]
        return lambda: self.buffer(form_key, node, attribute)

    def buffer(self, form_key, node, attribute):
        """A buffer: kept from an earlier read of the same leaves, else read now."""
        kept = self.stash.pop((form_key, attribute), None)
        if kept is not None:
            return kept
        return self.read(node, attribute)

    def columns_for(self, node):
        """The leaf columns a buffer of ``node`` needs: its own leaf, or the cheapest below."""
        prefix = node.path if not self.single else ("", *node.path)
        below = [leaf for leaf, path in self.leaves if path[: len(prefix)] == prefix]
        if not below:
            below = [leaf for leaf, _ in self.leaves]
        if len(below) == 1 or node.form.is_numpy:
            return below[:1]
        return [min(below, key=lambda leaf: (self.compressed[leaf], leaf))]

    def read(self, node, attribute):
        leaves = self.columns_for(node)
        materialization_report.label(leaves, sum(self.compressed[leaf] for leaf in leaves))
        try:
            table = self.file.read_row_groups(self.groups, columns=leaves, use_threads=False)
        except (pyarrow.ArrowException, OSError) as err:
            raise ValueError(
                f"{self.function}: cannot read column(s) {leaves} of {self.path!r} "
                f"(corrupt or truncated?): {err}"
            ) from err
        table = table.replace_schema_metadata(self.file.schema_arrow.metadata)
        layout = table_to_layout(table, generate_bitmasks=True, pass_empty_field=True)
        read_paths = [path for leaf, path in self.leaves if leaf in leaves]
        if self.single:
            read_paths = [path[1:] for path in read_paths]
        out = self.extract(layout, node, attribute, read_paths)
        for form_key, other, other_attribute in self.same_leaves.get(tuple(leaves), ()):
            if other is not node or other_attribute != attribute:
                self.stash[form_key, other_attribute] = self.extract(
                    layout, other, other_attribute, read_paths
                )
        return out

    def extract(self, layout, node, attribute, read_paths):
        for kind, arg in node.steps:
            layout = _step(layout, kind, arg, read_paths)
        return _buffer(layout, node, attribute, self.function, self.path)


_ATTRIBUTES = {
    "NumpyForm": ("data",),
    "ListOffsetForm": ("offsets",),
    "ListForm": ("starts", "stops"),
    "IndexedOptionForm": ("index",),
    "IndexedForm": ("index",),
    "ByteMaskedForm": ("mask",),
    "BitMaskedForm": ("mask",),
    "UnionForm": ("tags", "index"),
}


def _buffer(layout, node, attribute, function, path):
    expected = type(node.form).__name__.replace("Form", "Array")
    if attribute == "index" and node.form.is_option and layout.is_option:
        # an IndexedOptionForm read as a BitMasked/ByteMasked/UnmaskedArray: positions or -1
        if type(layout).__name__ == "IndexedOptionArray":
            return numpy.asarray(materialize_if_virtual(layout.index.data), dtype=numpy.int64)
        valid = numpy.asarray(materialize_if_virtual(layout.mask_as_bool(valid_when=True)))
        return numpy.where(valid, numpy.arange(len(valid), dtype=numpy.int64), -1)
    if type(layout).__name__ != expected:
        raise ValueError(
            f"{function}: reading {path!r} lazily, a node read as {type(layout).__name__} where "
            f"the schema says {expected}"
        )
    if attribute == "data":
        return numpy.ascontiguousarray(materialize_if_virtual(layout.data))
    if attribute == "offsets":
        layout = _rebased(layout)
    return numpy.asarray(materialize_if_virtual(getattr(layout, attribute).data))


# ---------------------------------------------------------------------- the array
def from_parquet_lazily(path, columns, row_groups, storage_options, cache, cache_key, function):
    """The lazily read layout (see the module docstring)."""
    from awkward._backends import regularize_backend
    from awkward._do import mergemany
    from awkward.contents._from_buffers import layout_from_buffers

    source = open_parquet(path, function, storage_options)
    schema = source.schema
    single = list(schema.names) == [""]
    form = schema_to_form(schema, pass_empty_field=True)
    _, selected = select_top_columns(form, columns, function)
    selected = _as_indexed_options(selected)
    nodes: dict = {}
    keyed = _keyed(selected, (), (), nodes)
    wanted: set = set()
    _form_leaf_paths(selected, ("",) if single else (), wanted)

    plan = row_group_plan(source, row_groups, function)
    backend = regularize_backend("cpu")
    if cache_key is None and cache is not None:
        cache_key = f"ak.from_parquet:{next(_CALLS)}"
    pieces = []
    for i, groups in plan:
        parquet_file = source.files[i]
        meta = parquet_file.metadata
        groups = list(range(meta.num_row_groups)) if groups is None else list(groups)
        leaves = []
        for c in range(meta.num_columns):
            dotted = meta.schema.column(c).path
            field_path = _leaf_field_path(schema, dotted)
            if field_path in wanted:
                leaves.append((dotted, field_path))
        length = sum(meta.row_group(g).num_rows for g in groups)
        reader = _PieceReader(parquet_file, source.paths[i], groups, leaves, nodes, single, function)
        pieces.append(
            layout_from_buffers(
                keyed,
                length,
                reader,
                "{form_key}-{attribute}",
                backend,
                "<",
                False,
                True,
                cache=cache,
                cache_key=None if cache is None else f"{cache_key}/{i}",
            )
        )
    if not pieces:
        return keyed.length_zero_array()
    if len(pieces) == 1:
        return pieces[0]
    return mergemany(pieces)
