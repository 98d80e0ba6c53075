"""Word (.docx) and Excel (.xlsx) scripts, read with python-docx and openpyxl.

Both are optional (``pip install 'jargonlint[office]'``): most teams lint text.
A location a writer can find stands in for line and column: a paragraph number
in Word, a sheet and cell reference in Excel. A table whose header names a
line column (セリフ) is read like a CSV script, with the 話者 column as speaker.

Both formats are zip files of XML, which a few kilobytes can make expand to
gigabytes or declare a million rows: the unzipped size is checked against the
limits before either library opens the file, and paragraphs and cells as they
are read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

from jargonlint.document import Segment, split_lines
from jargonlint.formats.table import Header, find_header
from jargonlint.limits import Limits


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


def _check_unzipped_size(data: bytes, limits: Limits) -> None:
    """Refuse a zip bomb before it is opened. The sizes a zip declares are a true
    bound: zipfile stops reading a member at its declared size (and then fails its CRC)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        limits.check("office_size", sum(member.file_size for member in archive.infolist()))


def docx_segments(
    data: bytes, columns: tuple[str, str] | None = None, limits: Limits | None = None
) -> list[Segment]:
    """Body paragraphs and table cells of a .docx, in reading order."""
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
    except ImportError:
        raise MissingExtra("docx") from None
    limits = limits or Limits()
    _check_unzipped_size(data, limits)
    document = docx.Document(io.BytesIO(data))
    paragraphs = sum(1 for _ in document.element.body.iter(qn("w:p")))
    limits.check("paragraphs", paragraphs)
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


def xlsx_segments(
    data: bytes, columns: tuple[str, str] | None = None, limits: Limits | None = None
) -> list[Segment]:
    """Text cells of every sheet; a sheet with a セリフ header is read as a script."""
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingExtra("xlsx") from None
    limits = limits or Limits()
    _check_unzipped_size(data, limits)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    result: list[Segment] = []
    counted = [0]  # cells read so far, across sheets
    try:
        for sheet in book.worksheets:
            # The size a sheet declares (A1:XFD1048576) would be padded out cell by
            # cell; without it, rows are only as long as their last cell.
            sheet.reset_dimensions()
            rows = _counted(sheet.iter_rows(values_only=True), counted, limits)
            first = list(islice(rows, 5))
            header = find_header(first, columns)
            if header is None:
                for r, row in enumerate(chain(first, rows), start=1):
                    for c, text in enumerate(row, start=1):
                        if text.strip():
                            ref = f"{sheet.title}!{get_column_letter(c)}{r}"
                            result.extend(_lines(text, r, ref))
                continue
            letter = get_column_letter(header.text + 1)
            rest = islice(chain(first, rows), header.row + 1, None)
            for r, row in enumerate(rest, start=header.row + 2):
                result.extend(_row(row, header, r, f"{sheet.title}!{letter}{r}"))
    finally:
        book.close()
    return result


def _counted(
    rows: Iterable[tuple[Any, ...]], counted: list[int], limits: Limits
) -> Iterator[list[str]]:
    """Rows as text, counting cells (an empty row counts as one) against the limit."""
    for row in rows:
        counted[0] += max(len(row), 1)
        limits.check("cells", counted[0])
        yield ["" if v is None else str(v) for v in row]
