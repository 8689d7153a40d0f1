// awkward_ListArray_cartesian_carry (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_cartesian_carry.cpp)
#include "awkward_cuda.h"

// One thread per row: the offsets say where each row's pairs go.
extern "C" __global__ void awkward_ListArray_cartesian_carry_64(int64_t* toleft, int64_t* toright, const int64_t* fromoffsets,
                                                                const int64_t* leftstarts, const int64_t* leftstops,
                                                                const int64_t* rightstarts, const int64_t* rightstops,
                                                                int64_t length, int64_t lenout, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t ls = leftstarts[i], le = leftstops[i];
    const int64_t rs = rightstarts[i], re = rightstops[i];
    if (le < ls) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERRCODE_LEFT_STOP_BEFORE_START, i);
      continue;
    }
    if (re < rs) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERRCODE_RIGHT_STOP_BEFORE_START, i);
      continue;
    }
    int64_t k = fromoffsets[i];
    const int64_t stop = fromoffsets[i + 1];
    if (stop - k != (le - ls) * (re - rs)) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERRCODE_OFFSETS_MISMATCH, i);
      continue;
    }
    if (k < 0 || stop > lenout) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_CARTESIAN_CARRY_ERRCODE_OUT_OF_RANGE, i);
      continue;
    }
    for (int64_t a = ls; a < le; a++) {
      for (int64_t b = rs; b < re; b++) {
        toleft[k] = a;
        toright[k] = b;
        k++;
      }
    }
  }
}
