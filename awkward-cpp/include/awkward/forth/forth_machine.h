// AwkwardForth: a small Forth dialect for parsing binary/text inputs into typed outputs.
// The source is compiled once to a flat bytecode vector; run/resume execute it in one tight loop.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace awkward_forth {

// Order matters: it is the order of the "raise_*" flags and of the error names.
enum class Err : int {
  none = 0,
  not_ready,
  is_done,
  user_halt,
  recursion_depth_exceeded,
  stack_underflow,
  stack_overflow,
  read_beyond,
  seek_beyond,
  skip_beyond,
  rewind_beyond,
  division_by_zero,
  varint_too_big,
  text_number_missing,
  quoted_string_missing,
  enumeration_missing,
};
const char* err_name(Err e);

// Bytecodes. Operands follow the opcode in the code vector.
enum Op : int64_t {
  OP_LITERAL,      // value
  OP_END,          // end of the main program
  OP_HALT,
  OP_PAUSE,
  OP_IF_FALSE,     // target: pop, jump if zero
  OP_JUMP,         // target
  OP_CALL,         // target
  OP_RETURN,
  OP_DO,           // target (after the loop), descending: pop start, limit; skip if start >= limit (<= if descending)
  OP_LOOP,         // target (body start)
  OP_PLUSLOOP,     // target
  OP_I, OP_J, OP_K,
  OP_UNTIL,        // target: pop, jump back if zero
  OP_OF,           // target: pop b; if top == b drop top, else jump
  OP_GET, OP_PUT, OP_INC,  // variable
  OP_DUP, OP_DROP, OP_SWAP, OP_OVER, OP_ROT, OP_NIP, OP_TUCK,
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_DIVMOD, OP_NEGATE, OP_ADD1, OP_SUB1, OP_ABS,
  OP_MIN, OP_MAX, OP_EQ, OP_NE, OP_GT, OP_GE, OP_LT, OP_LE, OP_EQ0, OP_INVERT, OP_AND, OP_OR,
  OP_XOR, OP_LSHIFT, OP_RSHIFT, OP_FALSE, OP_TRUE,
  OP_STRING,       // string index: pushes index and length
  OP_IN_LEN, OP_IN_POS, OP_IN_END, OP_IN_SEEK, OP_IN_SKIP, OP_IN_SKIPWS, OP_IN_PEEK,  // input
  OP_READ,         // flags, input, output (-1 = stack)
  OP_ENUM,         // input, first string, count, only
  OP_OUT_WRITE, OP_OUT_WRITE_ADD, OP_OUT_LEN, OP_OUT_REWIND, OP_OUT_DUP,  // output
  // Fast paths of OP_READ for the fixed-size kinds (same operands; chosen by the compiler):
  OP_READ_STACK,   // one value to the stack
  OP_READ_OUT,     // one value, or a popped count of values (READ_REPEATED), to an output
  OP_COUNT
};

// OP_READ flags: low byte = read kind, then modifier bits.
enum ReadKind : int64_t {
  RK_BOOL, RK_INT8, RK_INT16, RK_INT32, RK_INT64, RK_INTP, RK_UINT8, RK_UINT16, RK_UINT32,
  RK_UINT64, RK_UINTP, RK_FLOAT32, RK_FLOAT64, RK_VARINT, RK_ZIGZAG, RK_TEXTINT, RK_TEXTFLOAT,
  RK_QUOTEDSTR
};
constexpr int64_t READ_REPEATED = 256;
constexpr int64_t READ_BIGENDIAN = 512;
// OP_READ_STACK/OP_READ_OUT keep the item size in bits 16-23 of the flags and, for outputs, the
// converter (read kind, byte order, output dtype: see read_converter_index) from bit 32 up.
constexpr int READ_SIZE_SHIFT = 16;
constexpr int READ_CONVERTER_SHIFT = 32;
int read_kind_size(int64_t kind);  // bytes of a fixed-size read kind, 0 for the others
constexpr int N_DTYPES = 11;
inline int64_t read_converter_index(int64_t kind, bool bigendian, int dtype) {
  return (kind * 2 + (bigendian ? 1 : 0)) * N_DTYPES + dtype;
}
const char* err_description(Err e);

enum class DType : int { bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64 };
const char* dtype_name(DType d);
int dtype_itemsize(DType d);

// Bytes from malloc: resize() keeps the contents (realloc: large blocks move without a copy)
// and leaves new bytes uninitialized, so growing an output never zero-fills or copies needlessly.
class RawBuffer {
 public:
  RawBuffer() = default;
  ~RawBuffer() { std::free(p_); }
  RawBuffer(RawBuffer&& o) noexcept : p_(o.p_), n_(o.n_) { o.p_ = nullptr; o.n_ = 0; }
  RawBuffer& operator=(RawBuffer&& o) noexcept {
    if (this != &o) {
      std::free(p_);
      p_ = o.p_;
      n_ = o.n_;
      o.p_ = nullptr;
      o.n_ = 0;
    }
    return *this;
  }
  RawBuffer(const RawBuffer&) = delete;
  RawBuffer& operator=(const RawBuffer&) = delete;
  char* data() { return p_; }
  const char* data() const { return p_; }
  size_t size() const { return n_; }
  void resize(size_t n) {
    void* q = std::realloc(p_, n > 0 ? n : 1);
    if (q == nullptr) throw std::bad_alloc();
    p_ = static_cast<char*>(q);
    n_ = n;
  }

