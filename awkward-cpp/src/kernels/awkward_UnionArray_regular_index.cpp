// awkward_UnionArray_regular_index: toindex[i] = earlier occurrences of tags[i]
#include "awkward/kernels.h"

static Error impl(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents) {
  for (int64_t k = 0; k < numcontents; k++) current[k] = 0;
  for (int64_t i = 0; i < length; i++) {
    const int64_t tag = fromtags[i];
    if (tag < 0 || tag >= numcontents) return awkward_failure(AWKWARD_UNIONARRAY_REGULAR_INDEX_ERR_BAD_TAG, i);
    toindex[i] = current[tag];
    current[tag]++;
  }
  return awkward_success();
}

extern "C" {
Error awkward_UnionArray_regular_index_64(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents) {
  return impl(toindex, current, fromtags, length, numcontents);
}
}
