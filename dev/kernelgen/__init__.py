"""Kernel generator: kernel-specification/*.yaml -> header, bindings, registry, tests."""
