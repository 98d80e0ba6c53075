"""Reports of check results, by name: each format is one module and one line below.

Every reporter has the same shape, ``report(results, out, run)``: it takes the
results one file at a time, in input order, as the checker yields them, so that
streaming formats print a file's findings as soon as it is done and hold none of
them afterwards. A format's module is imported only when it is chosen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.glossary import Entry

    # The one shape of every reporter (a type only: a Protocol class costs start-up).
    Reporter = Callable[[Iterable[FileResult], TextIO, "Run"], None]


@dataclass(frozen=True)
class Run:
    """What a report may say besides the results: the tool and its glossary."""

    version: str
    entries: Callable[[], Sequence[Entry]]  # asked for only by reports that list rules


@dataclass(frozen=True)
class Format:
    """A registered report: its name, the module with its ``report``, and a summary."""

    name: str
    module: str
    help: str


FORMATS = {
    f.name: f
    for f in (
        Format("rich", "rich_format", "annotated findings for a person at a terminal"),
        Format("text", "text", "one line per finding, for pipes and editors"),
        Format("json", "json_format", "one JSON document (the version 1 contract)"),
        Format("jsonl", "jsonl", "one JSON finding per line, streamed"),
        Format("github", "github", "GitHub Actions annotations"),
        Format("sarif", "sarif", "SARIF 2.1.0, for code scanning"),
        Format("html", "html", "one self-contained page for a run (with -o report.html)"),
    )
}


def reporter(name: str) -> Reporter:
    """The report function registered under ``name``."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name].module}")
    return module.report


class Chunks:
    """Collects small pieces of a report and writes them in large chunks: one
    write per piece would be one system call each when output is unbuffered."""

    def __init__(self, out: TextIO, size: int = 1 << 16) -> None:
        self._out = out
        self._limit = size
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self._limit:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._out.write("".join(self._parts))
            self._parts.clear()
            self._size = 0
