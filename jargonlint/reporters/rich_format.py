"""Annotated findings for a person at a terminal: the line, the term, what to say."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from jargonlint.findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.reporters import Run

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABELS = {"error": "エラー", "warning": "警告", "info": "情報"}


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """Findings by file, each in its line with the term highlighted; each file as soon
    as it is done, and a count per severity at the end."""
    console = Console(file=out, highlight=False)
    counts = dict.fromkeys(SEVERITIES, 0)
    files_checked = 0
    for result in results:
        files_checked += result.checked
        if not result.findings:
            continue
        console.print(Text(result.path, style="bold underline"))
        for finding in result.findings:
            counts[finding.severity] += 1
            _finding(finding, console)
        console.print()
        out.flush()
    summary = Text(f"{files_checked} ファイルを確認: ")
    for i, (severity, n) in enumerate(counts.items()):
        if i:
            summary.append(" / ")
        summary.append(f"{LABELS[severity]} {n}", style=STYLES[severity] if n else "dim")
    console.print(summary)


def _finding(finding: Finding, console: Console) -> None:
    style = STYLES[finding.severity]
    head = Text("  ")
    place = finding.location or finding.line
    head.append(f"{place}:{finding.column}", style="dim")
    head.append(f"  {LABELS[finding.severity]}  ", style=style)
    head.append(finding.term, style="bold")
    if finding.category:
        head.append(f"  [{finding.category}]", style="dim")
    console.print(head)
    line = finding.source_line
    if line:
        start, end = finding.column - 1, finding.end_column - 1
        shown = Text()
        shown.append("    │ ", style="dim")
        shown.append(line[:start])
        shown.append(line[start:end], style=f"{style} reverse")
        shown.append(line[end:])
        # soft_wrap: Japanese has no spaces to break at, so rich would push the whole
        # line below its prefix; the terminal wraps it where it must instead.
        console.print(shown, soft_wrap=True)
    console.print(Text(f"    {finding.message}", style=style), soft_wrap=True)
    if finding.explanation:
        console.print(_labelled("説明", finding.explanation), soft_wrap=True)
    if finding.suggestions:
        console.print(_labelled("言い換え", "、".join(finding.suggestions)), soft_wrap=True)


def _labelled(label: str, value: str) -> Text:
    text = Text()
    text.append(f"    {label}: ", style="bold")
    text.append(value)
    return text
