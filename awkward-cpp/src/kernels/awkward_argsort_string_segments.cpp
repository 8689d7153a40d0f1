// awkward_argsort_string_segments: stable argsort of the strings of every segment (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/segmented_sort.h"

extern "C" {
Error awkward_argsort_string_segments_uint8(int64_t* toptr, const int64_t* fromoffsets,
    const uint8_t* fromchars, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t charslength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_string_segments(toptr, fromoffsets, fromchars, offsets,
      nsegments, length, charslength, ascending, local,
      AWKWARD_ARGSORT_STRING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_STRING_SEGMENTS_ERR_BAD_STRING);
}
}
