"""Forms: serializable, buffer-free descriptions of layouts (awkward.forms)."""

from awkward.forms._from import (
    form_with_unique_keys,
    from_dict,
    from_dtype,
    from_json,
    from_type,
)
from awkward.forms.bitmaskedform import BitMaskedForm
from awkward.forms.bytemaskedform import ByteMaskedForm
from awkward.forms.emptyform import EmptyForm
from awkward.forms.form import Form
from awkward.forms.indexedform import IndexedForm
from awkward.forms.indexedoptionform import IndexedOptionForm
from awkward.forms.listform import ListForm
from awkward.forms.listoffsetform import ListOffsetForm
from awkward.forms.numpyform import NumpyForm
from awkward.forms.recordform import RecordForm
from awkward.forms.regularform import RegularForm
from awkward.forms.unionform import UnionForm
from awkward.forms.unmaskedform import UnmaskedForm

__all__ = [
    "BitMaskedForm",
    "ByteMaskedForm",
    "EmptyForm",
    "Form",
    "IndexedForm",
    "IndexedOptionForm",
    "ListForm",
    "ListOffsetForm",
    "NumpyForm",
    "RecordForm",
    "RegularForm",
    "UnionForm",
    "UnmaskedForm",
    "form_with_unique_keys",
    "from_dict",
    "from_dtype",
    "from_json",
    "from_type",
]
