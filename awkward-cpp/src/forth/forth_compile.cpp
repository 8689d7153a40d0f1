// AwkwardForth compiler: source text -> flat bytecode (see forth_machine.h for the opcodes).
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

#include "awkward/forth/forth_machine.h"

namespace awkward_forth {

namespace {

struct Token {
  std::string text;
  int line, col;
  bool is_string = false;  // the body of s" ..." (text holds the body)
};

std::vector<Token> tokenize(const std::string& src) {
  std::vector<Token> out;
  int line = 1, col = 0;
  size_t i = 0, n = src.size();
  auto advance = [&](size_t k) {
    for (size_t e = i + k; i < e && i < n; i++) {
      if (src[i] == '\n') { line++; col = 0; } else { col++; }
    }
  };
  while (i < n) {
    if (std::isspace((unsigned char)src[i])) { advance(1); continue; }
    size_t j = i;
    while (j < n && !std::isspace((unsigned char)src[j])) j++;
    std::string word = src.substr(i, j - i);
    Token t{word, line, col};
    if (word == "\\") {  // comment to the end of the line
      while (i < n && src[i] != '\n') advance(1);
      continue;
    }
    if (word == "(") {  // comment up to the closing parenthesis
      while (i < n && src[i] != ')') advance(1);
      advance(1);
      continue;
    }
    if (word == "s\"" || word == ".\"") {
      advance(j - i + 1);  // the word and one space
      size_t k = i;
      while (k < n && src[k] != '"') k++;
      if (k >= n) {
        throw CompileError("in AwkwardForth source code, line " + std::to_string(t.line) + " col " +
                           std::to_string(t.col) + ", unterminated string literal");
      }
      out.push_back(t);
      Token body{src.substr(i, k - i), t.line, t.col, true};
      out.push_back(body);
      advance(k - i + 1);
      continue;
    }
    out.push_back(t);
    advance(j - i);
  }
  return out;
}

bool parse_integer(const std::string& s, int64_t& value) {
  if (s.empty()) return false;
  const char* c = s.c_str();
  char* end = nullptr;
  errno = 0;
  if (s.size() > 2 && (s[0] == '0') && (s[1] == 'x' || s[1] == 'X')) {
    value = (int64_t)std::strtoull(c + 2, &end, 16);
  } else if (s.size() > 3 && s[0] == '-' && s[1] == '0' && (s[2] == 'x' || s[2] == 'X')) {
    value = -(int64_t)std::strtoull(c + 3, &end, 16);
  } else {
    size_t k = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (k == s.size()) return false;
    for (; k < s.size(); k++) {
      if (!std::isdigit((unsigned char)s[k])) return false;
    }
    value = std::strtoll(c, &end, 10);
  }
  return end != nullptr && *end == '\0';
}

const std::map<std::string, Op>& builtin_words() {
  static const std::map<std::string, Op> m = {
      {"dup", OP_DUP},     {"drop", OP_DROP},     {"swap", OP_SWAP},     {"over", OP_OVER},
      {"rot", OP_ROT},     {"nip", OP_NIP},       {"tuck", OP_TUCK},     {"+", OP_ADD},
      {"-", OP_SUB},       {"*", OP_MUL},         {"/", OP_DIV},         {"mod", OP_MOD},
      {"/mod", OP_DIVMOD}, {"negate", OP_NEGATE}, {"1+", OP_ADD1},       {"1-", OP_SUB1},
      {"abs", OP_ABS},     {"min", OP_MIN},       {"max", OP_MAX},       {"=", OP_EQ},
      {"<>", OP_NE},       {">", OP_GT},          {">=", OP_GE},         {"<", OP_LT},
      {"<=", OP_LE},       {"0=", OP_EQ0},        {"invert", OP_INVERT}, {"and", OP_AND},
      {"or", OP_OR},       {"xor", OP_XOR},       {"lshift", OP_LSHIFT}, {"rshift", OP_RSHIFT},
      {"false", OP_FALSE}, {"true", OP_TRUE},     {"halt", OP_HALT},     {"pause", OP_PAUSE},
      {"i", OP_I},         {"j", OP_J},           {"k", OP_K},
  };
  return m;
}

const std::set<std::string>& reserved_words() {
  static const std::set<std::string> s = {
      ":", ";", "recurse", "exit", "if", "else", "then", "do", "loop", "+loop", "begin", "again",
      "until", "while", "repeat", "case", "of", "endof", "endcase", "variable", "input", "output",
      "s\"", ".\"", "stack", "<-", "+<-", "@", "!", "+!", "len", "pos", "end", "seek", "skip",
      "skipws", "peek", "rewind", "enum", "enumonly"};
  return s;
}

bool parse_read_word(const std::string& w, int64_t& flags) {
  if (w.size() < 3 || w.compare(w.size() - 2, 2, "->") != 0) return false;
  std::string body = w.substr(0, w.size() - 2);
  flags = 0;
  size_t k = 0;
  if (k < body.size() && body[k] == '#') { flags |= READ_REPEATED; k++; }
  if (k < body.size() && body[k] == '!') { flags |= READ_BIGENDIAN; k++; }
  std::string t = body.substr(k);
  static const std::map<std::string, ReadKind> kinds = {
      {"?", RK_BOOL},         {"b", RK_INT8},        {"h", RK_INT16},        {"i", RK_INT32},
      {"q", RK_INT64},        {"n", RK_INTP},        {"B", RK_UINT8},        {"H", RK_UINT16},
      {"I", RK_UINT32},       {"Q", RK_UINT64},      {"N", RK_UINTP},        {"f", RK_FLOAT32},
      {"d", RK_FLOAT64},      {"varint", RK_VARINT}, {"zigzag", RK_ZIGZAG},  {"textint", RK_TEXTINT},
      {"textfloat", RK_TEXTFLOAT}, {"quotedstr", RK_QUOTEDSTR}};
  auto it = kinds.find(t);
  if (it == kinds.end()) return false;
  flags |= it->second;
  return true;
}

bool parse_dtype(const std::string& s, DType& d) {
  static const std::map<std::string, DType> m = {
      {"bool", DType::bool_},     {"int8", DType::int8},       {"int16", DType::int16},
      {"int32", DType::int32},    {"int64", DType::int64},     {"uint8", DType::uint8},
      {"uint16", DType::uint16},  {"uint32", DType::uint32},   {"uint64", DType::uint64},
      {"float32", DType::float32}, {"float64", DType::float64}};
  auto it = m.find(s);
  if (it == m.end()) return false;
  d = it->second;
  return true;
}

struct Segment {
  std::vector<int64_t> code;
  std::vector<size_t> local_targets;  // operand positions holding segment-local addresses
  std::vector<size_t> call_targets;   // operand positions holding word indexes
  std::vector<std::pair<size_t, std::string>> names;  // instruction start -> name
};

class Compiler {
 public:
  explicit Compiler(const std::string& src) : toks(tokenize(src)) { prog.source = src; }

