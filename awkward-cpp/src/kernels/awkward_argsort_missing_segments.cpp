// awkward_argsort_missing_segments: argsort of option-type values (an index over data) in one pass
// per segment, missing ones last (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/segmented_sort.h"

extern "C" {
Error awkward_argsort_missing_segments_bool(int64_t* toptr, const bool* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<bool>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_int8(int64_t* toptr, const int8_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<int8_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_uint8(int64_t* toptr, const uint8_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<uint8_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_int16(int64_t* toptr, const int16_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<int16_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_uint16(int64_t* toptr, const uint16_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<uint16_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_int32(int64_t* toptr, const int32_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<int32_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_uint32(int64_t* toptr, const uint32_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<uint32_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_int64(int64_t* toptr, const int64_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<int64_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_uint64(int64_t* toptr, const uint64_t* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<uint64_t>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_float32(int64_t* toptr, const float* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<float>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_argsort_missing_segments_float64(int64_t* toptr, const double* fromptr,
    const int64_t* fromindex, const int64_t* offsets, int64_t nsegments, int64_t length,
    int64_t datalength, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_missing_segments<double>(toptr, fromptr, fromindex, offsets,
      nsegments, length, datalength, ascending, local,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE,
      AWKWARD_ARGSORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
}
