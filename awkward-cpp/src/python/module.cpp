#include <pybind11/pybind11.h>

PYBIND11_MODULE(_ext, m) {
  m.doc() = "awkward_cpp kernels";
}
