// awkward_cpp._builder: the compiled ArrayBuilder engine behind ak.ArrayBuilder.
//
// It discovers types call for call as the Python engine (awkward/_builder) does: unknown,
// bool, int64 -> float64 -> complex128, string/bytestring, datetime64/timedelta64 (one unit
// each), list, record (named or not, fields missing in some rows become options), tuple,
// option and union (contents routed by the same keys). The first call it does not take (a
// call that raises an error, an argument of an unusual type, a 128th union content) HANDS
// OFF: the state is exported once (``_state``), the registered factory builds the Python
// node tree from it, and from then on every call is forwarded to that Python engine. Nothing
// is mutated before a handoff, so the Python engine sees exactly the state the calls built
// and raises its own errors (same types and messages by construction).
//
// The methods use the raw CPython API (METH_FASTCALL): one C call per builder call.
// ak.ArrayBuilder subclasses this type, so ``b.real(x)`` lands here directly.
#include "engine.h"

namespace {

using namespace awkward_builder;

// ---------------------------------------------------------------------- the Python type
PyObject* engine_factory = nullptr;  // state -> Python engine (set by awkward)
PyObject* to_datetime = nullptr;     // x -> (count, unit) of a datetime64 (set by awkward)
PyObject* to_timedelta = nullptr;    // x -> (count, unit) of a timedelta64

struct BuilderObject {
  PyObject_HEAD
  Engine* engine;     // the compiled state, or NULL after a handoff
  PyObject* python;   // the Python engine after a handoff, else NULL
};

Engine* compiled(BuilderObject* self) {
  if (self->engine == nullptr && self->python == nullptr) self->engine = new Engine();
  return self->engine;
}

// Build the Python engine from the compiled state (once); returns a borrowed reference.
PyObject* handoff(BuilderObject* self) {
  if (self->python != nullptr) return self->python;
  if (engine_factory == nullptr) {
    PyErr_SetString(PyExc_RuntimeError,
                    "awkward_cpp._builder: no engine factory registered (import awkward first)");
    return nullptr;
  }
  PyObject* state = export_node(compiled(self)->root, true);
  if (state == nullptr) return nullptr;
  PyObject* python = PyObject_CallOneArg(engine_factory, state);
  Py_DECREF(state);
  if (python == nullptr) return nullptr;
  self->python = python;
  delete self->engine;
  self->engine = nullptr;
  return python;
}

// Forward a call to the Python engine; ``chain`` calls (field/index) return the builder.
PyObject* forward(BuilderObject* self, const char* name, PyObject* const* args, Py_ssize_t nargs,
                  bool chain) {
  PyObject* python = handoff(self);
  if (python == nullptr) return nullptr;
  PyObject* method = PyObject_GetAttrString(python, name);
  if (method == nullptr) return nullptr;
  PyObject* out = PyObject_Vectorcall(method, args, nargs, nullptr);
  Py_DECREF(method);
  if (out == nullptr) return nullptr;
  if (chain) {
    Py_DECREF(out);
    Py_INCREF(self);
    return (PyObject*)self;
  }
  return out;
}

// One argument, positional or by keyword ``kw``; NULL (error set) when missing or extra.
bool one_arg(const char* fname, const char* kw, PyObject* const* args, Py_ssize_t nargs,
             PyObject* kwnames, PyObject** out, bool optional) {
  Py_ssize_t nkw = kwnames == nullptr ? 0 : PyTuple_GET_SIZE(kwnames);
  if (nargs + nkw > 1) {
    PyErr_Format(PyExc_TypeError, "%s() takes at most 1 argument (%zd given)", fname, nargs + nkw);
    return false;
  }
  if (nargs == 1) {
    *out = args[0];
    return true;
  }
  if (nkw == 1) {
    if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, 0), kw) != 0) {
      PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname,
                   PyTuple_GET_ITEM(kwnames, 0));
      return false;
    }
    *out = args[0];
    return true;
  }
  if (optional) {
    *out = nullptr;
    return true;
  }
  PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s'", fname, kw);
  return false;
}

