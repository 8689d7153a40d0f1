// awkward_ListArray_validity: every non-empty list lies inside the content
#include "awkward/kernels.h"

template <typename C>
static Error impl(const C* fromstarts, const C* fromstops, int64_t length, int64_t lencontent) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(fromstarts[i]);
    const int64_t stop = static_cast<int64_t>(fromstops[i]);
    if (stop < start) return awkward_failure(AWKWARD_LISTARRAY_VALIDITY_ERR_STOP_BEFORE_START, i);
    if (start != stop) {
      if (start < 0) return awkward_failure(AWKWARD_LISTARRAY_VALIDITY_ERR_START_NEGATIVE, i);
      if (stop > lencontent) return awkward_failure(AWKWARD_LISTARRAY_VALIDITY_ERR_STOP_BEYOND_CONTENT, i);
    }
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_validity_32(const int32_t* fromstarts, const int32_t* fromstops, int64_t length, int64_t lencontent) {
  return impl<int32_t>(fromstarts, fromstops, length, lencontent);
}
Error awkward_ListArray_validity_U32(const uint32_t* fromstarts, const uint32_t* fromstops, int64_t length, int64_t lencontent) {
  return impl<uint32_t>(fromstarts, fromstops, length, lencontent);
}
Error awkward_ListArray_validity_64(const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lencontent) {
  return impl<int64_t>(fromstarts, fromstops, length, lencontent);
}
}
