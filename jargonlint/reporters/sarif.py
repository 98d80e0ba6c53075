"""SARIF 2.1.0, the report code-scanning services and editors' SARIF viewers read.

Each glossary entry is one rule, its plain explanation the help text, so a
viewer can show what a term means and what to say instead; a suppression that
suppressed nothing is one more rule. Regions count columns the way jargonlint
does, in characters of the decoded line (``columnKind: unicodeCodePoints``), so
they point into the file as its writer saved it. Word and Excel findings name
their paragraph or cell as a logical location instead of a region. Written in
large chunks, one result per line, never as one document held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from jargonlint.glossary import AUDIENCE_LABELS, AVOID_LABELS
from jargonlint.reporters import Chunks

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.findings import Finding
    from jargonlint.glossary import Entry
    from jargonlint.reporters import Run

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
UNUSED_SUPPRESSION = "unused-suppression"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """One SARIF log with one run: the rules, then each result as its file is done."""
    rules = [_rule(entry) for entry in run.entries()]
    rules.append(_unused_suppression_rule())
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver = {
        "name": "jargonlint",
        "version": run.version,
        "informationUri": "https://pypi.org/project/jargonlint/",
        "rules": rules,
    }
    chunks = Chunks(out)
    chunks.write(
        f'{{"$schema": {_dumps(SCHEMA)}, "version": "2.1.0", "runs": [{{'
        f'"tool": {{"driver": {_dumps(driver)}}}, '
        '"columnKind": "unicodeCodePoints", "results": ['
    )
    errors: list[str] = []
    separator = "\n"
    for result in results:
        if result.error:
            errors.append(result.error)
        for finding in result.findings:
            chunks.write(separator + _dumps(_result(finding, index)))
            separator = ",\n"
    invocation = {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": message}} for message in errors
        ],
    }
    chunks.write(f'\n], "invocations": [{_dumps(invocation)}]}}]}}\n')
    chunks.flush()


def _rule(entry: Entry) -> dict[str, Any]:
    help_lines = [entry.explanation, f"言い換え: {'、'.join(entry.say_instead)}"]
    help_lines += [
        f"{AUDIENCE_LABELS[audience]}には誤用: {message}"
        for audience, message in entry.misuse.items()
    ]
    if entry.detail:
        help_lines.append(f"くわしく: {entry.detail}")
    return {
        "id": entry.term,
        "shortDescription": {
            "text": f"{entry.term}（{entry.reading}）: {AVOID_LABELS[entry.avoid_for]}"
        },
        "fullDescription": {"text": entry.explanation},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": [entry.category], "reading": entry.reading},
    }


def _unused_suppression_rule() -> dict[str, Any]:
    text = "何も抑止していない jargonlint の抑止コメントです。消してください。"
    return {
        "id": UNUSED_SUPPRESSION,
        "shortDescription": {"text": "使われていない抑止コメント"},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": "note"},
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    rule_id = UNUSED_SUPPRESSION if finding.rule == UNUSED_SUPPRESSION else finding.term
    text = f"{finding.term} — {finding.reason}" if finding.term else finding.reason
    if finding.suggestions:
        text += f"（言い換え: {'、'.join(finding.suggestions)}）"
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}}
    }
    if finding.location:  # Word and Excel: a paragraph or cell, not a line of the file
        location["logicalLocations"] = [{"name": finding.location, "kind": "element"}]
    else:
        location["physicalLocation"]["region"] = {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
            "snippet": {"text": finding.matched},
        }
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [location],
        "properties": {
            "rule": finding.rule,
            "term": finding.term,
            "matched": finding.matched,
            "category": finding.category,
            "suggestions": list(finding.suggestions),
        },
    }
    if rule_id in index:
        result["ruleIndex"] = index[rule_id]
    if finding.cell:
        result["properties"]["cell"] = finding.cell
    return result


def _uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")
