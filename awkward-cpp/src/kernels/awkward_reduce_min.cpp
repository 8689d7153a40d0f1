// awkward_reduce_min: one value per segment fromptr[fromstarts[i]:fromstops[i]] (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "reduce_adaptive.h"
#include "reduce_block.h"

template <typename T>
static Error reduce_min(T* toptr, const T* fromptr, const T* identity, const int64_t* fromstarts,
                        const int64_t* fromstops, int64_t length, int64_t fromlength) {
  const T first = length > 0 ? identity[0] : T();  // read once (none when no segment)
  auto reduce = [=](int64_t i, int64_t start, int64_t stop, auto block) {
    T best = first;
    int64_t j = start;
    if constexpr (decltype(block)::value) {
      // short segments without a loop-exit branch (reduce_block.h), same order of comparisons
      if (start <= fromlength - AWKWARD_REDUCE_BLOCK) {
        const int64_t count = stop - start;
        best = awkward_reduce_block_best<false, T>(
            fromptr + start, count < AWKWARD_REDUCE_BLOCK ? count : AWKWARD_REDUCE_BLOCK, best);
        j = start + AWKWARD_REDUCE_BLOCK;
      }
    }
    for (; j < stop; j++) {
      const T x = fromptr[j];
      best = (x < best) ? x : best;
    }
    toptr[i] = best;
  };
  // the block loop (reduce_adaptive.h: no trials for min/max)
  const int64_t bad = awkward_reduce_segments<awkward_reduce_block_extrema<T>::value, false>(
      reduce, fromstarts, fromstops, length, fromlength);
  if (bad >= 0) {
    return awkward_failure(AWKWARD_REDUCE_MIN_ERR_OUT_OF_RANGE, bad);
  }
  return awkward_success();
}

extern "C" {
Error awkward_reduce_min_bool(bool* toptr, const bool* fromptr, const bool* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<bool>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_int8(int8_t* toptr, const int8_t* fromptr, const int8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<int8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_uint8(uint8_t* toptr, const uint8_t* fromptr, const uint8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<uint8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_int16(int16_t* toptr, const int16_t* fromptr, const int16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<int16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_uint16(uint16_t* toptr, const uint16_t* fromptr, const uint16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<uint16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_int32(int32_t* toptr, const int32_t* fromptr, const int32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<int32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_uint32(uint32_t* toptr, const uint32_t* fromptr, const uint32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<uint32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<int64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_uint64(uint64_t* toptr, const uint64_t* fromptr, const uint64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<uint64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_float32(float* toptr, const float* fromptr, const float* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<float>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_min_float64(double* toptr, const double* fromptr, const double* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_min<double>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
}
