// Hand-written (not generated): the parallel counting sort shared by awkward_reduce_nonlocal_carry
// and awkward_reduce_nonlocal_gather. Block 0 does all the work with all of its threads (other
// blocks return at once, so any launch shape is correct, including the spec's `threads: 1`
// launch, one block of 256).
//
// Item k of list j (segment i: offsets[i] <= j < offsets[i + 1]) goes to group
// groupoffsets[i] + k, and inside a group the items keep list order (the C++ kernel's order).
//   1. checks, in the C++ kernel's order: parentslength, negative sizes, the segments (one thread
//      per segment), the lists (one thread per list, with a block scan of their lengths for the
//      running `seen > total` check);
//   2. group sizes: a difference array filled with atomics (+1 where a list's groups begin, -1
//      past its last one), an inclusive block scan of it (the sizes) and an exclusive one (where
//      each group begins). Group g's start is kept in tooffsets[g + 1], its write cursor;
//   3. stable scatter, a tile of lists at a time: the lists of a tile that are still longer
//      than k are ranked by a block scan (rank inside the segment = scan - scan at the
//      segment's first list in the tile), and all the items of the k's up to the shortest active
//      list (a rectangle: active lists x k's) are written in parallel at cursor + rank; then the
//      segment's first active list moves the cursors on. A tile costs one round per distinct
//      length in it plus its items / threads, so one long list is spread over all threads too.
// Afterwards tooffsets[g + 1] is where group g ends, which is the result; tooffsets[0] = 0.
//
//   write(p, j, from): place the item at inner position `from` (of list j) at output p.
#ifndef AWKWARD_CUDA_NONLOCAL_H_
#define AWKWARD_CUDA_NONLOCAL_H_

#include "awkward_cuda_scan.h"

#define AWKWARD_CUDA_NONLOCAL_TILE 256

struct awkward_cuda_nonlocal_codes {
  int64_t bad_segment, bad_list, wrong_total;
};

// The segment of list j (offsets[0] <= j < offsets[nsegments], offsets already checked).
__device__ inline int64_t awkward_cuda_segment_of(const int64_t* offsets, int64_t nsegments, int64_t j) {
  int64_t lo = 0, hi = nsegments - 1;  // the first i with offsets[i + 1] > j
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (offsets[mid + 1] > j) hi = mid; else lo = mid + 1;
  }
  return lo;
}

__device__ inline bool awkward_cuda_block_error(int64_t* err) {
  return __syncthreads_or(*(volatile long long*)err != AWKWARD_CUDA_NO_ERROR);
}

