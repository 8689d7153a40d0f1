// awkward_IndexedArray_numnull: number of negative (missing) index entries
#include "awkward/kernels.h"

template <typename C>
static Error impl(int64_t* numnull, const C* fromindex, int64_t length) {
  int64_t count = 0;
  for (int64_t i = 0; i < length; i++) {
    if (fromindex[i] < 0) count++;
  }
  numnull[0] = count;
  return awkward_success();
}

extern "C" {
Error awkward_IndexedArray_numnull_32(int64_t* numnull, const int32_t* fromindex, int64_t length) {
  return impl<int32_t>(numnull, fromindex, length);
}
Error awkward_IndexedArray_numnull_U32(int64_t* numnull, const uint32_t* fromindex, int64_t length) {
  return impl<uint32_t>(numnull, fromindex, length);
}
Error awkward_IndexedArray_numnull_64(int64_t* numnull, const int64_t* fromindex, int64_t length) {
  return impl<int64_t>(numnull, fromindex, length);
}
}
