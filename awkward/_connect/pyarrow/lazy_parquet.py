"""Parquet read lazily: ``ak.from_parquet(..., virtual=True)``.

Opening reads the footers only (pyarrow.parquet.ParquetFile). The form comes from the Arrow
schema (``schema_to_form``, the form the eager reader gives with generate_bitmasks=True), with
a form key per node, and the array is built by ``layout_from_buffers`` (the engine of
ak.from_buffers) with a callable per buffer: every buffer is a VirtualNDArray, the length of
each file's piece comes from the row-group metadata, and caching (``cache=``) works as for
ak.from_buffers.

Touching a buffer reads only the Parquet leaf columns it needs, for that file's row groups:
the leaf itself for a number or string buffer; for the offsets, masks or indexes of a node
with several leaves below it (a list of records), any leaf below it, since every leaf repeats
its ancestors' structure: one already read, else one that a record projection named (the
leaf whose data comes next), else the cheapest (by compressed size). The columns read are converted by
the eager converter (``table_to_layout``) and the node's buffer taken from the result, so
lazy and eager reads agree. While a buffer is read its generator labels the open
materialization reports with the leaf columns and the compressed bytes of their chunks.

Several files (a directory, a list, a glob) give one piece per file, concatenated lazily
(``awkward._do.mergemany``: every buffer of the result reads the pieces' buffers on touch).
"""

from __future__ import annotations

import itertools
import threading

import numpy

from awkward._connect.pyarrow.extension_types import pyarrow
from awkward._connect.pyarrow.lazy_records import install_hints, lazy_record
from awkward._connect.pyarrow.parquet import (
    open_parquet,
    row_group_plan,
    select_top_columns,
)
from awkward._connect.pyarrow.schema import table_parameters
from awkward._connect.pyarrow.tables import schema_to_form, table_to_layout
from awkward._nplikes import materialization_report
from awkward._nplikes.identity import identity_index
from awkward._nplikes.virtual import materialize_if_virtual

__all__ = ["build_lazily", "from_parquet_lazily"]

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


class _Nodes(dict):
    """{form key: _Node} with ``groups``: [(form key, node, buffer attributes)] per top-level
    field (None: the root's nodes), computed once (the nodes are cached with the schema)."""

    groups = None


def _groups_of(nodes):
    groups = getattr(nodes, "groups", None)
    if groups is None:
        groups = {}
        for form_key, node in nodes.items():
            attributes = _ATTRIBUTES.get(type(node.form).__name__, ())
            if attributes:
                top = node.path[0] if node.path else None
                groups.setdefault(top, []).append((form_key, node, attributes))
        if isinstance(nodes, _Nodes):
            nodes.groups = groups
    return groups


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


def _as_indexed_options(form, null_free=frozenset(), path=()):
    """The form with every BitMaskedForm (a nullable Arrow field) as an IndexedOptionForm, or
    as an UnmaskedForm where the footer says that no leaf below has a null (``null_free``:
    the record-field paths of such nodes), which costs nothing to read or to project.

    The index (from the bits, read with the column) tells from_buffers the content's length,
    and IndexedOptionArrays of records with option fields project and simplify cleanly."""
    from awkward.forms import IndexedOptionForm, UnmaskedForm

    if form.is_record:
        paths = [(*path, str(i) if form.is_tuple else f) for i, f in enumerate(form.fields)]
        return form.copy(contents=[_as_indexed_options(c, null_free, p)
                                   for c, p in zip(form.contents, paths)])
    if form.is_union:
        return form.copy(contents=[_as_indexed_options(c, null_free, path)
                                   for c in form.contents])
    content = getattr(form, "content", None)
    if content is None:
        return form
    content = _as_indexed_options(content, null_free, path)
    if type(form).__name__ == "BitMaskedForm":
        if path in null_free:
            return UnmaskedForm(content, parameters=form.parameters, form_key=form.form_key)
        return IndexedOptionForm("i64", content, parameters=form.parameters, form_key=form.form_key)
    return form.copy(content=content)


def _null_free_paths(source, plan, field_paths, single):
    """Record-field paths (as _keyed counts them) below which every leaf column has a null
    count of 0 in the footer statistics of every row group read (Parquet counts an empty
    list as a null of the leaves below it, so this is conservative). ``field_paths``: per
    file of the plan, the record-field path of each leaf column."""
    seen, bad = set(), set()
    for (i, groups), paths in zip(plan, field_paths):
        meta = source.files[i].metadata
        chosen = range(meta.num_row_groups) if groups is None else groups
        row_groups = [meta.row_group(g) for g in chosen]
        for c, path in enumerate(paths):
            if single:
                path = path[1:]
            prefixes = [path[:k] for k in range(len(path) + 1)]
            seen.update(prefixes)
            if path in bad:
                continue
            for row_group in row_groups:
                stats = row_group.column(c).statistics
                if stats is None or not stats.has_null_count or stats.null_count != 0:
                    bad.update(prefixes)
                    break
    return seen - bad


