// AwkwardForth: the text reads (textint->, textfloat->, quotedstr->), with awkward 2.14's rules.
#include <cstdlib>
#include <string>

#include "awkward/forth/forth_machine.h"

namespace awkward_forth {

static inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

// Text numbers as 2.14 reads them: at the end of the input it is a read beyond; only '-' is a
// sign; what was consumed before a number turns out missing stays consumed.
Err read_textint(Input& in, int64_t& out) {
  if (in.pos >= in.length) return Err::read_beyond;
  int64_t p = in.pos;
  bool neg = false;
  if (in.ptr[p] == '-') { neg = true; p++; }
  if (p >= in.length || !is_digit(in.ptr[p])) { in.pos = p; return Err::text_number_missing; }
  uint64_t v = 0;
  while (p < in.length && is_digit(in.ptr[p])) v = v * 10 + (uint64_t)(in.ptr[p++] - '0');
  out = neg ? -(int64_t)v : (int64_t)v;
  in.pos = p;
  return Err::none;
}

Err read_textfloat(Input& in, double& out) {
  if (in.pos >= in.length) return Err::read_beyond;
  int64_t p = in.pos;
  if (in.ptr[p] == '-') p++;
  const int64_t after_sign = p;
  int64_t digits = 0;
  while (p < in.length && is_digit(in.ptr[p])) { p++; digits++; }
  if (p < in.length && in.ptr[p] == '.') {
    p++;
    while (p < in.length && is_digit(in.ptr[p])) { p++; digits++; }
  }
  if (digits == 0) { in.pos = after_sign; return Err::text_number_missing; }
  if (p < in.length && (in.ptr[p] == 'e' || in.ptr[p] == 'E')) {  // an exponent needs its digits
    p++;
    if (p < in.length && (in.ptr[p] == '-' || in.ptr[p] == '+')) p++;
    if (p >= in.length || !is_digit(in.ptr[p])) { in.pos = p; return Err::text_number_missing; }
    while (p < in.length && is_digit(in.ptr[p])) p++;
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

Err read_quotedstr(Input& in, std::string& out) {
  int64_t p = in.pos;
  if (p >= in.length) return Err::read_beyond;
  if (in.ptr[p] != '"') return Err::quoted_string_missing;
  p++;
  out.clear();
  while (true) {
    if (p >= in.length) { in.pos = p; return Err::quoted_string_missing; }  // consumed, as 2.14
    uint8_t c = in.ptr[p++];
    if (c == '"') break;
    if (c != '\\') { out += (char)c; continue; }
    if (p >= in.length) { in.pos = p; return Err::quoted_string_missing; }
    uint8_t e = in.ptr[p++];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        if (p + 4 > in.length) { in.pos = in.length; return Err::quoted_string_missing; }
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

}  // namespace awkward_forth
