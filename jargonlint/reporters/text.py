"""One line per finding, for pipes, editors' problem matchers and grep."""

from __future__ import annotations

from typing import TextIO

from jargonlint.findings import Finding


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


def report(findings: list[Finding], out: TextIO) -> None:
    """Only the findings, so that every line of output is one finding."""
    for finding in findings:
        print(format_finding(finding), file=out)
