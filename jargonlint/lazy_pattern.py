"""Regular expressions compiled when first used, not when their module loads.

Compiling a pattern with a wide character class (CJK ideographs, negated classes
of full-width punctuation) costs up to a few milliseconds, and most runs need only
some of them: legends, numbered headings, Markdown or Q&A layouts turn up in few
scripts, and a check of one small script pays every module's patterns before it
reads a byte. A lazy pattern costs nothing until its first match, and after that
answers with the compiled pattern's own methods.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use: match, fullmatch, search,
    finditer, findall, sub and split as a compiled pattern has them; ``pattern`` is the
    source, to build larger patterns from without compiling this one."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        """Reached only for what the instance lacks: the first use of a method compiles
        the pattern, whose own methods then become instance attributes, so a hot loop
        pays no extra call."""
        if name.startswith("__") or "pattern" not in vars(self):
            raise AttributeError(name)  # copying or unpickling an instance asks first
        compiled = re.compile(self.pattern, self.flags)
        vars(self).update({method: getattr(compiled, method) for method in _METHODS})
        return getattr(compiled, name)
