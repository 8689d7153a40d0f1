"""Forms and buffers written by awkward 1 load in ak.forms.from_dict and ak.from_buffers, and
round-trip; awkward 1 names that awkward 2 renamed or removed say what replaces them.

awkward 1 wrote class names with index widths (ListOffsetArray64, ListArrayU32,
IndexedOptionArray64, UnionArray8_64), NumpyArray with a buffer-protocol ``format`` and an
``itemsize`` (``primitive`` too in later versions), records as a dict of contents (tuples as a
list), ``has_identities``, ``form_key`` ``node<i>`` and buffers named ``part0-node<i>-<attr>``.
The awkward-1 dialect is produced here from a form by a pure-Python translation."""

import json
import pathlib
import pickle
import re

import numpy as np
import pytest

import awkward as ak
from tests._structure_layouts import LAYOUTS

WIDTH_SUFFIX = {"i64": "64", "i32": "32", "u32": "U32"}
FORMATS = {
    "float64": ("d", 8),
    "float32": ("f", 4),
    "int64": ("l", 8),
    "int32": ("i", 4),
    "uint32": ("I", 4),
    "int16": ("h", 2),
    "uint16": ("H", 2),
    "int8": ("b", 1),
    "uint8": ("B", 1),
    "bool": ("?", 1),
    "complex128": ("Zd", 16),
    "datetime64[s]": ("M8[s]", 8),
}


def to_awkward1(form, *, primitive=True, record_style="dict"):
    """An awkward-2 form dict (verbose, keyed) in awkward 1's dialect."""
    d = dict(form)
    cls = d["class"]
    if cls == "ListOffsetArray":
        d["class"] = cls + WIDTH_SUFFIX[d["offsets"]]
    elif cls == "ListArray":
        d["class"] = cls + WIDTH_SUFFIX[d["starts"]]
    elif cls in ("IndexedArray", "IndexedOptionArray"):
        d["class"] = cls + WIDTH_SUFFIX[d["index"]]
    elif cls == "UnionArray":
        d["class"] = "UnionArray8_" + WIDTH_SUFFIX[d["index"]]
    elif cls == "NumpyArray":
        fmt, itemsize = FORMATS[d["primitive"]]
        d["format"], d["itemsize"] = fmt, itemsize
        if not primitive:
            del d["primitive"]
    if "content" in d:
        d["content"] = to_awkward1(d["content"], primitive=primitive, record_style=record_style)
    if "contents" in d:
        contents = [to_awkward1(c, primitive=primitive, record_style=record_style) for c in d["contents"]]
        if cls == "RecordArray":
            fields = d.pop("fields")
            if fields is None:
                d["contents"] = contents
            elif record_style == "dict":
                d["contents"] = dict(zip(fields, contents))
            else:
                d["contents"], d["keys"] = contents, fields
        else:
            d["contents"] = contents
    d["has_identities"] = False
    d["parameters"] = d.get("parameters") or {}
    return d


def awkward1_buffers(layout, *, raw_bytes=False):
    """(form dict in awkward 1's dialect, length, container with awkward 1's key names)."""
    form, length, container = ak.to_buffers(layout, buffer_key="part0-{form_key}-{attribute}")
    if raw_bytes:
        container = {k: np.frombuffer(np.ascontiguousarray(v).tobytes(), np.uint8) for k, v in container.items()}
    else:
        container = {k: np.asarray(v) for k, v in container.items()}
    return form.to_dict(verbose=True), length, container


