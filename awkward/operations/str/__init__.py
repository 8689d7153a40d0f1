"""ak.str: string functions (pyarrow.compute applied at every string node), one module each."""

# ruff: noqa: A001, A004  (slice shadows the builtin, as in awkward 2.14)

from awkward.operations.str.akstr_capitalize import capitalize
from awkward.operations.str.akstr_center import center
from awkward.operations.str.akstr_count_substring import count_substring
from awkward.operations.str.akstr_count_substring_regex import count_substring_regex
from awkward.operations.str.akstr_ends_with import ends_with
from awkward.operations.str.akstr_extract_regex import extract_regex
from awkward.operations.str.akstr_find_substring import find_substring
from awkward.operations.str.akstr_find_substring_regex import find_substring_regex
from awkward.operations.str.akstr_index_in import index_in
from awkward.operations.str.akstr_is_alnum import is_alnum
from awkward.operations.str.akstr_is_alpha import is_alpha
from awkward.operations.str.akstr_is_ascii import is_ascii
from awkward.operations.str.akstr_is_decimal import is_decimal
from awkward.operations.str.akstr_is_digit import is_digit
from awkward.operations.str.akstr_is_in import is_in
from awkward.operations.str.akstr_is_lower import is_lower
from awkward.operations.str.akstr_is_numeric import is_numeric
from awkward.operations.str.akstr_is_printable import is_printable
from awkward.operations.str.akstr_is_space import is_space
from awkward.operations.str.akstr_is_title import is_title
from awkward.operations.str.akstr_is_upper import is_upper
from awkward.operations.str.akstr_join import join
from awkward.operations.str.akstr_join_element_wise import join_element_wise
from awkward.operations.str.akstr_length import length
from awkward.operations.str.akstr_lower import lower
from awkward.operations.str.akstr_lpad import lpad
from awkward.operations.str.akstr_ltrim import ltrim
from awkward.operations.str.akstr_ltrim_whitespace import ltrim_whitespace
from awkward.operations.str.akstr_match_like import match_like
from awkward.operations.str.akstr_match_substring import match_substring
from awkward.operations.str.akstr_match_substring_regex import match_substring_regex
from awkward.operations.str.akstr_repeat import repeat
from awkward.operations.str.akstr_replace_slice import replace_slice
from awkward.operations.str.akstr_replace_substring import replace_substring
from awkward.operations.str.akstr_replace_substring_regex import replace_substring_regex
from awkward.operations.str.akstr_reverse import reverse
from awkward.operations.str.akstr_rpad import rpad
from awkward.operations.str.akstr_rtrim import rtrim
from awkward.operations.str.akstr_rtrim_whitespace import rtrim_whitespace
from awkward.operations.str.akstr_slice import slice
from awkward.operations.str.akstr_split_pattern import split_pattern
from awkward.operations.str.akstr_split_pattern_regex import split_pattern_regex
from awkward.operations.str.akstr_split_whitespace import split_whitespace
from awkward.operations.str.akstr_starts_with import starts_with
from awkward.operations.str.akstr_swapcase import swapcase
from awkward.operations.str.akstr_title import title
from awkward.operations.str.akstr_to_categorical import to_categorical
from awkward.operations.str.akstr_trim import trim
from awkward.operations.str.akstr_trim_whitespace import trim_whitespace
from awkward.operations.str.akstr_upper import upper

__all__ = [
    "capitalize",
    "center",
    "count_substring",
    "count_substring_regex",
    "ends_with",
    "extract_regex",
    "find_substring",
    "find_substring_regex",
    "index_in",
    "is_alnum",
    "is_alpha",
    "is_ascii",
    "is_decimal",
    "is_digit",
    "is_in",
    "is_lower",
    "is_numeric",
    "is_printable",
    "is_space",
    "is_title",
    "is_upper",
    "join",
    "join_element_wise",
    "length",
    "lower",
    "lpad",
    "ltrim",
    "ltrim_whitespace",
    "match_like",
    "match_substring",
    "match_substring_regex",
    "repeat",
    "replace_slice",
    "replace_substring",
    "replace_substring_regex",
    "reverse",
    "rpad",
    "rtrim",
    "rtrim_whitespace",
    "slice",
    "split_pattern",
    "split_pattern_regex",
    "split_whitespace",
    "starts_with",
    "swapcase",
    "title",
    "to_categorical",
    "trim",
    "trim_whitespace",
    "upper",
]