  Program run() {
    segments.emplace_back();
    std::ostringstream body;
    size_t pos = 0;
    compile_block(0, pos, {}, true, body, 0);
    emit(0, {OP_END}, "");
    // Link: main first, then every word.
    std::vector<int64_t> base(segments.size());
    int64_t offset = 0;
    for (size_t s = 0; s < segments.size(); s++) {
      base[s] = offset;
      offset += (int64_t)segments[s].code.size();
    }
    prog.instruction_names.assign((size_t)offset, "");
    for (size_t s = 0; s < segments.size(); s++) {
      Segment& seg = segments[s];
      for (size_t p : seg.local_targets) seg.code[p] += base[s];
      for (size_t p : seg.call_targets) seg.code[p] = base[(size_t)seg.code[p] + 1];
      for (auto& nm : seg.names) prog.instruction_names[(size_t)base[s] + nm.first] = nm.second;
      prog.segment_offsets.push_back(base[s]);
      prog.code.insert(prog.code.end(), seg.code.begin(), seg.code.end());
    }
    prog.segment_offsets.push_back(offset);
    for (size_t w = 0; w < prog.word_names.size(); w++) prog.word_offsets.push_back(base[w + 1]);
    std::ostringstream dec;
    for (auto& v : prog.variable_names) dec << "variable " << v << "\n";
    for (auto& v : prog.input_names) dec << "input " << v << "\n";
    for (size_t o = 0; o < prog.output_names.size(); o++) {
      dec << "output " << prog.output_names[o] << " " << dtype_name(prog.output_dtypes[o]) << "\n";
    }
    dec << "\n" << words_text.str() << body.str();
    prog.decompiled = dec.str();
    return std::move(prog);
  }

