// awkward_cpp._memory: a NumPy memory handler (NEP 49) that keeps large freed buffers for reuse.
//
// Why: an operation that returns a new large array (a ufunc over 10^7 values) gets fresh pages
// from the kernel through mmap, and every page faults in and is zeroed on first write: for
// `x * 2 + 1` on 80 MB that costs as much as the arithmetic. Freed blocks kept here are already
// faulted in, so the next operation of the same size writes straight into them.
//
// Scope: awkward enters this handler only around its own calls that create large outputs
// (awkward/_nplikes/buffer_cache.py); NumPy records the handler in each array it allocates and
// frees the array through it, so arrays made elsewhere in the process are not affected.
//
// Policy: blocks below `min_bytes` go straight to malloc/calloc/free (glibc already reuses
// them). Larger ones are tracked (pointer -> capacity). A freed tracked block is kept while the
// kept bytes stay within `limit_bytes` (oldest dropped first); a request takes the smallest kept
// block whose capacity is at least the request and at most 1.25x it (bounded waste).
// Every function may be called without the GIL, so the state is behind a mutex.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define NPY_NO_DEPRECATED_API NPY_1_22_API_VERSION
#define NPY_TARGET_VERSION NPY_1_22_API_VERSION
#include <numpy/arrayobject.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>
#endif

namespace {

struct Block {
  void* ptr;
  size_t capacity;
};

struct BufferCache {
  std::mutex mutex;
  std::unordered_map<void*, size_t> live;  // tracked blocks handed out: capacity
  std::vector<Block> kept;                 // freed tracked blocks, oldest first
  size_t kept_bytes = 0;
  size_t limit_bytes = size_t(256) << 20;  // awkward sets it at import (buffer_cache.py)
  size_t min_bytes = size_t(1) << 20;
  uint64_t hits = 0;
  uint64_t misses = 0;
};

BufferCache cache;

// Large blocks ask for transparent huge pages, as NumPy's default handler does (fewer faults
// and TLB misses); harmless where THP is off.
void advise_huge_pages(void* ptr, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (size < (size_t(4) << 20)) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t start = (reinterpret_cast<uintptr_t>(ptr) + page - 1) & ~(page - 1);
  const uintptr_t stop = reinterpret_cast<uintptr_t>(ptr) + size;
  if (stop > start) madvise(reinterpret_cast<void*>(start), stop - start, MADV_HUGEPAGE);
#else
  (void)ptr;
  (void)size;
#endif
}

// A kept block for `size` bytes (removed from `kept`, recorded as live), or nullptr.
void* take_kept(size_t size) {
  std::lock_guard<std::mutex> lock(cache.mutex);
  const size_t most = size + size / 4;
  size_t best = cache.kept.size();
  for (size_t k = 0; k < cache.kept.size(); k++) {
    const size_t capacity = cache.kept[k].capacity;
    if (capacity >= size && capacity <= most &&
        (best == cache.kept.size() || capacity < cache.kept[best].capacity)) {
      best = k;
    }
  }
  if (best == cache.kept.size()) {
    cache.misses++;
    return nullptr;
  }
  const Block block = cache.kept[best];
  cache.kept.erase(cache.kept.begin() + static_cast<std::ptrdiff_t>(best));
  cache.kept_bytes -= block.capacity;
  cache.live.emplace(block.ptr, block.capacity);
  cache.hits++;
  return block.ptr;
}

void track(void* ptr, size_t capacity) {
  std::lock_guard<std::mutex> lock(cache.mutex);
  cache.live.emplace(ptr, capacity);
}

void* cache_malloc(void* /*ctx*/, size_t size) {
  if (size < cache.min_bytes) return std::malloc(size == 0 ? 1 : size);
  if (void* ptr = take_kept(size)) return ptr;
  void* ptr = std::malloc(size);
  if (ptr != nullptr) {
    advise_huge_pages(ptr, size);
    track(ptr, size);
  }
  return ptr;
}

void* cache_calloc(void* /*ctx*/, size_t count, size_t itemsize) {
  if (itemsize != 0 && count > SIZE_MAX / itemsize) return nullptr;
  const size_t size = count * itemsize;
  if (size < cache.min_bytes) return std::calloc(count == 0 ? 1 : count, itemsize == 0 ? 1 : itemsize);
  if (void* ptr = take_kept(size)) {
    std::memset(ptr, 0, size);
    return ptr;
  }
  // fresh zeroed pages from the system cost nothing until touched
  void* ptr = std::calloc(count, itemsize);
  if (ptr != nullptr) track(ptr, size);
  return ptr;
}

void* cache_realloc(void* ctx, void* ptr, size_t new_size) {
  if (ptr == nullptr) return cache_malloc(ctx, new_size);
  size_t old_capacity = 0;
  bool was_tracked = false;
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto found = cache.live.find(ptr);
    if (found != cache.live.end()) {
      old_capacity = found->second;
      was_tracked = true;
      cache.live.erase(found);
    }
  }
  void* moved = std::realloc(ptr, new_size == 0 ? 1 : new_size);
  if (moved == nullptr) {
    if (was_tracked) track(ptr, old_capacity);  // the old block is still valid and still ours
    return nullptr;
  }
  if (new_size >= cache.min_bytes) track(moved, new_size);
  return moved;
}

