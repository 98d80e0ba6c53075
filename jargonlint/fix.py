"""Safe fixes: edits planned from findings, spliced into the file's own bytes.

Writers must be able to trust a fix without re-reading the whole script, so a
fix does only what cannot break a sentence: a short explanation in brackets after
the first use of a term (``explain``), or a say-instead word swapped in where the
glossary marks that swap as safe and the term stands alone before a particle or
punctuation (``replace``). Misuses need a person and are never touched.

Edits are made on the decoded text and written back into the original bytes:
everything outside the edited spans (BOM, encoding, line ends, even code points
that would not survive a decode/encode round trip) stays byte for byte. The
findings given must come from a check of the agent's spoken lines only
(speakers=agent, spoken only), so that no customer's line is ever edited.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from jargonlint.findings import SEVERITY_RANK, Finding
from jargonlint.formats import table
from jargonlint.glossary import GLOSS_MAX, Entry

if TYPE_CHECKING:
    from jargonlint.api import SourceText

UNWRITABLE_SUFFIXES = (".docx", ".xlsx")  # rebuilt by a library: never byte for byte


class Mode(StrEnum):
    """What a fix does to a term."""

    EXPLAIN = "explain"  # 稟議 → 稟議（承認の手続き） at its first unexplained use
    REPLACE = "replace"  # ペンディング → 保留, where the glossary marks it safe


class FixError(Exception):
    """A file that cannot be fixed safely; the message says why."""


_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}
_BOMS["utf-16-be"] = codecs.BOM_UTF16_BE


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (character offsets in the decoded text) by ``new``."""

    start: int
    end: int
    new: str
    finding: Finding


@dataclass(frozen=True)
class Skipped:
    """A finding a fix leaves alone, and why (for the writer's attention)."""

    finding: Finding
    reason: str


@dataclass
class Plan:
    """The edits for one file and the findings left for a person."""

    edits: list[Edit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# Part of the same word when it touches a term: kanji and katakana always; Latin
# letters and digits when the term's own edge is one too (IPv6 but 稼働率99.9%).
_LINE_END = re.compile("\r\n|\r|\n")  # as document.split_lines: not \f, NEL or U+2028
_WORD_CHAR = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー々ヶ]")
# The rest of a compound the term begins (型 in ベストエフォート型): the bracket goes
# after it, where the linter also reads an explanation as given in place.
_COMPOUND = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー々ヶ]+")
_LATIN = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
# What may follow a replaced noun: a particle, punctuation, a space or the line's end.
_AFTER_NOUN = re.compile(
    r"(?:が|を|に|へ|と|で|や|の|は|も|から|まで|より|など|[、。，．,.！？!?」』）)…・ \t\u3000]|$)"
)
# Never swap a noun that is the object of a verb of doing: ペンディングする, リスケさせて.
_DOING = re.compile(r"(?:する|され|させ|いたし|致し|して|した|しま|でき)")
_SENTENCE = re.compile(r"(?<=。)")
_NOUN_EXPLANATION = re.compile(r"(.+?)(?:のこと)?です。")


def gloss(entry: Entry) -> str:
    """The short explanation put in brackets after a term.

    The entry's own ``gloss`` if it has one; else its explanation, when the first
    sentence is a short noun phrase ending in です (「…手続きです。」 → 「…手続き」);
    else its first say-instead word, which is short and fits where the term stands.
    """
    if entry.gloss:
        return entry.gloss
    first = _SENTENCE.split(entry.explanation, maxsplit=1)[0]
    noun = _NOUN_EXPLANATION.fullmatch(first)
    if noun and len(noun.group(1)) <= GLOSS_MAX and not re.search("[（）()]", noun.group(1)):
        return noun.group(1)
    return entry.say_instead[0]


def plan(
    text: str,
    findings: Iterable[Finding],
    entries: Mapping[str, Entry],
    mode: Mode,
    delimiter: str | None = None,
    least: str = "warning",
) -> Plan:
    """Edits for one file's findings at least as severe as ``least`` (a business
    word said to a company is info: explaining it would talk down to the customer);
    ``delimiter`` is the CSV/TSV separator (the text is then a table whose cell
    quoting must stay valid)."""
    starts = _line_starts(text)
    quoted = _quoted_lines_and_columns(text, delimiter) if delimiter else None
    result = Plan()
    seen: set[str] = set()
    for finding in findings:
        entry = entries.get(finding.term)
        if entry is None or finding.rule not in ("jargon", "misuse", "explained"):
            continue  # suppression and speaker-guess notes: nothing to edit
        first_use = finding.term not in seen
        if finding.rule == "misuse":
            result.skipped.append(Skipped(finding, "a misuse: needs a person to rewrite"))
            continue
        if finding.rule == "explained":
            seen.add(finding.term)
            continue
        if SEVERITY_RANK[finding.severity] < SEVERITY_RANK[least]:
            continue
        start = starts[finding.line - 1] + finding.column - 1
        end = starts[finding.line - 1] + finding.end_column - 1
        line_end = starts[finding.line] if finding.line < len(starts) else len(text)
        if mode is Mode.EXPLAIN:
            if not first_use:
                continue  # later uses count as explained once the first one is
            if _joins(text, end - 1, end):
                rest = _COMPOUND.match(text, end)
                if rest is None:  # a Latin word goes on (IPv6x): no place for a bracket
                    result.skipped.append(Skipped(finding, "inside a longer word"))
                    continue
                end = rest.end()  # after the compound: ベストエフォート型（…）
            edit = Edit(end, end, f"（{gloss(entry)}）", finding)
        else:
            reason = _unsafe_replacement(entry, text, start, end, line_end)
            if reason:
                result.skipped.append(Skipped(finding, reason))
                continue
            edit = Edit(start, end, entry.say_instead[0], finding)
        if quoted is not None:
            edit, reason = _table_safe(edit, finding, quoted)
            if reason:
                result.skipped.append(Skipped(finding, reason))
                continue
        seen.add(finding.term)
        result.edits.append(edit)
    return result