// int64 value of an index-like object; false (no error set) when Python should decide
bool as_int64(PyObject* x, int64_t* out) {
  int overflow = 0;
  if (PyLong_CheckExact(x)) {
    long long v = PyLong_AsLongLongAndOverflow(x, &overflow);
    if (overflow != 0 || (v == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      return false;
    }
    *out = v;
    return true;
  }
  PyObject* index = PyNumber_Index(x);
  if (index == nullptr) {
    PyErr_Clear();
    return false;
  }
  long long v = PyLong_AsLongLongAndOverflow(index, &overflow);
  Py_DECREF(index);
  if (overflow != 0 || (v == -1 && PyErr_Occurred())) {
    PyErr_Clear();
    return false;
  }
  *out = v;
  return true;
}

#define ONE_ARG(FNAME, KW)                                                    \
  PyObject* x;                                                                \
  if (!one_arg(FNAME, KW, args, nargs, kwnames, &x, false)) return nullptr;

#define FORWARD(NAME, CHAIN) return forward(self, NAME, &x, 1, CHAIN)
#define FORWARD0(NAME) return forward(self, NAME, nullptr, 0, false)

PyObject* b_null(BuilderObject* self, PyObject*) {
  Engine* e = compiled(self);
  if (e != nullptr && add_null(e)) Py_RETURN_NONE;
  FORWARD0("null");
}

PyObject* b_boolean(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("boolean", "x");
  Engine* e = compiled(self);
  if (e != nullptr) {
    int truth = x == Py_True ? 1 : (x == Py_False ? 0 : PyObject_IsTrue(x));
    if (truth < 0) PyErr_Clear();
    else if (add_bool(e, truth == 1)) Py_RETURN_NONE;
  }
  FORWARD("boolean", false);
}

PyObject* b_integer(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("integer", "x");
  Engine* e = compiled(self);
  int64_t v;
  if (e != nullptr && as_int64(x, &v) && add_int(e, v)) Py_RETURN_NONE;
  FORWARD("integer", false);
}

PyObject* b_real(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("real", "x");
  Engine* e = compiled(self);
  if (e != nullptr) {
    double v;
    if (PyFloat_CheckExact(x)) {
      v = PyFloat_AS_DOUBLE(x);
    } else {
      PyObject* f = PyNumber_Float(x);  // what float(x) does in the Python engine
      if (f == nullptr) {
        PyErr_Clear();
        FORWARD("real", false);
      }
      v = PyFloat_AS_DOUBLE(f);
      Py_DECREF(f);
    }
    if (add_real(e, v)) Py_RETURN_NONE;
  }
  FORWARD("real", false);
}

PyObject* b_complex(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("complex", "x");
  Engine* e = compiled(self);
  if (e != nullptr) {
    if (PyComplex_CheckExact(x)) {
      Py_complex c = PyComplex_AsCComplex(x);
      if (add_complex(e, c.real, c.imag)) Py_RETURN_NONE;
    } else if (PyFloat_CheckExact(x)) {
      if (add_complex(e, PyFloat_AS_DOUBLE(x), 0.0)) Py_RETURN_NONE;
    } else if (PyLong_CheckExact(x)) {
      double v = PyLong_AsDouble(x);
      if (v == -1.0 && PyErr_Occurred()) PyErr_Clear();
      else if (add_complex(e, v, 0.0)) Py_RETURN_NONE;
    }
  }
  FORWARD("complex", false);
}

PyObject* b_string(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("string", "x");
  Engine* e = compiled(self);
  if (e != nullptr && PyUnicode_CheckExact(x)) {
    Py_ssize_t size;
    const char* data = PyUnicode_AsUTF8AndSize(x, &size);
    if (data == nullptr) {
      PyErr_Clear();  // lone surrogates: the Python engine encodes with surrogateescape
    } else if (add_string(e, data, size, false)) {
      Py_RETURN_NONE;
    }
  }
  FORWARD("string", false);
}

PyObject* b_bytestring(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("bytestring", "x");
  Engine* e = compiled(self);
  if (e != nullptr && PyBytes_CheckExact(x) &&
      add_string(e, PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), true)) {
    Py_RETURN_NONE;
  }
  FORWARD("bytestring", false);
}

