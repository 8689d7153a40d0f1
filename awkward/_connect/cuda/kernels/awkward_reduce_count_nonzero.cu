// awkward_reduce_count_nonzero (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_count_nonzero.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
struct reduce_count_nonzero_op {
  int64_t* toptr;
  const T* fromptr;
  __device__ int64_t identity() const { return 0; }
  __device__ int64_t step(int64_t acc, int64_t j, int64_t) const { return acc + ((fromptr[j] != 0) ? 1 : 0); }
  __device__ int64_t combine(int64_t left, int64_t right) const { return left + right; }
  __device__ void store(int64_t i, int64_t acc, int64_t) const { toptr[i] = acc; }
};

template <typename T>
__device__ void reduce_count_nonzero(int64_t* toptr, const T* fromptr, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_count_nonzero_op<T> op = {toptr, fromptr};
  awkward_cuda_reduce_segments<int64_t>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_COUNT_NONZERO_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_count_nonzero_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_uint8(int64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_uint16(int64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_uint32(int64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_uint64(int64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_float32(int64_t* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_count_nonzero_float64(int64_t* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_count_nonzero<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
