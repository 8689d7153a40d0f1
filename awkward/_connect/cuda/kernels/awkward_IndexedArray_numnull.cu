// awkward_IndexedArray_numnull: number of negative (missing) index entries (CUDA twin of the C++ kernel)
#include "awkward_cuda.h"

// A reduction in block 0 (any launch shape works; other blocks return at once).
template <typename C>
__device__ void impl(int64_t* numnull, const C* fromindex, int64_t length, int64_t* err) {
  if (blockIdx.x != 0) return;
  __shared__ unsigned long long count;
  if (threadIdx.x == 0) count = 0;
  __syncthreads();
  unsigned long long mine = 0;
  for (int64_t i = threadIdx.x; i < length; i += blockDim.x) {
    if (fromindex[i] < 0) mine++;
  }
  atomicAdd(&count, mine);
  __syncthreads();
  if (threadIdx.x == 0) numnull[0] = (int64_t)count;
}

extern "C" __global__ void awkward_IndexedArray_numnull_32(int64_t* numnull, const int32_t* fromindex, int64_t length, int64_t* err) {
  impl<int32_t>(numnull, fromindex, length, err);
}
extern "C" __global__ void awkward_IndexedArray_numnull_U32(int64_t* numnull, const uint32_t* fromindex, int64_t length, int64_t* err) {
  impl<uint32_t>(numnull, fromindex, length, err);
}
extern "C" __global__ void awkward_IndexedArray_numnull_64(int64_t* numnull, const int64_t* fromindex, int64_t length, int64_t* err) {
  impl<int64_t>(numnull, fromindex, length, err);
}
