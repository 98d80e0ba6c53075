"""Read one script file into segments, choosing the reader by the file's suffix.

Each format's reader is imported when a file of its kind is read: most runs read
plain text only, and need neither the zip and XML machinery nor the Markdown patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from jargonlint.decoding import DecodedText, InputError, decode
from jargonlint.document import Segment, plain_lines, split_lines
from jargonlint.limits import LimitError, Limits

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".csv", ".tsv")
OFFICE_SUFFIXES = (".docx", ".xlsx")
SUPPORTED = (*TEXT_SUFFIXES, *OFFICE_SUFFIXES)


@dataclass(frozen=True)
class ReadOptions:
    """How to read files: a forced encoding, the CSV/Excel columns to use, and limits."""

    encoding: str | None = None
    columns: tuple[str, str] | None = None  # (speaker column, line column)
    limits: Limits = field(default_factory=Limits)


def read_segments(name: str, data: bytes, options: ReadOptions) -> list[Segment]:
    """Segments of a script file; raises InputError for what cannot be read."""
    return read_document(name, data, options)[0]


def read_document(
    name: str, data: bytes, options: ReadOptions
) -> tuple[list[Segment], DecodedText | None]:
    """Segments of a script file and, for text formats, the text they were read from
    (what a fixer edits and writes back); raises InputError for what cannot be read."""
    suffix = PurePath(name).suffix.lower()
    if suffix in OFFICE_SUFFIXES:
        from jargonlint.formats import office

        reader = office.docx_segments if suffix == ".docx" else office.xlsx_segments
        try:
            found = reader(data, options.columns, options.limits)
        except LimitError:
            raise
        except office.MissingExtra:
            raise InputError(
                f"reading {suffix} files needs the office extra: pip install 'jargonlint[office]'"
            ) from None
        except Exception as exc:  # a corrupt or mislabelled file: zip, XML or openpyxl errors
            raise InputError(f"cannot read as {suffix} ({type(exc).__name__}: {exc})") from None
        for segment in found:
            where = segment.location or f"line {segment.line}"
            options.limits.check("line_length", len(segment.line_text), where=where)
        return found, None
    if suffix and suffix not in TEXT_SUFFIXES:
        raise InputError(f"unsupported format {suffix!r} (supported: {' '.join(SUPPORTED)})")
    decoded = decode(data, options.encoding)
    _check_line_lengths(decoded.text, options.limits)
    return text_segments(name, decoded.text, options.columns), decoded


def text_segments(name: str, text: str, columns: tuple[str, str] | None = None) -> list[Segment]:
    """Segments of decoded script text, read as Markdown, CSV/TSV or plain lines by the
    suffix of ``name``; raises InputError when the named columns are missing."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".md", ".markdown"):
        from jargonlint.formats import markdown

        return markdown.segments(text)
    if suffix in (".csv", ".tsv"):
        from jargonlint.formats import table

        found = table.segments(text, "\t" if suffix == ".tsv" else ",", columns)
        if found is not None:
            return found
        if columns:
            raise InputError(f"no column named {columns[1]!r} in the header")
    return plain_lines(text)


def _check_line_lengths(text: str, limits: Limits) -> None:
    """Refuse a text with a line over the limit before any reader scans it."""
    if len(text) <= limits.line_length:
        return
    for number, line in enumerate(split_lines(text), start=1):
        limits.check("line_length", len(line), where=f"line {number}")
