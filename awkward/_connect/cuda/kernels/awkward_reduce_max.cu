// awkward_reduce_max (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_max.cpp): one thread per segment
#include "awkward_cuda.h"

template <typename T>
__device__ void reduce_max(T* toptr, const T* fromptr, const T* identity, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  for (int64_t i = awkward_cuda_thread(); i < length; i += awkward_cuda_stride()) {
    const int64_t start = fromstarts[i];
    const int64_t stop = fromstops[i];
    if (start < 0 || stop < start || stop > fromlength) {
      awkward_cuda_fail(err, AWKWARD_REDUCE_MAX_ERRCODE_OUT_OF_RANGE, i);
      continue;
    }
    T best = identity[0];
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      best = (x > best) ? x : best;
    }
    toptr[i] = best;
  }
}

extern "C" __global__ void awkward_reduce_max_bool(bool* toptr, const bool* fromptr, const bool* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<bool>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_int8(int8_t* toptr, const int8_t* fromptr, const int8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<int8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_uint8(uint8_t* toptr, const uint8_t* fromptr, const uint8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<uint8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_int16(int16_t* toptr, const int16_t* fromptr, const int16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<int16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_uint16(uint16_t* toptr, const uint16_t* fromptr, const uint16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<uint16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_int32(int32_t* toptr, const int32_t* fromptr, const int32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<int32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_uint32(uint32_t* toptr, const uint32_t* fromptr, const uint32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<uint32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<int64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_uint64(uint64_t* toptr, const uint64_t* fromptr, const uint64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<uint64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_float32(float* toptr, const float* fromptr, const float* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<float>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_max_float64(double* toptr, const double* fromptr, const double* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_max<double>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
