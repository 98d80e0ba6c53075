"""GitHub Actions workflow commands: each finding becomes an annotation on the diff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from jargonlint.findings import Finding

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.reporters import Run

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_finding(finding: Finding) -> str:
    """``::warning file=…,line=…,col=…,endColumn=…,title=…::message``."""
    text = f"{finding.term} — {finding.reason}"
    if finding.suggestions:
        text += f"（言い換え: {'、'.join(finding.suggestions)}）"
    if finding.location:
        text = f"{finding.location}: {text}"
    properties = ",".join(
        f"{key}={_property(str(value))}"
        for key, value in (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("endLine", finding.end_line),
            ("endColumn", finding.end_column),
            ("title", f"jargonlint ({finding.rule})"),
        )
    )
    return f"::{LEVELS[finding.severity]} {properties}::{_data(text)}"


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """One workflow command per finding; each file's as soon as that file is done."""
    for result in results:
        if result.findings:
            out.write("".join(format_finding(f) + "\n" for f in result.findings))
            out.flush()
