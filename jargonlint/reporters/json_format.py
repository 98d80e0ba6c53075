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
            chunks.write(separator + _finding(finding.to_dict()))
            separator = ",\n"
    chunks.write("]" if separator == "\n" else f"\n{_INDENT}]")
    summary = {"files": files, **counts, "errors": len(errors)}
    chunks.write(f',\n{_INDENT}"summary": {_pretty(summary, 1)}')
    chunks.write(f',\n{_INDENT}"errors": {_pretty(errors, 1)}\n}}\n')
    chunks.flush()


def _finding(fields: dict[str, Any]) -> str:
    """One finding at its depth in the document: _pretty(fields, 2), with the common
    values (strings, numbers, null) formatted in place; it runs once per finding."""
    lines = []
    for key, value in fields.items():
        kind = type(value)
        if kind is str:
            text = _string(value)
        elif value is None:
            text = "null"
        elif kind is int:
            text = int.__repr__(value)
        else:
            text = _pretty(value, 3)
        lines.append(f"{_INDENT * 3}{_string(key)}: {text}")
    return _INDENT * 2 + "{\n" + ",\n".join(lines) + "\n" + _INDENT * 2 + "}"


def _pretty(value: Any, level: int) -> str:
    """``value`` as json.dumps(indent=2, ensure_ascii=False) prints it at this depth.

    A finding is a flat mapping of strings, numbers, None and lists of strings, so a
    dispatch on the exact type (bool before int) does in one pass what the json
    module's pure-Python indenting encoder does with a generator per level.
    """
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is dict:
        if not value:
            return "{}"
        inner = _INDENT * (level + 1)
        items = ",\n".join(
            f"{inner}{_string(str(k))}: {_pretty(v, level + 1)}" for k, v in value.items()
        )
        return f"{{\n{items}\n{_INDENT * level}}}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = _INDENT * (level + 1)
        items = ",\n".join(inner + _pretty(v, level + 1) for v in value)
        return f"[\n{items}\n{_INDENT * level}]"
    return encoder.JSONEncoder(ensure_ascii=False).encode(value)  # floats, subclasses
