// awkward_sort_missing_segments (CUDA twin of awkward-cpp/src/kernels/awkward_sort_missing_segments.cpp):
// block 0 only. Its threads take contiguous runs of pieces (the positions before the segments,
// each segment, the positions after them), count their present values, find where their run
// starts in tovalues with a running sum over the block, then compact and sort each segment in
// place (insertion sort, NaN first) and write its index, -1 entries last.
#include "awkward_cuda_scan.h"
#include "awkward_cuda_segments.h"

#define SORT_MISSING_MAX_THREADS 1024

__device__ inline void sort_missing_piece(int64_t piece, int64_t nsegments, int64_t length,
                                          const int64_t* offsets, int64_t* start, int64_t* stop) {
  const int64_t first = nsegments > 0 ? offsets[0] : length;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : length;
  if (piece == 0) {
    *start = 0;
    *stop = first;
  } else if (piece == nsegments + 1) {
    *start = last;
    *stop = length;
  } else {
    *start = offsets[piece - 1];
    *stop = offsets[piece];
  }
}

template <typename T>
__device__ bool sort_missing_before(T a, T b, bool ascending) {
  return ascending ? (a < b) : (b < a);
}

template <typename T>
__device__ void sort_missing(T* tovalues, int64_t* toindex, int64_t* tolength, const T* fromptr,
                             const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
                             int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  if (blockIdx.x != 0) return;
  const int64_t tid = threadIdx.x;
  const int64_t nthreads = blockDim.x < SORT_MISSING_MAX_THREADS ? blockDim.x : SORT_MISSING_MAX_THREADS;
  // offsets errors come first
  if (awkward_cuda_bad_segments(offsets, nsegments, length, AWKWARD_SORT_MISSING_SEGMENTS_ERRCODE_OUT_OF_RANGE, err)) return;
  for (int64_t j = tid; j < length; j += blockDim.x) {
    if (fromindex[j] >= datalength) awkward_cuda_fail(err, AWKWARD_SORT_MISSING_SEGMENTS_ERRCODE_BAD_INDEX, j);
  }
  // one block-wide decision: a thread reading *err late could see the next phase's error
  if (__syncthreads_or(*(volatile int64_t*)err != AWKWARD_CUDA_NO_ERROR)) return;
  // 1. present values of my run of pieces
  const int64_t npieces = nsegments + 2;
  const int64_t chunk = (npieces + nthreads - 1) / nthreads;
  const int64_t lo = tid < nthreads ? tid * chunk : npieces;
  const int64_t hi = lo + chunk < npieces ? lo + chunk : npieces;
  int64_t count = 0;
  if (lo < npieces) {
    int64_t a, b, c, d;
    sort_missing_piece(lo, nsegments, length, offsets, &a, &b);
    sort_missing_piece(hi - 1, nsegments, length, offsets, &c, &d);
    for (int64_t j = a; j < d; j++) count += fromindex[j] >= 0;  // pieces are contiguous
  }
  // 2. where my run starts in tovalues: a block scan of the counts (awkward_cuda_scan.h)
  int64_t present;
  int64_t k = awkward_cuda_block_exclusive_sum(count, &present);
  if (tid == 0) tolength[0] = present;
  // 3. my pieces: compact, sort the segments, write the index
  for (int64_t piece = lo; piece < hi; piece++) {
    int64_t start, stop;
    sort_missing_piece(piece, nsegments, length, offsets, &start, &stop);
    if (piece == 0 || piece == nsegments + 1) {  // outside the segments: kept in place
      for (int64_t j = start; j < stop; j++) {
        const int64_t at = fromindex[j];
        if (at < 0) {
          toindex[j] = -1;
        } else {
          tovalues[k] = fromptr[at];
          toindex[j] = k++;
        }
      }
      continue;
    }
    const int64_t begin = k;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at >= 0 && fromptr[at] != fromptr[at]) tovalues[k++] = fromptr[at];  // NaN, in order
    }
    const int64_t sorted = k;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at < 0) continue;
      const T x = fromptr[at];
      if (x != x) continue;
      int64_t p = k++;
      while (p > sorted && sort_missing_before(x, tovalues[p - 1], ascending)) {
        tovalues[p] = tovalues[p - 1];
        p--;
      }
      tovalues[p] = x;
    }
    const int64_t present = k - begin;
    for (int64_t p = 0; p < stop - start; p++) toindex[start + p] = p < present ? begin + p : -1;
  }
  // 4. the unused tail of tovalues is 0
  for (int64_t j = present + tid; j < length; j += blockDim.x) tovalues[j] = (T)0;
}

extern "C" __global__ void awkward_sort_missing_segments_bool(bool* tovalues, int64_t* toindex,
    int64_t* tolength, const bool* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<bool>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_int8(int8_t* tovalues, int64_t* toindex,
    int64_t* tolength, const int8_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<int8_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_uint8(uint8_t* tovalues, int64_t* toindex,
    int64_t* tolength, const uint8_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<uint8_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_int16(int16_t* tovalues, int64_t* toindex,
    int64_t* tolength, const int16_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<int16_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_uint16(uint16_t* tovalues, int64_t* toindex,
    int64_t* tolength, const uint16_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<uint16_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_int32(int32_t* tovalues, int64_t* toindex,
    int64_t* tolength, const int32_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<int32_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_uint32(uint32_t* tovalues, int64_t* toindex,
    int64_t* tolength, const uint32_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<uint32_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_int64(int64_t* tovalues, int64_t* toindex,
    int64_t* tolength, const int64_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<int64_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_uint64(uint64_t* tovalues, int64_t* toindex,
    int64_t* tolength, const uint64_t* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<uint64_t>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_float32(float* tovalues, int64_t* toindex,
    int64_t* tolength, const float* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<float>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
extern "C" __global__ void awkward_sort_missing_segments_float64(double* tovalues, int64_t* toindex,
    int64_t* tolength, const double* fromptr, const int64_t* fromindex, const int64_t* offsets,
    int64_t nsegments, int64_t length, int64_t datalength, bool ascending, int64_t* err) {
  sort_missing<double>(tovalues, toindex, tolength, fromptr, fromindex, offsets, nsegments, length,
                    datalength, ascending, err);
}
