"""AwkwardForth virtual machines: small Forth programs that parse binary or text inputs into
typed outputs (used by uproot and ``ak.from_avro_file``). Compiled in awkward-cpp."""

from __future__ import annotations

from awkward_cpp._forth import ForthMachine32, ForthMachine64

__all__ = ["ForthMachine32", "ForthMachine64"]
