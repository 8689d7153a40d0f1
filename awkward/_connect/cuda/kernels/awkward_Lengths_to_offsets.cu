// awkward_Lengths_to_offsets: offsets from list lengths (CUDA twin of the C++ kernel)
#include "awkward_cuda_scan.h"

// A parallel running sum in block 0 (awkward_cuda_scan.h); the cuda backend's launcher uses
// cupy.cumsum instead (awkward/_connect/cuda/cupy_kernels.py).
template <typename C>
__device__ void impl(int64_t* tooffsets, const C* fromlengths, int64_t length, int64_t* err) {
  if (blockIdx.x == 0 && threadIdx.x == 0) tooffsets[0] = 0;
  awkward_cuda_block0_scan(
      length,
      [=] (int64_t i) -> int64_t {
        const int64_t n = (int64_t)fromlengths[i];
        if (n < 0) {
          awkward_cuda_fail(err, AWKWARD_LENGTHS_TO_OFFSETS_ERRCODE_NEGATIVE_LENGTH, i);
          return 0;
        }
        return n;
      },
      [=] (int64_t i, int64_t before, int64_t n) { tooffsets[i + 1] = before + n; },
      err);
}

extern "C" __global__ void awkward_Lengths_to_offsets_32(int64_t* tooffsets, const int32_t* fromlengths, int64_t length, int64_t* err) {
  impl<int32_t>(tooffsets, fromlengths, length, err);
}
extern "C" __global__ void awkward_Lengths_to_offsets_64(int64_t* tooffsets, const int64_t* fromlengths, int64_t length, int64_t* err) {
  impl<int64_t>(tooffsets, fromlengths, length, err);
}
