"""Normalize a line before tokenizing, keeping a map back to the original columns.

UniDic only knows full-width katakana and compares Latin letters by exact form, so
half-width ｻｰﾊﾞｰ and full-width Ｗｉ－Ｆｉ must be folded (NFKC) before MeCab sees them.
Findings must still point at the writer's own characters, so every normalized
character remembers the span of original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dashes that writers put between Latin letters (Wi‐Fi, e－SIM); NFKC leaves most alone.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212"), "-")
# Marks that NFKC composes with the previous character (ｶﾞ → ガ, e + ◌́ → é).
_COMBINING_CLASS = "\u0300-\u036f\u3099\u309a\uff9e\uff9f"
_COMBINING = re.compile(f"[{_COMBINING_CLASS}]")


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


def normalize(line: str) -> NormalizedText:
    """NFKC-fold a line; keep an offset map only when the length changed."""
    folded = unicodedata.normalize("NFKC", line).translate(_DASHES)
    if len(folded) == len(line) and not _has_composition(line):
        return NormalizedText(folded, None, None)
    return _normalize_with_map(line)


def _has_composition(line: str) -> bool:
    return _COMBINING.search(line) is not None


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
        piece = unicodedata.normalize("NFKC", line[i:j]).translate(_DASHES)
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return NormalizedText("".join(out), tuple(starts), tuple(ends))
