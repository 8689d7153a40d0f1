// awkward_sort_missing_segments: sort of option-type values (an index over data) in one pass per
// segment, missing ones last (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/segmented_sort.h"

extern "C" {
Error awkward_sort_missing_segments_bool(bool* tovalues, int64_t* toindex, int64_t* tolength,
    const bool* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<bool>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_int8(int8_t* tovalues, int64_t* toindex, int64_t* tolength,
    const int8_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<int8_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_uint8(uint8_t* tovalues, int64_t* toindex, int64_t* tolength,
    const uint8_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<uint8_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_int16(int16_t* tovalues, int64_t* toindex, int64_t* tolength,
    const int16_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<int16_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_uint16(uint16_t* tovalues, int64_t* toindex, int64_t* tolength,
    const uint16_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<uint16_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_int32(int32_t* tovalues, int64_t* toindex, int64_t* tolength,
    const int32_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<int32_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_uint32(uint32_t* tovalues, int64_t* toindex, int64_t* tolength,
    const uint32_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<uint32_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_int64(int64_t* tovalues, int64_t* toindex, int64_t* tolength,
    const int64_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<int64_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_uint64(uint64_t* tovalues, int64_t* toindex, int64_t* tolength,
    const uint64_t* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<uint64_t>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_float32(float* tovalues, int64_t* toindex, int64_t* tolength,
    const float* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<float>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
Error awkward_sort_missing_segments_float64(double* tovalues, int64_t* toindex, int64_t* tolength,
    const double* fromptr, const int64_t* fromindex, const int64_t* offsets, int64_t nsegments,
    int64_t length, int64_t datalength, bool ascending) {
  return awkward_segmented_sort::sort_missing_segments<double>(tovalues, toindex, tolength, fromptr,
      fromindex, offsets, nsegments, length, datalength, ascending,
      AWKWARD_SORT_MISSING_SEGMENTS_ERR_OUT_OF_RANGE, AWKWARD_SORT_MISSING_SEGMENTS_ERR_BAD_INDEX);
}
}
