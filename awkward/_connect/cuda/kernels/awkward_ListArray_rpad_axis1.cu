// awkward_ListArray_rpad_axis1 (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_rpad_axis1.cpp)
#include "awkward_cuda_scan.h"

// The padded widths are a running sum: a parallel scan in block 0 (awkward_cuda_scan.h); each
// thread then writes its own lists' offsets and indexes.
template <typename C>
__device__ void rpad(int64_t* tooffsets, int64_t* toindex, const C* starts, const C* stops, int64_t target,
                     int64_t length, int64_t tolength, int64_t* err) {
  if (blockIdx.x == 0 && threadIdx.x == 0) tooffsets[0] = 0;
  awkward_cuda_block0_scan(
      length,
      [=] (int64_t i) -> int64_t {
        if (stops[i] < starts[i]) {
          awkward_cuda_fail(err, AWKWARD_LISTARRAY_RPAD_AXIS1_ERRCODE_STOP_BEFORE_START, i);
          return 0;
        }
        const int64_t count = (int64_t)stops[i] - (int64_t)starts[i];
        return count > target ? count : target;
      },
      [=] (int64_t i, int64_t before, int64_t width) {
        // `before` counts only valid earlier lists; an earlier invalid one has the smaller index
        if (width > tolength - before) {
          awkward_cuda_fail(err, AWKWARD_LISTARRAY_RPAD_AXIS1_ERRCODE_INDEX_TOO_SHORT, i);
          return;
        }
        const int64_t start = (int64_t)starts[i];
        const int64_t count = stops[i] < starts[i] ? 0 : (int64_t)stops[i] - start;
        for (int64_t j = 0; j < width; j++) toindex[before + j] = j < count ? start + j : -1;
        tooffsets[i + 1] = before + width;
      },
      err);
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
