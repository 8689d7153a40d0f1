// awkward_ListArray_count_mask: tocounts[i] = number of true mask[starts[i]:stops[i]]
// (spec: kernel-specification/)
#include "awkward/kernels.h"

template <typename C>
static Error count_mask(int64_t* tocounts, const bool* mask, const C* starts, const C* stops,
                        int64_t length, int64_t masklength) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(starts[i]);
    const int64_t stop = static_cast<int64_t>(stops[i]);
    if (start < 0 || stop < start || stop > masklength) {
      return awkward_failure(AWKWARD_LISTARRAY_COUNT_MASK_ERR_OUT_OF_RANGE, i);
    }
    int64_t total = 0;
    for (int64_t j = start; j < stop; j++) total += mask[j] ? 1 : 0;  // branchless sum
    tocounts[i] = total;
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_count_mask_64(int64_t* tocounts, const bool* mask, const int64_t* fromstarts,
                                      const int64_t* fromstops, int64_t length, int64_t masklength) {
  return count_mask(tocounts, mask, fromstarts, fromstops, length, masklength);
}
}
