// awkward_reduce_sum: one value per segment fromptr[fromstarts[i]:fromstops[i]] (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "reduce_adaptive.h"
#include "reduce_block.h"

template <typename OUT, typename ACC, typename IN>
static Error reduce_sum(OUT* toptr, const IN* fromptr, const int64_t* fromstarts,
                        const int64_t* fromstops, int64_t length, int64_t fromlength) {
  auto reduce = [=](int64_t i, int64_t start, int64_t stop, auto block) {
    ACC total = 0;
    int64_t j = start;
    if constexpr (decltype(block)::value) {
      // short segments without a loop-exit branch (reduce_block.h), same order of additions
      if (start <= fromlength - AWKWARD_REDUCE_BLOCK) {
        const int64_t count = stop - start;
        total = awkward_reduce_block_sum<ACC, IN>(
            fromptr + start, count < AWKWARD_REDUCE_BLOCK ? count : AWKWARD_REDUCE_BLOCK);
        j = start + AWKWARD_REDUCE_BLOCK;
      }
    }
    for (; j < stop; j++) total += static_cast<ACC>(fromptr[j]);
    toptr[i] = static_cast<OUT>(total);
  };
  // block or plain loop, chosen as it runs (reduce_adaptive.h)
  const int64_t bad = awkward_reduce_segments<awkward_reduce_block_sums<ACC, IN>::value>(
      reduce, fromstarts, fromstops, length, fromlength);
  if (bad >= 0) {
    return awkward_failure(AWKWARD_REDUCE_SUM_ERR_OUT_OF_RANGE, bad);
  }
  return awkward_success();
}

extern "C" {
Error awkward_reduce_sum_int64_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<int64_t, int64_t, bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_int64_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<int64_t, int64_t, int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_int64_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<int64_t, int64_t, int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_int64_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<int64_t, int64_t, int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_int64_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<int64_t, int64_t, int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_uint64_uint8(uint64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<uint64_t, uint64_t, uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_uint64_uint16(uint64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<uint64_t, uint64_t, uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_uint64_uint32(uint64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<uint64_t, uint64_t, uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_uint64_uint64(uint64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<uint64_t, uint64_t, uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_float32_float32(float* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<float, double, float>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_sum_float64_float64(double* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_sum<double, double, double>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
}