KINDS = sorted(name for name in LAYOUTS if name != "EmptyArray")


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("primitive", [True, False], ids=["with-primitive", "format-only"])
@pytest.mark.parametrize("record_style", ["dict", "keys"])
def test_awkward1_form_dicts_load(name, primitive, record_style):
    layout = LAYOUTS[name]
    form2 = layout.form_with_key("node{id}")
    old = to_awkward1(form2.to_dict(verbose=True), primitive=primitive, record_style=record_style)
    loaded = ak.forms.from_dict(old)
    assert loaded == form2
    assert ak.forms.from_json(json.dumps(old)) == form2


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("raw_bytes", [False, True], ids=["typed", "raw-bytes"])
def test_awkward1_buffers_round_trip(name, raw_bytes):
    layout = LAYOUTS[name]
    form, length, container = awkward1_buffers(layout, raw_bytes=raw_bytes)
    old_form = to_awkward1(form, primitive=False)
    # awkward 1's buffer names (part0-...) are found with the default buffer_key
    array = ak.from_buffers(old_form, length, container)
    assert array.to_list() == layout.to_list()
    assert array.layout.form == layout.form
    # and written back out, read back in
    form2, length2, container2 = ak.to_buffers(array)
    again = ak.from_buffers(form2, length2, container2)
    assert again.to_list() == layout.to_list()
    # awkward 1's key format spelled out works as well
    spelled = ak.from_buffers(old_form, length, container, buffer_key="part0-{form_key}-{attribute}")
    assert spelled.to_list() == layout.to_list()


@pytest.mark.parametrize("name", ["ListOffsetArray", "record of lists", "union of lists", "lists of strings"])
def test_pickled_awkward1_buffers(name):
    # vector's tests keep awkward 1 arrays as pickled (form json, length, container)
    layout = LAYOUTS[name]
    form, length, container = awkward1_buffers(layout)
    blob = pickle.dumps((json.dumps(to_awkward1(form)), length, container))
    form_json, length, container = pickle.loads(blob)
    assert ak.from_buffers(form_json, length, container).to_list() == layout.to_list()


def test_awkward1_buffers_can_be_lazy():
    layout = LAYOUTS["record of lists"]
    form, length, container = awkward1_buffers(layout)
    calls = []

    def reader(key):
        def read():
            calls.append(key)
            return container[key]

        return read

    lazy = {key: reader(key) for key in container}
    array = ak.from_buffers(to_awkward1(form), length, lazy)
    assert array.fields == ["x", "y"] and len(array) == len(layout)
    assert calls == []
    assert array.x.to_list() == [r["x"] for r in layout.to_list()]
    assert sorted(calls) == ["part0-node1-offsets", "part0-node2-data"]


def test_explicit_primitive_wins_and_full_awkward1_numpy_form():
    old = {
        "class": "NumpyArray",
        "inner_shape": [3],
        "itemsize": 8,
        "format": "d",
        "primitive": "float64",
        "has_identities": False,
        "parameters": {},
        "form_key": "node0",
    }
    assert ak.forms.from_dict(old) == ak.forms.NumpyForm("float64", (3,), form_key="node0")
    array = ak.from_buffers(old, 2, {"part0-node0-data": np.arange(6.0)})
    assert array.to_list() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]


@pytest.mark.parametrize(
    ("fmt", "itemsize", "primitive"),
    [
        ("d", 8, "float64"),
        ("<d", 8, "float64"),
        ("f", 4, "float32"),
        ("e", 2, "float16"),
        ("?", 1, "bool"),
        ("b", 1, "int8"),
        ("B", 1, "uint8"),
        ("h", 2, "int16"),
        ("H", 2, "uint16"),
        ("i", 4, "int32"),
        ("I", 4, "uint32"),
        ("l", 8, "int64"),
        ("l", 4, "int32"),  # written on a platform with 4-byte longs
        ("q", 8, "int64"),
        ("L", 8, "uint64"),
        ("Q", 8, "uint64"),
        ("Zf", 8, "complex64"),
        ("Zd", 16, "complex128"),
        ("M8[ms]", 8, "datetime64[ms]"),
        ("m8[s]", 8, "timedelta64[s]"),
        ("M8", 8, "datetime64"),
    ],
)
def test_format_to_primitive(fmt, itemsize, primitive):
    form = ak.forms.from_dict({"class": "NumpyArray", "format": fmt, "itemsize": itemsize})
    assert form.primitive == primitive


