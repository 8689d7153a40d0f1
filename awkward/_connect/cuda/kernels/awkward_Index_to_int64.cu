// awkward_Index_to_int64: widen an index to int64 (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

template <typename C>
__device__ void impl(int64_t* toindex, const C* fromindex, int64_t length, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    toindex[i] = (int64_t)fromindex[i];
  }
}

extern "C" __global__ void awkward_Index_to_int64_8(int64_t* toindex, const int8_t* fromindex, int64_t length, int64_t* err) {
  impl<int8_t>(toindex, fromindex, length, err);
}
extern "C" __global__ void awkward_Index_to_int64_U8(int64_t* toindex, const uint8_t* fromindex, int64_t length, int64_t* err) {
  impl<uint8_t>(toindex, fromindex, length, err);
}
extern "C" __global__ void awkward_Index_to_int64_32(int64_t* toindex, const int32_t* fromindex, int64_t length, int64_t* err) {
  impl<int32_t>(toindex, fromindex, length, err);
}
extern "C" __global__ void awkward_Index_to_int64_U32(int64_t* toindex, const uint32_t* fromindex, int64_t length, int64_t* err) {
  impl<uint32_t>(toindex, fromindex, length, err);
}
extern "C" __global__ void awkward_Index_to_int64_64(int64_t* toindex, const int64_t* fromindex, int64_t length, int64_t* err) {
  impl<int64_t>(toindex, fromindex, length, err);
}
