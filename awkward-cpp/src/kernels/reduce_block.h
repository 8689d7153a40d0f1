// Shared by the awkward_reduce_* kernels (not generated): reducing short segments without a
// data-dependent branch.
//
// A per-segment loop `for (j = start; j < stop; j++)` ends at a different count for every
// list, so on real data (list lengths vary at random) the loop exit is mispredicted about once
// per list, which costs more than reading the values (sum and max of 10^7 float64 in lists of
// 0..10 at random: twice as slow as on lists whose lengths repeat). Instead, a segment of at
// most AWKWARD_REDUCE_BLOCK values is read as a whole block of that many values, those past its
// end replaced by a value that changes nothing (selected by a mask, not a branch), and reduced
// in the same order as the plain loop, so that results are bit-identical. Longer segments go
// on with the plain loop after the block; a block that would read past the buffer's end (the
// last few segments) takes the plain loop from the start.
//
// The block is not always faster: where list lengths repeat with a short period, the branch
// predictor learns the plain loop's exits and the plain loop wins by 12-20% (it reads only the
// segment's values). So the sum kernels do not call the block path alone: the segment loop of
// reduce_adaptive.h times both on the data as it goes and runs the cheaper one. (min/max: their
// plain loop is as fast only in its best runs, so they keep the block loop.)
//
// float64 and float32 on x86-64 (SSE2, always there) take this path; integers measured slower
// with masks in general-purpose registers than the plain loop on lists of repeating lengths,
// and other targets, so they keep the plain loop (AWKWARD_REDUCE_BLOCK_FLOATS undefined).
#ifndef AWKWARD_REDUCE_BLOCK_H_
#define AWKWARD_REDUCE_BLOCK_H_

#include <cstdint>
#include <type_traits>

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define AWKWARD_REDUCE_BLOCK_FLOATS 1
#endif

#define AWKWARD_REDUCE_BLOCK 8

// Whether the block path serves a sum of IN accumulated in ACC, and a min/max of T.
template <typename ACC, typename IN>
struct awkward_reduce_block_sums {
#ifdef AWKWARD_REDUCE_BLOCK_FLOATS
  static constexpr bool value = std::is_same<ACC, double>::value &&
                                (std::is_same<IN, double>::value || std::is_same<IN, float>::value);
#else
  static constexpr bool value = false;
#endif
};

template <typename T>
struct awkward_reduce_block_extrema {
#ifdef AWKWARD_REDUCE_BLOCK_FLOATS
  static constexpr bool value = std::is_same<T, double>::value || std::is_same<T, float>::value;
#else
  static constexpr bool value = false;
#endif
};

// The sum, in ACC, of the first n (0 <= n <= 8) of the 8 readable values at p; the best (max if
// LARGEST, else min) of `identity` and those values. Defined for the types above only.
template <typename ACC, typename IN>
ACC awkward_reduce_block_sum(const IN* p, int64_t n);
template <bool LARGEST, typename T>
T awkward_reduce_block_best(const T* p, int64_t n, T identity);

#ifdef AWKWARD_REDUCE_BLOCK_FLOATS
// AWKWARD_REDUCE_KEEP64[n][k] (KEEP32): all ones where k < n (lane k holds a value of the segment)
alignas(16) static const uint64_t AWKWARD_REDUCE_KEEP64[9][8] = {
    {0, 0, 0, 0, 0, 0, 0, 0},
    {~0ull, 0, 0, 0, 0, 0, 0, 0},
    {~0ull, ~0ull, 0, 0, 0, 0, 0, 0},
    {~0ull, ~0ull, ~0ull, 0, 0, 0, 0, 0},
    {~0ull, ~0ull, ~0ull, ~0ull, 0, 0, 0, 0},
    {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, 0, 0, 0},
    {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, 0, 0},
    {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, 0},
    {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull}};