 private:
  std::vector<Token> toks;
  Program prog;
  std::vector<Segment> segments;
  std::ostringstream words_text;
  int loop_depth = 0;  // do-loops open around the word being compiled (i, j, k need them)

  [[noreturn]] void fail(size_t pos, const std::string& message) {
    size_t p = pos < toks.size() ? pos : (toks.empty() ? 0 : toks.size() - 1);
    int line = toks.empty() ? 1 : toks[p].line, col = toks.empty() ? 0 : toks[p].col;
    std::string context;
    if (col > 0) context = " ";  // like awkward 2.14: the context starts at the preceding space
    for (size_t k = p; k < toks.size() && k < p + 3; k++) context += (k == p ? "" : " ") + toks[k].text;
    throw CompileError("in AwkwardForth source code, line " + std::to_string(line) + " col " +
                       std::to_string(col) + ", " + message + ":\n\n    " + context + "\n");
  }

  size_t emit(size_t seg, std::initializer_list<int64_t> words, const std::string& name) {
    Segment& s = segments[seg];
    size_t start = s.code.size();
    if (!name.empty()) s.names.emplace_back(start, name);
    s.code.insert(s.code.end(), words);
    return start;
  }

  int find(const std::vector<std::string>& names, const std::string& w) {
    for (size_t k = 0; k < names.size(); k++) {
      if (names[k] == w) return (int)k;
    }
    return -1;
  }

  bool defined(const std::string& w) {
    return find(prog.variable_names, w) >= 0 || find(prog.input_names, w) >= 0 ||
           find(prog.output_names, w) >= 0 || find(prog.word_names, w) >= 0;
  }

  void check_new_name(size_t pos, const std::string& w) {
    int64_t dummy;
    if (builtin_words().count(w) || reserved_words().count(w) || parse_integer(w, dummy) ||
        parse_read_word(w, dummy)) {
      fail(pos, "reserved word or number cannot be used as a name");
    }
    if (defined(w)) fail(pos, "name is already defined");
  }

  static std::string indent(int depth) { return std::string((size_t)depth * 4, ' '); }

  // Compiles tokens until one of `stops` (returned, consumed) or the end of the tokens.
  std::string compile_block(size_t seg, size_t& pos, const std::set<std::string>& stops,
                            bool top, std::ostringstream& out, int depth) {
    while (pos < toks.size()) {
      const Token& t = toks[pos];
      const std::string& w = t.text;
      if (!t.is_string && stops.count(w)) {
        pos++;
        return w;
      }
      compile_word(seg, pos, top, out, depth);
    }
    if (!stops.empty()) return "";
    return "";
  }

