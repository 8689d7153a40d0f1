// awkward_reduce_max: one value per segment fromptr[fromstarts[i]:fromstops[i]] (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "reduce_extrema.h"

template <typename T>
static Error reduce_max(T* toptr, const T* fromptr, const T* identity, const int64_t* fromstarts,
                        const int64_t* fromstops, int64_t length, int64_t fromlength) {
  const int64_t bad = awkward_reduce_extrema<true, T>(toptr, fromptr, identity, fromstarts,
                                                         fromstops, length, fromlength);
  if (bad >= 0) {
    return awkward_failure(AWKWARD_REDUCE_MAX_ERR_OUT_OF_RANGE, bad);
  }
  return awkward_success();
}

extern "C" {
Error awkward_reduce_max_bool(bool* toptr, const bool* fromptr, const bool* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<bool>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_int8(int8_t* toptr, const int8_t* fromptr, const int8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<int8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_uint8(uint8_t* toptr, const uint8_t* fromptr, const uint8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<uint8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_int16(int16_t* toptr, const int16_t* fromptr, const int16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<int16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_uint16(uint16_t* toptr, const uint16_t* fromptr, const uint16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<uint16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_int32(int32_t* toptr, const int32_t* fromptr, const int32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<int32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_uint32(uint32_t* toptr, const uint32_t* fromptr, const uint32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<uint32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<int64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_uint64(uint64_t* toptr, const uint64_t* fromptr, const uint64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<uint64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_float32(float* toptr, const float* fromptr, const float* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<float>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
Error awkward_reduce_max_float64(double* toptr, const double* fromptr, const double* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength) {
  return reduce_max<double>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength);
}
}