# what is a pure function of a schema (forms, leaf paths) is computed once per schema:
# [(schema, key, value)], the most recent last
_BY_SCHEMA: list = []
_BY_SCHEMA_LOCK = threading.Lock()
_BY_SCHEMA_SIZE = 32


def _by_schema(schema, key, make):
    """``make()``, computed once for an equal schema (metadata included) and ``key``."""
    with _BY_SCHEMA_LOCK:
        for other, other_key, value in reversed(_BY_SCHEMA):
            if other_key == key and other.equals(schema, check_metadata=True):
                return value
    value = make()
    with _BY_SCHEMA_LOCK:
        _BY_SCHEMA.append((schema, key, value))
        del _BY_SCHEMA[:-_BY_SCHEMA_SIZE]
    return value


def _column_field_paths(schema, meta):
    """The record-field path of each leaf column of a file (``_leaf_field_path``)."""
    columns = meta.schema
    dotted = tuple(columns.column(c).path for c in range(meta.num_columns))
    return dotted, _by_schema(
        schema, ("paths", dotted), lambda: [_leaf_field_path(schema, d) for d in dotted]
    )


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


def table_parameters_of(metadata):
    """``table_parameters`` of a schema with this metadata (the ``ak:parameters`` entry)."""
    return table_parameters(pyarrow.schema([], metadata=metadata))


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
        present = [j for j, p in enumerate(paths)
                   if any(lp[: len(p)] == p or p[: len(lp)] == lp for lp in leaf_paths)]
        return node.content(present.index(i))
    if kind == "index":
        return node.content(arg)
    return _rebased(node).content if node.is_list else node.content


