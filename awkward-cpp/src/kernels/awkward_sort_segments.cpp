// awkward_sort_segments: stable sort of every segment fromptr[offsets[i]:offsets[i + 1]] (spec: kernel-specification/)
#include "awkward/kernels.h"
#include "awkward/segmented_sort.h"

extern "C" {
Error awkward_sort_segments_bool(bool* toptr, const bool* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<bool>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_int8(int8_t* toptr, const int8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<int8_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_uint8(uint8_t* toptr, const uint8_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<uint8_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_int16(int16_t* toptr, const int16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<int16_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_uint16(uint16_t* toptr, const uint16_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<uint16_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_int32(int32_t* toptr, const int32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<int32_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_uint32(uint32_t* toptr, const uint32_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<uint32_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_int64(int64_t* toptr, const int64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<int64_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_uint64(uint64_t* toptr, const uint64_t* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<uint64_t>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_float32(float* toptr, const float* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<float>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
Error awkward_sort_segments_float64(double* toptr, const double* fromptr, const int64_t* offsets,
    int64_t nsegments, int64_t length, bool ascending) {
  return awkward_segmented_sort::sort_segments<double>(toptr, fromptr, offsets, nsegments, length, ascending,
      AWKWARD_SORT_SEGMENTS_ERR_OUT_OF_RANGE);
}
}
