// awkward_UnionArray_regular_index: toindex[i] = earlier occurrences of tags[i] (CUDA twin of the C++ kernel)
#include "awkward_cuda_scan.h"

// Running counts per tag: one parallel scan in block 0 per tag (awkward_cuda_scan.h) over the
// flags tags[i] == k; every pass also checks the tags (at least one pass, for numcontents 0).
__device__ void impl(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents, int64_t* err) {
  const int64_t passes = numcontents > 0 ? numcontents : 1;
  for (int64_t k = 0; k < passes; k++) {
    const int64_t total = awkward_cuda_block0_scan(
        length,
        [=] (int64_t i) -> int64_t {
          const int64_t tag = fromtags[i];
          if (tag < 0 || tag >= numcontents) {
            awkward_cuda_fail(err, AWKWARD_UNIONARRAY_REGULAR_INDEX_ERRCODE_BAD_TAG, i);
            return 0;
          }
          return tag == k ? 1 : 0;
        },
        [=] (int64_t i, int64_t before, int64_t flag) {
          if (flag) toindex[i] = before;
        },
        err);
    if (blockIdx.x == 0 && threadIdx.x == 0 && k < numcontents) current[k] = total;
  }
}

extern "C" __global__ void awkward_UnionArray_regular_index_64(int64_t* toindex, int64_t* current, const int8_t* fromtags, int64_t length, int64_t numcontents, int64_t* err) {
  impl(toindex, current, fromtags, length, numcontents, err);
}
