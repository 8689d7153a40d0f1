// The compiled ArrayBuilder engine's node tree and calls (see builder.cpp for the design):
// type discovery in engine.cpp, the Python type in builder.cpp.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <vector>

namespace awkward_builder {

enum Kind : uint8_t {
  UNKNOWN, BOOL, INT64, FLOAT64, COMPLEX, STRING, LIST, RECORD, TUPLE, OPTION, UNION, DATETIME, TIMEDELTA
};

struct Node {
  Kind kind;
  bool active = false;
  bool is_bytes = false;        // STRING: a bytestring column
  int64_t current = -1;         // RECORD/TUPLE: the field being filled; UNION: the open content
  int64_t length = 0;           // RECORD/TUPLE: rows; OPTION: next content position
  std::vector<int64_t> ints;    // INT64/DATETIME/TIMEDELTA data; STRING/LIST offsets; OPTION/UNION index
  std::vector<double> reals;    // FLOAT64 data; COMPLEX interleaved (re, im)
  std::vector<uint8_t> bytes;   // BOOL data; STRING chars; UNION tags
  std::vector<int64_t> counts;  // UNION: entries per content
  std::vector<Node*> children;  // LIST/OPTION: [content]; RECORD/TUPLE: fields; UNION: contents
  std::vector<PyObject*> keys;  // RECORD: field names (owned)
  PyObject* name = nullptr;     // RECORD: record name (owned) or NULL; DATETIME/TIMEDELTA: unit

  explicit Node(Kind k) : kind(k) {
    if (k == STRING || k == LIST) ints.push_back(0);
    if (k == LIST) children.push_back(new Node(UNKNOWN));
  }
  ~Node() {
    for (Node* c : children) delete c;
    for (PyObject* k : keys) Py_DECREF(k);
    Py_XDECREF(name);
  }
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
};


int64_t node_len(const Node* n);

struct Open {
  Node* node;    // an open list/record/tuple
  Node* parent;  // the union whose content it is (its ``current``), or NULL
};

struct Engine {
  Node* root = new Node(UNKNOWN);
  std::vector<Open> stack;  // open lists/records/tuples, innermost last (the cursor)
  size_t most_contents = 1;  // the most contents of any union so far (append's headroom)
  ~Engine() { delete root; }

  // The slot that a value or begin_* call fills, or NULL when the call must hand off
  // (a record/tuple without a selected field, or a field filled twice: Python raises).
  Node** target() {
    if (stack.empty()) return &root;
    Node* c = stack.back().node;
    if (c->kind == LIST) return &c->children[0];
    if (c->current < 0) return nullptr;
    Node** slot = &c->children[c->current];
    if (node_len(*slot) > c->length) return nullptr;
    return slot;
  }
};

// What a value or begin_* call brings (``kind`` is the node kind it makes on an unknown).
struct Value {
  Kind kind;
  bool is_bytes = false;     // STRING: a bytestring
  bool is_int = false;       // INT64 (else FLOAT64/COMPLEX carry reals)
  bool flag = false;         // BOOL
  int64_t i = 0;             // INT64 value; TUPLE numfields
  double re = 0.0, im = 0.0; // FLOAT64 (re), COMPLEX (re, im)
  const char* data = nullptr;
  Py_ssize_t size = 0;       // STRING
  PyObject* name = nullptr;  // RECORD name (NULL for None); DATETIME/TIMEDELTA unit
};


// the calls: false when the call must hand off (nothing was changed)
bool add(Engine* e, const Value& v);
bool add_null(Engine* e);
bool end_list(Engine* e);
bool end_fields(Engine* e, Kind kind);  // end_record/end_tuple
bool select_field(Engine* e, PyObject* key);
bool select_index(Engine* e, int64_t i);

// the calls' values
inline bool add_int(Engine* e, int64_t x) {
  Value v{INT64};
  v.is_int = true;
  v.i = x;
  return add(e, v);
}

inline bool add_real(Engine* e, double x) {
  Value v{FLOAT64};
  v.re = x;
  return add(e, v);
}

inline bool add_complex(Engine* e, double re, double im) {
  Value v{COMPLEX};
  v.re = re;
  v.im = im;
  return add(e, v);
}

inline bool add_bool(Engine* e, bool x) {
  Value v{BOOL};
  v.flag = x;
  return add(e, v);
}

inline bool add_string(Engine* e, const char* data, Py_ssize_t size, bool is_bytes) {
  Value v{STRING};
  v.data = data;
  v.size = size;
  v.is_bytes = is_bytes;
  return add(e, v);
}

// kind LIST, RECORD (with name, NULL for None) or TUPLE (numfields)
inline bool begin(Engine* e, Kind kind, PyObject* name, int64_t numfields) {
  Value v{kind};
  v.name = name;
  v.i = numfields;
  return add(e, v);
}


// the state as nested tuples (buffers as bytes, or empty bytes without data)
PyObject* export_node(const Node* n, bool with_data);

// append of plain Python objects (see engine.cpp)
bool scan_plain(PyObject* obj, int depth, std::vector<Py_ssize_t>& tuple_sizes);
bool append_plain(Engine* e, PyObject* obj, bool first);
int try_append(Engine* e, PyObject* obj, std::vector<Py_ssize_t>& tuple_sizes);

}  // namespace awkward_builder