 private:
  char* p_ = nullptr;
  size_t n_ = 0;
};

// A growable typed buffer (one per "output" declaration).
struct Output {
  DType dtype;
  int itemsize;
  RawBuffer data;  // data.size() is the allocated size; `length` items are in use
  int64_t length = 0;
  int64_t initial_size;
  double resize_factor;

  Output(DType d, int64_t initial, double factor);
  void reset();
  void grow(int64_t need);  // geometric growth to at least `need` bytes
  inline void reserve_more(int64_t n) {
    int64_t need = (length + n) * itemsize;
    if (need > (int64_t)data.size()) grow(need);
  }
  // Inline: these are the output words of the interpreter's loop.
  template <typename From>
  inline void write_value(From v) {
    reserve_more(1);
    char* dst = data.data() + length * itemsize;
    switch (dtype) {
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
    length++;
  }
  inline void write_int(int64_t v) { write_value<int64_t>(v); }
  inline void write_double(double v) { write_value<double>(v); }
  // last value + v (0 if empty); in floating point for float outputs, as 2.14
  inline void write_add(int64_t v) {
    if (dtype == DType::float64 || dtype == DType::float32) {
      double last = 0;
      if (length > 0) {
        const char* p = data.data() + (length - 1) * itemsize;
        last = dtype == DType::float64 ? get<double>(p) : (double)get<float>(p);
      }
      write_double(last + (double)v);
    } else {
      write_int(last_int() + v);
    }
  }
  void dup(int64_t n);
  inline int64_t last_int() const {
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

 private:
  template <typename To, typename From>
  static inline void put(char* dst, From v) {
    To x = (To)v;
    std::memcpy(dst, &x, sizeof(To));
  }
  template <typename To>
  static inline To get(const char* src) {
    To x;
    std::memcpy(&x, src, sizeof(To));
    return x;
  }
};

struct Input {
  const uint8_t* ptr = nullptr;
  int64_t length = 0;
  int64_t pos = 0;
};

// Text reads (forth_text.cpp): a number or a quoted string at in.pos, as awkward 2.14 reads them.
Err read_textint(Input& in, int64_t& out);
Err read_textfloat(Input& in, double& out);
Err read_quotedstr(Input& in, std::string& out);

// Everything the compiler produces; shared by the 32- and 64-bit machines.
struct Program {
  std::string source;
  std::vector<int64_t> code;
  std::vector<int64_t> segment_offsets;  // code offset of main (0) and of each word
  std::vector<std::string> variable_names, input_names, output_names, word_names;
  std::vector<DType> output_dtypes;
  std::vector<int64_t> word_offsets;
  std::vector<std::string> strings;          // s" ..." literals and enumeration values
  std::vector<std::string> instruction_names;  // per code offset that starts an instruction
  std::string decompiled;
};

class CompileError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

Program compile_forth(const std::string& source);

template <typename T>
class Machine {
 public:
  Machine(const std::string& source, int64_t stack_max_depth, int64_t recursion_max_depth,
          int64_t string_buffer_size, int64_t output_initial_size, double output_resize_factor);

  std::shared_ptr<Program> prog;
  int64_t stack_max_depth, recursion_max_depth, string_buffer_size, output_initial_size;
  double output_resize_factor;

  std::vector<T> stack;  // allocated to stack_max_depth; `depth` values are in use
  int64_t depth = 0;
  std::vector<T> variables;
  std::vector<Input> inputs;
  std::vector<Output> outputs;
  std::vector<int64_t> rstack;  // (return address, loops.size()) per active word call
  std::vector<int64_t> loops;   // (index, limit) pairs of the open do-loops
  int64_t nloops = 0;           // used length of `loops`
  int64_t ip = 0;
  int64_t call_saved_ip = 0;
  bool ready = false;
  bool done = false;
  Err last_error = Err::none;

  int64_t count_instructions = 0, count_reads = 0, count_writes = 0, count_nanoseconds = 0;

  void begin(std::vector<Input> new_inputs);  // inputs already matched to the declared order
  void reset();
  Err resume();
  Err step();
  Err call(int64_t word_index);
  int64_t current_recursion_depth() const { return (int64_t)rstack.size() / 2 + 1; }

 private:
  Err execute(bool single_step);
  template <bool SingleStep>
  Err execute_loop();
};

}  // namespace awkward_forth
