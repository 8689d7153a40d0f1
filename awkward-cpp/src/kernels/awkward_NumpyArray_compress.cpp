// awkward_NumpyArray_compress: todata = fromdata[mask] (spec: kernel-specification/)
#include "awkward/kernels.h"

// Every value is stored at the cursor and the cursor moves on only where the mask is true:
// no branch on the mask (numpy's boolean indexing branches per value, which a mask computed
// from the data, such as x > 0.5, mispredicts half of the time). The store at the cursor is
// guarded only where it could pass the end of todata: after the last kept value.
template <typename T>
static Error compress(T* todata, const T* fromdata, const bool* mask, int64_t length,
                      int64_t tolength) {
  int64_t k = 0;
  int64_t j = 0;
  while (j < length && k < tolength) {
    // the next `run` values move the cursor at most `run` times, so it stays below tolength
    const int64_t run = tolength - k < length - j ? tolength - k : length - j;
    for (const int64_t end = j + run; j < end; j++) {
      todata[k] = fromdata[j];
      k += static_cast<int64_t>(mask[j]);
    }
  }
  // past the last slot: any further true value is one too many
  for (; j < length; j++) {
    if (mask[j]) return awkward_failure(AWKWARD_NUMPYARRAY_COMPRESS_ERR_WRONG_COUNT, j);
  }
  if (k != tolength) return awkward_failure(AWKWARD_NUMPYARRAY_COMPRESS_ERR_WRONG_COUNT, -1);
  return awkward_success();
}

extern "C" {
Error awkward_NumpyArray_compress_uint8(uint8_t* todata, const uint8_t* fromdata, const bool* mask,
                                        int64_t length, int64_t tolength) {
  return compress(todata, fromdata, mask, length, tolength);
}
Error awkward_NumpyArray_compress_uint16(uint16_t* todata, const uint16_t* fromdata, const bool* mask,
                                         int64_t length, int64_t tolength) {
  return compress(todata, fromdata, mask, length, tolength);
}
Error awkward_NumpyArray_compress_uint32(uint32_t* todata, const uint32_t* fromdata, const bool* mask,
                                         int64_t length, int64_t tolength) {
  return compress(todata, fromdata, mask, length, tolength);
}
Error awkward_NumpyArray_compress_uint64(uint64_t* todata, const uint64_t* fromdata, const bool* mask,
                                         int64_t length, int64_t tolength) {
  return compress(todata, fromdata, mask, length, tolength);
}
}
