"""Column selection: turning specifiers into path patterns and pruning a form by them.

A specifier is a str ("x.y*", braces allowed: "x.{a,b}"), a sequence of names (one path,
not split on dots, no brace expansion), or a list mixing both. Each path component is an
fnmatch pattern matched against field names.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["select_columns", "expand_braces", "parse_specifier"]


def _find_group(text: str):
    """(start, end, alternatives) of the first balanced {...} group with a top-level comma."""
    depth, start, cuts = 0, -1, []
    for i, char in enumerate(text):
        if char == "{":
            if depth == 0:
                start, cuts = i, []
            depth += 1
        elif char == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                if cuts:
                    pieces, last = [], start + 1
                    for cut in cuts:
                        pieces.append(text[last:cut])
                        last = cut + 1
                    pieces.append(text[last:i])
                    return start, i, pieces
        elif char == "," and depth == 1:
            cuts.append(i)
    return None


def expand_braces(text: str) -> list[str]:
    """Shell-style brace expansion: "a{b,c{d,e}}" -> ["ab", "acd", "ace"].
    Unbalanced braces and groups without a comma stay as literal text."""
    group = _find_group(text)
    if group is None:
        return [text]
    start, end, alternatives = group
    head, tail = text[:start], text[end + 1 :]
    out = []
    for alternative in alternatives:
        out.extend(expand_braces(head + alternative + tail))
    return out


def parse_specifier(specifier, expand: bool = True) -> list[tuple[str, ...]]:
    """Normalize a select_columns specifier into a list of path tuples."""
    if isinstance(specifier, str):
        items: Iterable = [specifier]
    elif isinstance(specifier, Iterable) and not isinstance(specifier, (bytes, dict)):
        items = specifier
    else:
        raise TypeError(
            f"a column-selection specifier must be a str or a list of str/tuples, not {specifier!r}"
        )
    out: list[tuple[str, ...]] = []
    for item in items:
        if isinstance(item, str):
            if item == "":
                raise ValueError("a column-selection specifier cannot be an empty string")
            for text in expand_braces(item) if expand else [item]:
                out.append(tuple(text.split(".")))
        elif isinstance(item, Iterable) and not isinstance(item, (bytes, dict)):
            path = tuple(item)
            for name in path:
                if not isinstance(name, str):
                    raise TypeError(
                        f"column-selection path components must be str, not {name!r} in {item!r}"
                    )
            if not path:
                raise ValueError("a column-selection path cannot be empty")
            out.append(path)
        else:
            raise TypeError(
                f"column-selection specifiers must be str or sequences of str, not {item!r}"
            )
    return out


def select_columns(form, specifier, expand: bool, prune: bool):
    specs = parse_specifier(specifier, expand)
    if not specs:
        return form._empty_selection()
    selected = form._select(specs, prune)
    return form._empty_selection() if selected is None else selected
