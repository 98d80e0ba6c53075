"""Read a script's bytes and decode them, whatever Japanese encoding it was saved in.

Scripts arrive as UTF-8, UTF-8 with a BOM (Excel, Notepad), CP932 (Shift_JIS
from older Windows tools) or EUC-JP. BOMs and strict UTF-8 settle most files;
the legacy encodings are tried strictly, and charset-normalizer chooses when
bytes are valid in both (its detector alone gives up on short lines full of
half-width katakana, which CP932 scripts often have; then the reading with more
hiragana wins, and CP932 on a tie).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

JAPANESE_LEGACY = ("cp932", "euc_jp")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode as {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
        return DecodedText(text.removeprefix("\ufeff"), encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(name).removeprefix("\ufeff"), name)
            except UnicodeDecodeError:
                raise InputError(f"starts with a {name} BOM but is not valid {name}") from None
    if b"\x00" in data:
        raise BinaryFileError("binary file, skipped")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [name for name in JAPANESE_LEGACY if _decodes(data, name)]
    if not candidates:
        raise InputError("cannot detect the encoding (tried UTF-8, CP932, EUC-JP); use --encoding")
    if len(candidates) > 1:
        import charset_normalizer  # only here: importing it costs ~30 ms of every start-up

        best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
        if best is not None and best.encoding in candidates:
            candidates = [best.encoding]
        else:
            candidates.sort(key=lambda name: -_hiragana_count(data.decode(name)))
    return DecodedText(data.decode(candidates[0]), candidates[0])


def _hiragana_count(text: str) -> int:
    """Japanese prose is full of hiragana; the wrong codec turns it into odd kanji."""
    return sum(1 for ch in text if "\u3041" <= ch <= "\u309f")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
