// awkward_ListArray_rpad_axis1: offsets and index of lists padded to at least target items, in
// one pass (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename C>
static Error rpad(int64_t* tooffsets, int64_t* toindex, const C* starts, const C* stops, int64_t target,
                  int64_t length, int64_t tolength) {
  int64_t k = 0;
  tooffsets[0] = 0;
  for (int64_t i = 0; i < length; i++) {
    if (stops[i] < starts[i]) return awkward_failure(AWKWARD_LISTARRAY_RPAD_AXIS1_ERR_STOP_BEFORE_START, i);
    const int64_t start = static_cast<int64_t>(starts[i]);
    const int64_t count = static_cast<int64_t>(stops[i]) - start;
    const int64_t width = count > target ? count : target;
    if (width > tolength - k) return awkward_failure(AWKWARD_LISTARRAY_RPAD_AXIS1_ERR_INDEX_TOO_SHORT, i);
    int64_t* out = toindex + k;
    for (int64_t j = 0; j < count; j++) out[j] = start + j;
    for (int64_t j = count; j < width; j++) out[j] = -1;
    k += width;
    tooffsets[i + 1] = k;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_rpad_axis1_32(int64_t* tooffsets, int64_t* toindex, const int32_t* fromstarts, const int32_t* fromstops, int64_t target, int64_t length, int64_t tolength) {
  return rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength);
}
Error awkward_ListArray_rpad_axis1_U32(int64_t* tooffsets, int64_t* toindex, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t target, int64_t length, int64_t tolength) {
  return rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength);
}
Error awkward_ListArray_rpad_axis1_64(int64_t* tooffsets, int64_t* toindex, const int64_t* fromstarts, const int64_t* fromstops, int64_t target, int64_t length, int64_t tolength) {
  return rpad(tooffsets, toindex, fromstarts, fromstops, target, length, tolength);
}
}
