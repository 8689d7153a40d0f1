// awkward_ListArray_rpad_and_clip_axis1 (CUDA twin of
// awkward-cpp/src/kernels/awkward_ListArray_rpad_and_clip_axis1.cpp): one thread per list
#include "awkward_cuda.h"

template <typename C>
__device__ void rpad_and_clip(int64_t* toindex, const C* starts, const C* stops, int64_t target, int64_t length, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    if (stops[i] < starts[i]) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_RPAD_AND_CLIP_AXIS1_ERRCODE_STOP_BEFORE_START, i);
      continue;
    }
    const int64_t start = (int64_t)starts[i];
    const int64_t count = (int64_t)stops[i] - start;
    for (int64_t j = 0; j < target; j++) toindex[i * target + j] = j < count ? start + j : -1;
  }
}

extern "C" __global__ void awkward_ListArray_rpad_and_clip_axis1_32(int64_t* toindex, const int32_t* fromstarts, const int32_t* fromstops, int64_t target, int64_t length, int64_t* err) {
  rpad_and_clip(toindex, fromstarts, fromstops, target, length, err);
}
extern "C" __global__ void awkward_ListArray_rpad_and_clip_axis1_U32(int64_t* toindex, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t target, int64_t length, int64_t* err) {
  rpad_and_clip(toindex, fromstarts, fromstops, target, length, err);
}
extern "C" __global__ void awkward_ListArray_rpad_and_clip_axis1_64(int64_t* toindex, const int64_t* fromstarts, const int64_t* fromstops, int64_t target, int64_t length, int64_t* err) {
  rpad_and_clip(toindex, fromstarts, fromstops, target, length, err);
}
