// awkward_cpp._forth: Python bindings of the AwkwardForth machines (ForthMachine32/64).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "awkward/forth/forth_machine.h"

namespace py = pybind11;
using namespace awkward_forth;

namespace {

struct Raise {
  bool flags[16];
};

// Keyword arguments shared by run/resume/step/call: one raise_* flag per runtime error.
const char* raise_names[] = {
    nullptr, nullptr, nullptr, "raise_user_halt", "raise_recursion_depth_exceeded",
    "raise_stack_underflow", "raise_stack_overflow", "raise_read_beyond", "raise_seek_beyond",
    "raise_skip_beyond", "raise_rewind_beyond", "raise_division_by_zero", "raise_varint_too_big",
    "raise_text_number_missing", "raise_quoted_string_missing", "raise_enumeration_missing"};

[[noreturn]] void raise_error(Err e) {
  throw py::value_error(std::string("'") + err_name(e) + "' in AwkwardForth runtime: " + err_description(e));
}

py::object handle(Err e, const py::kwargs& kwargs) {
  if (e == Err::none) return py::none();
  if (e == Err::not_ready || e == Err::is_done) raise_error(e);
  bool do_raise = true;
  const char* name = raise_names[(int)e];
  if (kwargs.contains(name)) do_raise = py::bool_(kwargs[name]);
  if (do_raise) raise_error(e);
  return py::str(err_name(e));
}

void check_kwargs(const py::kwargs& kwargs) {
  for (auto item : kwargs) {
    std::string key = py::str(item.first);
    bool known = false;
    for (int k = 3; k < 16; k++) known = known || key == raise_names[k];
    if (!known) throw py::type_error("unexpected keyword argument: " + key);
  }
}

py::array output_array(const Output& o) {
  py::dtype dt(o.dtype == DType::bool_ ? std::string("?") : std::string(dtype_name(o.dtype)));
  py::array out(dt, std::vector<py::ssize_t>{(py::ssize_t)o.length});
  if (o.length > 0) std::memcpy(out.mutable_data(), o.data.data(), (size_t)(o.length * o.itemsize));
  return out;
}

template <typename T>
class PyMachine {
 public:
  PyMachine(const std::string& source, int64_t stack_max_depth, int64_t recursion_max_depth,
            int64_t string_buffer_size, int64_t output_initial_size, double output_resize_factor)
      : m(source, stack_max_depth, recursion_max_depth, string_buffer_size, output_initial_size,
          output_resize_factor) {}

  Machine<T> m;
  std::vector<py::object> keep;  // the Python objects behind the inputs

  const Program& prog() const { return *m.prog; }

  static int find(const std::vector<std::string>& names, const std::string& n) {
    for (size_t k = 0; k < names.size(); k++) {
      if (names[k] == n) return (int)k;
    }
    return -1;
  }

  std::vector<Input> make_inputs(const py::object& inputs_obj) {
    const auto& names = prog().input_names;
    std::vector<Input> inputs(names.size());
    std::vector<bool> given(names.size(), false);
    std::vector<py::object> new_keep(names.size());
    if (!inputs_obj.is_none()) {
      py::dict given_dict = inputs_obj;
      for (auto item : given_dict) {
        std::string name = py::str(item.first);
        int k = find(names, name);
        if (k < 0) throw py::value_error("input not found: " + name);
        py::object obj = py::reinterpret_borrow<py::object>(item.second);
        py::buffer_info info;
        if (py::isinstance<py::buffer>(obj)) {
          info = py::reinterpret_borrow<py::buffer>(obj).request();
        } else {
          throw py::type_error("AwkwardForth input '" + name + "' must support the buffer protocol (bytes, numpy array, ...)");
        }
        bool contiguous = true;
        py::ssize_t expect = info.itemsize;
        for (py::ssize_t d = info.ndim - 1; d >= 0; d--) {
          if (info.shape[(size_t)d] > 1 && info.strides[(size_t)d] != expect) contiguous = false;
          expect *= info.shape[(size_t)d];
        }
        if (!contiguous) {
          obj = py::module_::import("numpy").attr("ascontiguousarray")(obj);
          info = py::reinterpret_borrow<py::buffer>(obj).request();
        }
        inputs[(size_t)k].ptr = static_cast<const uint8_t*>(info.ptr);
        inputs[(size_t)k].length = (int64_t)(info.size * info.itemsize);
        new_keep[(size_t)k] = obj;
        given[(size_t)k] = true;
      }
    }
    for (size_t k = 0; k < names.size(); k++) {
      if (!given[k]) {
        throw py::value_error("AwkwardForth source code defines an input that was not provided: " + names[k]);
      }
    }
    keep = std::move(new_keep);
    return inputs;
  }

