// awkward_ListArray_compact_offsets: packed offsets from starts and stops (CUDA twin of the C++ kernel)
#include "awkward_cuda_scan.h"

// A parallel running sum in block 0 (awkward_cuda_scan.h); the cuda backend's launcher uses
// cupy.cumsum instead (awkward/_connect/cuda/cupy_kernels.py).
template <typename C>
__device__ void impl(int64_t* tooffsets, const C* fromstarts, const C* fromstops, int64_t length, int64_t* err) {
  if (blockIdx.x == 0 && threadIdx.x == 0) tooffsets[0] = 0;
  awkward_cuda_block0_scan(
      length,
      [=] (int64_t i) -> int64_t {
        if (fromstops[i] < fromstarts[i]) {
          awkward_cuda_fail(err, AWKWARD_LISTARRAY_COMPACT_OFFSETS_ERRCODE_STOP_BEFORE_START, i);
          return 0;
        }
        return (int64_t)fromstops[i] - (int64_t)fromstarts[i];
      },
      [=] (int64_t i, int64_t before, int64_t n) { tooffsets[i + 1] = before + n; },
      err);
}

extern "C" __global__ void awkward_ListArray_compact_offsets_32(int64_t* tooffsets, const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t* err) {
  impl<int32_t>(tooffsets, fromstarts, fromstops, length, err);
}
extern "C" __global__ void awkward_ListArray_compact_offsets_U32(int64_t* tooffsets, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t* err) {
  impl<uint32_t>(tooffsets, fromstarts, fromstops, length, err);
}
extern "C" __global__ void awkward_ListArray_compact_offsets_64(int64_t* tooffsets, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t* err) {
  impl<int64_t>(tooffsets, fromstarts, fromstops, length, err);
}
