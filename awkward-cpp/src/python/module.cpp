// The awkward_cpp._ext module: every kernel specialization as awkward_cpp._ext.<symbol>(*args),
// returning None on success or (message, index) on a kernel error.
#include <pybind11/pybind11.h>

#include "bindings_generated.cpp"  // generated from kernel-specification/ (the binding table)

PYBIND11_MODULE(_ext, m) {
  m.doc() = "awkward_cpp kernels (see kernel-specification/)";
  if (PyModule_AddFunctions(m.ptr(), generated_kernel_methods) != 0) {
    throw pybind11::error_already_set();
  }
  m.attr("kernel_count") = generated_kernel_count;
}
