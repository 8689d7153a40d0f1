// awkward_argsort_missing_segments (CUDA twin of awkward-cpp/src/kernels/awkward_argsort_missing_segments.cpp):
// block 0 only (so that an offsets error is reported before an index error, as the C++ kernel
// does); one thread per segment: positions of NaN, then of the other present values (stable
// insertion sort), then of the missing ones.
#include "awkward_cuda_segments.h"

template <typename T>
__device__ bool argsort_missing_before(T a, T b, bool ascending) {
  return ascending ? (a < b) : (b < a);
}

template <typename T>
__device__ void argsort_missing(int64_t* toptr, const T* fromptr, const int64_t* fromindex,
                                const int64_t* offsets, int64_t nsegments, int64_t length,
                                int64_t datalength, bool ascending, bool local, int64_t* err) {
  if (blockIdx.x != 0) return;
  const int64_t tid = threadIdx.x;
  if (awkward_cuda_bad_segments(offsets, nsegments, length, AWKWARD_ARGSORT_MISSING_SEGMENTS_ERRCODE_OUT_OF_RANGE, err)) return;
  for (int64_t j = tid; j < length; j += blockDim.x) {
    if (fromindex[j] >= datalength) awkward_cuda_fail(err, AWKWARD_ARGSORT_MISSING_SEGMENTS_ERRCODE_BAD_INDEX, j);
  }
  // one block-wide decision: a thread reading *err late could see the next phase's error
  if (__syncthreads_or(*(volatile int64_t*)err != AWKWARD_CUDA_NO_ERROR)) return;
  const int64_t first = nsegments > 0 ? offsets[0] : length;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : length;
  for (int64_t j = tid; j < length; j += blockDim.x) {
    if (j < first || j >= last) toptr[j] = local ? 0 : j;
  }
  for (int64_t i = tid; i < nsegments; i += blockDim.x) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    int64_t k = start;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at >= 0 && fromptr[at] != fromptr[at]) toptr[k++] = j;
    }
    const int64_t sorted = k;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at < 0) continue;
      const T x = fromptr[at];
      if (x != x) continue;
      int64_t p = k++;
      while (p > sorted && argsort_missing_before(x, fromptr[fromindex[toptr[p - 1]]], ascending)) {
        toptr[p] = toptr[p - 1];
        p--;
      }
      toptr[p] = j;
    }
    for (int64_t j = start; j < stop; j++) {
      if (fromindex[j] < 0) toptr[k++] = j;
    }
    if (local) {
      for (int64_t j = start; j < stop; j++) toptr[j] -= start;
    }
  }
}

extern "C" __global__ void awkward_argsort_missing_segments_bool(int64_t* toptr, const bool* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<bool>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_int8(int64_t* toptr, const int8_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<int8_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_uint8(int64_t* toptr, const uint8_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<uint8_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_int16(int64_t* toptr, const int16_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<int16_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_uint16(int64_t* toptr, const uint16_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<uint16_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_int32(int64_t* toptr, const int32_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<int32_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_uint32(int64_t* toptr, const uint32_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<uint32_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_int64(int64_t* toptr, const int64_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<int64_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_uint64(int64_t* toptr, const uint64_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<uint64_t>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_float32(int64_t* toptr, const float* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<float>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
extern "C" __global__ void awkward_argsort_missing_segments_float64(int64_t* toptr, const double* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local, int64_t* err) {
  argsort_missing<double>(toptr, fromptr, fromindex, offsets, nsegments, length, datalength, ascending,
                       local, err);
}
