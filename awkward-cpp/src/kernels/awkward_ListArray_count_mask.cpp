// awkward_ListArray_count_mask: tocounts[i] = number of true mask[starts[i]:stops[i]]
// (spec: kernel-specification/)
#include <cstring>

#include "awkward/kernels.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define AWKWARD_COUNT_MASK_BLOCK 1
// the first n bytes of a little-endian 8-byte word
static const uint64_t FIRST_BYTES[9] = {
    0x0000000000000000ull, 0x00000000000000ffull, 0x000000000000ffffull, 0x0000000000ffffffull,
    0x00000000ffffffffull, 0x000000ffffffffffull, 0x0000ffffffffffffull, 0x00ffffffffffffffull,
    0xffffffffffffffffull};
#endif

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
    int64_t j = start;
#ifdef AWKWARD_COUNT_MASK_BLOCK
    // a list's first 8 bools as one word, those past its end masked off, bytes (0 or 1)
    // summed by a multiplication: no loop whose exit varies with the list's length
    if (start <= masklength - 8) {
      uint64_t word;
      std::memcpy(&word, mask + start, 8);
      const int64_t n = stop - start < 8 ? stop - start : 8;
      total = static_cast<int64_t>(((word & FIRST_BYTES[n]) * 0x0101010101010101ull) >> 56);
      j = start + 8;
    }
#endif
    for (; j < stop; j++) total += mask[j] ? 1 : 0;  // branchless sum
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
