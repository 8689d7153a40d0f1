// AwkwardForth virtual machine: executes the bytecode made by forth_compile.cpp.
#include "awkward/forth/forth_machine.h"

#include <chrono>
#include <cmath>
#include <cstring>

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

template <typename From, typename To>
static void convert_many(char* dst, const uint8_t* src, int64_t n, bool swap) {
  if (std::is_same<From, To>::value && !swap) {
    std::memcpy(dst, src, (size_t)(n * (int64_t)sizeof(From)));
    return;
  }
  To* out = reinterpret_cast<To*>(dst);  // dst is only byte-aligned: go through memcpy
  for (int64_t k = 0; k < n; k++) {
    To v = (To)load<From>(src + k * (int64_t)sizeof(From), swap);
    std::memcpy(reinterpret_cast<char*>(out) + k * (int64_t)sizeof(To), &v, sizeof(To));
  }
}

template <typename From>
static void write_many(Output& o, const uint8_t* src, int64_t n, bool swap) {
  o.reserve_more(n);
  char* dst = o.data.data() + o.length * o.itemsize;
  switch (o.dtype) {
    case DType::bool_:
      for (int64_t k = 0; k < n; k++) dst[k] = load<From>(src + k * (int64_t)sizeof(From), swap) != 0;
      break;
    case DType::int8: convert_many<From, int8_t>(dst, src, n, swap); break;
    case DType::int16: convert_many<From, int16_t>(dst, src, n, swap); break;
    case DType::int32: convert_many<From, int32_t>(dst, src, n, swap); break;
    case DType::int64: convert_many<From, int64_t>(dst, src, n, swap); break;
    case DType::uint8: convert_many<From, uint8_t>(dst, src, n, swap); break;
    case DType::uint16: convert_many<From, uint16_t>(dst, src, n, swap); break;
    case DType::uint32: convert_many<From, uint32_t>(dst, src, n, swap); break;
    case DType::uint64: convert_many<From, uint64_t>(dst, src, n, swap); break;
    case DType::float32: convert_many<From, float>(dst, src, n, swap); break;
    case DType::float64: convert_many<From, double>(dst, src, n, swap); break;
  }
  o.length += n;
}

static int kind_size(int64_t kind) {
  switch (kind) {
    case RK_BOOL: case RK_INT8: case RK_UINT8: return 1;
    case RK_INT16: case RK_UINT16: return 2;
    case RK_INT32: case RK_UINT32: case RK_FLOAT32: return 4;
    case RK_INT64: case RK_UINT64: case RK_INTP: case RK_UINTP: case RK_FLOAT64: return 8;
  }
  return 0;
}

static void write_fixed(int64_t kind, Output& o, const uint8_t* src, int64_t n, bool swap) {
  switch (kind) {
    case RK_BOOL: write_many<uint8_t>(o, src, n, false); break;  // nonzero byte is true
    case RK_INT8: write_many<int8_t>(o, src, n, swap); break;
    case RK_INT16: write_many<int16_t>(o, src, n, swap); break;
    case RK_INT32: write_many<int32_t>(o, src, n, swap); break;
    case RK_INT64: case RK_INTP: write_many<int64_t>(o, src, n, swap); break;
    case RK_UINT8: write_many<uint8_t>(o, src, n, swap); break;
    case RK_UINT16: write_many<uint16_t>(o, src, n, swap); break;
    case RK_UINT32: write_many<uint32_t>(o, src, n, swap); break;
    case RK_UINT64: case RK_UINTP: write_many<uint64_t>(o, src, n, swap); break;
    case RK_FLOAT32: write_many<float>(o, src, n, swap); break;
    case RK_FLOAT64: write_many<double>(o, src, n, swap); break;
  }
}

