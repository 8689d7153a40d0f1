// awkward_ListArray_expand_carry: concatenated [start, stop) ranges as a carry (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

// Output positions depend on all earlier lists: sequential in thread 0.
template <typename C>
__device__ void impl(int64_t* tocarry, const C* fromstarts, const C* fromstops, int64_t length, int64_t lentocarry, int64_t* err) {
  if (awkward_cuda_thread() != 0) return;
  int64_t k = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = (int64_t)fromstarts[i];
    const int64_t stop = (int64_t)fromstops[i];
    if (stop < start) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_EXPAND_CARRY_ERRCODE_STOP_BEFORE_START, i);
      return;
    }
    if (stop - start > lentocarry - k) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_EXPAND_CARRY_ERRCODE_TOCARRY_TOO_SHORT, i);
      return;
    }
    for (int64_t j = start; j < stop; j++) tocarry[k++] = j;
  }
}

extern "C" __global__ void awkward_ListArray_expand_carry_32(int64_t* tocarry, const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<int32_t>(tocarry, fromstarts, fromstops, length, lentocarry, err);
}
extern "C" __global__ void awkward_ListArray_expand_carry_U32(int64_t* tocarry, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<uint32_t>(tocarry, fromstarts, fromstops, length, lentocarry, err);
}
extern "C" __global__ void awkward_ListArray_expand_carry_64(int64_t* tocarry, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<int64_t>(tocarry, fromstarts, fromstops, length, lentocarry, err);
}
