// awkward_Offsets_to_lengths: tolengths[i] = offsets[i + 1] - offsets[i]
#include "awkward/kernels.h"

template <typename C>
static Error offsets_to_lengths(int64_t* tolengths, const C* offsets, int64_t length) {
  for (int64_t i = 0; i < length; i++) {
    if (offsets[i + 1] < offsets[i]) return awkward_failure(AWKWARD_OFFSETS_TO_LENGTHS_ERR_DECREASING, i);
    tolengths[i] = static_cast<int64_t>(offsets[i + 1]) - static_cast<int64_t>(offsets[i]);
  }
  return awkward_success();
}

extern "C" {
Error awkward_Offsets_to_lengths_32(int64_t* tolengths, const int32_t* fromoffsets, int64_t length) {
  return offsets_to_lengths(tolengths, fromoffsets, length);
}
Error awkward_Offsets_to_lengths_U32(int64_t* tolengths, const uint32_t* fromoffsets, int64_t length) {
  return offsets_to_lengths(tolengths, fromoffsets, length);
}
Error awkward_Offsets_to_lengths_64(int64_t* tolengths, const int64_t* fromoffsets, int64_t length) {
  return offsets_to_lengths(tolengths, fromoffsets, length);
}
}
