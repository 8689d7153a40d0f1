// awkward_BitMaskedArray_to_bytemask: unpack bits into bytes, 1 = valid (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

__device__ void impl(int8_t* tobytemask, const uint8_t* frombitmask, int64_t bitmasklength, bool validwhen, bool lsb_order, int64_t* err) {
  const int valid_bit = validwhen ? 1 : 0;
  for (int64_t i = awkward_cuda_thread(); i < bitmasklength; i += awkward_cuda_stride()) {
    const int byte = frombitmask[i];
    for (int j = 0; j < 8; j++) {
      const int bit = lsb_order ? (byte >> j) & 1 : (byte >> (7 - j)) & 1;
      tobytemask[8 * i + j] = (int8_t)(bit == valid_bit ? 1 : 0);
    }
  }
}

extern "C" __global__ void awkward_BitMaskedArray_to_bytemask_64(int8_t* tobytemask, const uint8_t* frombitmask, int64_t bitmasklength, bool validwhen, bool lsb_order, int64_t* err) {
  impl(tobytemask, frombitmask, bitmasklength, validwhen, lsb_order, err);
}
