// awkward_ListOffsetArray_local_index: 0, 1, ... n-1 in every list, one pass over the offsets
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* toindex, const C* fromoffsets, int64_t length, int64_t lentoindex) {
  // (the offsets' min_length, length + 1, does not catch length = -1)
  if (length < 0) return awkward_failure(AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERR_NEGATIVE_LENGTH, -1);
  const int64_t first = static_cast<int64_t>(fromoffsets[0]);
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(fromoffsets[i]);
    const int64_t stop = static_cast<int64_t>(fromoffsets[i + 1]);
    if (stop < start) return awkward_failure(AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERR_OFFSETS_DECREASING, i);
    if (stop - first > lentoindex) return awkward_failure(AWKWARD_LISTOFFSETARRAY_LOCAL_INDEX_ERR_TOINDEX_TOO_SHORT, i);
    int64_t* out = toindex + (start - first);
    for (int64_t j = 0; j < stop - start; j++) out[j] = j;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListOffsetArray_local_index_32(int64_t* toindex, const int32_t* fromoffsets, int64_t length, int64_t lentoindex) {
  return impl<int32_t>(toindex, fromoffsets, length, lentoindex);
}
Error awkward_ListOffsetArray_local_index_U32(int64_t* toindex, const uint32_t* fromoffsets, int64_t length, int64_t lentoindex) {
  return impl<uint32_t>(toindex, fromoffsets, length, lentoindex);
}
Error awkward_ListOffsetArray_local_index_64(int64_t* toindex, const int64_t* fromoffsets, int64_t length, int64_t lentoindex) {
  return impl<int64_t>(toindex, fromoffsets, length, lentoindex);
}
}
