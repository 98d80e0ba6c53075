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
than MeCab's analysis itself, and even asking MeCab to print the lemma costs
nearly half as much again. So MeCab prints one row per token, and a line is
first split with surfaces only ("<white space><surface>"). A surface whose
lemma does not depend on context, or cannot matter, remembers its key: anything
written with kanji, katakana or Latin letters; kana nouns, prefixes and
particles; light verbs like し・いたし・ござい; and kana verbs whose lemma takes
part in no glossary form (かしこまり → 畏まる). A word that may matter and whose
lemma may change with the sentence (かけ: 掛ける or 駆ける; 切り返し: the noun or
the verb 切り返す) is analysed every time. Only a line with such a word, or with a
surface not yet seen, is split again with lemmas
("<white space><surface>\\t<pos1>\\t<pos2>\\t<lemma>"). Token positions are
only worked out for the few lines where something matched.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from pathlib import Path

import fugashi
import unidic_lite

from jargonlint.normalize import normalize

_LATIN_WORD = re.compile(r"[a-z]+\Z")
_SMALL_VOWELS = str.maketrans("ァィゥェォ", "アイウエオ")
_BOS, _EOS = "<", ">"  # markers that keep MeCab's output from being stripped
_KANA_ONLY = re.compile("[\u3041-\u309f]+\\Z")
_KATAKANA_LEMMA = re.compile("[\u30a1-\u30faー]+\\Z")
_KANJI = re.compile("[\u4e00-\u9fff]")
_KANJI_THEN_KANA = re.compile("[\u4e00-\u9fff][\u3041-\u309f]")
# Verbs and adjectives written in kana are where UniDic's homographs live (かけ:
# 掛ける, 駆ける or 欠ける; ひかり: the verb 光る or the noun 光). Kana nouns,
# prefixes and particles keep one lemma (お・ご → 御, ところ → 所), or one that no
# glossary form depends on (で: で, だ or て).
_CONTENT_INFLECTING = frozenset({"動詞", "形容詞"})
# Characters MeCab cannot take as they are: \v ends its rows, \t separates a row's
# fields, NUL ends the C string; and white space other than the space (\f, U+2028…)
# MeCab makes a token of, which Python strips to an empty key that the matcher
# would walk through. Each becomes a space, which keeps every column.
_SPACES = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_UNSAFE_CHARS = re.compile(f"[\0{_SPACES}]")
# MeCab crashes on a line of a few hundred thousand tokens, and its lattice grows
# with the line: longer lines are analysed in pieces of at most this many characters,
# cut where a word cannot go on (before white space, after 。、！？ and the like).
CHUNK = 4096
_CUT_AFTER = frozenset("。、．，！？!?,.；;）)」』】")


def _mecab_args(row_format: str, unknown_format: str) -> str:
    """MeCab options printing one row per token; rows end with a vertical tab,
    which tokenize() first turns into a space wherever the text has one."""
    dic = Path(unidic_lite.DICDIR)
    return (
        f'-r "{dic / "mecabrc"}" -d "{dic}" -O "" '
        f'-F "{row_format}\\v" -U "{unknown_format}\\v" -B "{_BOS}\\v" -E "{_EOS}"'
    )


# %M: surface with the white space before it; %f[0], %f[1]: POS; %f[7]: UniDic's lemma.
# Then what possible-jargon discovery judges a word by (see analyse()): "?" for a word
# MeCab does not know, its context ids and cost, %f[12]: goshu, %f[17]: kana.
_WITH_LEMMAS = _mecab_args(
    "%M\\t%f[0]\\t%f[1]\\t%f[7]\\t\\t%phl\\t%phr\\t%c\\t%f[12]\\t%f[17]",
    "%M\\t%f[0]\\t%f[1]\\t\\t?\\t0\\t0\\t0\\t\\t",
)
_SURFACES_ONLY = _mecab_args("%M", "%M")


class Tokens:
    """A key and a spelling per token, plus each token's text (with the white space
    before it) to locate tokens when asked."""

    __slots__ = ("_offsets", "keys", "rows", "spellings")

    def __init__(self, keys: list[str], spellings: list[str], rows: list[str]) -> None:
        self.keys = keys
        self.spellings = spellings
        self.rows = rows
        self._offsets: list[int] = []  # where each row starts, once a span is asked for

    def span(self, first: int, stop: int) -> tuple[int, int]:
        """Normalized [start, end) of tokens ``first`` up to (not including) ``stop``."""
        if not self._offsets:
            self._offsets = list(accumulate(map(len, self.rows), initial=0))
        spaced = self.rows[first]
        start = self._offsets[first] + len(spaced) - len(spaced.lstrip())
        return start, self._offsets[stop]