alignas(16) static const uint32_t AWKWARD_REDUCE_KEEP32[9][8] = {
    {0, 0, 0, 0, 0, 0, 0, 0},
    {~0u, 0, 0, 0, 0, 0, 0, 0},
    {~0u, ~0u, 0, 0, 0, 0, 0, 0},
    {~0u, ~0u, ~0u, 0, 0, 0, 0, 0},
    {~0u, ~0u, ~0u, ~0u, 0, 0, 0, 0},
    {~0u, ~0u, ~0u, ~0u, ~0u, 0, 0, 0},
    {~0u, ~0u, ~0u, ~0u, ~0u, ~0u, 0, 0},
    {~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, 0},
    {~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u}};

// Sums: masked lanes are +0.0, added one by one from a +0.0 total as the plain loop does
// (adding +0.0 to a total that started at +0.0 changes nothing, NaN and infinities included).
template <>
inline double awkward_reduce_block_sum<double, double>(const double* p, int64_t n) {
  const __m128d* keep = reinterpret_cast<const __m128d*>(AWKWARD_REDUCE_KEEP64[n]);
  __m128d total = _mm_setzero_pd();
  for (int k = 0; k < 4; k++) {
    const __m128d v = _mm_and_pd(_mm_loadu_pd(p + 2 * k), keep[k]);
    total = _mm_add_sd(total, v);
    total = _mm_add_sd(total, _mm_unpackhi_pd(v, v));
  }
  return _mm_cvtsd_f64(total);
}

template <>
inline double awkward_reduce_block_sum<double, float>(const float* p, int64_t n) {
  const __m128* keep = reinterpret_cast<const __m128*>(AWKWARD_REDUCE_KEEP32[n]);
  __m128d total = _mm_setzero_pd();
  for (int k = 0; k < 2; k++) {
    const __m128 v = _mm_and_ps(_mm_loadu_ps(p + 4 * k), keep[k]);
    const __m128d low = _mm_cvtps_pd(v);
    const __m128d high = _mm_cvtps_pd(_mm_movehl_ps(v, v));
    total = _mm_add_sd(total, low);
    total = _mm_add_sd(total, _mm_unpackhi_pd(low, low));
    total = _mm_add_sd(total, high);
    total = _mm_add_sd(total, _mm_unpackhi_pd(high, high));
  }
  return _mm_cvtsd_f64(total);
}

// min/max. The plain loop's step, best = x > best ? x : best (max), never lets a NaN in, so its
// result is the largest of the identity and the segment's non-NaN values: a set maximum, the
// same in any order, except that +0.0 and -0.0 compare equal and the first one seen stays.
// So the block is reduced in two independent chains (short dependency chains), its lanes past
// n turned into NaN by one OR with all-ones bits (a NaN never replaces a best that is not NaN,
// and no best is NaN since each chain starts from the identity), and where the result is a
// zero the segment is redone value by value (rare; the caller's plain loop does it).
// MAXPD/MINPD(x, best) is exactly `x > best ? x : best` (`x < best ? x : best`) per lane.
// AWKWARD_REDUCE_DROP64[n][k] (DROP32): all ones where k >= n
alignas(16) static const uint64_t AWKWARD_REDUCE_DROP64[9][8] = {
    {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, 0, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, 0, 0, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, 0, 0, 0, ~0ull, ~0ull, ~0ull, ~0ull},
    {0, 0, 0, 0, 0, ~0ull, ~0ull, ~0ull},
    {0, 0, 0, 0, 0, 0, ~0ull, ~0ull},
    {0, 0, 0, 0, 0, 0, 0, ~0ull},
    {0, 0, 0, 0, 0, 0, 0, 0}};
alignas(16) static const uint32_t AWKWARD_REDUCE_DROP32[9][8] = {
    {~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u},
    {0, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u},
    {0, 0, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u},
    {0, 0, 0, ~0u, ~0u, ~0u, ~0u, ~0u},
    {0, 0, 0, 0, ~0u, ~0u, ~0u, ~0u},
    {0, 0, 0, 0, 0, ~0u, ~0u, ~0u},
    {0, 0, 0, 0, 0, 0, ~0u, ~0u},
    {0, 0, 0, 0, 0, 0, 0, ~0u},
    {0, 0, 0, 0, 0, 0, 0, 0}};

