// awkward_ListArray_expand_carry: concatenated [start, stop) ranges as a carry (CUDA twin of the C++ kernel)
#include "awkward_cuda_scan.h"

// Output positions are a running sum of the list lengths: a parallel scan in block 0
// (awkward_cuda_scan.h); each thread then writes its own lists' positions.
template <typename C>
__device__ void impl(int64_t* tocarry, const C* fromstarts, const C* fromstops, int64_t length, int64_t lentocarry, int64_t* err) {
  awkward_cuda_block0_scan(
      length,
      [=] (int64_t i) -> int64_t {
        const int64_t start = (int64_t)fromstarts[i];
        const int64_t stop = (int64_t)fromstops[i];
        if (stop < start) {
          awkward_cuda_fail(err, AWKWARD_LISTARRAY_EXPAND_CARRY_ERRCODE_STOP_BEFORE_START, i);
          return 0;
        }
        return stop - start;
      },
      [=] (int64_t i, int64_t before, int64_t n) {
        // `before` counts only valid earlier lists; an earlier invalid one has the smaller index
        if (n > lentocarry - before) {
          awkward_cuda_fail(err, AWKWARD_LISTARRAY_EXPAND_CARRY_ERRCODE_TOCARRY_TOO_SHORT, i);
          return;
        }
        const int64_t start = (int64_t)fromstarts[i];
        for (int64_t j = 0; j < n; j++) tocarry[before + j] = start + j;
      },
      err);
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
