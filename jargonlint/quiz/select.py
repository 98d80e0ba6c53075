"""Which terms a quiz asks about: those a team's scripts use, or chosen from the glossary.

Trainers teach the words their agents actually say, so by default the terms come
from the agent's lines of the scripts, read exactly as ``check`` reads them, the
most frequent first, each with the lines it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jargonlint.findings import Finding
from jargonlint.glossary import Entry
from jargonlint.linter import Glossary
from jargonlint.lookup import find_entry

if TYPE_CHECKING:
    from jargonlint.api import Checker

# Findings that are not a term used in a line (a stale suppression comment).
_NOT_A_TERM = frozenset({"unused-suppression"})


@dataclass(frozen=True)
class SourceLine:
    """A script line a term came from: where it is and what it says."""

    path: str
    line: int
    text: str
    matched: str
    location: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.location or self.line}"


@dataclass(frozen=True)
class QuizTerm:
    """A term to ask about, with how often and where the scripts use it."""

    entry: Entry
    count: int = 0
    sources: tuple[SourceLine, ...] = ()


@dataclass
class Scanned:
    """What reading the scripts gave: findings, and problems as one-line messages."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def scan_scripts(paths: Sequence[Path], checker: Checker) -> Scanned:
    """Lint script files the way ``check`` does, through the library API."""
    scanned = Scanned()
    for result in checker.check_paths(paths):
        if result.error:
            scanned.errors.append(result.error)
        elif result.skipped:
            scanned.warnings.append(result.skipped)
        else:
            scanned.findings.extend(result.findings)
    return scanned


def rank_findings(findings: Iterable[Finding], entries: Iterable[Entry]) -> list[QuizTerm]:
    """One QuizTerm per term found, the most frequent first (ties: first seen first)."""
    by_term = {e.term: e for e in entries}
    lines: dict[str, list[SourceLine]] = {}
    for finding in findings:
        if finding.rule in _NOT_A_TERM or finding.term not in by_term:
            continue
        lines.setdefault(finding.term, []).append(
            SourceLine(
                finding.path,
                finding.line,
                _spoken_part(finding),
                finding.matched,
                finding.location,
            )
        )
    order = sorted(lines, key=lambda term: -len(lines[term]))  # stable: keeps first-seen order
    return [QuizTerm(by_term[t], len(lines[t]), tuple(lines[t])) for t in order]


def from_categories(entries: Iterable[Entry], categories: Iterable[str]) -> list[QuizTerm]:
    """Every entry of the categories (all entries when none is named), in glossary order."""
    wanted = set(categories)
    return [QuizTerm(e) for e in entries if not wanted or e.category in wanted]


def from_names(glossary: Glossary, names: Iterable[str]) -> tuple[list[QuizTerm], list[str]]:
    """The entries a trainer named (any spelling or reading), and the names not found."""
    chosen: dict[str, QuizTerm] = {}
    unknown = []
    for name in names:
        entry = find_entry(glossary.entries, glossary.matcher, name)
        if entry is None:
            unknown.append(name)
        else:
            chosen.setdefault(entry.term, QuizTerm(entry))
    return list(chosen.values()), unknown


def _spoken_part(finding: Finding) -> str:
    """The line as said: for a CSV/TSV row, only the cell holding the term."""
    text = finding.source_line
    if finding.cell is None or finding.location is not None:
        return text  # plain text, or a Word/Excel cell that is already just the line
    separator = "\t" if "\t" in text else ","
    start = 0
    for part in text.split(separator):
        end = start + len(part)
        if start <= finding.column - 1 < end:
            return part.strip().strip('"').strip()
        start = end + 1
    return text
