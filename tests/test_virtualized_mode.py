"""The virtualized test mode (``pytest --virtualize`` / AWKWARD_TEST_VIRTUALIZE=1).

In that mode every Index and NumpyArray buffer built from concrete data is wrapped in a
VirtualNDArray that materializes on first touch; in plain mode buffers stay as given. Either
way the results are the same, which is checked by running one script in both modes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes import virtual
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index64

VIRTUALIZED = virtual.TEST_VIRTUALIZE
plain_only = pytest.mark.skipif(VIRTUALIZED, reason="checks the plain mode")
virtualized_only = pytest.mark.skipif(not VIRTUALIZED, reason="checks the virtualized mode")


def test_mode_matches_the_environment():
    assert VIRTUALIZED == (os.environ.get("AWKWARD_TEST_VIRTUALIZE") == "1")


@virtualized_only
def test_index_buffers_are_virtual_at_construction():
    index = Index64(np.array([0, 2, 3]))
    assert isinstance(index.data, VirtualNDArray)
    assert not index.data.is_materialized
    assert index.length == 3
    assert not index.data.is_materialized  # metadata does not touch it
    assert index.data.tolist() == [0, 2, 3]
    assert index.data.is_materialized


@virtualized_only
def test_numpyarray_buffers_are_virtual_at_construction():
    layout = ak.contents.NumpyArray(np.array([1.0, 2.0]))
    assert isinstance(layout.data, VirtualNDArray)
    assert not layout.is_any_materialized
    assert len(layout) == 2 and layout.form.primitive == "float64"
    assert not layout.is_any_materialized
    assert layout.to_list() == [1.0, 2.0]
    assert layout.is_all_materialized


@virtualized_only
def test_from_buffers_with_concrete_values_wraps_them_in_this_mode():
    form = ak.forms.NumpyForm("int64", form_key="n")
    layout = ak.from_buffers(form, 3, {"n-data": np.arange(3)}, highlevel=False)
    assert isinstance(layout.data, VirtualNDArray)
    assert layout.to_list() == [0, 1, 2]


@plain_only
def test_plain_mode_keeps_concrete_buffers():
    index = Index64(np.array([0, 2, 3]))
    layout = ak.contents.NumpyArray(np.array([1.0, 2.0]))
    assert isinstance(index.data, np.ndarray)
    assert isinstance(layout.data, np.ndarray)
    assert layout.is_all_materialized


@plain_only
def test_virtual_buffers_built_on_purpose_stay_virtual_in_plain_mode():
    form = ak.forms.NumpyForm("int64", form_key="n")
    layout = ak.from_buffers(form, 3, {"n-data": lambda: np.arange(3)}, highlevel=False)
    assert isinstance(layout.data, VirtualNDArray)
    assert not layout.is_any_materialized


# One script, both modes: every result must agree.
SCRIPT = r"""
import json
import numpy as np
import awkward as ak
from awkward.index import Index8, Index64

c = ak.contents
layout = c.ListOffsetArray(
    Index64(np.array([0, 2, 2, 4])),
    c.RecordArray(
        [
            c.IndexedOptionArray(Index64(np.array([0, -1, 1, 2])), c.NumpyArray(np.array([1.5, 2.5, 3.5]))),
            c.UnionArray(
                Index8(np.array([0, 1, 1, 0], np.int8)),
                Index64(np.array([0, 0, 1, 1])),
                [c.NumpyArray(np.array([1, 2])), c.RegularArray(c.NumpyArray(np.arange(4.0)), 2)],
            ),
        ],
        ["x", "y"],
    ),
)
form, length, container = ak.to_buffers(layout)
lazy = ak.from_buffers(form, length, {k: (lambda v=v: np.asarray(v)) for k, v in container.items()}, highlevel=False)
out = {
    "list": layout.to_list(),
    "type": str(ak.type(layout)),
    "fields": ak.fields(layout),
    "form": form.to_dict(),
    "length": length,
    "buffers": {k: np.asarray(v).tolist() for k, v in container.items()},
    "round_trip": ak.from_buffers(form, length, container, highlevel=False).to_list(),
    "lazy": lazy.to_list(),
    "packed": ak.to_packed(layout[1:], highlevel=False).to_list(),
    "materialized": ak.materialize(lazy, highlevel=False).to_list(),
    "valid": ak.validity_error(layout),
    "x": layout._getitem_field("x").to_list(),
}
print(json.dumps(out))
"""


def run_script(virtualize: bool):
    env = dict(os.environ)
    if virtualize:
        env["AWKWARD_TEST_VIRTUALIZE"] = "1"
    else:
        env.pop("AWKWARD_TEST_VIRTUALIZE", None)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_results_equal_in_both_modes():
    plain = run_script(False)
    virtualized = run_script(True)
    assert plain == virtualized
    assert plain["list"] == plain["round_trip"] == plain["lazy"] == plain["materialized"]
    assert plain["valid"] == ""
