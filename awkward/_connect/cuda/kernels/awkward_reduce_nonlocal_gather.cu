// awkward_reduce_nonlocal_gather (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_nonlocal_gather.cpp):
// the same counting sort, writing the items themselves, sequential in thread 0 (correct, not fast)
#include "awkward_cuda.h"

template <typename T>
__device__ void reduce_nonlocal_gather(T* todata, int64_t* tooffsets, int64_t* toparents, const T* fromdata,
                                   const int64_t* offsets, const int64_t* starts,
                                   const int64_t* stops, const int64_t* groupoffsets,
                                   int64_t nsegments, int64_t nlists, int64_t total,
                                   int64_t ngroups, int64_t parentslength, int64_t fromlength, int64_t* err) {
  if (awkward_cuda_thread() != 0) return;
  if (parentslength != 0 && parentslength != total) {
    { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_WRONG_TOTAL, -1); return; }
  }
  if (nsegments < 0 || ngroups < 0) { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_BAD_SEGMENT, -1); return; }
  for (int64_t i = 0; i < nsegments; i++) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > nlists ||
        groupoffsets[i] < 0 || groupoffsets[i + 1] < groupoffsets[i] ||
        groupoffsets[i + 1] > ngroups) {
      { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_BAD_SEGMENT, i); return; }
    }
  }
  // 1. count the items of every group (in tooffsets[g])
  for (int64_t g = 0; g <= ngroups; g++) tooffsets[g] = 0;
  int64_t seen = 0;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t width = groupoffsets[i + 1] - groupoffsets[i];
    int64_t* counts = tooffsets + groupoffsets[i];
    for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) {
      const int64_t length = stops[j] - starts[j];
      if (length < 0 || length > width || starts[j] < 0 || stops[j] > fromlength) {
        { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_BAD_LIST, j); return; }
      }
      seen += length;
      if (seen > total) { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_WRONG_TOTAL, j); return; }
      for (int64_t k = 0; k < length; k++) counts[k]++;
    }
  }
  if (seen != total) { awkward_cuda_fail(err, AWKWARD_REDUCE_NONLOCAL_GATHER_ERRCODE_WRONG_TOTAL, -1); return; }
  // 2. exclusive running sum: tooffsets[g] = where group g starts (the write cursor)
  int64_t running = 0;
  for (int64_t g = 0; g < ngroups; g++) {
    const int64_t count = tooffsets[g];
    tooffsets[g] = running;
    running += count;
  }
  tooffsets[ngroups] = running;
  // 3. scatter; afterwards tooffsets[g] is where group g ends
  for (int64_t i = 0; i < nsegments; i++) {
    int64_t* cursor = tooffsets + groupoffsets[i];
    for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) {
      const int64_t start = starts[j];
      const int64_t length = stops[j] - start;
      if (parentslength > 0) {
        for (int64_t k = 0; k < length; k++) {
          const int64_t p = cursor[k]++;
          todata[p] = fromdata[start + k];
          toparents[p] = j;
        }
      } else {
        for (int64_t k = 0; k < length; k++) todata[cursor[k]++] = fromdata[start + k];
      }
    }
  }
  // 4. shift: where group g starts is where group g - 1 ends
  for (int64_t g = ngroups; g > 0; g--) tooffsets[g] = tooffsets[g - 1];
  tooffsets[0] = 0;
  
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
