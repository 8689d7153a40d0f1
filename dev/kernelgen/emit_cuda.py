"""CUDA outputs: the shared header of the .cu kernels, and which symbols they define."""

from __future__ import annotations

import re

from .emit_cpp import HEADER_NOTE

_GLOBAL = re.compile(r'extern\s+"C"\s+__global__\s+void\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(')


def cuda_symbols(kernels_dir) -> set:
    found = set()
    for path in sorted(kernels_dir.glob("*.cu")):
        found.update(_GLOBAL.findall(path.read_text()))
    return found


def error_code_macro(family, key: str) -> str:
    return f"{family.name.upper()}_ERRCODE_{key.upper()}"


_PRELUDE = r"""// Shared by every CUDA kernel (awkward/_connect/cuda/kernels/<family>.cu).
//
// Conventions (the same for every kernel):
// * Names and arguments equal the C++ kernels' (awkward-cpp/include/awkward/kernels.h), plus
//   one trailing `int64_t* err`: a device int64 the caller sets to AWKWARD_CUDA_NO_ERROR
//   (INT64_MAX) before the launch. A failing thread stores, with atomicMin,
//       ((index + 1) << 8) | code
//   where code is the 1-based position of the message in the family's `errors:` list of the
//   spec (AWKWARD_<FAMILY>_ERRCODE_<KEY> below) and index the failing position (-1: none).
//   atomicMin keeps the smallest failing index, which is the one the sequential C++ kernel
//   reports. Decode: code = v & 0xff, index = (v >> 8) - 1, message = ERRORS[family][code - 1]
//   (awkward/_generated/kernel_registry.py).
// * Launch: any grid works. Kernels stride over their range (cuda.threads in the spec:
//   KernelSpecialization.cuda_threads); the suggested shape is blocks of 256 threads,
//   ceil(threads / 256) blocks, at least 1, at most 1024. Kernels whose spec says
//   `threads: 1` run in block 0 with all of its threads working together (block scans,
//   awkward_cuda_scan.h; the counting sort of awkward_cuda_nonlocal.h; a shared-memory count);
//   other blocks return at once; in them only O(1) work (writing one offset or one error)
//   is left to a single thread.
// * Compiled at run time by CuPy's RawModule (NVRTC) with -I<this directory>; nvcc also
//   compiles them (tests/test_cuda_sources_compile.py).
#ifndef AWKWARD_CUDA_H_
#define AWKWARD_CUDA_H_

#if defined(__CUDACC_RTC__) && defined(__has_include)
#if __has_include(<cstdint>)
#define AWKWARD_CUDA_HAVE_CSTDINT
#endif
#elif !defined(__CUDACC_RTC__)
#define AWKWARD_CUDA_HAVE_CSTDINT
#endif

#ifdef AWKWARD_CUDA_HAVE_CSTDINT
#include <cstdint>
#else  // NVRTC without standard headers
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
#endif

#define AWKWARD_CUDA_NO_ERROR 0x7fffffffffffffffLL

// Records an error (see the convention above); keeps the smallest failing index.
__device__ inline void awkward_cuda_fail(int64_t* err, int64_t code, int64_t index) {
  long long encoded = (long long)(((index + 1) << 8) | code);
  atomicMin((long long*)err, encoded);
}

// First global thread id and the grid-wide stride, for grid-stride loops.
__device__ inline int64_t awkward_cuda_thread() {
  return (int64_t)blockIdx.x * (int64_t)blockDim.x + (int64_t)threadIdx.x;
}
__device__ inline int64_t awkward_cuda_stride() {
  return (int64_t)gridDim.x * (int64_t)blockDim.x;
}
"""


def cuda_header(families) -> str:
    out = [f"// {HEADER_NOTE}", _PRELUDE]
    for family in families:
        if not family.errors:
            continue
        out.append(f"// {family.name}")
        for code, (key, message) in enumerate(family.errors, start=1):
            out.append(f"#define {error_code_macro(family, key)} {code}  // {message}")
        out.append("")
    out.append("#endif  // AWKWARD_CUDA_H_")
    return "\n".join(out) + "\n"
