// awkward_Index_carry: toarray[i] = fromarray[carry[i]], carry checked against [0, lenfrom)
#include "awkward/kernels.h"

template <typename T>
static Error index_carry(T* toarray, const T* fromarray, const int64_t* carry, int64_t lenfrom,
                         int64_t lencarry) {
  for (int64_t i = 0; i < lencarry; i++) {
    const int64_t j = carry[i];
    if (j < 0 || j >= lenfrom) return awkward_failure(AWKWARD_INDEX_CARRY_ERR_OUT_OF_RANGE, i);
    toarray[i] = fromarray[j];
  }
  return awkward_success();
}

extern "C" {
Error awkward_Index_carry_8(int8_t* toarray, const int8_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry) {
  return index_carry(toarray, fromarray, carry, lenfrom, lencarry);
}
Error awkward_Index_carry_U8(uint8_t* toarray, const uint8_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry) {
  return index_carry(toarray, fromarray, carry, lenfrom, lencarry);
}
Error awkward_Index_carry_32(int32_t* toarray, const int32_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry) {
  return index_carry(toarray, fromarray, carry, lenfrom, lencarry);
}
Error awkward_Index_carry_U32(uint32_t* toarray, const uint32_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry) {
  return index_carry(toarray, fromarray, carry, lenfrom, lencarry);
}
Error awkward_Index_carry_64(int64_t* toarray, const int64_t* fromarray, const int64_t* carry, int64_t lenfrom, int64_t lencarry) {
  return index_carry(toarray, fromarray, carry, lenfrom, lencarry);
}
}
