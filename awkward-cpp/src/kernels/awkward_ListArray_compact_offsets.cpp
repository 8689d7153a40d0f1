// awkward_ListArray_compact_offsets: packed offsets from starts and stops
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* tooffsets, const C* fromstarts, const C* fromstops, int64_t length) {
  // running total in a register (see awkward_Lengths_to_offsets)
  int64_t total = 0;
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(fromstarts[i]);
    const int64_t stop = static_cast<int64_t>(fromstops[i]);
    if (stop < start) return awkward_failure(AWKWARD_LISTARRAY_COMPACT_OFFSETS_ERR_STOP_BEFORE_START, i);
    total += stop - start;
    tooffsets[i + 1] = total;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_compact_offsets_32(int64_t* tooffsets, const int32_t* fromstarts, const int32_t* fromstops, int64_t length) {
  return impl<int32_t>(tooffsets, fromstarts, fromstops, length);
}
Error awkward_ListArray_compact_offsets_U32(int64_t* tooffsets, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length) {
  return impl<uint32_t>(tooffsets, fromstarts, fromstops, length);
}
Error awkward_ListArray_compact_offsets_64(int64_t* tooffsets, const int64_t* fromstarts, const int64_t* fromstops, int64_t length) {
  return impl<int64_t>(tooffsets, fromstarts, fromstops, length);
}
}
