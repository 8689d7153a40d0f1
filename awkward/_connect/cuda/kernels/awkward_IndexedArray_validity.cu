// awkward_IndexedArray_validity: an index checked against its content (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

template <typename C>
__device__ void impl(const C* fromindex, int64_t length, int64_t lencontent, bool isoption, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t j = (int64_t)fromindex[i];
    if (j < 0 && !isoption) {
      awkward_cuda_fail(err, AWKWARD_INDEXEDARRAY_VALIDITY_ERRCODE_NEGATIVE, i);
    } else if (j >= 0 && j >= lencontent) {
      awkward_cuda_fail(err, AWKWARD_INDEXEDARRAY_VALIDITY_ERRCODE_BEYOND_CONTENT, i);
    }
  }
}

extern "C" __global__ void awkward_IndexedArray_validity_32(const int32_t* fromindex, int64_t length, int64_t lencontent, bool isoption, int64_t* err) {
  impl<int32_t>(fromindex, length, lencontent, isoption, err);
}
extern "C" __global__ void awkward_IndexedArray_validity_U32(const uint32_t* fromindex, int64_t length, int64_t lencontent, bool isoption, int64_t* err) {
  impl<uint32_t>(fromindex, length, lencontent, isoption, err);
}
extern "C" __global__ void awkward_IndexedArray_validity_64(const int64_t* fromindex, int64_t length, int64_t lencontent, bool isoption, int64_t* err) {
  impl<int64_t>(fromindex, length, lencontent, isoption, err);
}