def _unsafe_replacement(entry: Entry, text: str, start: int, end: int, line_end: int) -> str | None:
    """Why a say-instead word may not replace the term here, or None."""
    if not entry.replace_safe:
        return "no replacement marked safe in the glossary"
    if (start > 0 and _joins(text, start, start - 1)) or _joins(text, end - 1, end):
        return "inside a longer word"
    rest = text[end:line_end].rstrip("\r\n")
    if _DOING.match(rest):
        return "used as a verb (する/させて/いたし)"
    if not _AFTER_NOUN.match(rest):
        return "not followed by a particle or punctuation"
    return None


def _joins(text: str, edge: int, beside: int) -> bool:
    """Whether the character at ``beside`` continues the word whose edge is at ``edge``."""
    if beside >= len(text):
        return False
    if _WORD_CHAR.match(text, beside):
        return True
    return bool(_LATIN.match(text, beside) and _LATIN.match(text, edge))


def _line_starts(text: str) -> list[int]:
    """Offset of each line's first character, lines split as the readers split them."""
    return [0, *(found.end() for found in _LINE_END.finditer(text))]


def _quoted_lines_and_columns(text: str, delimiter: str) -> dict[tuple[int, int], bool]:
    """For each table field part, by (line, start column): is the field quoted?"""
    lines = text.splitlines()
    found: dict[tuple[int, int], bool] = {}
    for row in table.scan(text, delimiter):
        for cell in row:
            number, start, _ = cell.parts[0]
            quoted = len(cell.parts) > 1 or (start > 0 and lines[number - 1][start - 1] == '"')
            for line, column, _ in cell.parts:
                found[line, column] = quoted
    return found


def _table_safe(
    edit: Edit, finding: Finding, quoted: dict[tuple[int, int], bool]
) -> tuple[Edit, str | None]:
    """The edit with its text escaped for the cell it lands in, or why it cannot be."""
    column = finding.column - 1
    parts = [c for (line, c) in quoted if line == finding.line and c <= column]
    in_quotes = quoted[finding.line, max(parts)] if parts else False
    if in_quotes:
        return Edit(edit.start, edit.end, edit.new.replace('"', '""'), finding), None
    if re.search('["\t,]', edit.new):
        return edit, "the cell would need quoting"
    return edit, None


def apply(text: str, edits: Iterable[Edit]) -> str:
    """The text with the edits made (overlapping edits: the first one wins)."""
    pieces, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        pieces += [text[last : edit.start], edit.new]
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


def apply_bytes(data: bytes, source: SourceText, edits: Iterable[Edit]) -> bytes:
    """The file's bytes with the edits spliced in; every other byte as it was.

    Raises FixError when the decoded text does not map back onto the bytes (a
    file whose encoding was guessed wrong must not be rewritten).
    """
    prefix = _BOMS[source.encoding] if source.bom else b""
    encoding = source.encoding
    text = source.text
    if len(prefix) + len(text.encode(encoding)) != len(data):
        raise FixError(f"cannot map the {encoding} text back onto the file's bytes")
    pieces, last_char, last_byte = [], 0, len(prefix)
    pieces.append(data[: len(prefix)])
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_char:
            continue
        start = last_byte + len(text[last_char : edit.start].encode(encoding))
        end = start + len(text[edit.start : edit.end].encode(encoding))
        if data[start:end].decode(encoding) != text[edit.start : edit.end]:
            raise FixError(f"the bytes at offset {start} are not the text the finding names")
        try:
            new = edit.new.encode(encoding)
        except UnicodeEncodeError:
            raise FixError(f"{edit.new!r} cannot be written in {encoding}") from None
        pieces += [data[last_byte:start], new]
        last_char, last_byte = edit.end, end
    pieces.append(data[last_byte:])
    return b"".join(pieces)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of the change, line ends shown as plain new lines."""
    lines = difflib.unified_diff(
        before.splitlines(),
        after.splitlines(),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
        lineterm="",
    )
    return "".join(line + "\n" for line in lines)


def delimiter_for(path: str) -> str | None:
    """The separator of a CSV/TSV script, None for other formats."""
    suffix = PurePath(path).suffix.lower()
    return {".csv": ",", ".tsv": "\t"}.get(suffix)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file's content in one step: a crash leaves the old file or the
    new one, never half of either. Permissions stay; a symlink stays a symlink."""
    target = path.resolve()
    mode = target.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