  void begin(const py::object& inputs) { m.begin(make_inputs(inputs)); }

  void begin_again(const py::object& inputs, bool reset_instruction) {
    if (!m.ready) raise_error(Err::not_ready);
    m.inputs = make_inputs(inputs);
    if (reset_instruction) {
      m.ip = 0;
      m.done = false;
      m.rstack.clear();
      m.nloops = 0;
    }
  }

  py::object run(const py::object& inputs, const py::kwargs& kwargs) {
    check_kwargs(kwargs);
    begin(inputs);
    return handle(m.resume(), kwargs);
  }

  py::object resume(const py::kwargs& kwargs) {
    check_kwargs(kwargs);
    return handle(m.resume(), kwargs);
  }

  py::object step(const py::kwargs& kwargs) {
    check_kwargs(kwargs);
    return handle(m.step(), kwargs);
  }

  py::object call(const std::string& name, const py::kwargs& kwargs) {
    check_kwargs(kwargs);
    int64_t index = find(prog().word_names, name);
    if (index < 0) throw std::runtime_error("AwkwardForth unrecognized word: " + name);
    return handle(m.call(index), kwargs);
  }

  py::list stack() const {
    py::list out;
    for (int64_t k = 0; k < m.depth; k++) out.append(py::int_(m.stack[(size_t)k]));
    return out;
  }

  void stack_push(T value) {
    if (m.depth >= m.stack_max_depth) throw py::value_error("AwkwardForth stack overflow");
    m.stack[(size_t)m.depth++] = value;
  }

  T stack_pop() {
    if (m.depth <= 0) throw py::value_error("AwkwardForth stack underflow");
    return m.stack[(size_t)--m.depth];
  }

  py::dict variables() const {
    py::dict out;
    for (size_t k = 0; k < prog().variable_names.size(); k++) out[py::str(prog().variable_names[k])] = py::int_(m.variables[k]);
    return out;
  }

  py::array output(const std::string& name) const {
    int k = find(prog().output_names, name);
    if (k < 0) throw py::key_error("output not found: " + name);
    if (m.outputs.empty()) {  // not begun: an empty array of the right type
      Output empty(prog().output_dtypes[(size_t)k], 1, 1.5);
      return output_array(empty);
    }
    return output_array(m.outputs[(size_t)k]);
  }

  py::dict outputs() const {
    py::dict out;
    for (auto& name : prog().output_names) out[py::str(name)] = output(name);
    return out;
  }

  py::object getitem(const std::string& name) const {
    int k;
    if ((k = find(prog().variable_names, name)) >= 0) return py::int_(m.variables[(size_t)k]);
    if ((k = find(prog().output_names, name)) >= 0) return output(name);
    throw py::value_error("unrecognized AwkwardForth variable/output/dictionary word: " + name);
  }

  int64_t input_position(const std::string& name) const {
    int k = find(prog().input_names, name);
    if (k < 0) throw py::value_error("input not found: " + name);
    if (!m.ready) raise_error(Err::not_ready);
    return m.inputs[(size_t)k].pos;
  }

  bool has_current() const { return m.ready && !m.done && m.last_error == Err::none; }

  void check_current() const {
    if (!has_current()) {
      throw py::value_error(
          "'is done' in AwkwardForth runtime: reached the end of the program or segment; call 'begin' "
          "to 'step' again (note: check 'is_done')");
    }
  }

  int64_t current_bytecode_position() const { return has_current() ? m.ip : -1; }

  std::string current_instruction() const {
    check_current();
    return prog().instruction_names[(size_t)m.ip];
  }