def test_awkward1_datetime_unit_comes_from_the_format():
    # awkward 1 wrote the unitless primitive and kept the unit in the format
    old = {"class": "NumpyArray", "itemsize": 8, "format": "M8[s]", "primitive": "datetime64"}
    assert ak.forms.from_dict(old).primitive == "datetime64[s]"
    assert ak.forms.from_dict({"class": "NumpyArray", "primitive": "datetime64"}).primitive == "datetime64"


@pytest.mark.parametrize(
    ("old", "match"),
    [
        ({"class": "NumpyArray", "itemsize": 8}, "missing the required key 'primitive'"),
        ({"class": "NumpyArray", "format": "x", "itemsize": 8}, "awkward 1 format 'x'"),
        ({"class": "NumpyArray", "format": "i"}, "awkward 1 format 'i'"),
        ({"class": "VirtualArray", "form": None, "has_length": True}, "VirtualArray form without"),
    ],
)
def test_bad_awkward1_numpy_forms(old, match):
    with pytest.raises(ValueError, match=match):
        ak.forms.from_dict(old)


def test_awkward1_virtual_form_unwraps():
    inner = {"class": "ListOffsetArray64", "offsets": "i64", "content": {"class": "NumpyArray", "format": "d", "itemsize": 8}}
    old = {"class": "VirtualArray", "form": inner, "has_length": True, "parameters": {"__doc__": "x"}}
    form = ak.forms.from_dict(old)
    assert str(form.copy(parameters={}).type) == "var * float64"
    assert form.parameters == {"__doc__": "x"}


def test_keys_name_tuple_contents_as_fields():
    form = ak.forms.from_dict({"class": "RecordArray", "keys": ["x", "y"], "contents": ["float64", "int64"]})
    assert form.fields == ["x", "y"] and not form.is_tuple
    tuple_form = ak.forms.from_dict({"class": "RecordArray", "contents": ["float64", "int64"]})
    assert tuple_form.is_tuple


def test_missing_buffer_names_the_awkward2_key():
    form = {"class": "NumpyArray", "format": "d", "itemsize": 8, "form_key": "node0"}
    with pytest.raises(KeyError, match="'node0-data'"):
        ak.from_buffers(form, 1, {"part1-node0-data": np.zeros(1)})


# ---------------------------------------------------------------------- renamed / removed names
@pytest.mark.parametrize(
    ("name", "replacement"),
    [
        ("partitioned", "ak.concatenate"),
        ("partitions", "no partitions"),
        ("repartition", "no partitions"),
        ("to_pandas", "ak.to_dataframe"),
        ("materialized", "ak.materialize"),
        ("lazy", "ak.virtual"),
        ("with_cache", "cache="),
        ("to_kernels", "ak.to_backend"),
        ("kernels", "ak.backend"),
        ("to_arrayset", "ak.to_buffers"),
        ("from_arrayset", "ak.from_buffers"),
        ("keys", "ak.fields"),
        ("packed", "ak.to_packed"),
        ("size", "ak.num"),
        ("layout", "ak.contents"),
        ("_v2", "import awkward as ak"),
    ],
)
def test_awkward1_names_say_what_replaces_them(name, replacement):
    with pytest.raises(AttributeError, match=rf"ak\.{name} was an awkward 1 name") as info:
        getattr(ak, name)
    assert replacement in str(info.value)
    assert not hasattr(ak, name)


def test_unknown_names_are_plain_attribute_errors():
    with pytest.raises(AttributeError, match="module 'awkward' has no attribute 'no_such_function'"):
        ak.no_such_function  # noqa: B018
    assert ak.virtual is ak.operations.virtual


# ---------------------------------------------------------------------- made by awkward 1 itself
# tests/data/awkward1/samples.pkl was written by awkward 1.10.3 (dev/make_awkward1_samples.py):
# arrays pickled with protocols 2, 4 and 5, their ak.to_buffers output, and awkward 1's own
# to_list and type, which are the expected values here.
SAMPLES_PATH = pathlib.Path(__file__).parent / "data" / "awkward1" / "samples.pkl"
SAMPLES = pickle.loads(SAMPLES_PATH.read_bytes())["samples"]


