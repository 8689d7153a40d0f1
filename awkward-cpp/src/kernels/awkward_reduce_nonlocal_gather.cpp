// awkward_reduce_nonlocal_gather: the items themselves (any dtype, as unsigned integers of its
// size) of the lists of every segment, arranged by group like awkward_reduce_nonlocal_carry; the
// data is read once, in order. Shared code in awkward/reduce_nonlocal.h (spec:
// kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/reduce_nonlocal.h"

template <typename T>
static Error gather(T* todata, int64_t* tooffsets, int64_t* toparents, const T* fromdata,
                    const int64_t* offsets, const int64_t* starts, const int64_t* stops,
                    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
                    int64_t ngroups, int64_t parentslength, int64_t fromlength) {
  if (fromlength < 0) return awkward_failure(AWKWARD_REDUCE_NONLOCAL_GATHER_ERR_BAD_LIST, -1);
  const awkward_reduce_nonlocal::Errors errors{AWKWARD_REDUCE_NONLOCAL_GATHER_ERR_BAD_SEGMENT,
                                               AWKWARD_REDUCE_NONLOCAL_GATHER_ERR_BAD_LIST,
                                               AWKWARD_REDUCE_NONLOCAL_GATHER_ERR_WRONG_TOTAL};
  return awkward_reduce_nonlocal::arrange(
      [todata, fromdata](int64_t p, int64_t position) { todata[p] = fromdata[position]; },
      tooffsets, toparents, offsets, starts, stops, groupoffsets, nsegments, nlists, total,
      ngroups, parentslength, fromlength, errors);
}

extern "C" {
Error awkward_reduce_nonlocal_gather_uint8(uint8_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint8_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength) {
  return gather<uint8_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                     nsegments, nlists, total, ngroups, parentslength, fromlength);
}
Error awkward_reduce_nonlocal_gather_uint16(uint16_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint16_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength) {
  return gather<uint16_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                     nsegments, nlists, total, ngroups, parentslength, fromlength);
}
Error awkward_reduce_nonlocal_gather_uint32(uint32_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint32_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength) {
  return gather<uint32_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                     nsegments, nlists, total, ngroups, parentslength, fromlength);
}
Error awkward_reduce_nonlocal_gather_uint64(uint64_t* todata, int64_t* tooffsets, int64_t* toparents,
    const uint64_t* fromdata, const int64_t* offsets, const int64_t* starts, const int64_t* stops,
    const int64_t* groupoffsets, int64_t nsegments, int64_t nlists, int64_t total,
    int64_t ngroups, int64_t parentslength, int64_t fromlength) {
  return gather<uint64_t>(todata, tooffsets, toparents, fromdata, offsets, starts, stops, groupoffsets,
                     nsegments, nlists, total, ngroups, parentslength, fromlength);
}
}
