// AwkwardForth virtual machine: executes the bytecode made by forth_compile.cpp.
#include "awkward/forth/forth_machine.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace awkward_forth {

// ---- typed reads ------------------------------------------------------------------------------

template <typename X>
static inline X byteswapped(X x) {
  if (sizeof(X) == 1) return x;
  if (sizeof(X) == 2) { uint16_t u; std::memcpy(&u, &x, 2); u = __builtin_bswap16(u); std::memcpy(&x, &u, 2); }
  if (sizeof(X) == 4) { uint32_t u; std::memcpy(&u, &x, 4); u = __builtin_bswap32(u); std::memcpy(&x, &u, 4); }
  if (sizeof(X) == 8) { uint64_t u; std::memcpy(&u, &x, 8); u = __builtin_bswap64(u); std::memcpy(&x, &u, 8); }
  return x;
}

template <typename From>
static inline From load(const uint8_t* p, bool swap) {
  From x;
  std::memcpy(&x, p, sizeof(From));
  return swap ? byteswapped(x) : x;
}

// Converters from the bytes of a fixed-size read kind to an output dtype, one function per
// (kind, byte order, dtype): the compiler stores the index (read_converter_index) in the flags.
using Converter = void (*)(char* dst, const uint8_t* src, int64_t n);

template <typename From, bool Swap, typename To>
static void convert(char* dst, const uint8_t* src, int64_t n) {
  if (std::is_same<From, To>::value && !Swap) {
    std::memcpy(dst, src, (size_t)(n * (int64_t)sizeof(From)));
    return;
  }
  for (int64_t k = 0; k < n; k++) {  // dst is only byte-aligned: go through memcpy
    To v = (To)load<From>(src + k * (int64_t)sizeof(From), Swap);
    std::memcpy(dst + k * (int64_t)sizeof(To), &v, sizeof(To));
  }
}

template <typename From, bool Swap>
static void convert_to_bool(char* dst, const uint8_t* src, int64_t n) {
  for (int64_t k = 0; k < n; k++) dst[k] = load<From>(src + k * (int64_t)sizeof(From), Swap) != 0;
}

template <typename From, bool Swap>
static void fill_converters(Converter* row) {
  row[(int)DType::bool_] = convert_to_bool<From, Swap>;
  row[(int)DType::int8] = convert<From, Swap, int8_t>;
  row[(int)DType::int16] = convert<From, Swap, int16_t>;
  row[(int)DType::int32] = convert<From, Swap, int32_t>;
  row[(int)DType::int64] = convert<From, Swap, int64_t>;
  row[(int)DType::uint8] = convert<From, Swap, uint8_t>;
  row[(int)DType::uint16] = convert<From, Swap, uint16_t>;
  row[(int)DType::uint32] = convert<From, Swap, uint32_t>;
  row[(int)DType::uint64] = convert<From, Swap, uint64_t>;
  row[(int)DType::float32] = convert<From, Swap, float>;
  row[(int)DType::float64] = convert<From, Swap, double>;
}

template <typename From, bool BoolKind = false>
static void fill_kind(Converter* table, int64_t kind) {
  // a bool read takes the raw byte (nonzero is true) whatever the byte order
  fill_converters<From, false>(table + read_converter_index(kind, false, 0));
  if (BoolKind) fill_converters<From, false>(table + read_converter_index(kind, true, 0));
  else fill_converters<From, true>(table + read_converter_index(kind, true, 0));
}

struct ConverterTable {
  Converter table[(RK_FLOAT64 + 1) * 2 * N_DTYPES];
  ConverterTable() {
    fill_kind<uint8_t, true>(table, RK_BOOL);
    fill_kind<int8_t>(table, RK_INT8);
    fill_kind<int16_t>(table, RK_INT16);
    fill_kind<int32_t>(table, RK_INT32);
    fill_kind<int64_t>(table, RK_INT64);
    fill_kind<int64_t>(table, RK_INTP);
    fill_kind<uint8_t>(table, RK_UINT8);
    fill_kind<uint16_t>(table, RK_UINT16);
    fill_kind<uint32_t>(table, RK_UINT32);
    fill_kind<uint64_t>(table, RK_UINT64);
    fill_kind<uint64_t>(table, RK_UINTP);
    fill_kind<float>(table, RK_FLOAT32);
    fill_kind<double>(table, RK_FLOAT64);
  }
};