@pytest.mark.filterwarnings("ignore:numpy.core:DeprecationWarning")  # numpy 1.x pickles
@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_awkward1_pickles_unpickle(name, protocol):
    sample = SAMPLES[name]
    value = pickle.loads(sample["pickles"][protocol])
    assert value.to_list() == sample["to_list"]
    if isinstance(value, ak.Array):
        assert len(value) == len(sample["to_list"])
        if name != "named records":
            # awkward 1 quoted field names in types ({"x": int64}); 2 writes {x: int64}
            expected = re.sub(r'"([A-Za-z_][A-Za-z_0-9]*)":', r"\1:", sample["type"])
            assert str(value.type) == expected
    else:
        assert isinstance(value, ak.Record)


@pytest.mark.parametrize("name", sorted(n for n in SAMPLES if "buffers" in SAMPLES[n]))
def test_awkward1_to_buffers_output_loads(name):
    sample = SAMPLES[name]
    form_json, length, container = sample["buffers"]
    # a partitioned array's length is a list: its partitions are joined
    array = ak.from_buffers(form_json, length, container)
    assert array.to_list() == sample["to_list"]
    form, length2, container2 = ak.to_buffers(array)
    assert ak.from_buffers(form, length2, container2).to_list() == sample["to_list"]


def test_awkward1_named_records_keep_their_name():
    value = pickle.loads(SAMPLES["named records"]["pickles"][4])
    assert ak.parameters(value) == {"__record__": "Point"}

    class Point(ak.Record):
        def norm2(self):
            return self.x**2 + self.y**2

    behaved = ak.Array(value, behavior={"Point": Point})
    assert behaved[0].norm2() == 5.0


def test_awkward1_partitions_become_one_array():
    value = pickle.loads(SAMPLES["partitioned"]["pickles"][2])
    assert len(value) == 6
    assert value.to_list() == [[1.1, 2.2, 3.3], [], [4.4, 5.5], [6.6], [], [7.7]]


def test_not_an_awkward1_state_is_a_clear_error():
    array = ak.Array.__new__(ak.Array)
    with pytest.raises(TypeError, match="not awkward 1's"):
        array.__setstate__(("form", {"a": 1}, 1, None))


def test_partition_lengths_join_lazily():
    form = {"class": "ListOffsetArray64", "offsets": "i64", "form_key": "node0",
            "content": {"class": "NumpyArray", "format": "d", "itemsize": 8, "form_key": "node1"}}
    parts = [ak.Array([[1.5], []]), ak.Array([[2.5, 3.5]])]
    reads = []

    def reader(key, value):
        def read():
            reads.append(key)
            return value

        return read

    container = {}
    for i, part in enumerate(parts):
        _, _, buffers = ak.to_buffers(part, buffer_key=f"part{i}-{{form_key}}-{{attribute}}")
        container.update({k: reader(k, v) for k, v in buffers.items()})
    array = ak.from_buffers(form, [2, 1], container)
    assert len(array) == 3 and str(array.type) == "3 * var * float64"
    assert reads == []
    assert array.to_list() == [[1.5], [], [2.5, 3.5]]
    assert sorted(reads) == sorted(container)
    # awkward 1's key_format, spelled out
    spelled = ak.from_buffers(form, [2, 1], container, "part{partition}-{form_key}-{attribute}")
    assert spelled.to_list() == [[1.5], [], [2.5, 3.5]]
    one = ak.from_buffers(form, 2, container, "part{partition}-{form_key}-{attribute}")
    assert one.to_list() == [[1.5], []]


def test_partition_length_errors():
    form = {"class": "NumpyArray", "primitive": "float64", "form_key": "node0"}
    container = {"part0-node0-data": np.zeros(2)}
    with pytest.raises(ValueError, match="must not be empty"):
        ak.from_buffers(form, [], container)
    with pytest.raises(ValueError, match=r"format string with \{partition\}"):
        ak.from_buffers(form, [2], container, buffer_key="{form_key}/{attribute}")
    with pytest.raises(ValueError, match="non-negative"):
        ak.from_buffers(form, [2, -1], container)
