"""Read a script's bytes and decode them, whatever Japanese encoding it was saved in.

Scripts arrive as UTF-8, UTF-8 with a BOM (Excel, Notepad), CP932 (Shift_JIS
from older Windows tools) or EUC-JP. BOMs and strict UTF-8 settle most files;
the legacy encodings are tried strictly, and charset-normalizer chooses when
bytes are valid in both (its detector alone gives up on short lines full of
half-width katakana, which CP932 scripts often have; then the reading with more
hiragana wins, and CP932 on a tie).

NUL bytes mark a binary file, except in UTF-16 saved without a BOM (read when
nearly every character it gives is one a Japanese script uses) and in a text
file with a stray NUL or two (read, the NUL kept as a character): jargon must
not pass unseen because a file was mistaken for binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from jargonlint.lazy_pattern import LazyPattern

JAPANESE_LEGACY = ("cp932", "euc_jp")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What UTF-16 text read the right way round is made of: ASCII text, CJK and kana,
# full-width forms, general punctuation. The wrong byte order gives rare CJK
# extensions, Gurmukhi (\n) or private-use characters instead.
_PLAUSIBLE = LazyPattern(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2190-\u27bf\u3000-\u30ff"
    "\u4e00-\u9fff\uff00-\uffef]"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """A file the user pointed at cannot be checked (missing, undecodable…)."""


class BinaryFileError(InputError):
    """Not text at all: skipped with a warning rather than failing the run."""


@dataclass(frozen=True)
class DecodedText:
    """Decoded text (without BOM) and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode script bytes; ``encoding`` forces one instead of detecting."""
    decoded = _decode(data, encoding)
    if _SURROGATE.search(decoded.text):  # e.g. unicode_escape of "\ud800": unprintable
        return DecodedText(_SURROGATE.sub("\ufffd", decoded.text), decoded.encoding)
    return decoded


def _decode(data: bytes, encoding: str | None) -> DecodedText:
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode as {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
        except (UnicodeError, ValueError) as exc:  # codecs such as idna raise other errors
            raise InputError(f"cannot decode as {encoding} ({exc})") from None
        return DecodedText(text.removeprefix("\ufeff"), encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(name).removeprefix("\ufeff"), name)
            except UnicodeDecodeError:
                raise InputError(f"starts with a {name} BOM but is not valid {name}") from None
    try:
        return _text_only(_utf8_or_legacy(data))
    except InputError:
        # Not UTF-8, CP932 or EUC-JP text, or full of NULs: UTF-16 without a BOM?
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise


def _utf8_or_legacy(data: bytes) -> DecodedText:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [name for name in JAPANESE_LEGACY if _decodes(data, name)]
    if not candidates:
        if b"\x00" in data:
            raise BinaryFileError("binary file, skipped")
        raise InputError("cannot detect the encoding (tried UTF-8, CP932, EUC-JP); use --encoding")
    if len(candidates) > 1:
        import charset_normalizer  # only here: importing it costs ~30 ms of every start-up

        best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
        if best is not None and best.encoding in candidates:
            candidates = [best.encoding]
        else:
            candidates.sort(key=lambda name: -_hiragana_count(data.decode(name)))
    return DecodedText(data.decode(candidates[0]), candidates[0])


def _text_only(decoded: DecodedText) -> DecodedText:
    """Decoded text, unless control characters say it is a binary file after all
    (a stray NUL or two in a script is not enough)."""
    controls = len(_CONTROL.findall(decoded.text)) if "\x00" in decoded.text else 0
    if controls > 1 + len(decoded.text) // 1000:
        raise BinaryFileError("binary file, skipped")
    return decoded


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text saved without a BOM, in whichever byte order reads as text: nearly
    every character plausible, and on a tie the order with more ASCII (read the
    wrong way round, ASCII turns into U+xx00, often valid CJK)."""
    if len(data) % 2 or len(data) < 4:
        return None
    best: tuple[int, float, DecodedText] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = len(_PLAUSIBLE.findall(text)) / len(text)
        if share < 0.95 or _CONTROL.search(text):
            continue
        ascii_count = sum(1 for ch in text if ch < "\x80")
        if best is None or (ascii_count, share) > best[:2]:
            best = (ascii_count, share, DecodedText(text, name))
    return best[2] if best else None


def _hiragana_count(text: str) -> int:
    """Japanese prose is full of hiragana; the wrong codec turns it into odd kanji."""
    return sum(1 for ch in text if "\u3041" <= ch <= "\u309f")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
