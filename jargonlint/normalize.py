"""Normalize a line before tokenizing, keeping a map back to the original columns.

UniDic only knows full-width katakana and compares Latin letters by exact form, so
half-width ｻｰﾊﾞｰ and full-width Ｗｉ－Ｆｉ must be folded (NFKC) before MeCab sees them.
Findings must still point at the writer's own characters, so every normalized
character remembers the span of original characters it came from.

Full NFKC is slow on Japanese text, and nearly all that it changes in a script is
full-width punctuation and letters (：（）Ｗｉ). Those are swapped one for one by a
regular expression, which keeps every column where it was; NFKC proper runs only
on lines that still need it afterwards (ｻｰﾊﾞｰ, ①, ㈱).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dashes that writers put between Latin letters (Wi‐Fi, e－SIM); NFKC leaves most alone.
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_ONE_FOR_ONE = {
    **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)},
    "\u3000": " ",
    **dict.fromkeys(_DASHES, "-"),
}
_SWAPPABLE = re.compile(f"[\uff01-\uff5e\u3000{_DASHES}]")
# Marks that NFKC composes with the previous character (ｶﾞ → ガ, e + ◌́ → é).
_COMBINING = re.compile("[\u0300-\u036f\u3099\u309a\uff9e\uff9f]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalized text plus, per normalized character, its original [start, end)."""

    text: str
    starts: tuple[int, ...] | None  # None: identity map (the common, fast case)
    ends: tuple[int, ...] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) to the original line's [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _swap(text: str) -> str:
    return _SWAPPABLE.sub(lambda m: _ONE_FOR_ONE[m[0]], text)


def normalize(line: str) -> NormalizedText:
    """NFKC-fold a line; keep an offset map only when the length changed."""
    return _finish(line, _swap(line))


def normalize_lines(lines: list[str]) -> list[NormalizedText]:
    """Normalize many lines (none containing a line break) in one pass where possible."""
    if not lines:
        return []
    swapped = _swap("\n".join(lines)).split("\n")
    return [_finish(line, fold) for line, fold in zip(lines, swapped, strict=True)]


def _finish(line: str, swapped: str) -> NormalizedText:
    if unicodedata.is_normalized("NFKC", swapped):
        return NormalizedText(swapped, None, None)
    folded = unicodedata.normalize("NFKC", swapped)
    if len(folded) == len(line) and _COMBINING.search(line) is None:
        # Same length is not enough (ᄀ+ᅡ → 가 shrinks where ㈱ → (株) grows): the
        # identity map holds only if each character folds alone into one character.
        alone = [_fold_one(ch) for ch in swapped]
        if all(len(ch) == 1 for ch in alone) and "".join(alone) == folded:
            return NormalizedText(folded, None, None)
    return _normalize_with_map(line)


@lru_cache(maxsize=4096)
def _fold_one(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _normalize_with_map(line: str) -> NormalizedText:
    """Slow path: fold one base character (plus its voiced mark) at a time."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(line)
    while i < n:
        j = i + 1
        while j < n and _COMBINING.match(line[j]):
            j += 1
        piece = _swap(unicodedata.normalize("NFKC", line[i:j]))
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return NormalizedText("".join(out), tuple(starts), tuple(ends))
