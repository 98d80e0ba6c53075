"""The text of a script as lines to lint, each knowing where it sits in its file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of spoken text: its physical line and the column where it starts."""

    line: int
    text: str
    column_offset: int = 0


def plain_lines(text: str) -> list[Segment]:
    """Every physical line of a plain-text script (CRLF, LF or CR endings)."""
    return [Segment(number, line) for number, line in enumerate(text.splitlines(), start=1)]
