// awkward_ByteMaskedArray_to_index: IndexedOptionArray index of a byte mask
#include "awkward/kernels.h"

static Error impl(int64_t* toindex, const int8_t* frommask, int64_t length, bool validwhen) {
  for (int64_t i = 0; i < length; i++) toindex[i] = ((frommask[i] != 0) == validwhen) ? i : -1;
  return awkward_success();
}

extern "C" {
Error awkward_ByteMaskedArray_to_index_64(int64_t* toindex, const int8_t* frommask, int64_t length, bool validwhen) {
  return impl(toindex, frommask, length, validwhen);
}
}
