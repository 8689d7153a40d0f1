// awkward_ListArray_count_mask (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_count_mask.cpp)
#include "awkward_cuda.h"

template <typename C>
__device__ void count_mask(int64_t* tocounts, const bool* mask, const C* starts, const C* stops,
                           int64_t length, int64_t masklength, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = (int64_t)starts[i];
    const int64_t stop = (int64_t)stops[i];
    if (start < 0 || stop < start || stop > masklength) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_COUNT_MASK_ERRCODE_OUT_OF_RANGE, i);
    } else {
      int64_t total = 0;
      for (int64_t j = start; j < stop; j++) total += mask[j] ? 1 : 0;
      tocounts[i] = total;
    }
  }
}

extern "C" __global__ void awkward_ListArray_count_mask_64(int64_t* tocounts, const bool* mask, const int64_t* fromstarts,
                                                           const int64_t* fromstops, int64_t length, int64_t masklength,
                                                           int64_t* err) {
  count_mask(tocounts, mask, fromstarts, fromstops, length, masklength, err);
}
