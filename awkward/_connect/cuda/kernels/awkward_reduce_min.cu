// awkward_reduce_min (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_min.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
struct reduce_min_op {
  T* toptr;
  const T* fromptr;
  T start_value;  // identity[0]
  __device__ T identity() const { return start_value; }
  __device__ T step(T best, int64_t j, int64_t) const {
    const T x = fromptr[j];
    return (x < best) ? x : best;
  }
  __device__ T combine(T left, T right) const { return (right < left) ? right : left; }
  __device__ void store(int64_t i, T best, int64_t) const { toptr[i] = best; }
};

template <typename T>
__device__ void reduce_min(T* toptr, const T* fromptr, const T* identity, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_min_op<T> op = {toptr, fromptr, identity[0]};
  awkward_cuda_reduce_segments<T>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_MIN_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_min_bool(bool* toptr, const bool* fromptr, const bool* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<bool>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_int8(int8_t* toptr, const int8_t* fromptr, const int8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<int8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_uint8(uint8_t* toptr, const uint8_t* fromptr, const uint8_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<uint8_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_int16(int16_t* toptr, const int16_t* fromptr, const int16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<int16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_uint16(uint16_t* toptr, const uint16_t* fromptr, const uint16_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<uint16_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_int32(int32_t* toptr, const int32_t* fromptr, const int32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<int32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_uint32(uint32_t* toptr, const uint32_t* fromptr, const uint32_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<uint32_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<int64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_uint64(uint64_t* toptr, const uint64_t* fromptr, const uint64_t* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<uint64_t>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_float32(float* toptr, const float* fromptr, const float* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<float>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_min_float64(double* toptr, const double* fromptr, const double* identity, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_min<double>(toptr, fromptr, identity, fromstarts, fromstops, length, fromlength, err);
}
