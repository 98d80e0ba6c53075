"""The JSON report: a stable contract (version 1) for tools and the evaluation.

Written as ``json.dump(document, indent=2)`` would write it, byte for byte, but
one file's findings at a time and in large chunks: the whole document is never
held in memory, and an unbuffered stdout is not written once per token.
"""

from __future__ import annotations

from collections.abc import Iterable
from json import encoder
from typing import TYPE_CHECKING, Any, TextIO

from jargonlint.findings import SEVERITIES
from jargonlint.reporters import Chunks

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.reporters import Run

VERSION = 1
_INDENT = "  "
_string = encoder.encode_basestring  # ensure_ascii=False; the C version where built


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """Write the whole report as one JSON document."""
    chunks = Chunks(out)
    chunks.write(f'{{\n{_INDENT}"version": {VERSION},\n{_INDENT}"findings": [')
    counts = dict.fromkeys(SEVERITIES, 0)
    files = 0
    errors: list[str] = []
    separator = "\n"
    for result in results:
        files += result.checked
        if result.error:
            errors.append(result.error)
        for finding in result.findings:
            counts[finding.severity] += 1
            chunks.write(separator + _INDENT * 2 + _pretty(finding.to_dict(), 2))
            separator = ",\n"
    chunks.write("]" if separator == "\n" else f"\n{_INDENT}]")
    summary = {"files": files, **counts, "errors": len(errors)}
    chunks.write(f',\n{_INDENT}"summary": {_pretty(summary, 1)}')
    chunks.write(f',\n{_INDENT}"errors": {_pretty(errors, 1)}\n}}\n')
    chunks.flush()


def _pretty(value: Any, level: int) -> str:
    """``value`` as json.dumps(indent=2, ensure_ascii=False) prints it at this depth."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ",\n".join(
            f"{_INDENT * (level + 1)}{_string(str(k))}: {_pretty(v, level + 1)}"
            for k, v in value.items()
        )
        return f"{{\n{inner}\n{_INDENT * level}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = ",\n".join(f"{_INDENT * (level + 1)}{_pretty(v, level + 1)}" for v in value)
        return f"[\n{inner}\n{_INDENT * level}]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return encoder.JSONEncoder().encode(value)
    return int.__repr__(value)
