// awkward_BitMaskedArray_to_bytemask: unpack bits into bytes, 1 = valid
#include "awkward/kernels.h"

static Error impl(int8_t* tobytemask, const uint8_t* frombitmask, int64_t bitmasklength, bool validwhen, bool lsb_order) {
  const int valid_bit = validwhen ? 1 : 0;
  for (int64_t i = 0; i < bitmasklength; i++) {
    const int byte = frombitmask[i];
    for (int j = 0; j < 8; j++) {
      const int bit = lsb_order ? (byte >> j) & 1 : (byte >> (7 - j)) & 1;
      tobytemask[8 * i + j] = static_cast<int8_t>(bit == valid_bit ? 1 : 0);
    }
  }
  return awkward_success();
}

extern "C" {
Error awkward_BitMaskedArray_to_bytemask_64(int8_t* tobytemask, const uint8_t* frombitmask, int64_t bitmasklength, bool validwhen, bool lsb_order) {
  return impl(tobytemask, frombitmask, bitmasklength, validwhen, lsb_order);
}
}
