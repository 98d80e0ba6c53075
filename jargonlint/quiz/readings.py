"""Plausible misreadings of a term, for reading questions.

Agents misread terms in a few typical ways: reading each kanji by its everyday
reading (約款 → やくかん), taking the reading a dictionary gives the characters
(割賦 → わっぷ), and getting voicing, small っ or long vowels wrong (按分 →
あんぷん, 遡及 → そっきゅう). A wrong choice must be one of those, never a
random string and never the reading of another term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import fugashi

_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HIRAGANA = re.compile(r"[\u3041-\u3096ー]+\Z")
_PLAIN = "かきくけこさしすせそたちつてとはひふへほ"
_VOICED = dict(zip(_PLAIN, "がぎぐげござじずぜぞだぢづでどばびぶべぼ", strict=True))
_HALF_VOICED = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))
_UNVOICED = {v: k for k, v in (*_VOICED.items(), *_HALF_VOICED.items())}
# Each kana and the kana a reader may say for it instead (か ↔ が, ふ ↔ ぶ ↔ ぷ).
_SOUND_SLIPS: dict[str, tuple[str, ...]] = {}
for _plain in _PLAIN:
    _family = (_plain, _VOICED[_plain], *(_HALF_VOICED.get(_plain, "")))
    for _kana in _family:
        _SOUND_SLIPS[_kana] = tuple(k for k in _family if k != _kana)
_VOICED_KANA = frozenset(_VOICED.values())
# Reading each kanji on its own only fools a reader of short words; for a long
# compound it gives a string nobody would say.
_BY_CHARACTERS_UP_TO = 3
# A kanji read alone as a long verb form (働 → はたらけ) is no reading anyone says.
_CHARACTER_READING_MAX = 3
# Kana a small っ may stand before, and what っ often is when a reader misses it.
_GEMINABLE = frozenset("かきくけこさしすせそたちつてとぱぴぷぺぽ")
_SOKUON_AS = "くつち"
_O_ROW = frozenset("おこそとのほもよろごぞどぼぽょ")
# Kana after which a reader may add a small っ (そきゅう → そっきゅう).
_BEFORE_SOKUON = _O_ROW | frozenset("あかさたなまやらわきしちにひみりくすつぬむゆる")
_NEVER_FIRST = frozenset("っんーゃゅょぁぃぅぇぉ")


# Whole-word slips, what agents really say; the kana slips below only fill up.
OTHER_READING = "漢字のほかの読み方との取り違え"  # 割賦 → わっぷ
BY_CHARACTER = "漢字を一字ずつ読んだ形"  # 約款 → やくかん
WHOLE_WORD = (OTHER_READING, BY_CHARACTER)


@dataclass(frozen=True)
class Misreading:
    """A wrong reading and the kind of slip it is, for the answer key."""

    text: str
    slip: str


def has_kanji(text: str) -> bool:
    """Reading questions only make sense for terms written with kanji."""
    return bool(_KANJI.search(text))


def hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


@cache
def _tagger() -> fugashi.Tagger:
    return fugashi.Tagger()


def _kana(text: str) -> str | None:
    """The reading the dictionary gives ``text`` as hiragana, None when it has none."""
    parts = []
    for word in _tagger()(text):
        kana = word.feature.kana if not word.is_unk else None
        if not kana or kana == "*":
            return None
        parts.append(hiragana(kana))
    return "".join(parts)


def _by_characters(term: str) -> str | None:
    """Each kanji read on its own, the way a reader who does not know the word reads it."""
    parts = []
    for char in term:
        if _KANJI.match(char):
            kana = _kana(char)
            if kana is None or len(kana) > _CHARACTER_READING_MAX:
                return None
            parts.append(kana)
        else:
            parts.append(hiragana(char))
    return "".join(parts)


def _slips(reading: str) -> list[Misreading]:
    """Voicing, small っ and long-vowel slips on the right reading."""
    found = []
    for i, kana in enumerate(reading):
        for other in _SOUND_SLIPS.get(kana, ()):
            if other not in "ぢづ":
                found.append(Misreading(reading[:i] + other + reading[i + 1 :], "濁る・濁らない"))
        if kana == "っ" and i + 1 < len(reading):
            following = _UNVOICED.get(reading[i + 1], reading[i + 1])
            for full in _SOKUON_AS:
                found.append(
                    Misreading(reading[:i] + full + following + reading[i + 2 :], "小さい「っ」")
                )
        # Not before the last kana: かどうりっつ is no slip anybody makes.
        if 0 < i < len(reading) - 1 and kana in _GEMINABLE and reading[i - 1] in _BEFORE_SOKUON:
            found.append(Misreading(reading[:i] + "っ" + reading[i:], "小さい「っ」"))
        if kana in _O_ROW and reading[i + 1 : i + 2] not in ("う", "ー", "お"):
            found.append(Misreading(reading[: i + 1] + "う" + reading[i + 1 :], "のばす音"))
        if kana == "う" and i > 0 and reading[i - 1] in _O_ROW:
            found.append(Misreading(reading[:i] + reading[i + 1 :], "のばす音"))
        if kana in "ゅょ":
            other = "ょ" if kana == "ゅ" else "ゅ"
            found.append(Misreading(reading[:i] + other + reading[i + 1 :], "ゅ・ょ"))
    return found


def _possible(text: str) -> bool:
    return (
        bool(_HIRAGANA.match(text))
        and text[0] not in _NEVER_FIRST
        and "っっ" not in text
        and not text.endswith("っ")
        and not re.search("っ[あいうえおんなにぬねのまみむめもやゆよらりるれろわー]", text)
        and not any(a == "っ" and b in _VOICED_KANA for a, b in pairwise(text))
    )


def misreadings(term: str, reading: str, taken: frozenset[str]) -> list[Misreading]:
    """Wrong readings of ``term``: whole-word slips first, then kana slips, none of them
    the right reading or any reading in ``taken`` (the glossary's readings)."""
    right = hiragana(reading)
    candidates = []
    for text, slip in (
        (_kana(term), OTHER_READING),
        (_by_characters(term) if len(term) <= _BY_CHARACTERS_UP_TO else None, BY_CHARACTER),
    ):
        if text:
            candidates.append(Misreading(text, slip))
    candidates.extend(_slips(right))
    seen = {right, *taken}
    result = []
    for candidate in candidates:
        text = candidate.text
        if text in seen or not _possible(text) or abs(len(text) - len(right)) > 2:
            continue
        seen.add(text)
        result.append(candidate)
    return result
