// AwkwardForth: error and dtype names, and the growable typed output buffers.
#include <cstring>

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
  std::vector<char>((size_t)(initial_size * itemsize)).swap(data);
}

template <typename To, typename From>
static inline void put(char* dst, From v) {
  To x = (To)v;
  std::memcpy(dst, &x, sizeof(To));
}

template <typename From>
static inline void put_as(DType d, char* dst, From v) {
  switch (d) {
    case DType::bool_: put<uint8_t>(dst, v != 0); break;
    case DType::int8: put<int8_t>(dst, v); break;
    case DType::int16: put<int16_t>(dst, v); break;
    case DType::int32: put<int32_t>(dst, v); break;
    case DType::int64: put<int64_t>(dst, v); break;
    case DType::uint8: put<uint8_t>(dst, v); break;
    case DType::uint16: put<uint16_t>(dst, v); break;
    case DType::uint32: put<uint32_t>(dst, v); break;
    case DType::uint64: put<uint64_t>(dst, v); break;
    case DType::float32: put<float>(dst, v); break;
    case DType::float64: put<double>(dst, v); break;
  }
}

void Output::write_int(int64_t v) {
  reserve_more(1);
  put_as<int64_t>(dtype, data.data() + length * itemsize, v);
  length++;
}

void Output::write_double(double v) {
  reserve_more(1);
  put_as<double>(dtype, data.data() + length * itemsize, v);
  length++;
}

template <typename To>
static inline To get(const char* src) {
  To x;
  std::memcpy(&x, src, sizeof(To));
  return x;
}

int64_t Output::last_int() const {
  if (length == 0) return 0;
  const char* p = data.data() + (length - 1) * itemsize;
  switch (dtype) {
    case DType::bool_: return get<uint8_t>(p) != 0;
    case DType::int8: return get<int8_t>(p);
    case DType::int16: return get<int16_t>(p);
    case DType::int32: return get<int32_t>(p);
    case DType::int64: return get<int64_t>(p);
    case DType::uint8: return get<uint8_t>(p);
    case DType::uint16: return get<uint16_t>(p);
    case DType::uint32: return get<uint32_t>(p);
    case DType::uint64: return (int64_t)get<uint64_t>(p);
    case DType::float32: return (int64_t)get<float>(p);
    case DType::float64: return (int64_t)get<double>(p);
  }
  return 0;
}

void Output::write_add(int64_t v) { write_int(last_int() + v); }

void Output::dup(int64_t n) {
  if (length == 0 || n <= 0) return;
  reserve_more(n);
  const char* last = data.data() + (length - 1) * itemsize;
  for (int64_t k = 0; k < n; k++) std::memcpy(data.data() + (length + k) * itemsize, last, (size_t)itemsize);
  length += n;
}

}  // namespace awkward_forth
