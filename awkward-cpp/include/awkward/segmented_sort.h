// Shared code of the awkward_sort_segments / awkward_argsort_segments kernels and of their
// option-type versions awkward_(arg)sort_missing_segments, and of awkward_argsort_string_segments
// (hand-written, not generated): a
// stable sort of every segment offsets[i]:offsets[i + 1] of a flat buffer.
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
// Insert (x, j) into the m sorted pairs keys/where (room for one more): the short-segment
// argsorts keep (value, position) pairs locally, so sorting makes no indirect loads.
template <bool ASC, typename T>
inline void insert_pair(T* keys, int64_t* where, int64_t m, T x, int64_t j) {
  int64_t p = m;
  while (p > 0 && before<ASC>(x, keys[p - 1])) {
    keys[p] = keys[p - 1];
    where[p] = where[p - 1];
    p--;
  }
  keys[p] = x;
  where[p] = j;
}

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

// argsort of one segment: writes positions minus base (0: global, start: local) into
// toptr[start:stop]
template <bool ASC, typename T>
inline void argsort_one(int64_t* toptr, const T* fromptr, int64_t start, int64_t stop,
                        int64_t base) {
  if (stop - start <= kNetworkMax) {
    // one pass: NaN positions out at once, the others sorted locally by a network
    T keys[kNetworkMax];
    int64_t where[kNetworkMax];
    int64_t k = start;
    int64_t m = 0;
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      if (is_nan(x)) {
        toptr[k++] = j - base;
      } else {
        keys[m] = x;
        where[m++] = j;
      }
    }
    if (m > 1) network_sort<ASC>(keys, where, m);
    for (int64_t p = 0; p < m; p++) toptr[k + p] = where[p] - base;
    return;
  }
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
    for (int64_t j = start; j < stop; j++) {
      const T x = fromptr[j];
      if (is_nan(x)) continue;
      insert_pair<ASC>(keys, where, m++, x, j);
    }
    for (int64_t p = 0; p < m; p++) toptr[first + p] = where[p];
  } else {
    for (int64_t j = start; j < stop; j++) {
      if (!is_nan(fromptr[j])) toptr[k++] = j;
    }
    std::stable_sort(toptr + first, toptr + stop, [fromptr](int64_t a, int64_t b) {
      return before<ASC>(fromptr[a], fromptr[b]);
    });
  }
  if (base != 0) {
    for (int64_t j = start; j < stop; j++) toptr[j] -= base;
  }
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
    argsort_one<ASC>(toptr, fromptr, start, stop, local ? start : 0);
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

// ---- option-type values: an index over data (index < 0: missing), sorted in one pass per
// segment (awkward_sort_missing_segments / awkward_argsort_missing_segments)

inline Error check_missing_args(const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
                                int64_t length, int64_t datalength, const char* out_of_range,
                                const char* bad_index) {
  if (nsegments < 0) return awkward_failure(out_of_range, -1);
  for (int64_t i = 0; i < nsegments; i++) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > length) {
      return awkward_failure(out_of_range, i);
    }
  }
  for (int64_t j = 0; j < length; j++) {
    if (fromindex[j] >= datalength) return awkward_failure(bad_index, j);
  }
  return awkward_success();
}

// positions start:stop kept in place: a present value takes the next slot of tovalues
template <typename T>
inline int64_t keep_missing(T* tovalues, int64_t* toindex, const T* fromptr, const int64_t* fromindex,
                            int64_t start, int64_t stop, int64_t k) {
  for (int64_t j = start; j < stop; j++) {
    const int64_t at = fromindex[j];
    if (at < 0) {
      toindex[j] = -1;
    } else {
      tovalues[k] = fromptr[at];
      toindex[j] = k++;
    }
  }
  return k;
}

// one segment: its present values compacted at tovalues[k:], NaN first, the rest sorted; the
// index points at them in order and ends with the segment's -1 entries
template <bool ASC, typename T>
inline int64_t sort_missing_one(T* tovalues, int64_t* toindex, const T* fromptr,
                                const int64_t* fromindex, int64_t start, int64_t stop, int64_t k) {
  const int64_t begin = k;
  for (int64_t j = start; j < stop; j++) {
    const int64_t at = fromindex[j];
    if (at >= 0 && is_nan(fromptr[at])) tovalues[k++] = fromptr[at];
  }
  const int64_t first = k;
  for (int64_t j = start; j < stop; j++) {
    const int64_t at = fromindex[j];
    if (at >= 0 && !is_nan(fromptr[at])) tovalues[k++] = fromptr[at];
  }
  sort_values<ASC>(tovalues + first, k - first);
  const int64_t present = k - begin;
  for (int64_t p = 0; p < stop - start; p++) toindex[start + p] = p < present ? begin + p : -1;
  return k;
}