// check_bounds: the lists must lie inside [0, fromlength] (the gather kernel).
template <typename Write>
__device__ void awkward_cuda_nonlocal_sort(int64_t* tooffsets, const int64_t* offsets,
    const int64_t* starts, const int64_t* stops, const int64_t* groupoffsets, int64_t nsegments,
    int64_t nlists, int64_t total, int64_t ngroups, int64_t parentslength, bool check_bounds, int64_t fromlength,
    awkward_cuda_nonlocal_codes codes, Write write, int64_t* err) {
  __shared__ int64_t s_gbase[AWKWARD_CUDA_NONLOCAL_TILE];  // first group of the list's segment
  __shared__ int64_t s_start[AWKWARD_CUDA_NONLOCAL_TILE];
  __shared__ int64_t s_rank[AWKWARD_CUDA_NONLOCAL_TILE];   // rank among the segment's active lists
  __shared__ int64_t s_move[AWKWARD_CUDA_NONLOCAL_TILE];   // cursor step (first active list of a segment)
  __shared__ int64_t s_scan[AWKWARD_CUDA_NONLOCAL_TILE + 1];
  __shared__ int32_t s_active[AWKWARD_CUDA_NONLOCAL_TILE];
  __shared__ long long s_shortest;
  if (blockIdx.x != 0) return;
  const int64_t tid = threadIdx.x;
  const int64_t nthreads = blockDim.x;
  // 1. checks (every branch below is the same for every thread, or ends at a barrier)
  if (parentslength != 0 && parentslength != total) {
    if (tid == 0) awkward_cuda_fail(err, codes.wrong_total, -1);
    return;
  }
  if (nsegments < 0 || ngroups < 0) {
    if (tid == 0) awkward_cuda_fail(err, codes.bad_segment, -1);
    return;
  }
  for (int64_t i = tid; i < nsegments; i += nthreads) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > nlists ||
        groupoffsets[i] < 0 || groupoffsets[i + 1] < groupoffsets[i] || groupoffsets[i + 1] > ngroups) {
      awkward_cuda_fail(err, codes.bad_segment, i);
    }
  }
  if (awkward_cuda_block_error(err)) return;
  const int64_t first = nsegments > 0 ? offsets[0] : 0;
  const int64_t nitems = nsegments > 0 ? offsets[nsegments] - first : 0;  // lists in the segments
  const int64_t seen = awkward_cuda_block0_scan(
      nitems,
      [=] (int64_t t) -> int64_t {
        const int64_t j = first + t;
        const int64_t i = awkward_cuda_segment_of(offsets, nsegments, j);
        const int64_t length = stops[j] - starts[j];
        if (length < 0 || length > groupoffsets[i + 1] - groupoffsets[i] ||
            (check_bounds && (starts[j] < 0 || stops[j] > fromlength))) {
          awkward_cuda_fail(err, codes.bad_list, j);
          return 0;
        }
        return length;
      },
      [=] (int64_t t, int64_t before, int64_t length) {
        if (before + length > total) awkward_cuda_fail(err, codes.wrong_total, first + t);
      },
      err);
  if (awkward_cuda_block_error(err)) return;
  if (seen != total) {
    if (tid == 0) awkward_cuda_fail(err, codes.wrong_total, -1);
    return;
  }
  // 2. group sizes, then where each group begins, in tooffsets[g + 1]
  for (int64_t g = tid; g <= ngroups; g += nthreads) tooffsets[g] = 0;
  __syncthreads();
  for (int64_t t = tid; t < nitems; t += nthreads) {
    const int64_t j = first + t;
    const int64_t length = stops[j] - starts[j];
    if (length > 0) {
      const int64_t base = groupoffsets[awkward_cuda_segment_of(offsets, nsegments, j)];
      atomicAdd((unsigned long long*)&tooffsets[base + 1], 1ULL);
      if (base + length < ngroups) atomicAdd((unsigned long long*)&tooffsets[base + length + 1], ~0ULL);  // -1
    }
  }
  __syncthreads();
  awkward_cuda_block0_scan(
      ngroups, [=] (int64_t g) -> int64_t { return tooffsets[g + 1]; },
      [=] (int64_t g, int64_t before, int64_t step) { tooffsets[g + 1] = before + step; }, err);
  __syncthreads();
  awkward_cuda_block0_scan(
      ngroups, [=] (int64_t g) -> int64_t { return tooffsets[g + 1]; },
      [=] (int64_t g, int64_t before, int64_t size) { tooffsets[g + 1] = before; }, err);
  __syncthreads();
  // 3. stable scatter, a tile of lists at a time
  const int64_t tile = nthreads < AWKWARD_CUDA_NONLOCAL_TILE ? nthreads : AWKWARD_CUDA_NONLOCAL_TILE;
  for (int64_t tile_first = 0; tile_first < nitems; tile_first += tile) {
    const int64_t here = nitems - tile_first < tile ? nitems - tile_first : tile;
    const int64_t j = first + tile_first + tid;
    int64_t length = 0, segment_first = 0, segment_end = 0;
    if (tid < here) {
      const int64_t i = awkward_cuda_segment_of(offsets, nsegments, j);
      length = stops[j] - starts[j];
      s_gbase[tid] = groupoffsets[i];
      s_start[tid] = starts[j];
      const int64_t lo = offsets[i] - first - tile_first, hi = offsets[i + 1] - first - tile_first;
      segment_first = lo > 0 ? lo : 0;
      segment_end = hi < here ? hi : here;
    }
    int64_t k_done = 0;  // every k below it is written for this tile
    while (true) {
      const bool active = tid < here && length > k_done;
      if (tid == 0) s_shortest = 0x7fffffffffffffffLL;
      int64_t nactive;
      const int64_t scan = awkward_cuda_block_exclusive_sum(active ? 1 : 0, &nactive);  // synchronizes
      if (nactive == 0) break;
      if (active) {
        atomicMin(&s_shortest, (long long)length);
        s_active[scan] = (int32_t)tid;
      }
      if (tid < tile) s_scan[tid] = scan;
      if (tid == 0) s_scan[tile] = nactive;
      __syncthreads();
      if (active) {
        s_rank[tid] = scan - s_scan[segment_first];
        s_move[tid] = s_rank[tid] == 0 ? s_scan[segment_end] - s_scan[segment_first] : 0;
      }
      const int64_t k_next = s_shortest;
      __syncthreads();
      const int64_t rectangle = nactive * (k_next - k_done);
      for (int64_t q = tid; q < rectangle; q += nthreads) {
        const int64_t t = s_active[q % nactive];
        const int64_t k = k_done + q / nactive;
        write(tooffsets[s_gbase[t] + k + 1] + s_rank[t], first + tile_first + t, s_start[t] + k);
      }
      __syncthreads();  // every cursor is read before it moves
      for (int64_t q = tid; q < rectangle; q += nthreads) {
        const int64_t t = s_active[q % nactive];
        if (s_move[t] != 0) tooffsets[s_gbase[t] + k_done + q / nactive + 1] += s_move[t];
      }
      __syncthreads();
      k_done = k_next;
    }
  }
  if (tid == 0) tooffsets[0] = 0;
}

#endif  // AWKWARD_CUDA_NONLOCAL_H_