static const Converter* converters() {
  static const ConverterTable t;
  return t.table;
}

int read_kind_size(int64_t kind) {
  switch (kind) {
    case RK_BOOL: case RK_INT8: case RK_UINT8: return 1;
    case RK_INT16: case RK_UINT16: return 2;
    case RK_INT32: case RK_UINT32: case RK_FLOAT32: return 4;
    case RK_INT64: case RK_UINT64: case RK_INTP: case RK_UINTP: case RK_FLOAT64: return 8;
  }
  return 0;
}

// One value of a fixed-size kind as the stack's integer; `which` is kind * 2 + big-endian.
static inline int64_t load_fixed(int64_t which, const uint8_t* p) {
#define LOAD_CASE(K, TYPE) \
  case K * 2: return (int64_t)load<TYPE>(p, false); \
  case K * 2 + 1: return (int64_t)load<TYPE>(p, true);
  switch (which) {
    case RK_BOOL * 2: case RK_BOOL * 2 + 1: return p[0];  // the raw byte, as 2.14
    LOAD_CASE(RK_INT8, int8_t)
    LOAD_CASE(RK_INT16, int16_t)
    LOAD_CASE(RK_INT32, int32_t)
    LOAD_CASE(RK_INT64, int64_t)
    LOAD_CASE(RK_INTP, int64_t)
    LOAD_CASE(RK_UINT8, uint8_t)
    LOAD_CASE(RK_UINT16, uint16_t)
    LOAD_CASE(RK_UINT32, uint32_t)
    LOAD_CASE(RK_UINT64, uint64_t)
    LOAD_CASE(RK_UINTP, uint64_t)
    LOAD_CASE(RK_FLOAT32, float)
    LOAD_CASE(RK_FLOAT64, double)
  }
#undef LOAD_CASE
  return 0;
}

static inline int64_t fixed_which(int64_t flags) { return ((flags & 255) << 1) | ((flags & READ_BIGENDIAN) ? 1 : 0); }

static inline void write_converted(Output& o, int64_t conv, const uint8_t* src, int64_t n) {
  o.reserve_more(n);
  converters()[conv](o.data.data() + o.length * o.itemsize, src, n);
  o.length += n;
}

