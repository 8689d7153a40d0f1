// awkward_ListArray_combinations (CUDA twin of awkward-cpp/src/kernels/awkward_ListArray_combinations.cpp)
#include "awkward_cuda.h"

// One list's combinations into slots [k0, k1) of the n rows of tocarry; the previous
// combination (already in tocarry) is the state the next is derived from. One thread per list.
__device__ bool one_list(int64_t* tocarry, int64_t start, int64_t stop, int64_t k0, int64_t k1,
                         int64_t n, bool replacement, int64_t lentocarry) {
  int64_t k = k0;
  if (n == 2) {
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
__device__ void impl(int64_t* tocarry, const C* fromstarts, const C* fromstops, const int64_t* tooffsets,
                     int64_t n, bool replacement, int64_t length, int64_t lentocarry, int64_t* err) {
  if (n < 1) {
    if (awkward_cuda_thread() == 0) awkward_cuda_fail(err, AWKWARD_LISTARRAY_COMBINATIONS_ERRCODE_N_BELOW_ONE, -1);
    return;
  }
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = (int64_t)fromstarts[i];
    const int64_t stop = (int64_t)fromstops[i];
    if (stop < start) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_COMBINATIONS_ERRCODE_STOP_BEFORE_START, i);
      continue;
    }
    const int64_t k0 = tooffsets[i];
    const int64_t k1 = tooffsets[i + 1];
    if (k0 < 0 || k1 < k0 || k1 > lentocarry) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_COMBINATIONS_ERRCODE_BAD_OFFSETS, i);
      continue;
    }
    if (!one_list(tocarry, start, stop, k0, k1, n, replacement, lentocarry)) {
      awkward_cuda_fail(err, AWKWARD_LISTARRAY_COMBINATIONS_ERRCODE_COUNT_MISMATCH, i);
    }
  }
}

extern "C" __global__ void awkward_ListArray_combinations_32(int64_t* tocarry, const int32_t* fromstarts, const int32_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<int32_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry, err);
}
extern "C" __global__ void awkward_ListArray_combinations_U32(int64_t* tocarry, const uint32_t* fromstarts, const uint32_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<uint32_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry, err);
}
extern "C" __global__ void awkward_ListArray_combinations_64(int64_t* tocarry, const int64_t* fromstarts, const int64_t* fromstops, const int64_t* tooffsets, int64_t n, bool replacement, int64_t length, int64_t lentocarry, int64_t* err) {
  impl<int64_t>(tocarry, fromstarts, fromstops, tooffsets, n, replacement, length, lentocarry, err);
}
