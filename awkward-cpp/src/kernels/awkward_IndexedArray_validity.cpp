// awkward_IndexedArray_validity: an index checked against its content
#include "awkward/kernels.h"

template <typename C>
static Error impl(const C* fromindex, int64_t length, int64_t lencontent, bool isoption) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t j = static_cast<int64_t>(fromindex[i]);
    if (j < 0) {
      if (!isoption) return awkward_failure(AWKWARD_INDEXEDARRAY_VALIDITY_ERR_NEGATIVE, i);
    } else if (j >= lencontent) {
      return awkward_failure(AWKWARD_INDEXEDARRAY_VALIDITY_ERR_BEYOND_CONTENT, i);
    }
  }
  return awkward_success();
}

extern "C" {
Error awkward_IndexedArray_validity_32(const int32_t* fromindex, int64_t length, int64_t lencontent, bool isoption) {
  return impl<int32_t>(fromindex, length, lencontent, isoption);
}
Error awkward_IndexedArray_validity_U32(const uint32_t* fromindex, int64_t length, int64_t lencontent, bool isoption) {
  return impl<uint32_t>(fromindex, length, lencontent, isoption);
}
Error awkward_IndexedArray_validity_64(const int64_t* fromindex, int64_t length, int64_t lencontent, bool isoption) {
  return impl<int64_t>(fromindex, length, lencontent, isoption);
}
}