static inline Err read_varint(Input& in, uint64_t& out) {
  uint64_t result = 0;
  int shift = 0;
  while (true) {
    if (in.pos >= in.length) return Err::read_beyond;
    uint8_t byte = in.ptr[in.pos++];
    if (shift >= 64 || (shift == 63 && (byte & 0x7e))) return Err::varint_too_big;
    result |= (uint64_t)(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
    shift += 7;
  }
  out = result;
  return Err::none;
}

// ---- the machine ------------------------------------------------------------------------------

template <typename T>
Machine<T>::Machine(const std::string& source, int64_t smd, int64_t rmd, int64_t sbs, int64_t ois, double orf)
    : prog(std::make_shared<Program>(compile_forth(source))), stack_max_depth(smd),
      recursion_max_depth(rmd), string_buffer_size(sbs), output_initial_size(ois),
      output_resize_factor(orf) {
  stack.assign((size_t)(smd > 0 ? smd : 0), 0);
  variables.assign(prog->variable_names.size(), 0);
}

template <typename T>
void Machine<T>::begin(std::vector<Input> new_inputs) {
  inputs = std::move(new_inputs);
  if (outputs.size() == prog->output_dtypes.size()) {
    // begun before: keep the grown buffers (their pages are already mapped), empty them
    for (Output& o : outputs) o.length = 0;
  } else {
    outputs.clear();
    for (DType d : prog->output_dtypes) outputs.emplace_back(d, output_initial_size, output_resize_factor);
  }
  depth = 0;
  std::fill(variables.begin(), variables.end(), 0);
  rstack.clear();
  nloops = 0;
  ip = 0;
  ready = true;
  done = false;
  last_error = Err::none;
}

template <typename T>
void Machine<T>::reset() {
  inputs.clear();
  outputs.clear();
  depth = 0;
  std::fill(variables.begin(), variables.end(), 0);
  rstack.clear();
  nloops = 0;
  ip = 0;
  ready = false;
  done = false;
  last_error = Err::none;
}

template <typename T>
Err Machine<T>::resume() {
  if (!ready) return Err::not_ready;
  if (done) return Err::is_done;
  if (last_error != Err::none) return last_error;  // as 2.14: an error stays until begin
  auto t0 = std::chrono::steady_clock::now();
  Err e = execute(false);
  count_nanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
  return e;
}

template <typename T>
Err Machine<T>::step() {
  if (!ready) return Err::not_ready;
  if (done) return Err::is_done;
  if (last_error != Err::none) return last_error;
  return execute(true);
}

template <typename T>
Err Machine<T>::call(int64_t word_index) {
  if (!ready) return Err::not_ready;
  if ((int64_t)rstack.size() / 2 + 1 >= recursion_max_depth) return Err::recursion_depth_exceeded;
  call_saved_ip = ip;
  bool was_done = done;
  done = false;
  rstack.push_back(-1);  // sentinel: returning to it ends the call
  rstack.push_back(nloops);
  ip = prog->word_offsets[(size_t)word_index];
  auto t0 = std::chrono::steady_clock::now();
  Err e = execute(false);
  count_nanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
  if (e == Err::none) done = was_done;
  return e;
}

static inline int64_t floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
static inline int64_t floormod(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// The interpreter loop. With GCC/Clang every instruction ends with its own indirect jump to the
// next one (labels as values: each jump is predicted on its own); elsewhere it is a switch.
// SingleStep is a template argument so that the running loop carries no per-instruction test.
#if defined(__GNUC__) || defined(__clang__)
#define FORTH_THREADED 1
#endif

template <typename T>
template <bool SingleStep>
Err Machine<T>::execute_loop() {
  const int64_t* code = prog->code.data();
  T* stk = stack.data();
  T* vars = variables.data();
  Input* ins = inputs.data();     // locals: writes into output bytes (char*) may alias any
  Output* outs = outputs.data();  // member, so members would otherwise be reloaded each time
  int64_t* lp = loops.data();  // do-loop stack: loops.size() is its capacity, nloops its depth
  int64_t nl = nloops;
  int64_t n_reads = 0, n_writes = 0;
  int64_t sp = depth;
  const int64_t max_depth = stack_max_depth;
  int64_t pc = ip;
  int64_t n_instr = 0;
  Err err = Err::none;

#define FAIL(e) { err = (e); goto fail; }
#define NEED(k) if (sp < (k)) FAIL(Err::stack_underflow)
#define ROOM(k) if (sp + (k) > max_depth) FAIL(Err::stack_overflow)

#ifdef FORTH_THREADED
  static void* table[OP_COUNT];
  static bool table_filled = false;
  if (!table_filled) {  // filled by index: no dependence on the order of the labels
#define LABEL(op) table[op] = &&L_##op;
    LABEL(OP_LITERAL) LABEL(OP_END) LABEL(OP_HALT) LABEL(OP_PAUSE) LABEL(OP_IF_FALSE) LABEL(OP_JUMP)
    LABEL(OP_CALL) LABEL(OP_RETURN) LABEL(OP_DO) LABEL(OP_LOOP) LABEL(OP_PLUSLOOP) LABEL(OP_I)
    LABEL(OP_J) LABEL(OP_K) LABEL(OP_UNTIL) LABEL(OP_OF) LABEL(OP_GET) LABEL(OP_PUT) LABEL(OP_INC)
    LABEL(OP_DUP) LABEL(OP_DROP) LABEL(OP_SWAP) LABEL(OP_OVER) LABEL(OP_ROT) LABEL(OP_NIP)
    LABEL(OP_TUCK) LABEL(OP_ADD) LABEL(OP_SUB) LABEL(OP_MUL) LABEL(OP_DIV) LABEL(OP_MOD)
    LABEL(OP_DIVMOD) LABEL(OP_NEGATE) LABEL(OP_ADD1) LABEL(OP_SUB1) LABEL(OP_ABS) LABEL(OP_MIN)
    LABEL(OP_MAX) LABEL(OP_EQ) LABEL(OP_NE) LABEL(OP_GT) LABEL(OP_GE) LABEL(OP_LT) LABEL(OP_LE)
    LABEL(OP_EQ0) LABEL(OP_INVERT) LABEL(OP_AND) LABEL(OP_OR) LABEL(OP_XOR) LABEL(OP_LSHIFT)
    LABEL(OP_RSHIFT) LABEL(OP_FALSE) LABEL(OP_TRUE) LABEL(OP_STRING) LABEL(OP_IN_LEN)
    LABEL(OP_IN_POS) LABEL(OP_IN_END) LABEL(OP_IN_SEEK) LABEL(OP_IN_SKIP) LABEL(OP_IN_SKIPWS)
    LABEL(OP_IN_PEEK) LABEL(OP_READ) LABEL(OP_ENUM) LABEL(OP_OUT_WRITE) LABEL(OP_OUT_WRITE_ADD)
    LABEL(OP_OUT_LEN) LABEL(OP_OUT_REWIND) LABEL(OP_OUT_DUP) LABEL(OP_READ_STACK) LABEL(OP_READ_OUT)
#undef LABEL
    table_filled = true;
  }
#define CASE(op) case op: L_##op:
#define DISPATCH() goto* table[code[pc]]
#else
#define CASE(op) case op:
#define DISPATCH() goto dispatch
#endif
  // after an instruction: a single step stops here, unless it lands on a word's end, which
  // returns from the word as part of the same step
#define NEXT()                                                  \
  {                                                             \
    if (SingleStep && code[pc] != OP_RETURN) goto finish;       \
    n_instr++;                                                  \
    DISPATCH();                                                 \
  }

  n_instr++;
#ifdef FORTH_THREADED
  DISPATCH();
#else
dispatch:
#endif
  switch (code[pc]) {
    CASE(OP_LITERAL) ROOM(1); stk[sp++] = (T)code[pc + 1]; pc += 2; NEXT();
    CASE(OP_END)
      n_instr--;
      done = true;
      goto finish;
    CASE(OP_HALT)
      pc += 1;
      done = true;
      ready = false;
      err = Err::user_halt;
      goto finish;
    CASE(OP_PAUSE)
      pc += 1;
      if (code[pc] == OP_END) done = true;  // a pause that ends the program ends it, as 2.14
      goto finish;
    CASE(OP_IF_FALSE)
      NEED(1);
      pc = stk[--sp] == 0 ? code[pc + 1] : pc + 2;
      NEXT();
    CASE(OP_JUMP) pc = code[pc + 1]; NEXT();
    CASE(OP_CALL)
      if ((int64_t)rstack.size() / 2 + 1 >= recursion_max_depth) FAIL(Err::recursion_depth_exceeded);
      rstack.push_back(pc + 2);
      rstack.push_back(nl);
      pc = code[pc + 1];
      NEXT();
    CASE(OP_RETURN) {
      n_instr--;  // returning is part of the call, not an instruction of its own
      int64_t nloops_saved = rstack.back();
      rstack.pop_back();
      int64_t back = rstack.back();
      rstack.pop_back();
      nl = nloops_saved;
      if (back == -1) {  // end of a Python-side call()
        pc = call_saved_ip;
        goto finish;
      }
      pc = back;
      NEXT();
    }
    CASE(OP_DO) {
      NEED(2);
      int64_t first = stk[sp - 1], limit = stk[sp - 2];
      sp -= 2;
      if (code[pc + 2] ? first <= limit : first >= limit) {
        pc = code[pc + 1];
      } else {
        if (nl + 2 > (int64_t)loops.size()) {
          loops.resize((size_t)(nl * 2 + 16));
          lp = loops.data();
        }
        lp[nl++] = first;
        lp[nl++] = limit;
        pc += 3;
      }
      NEXT();
    }
    CASE(OP_LOOP)
      if (++lp[nl - 2] < lp[nl - 1]) {
        pc = code[pc + 1];
      } else {
        nl -= 2;
        pc += 2;
      }
      NEXT();
    CASE(OP_PLUSLOOP) {
      NEED(1);
      int64_t inc = stk[--sp];
      lp[nl - 2] += inc;
      bool again = inc >= 0 ? lp[nl - 2] < lp[nl - 1] : lp[nl - 2] >= lp[nl - 1];
      if (again) {
        pc = code[pc + 1];
      } else {
        nl -= 2;
        pc += 2;
      }
      NEXT();
    }
    CASE(OP_I) ROOM(1); stk[sp++] = nl >= 2 ? (T)lp[nl - 2] : 0; pc += 1; NEXT();
    CASE(OP_J) ROOM(1); stk[sp++] = nl >= 4 ? (T)lp[nl - 4] : 0; pc += 1; NEXT();
    CASE(OP_K) ROOM(1); stk[sp++] = nl >= 6 ? (T)lp[nl - 6] : 0; pc += 1; NEXT();
    CASE(OP_UNTIL)
      NEED(1);
      pc = stk[--sp] == 0 ? code[pc + 1] : pc + 2;
      NEXT();
    CASE(OP_OF)
      NEED(2);
      if (stk[sp - 2] == stk[sp - 1]) {
        sp -= 2;
        pc += 2;
      } else {
        sp -= 1;
        pc = code[pc + 1];
      }
      NEXT();
    CASE(OP_GET) ROOM(1); stk[sp++] = vars[code[pc + 1]]; pc += 2; NEXT();
    CASE(OP_PUT) NEED(1); vars[code[pc + 1]] = stk[--sp]; pc += 2; NEXT();
    CASE(OP_INC) NEED(1); vars[code[pc + 1]] += stk[--sp]; pc += 2; NEXT();
    CASE(OP_DUP) NEED(1); ROOM(1); stk[sp] = stk[sp - 1]; sp++; pc++; NEXT();
    CASE(OP_DROP) NEED(1); sp--; pc++; NEXT();
    CASE(OP_SWAP) NEED(2); std::swap(stk[sp - 1], stk[sp - 2]); pc++; NEXT();
    CASE(OP_OVER) NEED(2); ROOM(1); stk[sp] = stk[sp - 2]; sp++; pc++; NEXT();
    CASE(OP_ROT) {
      NEED(3);
      T a = stk[sp - 3];
      stk[sp - 3] = stk[sp - 2];
      stk[sp - 2] = stk[sp - 1];
      stk[sp - 1] = a;
      pc++;
      NEXT();
    }
    CASE(OP_NIP) NEED(2); stk[sp - 2] = stk[sp - 1]; sp--; pc++; NEXT();
    CASE(OP_TUCK) NEED(2); ROOM(1); stk[sp] = stk[sp - 1]; stk[sp - 1] = stk[sp - 2]; stk[sp - 2] = stk[sp]; sp++; pc++; NEXT();
#define BINOP(OPC, EXPR) \
  CASE(OPC) { NEED(2); T b = stk[sp - 1], a = stk[sp - 2]; (void)a; (void)b; stk[sp - 2] = (T)(EXPR); sp--; pc++; NEXT(); }
    BINOP(OP_ADD, (int64_t)a + b)
    BINOP(OP_SUB, (int64_t)a - b)
    BINOP(OP_MUL, (int64_t)a * b)
    BINOP(OP_MIN, a < b ? a : b)
    BINOP(OP_MAX, a > b ? a : b)
    BINOP(OP_EQ, a == b ? -1 : 0)
    BINOP(OP_NE, a != b ? -1 : 0)
    BINOP(OP_GT, a > b ? -1 : 0)
    BINOP(OP_GE, a >= b ? -1 : 0)
    BINOP(OP_LT, a < b ? -1 : 0)
    BINOP(OP_LE, a <= b ? -1 : 0)
    BINOP(OP_AND, a & b)
    BINOP(OP_OR, a | b)
    BINOP(OP_XOR, a ^ b)
    BINOP(OP_LSHIFT, (T)((uint64_t)a << (b & (sizeof(T) * 8 - 1))))
    BINOP(OP_RSHIFT, a >> (b & (sizeof(T) * 8 - 1)))
#undef BINOP
    CASE(OP_DIV) CASE(OP_MOD) CASE(OP_DIVMOD) {
      NEED(2);
      int64_t b = stk[sp - 1], a = stk[sp - 2];
      if (b == 0) {
        sp--;  // like awkward 2.14, the zero divisor is consumed
        FAIL(Err::division_by_zero);
      }
      if (code[pc] == OP_DIV) {
        stk[sp - 2] = (T)floordiv(a, b);
        sp--;
      } else if (code[pc] == OP_MOD) {
        stk[sp - 2] = (T)floormod(a, b);
        sp--;
      } else {
        stk[sp - 2] = (T)floormod(a, b);
        stk[sp - 1] = (T)floordiv(a, b);
      }
      pc++;
      NEXT();
    }
    CASE(OP_NEGATE) NEED(1); stk[sp - 1] = (T)(-(int64_t)stk[sp - 1]); pc++; NEXT();
    CASE(OP_ADD1) NEED(1); stk[sp - 1] = (T)((int64_t)stk[sp - 1] + 1); pc++; NEXT();
    CASE(OP_SUB1) NEED(1); stk[sp - 1] = (T)((int64_t)stk[sp - 1] - 1); pc++; NEXT();
    CASE(OP_ABS) NEED(1); if (stk[sp - 1] < 0) stk[sp - 1] = (T)(-(int64_t)stk[sp - 1]); pc++; NEXT();
    CASE(OP_EQ0) NEED(1); stk[sp - 1] = stk[sp - 1] == 0 ? -1 : 0; pc++; NEXT();
    CASE(OP_INVERT) NEED(1); stk[sp - 1] = ~stk[sp - 1]; pc++; NEXT();
    CASE(OP_FALSE) ROOM(1); stk[sp++] = 0; pc++; NEXT();
    CASE(OP_TRUE) ROOM(1); stk[sp++] = -1; pc++; NEXT();
    CASE(OP_STRING) {
      ROOM(2);
      int64_t s = code[pc + 1];
      stk[sp++] = (T)s;
      stk[sp++] = (T)prog->strings[(size_t)s].size();
      pc += 2;
      NEXT();
    }
    CASE(OP_IN_LEN) ROOM(1); stk[sp++] = (T)ins[code[pc + 1]].length; pc += 2; NEXT();
    CASE(OP_IN_POS) ROOM(1); stk[sp++] = (T)ins[code[pc + 1]].pos; pc += 2; NEXT();
    CASE(OP_IN_END) {
      ROOM(1);
      Input& in = ins[code[pc + 1]];
      stk[sp++] = in.pos >= in.length ? -1 : 0;
      pc += 2;
      NEXT();
    }
    CASE(OP_IN_SEEK) {
      NEED(1);
      Input& in = ins[code[pc + 1]];
      int64_t to = stk[sp - 1];
      if (to < 0 || to > in.length) FAIL(Err::seek_beyond);
      sp--;
      in.pos = to;
      pc += 2;
      NEXT();
    }
    CASE(OP_IN_SKIP) {
      NEED(1);
      Input& in = ins[code[pc + 1]];
      int64_t by = stk[sp - 1];
      if (by < -in.pos || by > in.length - in.pos) FAIL(Err::skip_beyond);
      sp--;
      in.pos += by;
      pc += 2;
      NEXT();
    }
    CASE(OP_IN_SKIPWS) {
      Input& in = ins[code[pc + 1]];
      while (in.pos < in.length && (in.ptr[in.pos] == ' ' || in.ptr[in.pos] == '\n' || in.ptr[in.pos] == '\t' ||
                                    in.ptr[in.pos] == '\r' || in.ptr[in.pos] == '\f' || in.ptr[in.pos] == '\v')) {
        in.pos++;
      }
      pc += 2;
      NEXT();
    }
    CASE(OP_IN_PEEK) {
      NEED(1);
      Input& in = ins[code[pc + 1]];
      int64_t by = stk[sp - 1];
      if (by < -in.pos || by >= in.length - in.pos) FAIL(Err::read_beyond);
      stk[sp - 1] = (T)in.ptr[in.pos + by];
      pc += 2;
      NEXT();
    }
    // Reads, as awkward 2.14 does them: a repeated read pops its count even when it fails,
    // bytes consumed before an error stay consumed, values read before it stay read, and
    // count_reads counts the reads that succeeded (count_writes only the fixed-size ones).
    CASE(OP_READ_STACK) {  // one fixed-size value to the stack
      const int64_t flags = code[pc + 1];
      Input& in = ins[code[pc + 2]];
      const int64_t size = (flags >> READ_SIZE_SHIFT) & 255;
      if (size > in.length - in.pos) FAIL(Err::read_beyond);
      const int64_t value = load_fixed(fixed_which(flags), in.ptr + in.pos);
      in.pos += size;
      ROOM(1);
      stk[sp++] = (T)value;
      n_reads++;
      pc += 4;
      NEXT();
    }
    CASE(OP_READ_OUT) {  // fixed-size values, converted straight into an output
      const int64_t flags = code[pc + 1];
      Input& in = ins[code[pc + 2]];
      const int64_t size = (flags >> READ_SIZE_SHIFT) & 255;
      int64_t n = 1;
      if (flags & READ_REPEATED) {
        NEED(1);
        n = stk[--sp];
        if (n < 0) n = 0;
      }
      const int64_t left = in.length - in.pos;
      if (n > left || n * size > left) FAIL(Err::read_beyond);
      write_converted(outs[code[pc + 3]], flags >> READ_CONVERTER_SHIFT, in.ptr + in.pos, n);
      in.pos += n * size;
      n_reads++;
      n_writes++;
      pc += 4;
      NEXT();
    }
    CASE(OP_READ) {  // the other kinds (varint, zigzag, text, quoted strings), and repeated to the stack
      const int64_t flags = code[pc + 1];
      const int64_t kind = flags & 255;
      Input& in = ins[code[pc + 2]];
      const int64_t o = code[pc + 3];
      const bool repeated = (flags & READ_REPEATED) != 0;
      int64_t n = 1;
      if (repeated) {
        NEED(1);
        n = stk[--sp];
        if (n < 0) n = 0;
      }
      int64_t size = read_kind_size(kind);
      if (size != 0) {
        const int64_t left = in.length - in.pos;
        if (n > left || n * size > left) FAIL(Err::read_beyond);
        const uint8_t* src = in.ptr + in.pos;
        if (o < 0) {
          if (sp + n > max_depth) FAIL(Err::stack_overflow);
          const int64_t which = fixed_which(flags);
          for (int64_t k = 0; k < n; k++) stk[sp++] = (T)load_fixed(which, src + k * size);
        } else {
          write_converted(outs[o], read_converter_index(kind, (flags & READ_BIGENDIAN) != 0, (int)outs[o].dtype), src, n);
          n_writes++;
        }
        in.pos += n * size;
      } else {
        const bool text = kind == RK_TEXTINT || kind == RK_TEXTFLOAT;
        for (int64_t k = 0; k < n; k++) {
          if (text && k > 0) {  // repeated text numbers are separated by whitespace
            while (in.pos < in.length && (in.ptr[in.pos] == ' ' || in.ptr[in.pos] == '\n' || in.ptr[in.pos] == '\t' ||
                                          in.ptr[in.pos] == '\r' || in.ptr[in.pos] == '\f' || in.ptr[in.pos] == '\v')) {
              in.pos++;
            }
          }
          Err e = Err::none;
          int64_t iv = 0;
          double dv = 0;
          if (kind == RK_VARINT || kind == RK_ZIGZAG) {
            uint64_t u = 0;
            e = read_varint(in, u);
            iv = kind == RK_VARINT ? (int64_t)u : (int64_t)((u >> 1) ^ (~(u & 1) + 1));
          } else if (kind == RK_TEXTINT) {
            e = read_textint(in, iv);
          } else if (kind == RK_TEXTFLOAT) {
            e = read_textfloat(in, dv);
          } else {  // quoted string: bytes to the output, length to the stack
            std::string s;
            e = read_quotedstr(in, s);
            if (e != Err::none) FAIL(e);
            ROOM(1);
            write_converted(outs[o], read_converter_index(RK_UINT8, false, (int)outs[o].dtype),
                            reinterpret_cast<const uint8_t*>(s.data()), (int64_t)s.size());
            stk[sp++] = (T)s.size();
            continue;
          }
          if (e != Err::none) FAIL(e);
          if (o < 0) {
            ROOM(1);
            stk[sp++] = (T)iv;
          } else if (kind == RK_TEXTFLOAT) {
            outs[o].write_double(dv);
          } else {
            outs[o].write_int(iv);
          }
        }
      }
      n_reads++;
      pc += 4;
      NEXT();
    }
    CASE(OP_ENUM) {
      Input& in = ins[code[pc + 1]];
      int64_t first = code[pc + 2], count = code[pc + 3];
      int64_t found = -1;
      for (int64_t k = 0; k < count; k++) {
        const std::string& s = prog->strings[(size_t)(first + k)];
        if ((int64_t)s.size() <= in.length - in.pos && std::memcmp(in.ptr + in.pos, s.data(), s.size()) == 0) {
          found = k;
          in.pos += (int64_t)s.size();
          break;
        }
      }
      if (found < 0 && code[pc + 4]) FAIL(Err::enumeration_missing);
      ROOM(1);
      stk[sp++] = (T)found;
      pc += 5;
      NEXT();
    }
    CASE(OP_OUT_WRITE) NEED(1); outs[code[pc + 1]].write_int(stk[--sp]); n_writes++; pc += 2; NEXT();
    CASE(OP_OUT_WRITE_ADD) NEED(1); outs[code[pc + 1]].write_add(stk[--sp]); n_writes++; pc += 2; NEXT();
    CASE(OP_OUT_LEN) ROOM(1); stk[sp++] = (T)outs[code[pc + 1]].length; pc += 2; NEXT();
    CASE(OP_OUT_REWIND) {
      NEED(1);
      Output& out = outs[code[pc + 1]];
      int64_t k = stk[sp - 1];
      sp--;  // popped even when it fails, as 2.14
      if (k > out.length || k < 0) FAIL(Err::rewind_beyond);
      out.length -= k;
      pc += 2;
      NEXT();
    }
    CASE(OP_OUT_DUP) {
      NEED(1);
      const int64_t times = stk[--sp];  // popped even when it fails, as 2.14
      if (outs[code[pc + 1]].length == 0) FAIL(Err::rewind_beyond);  // as 2.14
      outs[code[pc + 1]].dup(times);
      n_writes++;
      pc += 2;
      NEXT();
    }
    default:
      break;
  }
  FAIL(Err::not_ready);  // cannot happen: the compiler emits only known opcodes

fail:
  n_instr--;  // the failing instruction stays current and is not counted
  last_error = err;
  goto save;

finish:
  last_error = err;

save:
  depth = sp;
  nloops = nl;
  ip = pc;
  count_instructions += n_instr;
  count_reads += n_reads;
  count_writes += n_writes;
  return err;
#undef FAIL
#undef NEED
#undef ROOM
#undef CASE
#undef DISPATCH
#undef NEXT
}

template <typename T>
Err Machine<T>::execute(bool single_step) {
  return single_step ? execute_loop<true>() : execute_loop<false>();
}

template class Machine<int32_t>;
template class Machine<int64_t>;

}  // namespace awkward_forth
