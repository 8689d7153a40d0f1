// awkward_reduce_nonlocal_carry: the positions of the items of the lists of every segment,
// arranged by group (item k of a list of segment i -> group groupoffsets[i] + k) with a counting
// sort; shared code in awkward/reduce_nonlocal.h (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/reduce_nonlocal.h"

extern "C" {
Error awkward_reduce_nonlocal_carry_64(int64_t* tocarry, int64_t* tooffsets, int64_t* toparents,
    const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength) {
  const awkward_reduce_nonlocal::Errors errors{AWKWARD_REDUCE_NONLOCAL_CARRY_ERR_BAD_SEGMENT,
                                               AWKWARD_REDUCE_NONLOCAL_CARRY_ERR_BAD_LIST,
                                               AWKWARD_REDUCE_NONLOCAL_CARRY_ERR_WRONG_TOTAL};
  return awkward_reduce_nonlocal::arrange(
      [tocarry](int64_t p, int64_t position) { tocarry[p] = position; }, tooffsets, toparents,
      offsets, starts, stops, groupoffsets, nsegments, nlists, total, ngroups, parentslength, -1,
      errors);
}
}
