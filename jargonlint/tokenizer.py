"""Split normalized text into tokens keyed for matching (fugashi + unidic-lite).

A token's key is its UniDic lemma where the dictionary knows the word (so
コミットしました, サーバ and ひかり meet コミット, サーバー and 光), otherwise its
surface. Each token also has a spelling (its surface, folded the same way), for
the cases where UniDic's lemma depends on the words around it (アン in
アンインストール is read as 餡 in some sentences).

Keys are case-folded, lose UniDic's English gloss (サーバー-server →
サーバー) and spell small katakana vowels large (ゲートウェー → ゲートウエー), so
that the matcher can compare compounds that UniDic splits differently
(ホーム+ゲート+ウェイ and ホーム+ゲートウエイ). Glossary forms go through the same
function, so both sides always agree on what a token is.

Speed: building a Python node per token and reading its features costs more
than MeCab's analysis itself. So MeCab is asked to print just what is needed,
one row per token ("<whitespace><surface>\\t<lemma>"), and each distinct row's
key is computed once and remembered. Token positions are only worked out for
the few lines where something matched.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import fugashi
import unidic_lite

from jargonlint.normalize import normalize

_LATIN_WORD = re.compile(r"[a-z]+\Z")
_SMALL_VOWELS = str.maketrans("ァィゥェォ", "アイウエオ")
_BOS, _EOS = "<", ">"  # markers that keep MeCab's output from being stripped


def _mecab_args() -> str:
    dic = Path(unidic_lite.DICDIR)
    return (
        f'-r "{dic / "mecabrc"}" -d "{dic}" -O "" '
        # %M: surface with the whitespace before it; %f[7]: UniDic's lemma
        f'-F "%M\\t%f[7]\\n" -U "%M\\t\\n" -B "{_BOS}\\n" -E "{_EOS}"'
    )


class Tokens:
    """A key and a spelling per token, plus MeCab's rows to locate tokens when asked."""

    __slots__ = ("_widths", "keys", "rows", "spellings")

    def __init__(
        self, keys: list[str], spellings: list[str], rows: list[str], widths: dict[str, int]
    ) -> None:
        self.keys = keys
        self.spellings = spellings
        self.rows = rows
        self._widths = widths  # row → characters it covers, white space included

    def span(self, first: int, stop: int) -> tuple[int, int]:
        """Normalized [start, end) of tokens ``first`` up to (not including) ``stop``."""
        width = self._widths.__getitem__
        before = sum(map(width, self.rows[:first]))
        spaced = self.rows[first].rpartition("\t")[0]
        start = before + len(spaced) - len(spaced.lstrip())
        return start, before + sum(map(width, self.rows[first:stop]))


class Tokenizer:
    """A MeCab tagger that prints rows, and the row → key memory."""

    def __init__(self) -> None:
        self._tagger = fugashi.GenericTagger(_mecab_args())
        self._keys: dict[str, str] = {}
        self._spellings: dict[str, str] = {}
        self._widths: dict[str, int] = {}

    def tokenize(self, text: str) -> Tokens:
        """Tokenize one normalized line."""
        rows = self._tagger.parse(text).split("\n")[1:-1]
        keys = list(map(self._keys.get, rows))
        if None in keys:
            keys = [
                key if key is not None else self._learn(row)
                for key, row in zip(keys, rows, strict=True)
            ]
        tokens = Tokens(keys, list(map(self._spellings.__getitem__, rows)), rows, self._widths)
        if "-" in text:
            _join_hyphenated_latin(tokens, self._widths)
        return tokens

    def keys(self, text: str) -> list[str]:
        """Keys of a glossary form, normalized exactly as script text is."""
        return self.tokenize(normalize(text).text).keys

    def spelling(self, text: str) -> str:
        """A glossary form as its tokens' spellings, joined (segmentation does not matter)."""
        return "".join(self.tokenize(normalize(text).text).spellings)

    def _learn(self, row: str) -> str:
        spaced, _, lemma = row.rpartition("\t")
        surface = spaced.lstrip()
        key = _fold(_without_gloss(lemma) if lemma and lemma != "*" else surface)
        self._keys[row] = key
        self._spellings[row] = _fold(surface)
        self._widths[row] = len(spaced)
        return key


def _without_gloss(lemma: str) -> str:
    """サーバー-server → サーバー; 円-助数詞 → 円."""
    gloss = lemma.find("-", 1)
    return lemma[:gloss] if gloss > 0 else lemma


def _fold(text: str) -> str:
    """ＷｉＦｉ → wifi, ウェー → ウエー: the form keys and spellings are compared in."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_SMALL_VOWELS)


def _join_hyphenated_latin(tokens: Tokens, widths: dict[str, int]) -> None:
    """Make Wi-Fi, e-SIM one token (wifi, esim), as WiFi and eSIM already are."""
    keys, spellings, rows = tokens.keys, tokens.spellings, tokens.rows
    i = 0
    while i + 2 < len(keys):
        if (
            rows[i + 1] == "-\t"
            and not rows[i + 2][:1].isspace()
            and _LATIN_WORD.match(keys[i])
            and _LATIN_WORD.match(keys[i + 2])
        ):
            keys[i : i + 3] = [keys[i] + keys[i + 2]]
            spellings[i : i + 3] = [keys[i]]
            joined = rows[i].rpartition("\t")[0] + "-" + rows[i + 2].rpartition("\t")[0]
            rows[i : i + 3] = [joined + "\t"]
            widths[joined + "\t"] = len(joined)
        else:
            i += 1