static int64_t load_fixed(int64_t kind, const uint8_t* p, bool swap) {
  switch (kind) {
    case RK_BOOL: return p[0] != 0;
    case RK_INT8: return load<int8_t>(p, swap);
    case RK_INT16: return load<int16_t>(p, swap);
    case RK_INT32: return load<int32_t>(p, swap);
    case RK_INT64: case RK_INTP: return load<int64_t>(p, swap);
    case RK_UINT8: return load<uint8_t>(p, swap);
    case RK_UINT16: return load<uint16_t>(p, swap);
    case RK_UINT32: return load<uint32_t>(p, swap);
    case RK_UINT64: case RK_UINTP: return (int64_t)load<uint64_t>(p, swap);
    case RK_FLOAT32: return (int64_t)load<float>(p, swap);
    case RK_FLOAT64: return (int64_t)load<double>(p, swap);
  }
  return 0;
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

static inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

static Err read_textint(Input& in, int64_t& out) {
  int64_t p = in.pos;
  bool neg = false;
  if (p < in.length && (in.ptr[p] == '-' || in.ptr[p] == '+')) { neg = in.ptr[p] == '-'; p++; }
  if (p >= in.length || !is_digit(in.ptr[p])) return Err::text_number_missing;
  uint64_t v = 0;
  while (p < in.length && is_digit(in.ptr[p])) v = v * 10 + (uint64_t)(in.ptr[p++] - '0');
  out = neg ? -(int64_t)v : (int64_t)v;
  in.pos = p;
  return Err::none;
}

static Err read_textfloat(Input& in, double& out) {
  int64_t p = in.pos;
  if (p < in.length && (in.ptr[p] == '-' || in.ptr[p] == '+')) p++;
  int64_t digits = 0;
  while (p < in.length && is_digit(in.ptr[p])) { p++; digits++; }
  if (p < in.length && in.ptr[p] == '.') {
    p++;
    while (p < in.length && is_digit(in.ptr[p])) { p++; digits++; }
  }
  if (digits == 0) return Err::text_number_missing;
  if (p < in.length && (in.ptr[p] == 'e' || in.ptr[p] == 'E')) {
    int64_t q = p + 1;
    if (q < in.length && (in.ptr[q] == '-' || in.ptr[q] == '+')) q++;
    if (q < in.length && is_digit(in.ptr[q])) {
      while (q < in.length && is_digit(in.ptr[q])) q++;
      p = q;
    }
  }
  std::string text(reinterpret_cast<const char*>(in.ptr + in.pos), (size_t)(p - in.pos));
  out = std::strtod(text.c_str(), nullptr);
  in.pos = p;
  return Err::none;
}

static inline void utf8(std::string& s, uint32_t cp) {
  if (cp < 0x80) {
    s += (char)cp;
  } else if (cp < 0x800) {
    s += (char)(0xc0 | (cp >> 6)); s += (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    s += (char)(0xe0 | (cp >> 12)); s += (char)(0x80 | ((cp >> 6) & 0x3f)); s += (char)(0x80 | (cp & 0x3f));
  } else {
    s += (char)(0xf0 | (cp >> 18)); s += (char)(0x80 | ((cp >> 12) & 0x3f));
    s += (char)(0x80 | ((cp >> 6) & 0x3f)); s += (char)(0x80 | (cp & 0x3f));
  }
}

static Err read_quotedstr(Input& in, std::string& out) {
  int64_t p = in.pos;
  if (p >= in.length || in.ptr[p] != '"') return Err::quoted_string_missing;
  p++;
  out.clear();
  while (true) {
    if (p >= in.length) return Err::quoted_string_missing;
    uint8_t c = in.ptr[p++];
    if (c == '"') break;
    if (c != '\\') { out += (char)c; continue; }
    if (p >= in.length) return Err::quoted_string_missing;
    uint8_t e = in.ptr[p++];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        if (p + 4 > in.length) return Err::quoted_string_missing;
        uint32_t cp = (uint32_t)std::strtoul(std::string(reinterpret_cast<const char*>(in.ptr + p), 4).c_str(), nullptr, 16);
        p += 4;
        if (cp >= 0xd800 && cp < 0xdc00 && p + 6 <= in.length && in.ptr[p] == '\\' && in.ptr[p + 1] == 'u') {
          uint32_t lo = (uint32_t)std::strtoul(std::string(reinterpret_cast<const char*>(in.ptr + p + 2), 4).c_str(), nullptr, 16);
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            p += 6;
          }
        }
        utf8(out, cp);
        break;
      }
      default: out += (char)e;  // \" \\ \/ and anything else: the character itself
    }
  }
  in.pos = p;
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
  outputs.clear();
  for (DType d : prog->output_dtypes) outputs.emplace_back(d, output_initial_size, output_resize_factor);
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
  auto t0 = std::chrono::steady_clock::now();
  Err e = execute(false);
  count_nanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
  return e;
}