void cache_free(void* /*ctx*/, void* ptr, size_t /*size*/) {
  if (ptr == nullptr) return;
  std::vector<void*> dropped;
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto found = cache.live.find(ptr);
    if (found == cache.live.end()) {
      dropped.push_back(ptr);  // untracked: a small block
    } else {
      const size_t capacity = found->second;
      cache.live.erase(found);
      if (capacity > cache.limit_bytes) {
        dropped.push_back(ptr);
      } else {
        cache.kept.push_back(Block{ptr, capacity});
        cache.kept_bytes += capacity;
        size_t oldest = 0;
        while (cache.kept_bytes > cache.limit_bytes) {
          cache.kept_bytes -= cache.kept[oldest].capacity;
          dropped.push_back(cache.kept[oldest].ptr);
          oldest++;
        }
        cache.kept.erase(cache.kept.begin(), cache.kept.begin() + static_cast<std::ptrdiff_t>(oldest));
      }
    }
  }
  for (void* block : dropped) std::free(block);
}

PyDataMem_Handler handler = {
    "awkward_buffer_cache",
    1,
    {nullptr, cache_malloc, cache_calloc, cache_realloc, cache_free},
};

PyObject* handler_capsule = nullptr;  // owned by the module for the life of the process

// A child process made by fork() while another thread held the mutex would wait forever on
// its first large allocation: the child starts with a fresh mutex (its only thread holds none).
void reset_mutex_in_child() { new (&cache.mutex) std::mutex(); }

void drop_kept_blocks(size_t keep_bytes) {
  std::vector<void*> dropped;
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    size_t oldest = 0;
    while (cache.kept_bytes > keep_bytes) {
      cache.kept_bytes -= cache.kept[oldest].capacity;
      dropped.push_back(cache.kept[oldest].ptr);
      oldest++;
    }
    cache.kept.erase(cache.kept.begin(), cache.kept.begin() + static_cast<std::ptrdiff_t>(oldest));
  }
  for (void* block : dropped) std::free(block);
}

// ---- Python functions

// use() -> previous handler: makes this handler NumPy's current one (in the current context).
PyObject* py_use(PyObject* /*self*/, PyObject* /*args*/) { return PyDataMem_SetHandler(handler_capsule); }

// restore(previous): makes `previous` (what use() returned) current again.
PyObject* py_restore(PyObject* /*self*/, PyObject* previous) {
  if (!PyCapsule_IsValid(previous, "mem_handler")) {
    PyErr_SetString(PyExc_TypeError, "restore() takes the handler that use() returned");
    return nullptr;
  }
  PyObject* ours = PyDataMem_SetHandler(previous);
  if (ours == nullptr) return nullptr;
  Py_DECREF(ours);
  Py_RETURN_NONE;
}

