// awkward_ListArray_rpad_and_clip_axis1: the index of lists padded and clipped to target items
// (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename C>
static Error rpad_and_clip(int64_t* toindex, const C* starts, const C* stops, int64_t target, int64_t length) {
  for (int64_t i = 0; i < length; i++) {
    if (stops[i] < starts[i]) return awkward_failure(AWKWARD_LISTARRAY_RPAD_AND_CLIP_AXIS1_ERR_STOP_BEFORE_START, i);
    const int64_t start = static_cast<int64_t>(starts[i]);
    const int64_t count = static_cast<int64_t>(stops[i]) - start;
    const int64_t keep = count < target ? count : target;
    int64_t* out = toindex + i * target;
    for (int64_t j = 0; j < keep; j++) out[j] = start + j;
    for (int64_t j = keep; j < target; j++) out[j] = -1;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_rpad_and_clip_axis1_32(int64_t* toindex, const int32_t* fromstarts, const int32_t* fromstops, int64_t target, int64_t length) {
  return rpad_and_clip(toindex, fromstarts, fromstops, target, length);
}
Error awkward_ListArray_rpad_and_clip_axis1_U32(int64_t* toindex, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t target, int64_t length) {
  return rpad_and_clip(toindex, fromstarts, fromstops, target, length);
}
Error awkward_ListArray_rpad_and_clip_axis1_64(int64_t* toindex, const int64_t* fromstarts, const int64_t* fromstops, int64_t target, int64_t length) {
  return rpad_and_clip(toindex, fromstarts, fromstops, target, length);
}
}