class _PieceReader:
    """The buffers of one file (its chosen row groups): a container for layout_from_buffers.

    ``read_columns(leaves) -> pyarrow.Table`` reads leaf columns (Parquet column paths, or a
    Feather file's top-level columns); ``leaves`` is [(column, record-field path)] and
    ``sizes`` the bytes each column costs to read (for choosing the cheapest one).

    A structure buffer (offsets, an option's index) of a node with several leaves below can
    come from any of them (every leaf carries its ancestors' offsets and validity): it is
    taken from a read already made of one of them, else read with a leaf that a record
    projection named (``hinted``: ``e.muons.pt`` names ``muons.pt``, whose data will be
    asked next), else with the cheapest leaf. So touching N leaves reads N leaves."""

    def __init__(self, read_columns, path, leaves, sizes, nodes, single, function, metadata):
        self.read_columns = read_columns
        self.path = path
        self.leaves = leaves
        self.nodes = nodes
        self.single = single
        self.function = function
        self.metadata = metadata
        self.compressed = sizes
        self._below = None
        self._eligible: dict = {}
        # reads kept until every buffer they give has been asked for once: [leaves, layout,
        # read paths, {(form key, attribute) not served yet}]
        self.kept: list = []
        self.served: set = set()
        self.hinted: set = set()  # record-field paths (this reader's convention) projected
        self.lock = threading.Lock()
        self.constants: set = set()  # leaves read from no file (partition columns)

    @property
    def below(self):
        """{record-field path: the leaves below it} (made on the first read, not at opening);
        a leaf whose path is a prefix of a node's (a Feather column holding nested nodes)
        serves that node (``own``)."""
        if self._below is None:
            below: dict = {}
            for leaf, path in self.leaves:
                for k in range(len(path) + 1):
                    below.setdefault(path[:k], []).append(leaf)
            self.own = {path: leaf for leaf, path in self.leaves}
            self.leaf_path = {leaf: path for leaf, path in self.leaves}
            self._below = below
        return self._below

    def __getitem__(self, key):
        form_key, attribute = key.rsplit("-", 1)
        node = self.nodes[form_key]
        return lambda: self.buffer(form_key, node, attribute)

    def buffer(self, form_key, node, attribute):
        """A buffer: from a kept read that gives it, else read now."""
        key = (form_key, attribute)
        with self.lock:
            found = next((entry for entry in self.kept if key in entry[3]), None)
            if found is not None:
                self._served(key)
        if found is not None:
            return self.extract(found[1], node, attribute, found[2])
        return self.read(form_key, node, attribute)

    def _served(self, key):
        """(under the lock) ``key`` was given: no kept read waits for it any more."""
        self.served.add(key)
        for entry in self.kept:
            entry[3].discard(key)
        self.kept = [entry for entry in self.kept if entry[3]]

    def eligible(self, node):
        """(leaves whose read gives the node's buffers, fixed): fixed when one given set of
        leaves must be read (a leaf's own column, or the columns an option-of-record table
        takes its validity from), else any one of the leaves serves."""
        out = self._eligible.get(id(node))
        if out is None:
            out = self._eligible[id(node)] = self._compute_eligible(node)
        return out

    def _compute_eligible(self, node):
        prefix = self._prefix(node)
        below = self.below.get(prefix)
        if below is None:
            above = [self.own[prefix[:k]] for k in range(len(prefix)) if prefix[:k] in self.own]
            below = above or [leaf for leaf, _ in self.leaves]
        if len(below) == 1 or node.form.is_numpy:
            return below[:1], True
        below = [leaf for leaf in below if leaf not in self.constants] or below
        if prefix == () and node.form.is_option:
            return self._record_validity_columns(below), True
        return below, False

    def _prefix(self, node):
        return node.path if not self.single else ("", *node.path)

    def columns_for(self, node):
        """The leaf columns to read for a buffer of ``node``: its fixed leaves, else the
        cheapest of the leaves below the most deeply projected (hinted) fields below it
        (``e.rec.a.c`` names rec, rec.a and rec.a.c: c's leaf), else the cheapest below."""
        leaves, fixed = self.eligible(node)
        if fixed:
            return leaves
        depth = deepest = len(self._prefix(node))
        hinted, chosen = self.hinted, leaves
        if hinted:
            for leaf in leaves:
                path = self.leaf_path[leaf]
                k = next((k for k in range(len(path), depth, -1) if path[:k] in hinted), 0)
                if k > deepest:
                    deepest, chosen = k, [leaf]
                elif k == deepest > depth:
                    chosen.append(leaf)
        return [min(chosen, key=lambda leaf: (self.compressed[leaf], leaf))]

    def gives(self, leaves):
        """The (form key, attribute) of every buffer that a read of ``leaves`` gives: those
        of the nodes under the same top-level field (or the root's) that it can serve."""
        groups = _groups_of(self.nodes)
        out = set()
        for top in {self._top(leaf) for leaf in leaves} | {None}:
            for form_key, node, attributes in groups.get(top, ()):
                eligible, fixed = self.eligible(node)
                if (list(leaves) == eligible) if fixed and len(eligible) > 1 else any(
                        leaf in eligible for leaf in leaves):
                    out.update((form_key, attribute) for attribute in attributes)
        return out

    def _top(self, leaf):
        path = self.leaf_path[leaf][1:] if self.single else self.leaf_path[leaf]
        return path[0] if path else None

    def _record_validity_columns(self, below):
        """The leaves that give an option-of-record table its validity (as table_to_layout
        computes it): the cheapest leaf of the columns that are options only through the
        record, or, when every column is an option itself, the cheapest leaf of each."""
        optiontype, _ = table_parameters_of(self.metadata)
        top = {leaf: path[0] for leaf, path in self.leaves}
        pushed = [leaf for leaf in below if optiontype is None or top[leaf] not in optiontype]
        cost = lambda leaf: (self.compressed[leaf], leaf)  # noqa: E731
        if pushed:
            return [min(pushed, key=cost)]
        cheapest: dict = {}
        for leaf in sorted(below, key=cost):
            cheapest.setdefault(top[leaf], leaf)
        return sorted(cheapest.values())

    def read(self, form_key, node, attribute):
        leaves = self.columns_for(node)
        materialization_report.label(leaves, sum(self.compressed[leaf] for leaf in leaves))
        try:
            table = self.read_columns(leaves)
        except (pyarrow.ArrowException, OSError) as err:
            raise ValueError(
                f"{self.function}: cannot read column(s) {leaves} of {self.path!r} "
                f"(corrupt or truncated?): {err}"
            ) from err
        table = table.replace_schema_metadata(self.metadata)
        layout = table_to_layout(table, generate_bitmasks=True, pass_empty_field=True)
        read_paths = [path for leaf, path in self.leaves if leaf in leaves]
        if self.single:
            read_paths = [path[1:] for path in read_paths]
        out = self.extract(layout, node, attribute, read_paths)
        with self.lock:
            self._served((form_key, attribute))
            pending = self.gives(leaves) - self.served
            if pending:
                self.kept.append([tuple(leaves), layout, read_paths, pending])
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
        if type(layout).__name__ == "UnmaskedArray":
            return identity_index(len(layout))
        valid = numpy.asarray(materialize_if_virtual(layout.mask_as_bool(valid_when=True)))
        if valid.all():  # nothing missing (the common case): a shared 0, 1, 2, ...
            return identity_index(len(valid))
        index = numpy.arange(len(valid), dtype=numpy.int64)
        index[~valid] = -1
        return index
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
class _ColumnSizes(dict):
    """Compressed bytes of a file's leaf columns in the chosen row groups (from the footer,
    looked up on first use)."""

    def __init__(self, meta, groups, dotted):
        super().__init__()
        self.meta, self.groups = meta, groups
        self.index = {path: i for i, path in enumerate(dotted)}

    def __missing__(self, leaf):
        c = self.index[leaf]
        out = self[leaf] = sum(
            self.meta.row_group(g).column(c).total_compressed_size for g in self.groups
        )
        return out


