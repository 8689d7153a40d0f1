// Shared code of the awkward_reduce_nonlocal_carry and awkward_reduce_nonlocal_gather kernels
// (hand-written, not generated): the items of the lists of every segment arranged by group
// (item k of a list of segment i -> group groupoffsets[i] + k) with a counting sort. The carry
// kernel writes each item's position, the gather kernel the item itself (reading the data once,
// in order, instead of a gather that sweeps it once per group).
#ifndef AWKWARD_REDUCE_NONLOCAL_H_
#define AWKWARD_REDUCE_NONLOCAL_H_

#include <cstdint>

#include "awkward/kernels.h"

namespace awkward_reduce_nonlocal {

struct Errors {
  const char* bad_segment;
  const char* bad_list;
  const char* wrong_total;
};

// sink(p, position) stores the item at inner position ``position`` at arranged position p;
// fromlength >= 0 also checks that every list lies inside [0, fromlength]
template <typename Sink>
Error arrange(Sink sink, int64_t* tooffsets, int64_t* toparents, const int64_t* offsets,
              const int64_t* starts, const int64_t* stops, const int64_t* groupoffsets,
              int64_t nsegments, int64_t nlists, int64_t total, int64_t ngroups,
              int64_t parentslength, int64_t fromlength, Errors errors) {
  if (parentslength != 0 && parentslength != total) return awkward_failure(errors.wrong_total, -1);
  if (nsegments < 0 || ngroups < 0) return awkward_failure(errors.bad_segment, -1);
  for (int64_t i = 0; i < nsegments; i++) {
    if (offsets[i] < 0 || offsets[i + 1] < offsets[i] || offsets[i + 1] > nlists ||
        groupoffsets[i] < 0 || groupoffsets[i + 1] < groupoffsets[i] ||
        groupoffsets[i + 1] > ngroups) {
      return awkward_failure(errors.bad_segment, i);
    }
  }
  // 1. count the items of every group (in tooffsets[g]): per segment, a histogram of the list
  //    lengths (slot L - 1 counts the lists of length L), then a suffix sum, since group k gets
  //    one item from every list longer than k (one step per list, not per item)
  for (int64_t g = 0; g <= ngroups; g++) tooffsets[g] = 0;
  int64_t seen = 0;
  for (int64_t i = 0; i < nsegments; i++) {
    const int64_t width = groupoffsets[i + 1] - groupoffsets[i];
    int64_t* counts = tooffsets + groupoffsets[i];
    for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) {
      const int64_t length = stops[j] - starts[j];
      if (length < 0 || length > width ||
          (fromlength >= 0 && (starts[j] < 0 || stops[j] > fromlength))) {
        return awkward_failure(errors.bad_list, j);
      }
      seen += length;
      if (seen > total) return awkward_failure(errors.wrong_total, j);
      if (length > 0) counts[length - 1]++;
    }
    for (int64_t k = width - 2; k >= 0; k--) counts[k] += counts[k + 1];
  }
  if (seen != total) return awkward_failure(errors.wrong_total, -1);
  // 2. exclusive running sum: tooffsets[g] = where group g starts (the write cursor)
  int64_t running = 0;
  for (int64_t g = 0; g < ngroups; g++) {
    const int64_t count = tooffsets[g];
    tooffsets[g] = running;
    running += count;
  }
  tooffsets[ngroups] = running;
  // 3. scatter; afterwards tooffsets[g] is where group g ends
  for (int64_t i = 0; i < nsegments; i++) {
    int64_t* cursor = tooffsets + groupoffsets[i];
    for (int64_t j = offsets[i]; j < offsets[i + 1]; j++) {
      const int64_t start = starts[j];
      const int64_t length = stops[j] - start;
      if (parentslength > 0) {
        for (int64_t k = 0; k < length; k++) {
          const int64_t p = cursor[k]++;
          sink(p, start + k);
          toparents[p] = j;
        }
      } else {
        for (int64_t k = 0; k < length; k++) sink(cursor[k]++, start + k);
      }
    }
  }
  // 4. shift: where group g starts is where group g - 1 ends
  for (int64_t g = ngroups; g > 0; g--) tooffsets[g] = tooffsets[g - 1];
  tooffsets[0] = 0;
  return awkward_success();
}

}  // namespace awkward_reduce_nonlocal

#endif  // AWKWARD_REDUCE_NONLOCAL_H_
