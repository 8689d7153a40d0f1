// awkward_reduce_prod (CUDA twin of awkward-cpp/src/kernels/awkward_reduce_prod.cpp): one thread per segment, a block per long segment (awkward_cuda_reduce.h)
#include "awkward_cuda_reduce.h"

template <typename OUT, typename ACC, typename IN>
struct reduce_prod_op {
  OUT* toptr;
  const IN* fromptr;
  __device__ ACC identity() const { return 1; }
  __device__ ACC step(ACC acc, int64_t j, int64_t) const { return acc * static_cast<ACC>(fromptr[j]); }
  __device__ ACC combine(ACC left, ACC right) const { return left * right; }
  __device__ void store(int64_t i, ACC acc, int64_t) const { toptr[i] = static_cast<OUT>(acc); }
};

template <typename OUT, typename ACC, typename IN>
__device__ void reduce_prod(OUT* toptr, const IN* fromptr, const int64_t* fromstarts,
                           const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  const reduce_prod_op<OUT, ACC, IN> op = {toptr, fromptr};
  awkward_cuda_reduce_segments<ACC>(fromstarts, fromstops, length, fromlength, AWKWARD_REDUCE_PROD_ERRCODE_OUT_OF_RANGE, op, err);
}

extern "C" __global__ void awkward_reduce_prod_int64_bool(int64_t* toptr, const bool* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<int64_t, int64_t, bool>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_int64_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<int64_t, int64_t, int8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_int64_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<int64_t, int64_t, int16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_int64_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<int64_t, int64_t, int32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_int64_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<int64_t, int64_t, int64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_uint64_uint8(uint64_t* toptr, const uint8_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<uint64_t, uint64_t, uint8_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_uint64_uint16(uint64_t* toptr, const uint16_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<uint64_t, uint64_t, uint16_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_uint64_uint32(uint64_t* toptr, const uint32_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<uint64_t, uint64_t, uint32_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_uint64_uint64(uint64_t* toptr, const uint64_t* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<uint64_t, uint64_t, uint64_t>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_float32_float32(float* toptr, const float* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<float, double, float>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
extern "C" __global__ void awkward_reduce_prod_float64_float64(double* toptr, const double* fromptr, const int64_t* fromstarts,
    const int64_t* fromstops, int64_t length, int64_t fromlength, int64_t* err) {
  reduce_prod<double, double, double>(toptr, fromptr, fromstarts, fromstops, length, fromlength, err);
}
