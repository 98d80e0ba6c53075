"""How a script was read, line by line: who speaks, what is unspoken, and why.

A writer who disagrees with a finding (or with a missing one) needs to see which
label or rule made a line the agent's, the customer's or nobody's, so that they
can change the label or the settings instead of guessing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from jargonlint.document import Kind
from jargonlint.script import Script

if TYPE_CHECKING:
    from rich.console import Console

ROLE_COLOURS = {"agent": "green", "customer": "cyan", "unspoken": "bright_black"}


@dataclass(frozen=True)
class ReadFile:
    """One script's path and how it was read."""

    path: str
    script: Script


def rows(script: Script) -> list[dict[str, Any]]:
    """Every non-blank segment: role (agent, customer, unspoken), kind and reason."""
    found = []
    for segment in script.segments:
        if segment.kind is Kind.BLANK:
            continue
        role = (segment.role if segment.kind is Kind.SPOKEN else None) or "unspoken"
        found.append(
            {
                "line": segment.line,
                "column": segment.column_offset + 1,
                "role": role,
                "kind": segment.kind.value,
                "label": segment.label,
                "cell": segment.cell,
                "location": segment.location,
                "reason": segment.reason or _default_reason(segment.kind),
                "text": segment.text,
            }
        )
    return found


def _default_reason(kind: Kind) -> str:
    return {Kind.HEADING: "heading", Kind.CODE: "code"}.get(kind, "")


def _guesses(script: Script) -> list[dict[str, Any]]:
    return [
        {"name": g.name, "role": g.role, "line": g.line, "count": g.count, "message": g.message()}
        for g in script.guesses
    ]


def report_json(files: Sequence[ReadFile], errors: Sequence[str], out: TextIO) -> None:
    document = {
        "version": 1,
        "files": [
            {
                "path": f.path,
                "layout": f.script.layout,
                "guesses": _guesses(f.script),
                "lines": rows(f.script),
            }
            for f in files
        ],
        "errors": list(errors),
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def report_text(files: Sequence[ReadFile], out: TextIO) -> None:
    """``path:line:col: role kind — reason | text``, one line per segment."""
    for file in files:
        out.write(f"{file.path}: layout: {file.script.layout}\n")
        for row in rows(file.script):
            place = row["location"] or row["line"]
            kind = "" if row["kind"] == "spoken" else f" ({row['kind']})"
            out.write(
                f"{file.path}:{place}:{row['column']}: {row['role']}{kind} — {row['reason']}"
                f" | {row['text'].strip()}\n"
            )
        for guess in file.script.guesses:
            out.write(f"{file.path}:{guess.line}: speaker-guess: {guess.message()}\n")


def show(files: Sequence[ReadFile], console: Console) -> None:
    """A table per script, coloured by role."""
    from rich.table import Table
    from rich.text import Text

    for file in files:
        table = Table(title=f"{file.path}（{file.script.layout}）", title_justify="left")
        for name in ("行", "話し手", "種類", "理由", "テキスト"):
            table.add_column(name, overflow="fold")
        for row in rows(file.script):
            colour = ROLE_COLOURS.get(row["role"], "")
            table.add_row(
                str(row["location"] or row["line"]),
                Text(row["role"], style=colour),
                row["kind"],
                row["reason"],
                Text(row["text"].strip(), style=colour),
            )
        console.print(table)
        for guess in file.script.guesses:
            console.print(f"[yellow]speaker-guess[/] {guess.line}行目: {guess.message()}")
