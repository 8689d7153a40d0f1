// awkward_ListArray_cartesian_carry: the two carries of a row-by-row Cartesian product
#include "awkward/kernels.h"

extern "C" Error awkward_ListArray_cartesian_carry_64(int64_t* toleft, int64_t* toright, const int64_t* fromoffsets,
                                                      const int64_t* leftstarts, const int64_t* leftstops,
                                                      const int64_t* rightstarts, const int64_t* rightstops,
                                                      int64_t length, int64_t lenout) {
  for (int64_t i = 0; i < length; i++) {
    const int64_t ls = leftstarts[i], le = leftstops[i];
    const int64_t rs = rightstarts[i], re = rightstops[i];
    if (le < ls) return awkward_failure(AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERR_LEFT_STOP_BEFORE_START, i);
    if (re < rs) return awkward_failure(AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERR_RIGHT_STOP_BEFORE_START, i);
    int64_t k = fromoffsets[i];
    const int64_t stop = fromoffsets[i + 1];
    if (stop - k != (le - ls) * (re - rs)) return awkward_failure(AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERR_OFFSETS_MISMATCH, i);
    if (k < 0 || stop > lenout) return awkward_failure(AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERR_OUT_OF_RANGE, i);
    for (int64_t a = ls; a < le; a++) {
      for (int64_t b = rs; b < re; b++) {
        toleft[k] = a;
        toright[k] = b;
        k++;
      }
    }
  }
  return awkward_success();
}
