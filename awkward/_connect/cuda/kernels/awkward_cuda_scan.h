// Hand-written (not generated): the parallel running sum shared by the CUDA kernels whose
// output positions depend on every earlier item (offsets from lengths, carries of concatenated
// ranges, padded lists).
//
// awkward_cuda_block0_scan runs in block 0 with all of its threads (any blockDim.x up to 1024;
// other blocks return at once, so every launch shape is correct, including the `threads: 1`
// launch of the spec, one block of 256). The input is cut into tiles of blockDim.x * ITEMS
// items; each thread takes ITEMS consecutive items of a tile, the block adds up the threads'
// sums with warp shuffles (one exclusive scan per tile), and a carry moves from tile to tile.
// Integer sums are exact, so the result equals the sequential kernel's bit for bit.
//
//   count(i) -> int64_t   the item's contribution (validate here; return >= 0)
//   emit(i, before, n)     called once per item with the exclusive running sum `before` and
//                          n = count(i); writes the outputs
//
// Errors go through awkward_cuda_fail (atomicMin keeps the smallest index, the one the
// sequential kernel reports); once one is recorded the block stops after the current tile.
#ifndef AWKWARD_CUDA_SCAN_H_
#define AWKWARD_CUDA_SCAN_H_

#include "awkward_cuda.h"

#define AWKWARD_CUDA_SCAN_ITEMS 8

// Exclusive sum of `value` over the threads of the block; *total gets the block's sum.
// Every thread of the block must call it (it synchronizes).
__device__ inline int64_t awkward_cuda_block_exclusive_sum(int64_t value, int64_t* total) {
  __shared__ int64_t warp_sums[32];
  const unsigned lane = threadIdx.x & 31u;
  const unsigned warp = threadIdx.x >> 5;
  const unsigned nwarps = (blockDim.x + 31u) >> 5;
  const unsigned lanes = blockDim.x - warp * 32u < 32u ? blockDim.x - warp * 32u : 32u;
  const unsigned mask = lanes == 32u ? 0xffffffffu : ((1u << lanes) - 1u);
  int64_t inclusive = value;
  for (unsigned d = 1; d < 32u; d <<= 1) {
    const int64_t up = __shfl_up_sync(mask, inclusive, d);
    if (lane >= d) inclusive += up;
  }
  if (lane == lanes - 1u) warp_sums[warp] = inclusive;
  __syncthreads();
  if (warp == 0) {
    int64_t sum = lane < nwarps ? warp_sums[lane] : 0;
    for (unsigned d = 1; d < 32u; d <<= 1) {
      const int64_t up = __shfl_up_sync(mask, sum, d);
      if (lane >= d) sum += up;
    }
    if (lane < nwarps) warp_sums[lane] = sum;  // inclusive sums of the warps
  }
  __syncthreads();
  const int64_t before_warp = warp == 0 ? 0 : warp_sums[warp - 1];
  *total = warp_sums[nwarps - 1];
  __syncthreads();  // warp_sums is reused by the next call
  return before_warp + inclusive - value;
}

// Returns the total (in every thread of block 0; 0 in other blocks).
template <typename Count, typename Emit>
__device__ inline int64_t awkward_cuda_block0_scan(int64_t length, Count count, Emit emit, int64_t* err) {
  if (blockIdx.x != 0) return 0;
  const int64_t per_tile = (int64_t)blockDim.x * AWKWARD_CUDA_SCAN_ITEMS;
  int64_t carry = 0;
  for (int64_t base = 0; base < length; base += per_tile) {
    const int64_t first = base + (int64_t)threadIdx.x * AWKWARD_CUDA_SCAN_ITEMS;
    int64_t items[AWKWARD_CUDA_SCAN_ITEMS];
    int64_t mine = 0;
#pragma unroll
    for (int k = 0; k < AWKWARD_CUDA_SCAN_ITEMS; k++) {
      const int64_t i = first + k;
      items[k] = i < length ? count(i) : 0;
      mine += items[k];
    }
    int64_t tile_total;
    int64_t before = carry + awkward_cuda_block_exclusive_sum(mine, &tile_total);
#pragma unroll
    for (int k = 0; k < AWKWARD_CUDA_SCAN_ITEMS; k++) {
      const int64_t i = first + k;
      if (i < length) {
        emit(i, before, items[k]);
        before += items[k];
      }
    }
    carry += tile_total;
    // every thread sees the same answer, so the loop stays uniform across the block
    if (__syncthreads_or(*(volatile long long*)err != AWKWARD_CUDA_NO_ERROR)) break;
  }
  return carry;
}

#endif  // AWKWARD_CUDA_SCAN_H_
