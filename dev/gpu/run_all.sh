#!/usr/bin/env bash
# The one script a machine with an NVIDIA GPU runs (issue 18): builds awkward-cpp, runs the CUDA
# tests (tests-cuda/ and the spec kernel cases on the GPU) and the GPU-vs-CPU benchmark, and
# writes what it saw to $OUT (summary.md plus one log per step). No network is needed: it uses
# the python3 of the machine (cupy, numpy, pytest, pytest-xdist, pybind11, scikit-build-core,
# cmake, ninja must be installed there). Every step has its own timeout; the whole script is
# meant to finish in well under 8 minutes.
#
#   dev/gpu/run_all.sh            (from the repository root; OUT defaults to ./gpu-out)
#
# Environment: PYTHON (default python3), OUT, AK_GPU_BENCH_N (values in the benchmark,
# default 100000000), AK_GPU_SKIP_BUILD=1 (use an awkward_cpp that already imports),
# AK_GPU_BUDGET_S (seconds for the whole script, default 450: steps are cut to fit).
set -u
export PYTHONUNBUFFERED=1
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
PY="${PYTHON:-python3}"
OUT="${OUT:-$REPO/gpu-out}"
mkdir -p "$OUT"
SITE="${AK_GPU_SITE:-/tmp/ak-gpu-site}"
SUMMARY="$OUT/summary.md"
START=$(date +%s)
BUDGET="${AK_GPU_BUDGET_S:-450}"  # seconds for the whole script (a GPU is lent ~15 min, start included)
DEADLINE=$(( START + BUDGET ))
FAILED=0

note() { echo "$*" | tee -a "$SUMMARY"; }
elapsed() { echo $(( $(date +%s) - START ))s; }

# step NAME TIMEOUT_S LOGFILE COMMAND...: runs with a timeout, logs to $OUT/LOGFILE, records the status
step() {
  local name="$1" limit="$2" log="$OUT/$3"
  shift 3
  # the whole script stays inside its budget: no step outlives the deadline
  local left=$(( DEADLINE - $(date +%s) ))
  if [ "$left" -lt 15 ]; then note "- $name: SKIPPED (the ${BUDGET}s budget is spent)"; FAILED=1; return 125; fi
  [ "$limit" -gt "$left" ] && limit="$left"
  echo "=== [$(elapsed)] $name (timeout ${limit}s) -> $log"
  timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1 &
  local pid=$! rc
  # progress while it runs: the log's last line every 20 s
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    if (( ($(date +%s) - START) % 20 < 5 )); then echo "    ... $(tail -c 200 "$log" | tr '\r' '\n' | tail -n 1)"; fi
  done
  wait "$pid"; rc=$?
  tail -n 15 "$log"
  if [ "$rc" -eq 0 ]; then note "- $name: ok ($(elapsed))";
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then note "- $name: TIMED OUT after ${limit}s"; FAILED=1;
  else note "- $name: FAILED (exit $rc)"; FAILED=1; fi
  return "$rc"
}

echo "# GPU run of $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?') on $(date -u +%Y-%m-%dT%H:%MZ)" >"$SUMMARY"

# 0. the device and cupy: without them nothing else can run
echo "=== [$(elapsed)] device"
if ! command -v nvidia-smi >/dev/null 2>&1; then
  note "ERROR: nvidia-smi is not on PATH: this machine has no NVIDIA driver; dev/gpu/run_all.sh needs a GPU"
  exit 2
fi
timeout 30 nvidia-smi 2>&1 | tee -a "$SUMMARY"
note "- device: $(timeout 30 nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | head -n 1)"
timeout 120 "$PY" -c "
import sys
try:
    import cupy
except ImportError as err:
    sys.exit(f'cupy is not importable by $PY ({err}); install cupy-cuda12x/13x to run the GPU checks')
try:
    n = cupy.cuda.runtime.getDeviceCount()
except Exception as err:
    sys.exit(f'cupy sees no CUDA device ({err})')
if n < 1:
    sys.exit('cupy sees no CUDA device')
