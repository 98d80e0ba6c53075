"""Split normalized text into tokens keyed for matching (fugashi + unidic-lite).

A token's key is its UniDic lemma where the dictionary knows the word (so
コミットしました, サーバ and ひかり meet コミット, サーバー and 光), otherwise its
surface. Keys are case-folded, lose UniDic's English gloss (サーバー-server →
サーバー) and spell small katakana vowels large (ゲートウェー → ゲートウエー), so
that the matcher can compare compounds that UniDic splits differently
(ホーム+ゲート+ウェイ and ホーム+ゲートウエイ). Glossary forms go through the same
function, so both sides always agree on what a token is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import fugashi

from jargonlint.normalize import normalize

_LEMMA_FIELD = 7  # pos1-4, cType, cForm, lForm, lemma, ... in UniDic's feature CSV
_HIRAGANA = re.compile("[\u3041-\u309f]")
_LATIN_WORD = re.compile(r"[a-z]+\Z")
_SMALL_VOWELS = str.maketrans("ァィゥェォ", "アイウエオ")


@dataclass(slots=True)
class Tokens:
    """Parallel lists: a key and a normalized [start, end) span per token."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


class Tokenizer:
    """A MeCab tagger plus caches that keep feature access off the hot path.

    Reading a node's features costs more than MeCab's own analysis. Words
    written in kanji, katakana or Latin letters have one lemma whatever the
    context, so their key is cached by surface; hiragana spellings are where
    UniDic's homographs live (かけ: 掛ける or 欠ける), so those are looked up
    every time.
    """

    def __init__(self) -> None:
        self._tagger = fugashi.Tagger()
        self._by_surface: dict[str, str] = {}
        self._by_lemma: dict[str, str] = {}

    def tokenize(self, text: str) -> Tokens:
        """Tokenize one normalized line."""
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        by_surface = self._by_surface
        pos = 0
        for node in self._tagger(text):
            surface = node.surface
            start = text.find(surface, pos)
            pos = start + len(surface)
            key = by_surface.get(surface)
            if key is None:
                key = self._key(node, surface)
                if not _HIRAGANA.search(surface):
                    by_surface[surface] = key
            keys.append(key)
            starts.append(start)
            ends.append(pos)
        tokens = Tokens(keys, starts, ends)
        if "-" in text:
            _join_hyphenated_latin(tokens)
        return tokens

    def keys(self, text: str) -> list[str]:
        """Keys of a glossary form, normalized exactly as script text is."""
        return self.tokenize(normalize(text).text).keys

    def _key(self, node: fugashi.UnidicNode, surface: str) -> str:
        lemma = surface
        if not node.is_unk:
            fields = node.feature_raw.split(",", _LEMMA_FIELD + 1)
            if len(fields) > _LEMMA_FIELD and fields[_LEMMA_FIELD] not in ("", "*"):
                lemma = fields[_LEMMA_FIELD]
        key = self._by_lemma.get(lemma)
        if key is None:
            key = _lemma_key(lemma)
            self._by_lemma[lemma] = key
        return key


def _lemma_key(lemma: str) -> str:
    """サーバー-server → サーバー, ＷｉＦｉ → wifi, ウェー → ウエー."""
    gloss = lemma.find("-", 1)
    if gloss > 0:
        lemma = lemma[:gloss]
    return unicodedata.normalize("NFKC", lemma).casefold().translate(_SMALL_VOWELS)


def _join_hyphenated_latin(tokens: Tokens) -> None:
    """Make Wi-Fi, e-SIM one token (wifi, esim), as WiFi and eSIM already are."""
    keys, starts, ends = tokens.keys, tokens.starts, tokens.ends
    i = 0
    while i + 2 < len(keys):
        if (
            keys[i + 1] == "-"
            and ends[i] == starts[i + 1]
            and ends[i + 1] == starts[i + 2]
            and _LATIN_WORD.match(keys[i])
            and _LATIN_WORD.match(keys[i + 2])
        ):
            keys[i : i + 3] = [keys[i] + keys[i + 2]]
            starts[i : i + 3] = [starts[i]]
            ends[i : i + 3] = [ends[i + 2]]
        else:
            i += 1