  void compile_word(size_t seg, size_t& pos, bool top, std::ostringstream& out, int depth) {
    size_t start = pos;
    const std::string w = toks[pos].text;
    pos++;
    int64_t value;
    if (toks[start].is_string) fail(start, "unexpected string literal");
    if (w == "variable" || w == "input" || w == "output") {
      if (!top) fail(start, "declarations are only allowed at the top level");
      if (pos >= toks.size()) fail(start, "missing name in declaration");
      const std::string name = toks[pos].text;
      check_new_name(pos, name);
      pos++;
      if (w == "variable") {
        prog.variable_names.push_back(name);
      } else if (w == "input") {
        prog.input_names.push_back(name);
      } else {
        DType d;
        if (pos >= toks.size() || !parse_dtype(toks[pos].text, d)) {
          fail(start, "output dtype not recognized");
        }
        pos++;
        prog.output_names.push_back(name);
        prog.output_dtypes.push_back(d);
      }
      return;
    }
    if (w == ":") {
      if (!top) fail(start, "definitions are only allowed at the top level");
      if (pos >= toks.size()) fail(start, "missing name in word definition");
      const std::string name = toks[pos].text;
      check_new_name(pos, name);
      pos++;
      prog.word_names.push_back(name);  // defined before the body: recursion allowed
      size_t wseg = segments.size();
      segments.emplace_back();
      std::ostringstream body;
      if (compile_block(wseg, pos, {";"}, false, body, 1) != ";") {
        fail(start, "definition is missing its closing ';'");
      }
      emit(wseg, {OP_RETURN}, "");
      words_text << ": " << name << "\n" << body.str() << ";\n\n";
      return;
    }
    const std::string ind = indent(depth);
    if (parse_integer(w, value)) {
      emit(seg, {OP_LITERAL, value}, w);
      out << ind << w << "\n";
      return;
    }
    if (w == "s\"") {
      if (pos >= toks.size() || !toks[pos].is_string) fail(start, "missing string");
      prog.strings.push_back(toks[pos].text);
      emit(seg, {OP_STRING, (int64_t)prog.strings.size() - 1}, "s\" " + toks[pos].text + "\"");
      out << ind << "s\" " << toks[pos].text << "\"\n";
      pos++;
      return;
    }
    if (w == "if") {
      size_t at = emit(seg, {OP_IF_FALSE, 0}, "if");
      segments[seg].local_targets.push_back(at + 1);
      out << ind << "if\n";
      std::string stop = compile_block(seg, pos, {"else", "then"}, false, out, depth + 1);
      if (stop.empty()) fail(start, "'if' is missing its closing 'then'");
      if (stop == "else") {
        size_t jump = emit(seg, {OP_JUMP, 0}, "");
        segments[seg].local_targets.push_back(jump + 1);
        segments[seg].code[at + 1] = (int64_t)segments[seg].code.size();
        out << ind << "else\n";
        if (compile_block(seg, pos, {"then"}, false, out, depth + 1).empty()) {
          fail(start, "'if' is missing its closing 'then'");
        }
        segments[seg].code[jump + 1] = (int64_t)segments[seg].code.size();
      } else {
        segments[seg].code[at + 1] = (int64_t)segments[seg].code.size();
      }
      out << ind << "then\n";
      return;
    }
    if (w == "do") {
      size_t at_do = emit(seg, {OP_DO, 0, 0}, "do");
      segments[seg].local_targets.push_back(at_do + 1);
      size_t body = segments[seg].code.size();
      out << ind << "do\n";
      loop_depth++;
      std::string stop = compile_block(seg, pos, {"loop", "+loop"}, false, out, depth + 1);
      loop_depth--;
      if (stop.empty()) fail(start, "'do' is missing its closing 'loop'");
      size_t at = emit(seg, {stop == "loop" ? OP_LOOP : OP_PLUSLOOP, (int64_t)body}, stop);
      segments[seg].local_targets.push_back(at + 1);
      segments[seg].code[at_do + 1] = (int64_t)segments[seg].code.size();
      out << ind << stop << "\n";
      return;
    }
    if (w == "begin") {
      size_t body = segments[seg].code.size();
      out << ind << "begin\n";
      std::string stop = compile_block(seg, pos, {"again", "until", "while"}, false, out, depth + 1);
      if (stop.empty()) fail(start, "'begin' is missing its closing 'again', 'until', or 'while ... repeat'");
      if (stop == "again" || stop == "until") {
        size_t at = emit(seg, {stop == "again" ? OP_JUMP : OP_UNTIL, (int64_t)body}, stop);
        segments[seg].local_targets.push_back(at + 1);
        out << ind << stop << "\n";
        return;
      }
      size_t wat = emit(seg, {OP_IF_FALSE, 0}, "while");
      segments[seg].local_targets.push_back(wat + 1);
      out << ind << "while\n";
      if (compile_block(seg, pos, {"repeat"}, false, out, depth + 1).empty()) {
        fail(start, "'while' is missing its closing 'repeat'");
      }
      size_t at = emit(seg, {OP_JUMP, (int64_t)body}, "repeat");
      segments[seg].local_targets.push_back(at + 1);
      segments[seg].code[wat + 1] = (int64_t)segments[seg].code.size();
      out << ind << "repeat\n";
      return;
    }
    if (w == "case") {
      out << ind << "case\n";
      std::vector<size_t> ends;
      while (true) {
        std::string stop = compile_block(seg, pos, {"of", "endcase"}, false, out, depth + 1);
        if (stop.empty()) fail(start, "'case' is missing its closing 'endcase'");
        if (stop == "endcase") break;
        size_t at = emit(seg, {OP_OF, 0}, "of");
        segments[seg].local_targets.push_back(at + 1);
        out << ind << indent(1) << "of\n";
        if (compile_block(seg, pos, {"endof"}, false, out, depth + 2).empty()) {
          fail(start, "'of' is missing its closing 'endof'");
        }
        size_t jump = emit(seg, {OP_JUMP, 0}, "endof");
        segments[seg].local_targets.push_back(jump + 1);
        ends.push_back(jump + 1);
        segments[seg].code[at + 1] = (int64_t)segments[seg].code.size();
        out << ind << indent(1) << "endof\n";
      }
      emit(seg, {OP_DROP}, "endcase");
      for (size_t e : ends) segments[seg].code[e] = (int64_t)segments[seg].code.size();
      out << ind << "endcase\n";
      return;
    }
    if (w == "exit") {
      emit(seg, {seg == 0 ? OP_END : OP_RETURN}, "exit");
      out << ind << "exit\n";
      return;
    }
    if (w == "recurse") {
      if (seg == 0) fail(start, "'recurse' outside of a word definition");
      size_t at = emit(seg, {OP_CALL, (int64_t)seg - 1}, "recurse");
      segments[seg].call_targets.push_back(at + 1);
      out << ind << "recurse\n";
      return;
    }
    if ((w == "i" && loop_depth < 1) || (w == "j" && loop_depth < 2) || (w == "k" && loop_depth < 3)) {
      fail(start, "only allowed in a 'do' loop");
    }
    auto bi = builtin_words().find(w);
    if (bi != builtin_words().end()) {
      emit(seg, {bi->second}, w);
      out << ind << w << "\n";
      return;
    }
    int k;
    if ((k = find(prog.word_names, w)) >= 0) {
      size_t at = emit(seg, {OP_CALL, k}, w);
      segments[seg].call_targets.push_back(at + 1);
      out << ind << w << "\n";
      return;
    }
    if ((k = find(prog.variable_names, w)) >= 0) {
      const std::string next = pos < toks.size() ? toks[pos].text : "";
      Op op = next == "@" ? OP_GET : next == "!" ? OP_PUT : next == "+!" ? OP_INC : OP_END;
      if (op == OP_END) fail(start, "missing '!', '+!', or '@' after variable name");
      pos++;
      emit(seg, {op, k}, w + " " + next);
      out << ind << w << " " << next << "\n";
      return;
    }
    if ((k = find(prog.input_names, w)) >= 0) {
      compile_input(seg, pos, start, k, out, ind);
      return;
    }
    if ((k = find(prog.output_names, w)) >= 0) {
      const std::string next = pos < toks.size() ? toks[pos].text : "";
      if (next == "<-" || next == "+<-") {
        if (pos + 1 >= toks.size() || toks[pos + 1].text != "stack") {
          fail(start, "missing 'stack' after '" + next + "'");
        }
        pos += 2;
        emit(seg, {next == "<-" ? OP_OUT_WRITE : OP_OUT_WRITE_ADD, k}, w + " " + next + " stack");
        out << ind << w << " " << next << " stack\n";
        return;
      }
      Op op = next == "len" ? OP_OUT_LEN : next == "rewind" ? OP_OUT_REWIND : next == "dup" ? OP_OUT_DUP : OP_END;
      if (op == OP_END) fail(start, "missing '<- stack', '+<- stack', 'len', 'rewind', or 'dup' after output name");
      pos++;
      emit(seg, {op, k}, w + " " + next);
      out << ind << w << " " << next << "\n";
      return;
    }
    fail(start, "unrecognized word or wrong context for word");
  }

