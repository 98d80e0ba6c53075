"""Markdown scripts: lint the prose, never code, front matter or comments.

Unlintable parts are blanked with spaces rather than cut out, so every column
still refers to the .md file; whole lines of code become CODE segments.
Headings are not spoken; a list item starts a new turn (its marker is dropped).
"""

from __future__ import annotations

import re

from jargonlint.document import Kind, Segment, split_lines

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}(\s|$)")
_LIST_OR_QUOTE = re.compile(r" {0,3}(?:[-*+]|\d{1,3}[.)]|>)[ \t]+")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"


def segments(text: str) -> list[Segment]:
    """One segment per physical line of a Markdown file."""
    result: list[Segment] = []
    lines = split_lines(text)
    fence: str | None = None
    in_comment = False
    front_matter = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        if front_matter:
            result.append(Segment(number, line, line_text=line, kind=Kind.CODE))
            if number > 1 and line.strip() in ("---", "..."):
                front_matter = False
            continue
        opened = _FENCE.match(line)
        if fence is not None or opened:
            if fence is None and opened:
                fence = opened[1][0] * len(opened[1])
            elif fence is not None and line.strip().startswith(fence) and not line.strip(fence[0]):
                fence = None
            result.append(Segment(number, line, line_text=line, kind=Kind.CODE))
            continue
        visible, in_comment = _blank_comments(line, in_comment)
        visible = _INLINE_CODE.sub(lambda m: " " * len(m[0]), visible)
        if _HEADING.match(visible):
            result.append(Segment(number, visible, line_text=line, kind=Kind.HEADING))
            continue
        offset = 0
        marker = _LIST_OR_QUOTE.match(visible)
        if marker:
            offset = marker.end()
        kind = Kind.SPOKEN if visible.strip() else Kind.BLANK
        result.append(Segment(number, visible[offset:], offset, line_text=line, kind=kind))
    return result


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
