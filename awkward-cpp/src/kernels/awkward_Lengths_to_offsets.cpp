// awkward_Lengths_to_offsets: offsets from list lengths
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* tooffsets, const C* fromlengths, int64_t length) {
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    if (fromlengths[i] < 0) return awkward_failure(AWKWARD_LENGTHS_TO_OFFSETS_ERR_NEGATIVE_LENGTH, i);
    tooffsets[i + 1] = tooffsets[i] + static_cast<int64_t>(fromlengths[i]);
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
