// awkward_Index_to_int64: widen an index to int64
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* toindex, const C* fromindex, int64_t length) {
  for (int64_t i = 0; i < length; i++) toindex[i] = static_cast<int64_t>(fromindex[i]);
  return awkward_success();
}

extern "C" {
Error awkward_Index_to_int64_8(int64_t* toindex, const int8_t* fromindex, int64_t length) {
  return impl<int8_t>(toindex, fromindex, length);
}
Error awkward_Index_to_int64_U8(int64_t* toindex, const uint8_t* fromindex, int64_t length) {
  return impl<uint8_t>(toindex, fromindex, length);
}
Error awkward_Index_to_int64_32(int64_t* toindex, const int32_t* fromindex, int64_t length) {
  return impl<int32_t>(toindex, fromindex, length);
}
Error awkward_Index_to_int64_U32(int64_t* toindex, const uint32_t* fromindex, int64_t length) {
  return impl<uint32_t>(toindex, fromindex, length);
}
Error awkward_Index_to_int64_64(int64_t* toindex, const int64_t* fromindex, int64_t length) {
  return impl<int64_t>(toindex, fromindex, length);
}
}
