// awkward_Index_to_int32: narrow an index to int32, refusing values out of range
#include "awkward/kernels.h"

template <typename C>
static Error impl(int32_t* toindex, const C* fromindex, int64_t length) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t value = static_cast<int64_t>(fromindex[i]);
    if (value < INT32_MIN || value > INT32_MAX) return awkward_failure(AWKWARD_INDEX_TO_INT32_ERR_OUT_OF_RANGE, i);
    toindex[i] = static_cast<int32_t>(value);
  }
  return awkward_success();
}

extern "C" {
Error awkward_Index_to_int32_U32(int32_t* toindex, const uint32_t* fromindex, int64_t length) {
  return impl<uint32_t>(toindex, fromindex, length);
}
Error awkward_Index_to_int32_64(int32_t* toindex, const int64_t* fromindex, int64_t length) {
  return impl<int64_t>(toindex, fromindex, length);
}
}