def from_parquet_lazily(path, columns, row_groups, storage_options, cache, cache_key, function,
                        partitions=None):
    """The lazily read layout (see the module docstring). ``partitions``: (pyarrow fields,
    [{name: value} per file]) for a partitioned dataset's columns, which become fields after
    the files' own columns, each a constant per file (made on first touch, read from no file)."""
    source = open_parquet(path, function, storage_options)
    schema = source.schema
    if partitions is not None:
        for field in partitions[0]:
            schema = schema.append(field)
    single = list(schema.names) == [""]
    plan = row_group_plan(source, row_groups, function)
    columns_of = [_column_field_paths(schema, source.files[i].metadata) for i, _ in plan]
    null_free = frozenset(_null_free_paths(source, plan, [p for _, p in columns_of], single))

    def shape():
        form = schema_to_form(schema, pass_empty_field=True)
        _, selected = select_top_columns(form, columns, function)
        selected = _as_indexed_options(selected, null_free)
        nodes = _Nodes()
        keyed = _keyed(selected, (), (), nodes)
        wanted: set = set()
        _form_leaf_paths(selected, ("",) if single else (), wanted)
        return keyed, nodes, wanted

    keyed, nodes, wanted = _by_schema(schema, ("form", repr(columns), null_free), shape)

    pieces = []
    for (i, groups), (dotted, field_paths) in zip(plan, columns_of):
        parquet_file = source.files[i]
        meta = parquet_file.metadata
        groups = list(range(meta.num_row_groups)) if groups is None else list(groups)
        leaves = [(d, p) for d, p in zip(dotted, field_paths) if p in wanted]
        length = sum(meta.row_group(g).num_rows for g in groups)
        sizes = _ColumnSizes(meta, groups, dotted)

        def read_columns(leaves, parquet_file=parquet_file, groups=groups):
            return parquet_file.read_row_groups(groups, columns=leaves, use_threads=False)

        reader_constants: set = set()
        if partitions is not None:
            read_columns = _with_partitions(read_columns, partitions[0], partitions[1][i], length)
            for field in partitions[0]:
                if (field.name,) in wanted:
                    leaves.append((field.name, (field.name,)))
                    sizes[field.name] = 0
                    reader_constants.add(field.name)
        reader = _PieceReader(read_columns, source.paths[i], leaves, sizes, nodes, single,
                              function, schema.metadata)
        reader.constants = reader_constants  # a record's structure never comes from these
        pieces.append((length, reader))
    return build_lazily(keyed, pieces, cache, cache_key, "ak.from_parquet")


def _with_partitions(read_columns, fields, values, length):
    """``read_columns`` that also gives a partition column: its file's value, repeated."""
    by_name = {field.name: field for field in fields}

    def read(leaves):
        mine = [leaf for leaf in leaves if leaf in by_name]
        if not mine:
            return read_columns(leaves)
        if len(mine) != len(leaves):
            raise AssertionError("partition and file columns are never read together")
        arrays = [pyarrow.repeat(pyarrow.scalar(values.get(n), by_name[n].type), length)
                  for n in mine]
        return pyarrow.Table.from_arrays(arrays, schema=pyarrow.schema([by_name[n] for n in mine]))

    return read


def build_lazily(keyed, pieces, cache, cache_key, prefix):
    """The layout of ``keyed`` (a form keyed by _keyed) over pieces [(length, reader)]: one
    from_buffers layout per piece, joined lazily."""
    from awkward._backends import regularize_backend
    from awkward._do import mergemany
    from awkward.contents._from_buffers import layout_from_buffers

    backend = regularize_backend("cpu")
    if cache_key is None and cache is not None:
        cache_key = f"{prefix}:{next(_CALLS)}"
    hinted: set = set()  # the fields projected from the result, shared by its pieces

    def build(form, length, reader, i):
        return layout_from_buffers(
            form, length, reader, "{form_key}-{attribute}", backend, "<", False, True,
            cache=cache, cache_key=None if cache is None else f"{cache_key}/{i}")

    for _, reader in pieces:
        reader.hinted = hinted
    if len(pieces) == 1 and keyed.is_record and len(keyed.contents) > 1:
        return lazy_record(keyed, pieces[0][0], pieces[0][1], build, backend)
    layouts = [build(keyed, length, reader, i) for i, (length, reader) in enumerate(pieces)]
    if not layouts:
        return keyed.length_zero_array()
    out = layouts[0] if len(layouts) == 1 else mergemany(layouts)
    install_hints(out, pieces[0][1])
    return out
