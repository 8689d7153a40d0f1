// Shared code of the awkward_sort_segments and awkward_argsort_segments kernels (hand-written,
// not generated): a stable sort of every segment offsets[i]:offsets[i + 1] of a flat buffer.
// NaN go first in both directions, in their original order (as awkward 2.14 places them); the
// other values follow in stable ascending or descending order. Short segments (the bulk of
// physics data) use an insertion sort on a local copy; longer ones std::stable_sort (std::sort
// for sorted integer values, whose equal elements cannot be told apart).
#ifndef AWKWARD_SEGMENTED_SORT_H_
#define AWKWARD_SEGMENTED_SORT_H_

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "awkward/kernels.h"

namespace awkward_segmented_sort {

constexpr int64_t kShort = 32;  // segments up to this length: insertion sort

template <typename T>
inline bool is_nan(T x) {
  if constexpr (std::is_floating_point<T>::value) {
    return x != x;
  } else {
    (void)x;
    return false;
  }
}

template <bool ASC, typename T>
inline bool before(T a, T b) {
  if constexpr (ASC) {
    return a < b;
  } else {
    return b < a;
  }
}

// stable: an element moves only past strictly "later" ones
template <bool ASC, typename T>
inline void insertion_sort(T* a, int64_t n) {
  for (int64_t i = 1; i < n; i++) {
    const T x = a[i];
    int64_t j = i;
    while (j > 0 && before<ASC>(x, a[j - 1])) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = x;
  }
}

// optimal sorting networks for 2..8 values (the same as awkward/_do/_segmented_sort.py's)
constexpr int kNetworkMax = 8;
constexpr int8_t kNetworks[7][19][2] = {
    {{0, 1}},
    {{0, 2}, {0, 1}, {1, 2}},
    {{0, 1}, {2, 3}, {0, 2}, {1, 3}, {1, 2}},
    {{0, 3}, {1, 4}, {0, 2}, {1, 3}, {0, 1}, {2, 4}, {1, 2}, {3, 4}, {2, 3}},
    {{0, 5}, {1, 3}, {2, 4}, {1, 2}, {3, 4}, {0, 3}, {2, 5}, {0, 1}, {2, 3}, {4, 5}, {1, 2},
     {3, 4}},
    {{0, 6}, {2, 3}, {4, 5}, {0, 2}, {1, 4}, {3, 6}, {0, 1}, {2, 5}, {3, 4}, {1, 2}, {4, 6},
     {2, 3}, {4, 5}, {1, 2}, {3, 4}, {5, 6}},
    {{0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}, {0, 1}, {2, 3}, {4, 5},
     {6, 7}, {2, 4}, {3, 5}, {1, 4}, {3, 6}, {1, 2}, {3, 4}, {5, 6}}};
constexpr int kNetworkSizes[7] = {1, 3, 5, 9, 12, 16, 19};

// n (2..8) values with their positions, sorted by (value, position): a total order, so the
// network's result is the stable order; compare-exchanges are selects, not branches
template <bool ASC, typename T>
inline void network_sort(T* keys, int64_t* where, int64_t n) {
  const int8_t(*network)[2] = kNetworks[n - 2];
  const int size = kNetworkSizes[n - 2];
  for (int c = 0; c < size; c++) {
    const int a = network[c][0];
    const int b = network[c][1];
    const T ka = keys[a];
    const T kb = keys[b];
    const int64_t wa = where[a];
    const int64_t wb = where[b];
    const bool swap = before<ASC>(kb, ka) || (!before<ASC>(ka, kb) && wb < wa);
    keys[a] = swap ? kb : ka;
    keys[b] = swap ? ka : kb;
    where[a] = swap ? wb : wa;
    where[b] = swap ? wa : wb;
  }
}

template <bool ASC, typename T>
inline void sort_values(T* a, int64_t n) {
  if (n <= kShort) {
    insertion_sort<ASC>(a, n);
  } else if constexpr (std::is_floating_point<T>::value) {
    std::stable_sort(a, a + n, [](T x, T y) { return before<ASC>(x, y); });  // -0.0 == 0.0 keep order
  } else {
    std::sort(a, a + n, [](T x, T y) { return before<ASC>(x, y); });
  }
}

// NaN first, then the other values sorted; writes toptr[start:stop]
template <bool ASC, typename T>
inline void sort_one(T* toptr, const T* fromptr, int64_t start, int64_t stop) {
  if (stop - start <= kNetworkMax) {
    T keys[kNetworkMax];
    int64_t where[kNetworkMax];
    int64_t k = start;
    int64_t m = 0;
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      if (is_nan(x)) {
        toptr[k++] = x;
      } else {
        keys[m] = x;
        where[m++] = j;
      }
    }
    if (m > 1) network_sort<ASC>(keys, where, m);
    for (int64_t p = 0; p < m; p++) toptr[k + p] = keys[p];
    return;
  }
  int64_t k = start;
  if constexpr (std::is_floating_point<T>::value) {
    for (int64_t j = start; j < stop; j++) {
      if (is_nan(fromptr[j])) toptr[k++] = fromptr[j];
    }
    const int64_t first = k;
    for (int64_t j = start; j < stop; j++) {
      if (!is_nan(fromptr[j])) toptr[k++] = fromptr[j];
    }
    sort_values<ASC>(toptr + first, stop - first);
  } else {
    for (int64_t j = start; j < stop; j++) toptr[j] = fromptr[j];
    sort_values<ASC>(toptr + start, stop - start);
  }
}

