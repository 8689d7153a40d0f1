// awkward_ListOffsetArray_local_index (CUDA twin of awkward-cpp/src/kernels/awkward_ListOffsetArray_local_index.cpp)
#include "awkward_cuda.h"

// One thread per list: the offsets say where each list's positions go.
template <typename C>
__device__ void impl(int64_t* toindex, const C* fromoffsets, int64_t length, int64_t lentoindex, int64_t* err) {
  if (length < 0) {  // (the offsets' min_length, length + 1, does not catch length = -1)
    if (awkward_cuda_thread() == 0) awkward_cuda_fail(err, AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERRCODE_NEGATIVE_LENGTH, -1);
    return;
  }
  const int64_t first = (int64_t)fromoffsets[0];
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = (int64_t)fromoffsets[i];
    const int64_t stop = (int64_t)fromoffsets[i + 1];
    if (stop < start) {
      awkward_cuda_fail(err, AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERRCODE_OFFSETS_DECREASING, i);
    } else if (stop - first > lentoindex) {
      awkward_cuda_fail(err, AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERRCODE_TOINDEX_TOO_SHORT, i);
    } else if (start >= first) {  // else an earlier list decreases: that thread reports it
      for (int64_t j = 0; j < stop - start; j++) toindex[start - first + j] = j;
    }
  }
}

extern "C" __global__ void awkward_ListOffsetArray_local_index_32(int64_t* toindex, const int32_t* fromoffsets, int64_t length, int64_t lentoindex, int64_t* err) {
  impl<int32_t>(toindex, fromoffsets, length, lentoindex, err);
}
extern "C" __global__ void awkward_ListOffsetArray_local_index_U32(int64_t* toindex, const uint32_t* fromoffsets, int64_t length, int64_t lentoindex, int64_t* err) {
  impl<uint32_t>(toindex, fromoffsets, length, lentoindex, err);
}
extern "C" __global__ void awkward_ListOffsetArray_local_index_64(int64_t* toindex, const int64_t* fromoffsets, int64_t length, int64_t lentoindex, int64_t* err) {
  impl<int64_t>(toindex, fromoffsets, length, lentoindex, err);
}