  py::list bytecodes() const {
    py::list out;
    for (int64_t c : prog().code) out.append(c);
    return out;
  }
};

template <typename T>
void bind(py::module_& mod, const char* name) {
  using M = PyMachine<T>;
  py::class_<M>(mod, name)
      .def(py::init<const std::string&, int64_t, int64_t, int64_t, int64_t, double>(), py::arg("source"),
           py::arg("stack_max_depth") = 1024, py::arg("recursion_max_depth") = 1024,
           py::arg("string_buffer_size") = 1024, py::arg("output_initial_size") = 1024,
           py::arg("output_resize_factor") = 1.5)
      .def("__getitem__", &M::getitem)
      .def_property_readonly("abi_version", [](const M&) { return 1; })
      .def_property_readonly("source", [](const M& s) { return s.prog().source; })
      .def_property_readonly("bytecodes", &M::bytecodes)
      .def_property_readonly("bytecodes_offsets", [](const M& s) { return s.prog().segment_offsets; })
      .def_property_readonly("decompiled", [](const M& s) { return s.prog().decompiled; })
      .def_property_readonly("dictionary", [](const M& s) { return s.prog().word_names; })
      .def_property_readonly("stack_max_depth", [](const M& s) { return s.m.stack_max_depth; })
      .def_property_readonly("recursion_max_depth", [](const M& s) { return s.m.recursion_max_depth; })
      .def_property_readonly("string_buffer_size", [](const M& s) { return s.m.string_buffer_size; })
      .def_property_readonly("output_initial_size", [](const M& s) { return s.m.output_initial_size; })
      .def_property_readonly("output_resize_factor", [](const M& s) { return s.m.output_resize_factor; })
      .def_property_readonly("stack", &M::stack)
      .def("stack_push", &M::stack_push, py::arg("value"))
      .def("stack_pop", &M::stack_pop)
      .def("stack_clear", [](M& s) { s.m.depth = 0; })
      .def_property_readonly("variables", &M::variables)
      .def_property_readonly("outputs", &M::outputs)
      .def("output", &M::output, py::arg("name"))
      .def("input_position", &M::input_position, py::arg("name"))
      .def("string_at", [](const M& s, int64_t k) {
        if (k < 0 || k >= (int64_t)s.prog().strings.size()) {
          return py::object(py::str("a string at " + std::to_string(k) + " is undefined"));
        }
        return py::bytes(s.prog().strings[(size_t)k]).attr("decode")("utf-8", "surrogateescape");
      }, py::arg("index"))
      .def("begin", &M::begin, py::arg("inputs") = py::dict())
      .def("begin_again", &M::begin_again, py::arg("inputs"), py::arg("reset_instruction"))
      .def("run", &M::run, py::arg("inputs") = py::dict())
      .def("resume", &M::resume)
      .def("step", &M::step)
      .def("call", &M::call, py::arg("name"))
      .def("reset", [](M& s) { s.m.reset(); s.keep.clear(); })
      .def("count_reset", [](M& s) {
        s.m.count_instructions = s.m.count_reads = s.m.count_writes = s.m.count_nanoseconds = 0;
      })
      .def_property_readonly("count_instructions", [](const M& s) { return s.m.count_instructions; })
      .def_property_readonly("count_reads", [](const M& s) { return s.m.count_reads; })
      .def_property_readonly("count_writes", [](const M& s) { return s.m.count_writes; })
      .def_property_readonly("count_nanoseconds", [](const M& s) { return s.m.count_nanoseconds; })
      .def_property_readonly("current_bytecode_position", &M::current_bytecode_position)
      .def_property_readonly("current_instruction", &M::current_instruction)
      .def_property_readonly("current_recursion_depth", [](const M& s) {
        s.check_current();
        return s.m.current_recursion_depth();
      })
      .def_property_readonly("is_ready", [](const M& s) { return s.m.ready; })
      .def_property_readonly("is_done", [](const M& s) { return s.m.done; })
      .def_property_readonly("is_segment_done", [](const M& s) {
        return s.m.done || (s.m.ready && s.m.ip < (int64_t)s.prog().code.size() &&
                            (s.prog().code[(size_t)s.m.ip] == OP_RETURN || s.prog().code[(size_t)s.m.ip] == OP_END));
      })
      .def("is_defined", [](const M& s, const std::string& w) { return M::find(s.prog().word_names, w) >= 0; }, py::arg("word"))
      .def("is_variable", [](const M& s, const std::string& w) { return M::find(s.prog().variable_names, w) >= 0; }, py::arg("word"))
      .def("is_input", [](const M& s, const std::string& w) { return M::find(s.prog().input_names, w) >= 0; }, py::arg("word"))
      .def("is_output", [](const M& s, const std::string& w) { return M::find(s.prog().output_names, w) >= 0; }, py::arg("word"));
}

}  // namespace

PYBIND11_MODULE(_forth, mod) {
  mod.doc() = "AwkwardForth virtual machines (awkward.forth)";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const CompileError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
  bind<int32_t>(mod, "ForthMachine32");
  bind<int64_t>(mod, "ForthMachine64");
}
