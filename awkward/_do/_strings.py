"""ak.str: string functions applied through pyarrow.compute at every string node of a layout.

A string node is a list marked ``__array__="string"`` or ``"bytestring"``. The walk
(recursively_apply) finds them at any depth of lists, options, records and unions; each one is
handed to pyarrow as a large_string/large_binary array over its own offsets and characters
(awkward/_connect/pyarrow_strings.py) and pyarrow's result replaces it. Options above a string
node stay as they are (their masks are not read), so only that node's offsets and characters are
read. ``is_in``, ``index_in`` and ``to_categorical`` look at the missing values themselves: for
them an option-of-strings node goes to pyarrow with its nulls.

Each function names a pyarrow kernel for strings (``utf8``) and one for bytestrings
(``ascii``); a kernel that pyarrow defines only for text (``ascii_upper`` ...) sees the bytes
as text without validation, and its string results come back as bytestrings, as in 2.14.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply

__all__ = [
    "string_kind",
    "string_compute",
    "string_compute_lists",
    "string_broadcast_compute",
    "string_value_set",
]

_KINDS = ("string", "bytestring")

# pyarrow kernels that take only text: bytestrings are viewed as text for them
_TEXT_ONLY_PREFIXES = ("ascii_", "utf8_", "string_is_ascii")


def string_kind(layout):
    """ "string", "bytestring" or None (parameters only; reads nothing)."""
    if layout.is_list:
        kind = layout.parameter("__array__")
        if kind in _KINDS:
            return kind
    return None


def _option_of_strings(layout):
    return layout.is_option and string_kind(layout.content) is not None


def _connect():
    from awkward._connect import pyarrow_strings

    return pyarrow_strings


def _is_traced(node) -> bool:
    return not node.backend.nplike.known_data


def _traced(node, compute_sample):
    """The typetracer path (pyarrow cannot run on tracers): read what the eager run reads (the
    string node's offsets and characters), run the kernel on an empty node of the same form,
    and give a tracer of that result's form with unknown lengths."""
    _touch_strings(node)
    return _traced_result(compute_sample(node.form.length_zero_array()))


def _traced_result(sample):
    """A tracer (unknown length, no buffers read) of the form of ``sample``, an eager result."""
    from awkward.contents._typetracer import layout_from_form

    return layout_from_form(sample.form, lambda form, attribute: None, None)


def _touch_strings(node):
    """Read a string node's offsets (or starts and stops) and characters, as pyarrow's input."""
    from awkward.contents.content import concrete

    packed = node if hasattr(node, "_offsets") else node.to_ListOffsetArray64(False)
    concrete(packed.offsets.data, packed.content.data)


def _touch_option_of_strings(node):
    """Read what an option-of-strings node gives pyarrow: its mask or index (an indexed content's
    index too), then the strings."""
    from awkward.contents.content import concrete

    concrete(node.to_IndexedOptionArray64().index.data)
    content = node.content.project() if node.content.is_indexed else node.content
    _touch_strings(content)


def _touch_lists_of_strings(node):
    """Read a list-of-strings node as pyarrow's large_list input: its offsets and its strings."""
    from awkward.contents.content import concrete

    packed = node if hasattr(node, "_offsets") else node.to_ListOffsetArray64(False)
    concrete(packed.offsets.data)
    _touch_input(packed.content, "string?")


def _touch_input(node, kind):
    """Read what the eager run reads of one input of ``string_broadcast_compute``."""
    from awkward.contents.content import concrete

    if isinstance(node, (str, bytes)):
        return
    if kind == "list":
        _touch_lists_of_strings(node)
    elif kind == "number":
        concrete(node.data)
    elif _option_of_strings(node):
        _touch_option_of_strings(node)
    else:
        _touch_strings(node)


def _kernel(function, kind, utf8, ascii):
    name = utf8 if kind == "string" else ascii
    pa, pc = _connect().import_pyarrow_compute(f"ak.str.{function}")
    return name, getattr(pc, name)


def _to_arrow(node, kind, kernel_name, valid=None):
    as_text = kind == "bytestring" and kernel_name.startswith(_TEXT_ONLY_PREFIXES)
    return _connect().string_to_arrow(node, valid, as_text=as_text)


def string_compute(
    layout,
    function,
    utf8,
    ascii=None,
    *args,
    with_options=False,
    force_option=False,
    ignore_nulls=False,
    prepare=None,
    option_stays_option=False,
    **kwargs,
):
    """Apply the pyarrow kernel ``utf8`` (strings) or ``ascii`` (bytestrings; default: the
    same name) to every string node of ``layout``; extra arguments go to the kernel.
    ``with_options``: option-of-strings nodes go to pyarrow with their nulls.
    ``prepare(kind)`` may return (args, kwargs) adapted to the node's kind (pattern types).
    ``option_stays_option``: an option-of-strings node gives an option result even without
    missing values (to_categorical)."""
    ascii = utf8 if ascii is None else ascii
    connect = _connect()

    def compute(node, kind, valid):
        name, kernel = _kernel(function, kind, utf8, ascii)
        a, kw = prepare(kind) if prepare is not None else (args, kwargs)
        result = kernel(_to_arrow(node, kind, name, valid), *a, **kw)
        return connect.arrow_to_layout(
            result,
            kind=kind,
            # an option in gives an option out, missing values or not (2.14's forms)
            force_option=force_option or (valid is not None and option_stays_option),
            ignore_nulls=ignore_nulls,
        )

    def compute_option(node):
        filled, valid = connect.option_of_strings(node)
        return compute(filled, string_kind(node.content), valid)

    def action(node, **_):
        kind = string_kind(node)
        if kind is not None:
            if _is_traced(node):
                return _traced(node, lambda sample: compute(sample, kind, None))
            return compute(node, kind, None)
        if with_options and _option_of_strings(node):
            if _is_traced(node):
                _touch_option_of_strings(node)
                return _traced_result(compute_option(node.form.length_zero_array()))
            return compute_option(node)
        return None

    return recursively_apply(layout, action, function_name=f"ak.str.{function}")


def string_compute_lists(layout, function, kernel_name, separator):
    """``join``: each list of strings (a list node whose content is strings, possibly missing)
    becomes one string, joined with ``separator`` (a str/bytes scalar)."""
    connect = _connect()
    pa, pc = connect.import_pyarrow_compute(f"ak.str.{function}")
    kernel = getattr(pc, kernel_name)

    def compute(node, kind):
        arrow_lists = connect.list_of_strings_to_arrow(node)
        sep = connect.arrow_scalar(separator, kind)
        return connect.joined_to_layout(kernel(arrow_lists, sep), kind)

    def action(node, **_):
        kind = _list_of_strings_kind(node)
        if kind is None:
            return None
        if _is_traced(node):
            _touch_lists_of_strings(node)
            return _traced_result(compute(node.form.length_zero_array(), kind))
        return compute(node, kind)

    return recursively_apply(layout, action, function_name=f"ak.str.{function}")


def _list_of_strings_kind(node):
    if not node.is_list or string_kind(node) is not None:
        return None
    content = node.content
    if content.is_option:
        content = content.content
    return string_kind(content)


def string_broadcast_compute(layouts, function, compute, *, kinds):
    """Broadcast ``layouts`` (strings as atoms) and call ``compute(nodes, kinds, connect)`` where
    input ``i`` reaches a node of kind ``kinds[i]``: "string" (a string node, or a str/bytes
    scalar), "string?" (a string node or an option of one), "list" (a list of strings) or
    "number" (a NumpyArray). Returns the one output
    layout."""
    from awkward._broadcasting import broadcast_and_apply
    from awkward.contents.content import Content

    connect = _connect()
    connect.import_pyarrow_compute(f"ak.str.{function}")

    def reached(node, kind):
        if isinstance(node, (str, bytes)):
            return kind == "string"
        if kind == "string":
            return string_kind(node) is not None
        if kind == "string?":
            return string_kind(node) is not None or _option_of_strings(node)
        if kind == "list":
            return _list_of_strings_kind(node) is not None
        return node.is_numpy

    def action(inputs, **_):
        if all(reached(x, k) for x, k in zip(inputs, kinds)):
            if any(isinstance(x, Content) and _is_traced(x) for x in inputs):
                for x, k in zip(inputs, kinds):
                    _touch_input(x, k)
                samples = [
                    x.form.length_zero_array() if isinstance(x, Content) else x for x in inputs
                ]
                return (_traced_result(compute(samples, connect)),)
            return (compute(inputs, connect),)
        return None

    (out,) = broadcast_and_apply(list(layouts), action, function_name=f"ak.str.{function}")
    return out


def string_value_set(layout, kind):
    """A 1-d array of (possibly missing) strings as a pyarrow array of ``kind``, or a
    TypeError (2.14's message)."""
    node = layout.content if (layout.is_option or layout.is_indexed) else layout
    if string_kind(node) is None:
        raise TypeError("`value_set` must be 1D array of (possibly missing) strings")
    return _connect().value_set_to_arrow(layout, kind)
