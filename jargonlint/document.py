"""A script as the linter sees it: segments of text, each knowing where it sits.

Every reader (plain text, Markdown, CSV/TSV, Word, Excel) turns a file into
segments; the script-structure step then says who speaks each one and whether it
is spoken at all. Positions always refer to the file as the writer saved it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# Only these end a line. str.splitlines() also breaks on \f, \x1c-\x1e, NEL and
# U+2028/2029, which editors show inside a line: line numbers would drift.
_LINE_BREAK = re.compile("\r\n|\r|\n")


class Kind(StrEnum):
    """What a segment is in the script."""

    SPOKEN = "spoken"  # said on the phone (by whichever speaker)
    HEADING = "heading"  # 【オープニング】, # 本題
    NOTE = "note"  # ※ instructions to the agent
    BRANCH = "branch"  # ▼お客様が「忙しい」と言った場合
    BLANK = "blank"  # nothing to say
    CODE = "code"  # Markdown code, front matter: never linted
    LEGEND = "legend"  # A＝営業担当　B＝先方: defines the file's speaker labels
    NARRATION = "narration"  # （間）, a title, trainer prose, text outside 「」
    COLUMN = "column"  # a table cell outside the line column: 場面, 注意点, ポイント


UNSPOKEN = frozenset(
    {Kind.HEADING, Kind.NOTE, Kind.BRANCH, Kind.LEGEND, Kind.NARRATION, Kind.COLUMN}
)


@dataclass(slots=True)
class Segment:
    """Text to consider for linting, located in its file.

    ``line`` is the physical line (a paragraph number in .docx, a row in .xlsx),
    ``column_offset`` the 0-based column where ``text`` starts in ``line_text``.
    ``label`` is the speaker as written (a label's name or a 話者 cell);
    ``role`` is what the structure step made of it.
    """

    line: int
    text: str
    column_offset: int = 0
    line_text: str = ""
    cell: str | None = None
    location: str | None = None
    label: str | None = None
    kind: Kind = Kind.SPOKEN
    role: str | None = None  # "agent", "customer", or None (not attributed)
    new_turn: bool = False  # a Markdown list item or paragraph break: ends the last turn
    remarks: str = ""  # the row's other cells (Word/Excel tables): read for directives only
    reason: str = ""  # why the structure step gave this kind and role (jargonlint structure)
    fence: int = 0  # which Markdown code fence holds the line (0: none)


def split_lines(text: str) -> list[str]:
    """The physical lines of a text, as editors number them: split on CRLF, LF or CR
    only; like str.splitlines(), a final line break starts no extra line."""
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def plain_lines(text: str) -> list[Segment]:
    """Every physical line of a plain-text script (CRLF, LF or CR endings)."""
    return [
        Segment(number, line, line_text=line) for number, line in enumerate(split_lines(text), 1)
    ]
