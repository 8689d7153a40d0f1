// awkward_reduce_argmax: one value per segment fromptr[fromstarts[i]:fromstops[i]] (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename T>
static Error reduce_argmax(int64_t* toptr, const T* fromptr, const int64_t* fromstarts,
                        const int64_t* fromstops, int64_t length, int64_t fromlength) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    if (start < 0 || stop < start || stop > fromlength) {
      return awkward_failure(AWKWARD_REDUCE_ARGMAX_ERR_OUT_OF_RANGE, i);
    }
    // the first value starts as the best (even NaN); a later one replaces it only when
    // strictly better; selects instead of branches (random data would mispredict them)
    int64_t best = -1;
    if (start < stop) {
      best = 0;
      T bestval = fromptr[start];
      for (int64_t j = start + 1; j < stop; j++) {
        const T x = fromptr[j];
        const bool better = x > bestval;
        best = better ? j - start : best;
        bestval = better ? x : bestval;
      }
    }
    toptr[i] = best;
  }
  return awkward_success();
}

extern "C" {
Error awkward_reduce_argmax_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_uint8(int64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_uint16(int64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_uint32(int64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_uint64(int64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_float32(int64_t* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_argmax_float64(int64_t* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_argmax<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
}
