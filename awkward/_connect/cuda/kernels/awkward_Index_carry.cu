// awkward_Index_carry (CUDA twin of the C++ kernel of the same name)
#include "awkward_cuda.h"

template <typename T>
__device__ void index_carry(T* toarray, const T* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < lencarry; i += awkward_cuda_stride()) {
    const int64_t j = carry[i];
    if (j < 0 || j >= lenfrom) {
      awkward_cuda_fail(err, AWKWARD_INDEX_CARRY_ERRCODE_OUT_OF_RANGE, i);
    } else {
      toarray[i] = fromarray[j];
    }
  }
}

extern "C" __global__ void awkward_Index_carry_8(int8_t* toarray, const int8_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  index_carry(toarray, fromarray, carry, lenfrom, lencarry, err);
}
extern "C" __global__ void awkward_Index_carry_U8(uint8_t* toarray, const uint8_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  index_carry(toarray, fromarray, carry, lenfrom, lencarry, err);
}
extern "C" __global__ void awkward_Index_carry_32(int32_t* toarray, const int32_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  index_carry(toarray, fromarray, carry, lenfrom, lencarry, err);
}
extern "C" __global__ void awkward_Index_carry_U32(uint32_t* toarray, const uint32_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  index_carry(toarray, fromarray, carry, lenfrom, lencarry, err);
}
extern "C" __global__ void awkward_Index_carry_64(int64_t* toarray, const int64_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry, int64_t* err) {
  index_carry(toarray, fromarray, carry, lenfrom, lencarry, err);
}
