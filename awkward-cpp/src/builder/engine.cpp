// Type discovery of the compiled ArrayBuilder engine, call for call as the Python engine
// (awkward/_builder) does; the calls return false, with nothing changed, when the call must
// hand off to the Python engine (see builder.cpp).
#include "engine.h"

#include <cstring>

namespace awkward_builder {

int64_t node_len(const Node* n) {
  switch (n->kind) {
    case UNKNOWN: return 0;
    case BOOL: return (int64_t)n->bytes.size();
    case INT64:
    case DATETIME:
    case TIMEDELTA: return (int64_t)n->ints.size();
    case FLOAT64: return (int64_t)n->reals.size();
    case COMPLEX: return (int64_t)n->reals.size() / 2;
    case STRING:
    case LIST: return (int64_t)n->ints.size() - 1;
    case RECORD:
    case TUPLE: return n->length;
    case OPTION: return (int64_t)n->ints.size() - (n->children[0]->active ? 1 : 0);
    case UNION: return (int64_t)n->bytes.size() - (n->active ? 1 : 0);
  }
  return 0;
}

// A missing value appended to the (inactive) node in *slot: wraps it in an option.

void push_null(Node** slot) {
  Node* n = *slot;
  if (n->kind != OPTION) {
    int64_t len = node_len(n);
    Node* opt = new Node(OPTION);
    opt->ints.reserve(len + 1);
    for (int64_t i = 0; i < len; i++) opt->ints.push_back(i);
    opt->length = len;
    opt->children.push_back(n);
    *slot = opt;
    n = opt;
  }
  n->ints.push_back(-1);
}

Node* nulls(int64_t length) {
  Node* unknown = new Node(UNKNOWN);
  if (length == 0) return unknown;
  Node* opt = new Node(OPTION);
  opt->ints.assign(length, -1);
  opt->children.push_back(unknown);
  return opt;
}


// The option on the way to a value: its index records the new entry after the content took it.
inline void option_entry(Node* opt) {
  if (opt != nullptr) {
    opt->ints.push_back(opt->length);
    opt->length++;
  }
}

inline Node** through_option(Node** slot, Node** opt) {
  if ((*slot)->kind == OPTION) {
    *opt = *slot;
    return &(*slot)->children[0];
  }
  *opt = nullptr;
  return slot;
}

inline void replace(Node** slot, Node* fresh) {
  delete *slot;
  *slot = fresh;
}

// record names and units are str: compared without running Python code (no reentrancy)
bool names_equal(PyObject* a, PyObject* b) {
  if (a == b) return true;
  int cmp = PyUnicode_Compare(a, b);
  if (cmp == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return false;
  }
  return cmp == 0;
}

bool is_number(Kind k) { return k == INT64 || k == FLOAT64 || k == COMPLEX; }

// Whether the (inactive, non-union) node ``n`` takes ``v`` without becoming a union.
bool accepts(const Node* n, const Value& v) {
  switch (n->kind) {
    case UNKNOWN: return true;
    case BOOL: return v.kind == BOOL;
    case INT64:
    case FLOAT64:
    case COMPLEX: return is_number(v.kind);
    case STRING: return v.kind == STRING;  // a string and a bytestring share a column
    case LIST: return v.kind == LIST;
    case RECORD:
      return v.kind == RECORD && (v.name == nullptr || (n->name != nullptr && names_equal(v.name, n->name)));
    case TUPLE: return v.kind == TUPLE && (int64_t)n->children.size() == v.i;
    case DATETIME:
    case TIMEDELTA: return v.kind == n->kind && names_equal(v.name, n->name);
    default: return false;
  }
}

// Whether the union content ``n`` has the routing key of ``v`` (records: the same name).
bool same_key(const Node* n, const Value& v) {
  switch (v.kind) {
    case BOOL: return n->kind == BOOL;
    case INT64:
    case FLOAT64:
    case COMPLEX: return is_number(n->kind);
    case STRING: return n->kind == STRING && n->is_bytes == v.is_bytes;
    case LIST: return n->kind == LIST;
    case RECORD:
      if (n->kind != RECORD) return false;
      if (v.name == nullptr || n->name == nullptr) return v.name == n->name;
      return names_equal(v.name, n->name);
    case TUPLE: return n->kind == TUPLE && (int64_t)n->children.size() == v.i;
    case DATETIME:
    case TIMEDELTA: return n->kind == v.kind && names_equal(v.name, n->name);
    default: return false;
  }
}

// ``v`` into the node in *slot, which accepts it; opens it for begin_* (pushed on the stack)
void take(Engine* e, Node** slot, const Value& v, Node* parent_union) {
  Node* n = *slot;
  if (n->kind == UNKNOWN) {
    Node* fresh = new Node(v.kind);
    if (v.kind == STRING) fresh->is_bytes = v.is_bytes;
    if (v.kind == RECORD || v.kind == DATETIME || v.kind == TIMEDELTA) {
      Py_XINCREF(v.name);
      fresh->name = v.name;
    } else if (v.kind == TUPLE) {
      for (int64_t i = 0; i < v.i; i++) fresh->children.push_back(new Node(UNKNOWN));
    }
    replace(slot, fresh);
    n = fresh;
  } else if (v.kind == FLOAT64 && n->kind == INT64) {
    Node* f = new Node(FLOAT64);
    f->reals.assign(n->ints.begin(), n->ints.end());
    replace(slot, f);
    n = f;
  } else if (v.kind == COMPLEX && n->kind != COMPLEX) {
    Node* c = new Node(COMPLEX);
    size_t len = n->kind == INT64 ? n->ints.size() : n->reals.size();
    c->reals.assign(2 * len, 0.0);
    for (size_t i = 0; i < len; i++) {
      c->reals[2 * i] = n->kind == INT64 ? (double)n->ints[i] : n->reals[i];
    }
    replace(slot, c);
    n = c;
  }
  switch (v.kind) {
    case BOOL: n->bytes.push_back(v.flag ? 1 : 0); return;
    case DATETIME:
    case TIMEDELTA: n->ints.push_back(v.i); return;
    case INT64:
    case FLOAT64:
    case COMPLEX: {
      double re = v.is_int ? (double)v.i : v.re;
      if (n->kind == INT64) n->ints.push_back(v.i);
      else if (n->kind == FLOAT64) n->reals.push_back(re);
      else {
        n->reals.push_back(re);
        n->reals.push_back(v.kind == COMPLEX ? v.im : 0.0);
      }
      return;
    }
    case STRING:
      n->bytes.insert(n->bytes.end(), (const uint8_t*)v.data, (const uint8_t*)v.data + v.size);
      n->ints.push_back((int64_t)n->bytes.size());
      return;
    default:  // LIST, RECORD, TUPLE
      n->active = true;
      n->current = -1;
      e->stack.push_back(Open{n, parent_union});
      return;
  }
}

// A node that does not take a value becomes the first content of a union.
Node* wrap_union(Node* n) {
  int64_t len = node_len(n);
  Node* u = new Node(UNION);
  u->bytes.assign(len, 0);
  u->ints.reserve(len);
  for (int64_t i = 0; i < len; i++) u->ints.push_back(i);
  u->counts.push_back(len);
  u->children.push_back(n);
  return u;
}

// Route ``v`` into the union ``u`` (a content of the same key, or a new one); false when
// a 128th content would be needed (Python raises).
bool union_take(Engine* e, Node* u, const Value& v) {
  size_t ncontents = u->children.size();
  size_t slot = ncontents;
  for (size_t i = 0; i < ncontents; i++) {
    if (same_key(u->children[i], v)) {
      slot = i;
      break;
    }
  }
  if (slot == ncontents && v.kind == RECORD && v.name == nullptr) {
    for (size_t i = 0; i < ncontents; i++) {
      if (u->children[i]->kind == RECORD) {
        slot = i;
        break;
      }
    }
  }
  if (slot == ncontents) {
    if (ncontents >= 127) return false;
    u->children.push_back(new Node(UNKNOWN));
    u->counts.push_back(0);
    if (ncontents + 1 > e->most_contents) e->most_contents = ncontents + 1;
  }
  Node** content = &u->children[slot];
  take(e, content, v, u);
  u->bytes.push_back((uint8_t)slot);
  u->ints.push_back(u->counts[slot]++);
  if ((*content)->active) {
    u->current = (int64_t)slot;
    u->active = true;
  }
  return true;
}

bool add(Engine* e, const Value& v) {
  Node** slot = e->target();
  if (slot == nullptr) return false;
  Node* opt;
  slot = through_option(slot, &opt);
  Node* n = *slot;
  if (n->kind == UNION) {
    if (!union_take(e, n, v)) return false;
  } else if (accepts(n, v)) {
    take(e, slot, v, nullptr);
  } else {
    *slot = wrap_union(n);
    union_take(e, *slot, v);  // a union of one content has room
  }
  option_entry(opt);
  return true;
}

bool add_null(Engine* e) {
  Node** slot = e->target();
  if (slot == nullptr) return false;
  push_null(slot);
  return true;
}

// The innermost open node closes: the union it belongs to has no open content any more.
void close_top(Engine* e) {
  Open top = e->stack.back();
  e->stack.pop_back();
  top.node->active = false;
  top.node->current = -1;
  if (top.parent != nullptr) {
    top.parent->current = -1;
    top.parent->active = false;
  }
}

bool end_list(Engine* e) {
  if (e->stack.empty()) return false;
  Node* c = e->stack.back().node;
  if (c->kind != LIST) return false;
  c->ints.push_back(node_len(c->children[0]));
  close_top(e);
  return true;
}

// end_record/end_tuple: fields missing in this row become None
bool end_fields(Engine* e, Kind kind) {
  if (e->stack.empty()) return false;
  Node* c = e->stack.back().node;
  if (c->kind != kind) return false;
  int64_t length = c->length;
  for (Node*& child : c->children) {
    if (node_len(child) == length) push_null(&child);
  }
  c->length = length + 1;
  close_top(e);
  return true;
}

bool select_field(Engine* e, PyObject* key) {
  if (e->stack.empty()) return false;
  Node* c = e->stack.back().node;
  if (c->kind != RECORD) return false;
  size_t nkeys = c->keys.size();
  size_t slot = nkeys;
  for (size_t i = 0; i < nkeys; i++) {
    if (c->keys[i] == key) {
      slot = i;
      break;
    }
  }
  if (slot == nkeys) {
    for (size_t i = 0; i < nkeys; i++) {
      if (PyUnicode_Compare(c->keys[i], key) == 0) {
        slot = i;
        break;
      }
    }
    if (PyErr_Occurred()) PyErr_Clear();
  }
  if (slot == nkeys) {
    Py_INCREF(key);
    c->keys.push_back(key);
    c->children.push_back(nulls(c->length));
  } else if (node_len(c->children[slot]) > c->length) {
    return false;  // filled more than once: Python raises
  }
  c->current = (int64_t)slot;
  return true;
}

bool select_index(Engine* e, int64_t i) {
  if (e->stack.empty()) return false;
  Node* c = e->stack.back().node;
  if (c->kind != TUPLE) return false;
  if (i < 0 || i >= (int64_t)c->children.size()) return false;
  if (node_len(c->children[i]) > c->length) return false;
  c->current = i;
  return true;
}


// ---------------------------------------------------------------------- state export
PyObject* vec_bytes(const void* data, size_t nbytes, bool with_data) {
  if (!with_data) return PyBytes_FromStringAndSize(nullptr, 0);
  return PyBytes_FromStringAndSize((const char*)data, (Py_ssize_t)nbytes);
}

PyObject* export_node(const Node* n, bool d) {
  switch (n->kind) {
    case UNKNOWN: return Py_BuildValue("(s)", "unknown");
    case BOOL: return Py_BuildValue("(sN)", "bool", vec_bytes(n->bytes.data(), n->bytes.size(), d));
    case INT64: return Py_BuildValue("(sN)", "int64", vec_bytes(n->ints.data(), 8 * n->ints.size(), d));
    case DATETIME:
    case TIMEDELTA:
      return Py_BuildValue("(sON)", n->kind == DATETIME ? "datetime" : "timedelta", n->name,
                           vec_bytes(n->ints.data(), 8 * n->ints.size(), d));
    case FLOAT64:
      return Py_BuildValue("(sN)", "float64", vec_bytes(n->reals.data(), 8 * n->reals.size(), d));
    case COMPLEX:
      return Py_BuildValue("(sN)", "complex", vec_bytes(n->reals.data(), 8 * n->reals.size(), d));
    case STRING:
      return Py_BuildValue("(sONN)", "string", n->is_bytes ? Py_True : Py_False,
                           vec_bytes(n->ints.data(), 8 * n->ints.size(), d),
                           vec_bytes(n->bytes.data(), n->bytes.size(), d));
    case LIST: {
      PyObject* content = export_node(n->children[0], d);
      if (content == nullptr) return nullptr;
      return Py_BuildValue("(sNON)", "list", vec_bytes(n->ints.data(), 8 * n->ints.size(), d),
                           n->active ? Py_True : Py_False, content);
    }
    case OPTION: {
      PyObject* content = export_node(n->children[0], d);
      if (content == nullptr) return nullptr;
      return Py_BuildValue("(sNLN)", "option", vec_bytes(n->ints.data(), 8 * n->ints.size(), d),
                           (long long)n->length, content);
    }
    case UNION:
    case RECORD:
    case TUPLE: {
      PyObject* children = PyList_New((Py_ssize_t)n->children.size());
      if (children == nullptr) return nullptr;
      for (size_t i = 0; i < n->children.size(); i++) {
        PyObject* child = export_node(n->children[i], d);
        if (child == nullptr) {
          Py_DECREF(children);
          return nullptr;
        }
        PyList_SET_ITEM(children, (Py_ssize_t)i, child);
      }
      if (n->kind == UNION) {
        PyObject* counts = PyList_New((Py_ssize_t)n->counts.size());
        if (counts == nullptr) {
          Py_DECREF(children);
          return nullptr;
        }
        for (size_t i = 0; i < n->counts.size(); i++) {
          PyList_SET_ITEM(counts, (Py_ssize_t)i, PyLong_FromLongLong(n->counts[i]));
        }
        return Py_BuildValue("(sNNNLN)", "union", vec_bytes(n->bytes.data(), n->bytes.size(), d),
                             vec_bytes(n->ints.data(), 8 * n->ints.size(), d), counts,
                             (long long)n->current, children);
      }
      if (n->kind == TUPLE) {
        return Py_BuildValue("(sLOLN)", "tuple", (long long)n->length, n->active ? Py_True : Py_False,
                             (long long)n->current, children);
      }
      PyObject* keys = PyList_New((Py_ssize_t)n->keys.size());
      if (keys == nullptr) {
        Py_DECREF(children);
        return nullptr;
      }
      for (size_t i = 0; i < n->keys.size(); i++) {
        Py_INCREF(n->keys[i]);
        PyList_SET_ITEM(keys, (Py_ssize_t)i, n->keys[i]);
      }
      return Py_BuildValue("(sONLOLN)", "record", n->name ? n->name : Py_None, keys,
                           (long long)n->length, n->active ? Py_True : Py_False,
                           (long long)n->current, children);
    }
  }
  Py_RETURN_NONE;
}


// ---------------------------------------------------------------------- whole objects
// append(obj) of a *plain* object (exact None, bool, int in int64, float, complex, str
// without lone surrogates, bytes, and lists, tuples and dicts with str keys of those) replays
// it as explicit calls, as the Python engine's append does (its fast paths build the same).
// The scan first makes sure that no call past the first one can fail: values convert, keys
// are str, every field/slot is filled once, and no union can reach 128 contents (a plain
// object brings at most 6 keys plus one per distinct tuple size). Anything else, and a
// first call that does not take (nothing changed yet), goes to the Python engine.
constexpr int MAX_DEPTH = 200;
constexpr size_t MAX_TUPLE_SIZES = 16;

bool scan_plain(PyObject* obj, int depth, std::vector<Py_ssize_t>& tuple_sizes) {
  PyTypeObject* t = Py_TYPE(obj);
  if (obj == Py_None || t == &PyBool_Type || t == &PyFloat_Type || t == &PyComplex_Type ||
      t == &PyBytes_Type) {
    return true;
  }
  if (t == &PyLong_Type) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow != 0 || (v == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      return false;
    }
    return true;
  }
  if (t == &PyUnicode_Type) {
    if (PyUnicode_AsUTF8AndSize(obj, nullptr) == nullptr) {
      PyErr_Clear();
      return false;
    }
    return true;
  }
  if (depth >= MAX_DEPTH) return false;
  if (t == &PyList_Type) {
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(obj); i++) {
      if (!scan_plain(PyList_GET_ITEM(obj, i), depth + 1, tuple_sizes)) return false;
    }
    return true;
  }
  if (t == &PyTuple_Type) {
    Py_ssize_t n = PyTuple_GET_SIZE(obj);
    bool seen = false;
    for (Py_ssize_t size : tuple_sizes) seen = seen || size == n;
    if (!seen) {
      if (tuple_sizes.size() >= MAX_TUPLE_SIZES) return false;
      tuple_sizes.push_back(n);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
      if (!scan_plain(PyTuple_GET_ITEM(obj, i), depth + 1, tuple_sizes)) return false;
    }
    return true;
  }
  if (t == &PyDict_Type) {
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(obj, &pos, &key, &value)) {
      if (!PyUnicode_Check(key) || !scan_plain(value, depth + 1, tuple_sizes)) return false;
    }
    return true;
  }
  return false;
}