// x -> (int64 count, unit) through the registered converter; false (no error) if it fails
bool add_date(Engine* e, Kind kind, PyObject* x) {
  PyObject* convert = kind == DATETIME ? to_datetime : to_timedelta;
  if (convert == nullptr) return false;
  PyObject* parts = PyObject_CallOneArg(convert, x);
  if (parts == nullptr) {
    PyErr_Clear();
    return false;
  }
  bool ok = false;
  if (PyTuple_Check(parts) && PyTuple_GET_SIZE(parts) == 2 && PyUnicode_Check(PyTuple_GET_ITEM(parts, 1))) {
    Value v{kind};
    v.name = PyTuple_GET_ITEM(parts, 1);
    ok = as_int64(PyTuple_GET_ITEM(parts, 0), &v.i) && add(e, v);
  }
  Py_DECREF(parts);
  return ok;
}

PyObject* b_datetime(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("datetime", "x");
  Engine* e = compiled(self);
  if (e != nullptr && add_date(e, DATETIME, x)) Py_RETURN_NONE;
  FORWARD("datetime", false);
}

PyObject* b_timedelta(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("timedelta", "x");
  Engine* e = compiled(self);
  if (e != nullptr && add_date(e, TIMEDELTA, x)) Py_RETURN_NONE;
  FORWARD("timedelta", false);
}

PyObject* b_begin_list(BuilderObject* self, PyObject*) {
  Engine* e = compiled(self);
  if (e != nullptr && begin(e, LIST, nullptr, 0)) Py_RETURN_NONE;
  FORWARD0("begin_list");
}

PyObject* b_end_list(BuilderObject* self, PyObject*) {
  Engine* e = compiled(self);
  if (e != nullptr && end_list(e)) Py_RETURN_NONE;
  FORWARD0("end_list");
}

PyObject* b_begin_record(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs,
                         PyObject* kwnames) {
  PyObject* x;
  if (!one_arg("begin_record", "name", args, nargs, kwnames, &x, true)) return nullptr;
  if (x == nullptr) x = Py_None;
  Engine* e = compiled(self);
  if (e != nullptr && (x == Py_None || PyUnicode_Check(x)) &&
      begin(e, RECORD, x == Py_None ? nullptr : x, 0)) {
    Py_RETURN_NONE;
  }
  FORWARD("begin_record", false);
}

PyObject* b_field(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("field", "key");
  Engine* e = compiled(self);
  if (e != nullptr && PyUnicode_Check(x) && select_field(e, x)) {
    Py_INCREF(self);
    return (PyObject*)self;
  }
  FORWARD("field", true);
}

PyObject* b_end_record(BuilderObject* self, PyObject*) {
  Engine* e = compiled(self);
  if (e != nullptr && end_fields(e, RECORD)) Py_RETURN_NONE;
  FORWARD0("end_record");
}

PyObject* b_begin_tuple(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs,
                        PyObject* kwnames) {
  ONE_ARG("begin_tuple", "numfields");
  Engine* e = compiled(self);
  int64_t n;
  if (e != nullptr && as_int64(x, &n) && n >= 0 && n <= (1 << 20) && begin(e, TUPLE, nullptr, n)) {
    Py_RETURN_NONE;
  }
  FORWARD("begin_tuple", false);
}

PyObject* b_index(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("index", "i");
  Engine* e = compiled(self);
  int64_t i;
  if (e != nullptr && as_int64(x, &i) && select_index(e, i)) {
    Py_INCREF(self);
    return (PyObject*)self;
  }
  FORWARD("index", true);
}

PyObject* b_end_tuple(BuilderObject* self, PyObject*) {
  Engine* e = compiled(self);
  if (e != nullptr && end_fields(e, TUPLE)) Py_RETURN_NONE;
  FORWARD0("end_tuple");
}


