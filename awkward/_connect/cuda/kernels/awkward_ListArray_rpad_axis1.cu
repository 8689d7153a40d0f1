// awkward_ListArray_rpad_axis1 (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_rpad_axis1.cpp)
#include "awkward_cuda.h"

// A running sum: sequential in thread 0 (correct, not fast).
template <typename C>
__device__ void rpad(int64_t* tooffsets, int64_t* toindex, const C* starts, const C* stops, int64_t target,
                     int64_t length, int64_t tolength, int64_t* err) {
  if (awkward_cuda_thread() != 0) return;
  int64_t k = 0;
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    if (stops[i] < starts[i]) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_RPAD_AXIS1_ERRCODE_STOP_BEFORE_START, i);
      return;
    }
    const int64_t start = (int64_t)starts[i];
    const int64_t count = (int64_t)stops[i] - start;
    const int64_t width = count > target ? count : target;
    if (width > tolength - k) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_RPAD_AXIS1_ERRCODE_INDEX_TOO_SHORT, i);
      return;
    }
    for (int64_t j = 0; j < width; j++) toindex[k + j] = j < count ? start + j : -1;
    k += width;
    tooffsets[i + 1] = k;
  }
}

extern "C" __global__ void awkward_ListArray_rpad_axis1_32(int64_t* tooffsets, int64_t* toindex, const int32_t* fromstarts, const int32_t* fromstops, int64_t target, int64_t length, int64_t tolength, int64_t* err) {
  rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength, err);
}
extern "C" __global__ void awkward_ListArray_rpad_axis1_U32(int64_t* tooffsets, int64_t* toindex, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t target, int64_t length, int64_t tolength, int64_t* err) {
  rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength, err);
}
extern "C" __global__ void awkward_ListArray_rpad_axis1_64(int64_t* tooffsets, int64_t* toindex, const int64_t* fromstarts, const int64_t* fromstops, int64_t target, int64_t length, int64_t tolength, int64_t* err) {
  rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength, err);
}
