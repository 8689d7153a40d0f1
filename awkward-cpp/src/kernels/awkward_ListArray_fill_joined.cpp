// awkward_ListArray_fill_joined: one piece's lists appended at per-list cursors (concatenate axis > 0)
// (a plain loop: the lists are short, and a call to memcpy per list costs more)
#include "awkward/kernels.h"

template <typename T>
static Error impl(T* toptr, int64_t* tocursor, const T* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    const int64_t at = tocursor[i];
    if (stop < start) return awkward_failure(AWKWARD_LISTARRAY_FILL_JOINED_ERR_STOP_BEFORE_START, i);
    if (start < 0 || stop > lenfromptr) return awkward_failure(AWKWARD_LISTARRAY_FILL_JOINED_ERR_FROM_OUT_OF_RANGE, i);
    if (at < 0 || stop - start > lentoptr - at) return awkward_failure(AWKWARD_LISTARRAY_FILL_JOINED_ERR_TO_OUT_OF_RANGE, i);
    T* to = toptr + at;
    for (int64_t j = start; j < stop; j++) *to++ = fromptr[j];
    tocursor[i] = at + (stop - start);
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_fill_joined_8(uint8_t* toptr, int64_t* tocursor, const uint8_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr) {
  return impl<uint8_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr);
}
Error awkward_ListArray_fill_joined_16(uint16_t* toptr, int64_t* tocursor, const uint16_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr) {
  return impl<uint16_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr);
}
Error awkward_ListArray_fill_joined_32(uint32_t* toptr, int64_t* tocursor, const uint32_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr) {
  return impl<uint32_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr);
}
Error awkward_ListArray_fill_joined_64(uint64_t* toptr, int64_t* tocursor, const uint64_t* fromptr, const int64_t* fromstarts, const int64_t* fromstops, int64_t length, int64_t lentoptr, int64_t lenfromptr) {
  return impl<uint64_t>(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr);
}
}
