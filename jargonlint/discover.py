"""Spot words that are probably jargon although no glossary lists them.

Three kinds of word are candidates, found by their letters in a normalized line:
Latin acronyms (EDR, V2H, E-E-A-T), katakana runs (loanwords) and kanji runs
(Sino-Japanese compounds). Acronyms are jargon unless everyday (TV, OK, ATM).
A katakana or kanji run is split by UniDic into words; it is probably jargon
when UniDic tears a katakana word into odd pieces or one of its content words
is rare: unknown to UniDic, or (with wordfreq installed) rare in everyday text.
Names, places and numbers are never candidates.

Most blocks of letters recur, so each is analysed once (with UniDic's features,
which the check path otherwise avoids reading) and its verdict remembered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from jargonlint.lazy_pattern import LazyPattern
from jargonlint.speakers import DEFAULT_AGENT_LABELS, DEFAULT_CUSTOMER_LABELS
from jargonlint.tokenizer import Tokenizer, shared_tokenizer, without_gloss
from jargonlint.word_rarity import unseen_in_unidic, zipf_lookup


class Reason(StrEnum):
    """Why a word was flagged; the values are what reports show."""

    acronym = "acronym"
    loanword = "rare loanword"
    compound = "rare compound"


REASON_LABELS = {
    Reason.acronym: "略語",
    Reason.loanword: "ふだんあまり使われないカタカナ語",
    Reason.compound: "ふだんあまり使われない漢語",
}

# Acronyms an individual customer knows from daily life. Kept short on purpose:
# anything else in capitals is more likely a trade's shorthand.
EVERYDAY_ACRONYMS = frozenset(
    {
        "AM", "PM", "OK", "NG", "TV", "PC", "CD", "DVD", "USB", "SNS", "SMS", "ATM",
        "ID", "QR", "LED", "IC", "CM", "DM", "HP", "FAX", "GPS", "LINE", "ETC",
        "NHK", "JR", "NTT", "JA", "BS", "CS", "AI", "PR", "UV", "GW", "LP", "PDF",
    }
    # and the speaker labels of scripts written in capitals, which a line may repeat
    | {label for label in (*DEFAULT_AGENT_LABELS, *DEFAULT_CUSTOMER_LABELS) if label.isascii()}
)  # fmt: skip

# Everyday words UniDic 2.1.2 (2016) does not know, or cuts into odd pieces.
EVERYDAY_WORDS = frozenset({"スマホ", "ガラケー", "コスパ"})

# An acronym: a run of two to five capitals (IDS, SAML, DS-Lite), a short word
# with two or more capitals that ends in one (PoC, SaaS, V2H), or single letters
# joined by hyphens (E-E-A-T). Longer all-capital runs are words (SIMPLE in a
# plan name); capitals that each start a syllable make a name (Wi-Fi, PayPay).
_LATIN_WORD = LazyPattern(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])")
_CAPITALS = LazyPattern(r"(?<![A-Z])[A-Z]{2,5}(?![A-Z])")
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30faー]{2,}")
_KANJI_RUN = LazyPattern(r"[\u3005\u3006\u30f6\u4e00-\u9fff]{2,}")
_HIRAGANA = "".join(map(chr, range(0x3041, 0x3094)))
_LETTERS = "0-9A-Za-z\u30a1-\u30fa\u30fc\u3005\u3006\u30f6\u4e00-\u9fff"
# Letters, katakana and kanji (two or more, not starting with a hyphen), then up to
# three kana: one block. (One class, not two: each CJK class costs ~1 ms to compile.)
_BLOCK = re.compile(f"(?!-)[-{_LETTERS}]{{2,}}[\u3041-\u3093]{{0,3}}")
_CANDIDATES = re.compile(rf"{_LATIN_WORD.pattern}|{_KATAKANA_RUN.pattern}|{_KANJI_RUN.pattern}")
# Words rarer than this (Zipf, per MeCab token) count as rare when wordfreq is
# installed; a part of a compound is judged less strictly, as the compound as a
# whole is rarer than its parts (減価 2.74 in 減価償却).
RARE_ZIPF = 2.5
RARE_ZIPF_IN_COMPOUND = 3.0
_UNKNOWN = "?"


@dataclass(frozen=True, slots=True)
class Word:
    """One UniDic token of a candidate run, with what rarity is judged by."""

    surface: str
    unknown: bool
    left: int
    right: int
    cost: int
    pos1: str
    pos2: str
    goshu: str
    kana: str
    lemma: str

    @property
    def content(self) -> bool:
        """A noun that carries meaning: not a name, place, number, prefix or suffix."""
        return (
            self.pos1 == "名詞"
            and self.pos2 not in ("固有名詞", "数詞")
            and (self.unknown or len(self.surface) > 1)
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible jargon word at [start, end) of a normalized line."""

    start: int
    end: int
    word: str
    reason: Reason


