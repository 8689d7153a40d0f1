// awkward_ListArray_combinations: content positions of the n-combinations of every list
// (spec: kernel-specification/awkward_ListArray_combinations.yaml)
#include "awkward/kernels.h"

// One list's combinations into slots [k0, k1) of the n rows of tocarry (row j at
// tocarry + j * lentocarry). The previous combination, already written to tocarry, is the
// state that the next one is derived from, so no scratch memory is needed.
// Returns false when [k0, k1) does not hold exactly all the combinations.
static bool one_list(int64_t* tocarry, int64_t start, int64_t stop, int64_t k0, int64_t k1,
                     int64_t n, bool replacement, int64_t lentocarry) {
  int64_t k = k0;
  if (n == 2) {  // the common case, as two plain loops
    int64_t* first = tocarry;
    int64_t* second = tocarry + lentocarry;
    for (int64_t a = start; a < stop; a++) {
      const int64_t b0 = replacement ? a : a + 1;
      if (stop - b0 > k1 - k) return false;
      for (int64_t b = b0; b < stop; b++) {
        first[k] = a;
        second[k] = b;
        k++;
      }
    }
    return k == k1;
  }
  const bool any = replacement ? (stop > start) : (stop - start >= n);
  if (!any) return k0 == k1;
  if (k == k1) return false;
  for (int64_t j = 0; j < n; j++) tocarry[j * lentocarry + k] = replacement ? start : start + j;
  k++;
  while (true) {
    int64_t j = n - 1;
    while (j >= 0 && tocarry[j * lentocarry + k - 1] >= (replacement ? stop - 1 : stop - n + j)) j--;
    if (j < 0) break;
    if (k == k1) return false;
    for (int64_t jj = 0; jj < j; jj++) tocarry[jj * lentocarry + k] = tocarry[jj * lentocarry + k - 1];
    const int64_t v = tocarry[j * lentocarry + k - 1] + 1;
    tocarry[j * lentocarry + k] = v;
    for (int64_t jj = j + 1; jj < n; jj++) {
      tocarry[jj * lentocarry + k] = replacement ? v : tocarry[(jj - 1) * lentocarry + k] + 1;
    }
    k++;
  }
  return k == k1;
}

template <typename C>
static Error impl(int64_t* tocarry, const C* fromstarts, const C* fromstops, const int64_t* tooffsets,
                  int64_t n, bool replacement, int64_t length, int64_t lentocarry) {
  if (n < 1) return awkward_failure(AWKWARD_LISTARRAY_COMBINATIONS_ERR_N_BELOW_ONE, -1);
  for (int64_t i = 0; i < length; i++) {
    const int64_t start = static_cast<int64_t>(fromstarts[i]);
    const int64_t stop = static_cast<int64_t>(fromstops[i]);
    if (stop < start) return awkward_failure(AWKWARD_LISTARRAY_COMBINATIONS_ERR_STOP_BEFORE_START, i);
    const int64_t k0 = tooffsets[i];
    const int64_t k1 = tooffsets[i + 1];
    if (k0 < 0 || k1 < k0 || k1 > lentocarry) {
      return awkward_failure(AWKWARD_LISTARRAY_COMBINATIONS_ERR_BAD_OFFSETS, i);
    }
    if (!one_list(tocarry, start, stop, k0, k1, n, replacement, lentocarry)) {
      return awkward_failure(AWKWARD_LISTARRAY_COMBINATIONS_ERR_COUNT_MISMATCH, i);
    }
  }
  return awkward_success();
}

extern "C" {
Error awkward_ListArray_combinations_32(int64_t* tocarry, const int32_t* fromstarts, const int32_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry) {
  return impl<int32_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry);
}
Error awkward_ListArray_combinations_U32(int64_t* tocarry, const uint32_t* fromstarts, const uint32_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry) {
  return impl<uint32_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry);
}
Error awkward_ListArray_combinations_64(int64_t* tocarry, const int64_t* fromstarts, const int64_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry) {
  return impl<int64_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry);
}
}
