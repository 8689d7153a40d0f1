// awkward_reduce_all (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_all.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
struct reduce_all_op {
  bool* toptr;
  const T* fromptr;
  __device__ bool identity() const { return true; }
  __device__ bool step(bool acc, int64_t j, int64_t) const { return acc && (fromptr[j] != 0); }
  __device__ bool combine(bool left, bool right) const { return left && right; }
  __device__ void store(int64_t i, bool acc, int64_t) const { toptr[i] = acc; }
};

template <typename T>
__device__ void reduce_all(bool* toptr, const T* fromptr, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_all_op<T> op = {toptr, fromptr};
  awkward_cuda_reduce_segments<bool>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_ALL_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_all_bool(bool* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_int8(bool* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_uint8(bool* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_int16(bool* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_uint16(bool* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_int32(bool* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_uint32(bool* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_int64(bool* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_uint64(bool* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_float32(bool* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_all_float64(bool* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_all<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
