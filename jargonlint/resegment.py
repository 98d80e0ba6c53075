"""Cut a token where MeCab's segmentation of a compound hides a glossary form's edge.

MeCab segments a compound as a whole: alone 割賦 and 解約返戻金 are found, but
in 月々の割賦払い the tokens are 割 + 賦払い, in 低解約返戻金型 they are 返戻 +
金型, and an unknown katakana compound (ステマプラン) is a single token. The
matcher only accepts forms that start and end on token boundaries, which is
what keeps ロット out of スロット. So before matching, a token is cut where a
form's edge falls inside it, but only when what is cut off is plainly a word of
its own:

* a form that begins on a token boundary and ends inside a later token, the
  rest of that token being a common suffix (払い, 型, 中, 料…): 割|賦払い,
  返戻|金型;
* a form that ends on a token boundary and begins inside an earlier token, the
  start of that token being a common prefix (低, 新, 再…);
* a form at the start or end of a katakana token that UniDic does not know as
  one word, whose other part is a word it knows (ステマ + プラン); the same
  for a katakana token that a form from an earlier token ends in (マル +
  ウェアプラン).

A form inside a single known word (ロット in スロット, ベンダー in ラベンダー,
ROI in Android) never straddles a boundary and is never cut out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from itertools import accumulate, compress, pairwise
from typing import Any

from jargonlint.tokenizer import Tokens, shared_tokenizer

# What may be left of a token after a form's edge: suffixes and prefixes that
# make a compound of a noun without changing what the noun is.
SUFFIXES = frozenset((
    "払い", "型", "中", "料", "金", "者", "的", "化", "率", "額", "書", "後", "制", "時",
    "分", "用", "等", "日", "表", "法", "内", "外", "別", "毎", "代", "費", "込み", "済み",
    "付き", "明け", "切れ", "期間", "期限", "方式", "契約", "条件", "手続き",
))  # fmt: skip
PREFIXES = frozenset((
    "低", "高", "新", "各", "再", "旧", "未", "全", "総", "超", "非", "不", "無", "前", "現",
    "本", "当", "同", "初", "毎", "第", "要", "諸", "月々",
))  # fmt: skip
_END = ""  # the matcher's trie slot for "a form ends here"
_CUTTABLE = re.compile("[\u3005\u4e00-\u9fff]+|[\u30a1-\u30fa\u30fc]+")  # kanji or katakana
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+")


_ALWAYS: frozenset[str] = frozenset({"any"})  # the token may need a cut whatever follows


class Resegmenter:
    """Cuts tokens for one glossary's trie, remembering per spelling which next
    characters could make a cut necessary, so that most lines cost one pass of
    dictionary lookups."""

    def __init__(self, trie: dict[str, Any], openings: set[str]) -> None:
        self._trie = trie
        self._openings = openings
        self._follows = _Follows(self._may_cut)

    def _may_cut(self, spelling: str) -> frozenset[str]:
        """The first characters of a next token that would let a form run on from
        this one (from its start, or after a prefix); _ALWAYS for a katakana word
        UniDic does not know."""
        if not _CUTTABLE.fullmatch(spelling):
            return frozenset()
        if len(spelling) > 2 and _KATAKANA.fullmatch(spelling) and not _known(spelling):
            return _ALWAYS
        heads = [spelling] + [
            spelling[len(p) :]
            for p in (spelling[:1], spelling[:2])
            if p in PREFIXES and len(p) < len(spelling)
        ]
        return frozenset(char for head in heads for char in _next_chars(self._trie, head))

    def __call__(self, tokens: Tokens) -> None:
        """Cut tokens in place so that every form that fits the rules above starts
        and ends on token boundaries."""
        follows = self._follows
        spellings = tokens.spellings
        last = len(spellings) - 1
        # Most tokens can never need a cut: the line is sifted for the few that may at
        # C speed, and only those are looked at.
        for index in compress(range(len(spellings)), map(follows.__getitem__, spellings)):
            chars = follows[spellings[index]]
            if chars is _ALWAYS or (index < last and spellings[index + 1][:1] in chars):
                _resegment(tokens, self._trie, self._openings, follows)
                return


class _Follows(dict[str, frozenset[str]]):
    """spelling → what _may_cut says of it, worked out on first sight."""

    def __init__(self, judge: Callable[[str], frozenset[str]]) -> None:
        super().__init__()
        self._judge = judge

    def __missing__(self, spelling: str) -> frozenset[str]:
        chars = self[spelling] = self._judge(spelling)
        return chars


def _resegment(tokens: Tokens, trie: dict[str, Any], openings: set[str], flags: _Follows) -> None:
    """Find the cuts a line needs (only at tokens flagged as possible) and make them.

    A form that starts in a token (at its start or after a prefix) and is cut out
    of a later one runs on into the next character: a token whose flagged
    characters do not include it needs no walk, only the katakana check."""
    spellings = tokens.spellings
    text = "".join(spellings)
    starts = list(accumulate(map(len, spellings), initial=0))
    boundaries = set(starts)
    cuts: set[int] = set()
    for index in compress(range(len(spellings)), map(flags.__getitem__, spellings)):
        spelling = spellings[index]
        start = starts[index]
        chars = flags[spelling]
        after = starts[index + 1]
        runs_on = chars is _ALWAYS or text[after : after + 1] in chars
        if runs_on and text[start : start + 2] in openings:
            cuts.update(_ends_inside(trie, text, start, boundaries, starts, spellings, index))
        for prefix in (spelling[:1], spelling[:2]) if runs_on else ():
            if prefix in PREFIXES and len(prefix) < len(spelling):
                begin = start + len(prefix)
                if text[begin : begin + 2] in openings:
                    end = _longest_end(trie, text, begin, boundaries)
                    if end is not None and end > start + len(spelling):
                        cuts.add(begin)
        if len(spelling) > 2 and _KATAKANA.fullmatch(spelling):
            surface = tokens.rows[index].lstrip()  # UniDic is asked about the text as written
            if len(surface) == len(spelling) and not _known(surface):
                cuts.update(start + cut for cut in _known_split(trie, spelling, surface))
    if cuts:
        _cut(tokens, sorted(cuts), starts)


def _ends_inside(
    trie: dict[str, Any],
    text: str,
    begin: int,
    boundaries: set[int],
    starts: list[int],
    spellings: list[str],
    first: int,
) -> list[int]:
    """Offsets inside a later token where a form from ``begin`` ends, leaving a
    suffix: the longest such form only."""
    found = None
    for position in _form_ends(trie, text, begin):
        if position in boundaries:
            continue
        token = bisect_left(starts, position) - 1  # the token the end falls inside
        if token == first:
            continue  # inside the very token it starts in: スロット's ロット
        head, rest = text[starts[token] : position], text[position : starts[token + 1]]
        if _CUTTABLE.fullmatch(head) and (
            rest in SUFFIXES or (_KATAKANA.fullmatch(spellings[token]) and _known(rest))
        ):
            found = position
    return [] if found is None else [found]


def _longest_end(trie: dict[str, Any], text: str, begin: int, boundaries: set[int]) -> int | None:
    """Where the longest form from ``begin`` ends on a token boundary, if any."""
    ends = [position for position in _form_ends(trie, text, begin) if position in boundaries]
    return ends[-1] if ends else None


def _form_ends(trie: dict[str, Any], text: str, begin: int) -> Iterator[int]:
    """Every offset where a form (not an exclude) spelled from ``begin`` ends, in order."""
    node = trie
    for position in range(begin, len(text)):
        node = node.get(text[position])
        if node is None:
            return
        target = node.get(_END)
        if target is not None and not target.excluded:
            yield position + 1


def _known_split(trie: dict[str, Any], word: str, surface: str) -> list[int]:
    """Where to cut an unknown katakana word into a form and a known word."""
    for cut in range(len(word) - 1, 1, -1):  # longest form first
        if _is_form(trie, word[:cut]) and _known(surface[cut:]):
            return [cut]
    for cut in range(1, len(word) - 1):
        if _known(surface[:cut]) and _is_form(trie, word[cut:]):
            return [cut]
    return []


def _next_chars(trie: dict[str, Any], text: str) -> list[str]:
    """The characters with which some form that begins with ``text`` goes on."""
    node: dict[str, Any] | None = trie
    for char in text:
        node = node.get(char) if node is not None else None
    return [] if node is None else [key for key in node if key != _END]


def _is_form(trie: dict[str, Any], text: str) -> bool:
    node: dict[str, Any] | None = trie
    for char in text:
        node = node.get(char) if node is not None else None
    return node is not None and (target := node.get(_END)) is not None and not target.excluded


def _cut(tokens: Tokens, cuts: list[int], starts: list[int]) -> None:
    """Split tokens at the given offsets; the pieces are keyed as written."""
    keys, spellings, rows = [], [], []
    for index, spelling in enumerate(tokens.spellings):
        start, row = starts[index], tokens.rows[index]
        inside = [c - start for c in cuts if start < c < start + len(spelling)]
        surface = row.lstrip()
        if not inside or len(surface) != len(spelling):
            keys.append(tokens.keys[index])
            spellings.append(spelling)
            rows.append(row)
            continue
        space = row[: len(row) - len(surface)]
        edges = [0, *inside, len(spelling)]
        for number, (a, b) in enumerate(pairwise(edges)):
            keys.append(spelling[a:b])
            spellings.append(spelling[a:b])
            rows.append((space if number == 0 else "") + surface[a:b])
    tokens.keys[:], tokens.spellings[:], tokens.rows[:] = keys, spellings, rows


@cache
def _known(word: str) -> bool:
    """UniDic knows the word as one entry (プラン, サービス)."""
    rows = shared_tokenizer().analyse(word)
    return len(rows) == 1 and rows[0][4] != "?"
