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

Speed and memory: building a Python node per token and reading its features
costs more than MeCab's analysis itself, and the features (part of speech,
lemma…) live in a 180 MB file whose pages each entry read brings into the
process. So MeCab prints one row per token with the surface and the dictionary
entry's ids only ("<white space><surface>\\t<left id>\\t<right id>\\t<cost>"),
which name the entry it chose in this sentence: a row means the same word
wherever it occurs, and its key is worked out once. The features of a row not
seen before come from the lexicon cache on disk (lexicon_cache.py), else from a
second MeCab that prints them, started only when one is needed. Token positions
are only worked out for the few lines where something matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from pathlib import Path

import fugashi
import unidic_lite

from jargonlint.lexicon_cache import LexiconCache, file_name
from jargonlint.normalize import normalize

_LATIN_WORD = re.compile(r"[a-z]+\Z")
_SMALL_VOWELS = str.maketrans("ァィゥェォ", "アイウエオ")
_BOS, _EOS = "<", ">"  # markers that keep MeCab's output from being stripped
_KATAKANA_LEMMA = re.compile("[\u30a1-\u30faー]+\\Z")
_KANJI = re.compile("[\u4e00-\u9fff]")
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


# %M: surface with the white space before it; %phl, %phr, %c: the entry's left and
# right context ids and its cost (which discovery also judges a word by); "?" ends
# the row of a word MeCab does not know.
_IDS = _mecab_args("%M\\t%phl\\t%phr\\t%c", "%M\\t%phl\\t%phr\\t%c\\t?")
# The features a row stands for: POS (three levels), lemma (%f[7]), goshu (%f[12]),
# kana (%f[17]); an unknown word has its POS only.
_FEATURES = _mecab_args(
    "%M\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[7]\\t%f[12]\\t%f[17]",
    "%M\\t%f[0]\\t%f[1]\\t%f[2]\\t\\t\\t",
)
_FIELDS = 6  # features of a row, after its surface


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
    """MeCab printing entry ids, and what each row seen stands for."""

    def __init__(self, lexicon: LexiconCache | None = None) -> None:
        self._ids = fugashi.GenericTagger(_IDS)
        self._features: fugashi.GenericTagger | None = None  # started at the first new row
        self._lexicon = lexicon
        # row → key, spelling, surface with its white space, and UniDic's analysis
        self._keys: dict[str, str] = {}
        self._spellings: dict[str, str] = {}
        self._surfaces: dict[str, str] = {}
        self._analyses: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> Tokens:
        """Tokenize one normalized line."""
        return self.tokenize_lines([text])[0]

    def tokenize_lines(self, texts: Sequence[str]) -> list[Tokens]:
        """Tokenize normalized lines, a file's at once: what this process has not seen
        in any of them is looked up in the lexicon cache in one go."""
        pieces_of = []
        for text in texts:
            if _UNSAFE_CHARS.search(text):
                text = _UNSAFE_CHARS.sub(" ", text)
            pieces_of.append([text] if len(text) <= CHUNK else _pieces(text, CHUNK))
        parse, known = self._ids.parse, self._keys
        rows_of = [[parse(piece).split("\v")[1:-1] for piece in pieces] for pieces in pieces_of]
        unlearned = [
            (piece, rows)
            for pieces, rows_list in zip(pieces_of, rows_of, strict=True)
            for piece, rows in zip(pieces, rows_list, strict=True)
            if None in map(known.get, rows)
        ]
        if unlearned:
            self._learn(unlearned)
        return [
            self._tokens(text, pieces, rows_list)
            for text, pieces, rows_list in zip(texts, pieces_of, rows_of, strict=True)
        ]

    def _tokens(self, text: str, pieces: list[str], rows_list: list[list[str]]) -> Tokens:
        keys, spellings, surfaces = self._keys, self._spellings, self._surfaces
        parts = [
            Tokens(
                list(map(keys.__getitem__, rows)),
                list(map(spellings.__getitem__, rows)),
                list(map(surfaces.__getitem__, rows)),
            )
            for rows in rows_list
        ]
        tokens = parts[0] if len(parts) == 1 else _joined(pieces, parts)
        if "-" in text:
            _join_hyphenated_latin(tokens)
        return tokens

    def analyse(self, text: str) -> list[list[str]]:
        """UniDic's rows for a short run of text, one per token: surface (with the white
        space before it), POS (two levels), lemma, "?" for a word MeCab does not know,
        left and right context ids, word cost, goshu, kana and the third POS level."""
        text = _UNSAFE_CHARS.sub(" ", text)
        rows = self._ids.parse(text).split("\v")[1:-1]
        if None in map(self._keys.get, rows):
            self._learn([(text, rows)])
        return [self._analyses[row] for row in rows]

    def tokenize_form(self, form: str) -> Tokens:
        """Tokenize a glossary form, normalized exactly as script text is."""
        return self.tokenize(normalize(form).text)

    def flush(self) -> None:
        """Write the rows learned since the last flush to the lexicon cache."""
        if self._lexicon is not None:
            self._lexicon.flush()

    def _learn(self, unlearned: list[tuple[str, list[str]]]) -> None:
        """Work out what the rows not seen before stand for: from the lexicon cache,
        else from MeCab's features for the same text (the same analysis, so the same
        tokens in the same order)."""
        known = self._keys
        new = list(dict.fromkeys(row for _, rows in unlearned for row in rows if row not in known))
        stored = self._lexicon.get_many(new) if self._lexicon is not None else {}
        for row, features in stored.items():
            self._remember(row, features)
        if len(stored) == len(new):
            return
        if self._features is None:
            self._features = fugashi.GenericTagger(_FEATURES)
        for text, rows in unlearned:
            if None not in map(known.get, rows):
                continue
            featured = self._features.parse(text).split("\v")[1:-1]
            for row, with_features in zip(rows, featured, strict=True):
                if row not in known:
                    features = with_features.split("\t", 1)[1]
                    self._remember(row, features)
                    if self._lexicon is not None:
                        self._lexicon.add(row, features)

    def _remember(self, row: str, features: str) -> None:
        spaced, left, right, cost, *unknown = row.split("\t")
        pos1, pos2, pos3, lemma, goshu, kana = features.split("\t")
        surface = spaced.lstrip()
        key = _fold(without_gloss(lemma) if lemma and lemma != "*" else surface)
        if len(surface) == 1 and _KATAKANA_LEMMA.match(key) and _KANJI.match(surface):
            # One kanji read as a word of its own gets a katakana lemma (団 → ダン), but
            # the same kanji as a suffix keeps it (暴力団 → 団): key it as written, so
            # 団信 is 団信 whichever way the kanji is read.
            key = _fold(surface)
        self._keys[row] = key
        self._spellings[row] = _fold(surface)
        self._surfaces[row] = spaced
        mark = "?" if unknown else ""
        self._analyses[row] = [
            spaced, pos1, pos2, lemma, mark, left, right, cost, goshu, kana, pos3
        ]  # fmt: skip


@cache
def shared_tokenizer() -> Tokenizer:
    """The process's tokenizer, with the lexicon cache: one MeCab (and one copy of the
    dictionary's pages) for the glossary, the check, discovery and word lookups."""
    return Tokenizer(LexiconCache(file_name(_IDS, _FEATURES), _FIELDS))


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


def without_gloss(lemma: str) -> str:
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