template <bool ASC, typename T>
Error sort_all(T* toptr, const T* fromptr, const int64_t* offsets, int64_t nsegments,
               int64_t length, const char* out_of_range) {
  if (nsegments < 0) return awkward_failure(out_of_range, -1);
  const int64_t first = nsegments > 0 ? offsets[0] : 0;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    if (start < 0 || stop < start || stop > length) return awkward_failure(out_of_range, i);
    sort_one<ASC>(toptr, fromptr, start, stop);
  }
  const int64_t last = nsegments > 0 ? offsets[nsegments] : 0;
  for (int64_t j = 0; j < first; j++) toptr[j] = fromptr[j];
  for (int64_t j = last; j < length; j++) toptr[j] = fromptr[j];
  return awkward_success();
}

template <typename T>
Error sort_segments(T* toptr, const T* fromptr, const int64_t* offsets, int64_t nsegments,
                    int64_t length, bool ascending, const char* out_of_range) {
  return ascending ? sort_all<true>(toptr, fromptr, offsets, nsegments, length, out_of_range)
                   : sort_all<false>(toptr, fromptr, offsets, nsegments, length, out_of_range);
}

// argsort of one segment: writes global positions into toptr[start:stop]
template <bool ASC, typename T>
inline void argsort_one(int64_t* toptr, const T* fromptr, int64_t start, int64_t stop) {
  int64_t k = start;
  for (int64_t j = start; j < stop; j++) {
    if (is_nan(fromptr[j])) toptr[k++] = j;
  }
  const int64_t first = k;
  const int64_t n = stop - first;
  if (n <= kShort) {
    // insertion sort of (value, position) pairs held locally: no indirect loads
    T keys[kShort];
    int64_t where[kShort];
    int64_t m = 0;
    if (stop - start <= kNetworkMax) {
      for (int64_t j = start; j < stop; j++) {
        const T x = fromptr[j];
        if (is_nan(x)) continue;
        keys[m] = x;
        where[m++] = j;
      }
      if (m > 1) network_sort<ASC>(keys, where, m);
      for (int64_t p = 0; p < m; p++) toptr[first + p] = where[p];
      return;
    }
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      if (is_nan(x)) continue;
      int64_t p = m++;
      while (p > 0 && before<ASC>(x, keys[p - 1])) {
        keys[p] = keys[p - 1];
        where[p] = where[p - 1];
        p--;
      }
      keys[p] = x;
      where[p] = j;
    }
    for (int64_t p = 0; p < m; p++) toptr[first + p] = where[p];
    return;
  }
  for (int64_t j = start; j < stop; j++) {
    if (!is_nan(fromptr[j])) toptr[k++] = j;
  }
  std::stable_sort(toptr + first, toptr + stop,
                   [fromptr](int64_t a, int64_t b) { return before<ASC>(fromptr[a], fromptr[b]); });
}

template <bool ASC, typename T>
Error argsort_all(int64_t* toptr, const T* fromptr, const int64_t* offsets, int64_t nsegments,
                  int64_t length, bool local, const char* out_of_range) {
  if (nsegments < 0) return awkward_failure(out_of_range, -1);
  const int64_t first = nsegments > 0 ? offsets[0] : 0;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    if (start < 0 || stop < start || stop > length) return awkward_failure(out_of_range, i);
    argsort_one<ASC>(toptr, fromptr, start, stop);
    if (local) {
      for (int64_t j = start; j < stop; j++) toptr[j] -= start;
    }
  }
  const int64_t last = nsegments > 0 ? offsets[nsegments] : 0;
  for (int64_t j = 0; j < first; j++) toptr[j] = local ? 0 : j;
  for (int64_t j = last; j < length; j++) toptr[j] = local ? 0 : j;
  return awkward_success();
}

template <typename T>
Error argsort_segments(int64_t* toptr, const T* fromptr, const int64_t* offsets, int64_t nsegments,
                       int64_t length, bool ascending, bool local, const char* out_of_range) {
  return ascending
             ? argsort_all<true>(toptr, fromptr, offsets, nsegments, length, local, out_of_range)
             : argsort_all<false>(toptr, fromptr, offsets, nsegments, length, local, out_of_range);
}

}  // namespace awkward_segmented_sort

#endif  // AWKWARD_SEGMENTED_SORT_H_