class Discoverer:
    """Finds possible jargon in normalized lines, remembering each run's verdict."""

    def __init__(self, use_wordfreq: bool = True, tokenizer: Tokenizer | None = None) -> None:
        self._analyse = (tokenizer or shared_tokenizer()).analyse
        self._use_wordfreq = use_wordfreq  # its table loads on the first word judged
        # block → its candidates: (start, end, word, reason)
        self._verdicts: dict[str, list[tuple[int, int, str, Reason]]] = {}

    def find(self, text: str) -> list[Candidate]:
        """Candidates in one normalized line, left to right.

        Speed: one scan cuts the line into blocks of letters, katakana and kanji
        (with the kana after them); a block seen before costs one dict lookup, and
        positions are only worked out on a line where some block holds a candidate.
        """
        verdicts = self._verdicts
        blocks = _BLOCK.findall(text)
        flagged = False
        for block in blocks:
            verdict = verdicts.get(block)
            if verdict is None:
                verdict = verdicts[block] = self._judge_block(block)
            flagged = flagged or bool(verdict)
        if not flagged:
            return []
        candidates = []
        position = 0
        for block in blocks:  # in order, and no block's text occurs between two blocks
            offset = text.find(block, position)
            position = offset + len(block)
            for start, stop, word, reason in verdicts[block]:
                candidates.append(Candidate(offset + start, offset + stop, word, reason))
        return candidates

    def _judge_block(self, block: str) -> list[tuple[int, int, str, Reason]]:
        """The candidates of one block: (start, end, word, reason)."""
        letters = len(block.rstrip(_HIRAGANA))
        found = []
        for run in _CANDIDATES.finditer(block, 0, letters):
            start, end = run.span()
            # The kana after a kanji run decide its last word: 見込み, 仕事帰り.
            text = block[start:] if end == letters and run.group()[0] > "\u30ff" else run.group()
            for first, stop, reason in self._judge(text, end - start):
                found.append((start + first, start + stop, text[first:stop], reason))
        return found

    def _judge(self, text: str, length: int) -> list[tuple[int, int, Reason]]:
        """Spans of ``text[:length]`` (a run, then the kana that follow it) that are
        probably jargon, with why."""
        if text[0].isascii():
            return _acronyms(text)
        words = self.words(text)
        katakana = _KATAKANA_RUN.match(text) is not None
        if katakana and text not in EVERYDAY_WORDS and any(map(_torn_piece, words)):
            # A katakana word UniDic cuts into odd pieces is one it does not know.
            return [(0, length, Reason.loanword)]
        reason = Reason.loanword if katakana else Reason.compound
        verdicts = []
        for start, group in _noun_groups(words, length):
            content = [w for w in group if w.content]
            compound = len(content) > 1
            if any(self._rare(w, compound) for w in content):
                verdicts.append((start, start + sum(len(w.surface) for w in group), reason))
        return verdicts

    def reading(self, word: str) -> str:
        """A guess at how ``word`` is read, in hiragana, for a glossary skeleton: letter
        names for an acronym (EDR → いーでぃーあーる), UniDic's reading otherwise;
        empty when UniDic does not know the word."""
        if word.isascii():
            return "".join(_LETTER_NAMES.get(c, "") for c in word.upper())
        if _KATAKANA_RUN.fullmatch(word):
            return _hiragana(word)
        words = self.words(word)
        if any(w.unknown or not w.kana for w in words):
            return ""
        return _hiragana("".join(w.kana for w in words))

    def words(self, text: str) -> list[Word]:
        """UniDic's tokens of ``text``, with the features rarity is judged by."""
        words = []
        for row in self._analyse(text):
            spaced, pos1, pos2, lemma, unknown, left, right, cost, goshu, kana, _ = row
            words.append(
                Word(
                    spaced.lstrip(),
                    unknown == _UNKNOWN,
                    int(left),
                    int(right),
                    int(cost),
                    pos1,
                    pos2,
                    goshu,
                    kana,
                    lemma,
                )
            )
        return words

    def _rare(self, word: Word, in_compound: bool) -> bool:
        """Rare in everyday Japanese: rarer than RARE_ZIPF in wordfreq, or, for a word
        wordfreq does not list (or without wordfreq), unknown to UniDic.

        A part of a compound that wordfreq does not list is rare too when UniDic's
        corpus never showed it (トークン, ボーディング). A whole word wordfreq does not
        list often only means that MeCab's other dictionary cuts it differently
        (自転車, 動線), so that alone does not make it rare.
        """
        if word.surface in EVERYDAY_WORDS:
            return False
        lookup = zipf_lookup() if self._use_wordfreq else None
        if lookup is None:
            return word.unknown
        zipf = lookup(word.surface)
        if zipf is None and word.lemma:
            zipf = lookup(without_gloss(word.lemma))
        if zipf is not None:
            return zipf < (RARE_ZIPF_IN_COMPOUND if in_compound else RARE_ZIPF)
        return word.unknown or (in_compound and unseen_in_unidic(word.left, word.right, word.cost))


