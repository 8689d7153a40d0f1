// Hand-written (not generated): the check of segment offsets shared by the sort kernels, which
// run in block 0 (other blocks return before calling it).
//
// awkward_cuda_bad_segments records `code` for every segment whose offsets[i]:offsets[i + 1] is
// not inside [0, length] or decreases (index -1 when nsegments < 0), through awkward_cuda_fail
// (atomicMin keeps the smallest index, as the sequential kernel reports). It answers, for every
// thread of the block alike, whether an error is recorded: the answer comes from one
// __syncthreads_or, so no thread can see an error that a faster thread records after the check.
#ifndef AWKWARD_CUDA_SEGMENTS_H_
#define AWKWARD_CUDA_SEGMENTS_H_

#include "awkward_cuda.h"

__device__ inline bool awkward_cuda_bad_segments(const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t code, int64_t* err) {
  if (nsegments < 0) {  // the same for every thread: no barrier needed
    if (threadIdx.x == 0) awkward_cuda_fail(err, code, -1);
    return true;
  }
  for (int64_t i = threadIdx.x; i < nsegments; i += blockDim.x) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > length) {
      awkward_cuda_fail(err, code, i);
    }
  }
  return __syncthreads_or(*(volatile int64_t*)err != AWKWARD_CUDA_NO_ERROR);
}

#endif  // AWKWARD_CUDA_SEGMENTS_H_