template <bool ASC, typename T>
Error sort_missing_all(T* tovalues, int64_t* toindex, int64_t* tolength, const T* fromptr,
                       const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
                       int64_t length, int64_t datalength, const char* out_of_range,
                       const char* bad_index) {
  Error err = check_missing_args(fromindex, offsets, nsegments, length, datalength, out_of_range,
                                 bad_index);
  if (err.str != nullptr) return err;
  const int64_t first = nsegments > 0 ? offsets[0] : length;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : length;
  int64_t k = keep_missing(tovalues, toindex, fromptr, fromindex, 0, first, 0);
  for (int64_t i = 0; i < nsegments; i++) {
    k = sort_missing_one<ASC>(tovalues, toindex, fromptr, fromindex, offsets[i], offsets[i + 1], k);
  }
  k = keep_missing(tovalues, toindex, fromptr, fromindex, last, length, k);
  tolength[0] = k;
  for (int64_t j = k; j < length; j++) tovalues[j] = T(0);
  return awkward_success();
}

template <typename T>
Error sort_missing_segments(T* tovalues, int64_t* toindex, int64_t* tolength, const T* fromptr,
                            const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
                            int64_t length, int64_t datalength, bool ascending,
                            const char* out_of_range, const char* bad_index) {
  return ascending ? sort_missing_all<true>(tovalues, toindex, tolength, fromptr, fromindex, offsets,
                                            nsegments, length, datalength, out_of_range, bad_index)
                   : sort_missing_all<false>(tovalues, toindex, tolength, fromptr, fromindex,
                                             offsets, nsegments, length, datalength, out_of_range,
                                             bad_index);
}

// one segment: positions of NaN, then of the other present values sorted, then of the missing
template <bool ASC, typename T>
inline void argsort_missing_one(int64_t* toptr, const T* fromptr, const int64_t* fromindex,
                                int64_t start, int64_t stop) {
  int64_t k = start;
  int64_t nmissing = 0;
  for (int64_t j = start; j < stop; j++) {
    const int64_t at = fromindex[j];
    if (at < 0) {
      nmissing++;
    } else if (is_nan(fromptr[at])) {
      toptr[k++] = j;
    }
  }
  const int64_t first = k;
  const int64_t n = stop - start - nmissing - (first - start);  // present, not NaN
  if (n <= kShort) {
    // (value, position) pairs held locally, inserted in order: no indirect loads while sorting
    T keys[kShort];
    int64_t where[kShort];
    int64_t m = 0;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at < 0) continue;
      const T x = fromptr[at];
      if (is_nan(x)) continue;
      insert_pair<ASC>(keys, where, m++, x, j);
    }
    for (int64_t p = 0; p < m; p++) toptr[first + p] = where[p];
  } else {
    int64_t q = first;
    for (int64_t j = start; j < stop; j++) {
      const int64_t at = fromindex[j];
      if (at >= 0 && !is_nan(fromptr[at])) toptr[q++] = j;
    }
    std::stable_sort(toptr + first, toptr + first + n, [fromptr, fromindex](int64_t a, int64_t b) {
      return before<ASC>(fromptr[fromindex[a]], fromptr[fromindex[b]]);
    });
  }
  if (nmissing > 0) {
    int64_t q = first + n;
    for (int64_t j = start; j < stop; j++) {
      if (fromindex[j] < 0) toptr[q++] = j;
    }
  }
}

template <bool ASC, typename T>
Error argsort_missing_all(int64_t* toptr, const T* fromptr, const int64_t* fromindex,
                          const int64_t* offsets, int64_t nsegments, int64_t length,
                          int64_t datalength, bool local, const char* out_of_range,
                          const char* bad_index) {
  Error err = check_missing_args(fromindex, offsets, nsegments, length, datalength, out_of_range,
                                 bad_index);
  if (err.str != nullptr) return err;
  const int64_t first = nsegments > 0 ? offsets[0] : length;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : length;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    argsort_missing_one<ASC>(toptr, fromptr, fromindex, start, stop);
    if (local) {
      for (int64_t j = start; j < stop; j++) toptr[j] -= start;
    }
  }
  for (int64_t j = 0; j < first; j++) toptr[j] = local ? 0 : j;
  for (int64_t j = last; j < length; j++) toptr[j] = local ? 0 : j;
  return awkward_success();
}