print('cupy', cupy.__version__, 'devices:', n, cupy.cuda.runtime.getDeviceProperties(0)['name'].decode())
" >/tmp/ak-gpu-cupy.txt 2>&1
rc=$?
note "- $(tail -n 1 /tmp/ak-gpu-cupy.txt)"
if [ "$rc" -ne 0 ]; then
  note "ERROR: cupy or a CUDA device is missing (see the line above); stopping"
  exit 2
fi

# 1. awkward-cpp, built here into a separate site directory (no network: --no-build-isolation)
if [ "${AK_GPU_SKIP_BUILD:-0}" = "1" ]; then
  note "- build: skipped (AK_GPU_SKIP_BUILD=1)"
else
  rm -rf "$SITE" /tmp/ak-gpu-build
  CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" step "build awkward-cpp" 220 build.log \
    "$PY" -m pip install --no-build-isolation --no-deps --no-index --no-cache-dir --target "$SITE" \
    --config-settings=build-dir=/tmp/ak-gpu-build ./awkward-cpp || { note "ERROR: the build failed; stopping"; exit 3; }
fi
export PYTHONPATH="$SITE:$REPO${PYTHONPATH:+:$PYTHONPATH}"

step "import and a first cuda array" 90 smoke.log "$PY" -c "
import awkward as ak, cupy
a = ak.Array([[1.5, 2.5], [], [3.5]])
g = ak.to_backend(a, 'cuda')
print(ak.backend(g), g, ak.sum(g, axis=1).to_list(), ak.num(g).to_list())
assert ak.to_list(ak.to_backend(g, 'cpu')) == a.to_list()
" || { note "ERROR: awkward cannot make a cuda array; stopping before the tests"; exit 4; }

# 2. the tests: the spec cases on the GPU, then tests-cuda/ (high-level operations vs the CPU)
# 8 workers: the first call of each family compiles its .cu with NVRTC (CPU-bound, 16 cores)
XDIST="-n 8"
"$PY" -c "import xdist" 2>/dev/null || XDIST=""
TIMEOUT_OPT=""
"$PY" -c "import pytest_timeout" 2>/dev/null && TIMEOUT_OPT="--timeout=120"
step "spec kernel cases on CUDA (tests/generated -k cuda)" 100 kernels.log \
  "$PY" -m pytest tests/generated -k cuda -q -p no:cacheprovider $XDIST $TIMEOUT_OPT
note "    $(grep -E '[0-9]+ (passed|failed|error)' "$OUT/kernels.log" | tail -n 1)"
# leave the benchmark at least 100 s
TESTS_LIMIT=$(( DEADLINE - $(date +%s) - 100 )); [ "$TESTS_LIMIT" -gt 180 ] && TESTS_LIMIT=180
[ "$TESTS_LIMIT" -lt 30 ] && TESTS_LIMIT=30
# tests-cuda/test_cuda_kernels.py's per-case test repeats the step above case for case: deselected
step "tests-cuda/" "$TESTS_LIMIT" tests-cuda.log \
  "$PY" -m pytest tests-cuda -q -p no:cacheprovider -rs $XDIST $TIMEOUT_OPT -k "not test_cuda_kernel_case"
note "    $(grep -E '[0-9]+ (passed|failed|error)' "$OUT/tests-cuda.log" | tail -n 1)"

# 3. the benchmark: ak.sum(axis=1), a jagged mask, ak.num on 10^8 values, GPU vs CPU
step "benchmark (dev/gpu/bench_gpu.py)" 150 bench.log \
  "$PY" dev/gpu/bench_gpu.py --n "${AK_GPU_BENCH_N:-100000000}" --out "$OUT/bench.md"
[ -f "$OUT/bench.md" ] && cat "$OUT/bench.md" >>"$SUMMARY"

note "- total: $(elapsed)"
# what comes back from $OUT is limited (16 MiB a file): keep the end of an oversized log
for f in "$OUT"/*.log; do
  if [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt 15000000 ]; then
    tail -c 15000000 "$f" >"$f.tail" && mv "$f.tail" "$f"
  fi
done
echo "=== summary ($SUMMARY)"
cat "$SUMMARY"
exit "$FAILED"
