#!/usr/bin/env bash
# Build the HEP-stack environment of issue 19 in a fresh virtual environment:
#   dev/ecosystem/setup.sh VENV
# installs uproot, vector, coffea, hist, dask-awkward, dask + distributed, numba and pyarrow from
# the package registry (dev/ecosystem/requirements.txt), then installs THIS checkout's awkward-cpp
# and awkward over the upstream ones with --no-deps. Set AWKWARD_CPP_WHEEL to an awkward-cpp wheel
# already built from this checkout (CI does) to skip compiling the kernels again.
# Then: cd dev/ecosystem && VENV/bin/python -m pytest
# Exit status 3: the registry could not supply the libraries (callers skip the tests then).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${1:?usage: dev/ecosystem/setup.sh VENV}"
start=$SECONDS

quiet_pip() {  # pip, without the warnings about the machine's unused local index folders
    local log rc=0
    log="$(mktemp)"
    "$venv/bin/python" -m pip --disable-pip-version-check "$@" >"$log" 2>&1 || rc=$?
    grep -v "is ignored: it is neither a file nor a directory" "$log" >&2 || true
    rm -f "$log"
    return "$rc"
}

python3 -m venv "$venv"
# The libraries' wheels are kept in a wheelhouse (pip's HTTP cache does not keep the registry's
# answers here): the first build downloads them (~4 minutes on this 2-core machine), later builds
# install offline from it (~1 minute quiet, ~3 minutes under load; --no-compile: the tests
# byte-compile only what they import). A new requirements.txt or Python refreshes it.
wheelhouse="${ECOSYSTEM_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/awkward-ecosystem/wheels}"
key="$( (cat dev/ecosystem/requirements.txt; "$venv/bin/python" -VV) | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$wheelhouse/key" 2>/dev/null)" = "$key" ] \
    && quiet_pip install --quiet --no-compile --no-index --find-links "$wheelhouse" -r dev/ecosystem/requirements.txt; then
    echo "ecosystem: libraries installed from the wheelhouse $wheelhouse in $((SECONDS - start)) s"
else
    rm -rf "$wheelhouse" && mkdir -p "$wheelhouse"
    if ! quiet_pip download --quiet -d "$wheelhouse" -r dev/ecosystem/requirements.txt \
        || ! quiet_pip install --quiet --no-compile --no-index --find-links "$wheelhouse" -r dev/ecosystem/requirements.txt; then
        echo "ecosystem: the package registry could not supply the libraries of dev/ecosystem/requirements.txt" >&2
        exit 3
    fi
    echo "$key" > "$wheelhouse/key"
    echo "ecosystem: libraries downloaded to $wheelhouse and installed in $((SECONDS - start)) s"
fi
quiet_pip install --quiet --no-deps --force-reinstall "${AWKWARD_CPP_WHEEL:-./awkward-cpp}"
quiet_pip install --quiet --no-deps --force-reinstall .
"$venv/bin/python" - <<'PY'
import importlib.metadata as m
import awkward, awkward_cpp  # noqa: F401  (the pair must import)
names = ("awkward", "awkward-cpp", "uproot", "vector", "coffea", "hist", "dask-awkward", "dask", "distributed", "numba", "pyarrow")
print("ecosystem: " + ", ".join(f"{name} {m.version(name)}" for name in names))
assert m.version("awkward").endswith("+virtual") and m.version("awkward-cpp").endswith("+virtual"), "upstream awkward is still installed"
PY
echo "ecosystem: environment built in $((SECONDS - start)) s"
