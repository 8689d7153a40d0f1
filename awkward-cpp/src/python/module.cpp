// The awkward_cpp._ext module: every kernel specialization as awkward_cpp._ext.<symbol>(*args),
// returning None on success or (message, index) on a kernel error.
#include <pybind11/pybind11.h>

#include "bindings_generated.cpp"  // generated from kernel-specification/ (the binding table)
#include "../kernels/reduce_adaptive.h"

#include <string>

static const char* const reduce_strategy_names[] = {"adaptive", "block", "plain"};

PYBIND11_MODULE(_ext, m) {
  m.doc() = "awkward_cpp kernels (see kernel-specification/)";
  if (PyModule_AddFunctions(m.ptr(), generated_kernel_methods) != 0) {
    throw pybind11::error_already_set();
  }
  m.attr("kernel_count") = generated_kernel_count;
  // for tests and benchmarks only: force the segment loop of awkward_reduce_sum/max/min
  m.def(
      "_set_reduce_strategy",
      [](const std::string& name) {
        for (int k = 0; k < 3; k++) {
          if (name == reduce_strategy_names[k]) {
            return std::string(reduce_strategy_names[awkward_reduce_strategy.exchange(k)]);
          }
        }
        throw pybind11::value_error("_set_reduce_strategy: expected 'adaptive', 'block' or 'plain', not '" +
                                    name + "'");
      },
      pybind11::arg("strategy"),
      "Force the segment loop of awkward_reduce_sum/max/min ('adaptive', the default, 'block' or "
      "'plain'; see src/kernels/reduce_adaptive.h), for tests and benchmarks only. Returns the "
      "previous strategy.");
}
