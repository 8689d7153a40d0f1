// awkward_Index_to_int32: narrow an index to int32, refusing values out of range (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

template <typename C>
__device__ void impl(int32_t* toindex, const C* fromindex, int64_t length, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t value = (int64_t)fromindex[i];
    if (value < -2147483648LL || value > 2147483647LL) {
      awkward_cuda_fail(err, AWKWARD_INDEX_TO_INT32_ERRCODE_OUT_OF_RANGE, i);
    } else {
      toindex[i] = (int32_t)value;
    }
  }
}

extern "C" __global__ void awkward_Index_to_int32_U32(int32_t* toindex, const uint32_t* fromindex, int64_t length, int64_t* err) {
  impl<uint32_t>(toindex, fromindex, length, err);
}
extern "C" __global__ void awkward_Index_to_int32_64(int32_t* toindex, const int64_t* fromindex, int64_t length, int64_t* err) {
  impl<int64_t>(toindex, fromindex, length, err);
}
