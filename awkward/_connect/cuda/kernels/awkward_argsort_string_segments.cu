// awkward_argsort_string_segments (CUDA twin of awkward-cpp/src/kernels/awkward_argsort_string_segments.cpp):
// block 0 only (so that an offsets error is reported before a string error, as the C++ kernel
// does); one thread per segment, a stable insertion sort of positions, strings compared bytewise.
#include "awkward_cuda_segments.h"

__device__ int argsort_string_compare(const int64_t* fromoffsets, const uint8_t* fromchars, int64_t a, int64_t b) {
  const int64_t sa = fromoffsets[a + 1] - fromoffsets[a];
  const int64_t sb = fromoffsets[b + 1] - fromoffsets[b];
  const uint8_t* ca = fromchars + fromoffsets[a];
  const uint8_t* cb = fromchars + fromoffsets[b];
  const int64_t n = sa < sb ? sa : sb;
  for (int64_t p = 0; p < n; p++) {
    if (ca[p] != cb[p]) return ca[p] < cb[p] ? -1 : 1;
  }
  return sa < sb ? -1 : (sa > sb ? 1 : 0);
}

extern "C" __global__ void awkward_argsort_string_segments_uint8(int64_t* toptr, const int64_t* fromoffsets,
    const uint8_t* fromchars, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t charslength, bool ascending, bool local, int64_t* err) {
  if (blockIdx.x != 0) return;
  const int64_t tid = threadIdx.x;
  if (awkward_cuda_bad_segments(offsets, nsegments, length, AWKWARD_ARGSORT_STRING_SEGMENTS_ERRCODE_OUT_OF_RANGE, err)) return;
  for (int64_t j = tid; j < length; j += blockDim.x) {
    if (fromoffsets[j] < 0 || fromoffsets[j + 1] < fromoffsets[j] || fromoffsets[j + 1] > charslength) {
      awkward_cuda_fail(err, AWKWARD_ARGSORT_STRING_SEGMENTS_ERRCODE_BAD_STRING, j);
    }
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
    for (int64_t j = start; j < stop; j++) {
      int64_t p = j;
      while (p > start) {
        const int c = argsort_string_compare(fromoffsets, fromchars, j, toptr[p - 1]);
        if (!(ascending ? c < 0 : c > 0)) break;
        toptr[p] = toptr[p - 1];
        p--;
      }
      toptr[p] = j;
    }
    if (local) {
      for (int64_t j = start; j < stop; j++) toptr[j] -= start;
    }
  }
}
