// AwkwardForth: error and dtype names, and the growable typed output buffers.
#include <cstdint>
#include <cstring>
#include <new>

#include "awkward/forth/forth_machine.h"

namespace awkward_forth {

const char* err_name(Err e) {
  static const char* names[] = {"none", "not ready", "is done", "user halt", "recursion depth exceeded",
                                "stack underflow", "stack overflow", "read beyond", "seek beyond",
                                "skip beyond", "rewind beyond", "division by zero", "varint too big",
                                "text number missing", "quoted string missing", "enumeration missing"};
  return names[(int)e];
}

const char* err_description(Err e) {
  static const char* d[] = {
      "no error",
      "call 'begin' before 'step' or 'resume' (note: check 'is_ready')",
      "reached the end of the program; call 'begin' to 'step' again (note: check 'is_done')",
      "user-defined error or stopping condition",
      "too many words calling words or a recursive word is looping endlessly",
      "tried to pop from an empty stack",
      "tried to push beyond the predefined maximum stack depth",
      "tried to read beyond the end of an input",
      "tried to seek beyond the bounds of an input (0 or length)",
      "tried to skip beyond the bounds of an input (0 or length)",
      "tried to rewind beyond the beginning of an output",
      "tried to divide by zero",
      "variable-length integer is too big to represent as a fixed-width integer",
      "expected a number in input text, didn't find one",
      "expected a quoted string in input text, didn't find one",
      "expected one of several enumerated values in the input text, didn't find one"};
  return d[(int)e];
}

const char* dtype_name(DType d) {
  static const char* n[] = {"bool", "int8", "int16", "int32", "int64", "uint8",
                            "uint16", "uint32", "uint64", "float32", "float64"};
  return n[(int)d];
}

int dtype_itemsize(DType d) {
  static const int s[] = {1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8};
  return s[(int)d];
}

// ---- outputs ----------------------------------------------------------------------------------

Output::Output(DType d, int64_t initial, double factor)
    : dtype(d), itemsize(dtype_itemsize(d)), initial_size(initial < 1 ? 1 : initial),
      resize_factor(factor < 1.01 ? 1.5 : factor) {
  data.resize((size_t)(initial_size * itemsize));
}

void Output::reset() {
  length = 0;
  data = RawBuffer();
  data.resize((size_t)(initial_size * itemsize));
}

void Output::grow(int64_t need) {
  double size = (double)data.size();  // in double: the growth never overflows an integer
  if (size < itemsize) size = itemsize;
  while (size < (double)need) size = size * resize_factor + itemsize;
  if (size > 4e18) size = (double)need;  // no headroom near the limits (realloc may then fail)
  data.resize((size_t)size);
}

void Output::dup(int64_t n) {
  if (length == 0 || n <= 0) return;
  if (n > INT64_MAX / itemsize - length) throw std::bad_alloc();  // (length + n) * itemsize overflows
  reserve_more(n);
  const char* last = data.data() + (length - 1) * itemsize;
  for (int64_t k = 0; k < n; k++) std::memcpy(data.data() + (length + k) * itemsize, last, (size_t)itemsize);
  length += n;
}

}  // namespace awkward_forth