bool parse_size(PyObject* value, size_t* out, const char* what) {
  const unsigned long long parsed = PyLong_AsUnsignedLongLong(value);
  if (parsed == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
    PyErr_Format(PyExc_ValueError, "%s must be a non-negative integer number of bytes", what);
    return false;
  }
  *out = static_cast<size_t>(parsed);
  return true;
}

// configure(limit_bytes, min_bytes): how much freed memory is kept, and from which block size.
PyObject* py_configure(PyObject* /*self*/, PyObject* args) {
  PyObject* limit_obj;
  PyObject* min_obj;
  if (!PyArg_ParseTuple(args, "OO:configure", &limit_obj, &min_obj)) return nullptr;
  size_t limit, min_bytes;
  if (!parse_size(limit_obj, &limit, "limit_bytes") || !parse_size(min_obj, &min_bytes, "min_bytes")) {
    return nullptr;
  }
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    cache.limit_bytes = limit;
    cache.min_bytes = min_bytes < 1 ? 1 : min_bytes;
  }
  drop_kept_blocks(limit);
  Py_RETURN_NONE;
}

// clear(): frees every kept block.
PyObject* py_clear(PyObject* /*self*/, PyObject* /*args*/) {
  drop_kept_blocks(0);
  Py_RETURN_NONE;
}

// stats() -> dict of the cache's state and counters
PyObject* py_stats(PyObject* /*self*/, PyObject* /*args*/) {
  std::lock_guard<std::mutex> lock(cache.mutex);
  return Py_BuildValue("{s:K,s:n,s:n,s:K,s:K,s:K,s:K}", "kept_bytes",
                       static_cast<unsigned long long>(cache.kept_bytes), "kept_blocks",
                       static_cast<Py_ssize_t>(cache.kept.size()), "live_blocks",
                       static_cast<Py_ssize_t>(cache.live.size()), "hits",
                       static_cast<unsigned long long>(cache.hits), "misses",
                       static_cast<unsigned long long>(cache.misses), "limit_bytes",
                       static_cast<unsigned long long>(cache.limit_bytes), "min_bytes",
                       static_cast<unsigned long long>(cache.min_bytes));
}

PyMethodDef methods[] = {
    {"use", py_use, METH_NOARGS, "use() -> previous: make the buffer cache NumPy's memory handler"},
    {"restore", py_restore, METH_O, "restore(previous): make `previous` NumPy's memory handler again"},
    {"configure", py_configure, METH_VARARGS,
     "configure(limit_bytes, min_bytes): bytes of freed blocks kept, smallest block tracked"},
    {"clear", py_clear, METH_NOARGS, "clear(): free every kept block"},
    {"stats", py_stats, METH_NOARGS, "stats() -> dict of kept/live blocks and hit/miss counts"},
    {nullptr, nullptr, 0, nullptr}};

PyModuleDef module = {PyModuleDef_HEAD_INIT, "_memory",
                      "A NumPy memory handler that keeps large freed buffers for reuse (NEP 49).", -1,
                      methods};

}  // namespace

PyMODINIT_FUNC PyInit__memory(void) {
  import_array();  // ImportError (returns NULL) where NumPy is older than 1.22
#if defined(__unix__) || defined(__APPLE__)
  pthread_atfork(nullptr, nullptr, reset_mutex_in_child);
#endif
  handler_capsule = PyCapsule_New(&handler, "mem_handler", nullptr);
  if (handler_capsule == nullptr) return nullptr;
  PyObject* mod = PyModule_Create(&module);
  if (mod == nullptr) return nullptr;
  Py_INCREF(handler_capsule);
  if (PyModule_AddObject(mod, "handler", handler_capsule) < 0) {
    Py_DECREF(handler_capsule);
    Py_DECREF(mod);
    return nullptr;
  }
  return mod;
}
