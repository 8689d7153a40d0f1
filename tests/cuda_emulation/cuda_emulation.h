// Runs the CUDA kernels of awkward/_connect/cuda/kernels on the CPU, for tests on machines
// without a GPU (tests/test_cuda_kernels_emulated.py). Force-included before a .cu file, which
// g++ then compiles as C++20: every CUDA thread of a block is a real thread (started by the
// test through ctypes, which releases the GIL), so __syncthreads, __syncthreads_or and warp
// shuffles are real barriers, and atomics are atomic. Blocks run one after another, so a
// `__shared__` variable (a static here) belongs to the running block. Only what the kernels
// use is emulated: __shfl_up_sync, __syncthreads(_or), atomicMin/atomicAdd.
#ifndef AWKWARD_CUDA_EMULATION_H_
#define AWKWARD_CUDA_EMULATION_H_

#include <barrier>
#include <cstdint>
#include <cstring>
#include <mutex>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static

struct awkward_emu_dim3 {
  unsigned int x = 0, y = 0, z = 0;
};

inline thread_local awkward_emu_dim3 threadIdx;
inline thread_local awkward_emu_dim3 blockIdx;
inline awkward_emu_dim3 blockDim;
inline awkward_emu_dim3 gridDim;

inline std::barrier<>* awkward_emu_block_barrier = nullptr;
inline std::barrier<>* awkward_emu_warp_barrier[32] = {};
inline int64_t awkward_emu_warp_slots[32][32];
inline int awkward_emu_or_flag = 0;
inline std::mutex awkward_emu_atomic_mutex;

inline void __syncthreads() { awkward_emu_block_barrier->arrive_and_wait(); }

inline int __syncthreads_or(int predicate) {
  __syncthreads();  // the previous call's reset is done
  if (predicate) {
    std::lock_guard<std::mutex> lock(awkward_emu_atomic_mutex);
    awkward_emu_or_flag = 1;
  }
  __syncthreads();
  int result;
  {
    std::lock_guard<std::mutex> lock(awkward_emu_atomic_mutex);
    result = awkward_emu_or_flag;
  }
  __syncthreads();  // everyone has read it
  if (threadIdx.x == 0) {
    std::lock_guard<std::mutex> lock(awkward_emu_atomic_mutex);
    awkward_emu_or_flag = 0;
  }
  return result;
}

// The lanes of `mask` must be the warp's existing threads (as the kernels use it).
template <typename T>
inline T __shfl_up_sync(unsigned int mask, T value, unsigned int delta, int width = 32) {
  static_assert(sizeof(T) <= 8, "emulated shuffles move at most 8 bytes");
  (void)width;
  const unsigned int lane = threadIdx.x & 31u, warp = threadIdx.x >> 5;
  const unsigned int lanes = blockDim.x - warp * 32u < 32u ? blockDim.x - warp * 32u : 32u;
  const unsigned int expected = lanes == 32u ? 0xffffffffu : ((1u << lanes) - 1u);
  if (mask != expected) std::abort();  // a partial mask is not emulated
  int64_t raw = 0;
  std::memcpy(&raw, &value, sizeof(T));
  awkward_emu_warp_slots[warp][lane] = raw;
  awkward_emu_warp_barrier[warp]->arrive_and_wait();
  T out = value;
  if (lane >= delta) std::memcpy(&out, &awkward_emu_warp_slots[warp][lane - delta], sizeof(T));
  awkward_emu_warp_barrier[warp]->arrive_and_wait();  // before the slots are written again
  return out;
}

template <typename T>
inline T atomicMin(T* address, T value) {
  std::lock_guard<std::mutex> lock(awkward_emu_atomic_mutex);
  const T old = *address;
  if (value < old) *address = value;
  return old;
}

template <typename T>
inline T atomicAdd(T* address, T value) {
  std::lock_guard<std::mutex> lock(awkward_emu_atomic_mutex);
  const T old = *address;
  *address = old + value;
  return old;
}

// Called by the test: before the threads of a block start, and in each thread first.
extern "C" void awkward_emu_begin_block(unsigned int block_threads, unsigned int grid_blocks) {
  delete awkward_emu_block_barrier;
  awkward_emu_block_barrier = new std::barrier<>(block_threads);
  for (unsigned int w = 0; w < 32; w++) {
    delete awkward_emu_warp_barrier[w];
    awkward_emu_warp_barrier[w] = nullptr;
    const long lanes = (long)block_threads - (long)w * 32;
    if (lanes > 0) awkward_emu_warp_barrier[w] = new std::barrier<>(lanes < 32 ? lanes : 32);
  }
  blockDim.x = block_threads;
  blockDim.y = blockDim.z = 1;
  gridDim.x = grid_blocks;
  gridDim.y = gridDim.z = 1;
}

extern "C" void awkward_emu_set_thread(unsigned int block, unsigned int thread) {
  blockIdx.x = block;
  threadIdx.x = thread;
}

// Called by the test when a thread's kernel call returns: as on current GPUs, a thread that
// has exited no longer holds back its block's (or its warp's) barriers.
extern "C" void awkward_emu_end_thread() {
  awkward_emu_block_barrier->arrive_and_drop();
  awkward_emu_warp_barrier[threadIdx.x >> 5]->arrive_and_drop();
}

#endif  // AWKWARD_CUDA_EMULATION_H_
