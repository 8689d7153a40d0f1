// awkward_Lengths_to_offsets: offsets from list lengths
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* tooffsets, const C* fromlengths, int64_t length) {
  // the running total stays in a register: reading it back from tooffsets (which may alias
  // fromlengths) would chain every step through a store and a load
  int64_t total = 0;
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t count = static_cast<int64_t>(fromlengths[i]);
    if (count < 0) return awkward_failure(AWKWARD_LENGTHS_TO_OFFSETS_ERR_NEGATIVE_LENGTH, i);
    total += count;
    tooffsets[i + 1] = total;
  }
  return awkward_success();
}

extern "C" {
Error awkward_Lengths_to_offsets_32(int64_t* tooffsets, const int32_t* fromlengths, int64_t length) {
  return impl<int32_t>(tooffsets, fromlengths, length);
}
Error awkward_Lengths_to_offsets_64(int64_t* tooffsets, const int64_t* fromlengths, int64_t length) {
  return impl<int64_t>(tooffsets, fromlengths, length);
}
}