template <bool LARGEST>
inline __m128d awkward_reduce_sse2_best(__m128d x, __m128d best) {
  return LARGEST ? _mm_max_pd(x, best) : _mm_min_pd(x, best);
}
template <bool LARGEST>
inline __m128 awkward_reduce_sse2_best(__m128 x, __m128 best) {
  return LARGEST ? _mm_max_ps(x, best) : _mm_min_ps(x, best);
}

// the plain loop over the block's n values, for a zero result (which zero came first matters)
template <bool LARGEST, typename T>
inline T awkward_reduce_block_best_in_order(const T* p, int64_t n, T best) {
  for (int64_t k = 0; k < n; k++) {
    const T x = p[k];
    best = LARGEST ? ((x > best) ? x : best) : ((x < best) ? x : best);
  }
  return best;
}

template <bool LARGEST>
inline double awkward_reduce_block_best_f64(const double* p, int64_t n, double identity) {
  const __m128d* drop = reinterpret_cast<const __m128d*>(AWKWARD_REDUCE_DROP64[n]);
  const __m128d fill = _mm_set1_pd(identity);
  __m128d a = awkward_reduce_sse2_best<LARGEST>(_mm_or_pd(_mm_loadu_pd(p), drop[0]), fill);
  __m128d b = awkward_reduce_sse2_best<LARGEST>(_mm_or_pd(_mm_loadu_pd(p + 2), drop[1]), fill);
  a = awkward_reduce_sse2_best<LARGEST>(_mm_or_pd(_mm_loadu_pd(p + 4), drop[2]), a);
  b = awkward_reduce_sse2_best<LARGEST>(_mm_or_pd(_mm_loadu_pd(p + 6), drop[3]), b);
  a = awkward_reduce_sse2_best<LARGEST>(a, b);
  const double best = _mm_cvtsd_f64(awkward_reduce_sse2_best<LARGEST>(_mm_unpackhi_pd(a, a), a));
  return best == 0.0 ? awkward_reduce_block_best_in_order<LARGEST>(p, n, identity) : best;
}

template <bool LARGEST>
inline float awkward_reduce_block_best_f32(const float* p, int64_t n, float identity) {
  const __m128* drop = reinterpret_cast<const __m128*>(AWKWARD_REDUCE_DROP32[n]);
  const __m128 fill = _mm_set1_ps(identity);
  __m128 a = awkward_reduce_sse2_best<LARGEST>(_mm_or_ps(_mm_loadu_ps(p), drop[0]), fill);
  a = awkward_reduce_sse2_best<LARGEST>(_mm_or_ps(_mm_loadu_ps(p + 4), drop[1]), a);
  a = awkward_reduce_sse2_best<LARGEST>(_mm_movehl_ps(a, a), a);
  a = awkward_reduce_sse2_best<LARGEST>(_mm_shuffle_ps(a, a, _MM_SHUFFLE(1, 1, 1, 1)), a);
  const float best = _mm_cvtss_f32(a);
  return best == 0.0f ? awkward_reduce_block_best_in_order<LARGEST>(p, n, identity) : best;
}

template <>
inline double awkward_reduce_block_best<true, double>(const double* p, int64_t n, double identity) {
  return awkward_reduce_block_best_f64<true>(p, n, identity);
}
template <>
inline double awkward_reduce_block_best<false, double>(const double* p, int64_t n, double identity) {
  return awkward_reduce_block_best_f64<false>(p, n, identity);
}
template <>
inline float awkward_reduce_block_best<true, float>(const float* p, int64_t n, float identity) {
  return awkward_reduce_block_best_f32<true>(p, n, identity);
}
template <>
inline float awkward_reduce_block_best<false, float>(const float* p, int64_t n, float identity) {
  return awkward_reduce_block_best_f32<false>(p, n, identity);
}
#endif  // AWKWARD_REDUCE_BLOCK_FLOATS

#endif  // AWKWARD_REDUCE_BLOCK_H_
