// awkward_reduce_argmin (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_argmin.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename T>
__device__ void reduce_argmin(int64_t* toptr, const T* fromptr, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const awkward_cuda_arg_op<T, false> op = {toptr, fromptr};
  awkward_cuda_reduce_segments<awkward_cuda_arg_best<T>>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_ARGMIN_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_argmin_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_uint8(int64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_uint16(int64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_uint32(int64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_uint64(int64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_float32(int64_t* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<float>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_argmin_float64(int64_t* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_argmin<double>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
