// awkward_UnionArray_regular_index: toindex[i] = earlier occurrences of tags[i] (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

// Running counts per tag: sequential in thread 0.
__device__ void impl(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents, int64_t* err) {
  if (awkward_cuda_thread() != 0) return;
  for (int64_t k = 0; k < numcontents; k++) current[k] = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t tag = fromtags[i];
    if (tag < 0 || tag >= numcontents) {
      awkward_cuda_fail(err, AWKWARD_UNIONARRAY_REGULAR_INDEX_ERRCODE_BAD_TAG, i);
      return;
    }
    toindex[i] = current[tag];
    current[tag]++;
  }
}

extern "C" __global__ void awkward_UnionArray_regular_index_64(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents, int64_t* err) {
  impl(toindex, current, fromtags, length, numcontents, err);
}