  void compile_input(size_t seg, size_t& pos, size_t start, int k, std::ostringstream& out,
                     const std::string& ind) {
    const std::string& w = toks[start].text;
    const std::string next = pos < toks.size() ? toks[pos].text : "";
    static const std::map<std::string, Op> simple = {
        {"len", OP_IN_LEN},   {"pos", OP_IN_POS},       {"end", OP_IN_END}, {"seek", OP_IN_SEEK},
        {"skip", OP_IN_SKIP}, {"skipws", OP_IN_SKIPWS}, {"peek", OP_IN_PEEK}};
    auto it = simple.find(next);
    if (it != simple.end()) {
      pos++;
      emit(seg, {it->second, k}, w + " " + next);
      out << ind << w << " " << next << "\n";
      return;
    }
    if (next == "enum" || next == "enumonly") {
      pos++;
      int64_t first = (int64_t)prog.strings.size(), count = 0;
      std::string text = w + " " + next;
      while (pos + 1 < toks.size() && toks[pos].text == "s\"" && toks[pos + 1].is_string) {
        prog.strings.push_back(toks[pos + 1].text);
        text += " s\" " + toks[pos + 1].text + "\"";
        pos += 2;
        count++;
      }
      if (count == 0) fail(start, "missing s\" strings after '" + next + "'");
      emit(seg, {OP_ENUM, k, first, count, next == "enumonly" ? 1 : 0}, text);
      out << ind << text << "\n";
      return;
    }
    int64_t flags;
    if (!parse_read_word(next, flags)) {
      fail(start, "missing '*-> stack/output', 'seek', 'skip', 'skipws', 'end', 'pos', or 'len' after input name");
    }
    pos++;
    const std::string target = pos < toks.size() ? toks[pos].text : "";
    int64_t kind = flags & 255;
    int o = -1;
    if (target == "stack") {
      if (kind == RK_TEXTFLOAT || kind == RK_QUOTEDSTR) {
        fail(start, "'stack' not allowed after '" + next + "'");
      }
    } else if ((o = find(prog.output_names, target)) < 0) {
      fail(start, "missing 'stack' or output name after '" + next + "'");
    }
    if (kind == RK_QUOTEDSTR && (flags & READ_REPEATED)) fail(start, "'#' not allowed with 'quotedstr->'");
    pos++;
    Op op = OP_READ;
    int64_t size = read_kind_size(kind);
    if (size != 0) {  // fixed-size kinds have fast paths
      flags |= size << READ_SIZE_SHIFT;
      if (o >= 0) {
        op = OP_READ_OUT;
        int64_t conv = read_converter_index(kind, (flags & READ_BIGENDIAN) != 0, (int)prog.output_dtypes[(size_t)o]);
        flags |= conv << READ_CONVERTER_SHIFT;
      } else if (!(flags & READ_REPEATED)) {
        op = OP_READ_STACK;
      }
    }
    emit(seg, {op, flags, k, o}, w + " " + next + " " + target);
    out << ind << w << " " << next << " " << target << "\n";
  }
};

}  // namespace

Program compile_forth(const std::string& source) { return Compiler(source).run(); }

}  // namespace awkward_forth
