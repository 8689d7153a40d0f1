// Shared by awkward_reduce_max and awkward_reduce_min (not generated): one value per segment,
// the best (largest if LARGEST, else smallest) of the identity and the segment's values, as the
// plain loop `best = x > best ? x : best` finds it (a NaN never replaces the best).
#ifndef AWKWARD_REDUCE_EXTREMA_H_
#define AWKWARD_REDUCE_EXTREMA_H_

#include <cstdint>

#include "reduce_adaptive.h"
#include "reduce_block.h"

// Fills toptr[0:length]; returns the first segment out of range (the caller's error), or -1.
template <bool LARGEST, typename T>
int64_t awkward_reduce_extrema(T* toptr, const T* fromptr, const T* identity,
                               const int64_t* fromstarts, const int64_t* fromstops,
                               int64_t length, int64_t fromlength) {
  const T first = length > 0 ? identity[0] : T();  // read once (none when no segment)
  auto reduce = [=](int64_t i, int64_t start, int64_t stop, auto block) {
    T best = first;
    int64_t j = start;
    if constexpr (decltype(block)::value) {
      // short segments without a loop-exit branch (reduce_block.h), same order of comparisons
      if (start <= fromlength - AWKWARD_REDUCE_BLOCK) {
        const int64_t count = stop - start;
        best = awkward_reduce_block_best<LARGEST, T>(
            fromptr + start, count < AWKWARD_REDUCE_BLOCK ? count : AWKWARD_REDUCE_BLOCK, best);
        j = start + AWKWARD_REDUCE_BLOCK;
      }
    }
    for (; j < stop; j++) {
      const T x = fromptr[j];
      best = LARGEST ? ((x > best) ? x : best) : ((x < best) ? x : best);
    }
    toptr[i] = best;
  };
  // the block loop (reduce_adaptive.h: no trials for min/max)
  return awkward_reduce_segments<awkward_reduce_block_extrema<T>::value, false>(
      reduce, fromstarts, fromstops, length, fromlength);
}

#endif  // AWKWARD_REDUCE_EXTREMA_H_
