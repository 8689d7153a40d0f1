// awkward_reduce_max (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_max.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
struct reduce_max_op {
  T* toptr;
  const T* fromptr;
  T start_value;  // identity[0]
  __device__ T identity() const { return start_value; }
  __device__ T step(T best, int64_t j, int64_t) const {
    const T x = fromptr[j];
    return (x > best) ? x : best;
  }
  __device__ T combine(T left, T right) const { return (right > left) ? right : left; }
  __device__ void store(int64_t i, T best, int64_t) const { toptr[i] = best; }
};

template <typename T>
__device__ void reduce_max(T* toptr, const T* fromptr, const T* identity, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_max_op<T> op = {toptr, fromptr, identity[0]};
  awkward_cuda_reduce_segments<T>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_MAX_ERRCODE_OUT_OF_RANGE, op, err);
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
