"""Build an array from buffers, one column of it virtual (lazy), and print it.

The "y" column is produced by a generator: it runs only when an operation needs y's values.
"""

import numpy as np

import awkward as ak

calls = []


def read_y():
    calls.append("y")  # stands in for reading a column from a file
    return np.array([0.5, 1.5, 2.5, 3.5, 4.5])


form = ak.forms.from_dict(
    {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": {
            "class": "RecordArray",
            "fields": ["x", "y"],
            "contents": [
                {"class": "NumpyArray", "primitive": "int64", "form_key": "x"},
                {"class": "NumpyArray", "primitive": "float64", "form_key": "y"},
            ],
        },
        "form_key": "events",
    }
)
container = {
    "events-offsets": np.array([0, 3, 3, 5]),
    "x-data": np.array([1, 2, 3, 4, 5]),
    "y-data": read_y,  # a callable: this buffer is virtual
}
array = ak.from_buffers(form, 3, container)

print("type:", ak.type(array))
print("fields:", ak.fields(array), "| generators run so far:", len(calls))
print(array)
print("x values:", ak.to_list(array.x))
print("generators run after reading x:", len(calls))
print("all values:", ak.to_list(array))
print("generators run after reading everything:", len(calls))
