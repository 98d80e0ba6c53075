"""One line per finding, for pipes, editors' problem matchers and grep."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from jargonlint.findings import Finding

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.reporters import Run


def format_finding(finding: Finding) -> str:
    """``path:line:col: severity: term — explanation (言い換え: …)``.

    Word and Excel findings show their location (``paragraph 3``, ``Sheet1!C5``)
    where a line number would be.
    """
    place = finding.location or finding.line
    where = f"{finding.path}:{place}:{finding.column}"
    text = f"{where}: {finding.severity}: {finding.term} — {finding.reason}"
    if finding.suggestions:
        text += f" (言い換え: {'、'.join(finding.suggestions)})"
    return text


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """Only the findings, so that every line of output is one finding; each file's
    lines as soon as that file is done."""
    for result in results:
        if result.findings:
            out.write("".join(format_finding(f) + "\n" for f in result.findings))
            out.flush()
