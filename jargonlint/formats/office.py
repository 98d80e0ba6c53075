"""Word (.docx) and Excel (.xlsx) scripts, read with python-docx and openpyxl.

Both are optional (``pip install 'jargonlint[office]'``): most teams lint text.
A location a writer can find stands in for line and column: a paragraph number
in Word, a sheet and cell reference in Excel. A table whose header names a
line column (セリフ) is read like a CSV script, with the 話者 column as speaker.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from jargonlint.document import Segment
from jargonlint.formats.table import SPEAKER_HEADERS, TEXT_HEADERS


class MissingExtra(Exception):
    """The library for this format is not installed."""


def _header(
    rows: list[list[str]], columns: tuple[str, str] | None
) -> tuple[int, int | None, int, str] | None:
    """(header row, speaker column or None, text column, text column name)."""
    speakers = (columns[0],) if columns else SPEAKER_HEADERS
    texts = (columns[1],) if columns else TEXT_HEADERS
    for index, row in enumerate(rows[:5]):
        names = [value.strip() for value in row]
        text_index = next((i for i, name in enumerate(names) if name in texts), None)
        if text_index is not None:
            speaker_index = next((i for i, name in enumerate(names) if name in speakers), None)
            return index, speaker_index, text_index, names[text_index]
    return None


def _lines(
    text: str,
    number: int,
    location: str,
    cell: str | None = None,
    label: str | None = None,
    remarks: str = "",
) -> Iterator[Segment]:
    """A paragraph or cell may hold line breaks: one segment per line, same location."""
    for piece in text.split("\n"):
        yield Segment(
            number,
            piece,
            0,
            line_text=piece,
            cell=cell,
            location=location,
            label=label,
            remarks=remarks,
        )


def _others(row: list[str], *skip: int | None) -> str:
    """The row's other cells, where a writer may leave a suppression comment."""
    return "　".join(text for i, text in enumerate(row) if i not in skip and text.strip())


def docx_segments(data: bytes, columns: tuple[str, str] | None = None) -> list[Segment]:
    """Body paragraphs and table cells of a .docx, in reading order."""
    try:
        import docx
        from docx.table import Table
    except ImportError:
        raise MissingExtra("docx") from None
    document = docx.Document(io.BytesIO(data))
    result: list[Segment] = []
    paragraph = 0
    table_number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_number += 1
            result.extend(_docx_table(block, table_number, columns))
        else:
            paragraph += 1
            result.extend(_lines(block.text, paragraph, f"paragraph {paragraph}"))
    return result


def _docx_table(table: Any, number: int, columns: tuple[str, str] | None) -> list[Segment]:
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    found = _header(rows, columns)
    result: list[Segment] = []
    if found is None:
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row, start=1):
                result.extend(_lines(text, r, f"table {number}, row {r}, cell {c}"))
        return result
    header, speaker_index, text_index, name = found
    for r, row in enumerate(rows[header + 1 :], start=header + 2):
        speaker = row[speaker_index].strip() if speaker_index is not None else ""
        location = f"table {number}, row {r}, cell {text_index + 1}"
        remarks = _others(row, speaker_index, text_index)
        result.extend(_lines(row[text_index], r, location, name, speaker or None, remarks))
    return result


def xlsx_segments(data: bytes, columns: tuple[str, str] | None = None) -> list[Segment]:
    """Text cells of every sheet; a sheet with a セリフ header is read as a script."""
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingExtra("xlsx") from None
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    result: list[Segment] = []
    for sheet in book.worksheets:
        rows = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
        found = _header(rows, columns)
        if found is None:
            for r, row in enumerate(rows, start=1):
                for c, text in enumerate(row, start=1):
                    if text.strip():
                        ref = f"{sheet.title}!{get_column_letter(c)}{r}"
                        result.extend(_lines(text, r, ref))
            continue
        header, speaker_index, text_index, name = found
        letter = get_column_letter(text_index + 1)
        for r, row in enumerate(rows[header + 1 :], start=header + 2):
            if text_index >= len(row):
                continue
            speaker = row[speaker_index].strip() if speaker_index is not None else ""
            ref = f"{sheet.title}!{letter}{r}"
            remarks = _others(row, speaker_index, text_index)
            result.extend(_lines(row[text_index], r, ref, name, speaker or None, remarks))
    book.close()
    return result
