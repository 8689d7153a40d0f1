// awkward_ListArray_expand_carry: concatenated [start, stop) ranges as a carry
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* tocarry, const C* fromstarts, const C* fromstops, int64_t length, int64_t lentocarry) {
  int64_t k = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(fromstarts[i]);
    const int64_t stop = static_cast<int64_t>(fromstops[i]);
    if (stop < start) return awkward_failure(AWKWARD_LISTARRAY_EXPAND_CARRY_ERR_STOP_BEFORE_START, i);
    if (stop - start > lentocarry - k) return awkward_failure(AWKWARD_LISTARRAY_EXPAND_CARRY_ERR_TOCARRY_TOO_SHORT, i);
    for (int64_t j = start; j < stop; j++) tocarry[k++] = j;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_expand_carry_32(int64_t* tocarry, const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t lentocarry) {
  return impl<int32_t>(tocarry, fromstarts, fromstops, length, lentocarry);
}
Error awkward_ListArray_expand_carry_U32(int64_t* tocarry, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t lentocarry) {
  return impl<uint32_t>(tocarry, fromstarts, fromstops, length, lentocarry);
}
Error awkward_ListArray_expand_carry_64(int64_t* tocarry, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentocarry) {
  return impl<int64_t>(tocarry, fromstarts, fromstops, length, lentocarry);
}
}
