// awkward_reduce_nonlocal_carry (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_nonlocal_carry.cpp):
// the same stable counting sort, parallel in block 0 (awkward_cuda_nonlocal.h)
#include "awkward_cuda_nonlocal.h"

extern "C" __global__ void awkward_reduce_nonlocal_carry_64(int64_t* tocarry, int64_t* tooffsets, int64_t* toparents,
    const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t* err) {
  const awkward_cuda_nonlocal_codes codes = {AWKWARD_REDUCE_NONLOCAL_CARRY_ERRCODE_BAD_SEGMENT,
      AWKWARD_REDUCE_NONLOCAL_CARRY_ERRCODE_BAD_LIST, AWKWARD_REDUCE_NONLOCAL_CARRY_ERRCODE_WRONG_TOTAL};
  const bool parents = parentslength > 0;
  awkward_cuda_nonlocal_sort(tooffsets, offsets, starts, stops, groupoffsets, nsegments, nlists, total,
      ngroups, parentslength, false, 0, codes,
      [=] (int64_t p, int64_t j, int64_t from) {
        tocarry[p] = from;
        if (parents) toparents[p] = j;
      },
      err);
}
