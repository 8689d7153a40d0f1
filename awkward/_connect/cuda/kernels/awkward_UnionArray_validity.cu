// awkward_UnionArray_validity: tags and index checked against the contents (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

template <typename I>
__device__ void impl(const int8_t* fromtags, const I* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t tag = fromtags[i];
    const int64_t index = (int64_t)fromindex[i];
    if (tag < 0) {
      awkward_cuda_fail(err, AWKWARD_UNIONARRAY_VALIDITY_ERRCODE_TAG_NEGATIVE, i);
    } else if (tag >= numcontents) {
      awkward_cuda_fail(err, AWKWARD_UNIONARRAY_VALIDITY_ERRCODE_TAG_TOO_LARGE, i);
    } else if (index < 0) {
      awkward_cuda_fail(err, AWKWARD_UNIONARRAY_VALIDITY_ERRCODE_INDEX_NEGATIVE, i);
    } else if (index >= lencontents[tag]) {
      awkward_cuda_fail(err, AWKWARD_UNIONARRAY_VALIDITY_ERRCODE_INDEX_BEYOND_CONTENT, i);
    }
  }
}

extern "C" __global__ void awkward_UnionArray_validity_32(const int8_t* fromtags, const int32_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents, int64_t* err) {
  impl<int32_t>(fromtags, fromindex, length, numcontents, lencontents, err);
}
extern "C" __global__ void awkward_UnionArray_validity_U32(const int8_t* fromtags, const uint32_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents, int64_t* err) {
  impl<uint32_t>(fromtags, fromindex, length, numcontents, lencontents, err);
}
extern "C" __global__ void awkward_UnionArray_validity_64(const int8_t* fromtags, const int64_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents, int64_t* err) {
  impl<int64_t>(fromtags, fromindex, length, numcontents, lencontents, err);
}