PyObject* b_append(BuilderObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  ONE_ARG("append", "obj");
  Engine* e = compiled(self);
  if (e != nullptr) {
    std::vector<Py_ssize_t> tuple_sizes;
    int status = try_append(e, x, tuple_sizes);
    if (status == 0) Py_RETURN_NONE;
    if (status < 0) return nullptr;
  }
  PyObject* name = PyUnicode_InternFromString("_append_other");
  if (name == nullptr) return nullptr;
  PyObject* out = PyObject_CallMethodOneArg((PyObject*)self, name, x);
  Py_DECREF(name);
  return out;
}

// _extend_plain(items): append every item of a list when nothing is open and all of them are
// plain (scanned first: then nothing can fail); False, with nothing changed, otherwise.
// ak.from_iter's fast path (awkward/builder.py).
PyObject* b_extend_plain(BuilderObject* self, PyObject* items) {
  Engine* e = compiled(self);
  if (e == nullptr || !e->stack.empty() || !PyList_CheckExact(items)) Py_RETURN_FALSE;
  std::vector<Py_ssize_t> tuple_sizes;
  Py_ssize_t n = PyList_GET_SIZE(items);
  for (Py_ssize_t i = 0; i < n; i++) {
    if (!scan_plain(PyList_GET_ITEM(items, i), 0, tuple_sizes)) Py_RETURN_FALSE;
  }
  if (e->most_contents + 7 + tuple_sizes.size() > 127) Py_RETURN_FALSE;
  for (Py_ssize_t i = 0; i < n; i++) {
    if (!append_plain(e, PyList_GET_ITEM(items, i), false)) return nullptr;  // SystemError
  }
  Py_RETURN_TRUE;
}

// _state(with_data): the compiled node tree as nested tuples (None after a handoff)
PyObject* b_state(BuilderObject* self, PyObject* with_data) {
  Engine* e = compiled(self);
  if (e == nullptr) Py_RETURN_NONE;
  int d = PyObject_IsTrue(with_data);
  if (d < 0) return nullptr;
  return export_node(e->root, d == 1);
}

// _handoff(): the Python engine (built from the compiled state on the first call)
PyObject* b_handoff(BuilderObject* self, PyObject*) {
  PyObject* python = handoff(self);
  Py_XINCREF(python);
  return python;
}

PyObject* b_python(BuilderObject* self, void*) {
  if (self->python == nullptr) Py_RETURN_NONE;
  Py_INCREF(self->python);
  return self->python;
}

// _reset(): forget everything, back to the compiled engine
PyObject* b_reset(BuilderObject* self, PyObject*) {
  delete self->engine;
  self->engine = new Engine();
  Py_CLEAR(self->python);
  Py_RETURN_NONE;
}

Py_ssize_t b_len(BuilderObject* self) {
  if (self->python != nullptr) return PyObject_Length(self->python);
  return (Py_ssize_t)node_len(compiled(self)->root);
}

PyObject* b_new(PyTypeObject* type, PyObject*, PyObject*) {
  BuilderObject* self = (BuilderObject*)type->tp_alloc(type, 0);
  if (self == nullptr) return nullptr;
  self->engine = new Engine();
  self->python = nullptr;
  return (PyObject*)self;
}

int b_traverse(BuilderObject* self, visitproc visit, void* arg) {
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->python);
  return 0;
}

int b_clear(BuilderObject* self) {
  Py_CLEAR(self->python);
  return 0;
}

void b_dealloc(BuilderObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  b_clear(self);
  delete self->engine;
  self->engine = nullptr;
  type->tp_free((PyObject*)self);
  Py_DECREF(type);
}

#define FAST(name, fn, doc) \
  {name, (PyCFunction)(void (*)(void))fn, METH_FASTCALL | METH_KEYWORDS, doc}
#define NOARGS(name, fn, doc) {name, (PyCFunction)fn, METH_NOARGS, doc}

