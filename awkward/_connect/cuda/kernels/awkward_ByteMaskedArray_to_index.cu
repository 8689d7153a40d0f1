// awkward_ByteMaskedArray_to_index: IndexedOptionArray index of a byte mask (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

__device__ void impl(int64_t* toindex, const int8_t* frommask, int64_t length, bool validwhen, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    toindex[i] = ((frommask[i] != 0) == validwhen) ? i : -1;
  }
}

extern "C" __global__ void awkward_ByteMaskedArray_to_index_64(int64_t* toindex, const int8_t* frommask, int64_t length, bool validwhen, int64_t* err) {
  impl(toindex, frommask, length, validwhen, err);
}
