// awkward_ListArray_num (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_num.cpp)
#include "awkward_cuda.h"

template <typename C>
__device__ void list_num(int64_t* tonum, const C* starts, const C* stops, int64_t length, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    if (stops[i] < starts[i]) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_NUM_ERRCODE_STOP_BEFORE_START, i);
    } else {
      tonum[i] = (int64_t)stops[i] - (int64_t)starts[i];
    }
  }
}

extern "C" __global__ void awkward_ListArray_num_32(int64_t* tonum, const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t* err) {
  list_num(tonum, fromstarts, fromstops, length, err);
}
extern "C" __global__ void awkward_ListArray_num_U32(int64_t* tonum, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t* err) {
  list_num(tonum, fromstarts, fromstops, length, err);
}
extern "C" __global__ void awkward_ListArray_num_64(int64_t* tonum, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t* err) {
  list_num(tonum, fromstarts, fromstops, length, err);
}
