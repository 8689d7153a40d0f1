// awkward_sort_segments (CUDA twin of awkward-cpp/src/kernels/awkward_sort_segments.cpp): one thread
// per segment, a stable insertion sort in place; NaN first in both directions
#include "awkward_cuda.h"

template <typename T>
__device__ bool sort_segments_before(T a, T b, bool ascending) {
  return ascending ? (a < b) : (b < a);
}

template <typename T>
__device__ void sort_segments(T* toptr, const T* fromptr, const int64_t* offsets, int64_t nsegments,
                              int64_t length, bool ascending, int64_t* err) {
  if (nsegments < 0) {
    if (awkward_cuda_thread() == 0) awkward_cuda_fail(err, AWKWARD_SORT_SEGMENTS_ERRCODE_OUT_OF_RANGE, -1);
    return;
  }
  const int64_t first = nsegments > 0 ? offsets[0] : 0;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : 0;
  for (int64_t j = awkward_cuda_thread(); j < length; j += awkward_cuda_stride()) {
    if (j < first || j >= last) toptr[j] = fromptr[j];  // outside every segment: copied
  }
  for (int64_t i = awkward_cuda_thread(); i < nsegments; i += awkward_cuda_stride()) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    if (start < 0 || stop < start || stop > length) {
      awkward_cuda_fail(err, AWKWARD_SORT_SEGMENTS_ERRCODE_OUT_OF_RANGE, i);
      continue;
    }
    int64_t k = start;
    for (int64_t j = start; j < stop; j++) {
      if (fromptr[j] != fromptr[j]) toptr[k++] = fromptr[j];  // NaN, in their order
    }
    const int64_t begin = k;
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      if (x != x) continue;
      int64_t p = k++;
      while (p > begin && sort_segments_before(x, toptr[p - 1], ascending)) {
        toptr[p] = toptr[p - 1];
        p--;
      }
      toptr[p] = x;
    }
  }
}

extern "C" __global__ void awkward_sort_segments_bool(bool* toptr, const bool* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<bool>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_int8(int8_t* toptr, const int8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<int8_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_uint8(uint8_t* toptr, const uint8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<uint8_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_int16(int16_t* toptr, const int16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<int16_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_uint16(uint16_t* toptr, const uint16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<uint16_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_int32(int32_t* toptr, const int32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<int32_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_uint32(uint32_t* toptr, const uint32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<uint32_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<int64_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_uint64(uint64_t* toptr, const uint64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<uint64_t>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_float32(float* toptr, const float* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<float>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}
extern "C" __global__ void awkward_sort_segments_float64(double* toptr, const double* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, int64_t* err) {
  sort_segments<double>(toptr, fromptr, offsets, nsegments, length, ascending, err);
}