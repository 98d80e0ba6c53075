"""Quiz writers, one module per format, found through this registry.

A new format is one module with ``render(quiz) -> Rendered`` plus one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import PurePath

from jargonlint.quiz.questions import Quiz


@dataclass
class Rendered:
    """A written quiz and what the writer had to leave out, as warnings."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Format:
    """A quiz format: its name, the file suffixes that pick it and what it needs."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    binary: bool = False  # never written to a terminal
    extra: str | None = None  # the pip extra that brings its libraries
    cannot_ask: tuple[str, ...] = ()  # question kinds the target tool has no type for


class MissingExtra(Exception):
    """The format's libraries are not installed; the message says how to get them."""


FORMATS = {
    f.name: f
    for f in (
        Format("md", (".md", ".markdown"), "markdown"),
        Format("html", (".html", ".htm"), "html"),
        Format("csv", (".csv",), "csv_format"),
        Format("gift", (".gift",), "gift"),
        Format("kahoot", (".xlsx",), "kahoot", binary=True, extra="quiz", cannot_ask=("matching",)),
        Format("anki", (".apkg",), "anki", binary=True, extra="quiz"),
        Format("json", (".json",), "json_format"),
    )
}


def by_suffix(path: str) -> Format | None:
    """The format an output file's suffix names (hikari.gift → gift)."""
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def render(quiz: Quiz, name: str) -> Rendered:
    """Write ``quiz`` in format ``name``; raises MissingExtra naming the pip extra."""
    chosen = FORMATS[name]
    try:
        module = importlib.import_module(f"{__name__}.{chosen.module}")
        return module.render(quiz)
    except ModuleNotFoundError as exc:
        if chosen.extra is None or exc.name in (None, "jargonlint") or "jargonlint" in exc.name:
            raise
        raise MissingExtra(
            f"the {name} format needs the {chosen.extra} extra ({exc.name} is missing): "
            f"pip install 'jargonlint[{chosen.extra}]'"
        ) from None
