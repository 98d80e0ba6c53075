"""CSV and TSV scripts, as Excel and script tools save them.

The speaker and line columns are found by their header (話者 / セリフ, or the
names given with --columns). Findings must point at the row's physical line
and at columns counted from the start of that line, which the csv module does
not report; so fields are scanned here, quoting rules included ("" inside a
quoted field, line breaks inside quotes).
"""

from __future__ import annotations

from dataclasses import dataclass

from jargonlint.document import Kind, Segment, split_lines

SPEAKER_HEADERS = ("話者", "発話者", "話し手", "スピーカー", "speaker")
TEXT_HEADERS = ("セリフ", "台詞", "せりふ", "トーク", "発話", "本文", "text")


@dataclass(frozen=True, slots=True)
class Field:
    """One field's content as it sits in the file: line, column and text."""

    parts: tuple[tuple[int, int, str], ...]  # (line number, start column, text) per line

    @property
    def value(self) -> str:
        return "\n".join(text for _, _, text in self.parts).replace('""', '"')


def scan(text: str, delimiter: str) -> list[list[Field]]:
    """Split text into rows of fields, keeping each field's position."""
    lines = split_lines(text)
    rows: list[list[Field]] = []
    number = 0
    while number < len(lines):
        row: list[Field] = []
        line = lines[number]
        column = 0
        while True:
            if line[column : column + 1] == '"':
                parts: list[tuple[int, int, str]] = []
                start = column + 1
                while True:
                    end = _closing_quote(line, start)
                    if end >= 0:
                        parts.append((number + 1, start, line[start:end]))
                        column = end + 1
                        break
                    parts.append((number + 1, start, line[start:]))
                    number += 1
                    if number >= len(lines):
                        column = len(line)
                        break
                    line, start = lines[number], 0
                row.append(Field(tuple(parts)))
                next_delimiter = line.find(delimiter, column)
                column = len(line) if next_delimiter < 0 else next_delimiter
            else:
                end = line.find(delimiter, column)
                stop = len(line) if end < 0 else end
                row.append(Field(((number + 1, column, line[column:stop]),)))
                column = stop
            if column >= len(line):
                break
            column += len(delimiter)
            if column == len(line):  # a trailing delimiter: one more empty field
                row.append(Field(((number + 1, column, ""),)))
                break
        rows.append(row)
        number += 1
    return rows


def _closing_quote(line: str, start: int) -> int:
    """Index of the quote that closes a quoted field, skipping "" escapes; -1 if none."""
    i = start
    while True:
        i = line.find('"', i)
        if i < 0:
            return -1
        if line[i + 1 : i + 2] == '"':
            i += 2
            continue
        return i


def segments(
    text: str, delimiter: str, columns: tuple[str, str] | None = None
) -> list[Segment] | None:
    """Segments of the line column, labelled from the speaker column.

    Returns None when no header names a line column: the caller then treats
    the file as plain text.
    """
    rows = scan(text, delimiter)
    header = find_header([[field.value for field in row] for row in rows[:5]], columns)
    if header is None:
        return None
    lines = split_lines(text)
    names = [field.value.strip() for field in rows[header.row]]
    result: list[Segment] = []
    for row in rows[header.row + 1 :]:
        speaker = ""
        if header.speaker is not None and header.speaker < len(row):
            speaker = row[header.speaker].value.strip()
        for index, field in enumerate(row):
            if index == header.speaker:
                continue
            spoken = index == header.text
            name = names[index] if index < len(names) else ""
            for number, start, part in field.parts:
                if not spoken and not part.strip():
                    continue
                result.append(
                    Segment(
                        number,
                        part,
                        start,
                        line_text=lines[number - 1],
                        cell=name,
                        label=(speaker or None) if spoken else None,
                        kind=Kind.SPOKEN if spoken else Kind.COLUMN,
                        reason="" if spoken else f"table column {name!r}, not the line column",
                    )
                )
    return result


@dataclass(frozen=True, slots=True)
class Header:
    """Where a table's header names its columns."""

    row: int
    speaker: int | None  # the 話者 column, if any
    text: int  # the セリフ column
    text_name: str


def find_header(rows: list[list[str]], columns: tuple[str, str] | None) -> Header | None:
    """The header among the first rows of a table (CSV, Word or Excel)."""
    speakers = (columns[0],) if columns else SPEAKER_HEADERS
    texts = (columns[1],) if columns else TEXT_HEADERS
    for index, row in enumerate(rows[:5]):
        names = [value.strip() for value in row]
        text = next((i for i, name in enumerate(names) if name in texts), None)
        if text is not None:
            speaker = next((i for i, name in enumerate(names) if name in speakers), None)
            return Header(index, speaker, text, names[text])
    return None
