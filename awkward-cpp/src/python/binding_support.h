// Argument checking shared by the generated kernel bindings (bindings_generated.cpp).
//
// Bindings are raw METH_FASTCALL functions: pybind11's generic dispatch and py::array_t
// conversions cost microseconds per call, while PyObject_GetBuffer on a numpy array is a few
// tens of nanoseconds. Every check happens before the kernel runs, so a wrong dtype, a
// non-contiguous or read-only array, or a buffer shorter than the spec's min_length raises
// TypeError/ValueError naming the kernel and the argument instead of reading out of bounds.
#ifndef AWKWARD_BINDING_SUPPORT_H_
#define AWKWARD_BINDING_SUPPORT_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "awkward/kernels.h"

namespace akbind {

struct DType {
  char kind;           // 'i' signed, 'u' unsigned, 'b' bool, 'f' float
  Py_ssize_t itemsize;
  const char* name;
};

inline std::string int128_to_string(__int128 value) {
  if (value == 0) return "0";
  bool negative = value < 0;
  unsigned __int128 magnitude = negative ? -(unsigned __int128)value : (unsigned __int128)value;
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return negative ? "-" + digits : digits;
}

// Decodes a struct-module format ("l", "<q", "=i", "?", ...) into kind + itemsize.
inline bool format_matches(const char* format, Py_ssize_t itemsize, const DType& want) {
  if (format == nullptr) format = "B";
  char prefix = format[0];
  if (prefix == '@' || prefix == '=' || prefix == '<' || prefix == '>' || prefix == '!') {
    bool little_host = true;
    {
      const uint16_t probe = 1;
      little_host = *reinterpret_cast<const uint8_t*>(&probe) == 1;
    }
    if ((prefix == '<' && !little_host) || ((prefix == '>' || prefix == '!') && little_host)) {
      if (itemsize != 1) return false;  // byte order matters only for multi-byte items
    }
    format++;
  }
  if (format[0] == '\0' || format[1] != '\0') return false;
  char kind;
  switch (format[0]) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': kind = 'i'; break;
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': kind = 'u'; break;
    case '?': kind = 'b'; break;
    case 'e': case 'f': case 'd': kind = 'f'; break;
    default: return false;
  }
  return kind == want.kind && itemsize == want.itemsize;
}

inline const char* describe_format(const char* format, Py_ssize_t itemsize, std::string* out) {
  *out = std::string("format '") + (format ? format : "B") + "' with itemsize " +
         std::to_string(static_cast<long long>(itemsize));
  return out->c_str();
}

// Owns one exported buffer; released when the binding returns.
class Buffer {
 public:
  Buffer() : held_(false) {}
  ~Buffer() {
    if (held_) PyBuffer_Release(&view_);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  void* data() const { return view_.buf; }

  bool acquire(const char* symbol, const char* arg, PyObject* obj, const DType& dtype,
               bool writable, __int128 min_length, const char* min_length_expr) {
    if (min_length < 0) {
      PyErr_Format(PyExc_ValueError,
                   "%s: argument '%s' would need a negative length (%s = %s)",
                   symbol, arg, min_length_expr, int128_to_string(min_length).c_str());
      return false;
    }
    int flags = PyBUF_FORMAT | PyBUF_ND | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, &view_, flags) != 0) {
      PyErr_Clear();
      explain_failure(symbol, arg, obj, dtype, writable);
      return false;
    }
    held_ = true;
    if (!format_matches(view_.format, view_.itemsize, dtype)) {
      std::string found;
      PyErr_Format(PyExc_TypeError, "%s: argument '%s' must have dtype %s, got a buffer of %s",
                   symbol, arg, dtype.name, describe_format(view_.format, view_.itemsize, &found));
      return false;
    }
    const Py_ssize_t items = view_.itemsize > 0 ? view_.len / view_.itemsize : 0;
    if (static_cast<__int128>(items) < min_length) {
      PyErr_Format(PyExc_ValueError,
                   "%s: argument '%s' has %zd items but needs at least %s = %s",
                   symbol, arg, items, min_length_expr, int128_to_string(min_length).c_str());
      return false;
    }
    return true;
  }

 private:
  // Slow path only: find out why the exporter refused, to say so precisely.
  static void explain_failure(const char* symbol, const char* arg, PyObject* obj,
                              const DType& dtype, bool writable) {
    Py_buffer probe;
    if (PyObject_GetBuffer(obj, &probe, PyBUF_FORMAT | PyBUF_STRIDES) != 0) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError,
                   "%s: argument '%s' must be a contiguous %s array (buffer protocol), got %s",
                   symbol, arg, dtype.name, Py_TYPE(obj)->tp_name);
      return;
    }
    bool contiguous = PyBuffer_IsContiguous(&probe, 'C') != 0;
    bool readonly = probe.readonly != 0;
    PyBuffer_Release(&probe);
    if (!contiguous) {
      PyErr_Format(PyExc_ValueError, "%s: argument '%s' must be C-contiguous", symbol, arg);
    } else if (writable && readonly) {
      PyErr_Format(PyExc_ValueError, "%s: output argument '%s' must be writable, got a read-only buffer",
                   symbol, arg);
    } else {
      PyErr_Format(PyExc_TypeError, "%s: argument '%s' could not be exported as a %s buffer",
                   symbol, arg, dtype.name);
    }
  }

  Py_buffer view_;
  bool held_;
};

