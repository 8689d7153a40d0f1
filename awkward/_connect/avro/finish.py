"""What the Forth program's raw outputs become, and the checks it leaves to numpy.

Union branch indexes are written as they are read (one output per union) and turned here into
ByteMaskedArray masks, IndexedOptionArray indexes and UnionArray tags/index; string lengths and
enum symbols are checked here too. One vectorized pass over an output is much cheaper than a
few Forth instructions per value. Each step is a callable ``step(container)`` that replaces raw
outputs by the buffers the Form names, or raises ``Corrupted``."""

from __future__ import annotations

import numpy as np

FUNCTION = "ak.from_avro_file"


class Corrupted(ValueError):
    def __init__(self, reason):
        super().__init__(f"{FUNCTION}: corrupted file: {reason}")


def _check_tags(tags):
    # the two branches of an option are 0 and 1: anything else (negative too) is > 1 unsigned
    if tags.view(np.uint64).max(initial=0) > 1:
        raise Corrupted("a union branch index out of range")


def increasing_offsets(name):
    """A negative string, bytes or map-key length leaves decreasing offsets."""

    def step(container):
        offsets = container[name]
        if (offsets[1:] < offsets[:-1]).any():
            raise Corrupted("a negative string, bytes or map-key length")

    return step


def enum_range(name, count):
    def step(container):
        symbols = container[name]
        if len(symbols) and (symbols.min() < 0 or symbols.max() >= count):
            raise Corrupted("an enum symbol index out of range")

    return step


def byte_mask(tag_name, mask_name, value_tag):
    def step(container):
        tags = container.pop(tag_name)
        _check_tags(tags)
        mask = tags.astype(np.int8)
        container[mask_name] = mask if value_tag == 1 else np.subtract(1, mask, dtype=np.int8)

    return step


def _option_index(valid):
    index = np.cumsum(valid, dtype=np.int64)
    index -= 1
    index[~valid] = -1
    return index


def option_index(tag_name, index_name, value_tag, symbols=None):
    """IndexedOptionArray's index from the branch indexes; with ``symbols`` (an enum option,
    as 2.14 reads it), the index is the symbol read for each valid entry."""

    def step(container):
        tags = container.pop(tag_name)
        _check_tags(tags)
        valid = tags == value_tag
        if symbols is None:
            container[index_name] = _option_index(valid)
        else:
            name, count = symbols
            enum_range(name, count)(container)
            index = np.full(len(tags), -1, dtype=np.int64)
            index[valid] = container.pop(name)
            container[index_name] = index

    return step


def union(tag_name, tags_name, index_name, positions, option=None):
    """UnionArray tags and index from the Avro branch indexes. ``positions[branch]`` is the
    content each branch goes to (null goes to content 0); ``option`` = (option index name,
    null branch) when content 0 is an option."""
    lookup = np.array(positions, dtype=np.int8)

    def step(container):
        branches = container.pop(tag_name)
        tags = lookup[branches]
        index = np.empty(len(tags), dtype=np.int64)
        for content in range(lookup.max() + 1):
            selected = tags == content
            index[selected] = np.arange(np.count_nonzero(selected))
        container[tags_name] = tags
        container[index_name] = index
        if option is not None:
            name, null_branch = option
            container[name] = _option_index(branches[tags == 0] != null_branch)

    return step
