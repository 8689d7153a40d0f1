"""Counting virtual buffers for laziness tests: ``lazy.calls[key]`` is how often the generator
of the buffer named ``key`` ran."""

import collections

import numpy as np

from awkward._nplikes.numpy import Numpy
from awkward._nplikes.virtual import VirtualNDArray
from awkward.contents import NumpyArray
from awkward.index import Index64


class Lazy:
    def __init__(self):
        self.calls = collections.Counter()

    def buffer(self, values, key, dtype=None):
        array = np.asarray(values, dtype=dtype)

        def generate():
            self.calls[key] += 1
            return array

        return VirtualNDArray(Numpy.instance(), array.shape, array.dtype, generate, buffer_key=key)

    def index(self, values, key, cls=Index64):
        return cls(self.buffer(values, key, cls._expected_dtype))

    def numpy(self, values, key, **kwargs):
        return NumpyArray(self.buffer(values, key), **kwargs)

    @property
    def total(self):
        return sum(self.calls.values())
