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
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use: match, fullmatch, search,
    finditer, findall, sub and split as a compiled pattern has them; ``pattern`` is the
    source, to build larger patterns from without compiling this one."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (``re`` keeps it in its own cache once compiled)."""
        compiled = re.compile(self.pattern, self.flags)
        # From now on the compiled pattern's methods answer directly: these instance
        # attributes shadow the methods below, so a hot loop pays no extra call.
        vars(self).update(
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            search=compiled.search,
            finditer=compiled.finditer,
            findall=compiled.findall,
            sub=compiled.sub,
            split=compiled.split,
        )
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)
