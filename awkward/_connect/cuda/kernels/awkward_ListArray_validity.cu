// awkward_ListArray_validity: every non-empty list lies inside the content (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

template <typename C>
__device__ void impl(const C* fromstarts, const C* fromstops, int64_t length, int64_t lencontent, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = (int64_t)fromstarts[i];
    const int64_t stop = (int64_t)fromstops[i];
    if (stop < start) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_VALIDITY_ERRCODE_STOP_BEFORE_START, i);
    } else if (start != stop && start < 0) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_VALIDITY_ERRCODE_START_NEGATIVE, i);
    } else if (start != stop && stop > lencontent) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_VALIDITY_ERRCODE_STOP_BEYOND_CONTENT, i);
    }
  }
}

extern "C" __global__ void awkward_ListArray_validity_32(const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t lencontent, int64_t* err) {
  impl<int32_t>(fromstarts, fromstops, length, lencontent, err);
}
extern "C" __global__ void awkward_ListArray_validity_U32(const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t lencontent, int64_t* err) {
  impl<uint32_t>(fromstarts, fromstops, length, lencontent, err);
}
extern "C" __global__ void awkward_ListArray_validity_64(const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lencontent, int64_t* err) {
  impl<int64_t>(fromstarts, fromstops, length, lencontent, err);
}