def _torn_piece(word: Word) -> bool:
    """A piece UniDic made of a katakana word it does not know: one kana read as a
    native word (ス+ミッシング) or a short name (コン+プラ)."""
    if len(word.surface) == 1:
        return word.goshu != "外"
    return word.pos2 == "固有名詞" and len(word.surface) <= 2


def _noun_groups(words: list[Word], length: int) -> Iterator[tuple[int, list[Word]]]:
    """Where each compound that starts in the first ``length`` characters starts, and
    its words: maximal runs of nouns, prefixes and suffixes, without names, places
    or numbers (減価償却費, 自家消費型, 歩留まり with its kana)."""
    group: list[Word] = []
    position = start = 0
    for word in words:
        if position >= length:
            break
        if word.pos1 in ("名詞", "接頭辞", "接尾辞") and word.pos2 not in ("固有名詞", "数詞"):
            if not group:
                start = position
            group.append(word)
        elif group:
            yield start, group
            group = []
        position += len(word.surface)
    if group:
        yield start, group


def _acronyms(run: str) -> list[tuple[int, int, Reason]]:
    """The run itself when it is an acronym nobody says at home."""
    capitals = sum(c.isupper() for c in run)
    letters = sum(c.isalpha() for c in run)
    single_letters = "-" in run and all(len(part) == 1 for part in run.split("-"))
    is_acronym = (
        single_letters
        or _CAPITALS.search(run) is not None
        or (capitals >= 2 and letters <= 5 and run[-1].isupper())
    )
    if not is_acronym or run.upper() in EVERYDAY_ACRONYMS:
        return []
    return [(0, len(run), Reason.acronym)]


# How letters and digits are read out in an acronym (V2H → ぶいつーえいち).
_LETTER_NAMES = {
    "A": "えー", "B": "びー", "C": "しー", "D": "でぃー", "E": "いー", "F": "えふ",
    "G": "じー", "H": "えいち", "I": "あい", "J": "じぇー", "K": "けー", "L": "える",
    "M": "えむ", "N": "えぬ", "O": "おー", "P": "ぴー", "Q": "きゅー", "R": "あーる",
    "S": "えす", "T": "てぃー", "U": "ゆー", "V": "ぶい", "W": "だぶりゅー",
    "X": "えっくす", "Y": "わい", "Z": "ぜっと", "0": "ぜろ", "1": "わん", "2": "つー",
    "3": "すりー", "4": "ふぉー", "5": "ふぁいぶ", "6": "しっくす", "7": "せぶん",
    "8": "えいと", "9": "ないん",
}  # fmt: skip


def _hiragana(katakana: str) -> str:
    """ゲンカ → げんか; ー and other marks stay."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)