inline bool check_nargs(const char* symbol, Py_ssize_t nargs, Py_ssize_t expected) {
  if (nargs == expected) return true;
  PyErr_Format(PyExc_TypeError, "%s takes %zd positional arguments, got %zd", symbol, expected,
               nargs);
  return false;
}

inline bool scalar_int64(const char* symbol, const char* arg, PyObject* obj, int64_t* out) {
  if (PyBool_Check(obj) || !(PyLong_Check(obj) || PyIndex_Check(obj))) {
    PyErr_Format(PyExc_TypeError, "%s: argument '%s' must be an int, got %s", symbol, arg,
                 Py_TYPE(obj)->tp_name);
    return false;
  }
  int overflow = 0;
  long long value;
  if (PyLong_CheckExact(obj)) {
    value = PyLong_AsLongLongAndOverflow(obj, &overflow);
  } else {
    PyObject* index = PyNumber_Index(obj);
    if (index == nullptr) return false;
    value = PyLong_AsLongLongAndOverflow(index, &overflow);
    Py_DECREF(index);
  }
  if (overflow != 0) {
    PyErr_Format(PyExc_ValueError, "%s: argument '%s' is outside the int64 range", symbol, arg);
    return false;
  }
  if (value == -1 && PyErr_Occurred()) return false;
  *out = static_cast<int64_t>(value);
  return true;
}

inline bool scalar_bool(const char* symbol, const char* arg, PyObject* obj, bool* out) {
  const char* type_name = Py_TYPE(obj)->tp_name;
  bool numpy_bool = std::strcmp(type_name, "numpy.bool") == 0 || std::strcmp(type_name, "numpy.bool_") == 0;
  if (!(PyLong_Check(obj) || numpy_bool || PyIndex_Check(obj))) {
    PyErr_Format(PyExc_TypeError, "%s: argument '%s' must be a bool or int, got %s", symbol, arg,
                 type_name);
    return false;
  }
  int truth = PyObject_IsTrue(obj);
  if (truth < 0) return false;
  *out = truth != 0;
  return true;
}

// Large kernels run without the GIL (other threads may proceed); tiny ones keep it, because
// releasing and re-taking costs more than the loop.
class ReleaseGilIfLarge {
 public:
  explicit ReleaseGilIfLarge(__int128 work) : state_(nullptr) {
    if (work > (static_cast<__int128>(1) << 16)) state_ = PyEval_SaveThread();
  }
  ~ReleaseGilIfLarge() {
    if (state_ != nullptr) PyEval_RestoreThread(state_);
  }

 private:
  PyThreadState* state_;
};

inline PyObject* result(const Error& err) {
  if (err.str == nullptr) Py_RETURN_NONE;
  return Py_BuildValue("(sL)", err.str, static_cast<long long>(err.index));
}

}  // namespace akbind

#endif  // AWKWARD_BINDING_SUPPORT_H_