template <typename T>
Err Machine<T>::step() {
  if (!ready) return Err::not_ready;
  if (done) return Err::is_done;
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

template <typename T>
Err Machine<T>::execute(bool single_step) {
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

  while (true) {
    int64_t start = pc;
    n_instr++;
    switch (code[pc]) {
      case OP_LITERAL: ROOM(1); stk[sp++] = (T)code[pc + 1]; pc += 2; break;
      case OP_END:
        n_instr--;
        done = true;
        pc = start;
        goto finish;
      case OP_HALT:
        pc += 1;
        done = true;
        ready = false;
        err = Err::user_halt;
        goto finish;
      case OP_PAUSE:
        pc += 1;
        goto finish;
      case OP_IF_FALSE:
        NEED(1);
        pc = stk[--sp] == 0 ? code[pc + 1] : pc + 2;
        break;
      case OP_JUMP: pc = code[pc + 1]; break;
      case OP_CALL:
        if ((int64_t)rstack.size() / 2 + 1 >= recursion_max_depth) FAIL(Err::recursion_depth_exceeded);
        rstack.push_back(pc + 2);
        rstack.push_back(nl);
        pc = code[pc + 1];
        break;
      case OP_RETURN: {
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
        break;
      }
      case OP_DO: {
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
        break;
      }
      case OP_LOOP:
        if (++lp[nl - 2] < lp[nl - 1]) {
          pc = code[pc + 1];
        } else {
          nl -= 2;
          pc += 2;
        }
        break;
      case OP_PLUSLOOP: {
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
        break;
      }
      case OP_I: case OP_J: case OP_K: {
        int64_t which = (code[pc] - OP_I + 1) * 2;
        ROOM(1);
        stk[sp++] = nl >= which ? (T)lp[nl - which] : 0;
        pc += 1;
        break;
      }
      case OP_UNTIL:
        NEED(1);
        pc = stk[--sp] == 0 ? code[pc + 1] : pc + 2;
        break;
      case OP_OF:
        NEED(2);
        if (stk[sp - 2] == stk[sp - 1]) {
          sp -= 2;
          pc += 2;
        } else {
          sp -= 1;
          pc = code[pc + 1];
        }
        break;
      case OP_GET: ROOM(1); stk[sp++] = vars[code[pc + 1]]; pc += 2; break;
      case OP_PUT: NEED(1); vars[code[pc + 1]] = stk[--sp]; pc += 2; break;
      case OP_INC: NEED(1); vars[code[pc + 1]] += stk[--sp]; pc += 2; break;
      case OP_DUP: NEED(1); ROOM(1); stk[sp] = stk[sp - 1]; sp++; pc++; break;
      case OP_DROP: NEED(1); sp--; pc++; break;
      case OP_SWAP: NEED(2); std::swap(stk[sp - 1], stk[sp - 2]); pc++; break;
      case OP_OVER: NEED(2); ROOM(1); stk[sp] = stk[sp - 2]; sp++; pc++; break;
      case OP_ROT: {
        NEED(3);
        T a = stk[sp - 3];
        stk[sp - 3] = stk[sp - 2];
        stk[sp - 2] = stk[sp - 1];
        stk[sp - 1] = a;
        pc++;
        break;
      }
      case OP_NIP: NEED(2); stk[sp - 2] = stk[sp - 1]; sp--; pc++; break;
      case OP_TUCK: NEED(2); ROOM(1); stk[sp] = stk[sp - 1]; stk[sp - 1] = stk[sp - 2]; stk[sp - 2] = stk[sp]; sp++; pc++; break;
#define BINOP(OPC, EXPR) \
  case OPC: { NEED(2); T b = stk[sp - 1], a = stk[sp - 2]; (void)a; (void)b; stk[sp - 2] = (T)(EXPR); sp--; pc++; break; }
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
      case OP_DIV: case OP_MOD: case OP_DIVMOD: {
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
        break;
      }
      case OP_NEGATE: NEED(1); stk[sp - 1] = (T)(-(int64_t)stk[sp - 1]); pc++; break;
      case OP_ADD1: NEED(1); stk[sp - 1] = (T)((int64_t)stk[sp - 1] + 1); pc++; break;
      case OP_SUB1: NEED(1); stk[sp - 1] = (T)((int64_t)stk[sp - 1] - 1); pc++; break;
      case OP_ABS: NEED(1); if (stk[sp - 1] < 0) stk[sp - 1] = (T)(-(int64_t)stk[sp - 1]); pc++; break;
      case OP_EQ0: NEED(1); stk[sp - 1] = stk[sp - 1] == 0 ? -1 : 0; pc++; break;
      case OP_INVERT: NEED(1); stk[sp - 1] = ~stk[sp - 1]; pc++; break;
      case OP_FALSE: ROOM(1); stk[sp++] = 0; pc++; break;
      case OP_TRUE: ROOM(1); stk[sp++] = -1; pc++; break;
      case OP_STRING: {
        ROOM(2);
        int64_t s = code[pc + 1];
        stk[sp++] = (T)s;
        stk[sp++] = (T)prog->strings[(size_t)s].size();
        pc += 2;
        break;
      }
      case OP_IN_LEN: ROOM(1); stk[sp++] = (T)ins[code[pc + 1]].length; pc += 2; break;
      case OP_IN_POS: ROOM(1); stk[sp++] = (T)ins[code[pc + 1]].pos; pc += 2; break;
      case OP_IN_END: {
        ROOM(1);
        Input& in = ins[code[pc + 1]];
        stk[sp++] = in.pos >= in.length ? -1 : 0;
        pc += 2;
        break;
      }
      case OP_IN_SEEK: {
        NEED(1);
        Input& in = ins[code[pc + 1]];
        int64_t to = stk[sp - 1];
        if (to < 0 || to > in.length) FAIL(Err::seek_beyond);
        sp--;
        in.pos = to;
        pc += 2;
        break;
      }
      case OP_IN_SKIP: {
        NEED(1);
        Input& in = ins[code[pc + 1]];
        int64_t to = in.pos + (int64_t)stk[sp - 1];
        if (to < 0 || to > in.length) FAIL(Err::skip_beyond);
        sp--;
        in.pos = to;
        pc += 2;
        break;
      }
      case OP_IN_SKIPWS: {
        Input& in = ins[code[pc + 1]];
        while (in.pos < in.length && (in.ptr[in.pos] == ' ' || in.ptr[in.pos] == '\n' || in.ptr[in.pos] == '\t' ||
                                      in.ptr[in.pos] == '\r' || in.ptr[in.pos] == '\f' || in.ptr[in.pos] == '\v')) {
          in.pos++;
        }
        pc += 2;
        break;
      }
      case OP_IN_PEEK: {
        NEED(1);
        Input& in = ins[code[pc + 1]];
        int64_t at = in.pos + (int64_t)stk[sp - 1];
        if (at < 0 || at >= in.length) FAIL(Err::read_beyond);
        stk[sp - 1] = (T)in.ptr[at];
        pc += 2;
        break;
      }
      case OP_READ: {
        const int64_t flags = code[pc + 1];
        const int64_t kind = flags & 255;
        Input& in = ins[code[pc + 2]];
        const int64_t o = code[pc + 3];
        const bool swap = (flags & READ_BIGENDIAN) != 0;
        int64_t n = 1;
        if (flags & READ_REPEATED) {
          NEED(1);
          n = stk[sp - 1];
          if (n < 0) n = 0;
          sp--;
        }
        n_reads++;
        int size = kind_size(kind);
        if (size != 0) {
          if (in.pos + n * size > in.length) {
            if (flags & READ_REPEATED) sp++;
            FAIL(Err::read_beyond);
          }
          const uint8_t* src = in.ptr + in.pos;
          if (o < 0) {
            if (sp + n > max_depth) {
              if (flags & READ_REPEATED) sp++;
              FAIL(Err::stack_overflow);
            }
            for (int64_t k = 0; k < n; k++) stk[sp++] = (T)load_fixed(kind, src + k * size, swap);
          } else {
            write_fixed(kind, outs[o], src, n, swap);
            n_writes++;
          }
          in.pos += n * size;
        } else {
          int64_t saved_pos = in.pos, saved_sp = sp;
          for (int64_t k = 0; k < n; k++) {
            Err e = Err::none;
            int64_t iv = 0;
            double dv = 0;
            bool is_float = false;
            if (kind == RK_VARINT || kind == RK_ZIGZAG) {
              uint64_t u = 0;
              e = read_varint(in, u);
              iv = kind == RK_VARINT ? (int64_t)u : (int64_t)((u >> 1) ^ (~(u & 1) + 1));
            } else if (kind == RK_TEXTINT) {
              e = read_textint(in, iv);
            } else if (kind == RK_TEXTFLOAT) {
              e = read_textfloat(in, dv);
              is_float = true;
            } else {  // quoted string: bytes to the output, length to the stack
              std::string s;
              e = read_quotedstr(in, s);
              if (e == Err::none) {
                if (sp >= max_depth) e = Err::stack_overflow;
                else {
                  write_many<uint8_t>(outs[o], reinterpret_cast<const uint8_t*>(s.data()), (int64_t)s.size(), false);
                  stk[sp++] = (T)s.size();
                }
              }
              if (e != Err::none) { in.pos = saved_pos; sp = saved_sp + ((flags & READ_REPEATED) ? 1 : 0); FAIL(e); }
              continue;
            }
            if (e != Err::none) { in.pos = saved_pos; sp = saved_sp + ((flags & READ_REPEATED) ? 1 : 0); FAIL(e); }
            if (o < 0) {
              if (sp >= max_depth) { in.pos = saved_pos; sp = saved_sp + ((flags & READ_REPEATED) ? 1 : 0); FAIL(Err::stack_overflow); }
              stk[sp++] = (T)iv;
            } else if (is_float) {
              outs[o].write_double(dv);
            } else {
              outs[o].write_int(iv);
            }
          }
          if (o >= 0) n_writes++;
        }
        pc += 4;
        break;
      }
      case OP_ENUM: {
        Input& in = ins[code[pc + 1]];
        int64_t first = code[pc + 2], count = code[pc + 3];
        int64_t found = -1;
        for (int64_t k = 0; k < count; k++) {
          const std::string& s = prog->strings[(size_t)(first + k)];
          if (in.pos + (int64_t)s.size() <= in.length && std::memcmp(in.ptr + in.pos, s.data(), s.size()) == 0) {
            found = k;
            in.pos += (int64_t)s.size();
            break;
          }
        }
        if (found < 0 && code[pc + 4]) FAIL(Err::enumeration_missing);
        ROOM(1);
        stk[sp++] = (T)found;
        pc += 5;
        break;
      }
      case OP_OUT_WRITE: NEED(1); outs[code[pc + 1]].write_int(stk[--sp]); n_writes++; pc += 2; break;
      case OP_OUT_WRITE_ADD: NEED(1); outs[code[pc + 1]].write_add(stk[--sp]); n_writes++; pc += 2; break;
      case OP_OUT_LEN: ROOM(1); stk[sp++] = (T)outs[code[pc + 1]].length; pc += 2; break;
      case OP_OUT_REWIND: {
        NEED(1);
        Output& out = outs[code[pc + 1]];
        int64_t k = stk[sp - 1];
        if (k > out.length || k < 0) FAIL(Err::rewind_beyond);
        sp--;
        out.length -= k;
        pc += 2;
        break;
      }
      case OP_OUT_DUP: {
        NEED(1);
        if (outs[code[pc + 1]].length == 0) FAIL(Err::rewind_beyond);  // as 2.14
        outs[code[pc + 1]].dup(stk[--sp]);
        n_writes++;
        pc += 2;
        break;
      }
      default:
        FAIL(Err::not_ready);  // cannot happen: the compiler emits only known opcodes
    }
    if (single_step && code[pc] != OP_RETURN) goto finish;
    if (single_step) {
      // a step that lands on a word's end also returns from it, as one instruction
      continue;
    }
  }

fail:
  n_instr--;
  pc = pc;  // the failing instruction stays current
  depth = sp;
  nloops = nl;
  ip = pc;
  count_instructions += n_instr;
  count_reads += n_reads;
  count_writes += n_writes;
  last_error = err;
  return err;

finish:
  depth = sp;
  nloops = nl;
  ip = pc;
  count_instructions += n_instr;
  count_reads += n_reads;
  count_writes += n_writes;
  if (done && pc < (int64_t)prog->code.size() && code[pc] != OP_END) {
    // halted: nothing more to run
  }
  last_error = err;
  return err;
#undef FAIL
#undef NEED
#undef ROOM
}

template class Machine<int32_t>;
template class Machine<int64_t>;

}  // namespace awkward_forth
