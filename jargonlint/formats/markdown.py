"""Markdown scripts: the prose and dialogue, never code, markup, links or comments.

Unlintable parts are blanked with spaces rather than cut out, so every column
still refers to the .md file. Code fences become CODE lines, except that their
lines are handed on as possible dialogue (numbered by fence): the script step
decides whether a fence holds a conversation. A pipe table whose header names
a line column (セリフ, トーク…) is read like a CSV script. A blank line or a list
item ends the speaker's turn.
"""

from __future__ import annotations

import re

from jargonlint.document import Kind, Segment, split_lines
from jargonlint.formats.table import SPEAKER_HEADERS, TEXT_HEADERS

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}(\s|$)")
_LIST = re.compile(r" {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r" {0,3}(?:>[ \t]?)+")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"(?<=\])(?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK_OR_TAG = re.compile(r"<(?:https?://[^>]*|/?[A-Za-z][^>]*)>")
_DETAILS_OPEN = re.compile(r"\s*<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_TABLE_ROW = re.compile(r" {0,3}\|")
_TABLE_RULE = re.compile(r" {0,3}\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"


def _blank(match: re.Match[str]) -> str:
    return " " * len(match[0])


def segments(text: str) -> list[Segment]:
    """One segment per physical line of a Markdown file (one per cell in a script table)."""
    result: list[Segment] = []
    lines = split_lines(text)
    fence: str | None = None
    fences = 0
    in_comment = False
    in_details = False
    table: _Table | None = None
    front_matter = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        if front_matter:
            result.append(
                Segment(number, line, line_text=line, kind=Kind.CODE, reason="front matter")
            )
            if number > 1 and line.strip() in ("---", "..."):
                front_matter = False
            continue
        opened = _FENCE.match(line)
        if fence is not None or opened:
            if fence is None and opened:
                fence = opened[1][0] * len(opened[1])
                fences += 1
            elif fence is not None and line.strip().startswith(fence) and not line.strip(fence[0]):
                fence = None
            else:
                kind = Kind.SPOKEN if line.strip() else Kind.BLANK
                result.append(Segment(number, line, line_text=line, kind=kind, fence=fences))
                continue
            result.append(
                Segment(number, line, line_text=line, kind=Kind.CODE, reason="code fence")
            )
            continue
        visible, in_comment = _blank_comments(line, in_comment)
        visible = _INLINE_CODE.sub(_blank, visible)
        visible = _IMAGE.sub(_blank, visible)
        visible = _LINK_TARGET.sub(_blank, visible)
        if in_details or _DETAILS_OPEN.match(visible):
            in_details = not _DETAILS_CLOSE.search(visible)
            visible = _AUTOLINK_OR_TAG.sub(_blank, visible)
            kind = Kind.NOTE if visible.strip() else Kind.BLANK
            result.append(
                Segment(number, visible, line_text=line, kind=kind, reason="<details> block")
            )
            continue
        visible = _AUTOLINK_OR_TAG.sub(_blank, visible)
        if _TABLE_ROW.match(visible):
            if table is None and number < len(lines) and _TABLE_RULE.fullmatch(lines[number]):
                table = _Table.from_header(visible)
                if table is not None:
                    result.extend(table.header_segments(number, visible, line))
                    continue
            elif table is not None:
                result.extend(table.row_segments(number, visible, line))
                continue
        else:
            table = None
        if _HEADING.match(visible):
            result.append(
                Segment(
                    number, visible, line_text=line, kind=Kind.HEADING, reason="Markdown heading"
                )
            )
            continue
        offset, new_turn = 0, False
        quoted = _QUOTE.match(visible)
        if quoted:
            offset = quoted.end()
        marker = _LIST.match(visible, offset)
        if marker:
            offset, new_turn = marker.end(), True
        kind = Kind.SPOKEN if visible.strip() else Kind.BLANK
        new_turn = new_turn or kind is Kind.BLANK
        result.append(
            Segment(number, visible[offset:], offset, line_text=line, kind=kind, new_turn=new_turn)
        )
    return result


def _cells(row: str) -> list[tuple[int, str]]:
    """The cells of a pipe-table row, each with the column where its text starts."""
    start = row.index("|") + 1
    cells = []
    while start <= len(row):
        end = row.find("|", start)
        while end > 0 and row[end - 1] == "\\":
            end = row.find("|", end + 1)
        if end < 0:
            if row[start:].strip():
                cells.append((start, row[start:]))
            break
        cells.append((start, row[start:end]))
        start = end + 1
    return cells


class _Table:
    """A pipe table with a line column: read like a CSV script, cell by cell."""

    def __init__(self, names: list[str], text: int, speaker: int | None) -> None:
        self.names = names
        self.text = text
        self.speaker = speaker

    @classmethod
    def from_header(cls, row: str) -> _Table | None:
        names = [cell.strip().strip("*") for _, cell in _cells(row)]
        text = next((i for i, name in enumerate(names) if name in TEXT_HEADERS), None)
        if text is None:
            return None
        speaker = next((i for i, name in enumerate(names) if name in SPEAKER_HEADERS), None)
        return cls(names, text, speaker)

    def header_segments(self, number: int, visible: str, line: str) -> list[Segment]:
        return [Segment(number, visible, line_text=line, kind=Kind.CODE, reason="table header")]

    def row_segments(self, number: int, visible: str, line: str) -> list[Segment]:
        if _TABLE_RULE.fullmatch(visible):
            return [Segment(number, visible, line_text=line, kind=Kind.CODE, reason="table rule")]
        cells = _cells(visible)
        speaker = None
        if self.speaker is not None and self.speaker < len(cells):
            speaker = cells[self.speaker][1].strip() or None
        found = []
        for index, (start, cell) in enumerate(cells):
            name = self.names[index] if index < len(self.names) else ""
            if index == self.speaker:
                continue
            spoken = index == self.text
            if not spoken and not cell.strip():
                continue
            segment = Segment(number, cell, start, line_text=line, cell=name)
            if spoken:  # the speaker column names who, else the line is the agent's
                segment.label = speaker
                segment.role = None if self.speaker is not None else "agent"
                segment.reason = f"the {name} column of a table"
            else:
                segment.kind = Kind.COLUMN
                segment.reason = f"table column {name!r}, not the line column"
            found.append(segment)
        return found


def _blank_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """Replace HTML comments (which may span lines) with spaces."""
    out = []
    i = 0
    while i < len(line):
        if in_comment:
            end = line.find(_COMMENT_CLOSE, i)
            stop = len(line) if end < 0 else end + len(_COMMENT_CLOSE)
            out.append(" " * (stop - i))
            i = stop
            in_comment = end < 0
        else:
            start = line.find(_COMMENT_OPEN, i)
            if start < 0:
                out.append(line[i:])
                break
            out.append(line[i:start])
            i = start
            in_comment = True
    return "".join(out), in_comment
