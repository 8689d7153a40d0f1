// awkward_Offsets_to_lengths (CUDA twin of the C++ kernel of the same name)
#include "awkward_cuda.h"

template <typename C>
__device__ void offsets_to_lengths(int64_t* tolengths, const C* offsets, int64_t length, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    if (offsets[i + 1] < offsets[i]) {
      awkward_cuda_fail(err, AWKWARD_OFFSETS_TO_LENGTHS_ERRCODE_DECREASING, i);
    } else {
      tolengths[i] = (int64_t)offsets[i + 1] - (int64_t)offsets[i];
    }
  }
}

extern "C" __global__ void awkward_Offsets_to_lengths_32(int64_t* tolengths, const int32_t* fromoffsets, int64_t length, int64_t* err) {
  offsets_to_lengths(tolengths, fromoffsets, length, err);
}
extern "C" __global__ void awkward_Offsets_to_lengths_U32(int64_t* tolengths, const uint32_t* fromoffsets, int64_t length, int64_t* err) {
  offsets_to_lengths(tolengths, fromoffsets, length, err);
}
extern "C" __global__ void awkward_Offsets_to_lengths_64(int64_t* tolengths, const int64_t* fromoffsets, int64_t length, int64_t* err) {
  offsets_to_lengths(tolengths, fromoffsets, length, err);
}