template <typename T>
Error argsort_missing_segments(int64_t* toptr, const T* fromptr, const int64_t* fromindex,
                               const int64_t* offsets, int64_t nsegments, int64_t length,
                               int64_t datalength, bool ascending, bool local,
                               const char* out_of_range, const char* bad_index) {
  return ascending ? argsort_missing_all<true>(toptr, fromptr, fromindex, offsets, nsegments, length,
                                               datalength, local, out_of_range, bad_index)
                   : argsort_missing_all<false>(toptr, fromptr, fromindex, offsets, nsegments,
                                                length, datalength, local, out_of_range, bad_index);
}

// ---- strings (awkward_argsort_string_segments): string j is chars[offsets[j]:offsets[j + 1]],
// compared bytewise as unsigned, a prefix before the longer string

struct StringRef {
  const uint8_t* chars;
  int64_t size;
};

inline int compare_strings(StringRef a, StringRef b) {
  const int64_t n = a.size < b.size ? a.size : b.size;
  for (int64_t p = 0; p < n; p++) {
    if (a.chars[p] != b.chars[p]) return a.chars[p] < b.chars[p] ? -1 : 1;
  }
  return a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
}

template <bool ASC>
inline bool string_before(StringRef a, StringRef b) {
  return ASC ? compare_strings(a, b) < 0 : compare_strings(b, a) < 0;
}

template <bool ASC>
inline void argsort_string_one(int64_t* toptr, const int64_t* fromoffsets, const uint8_t* fromchars,
                               int64_t start, int64_t stop) {
  auto ref = [fromoffsets, fromchars](int64_t j) {
    return StringRef{fromchars + fromoffsets[j], fromoffsets[j + 1] - fromoffsets[j]};
  };
  if (stop - start <= kShort) {
    StringRef keys[kShort];
    int64_t m = 0;
    for (int64_t j = start; j < stop; j++) {
      const StringRef x = ref(j);
      int64_t p = m++;
      while (p > 0 && string_before<ASC>(x, keys[p - 1])) {
        keys[p] = keys[p - 1];
        toptr[start + p] = toptr[start + p - 1];
        p--;
      }
      keys[p] = x;
      toptr[start + p] = j;
    }
    return;
  }
  for (int64_t j = start; j < stop; j++) toptr[j] = j;
  std::stable_sort(toptr + start, toptr + stop,
                   [&ref](int64_t a, int64_t b) { return string_before<ASC>(ref(a), ref(b)); });
}

template <bool ASC>
Error argsort_string_all(int64_t* toptr, const int64_t* fromoffsets, const uint8_t* fromchars,
                         const int64_t* offsets, int64_t nsegments, int64_t length,
                         int64_t charslength, bool local, const char* out_of_range,
                         const char* bad_string) {
  if (nsegments < 0) return awkward_failure(out_of_range, -1);
  for (int64_t i = 0; i < nsegments; i++) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > length) {
      return awkward_failure(out_of_range, i);
    }
  }
  for (int64_t j = 0; j < length; j++) {
    if (fromoffsets[j] < 0 || fromoffsets[j + 1] < fromoffsets[j] || fromoffsets[j + 1] > charslength) {
      return awkward_failure(bad_string, j);
    }
  }
  const int64_t first = nsegments > 0 ? offsets[0] : length;
  const int64_t last = nsegments > 0 ? offsets[nsegments] : length;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t start = offsets[i];
    const int64_t stop = offsets[i + 1];
    argsort_string_one<ASC>(toptr, fromoffsets, fromchars, start, stop);
    if (local) {
      for (int64_t j = start; j < stop; j++) toptr[j] -= start;
    }
  }
  for (int64_t j = 0; j < first; j++) toptr[j] = local ? 0 : j;
  for (int64_t j = last; j < length; j++) toptr[j] = local ? 0 : j;
  return awkward_success();
}

inline Error argsort_string_segments(int64_t* toptr, const int64_t* fromoffsets,
                                     const uint8_t* fromchars, const int64_t* offsets,
                                     int64_t nsegments, int64_t length, int64_t charslength,
                                     bool ascending, bool local, const char* out_of_range,
                                     const char* bad_string) {
  return ascending ? argsort_string_all<true>(toptr, fromoffsets, fromchars, offsets, nsegments,
                                              length, charslength, local, out_of_range, bad_string)
                   : argsort_string_all<false>(toptr, fromoffsets, fromchars, offsets, nsegments,
                                               length, charslength, local, out_of_range, bad_string);
}

}  // namespace awkward_segmented_sort

#endif  // AWKWARD_SEGMENTED_SORT_H_
