// awkward_reduce_count_nonzero: one value per segment fromptr[fromstarts[i]:fromstops[i]] (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename T>
static Error reduce_count_nonzero(int64_t* toptr, const T* fromptr, const int64_t* fromstarts,
                        const int64_t* fromstops, int64_t length, int64_t fromlength) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    if (start < 0 || stop < start || stop > fromlength) {
      return awkward_failure(AWKWARD_REDUCE_COUNT_NONZERO_ERR_OUT_OF_RANGE, i);
    }
    int64_t total = 0;
    for (int64_t j = start; j < stop; j++) total += (fromptr[j] != 0) ? 1 : 0;
    toptr[i] = total;
  }
  return awkward_success();
}

extern "C" {
Error awkward_reduce_count_nonzero_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_uint8(int64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_uint16(int64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_uint32(int64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_uint64(int64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_float32(int64_t* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_count_nonzero_float64(int64_t* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_count_nonzero<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength);
}
}
