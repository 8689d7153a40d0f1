// awkward_NumpyArray_compress (CUDA twin of awkward-cpp/src/kernels/awkward_NumpyArray_compress.cpp):
// todata = fromdata[mask]. Each value's output position is the number of true values before it,
// a block scan (awkward_cuda_scan.h); the cuda backend itself compresses with cupy's boolean
// indexing, this twin keeps the kernel library complete.
#include "awkward_cuda.h"
#include "awkward_cuda_scan.h"

template <typename T>
__device__ void compress(T* todata, const T* fromdata, const bool* mask, int64_t length,
                         int64_t tolength, int64_t* err) {
  const int64_t total = awkward_cuda_block0_scan(
      length,
      [=] (int64_t i) -> int64_t { return mask[i] ? 1 : 0; },
      [=] (int64_t i, int64_t before, int64_t n) {
        if (n == 0) return;
        // the first true value past tolength is the index the sequential kernel reports
        if (before >= tolength) {
          awkward_cuda_fail(err, AWKWARD_NUMPYARRAY_COMPRESS_ERRCODE_WRONG_COUNT, i);
          return;
        }
        todata[before] = fromdata[i];
      },
      err);
  if (blockIdx.x == 0 && threadIdx.x == 0 &&
      *(volatile long long*)err == AWKWARD_CUDA_NO_ERROR && total != tolength) {
    awkward_cuda_fail(err, AWKWARD_NUMPYARRAY_COMPRESS_ERRCODE_WRONG_COUNT, -1);
  }
}

extern "C" __global__ void awkward_NumpyArray_compress_uint8(uint8_t* todata, const uint8_t* fromdata, const bool* mask,
    int64_t length, int64_t tolength, int64_t* err) {
  compress<uint8_t>(todata, fromdata, mask, length, tolength, err);
}
extern "C" __global__ void awkward_NumpyArray_compress_uint16(uint16_t* todata, const uint16_t* fromdata, const bool* mask,
    int64_t length, int64_t tolength, int64_t* err) {
  compress<uint16_t>(todata, fromdata, mask, length, tolength, err);
}
extern "C" __global__ void awkward_NumpyArray_compress_uint32(uint32_t* todata, const uint32_t* fromdata, const bool* mask,
    int64_t length, int64_t tolength, int64_t* err) {
  compress<uint32_t>(todata, fromdata, mask, length, tolength, err);
}
extern "C" __global__ void awkward_NumpyArray_compress_uint64(uint64_t* todata, const uint64_t* fromdata, const bool* mask,
    int64_t length, int64_t tolength, int64_t* err) {
  compress<uint64_t>(todata, fromdata, mask, length, tolength, err);
}
