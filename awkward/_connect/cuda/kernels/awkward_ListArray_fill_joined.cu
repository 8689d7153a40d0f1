// awkward_ListArray_fill_joined: one piece's lists appended at per-list cursors (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

// Every list has its own cursor and its own output range: one thread per list.
template <typename T>
__device__ void impl(T* toptr, int64_t* tocursor, const T* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    const int64_t at = tocursor[i];
    if (stop < start) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_FILL_JOINED_ERRCODE_STOP_BEFORE_START, i);
      return;
    }
    if (start < 0 || stop > lenfromptr) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_FILL_JOINED_ERRCODE_FROM_OUT_OF_RANGE, i);
      return;
    }
    if (at < 0 || stop - start > lentoptr - at) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_FILL_JOINED_ERRCODE_TO_OUT_OF_RANGE, i);
      return;
    }
    for (int64_t j = start; j < stop; j++) toptr[at + (j - start)] = fromptr[j];
    tocursor[i] = at + (stop - start);
  }
}

extern "C" __global__ void awkward_ListArray_fill_joined_8(uint8_t* toptr, int64_t* tocursor, const uint8_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr, int64_t* err) {
  impl<uint8_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr, err);
}
extern "C" __global__ void awkward_ListArray_fill_joined_16(uint16_t* toptr, int64_t* tocursor, const uint16_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr, int64_t* err) {
  impl<uint16_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr, err);
}
extern "C" __global__ void awkward_ListArray_fill_joined_32(uint32_t* toptr, int64_t* tocursor, const uint32_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr, int64_t* err) {
  impl<uint32_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr, err);
}
extern "C" __global__ void awkward_ListArray_fill_joined_64(uint64_t* toptr, int64_t* tocursor, const uint64_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr, int64_t* err) {
  impl<uint64_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr, err);
}
