// awkward_argsort_segments: stable argsort of every segment fromptr[offsets[i]:offsets[i + 1]] (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/segmented_sort.h"

extern "C" {
Error awkward_argsort_segments_bool(int64_t* toptr, const bool* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<bool>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_int8(int64_t* toptr, const int8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<int8_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_uint8(int64_t* toptr, const uint8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<uint8_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_int16(int64_t* toptr, const int16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<int16_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_uint16(int64_t* toptr, const uint16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<uint16_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_int32(int64_t* toptr, const int32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<int32_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_uint32(int64_t* toptr, const uint32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<uint32_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<int64_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_uint64(int64_t* toptr, const uint64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<uint64_t>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_float32(int64_t* toptr, const float* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<float>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_argsort_segments_float64(int64_t* toptr, const double* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending, bool local) {
  return awkward_segmented_sort::argsort_segments<double>(toptr, fromptr, offsets, nsegments, length, ascending, local,
      AWKWARD_ARGSORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
}
