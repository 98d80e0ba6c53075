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

from jargonlint.document import Segment, split_lines
from jargonlint.formats.table import Header, find_header


class MissingExtra(Exception):
    """The library for this format is not installed."""


def _lines(
    text: str,
    number: int,
    location: str,
    cell: str | None = None,
    label: str | None = None,
    remarks: str = "",
) -> Iterator[Segment]:
    """A paragraph or cell may hold line breaks: one segment per line, same location."""
    for piece in split_lines(text) or [""]:
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
    header = find_header(rows, columns)
    result: list[Segment] = []
    if header is None:
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row, start=1):
                result.extend(_lines(text, r, f"table {number}, row {r}, cell {c}"))
        return result
    for r, row in enumerate(rows[header.row + 1 :], start=header.row + 2):
        result.extend(_row(row, header, r, f"table {number}, row {r}, cell {header.text + 1}"))
    return result


def _row(row: list[str], header: Header, number: int, location: str) -> Iterator[Segment]:
    """The line cell of one table row, with its speaker and the rest of the row."""
    if header.text >= len(row):
        return iter(())
    speaker = row[header.speaker].strip() if header.speaker is not None else ""
    remarks = _others(row, header.speaker, header.text)
    return _lines(row[header.text], number, location, header.text_name, speaker or None, remarks)


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
        header = find_header(rows, columns)
        if header is None:
            for r, row in enumerate(rows, start=1):
                for c, text in enumerate(row, start=1):
                    if text.strip():
                        ref = f"{sheet.title}!{get_column_letter(c)}{r}"
                        result.extend(_lines(text, r, ref))
            continue
        letter = get_column_letter(header.text + 1)
        for r, row in enumerate(rows[header.row + 1 :], start=header.row + 2):
            result.extend(_row(row, header, r, f"{sheet.title}!{letter}{r}"))
    book.close()
    return result
