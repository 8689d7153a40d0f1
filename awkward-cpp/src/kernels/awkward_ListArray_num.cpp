// awkward_ListArray_num: tonum[i] = stops[i] - starts[i]  (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename C>
static Error list_num(int64_t* tonum, const C* starts, const C* stops, int64_t length) {
  for (int64_t i = 0; i < length; i++) {
    if (stops[i] < starts[i]) return awkward_failure(AWKWARD_LISTARRAY_NUM_ERR_STOP_BEFORE_START, i);
    tonum[i] = static_cast<int64_t>(stops[i]) - static_cast<int64_t>(starts[i]);
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_num_32(int64_t* tonum, const int32_t* fromstarts, const int32_t* fromstops, int64_t length) {
  return list_num(tonum, fromstarts, fromstops, length);
}
Error awkward_ListArray_num_U32(int64_t* tonum, const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length) {
  return list_num(tonum, fromstarts, fromstops, length);
}
Error awkward_ListArray_num_64(int64_t* tonum, const int64_t* fromstarts, const int64_t* fromstops, int64_t length) {
  return list_num(tonum, fromstarts, fromstops, length);
}
}
