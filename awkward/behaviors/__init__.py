"""Behaviors: classes and functions attached to arrays by their ``__record__``/``__list__``/
``__array__`` names through ``ak.behavior`` (see awkward/_behavior.py for the lookup rules)."""

from __future__ import annotations

import importlib
import importlib.util

from awkward.behaviors import mixins

__all__ = ["mixins"]

# string/categorical behaviors live in their own modules (written separately): load them when present
for _name in ("string", "categorical"):
    if importlib.util.find_spec(f"awkward.behaviors.{_name}") is not None:
        globals()[_name] = importlib.import_module(f"awkward.behaviors.{_name}")
        __all__.append(_name)
