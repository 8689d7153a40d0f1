// awkward_UnionArray_validity: tags and index checked against the contents
#include "awkward/kernels.h"

template <typename I>
static Error impl(const int8_t* fromtags, const I* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t tag = fromtags[i];
    const int64_t index = static_cast<int64_t>(fromindex[i]);
    if (tag < 0) return awkward_failure(AWKWARD_UNIONARRAY_VALIDITY_ERR_TAG_NEGATIVE, i);
    if (tag >= numcontents) return awkward_failure(AWKWARD_UNIONARRAY_VALIDITY_ERR_TAG_TOO_LARGE, i);
    if (index < 0) return awkward_failure(AWKWARD_UNIONARRAY_VALIDITY_ERR_INDEX_NEGATIVE, i);
    if (index >= lencontents[tag]) return awkward_failure(AWKWARD_UNIONARRAY_VALIDITY_ERR_INDEX_BEYOND_CONTENT, i);
  }
  return awkward_success();
}

extern "C" {
Error awkward_UnionArray_validity_32(const int8_t* fromtags, const int32_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents) {
  return impl<int32_t>(fromtags, fromindex, length, numcontents, lencontents);
}
Error awkward_UnionArray_validity_U32(const int8_t* fromtags, const uint32_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents) {
  return impl<uint32_t>(fromtags, fromindex, length, numcontents, lencontents);
}
Error awkward_UnionArray_validity_64(const int8_t* fromtags, const int64_t* fromindex, int64_t length, int64_t numcontents, const int64_t* lencontents) {
  return impl<int64_t>(fromtags, fromindex, length, numcontents, lencontents);
}
}