// Only the first call can fail (returns false, nothing changed); a later failure breaks the
// scan's promise: SystemError.
bool append_plain(Engine* e, PyObject* obj, bool first) {
  PyTypeObject* t = Py_TYPE(obj);
  bool ok;
  if (obj == Py_None) {
    ok = add_null(e);
  } else if (t == &PyBool_Type) {
    ok = add_bool(e, obj == Py_True);
  } else if (t == &PyLong_Type) {
    ok = add_int(e, PyLong_AsLongLong(obj));
  } else if (t == &PyFloat_Type) {
    ok = add_real(e, PyFloat_AS_DOUBLE(obj));
  } else if (t == &PyComplex_Type) {
    Py_complex c = PyComplex_AsCComplex(obj);
    ok = add_complex(e, c.real, c.imag);
  } else if (t == &PyUnicode_Type) {
    Py_ssize_t size;
    const char* data = PyUnicode_AsUTF8AndSize(obj, &size);
    ok = add_string(e, data, size, false);
  } else if (t == &PyBytes_Type) {
    ok = add_string(e, PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), true);
  } else if (t == &PyList_Type) {
    ok = begin(e, LIST, nullptr, 0);
    for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(obj); i++) {
      ok = append_plain(e, PyList_GET_ITEM(obj, i), false);
    }
    ok = ok && end_list(e);
  } else if (t == &PyTuple_Type) {
    Py_ssize_t n = PyTuple_GET_SIZE(obj);
    ok = begin(e, TUPLE, nullptr, n);
    for (Py_ssize_t i = 0; ok && i < n; i++) {
      ok = select_index(e, i) && append_plain(e, PyTuple_GET_ITEM(obj, i), false);
    }
    ok = ok && end_fields(e, TUPLE);
  } else {  // dict
    ok = begin(e, RECORD, nullptr, 0);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (ok && PyDict_Next(obj, &pos, &key, &value)) {
      ok = select_field(e, key) && append_plain(e, value, false);
    }
    ok = ok && end_fields(e, RECORD);
  }
  if (!ok && !first && !PyErr_Occurred()) {
    PyErr_SetString(PyExc_SystemError, "ArrayBuilder: compiled append failed after its scan");
  }
  return ok;
}

// 0: appended; 1: the Python side must do it (nothing changed); -1: error set
int try_append(Engine* e, PyObject* obj, std::vector<Py_ssize_t>& tuple_sizes) {
  tuple_sizes.clear();
  if (!scan_plain(obj, 0, tuple_sizes)) return 1;
  if (e->most_contents + 7 + tuple_sizes.size() > 127) return 1;
  if (append_plain(e, obj, true)) return 0;
  return PyErr_Occurred() ? -1 : 1;
}

}  // namespace awkward_builder
