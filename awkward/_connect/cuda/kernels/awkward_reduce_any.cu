// awkward_reduce_any (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_any.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
struct reduce_any_op {
  bool* toptr;
  const T* fromptr;
  __device__ bool identity() const { return false; }
  __device__ bool step(bool acc, int64_t j, int64_t) const { return acc || (fromptr[j] != 0); }
  __device__ bool combine(bool left, bool right) const { return left || right; }
  __device__ void store(int64_t i, bool acc, int64_t) const { toptr[i] = acc; }
};

template <typename T>
__device__ void reduce_any(bool* toptr, const T* fromptr, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_any_op<T> op = {toptr, fromptr};
  awkward_cuda_reduce_segments<bool>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_ANY_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_any_bool(bool* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_int8(bool* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_uint8(bool* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_int16(bool* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_uint16(bool* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_int32(bool* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_uint32(bool* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_int64(bool* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_uint64(bool* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_float32(bool* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_any_float64(bool* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_any<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
