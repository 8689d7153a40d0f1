"""Awkward's pyarrow extension type: an Arrow storage type plus the awkward node it came from.

The extension name ("awkward") and the JSON that ``__arrow_ext_serialize__`` writes (eight keys,
in this order) are those of awkward 2.14, so Arrow/Feather data interoperates both ways.
Importing this module imports pyarrow and registers the type once.
"""

from __future__ import annotations

import json

from awkward._connect.pyarrow._import import import_pyarrow

pyarrow = import_pyarrow("awkward._connect.pyarrow")

__all__ = [
    "META_KEYS",
    "AwkwardArrowArray",
    "AwkwardArrowType",
    "make_meta",
    "to_awkwardarrow_storage_types",
    "wrap",
]

# the keys of the serialized metadata, in 2.14's order
META_KEYS = (
    "mask_type",
    "node_type",
    "mask_parameters",
    "node_parameters",
    "record_is_tuple",
    "record_is_scalar",
    "is_nonnullable_nulltype",
    "option_type",
)


def make_meta(node_type, node_parameters, *, mask_type=None, mask_parameters=None,
              record_is_tuple=None, is_nonnullable_nulltype=False) -> dict:
    return {
        "mask_type": mask_type,
        "node_type": node_type,
        "mask_parameters": mask_parameters,
        "node_parameters": node_parameters,
        "record_is_tuple": record_is_tuple,
        "record_is_scalar": False,
        "is_nonnullable_nulltype": is_nonnullable_nulltype,
        "option_type": False,
    }


_DESERIALIZED: dict = {}


class AwkwardArrowArray(pyarrow.ExtensionArray):
    """An Arrow array of AwkwardArrowType (converts to Python like its storage)."""

    def to_pylist(self, *args, **kwargs):
        return self.storage.to_pylist(*args, **kwargs)


class AwkwardArrowType(pyarrow.ExtensionType):
    """Arrow extension type "awkward": ``storage_type`` plus the awkward node description
    (mask_type and mask_parameters of an option around the node, node_type and
    node_parameters of the node itself, tuple/scalar flags for records)."""

    def __init__(self, storage_type, mask_type, node_type, mask_parameters, node_parameters,
                 record_is_tuple, record_is_scalar, is_nonnullable_nulltype=False,
                 option_type=False):
        self._mask_type = mask_type
        self._node_type = node_type
        self._mask_parameters = mask_parameters
        self._node_parameters = node_parameters
        self._record_is_tuple = record_is_tuple
        self._record_is_scalar = record_is_scalar
        self._is_nonnullable_nulltype = is_nonnullable_nulltype
        self._option_type = option_type
        super().__init__(storage_type, "awkward")

    def __str__(self):
        return "ak:" + str(self.storage_type)

    def __repr__(self):
        return f"awkward<{self.storage_type!r}>"

    mask_type = property(lambda self: self._mask_type)
    node_type = property(lambda self: self._node_type)
    mask_parameters = property(lambda self: self._mask_parameters)
    node_parameters = property(lambda self: self._node_parameters)
    record_is_tuple = property(lambda self: self._record_is_tuple)
    record_is_scalar = property(lambda self: self._record_is_scalar)
    is_nonnullable_nulltype = property(lambda self: self._is_nonnullable_nulltype)
    option_type = property(lambda self: self._option_type)

    def _metadata_as_dict(self) -> dict:
        return {key: getattr(self, "_" + key) for key in META_KEYS}

    @classmethod
    def _build(cls, storage_type, metadata: dict, serialized: bytes):
        """The type, its serialization known already (pyarrow asks for it at construction)."""
        out = cls.__new__(cls)
        for key in META_KEYS:
            setattr(out, "_" + key, metadata.get(key))
        out._is_nonnullable_nulltype = bool(out._is_nonnullable_nulltype)
        out._option_type = metadata.get("option_type", False)
        out._serialized = serialized
        pyarrow.ExtensionType.__init__(out, storage_type, "awkward")
        return out

    @classmethod
    def _from_metadata_object(cls, storage_type, metadata: dict):
        return cls(storage_type, *(metadata.get(key) for key in META_KEYS[:6]),
                   bool(metadata.get("is_nonnullable_nulltype", False)),
                   metadata.get("option_type", False))

    def __arrow_ext_serialize__(self) -> bytes:
        # pyarrow asks often (equality, hashing, every nested type built): compute it once
        try:
            return self._serialized
        except AttributeError:
            self._serialized = json.dumps(self._metadata_as_dict()).encode()
            return self._serialized

    @classmethod
    def __arrow_ext_deserialize__(cls, storage_type, serialized):
        # pyarrow re-creates the Python type whenever a child array is handed out: types of
        # leaves are cached (nested ones are not: pyarrow's equality of dictionary types
        # ignores extension value types, and building their keys would recurse)
        leaf = storage_type.num_fields == 0 and not pyarrow.types.is_dictionary(storage_type)
        key = (storage_type, serialized) if leaf else None
        cached = _DESERIALIZED.get(key) if leaf else None
        if cached is None:
            cached = cls._build(storage_type, json.loads(serialized), serialized)
            if leaf:
                if len(_DESERIALIZED) > 4096:
                    _DESERIALIZED.clear()
                _DESERIALIZED[key] = cached
        return cached

    def __arrow_ext_class__(self):
        return AwkwardArrowArray

    def __reduce__(self):
        return type(self)._from_metadata_object, (self.storage_type, self._metadata_as_dict())


def _register():
    try:
        pyarrow.register_extension_type(AwkwardArrowType(pyarrow.null(), None, None, None, None,
                                                         None, None))
    except pyarrow.ArrowKeyError:  # already registered (another awkward in this process)
        pass


_register()


def to_awkwardarrow_storage_types(arrowtype):
    """(AwkwardArrowType or None, storage type) of an Arrow type."""
    if isinstance(arrowtype, AwkwardArrowType):
        return arrowtype, arrowtype.storage_type
    return None, arrowtype


def wrap(storage, meta: dict):
    """An AwkwardArrowArray over ``storage`` described by ``meta`` (see make_meta)."""
    ext = AwkwardArrowType._from_metadata_object(storage.type, meta)
    return pyarrow.ExtensionArray.from_storage(ext, storage)
