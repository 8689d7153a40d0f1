"""Test-suite wide options.

`--virtualize` (or AWKWARD_TEST_VIRTUALIZE=1 in the environment) runs the whole suite in the
virtualized mode: every Index and NumpyArray buffer created anywhere is wrapped in a
VirtualNDArray that materializes on first touch (see awkward/_nplikes/virtual.py).
"""

import os


def pytest_addoption(parser):
    parser.addoption(
        "--virtualize",
        action="store_true",
        default=False,
        help="wrap every Index/NumpyArray buffer in a VirtualNDArray (virtualized test mode)",
    )


def pytest_configure(config):
    if config.getoption("--virtualize"):
        os.environ["AWKWARD_TEST_VIRTUALIZE"] = "1"


def pytest_report_header(config):
    mode = "virtualized" if os.environ.get("AWKWARD_TEST_VIRTUALIZE") == "1" else "plain"
    return f"awkward test mode: {mode}"
