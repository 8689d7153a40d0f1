// Hand-written (not generated): the segmented reduction shared by the awkward_reduce_* kernels
// (sum, prod, min, max, argmin, argmax, any, all, count_nonzero).
//
// 1. One thread per segment (grid-stride) for the segments of at most AWKWARD_CUDA_REDUCE_SHORT
//    items, in the C++ kernel's order, so that float results equal the CPU's bit for bit; it also
//    checks every segment's bounds.
// 2. Longer segments (one segment over a whole flat array, the few groups of an axis=0
//    reduction) are reduced by a whole block: the block that owns a segment in step 1's mapping
//    takes its long segments one after another; each thread folds a contiguous chunk, and a tree
//    in shared memory combines the chunks in order (left chunk first), so min/max/arg*/any/all
//    and integer results equal the sequential ones exactly, and only float sums and products may
//    differ in rounding (as any parallel sum).
//
//   Op: ACC identity(); ACC step(ACC acc, int64_t j, int64_t start) (fold item j of a segment
//   beginning at start); ACC combine(ACC left, ACC right) (right: the items after left's);
//   void store(int64_t i, ACC acc, int64_t start).
#ifndef AWKWARD_CUDA_REDUCE_H_
#define AWKWARD_CUDA_REDUCE_H_

#include "awkward_cuda.h"

#ifndef AWKWARD_CUDA_REDUCE_SHORT  // the tests lower it to send every segment through step 2
#define AWKWARD_CUDA_REDUCE_SHORT 4096
#endif
#define AWKWARD_CUDA_REDUCE_MAX_THREADS 1024

template <typename ACC, typename Op>
__device__ void awkward_cuda_reduce_segments(const int64_t* fromstarts, const int64_t* fromstops,
    int64_t length, int64_t fromlength, int64_t errcode, const Op& op, int64_t* err) {
  __shared__ ACC s_part[AWKWARD_CUDA_REDUCE_MAX_THREADS];
  __shared__ long long s_pick;
  // 1. short segments, one thread each
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    if (start < 0 || stop < start || stop > fromlength) {
      awkward_cuda_fail(err, errcode, i);
      continue;
    }
    if (stop - start > AWKWARD_CUDA_REDUCE_SHORT) continue;
    ACC acc = op.identity();
    for (int64_t j = start; j < stop; j++) acc = op.step(acc, j, start);
    op.store(i, acc, start);
  }
  // 2. long segments, a block each (the loops and barriers below are uniform over the block)
  const int64_t tid = threadIdx.x;
  const int64_t nthreads = blockDim.x < AWKWARD_CUDA_REDUCE_MAX_THREADS ? blockDim.x : AWKWARD_CUDA_REDUCE_MAX_THREADS;
  for (int64_t base = (int64_t)blockIdx.x * blockDim.x; base < length; base += awkward_cuda_stride()) {
    const int64_t mine = base + tid;
    bool pending = false;
    if (mine < length) {
      const int64_t start = fromstarts[mine];
      const int64_t stop = fromstops[mine];
      pending = start >= 0 && stop >= start && stop <= fromlength && stop - start > AWKWARD_CUDA_REDUCE_SHORT;
    }
    while (__syncthreads_or(pending)) {
      if (tid == 0) s_pick = 0x7fffffffffffffffLL;
      __syncthreads();
      if (pending) atomicMin(&s_pick, (long long)tid);
      __syncthreads();
      const int64_t segment = base + s_pick;
      const int64_t start = fromstarts[segment];
      const int64_t stop = fromstops[segment];
      const int64_t chunk = (stop - start + nthreads - 1) / nthreads;
      const int64_t lo = start + tid * chunk;
      const int64_t hi = lo + chunk < stop ? lo + chunk : stop;
      ACC part = op.identity();
      if (tid < nthreads) {
        for (int64_t j = lo; j < hi; j++) part = op.step(part, j, start);
        s_part[tid] = part;
      }
      __syncthreads();
      for (int64_t width = 1; width < nthreads; width *= 2) {
        if (tid % (2 * width) == 0 && tid + width < nthreads) s_part[tid] = op.combine(s_part[tid], s_part[tid + width]);
        __syncthreads();
      }
      if (tid == 0) op.store(segment, s_part[0], start);
      if (mine == segment) pending = false;
      __syncthreads();  // s_part and s_pick are reused
    }
  }
}

// argmin/argmax: the position (from the segment's start; -1 when empty) of the first best item.
// As in the C++ kernel, the segment's first item is taken whatever it is (a NaN first stays);
// a chunk that starts later skips NaN (which never compares better).
template <typename T>
struct awkward_cuda_arg_best {
  T value;
  int64_t index;  // absolute position, -1: none yet
};

template <typename T, bool IS_MAX>
struct awkward_cuda_arg_op {
  int64_t* toptr;
  const T* fromptr;
  __device__ awkward_cuda_arg_best<T> identity() const {
    awkward_cuda_arg_best<T> none;
    none.value = T();
    none.index = -1;
    return none;
  }
  __device__ bool better(T x, T best) const { return IS_MAX ? (x > best) : (x < best); }
  __device__ awkward_cuda_arg_best<T> step(awkward_cuda_arg_best<T> acc, int64_t j, int64_t start) const {
    const T x = fromptr[j];
    if (acc.index < 0 ? (j == start || x == x) : better(x, acc.value)) {
      acc.value = x;
      acc.index = j;
    }
    return acc;
  }
  __device__ awkward_cuda_arg_best<T> combine(awkward_cuda_arg_best<T> left, awkward_cuda_arg_best<T> right) const {
    if (right.index >= 0 && (left.index < 0 || better(right.value, left.value))) return right;
    return left;
  }
  __device__ void store(int64_t i, awkward_cuda_arg_best<T> acc, int64_t start) const {
    toptr[i] = acc.index < 0 ? -1 : acc.index - start;
  }
};

#endif  // AWKWARD_CUDA_REDUCE_H_
