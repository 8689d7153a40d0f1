// awkward_reduce_nonlocal_gather (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_nonlocal_gather.cpp):
// the stable counting sort of awkward_reduce_nonlocal_carry writing the items themselves, parallel
// in block 0 (awkward_cuda_nonlocal.h)
#include "awkward_cuda_nonlocal.h"

template <typename T>
__device__ void reduce_nonlocal_gather(T* todata, int64_t* tooffsets, int64_t* toparents, const T* fromdata,
                                   const int64_t* offsets, const int64_t* starts,
                                   const int64_t* stops, const int64_t* groupoffsets,
                                   int64_t nsegments, int64_t nlists, int64_t total,
                                   int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  const awkward_cuda_nonlocal_codes codes = {AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_BAD_SEGMENT,
      AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_BAD_LIST, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_WRONG_TOTAL};
  const bool parents = parentslength > 0;
  awkward_cuda_nonlocal_sort(tooffsets, offsets, starts, stops, groupoffsets, nsegments, nlists, total,
      ngroups, parentslength, true, fromlength, codes,
      [=] (int64_t p, int64_t j, int64_t from) {
        todata[p] = fromdata[from];
        if (parents) toparents[p] = j;
      },
      err);
}

extern "C" __global__ void awkward_reduce_nonlocal_gather_uint8(uint8_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint8_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  reduce_nonlocal_gather<uint8_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                         nsegments, nlists, total, ngroups, parentslength, fromlength, err);
}
extern "C" __global__ void awkward_reduce_nonlocal_gather_uint16(uint16_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint16_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  reduce_nonlocal_gather<uint16_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                         nsegments, nlists, total, ngroups, parentslength, fromlength, err);
}
extern "C" __global__ void awkward_reduce_nonlocal_gather_uint32(uint32_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint32_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  reduce_nonlocal_gather<uint32_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                         nsegments, nlists, total, ngroups, parentslength, fromlength, err);
}
extern "C" __global__ void awkward_reduce_nonlocal_gather_uint64(uint64_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint64_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  reduce_nonlocal_gather<uint64_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                         nsegments, nlists, total, ngroups, parentslength, fromlength, err);
}
