// awkward_Lengths_to_offsets: offsets from list lengths (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

// A running sum: sequential in thread 0 (correct, not fast; prefer the nplike's cumsum for big arrays).
template <typename C>
__device__ void impl(int64_t* tooffsets, const C* fromlengths, int64_t length, int64_t* err) {
  if (awkward_cuda_thread() != 0) return;
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    if (fromlengths[i] < 0) {
      awkward_cuda_fail(err, AWKWARD_LENGTHS_TO_OFFSETS_ERRCODE_NEGATIVE_LENGTH, i);
      return;
    }
    tooffsets[i + 1] = tooffsets[i] + (int64_t)fromlengths[i];
  }
}

extern "C" __global__ void awkward_Lengths_to_offsets_32(int64_t* tooffsets, const int32_t* fromlengths, int64_t length, int64_t* err) {
  impl<int32_t>(tooffsets, fromlengths, length, err);
}
extern "C" __global__ void awkward_Lengths_to_offsets_64(int64_t* tooffsets, const int64_t* fromlengths, int64_t length, int64_t* err) {
  impl<int64_t>(tooffsets, fromlengths, length, err);
}