PyMethodDef builder_methods[] = {
    NOARGS("null", b_null, "Append a missing value."),
    FAST("boolean", b_boolean, "Append a boolean."),
    FAST("integer", b_integer, "Append an integer."),
    FAST("real", b_real, "Append a real number."),
    FAST("complex", b_complex, "Append a complex number."),
    FAST("string", b_string, "Append a string."),
    FAST("bytestring", b_bytestring, "Append a bytestring."),
    FAST("datetime", b_datetime, "Append a datetime."),
    FAST("timedelta", b_timedelta, "Append a timedelta."),
    NOARGS("begin_list", b_begin_list, "Open a list."),
    NOARGS("end_list", b_end_list, "Close the open list."),
    FAST("begin_record", b_begin_record, "Open a record (optionally named)."),
    FAST("field", b_field, "Select the field of the open record; returns the builder."),
    NOARGS("end_record", b_end_record, "Close the open record."),
    FAST("begin_tuple", b_begin_tuple, "Open a tuple of numfields slots."),
    FAST("index", b_index, "Select the slot of the open tuple; returns the builder."),
    NOARGS("end_tuple", b_end_tuple, "Close the open tuple."),
    FAST("append", b_append, "Append a Python object (plain ones here, others via _append_other)."),
    {"_extend_plain", (PyCFunction)b_extend_plain, METH_O,
     "Append every item of a list of plain objects at the top (False: not taken, nothing changed)."},
    {"_state", (PyCFunction)b_state, METH_O, "The compiled state as nested tuples (None after a handoff)."},
    NOARGS("_handoff", b_handoff, "The Python engine, built from the compiled state on first use."),
    NOARGS("_reset", b_reset, "Forget everything: a fresh compiled engine."),
    {nullptr, nullptr, 0, nullptr}};

PyGetSetDef builder_getset[] = {
    {"_python", (getter)b_python, nullptr, "The Python engine after a handoff, else None.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyType_Slot builder_slots[] = {
    {Py_tp_new, (void*)b_new},
    {Py_tp_dealloc, (void*)b_dealloc},
    {Py_tp_traverse, (void*)b_traverse},
    {Py_tp_clear, (void*)b_clear},
    {Py_tp_methods, (void*)builder_methods},
    {Py_tp_getset, (void*)builder_getset},
    {Py_sq_length, (void*)b_len},
    {Py_tp_doc, (void*)"Compiled ArrayBuilder engine (see awkward/_highlevel/builder.py)."},
    {0, nullptr}};

PyType_Spec builder_spec = {
    "awkward_cpp._builder.Builder", sizeof(BuilderObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, builder_slots};

PyObject* set_engine_factory(PyObject*, PyObject* factory) {
  Py_INCREF(factory);
  Py_XSETREF(engine_factory, factory);
  Py_RETURN_NONE;
}

PyObject* set_date_converters(PyObject*, PyObject* args) {
  PyObject *dt, *td;
  if (!PyArg_ParseTuple(args, "OO", &dt, &td)) return nullptr;
  Py_INCREF(dt);
  Py_INCREF(td);
  Py_XSETREF(to_datetime, dt);
  Py_XSETREF(to_timedelta, td);
  Py_RETURN_NONE;
}

PyMethodDef module_methods[] = {
    {"set_date_converters", (PyCFunction)set_date_converters, METH_VARARGS,
     "Register to_datetime(x), to_timedelta(x) -> (int64 count, unit)."},
    {"set_engine_factory", (PyCFunction)set_engine_factory, METH_O,
     "Register factory(state) -> Python engine, used at a handoff."},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef builder_module = {PyModuleDef_HEAD_INIT, "_builder",
                              "Compiled ArrayBuilder engine for awkward.", -1, module_methods};

}  // namespace

PyMODINIT_FUNC PyInit__builder(void) {
  PyObject* m = PyModule_Create(&builder_module);
  if (m == nullptr) return nullptr;
  PyObject* type = PyType_FromSpec(&builder_spec);
  if (type == nullptr || PyModule_AddObject(m, "Builder", type) != 0) {
    Py_XDECREF(type);
    Py_DECREF(m);
    return nullptr;
  }
  return m;
}