class Tokenizer:
    """Two MeCab taggers (surfaces only, and with lemmas) and what they have taught."""

    def __init__(self) -> None:
        self._with_lemmas = fugashi.GenericTagger(_WITH_LEMMAS)
        self._surfaces_only = fugashi.GenericTagger(_SURFACES_ONLY)
        self._keys: dict[str, str] = {}  # surface → key, for context-free surfaces
        self._spellings: dict[str, str] = {}  # surface → spelling
        self._analysed: dict[str, str] = {}  # row with lemma → key
        # The glossary forms' keys, joined: until a matcher registers them, every
        # kana verb counts as a possible homograph of a word some form uses.
        self._vocabularies: list[str] = []

    def tokenize(self, text: str) -> Tokens:
        """Tokenize one normalized line."""
        if _UNSAFE_CHARS.search(text):
            text = _UNSAFE_CHARS.sub(" ", text)
        if len(text) <= CHUNK:
            tokens = self._tokenize(text)
        else:
            pieces = _pieces(text, CHUNK)
            tokens = _joined(pieces, [self._tokenize(piece) for piece in pieces])
        if "-" in text:
            _join_hyphenated_latin(tokens)
        return tokens

    def _tokenize(self, text: str) -> Tokens:
        rows = self._surfaces_only.parse(text).split("\v")[1:-1]
        keys = list(map(self._keys.get, rows))
        if None in keys:
            analysed = self._with_lemmas.parse(text).split("\v")[1:-1]
            keys = list(map(self._analysed.get, analysed))
            if None in keys:
                keys = [self._learn(row) for row in analysed]
        return Tokens(keys, list(map(self._spellings.__getitem__, rows)), rows)

    def analyse(self, text: str) -> list[list[str]]:
        """UniDic's rows for a short run of text, one per token: surface (with the white
        space before it), POS (two levels), lemma, "?" for a word MeCab does not know,
        left and right context ids, word cost, goshu and kana. Discovery asks here
        rather than of a MeCab of its own: each MeCab maps the whole dictionary, and
        the pages it touches count again in the process's memory."""
        text = _UNSAFE_CHARS.sub(" ", text)
        return [row.split("\t") for row in self._with_lemmas.parse(text).split("\v")[1:-1]]

    def tokenize_form(self, form: str) -> Tokens:
        """Tokenize a glossary form, normalized exactly as script text is."""
        return self.tokenize(normalize(form).text)

    def add_vocabulary(self, paths: str) -> None:
        """Register a glossary's form keys (joined). What was learned under the
        previous vocabularies is forgotten, as what counted as harmless may not be."""
        self._vocabularies.append(paths)
        self._keys.clear()
        self._analysed.clear()  # so that each row is learned, and judged, again

    def _relevant(self, key: str) -> bool:
        if not self._vocabularies:
            return True
        return any(key in paths for paths in self._vocabularies)

    def _learn(self, row: str) -> str:
        known = self._analysed.get(row)
        if known is not None:
            return known
        spaced, pos1, pos2, lemma = row.split("\t", 4)[:4]
        surface = spaced.lstrip()
        key = _fold(_without_gloss(lemma) if lemma and lemma != "*" else surface)
        if len(surface) == 1 and _KATAKANA_LEMMA.match(key) and _KANJI.match(surface):
            # One kanji read as a word of its own gets a katakana lemma (団 → ダン), but
            # the same kanji as a suffix keeps it (暴力団 → 団): key it as written, so
            # 団信 is 団信 whichever way the surface was first seen.
            key = _fold(surface)
        self._analysed[row] = key
        self._spellings[spaced] = _fold(surface)
        homograph = (
            _KANA_ONLY.match(surface)
            and lemma != surface
            and pos1 in _CONTENT_INFLECTING
            and pos2 != "非自立可能"
        ) or _KANJI_THEN_KANA.search(surface)  # 切り返し: the noun, or the verb 切り返す
        if not (homograph and self._relevant(key)):
            self._keys[spaced] = key
        return key


def _pieces(text: str, size: int) -> list[str]:
    """Cut a long line into pieces of at most ``size`` characters, each ending where a
    word cannot go on; a line with no such place is cut hard."""
    pieces = []
    start = 0
    while len(text) - start > size:
        stop = start + size
        cut = stop
        while cut > start + size // 2:
            before, after = text[cut - 1], text[cut]
            if (after.isspace() and not before.isspace()) or (
                before in _CUT_AFTER and not after.isspace()
            ):
                break
            cut -= 1
        else:
            cut = stop
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _joined(pieces: list[str], parts: list[Tokens]) -> Tokens:
    """One line's tokens from its pieces'. MeCab drops white space at the end of a
    piece (or a piece of white space only): it goes in front of the next token,
    where %M would have put it, so that every row still starts where it did."""
    keys: list[str] = []
    spellings: list[str] = []
    rows: list[str] = []
    carried = ""
    for piece, part in zip(pieces, parts, strict=True):
        keys += part.keys
        spellings += part.spellings
        if part.rows:
            rows.append(carried + part.rows[0])
            rows += part.rows[1:]
            carried = ""
        carried += piece[sum(map(len, part.rows)) :]
    return Tokens(keys, spellings, rows)


def _without_gloss(lemma: str) -> str:
    """サーバー-server → サーバー; 円-助数詞 → 円."""
    gloss = lemma.find("-", 1)
    return lemma[:gloss] if gloss > 0 else lemma


def _fold(text: str) -> str:
    """ＷｉＦｉ → wifi, ウェー → ウエー: the form keys and spellings are compared in."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_SMALL_VOWELS)


def _join_hyphenated_latin(tokens: Tokens) -> None:
    """Make Wi-Fi, e-SIM one token (wifi, esim), as WiFi and eSIM already are."""
    keys, spellings, rows = tokens.keys, tokens.spellings, tokens.rows
    i = 0
    while i + 2 < len(keys):
        if (
            rows[i + 1] == "-"
            and not rows[i + 2][:1].isspace()
            and _LATIN_WORD.match(keys[i])
            and _LATIN_WORD.match(keys[i + 2])
        ):
            keys[i : i + 3] = [keys[i] + keys[i + 2]]
            spellings[i : i + 3] = [keys[i]]
            rows[i : i + 3] = [rows[i] + "-" + rows[i + 2]]
        else:
            i += 1
