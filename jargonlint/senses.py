"""Decide, from the words around a match, whether the form is the term at all.

The matcher finds forms; this stage, run right after it, drops those that
mean something else here: an entry's ``not_when`` rules (キャリア in
キャリアアップ, アクセス in 駅からのアクセス, バックアップ in 全面的にバックアップ
いたします) and, for every entry, a term inside a company or building name
(株式会社ミナトデバイス, デバイスビル, タナカデバイス). A rule with ``means``
hands the match to the entry that names the other jargon sense.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from jargonlint.glossary import Entry, Problem
from jargonlint.matcher import Match, Matcher
from jargonlint.normalize import normalize
from jargonlint.sense_rules import SenseRule
from jargonlint.tokenizer import Tokenizer, Tokens, shared_tokenizer

# Words that make a katakana or Latin run a company or building name. Compared as
# normalized spellings, so （株） and ㈱ are both (株).
_NAME_AFTER = (
    "株式会社", "有限会社", "合同会社", "(株)", "(有)", "社", "ビル", "ビルディング",
    "ホールディングス", "商事", "工業", "電機",
)  # fmt: skip
_NAME_BEFORE = ("株式会社", "有限会社", "合同会社", "(株)", "(有)")
_NAME_AFTER_OPENS = frozenset(name[0] for name in _NAME_AFTER)
_NAME_BEFORE_CLOSES = frozenset(name[-1] for name in _NAME_BEFORE)
_NAME_WORDS = re.compile("[\u30a0-\u30ffa-z0-9&・]+\\Z")  # katakana/Latin run, folded
_KATAKANA = re.compile("[\u30a0-\u30ff]+\\Z")
_PERSON_OR_PLACE = ("人名", "地名")
_HIRAGANA = re.compile("[\u3041-\u309f]+")


@dataclass(frozen=True)
class _Word:
    """A context word as the tokenizer reads it: lemma keys and spellings, joined."""

    key: str
    spelling: str
    by_key: bool


@dataclass(frozen=True)
class _Rule:
    """A not_when rule with its words tokenized as the matcher keys them."""

    rule: SenseRule
    followed_by: tuple[_Word, ...]
    preceded_by: tuple[_Word, ...]
    near: tuple[_Word, ...]
    unless_near: tuple[_Word, ...]
    forms: frozenset[str]  # folded spellings the rule is limited to (empty: every form)
    means: Entry | None
    near_opens: frozenset[str]  # first characters of the near words, written and keyed


def _starts_at(seq: Sequence[str], i: int, word: str) -> bool:
    """Tokens from i on spell ``word`` exactly, ending on a token boundary."""
    text = ""
    while i < len(seq) and len(text) < len(word):
        text += seq[i]
        i += 1
    return text == word


def _ends_at(seq: Sequence[str], stop: int, word: str) -> bool:
    """Tokens before ``stop`` spell ``word`` exactly, starting on a token boundary."""
    text = ""
    i = stop
    while i > 0 and len(text) < len(word):
        i -= 1
        text = seq[i] + text
    return text == word


def _spelled(
    words: Iterable[_Word],
    check: Callable[[Sequence[str], int, str], bool],
    tokens: Tokens,
    at: int,
) -> bool:
    """One of the words is at ``at``, as written or, for a word with kanji or
    katakana, by lemma keys (積む meets 積ん). Kana-only words are compared as
    written: な and で share the lemma だ."""
    return any(
        check(tokens.spellings, at, w.spelling) or (w.by_key and check(tokens.keys, at, w.key))
        for w in words
    )


class Senses:
    """The glossary's sense rules, compiled against the tokenizer.

    An entry's rules are compiled the first time one of its forms is matched:
    a script meets few of the glossary's entries, and tokenizing every rule
    word of every entry would cost a short check more than its linting."""

    def __init__(self, entries: Iterable[Entry], tokenizer: Tokenizer) -> None:
        entries = list(entries)
        self._tokenizer = tokenizer
        self._by_term = {e.term: e for e in entries}
        self._rules: dict[str, list[_Rule]] = {}

    @property
    def problems(self) -> list[Problem]:
        """Rules whose ``means`` names no other entry."""
        return [
            Problem(
                entry.source,
                rule.line or entry.line,
                entry.term,
                f"not_when: means {rule.means!r} is not another entry's headword",
            )
            for entry in self._by_term.values()
            for rule in entry.not_when
            if rule.means and self._by_term.get(rule.means, entry) is entry
        ]

    def _rules_of(self, entry: Entry) -> list[_Rule]:
        rules = self._rules.get(entry.term)
        if rules is None:
            rules = self._rules[entry.term] = [
                self._compile(rule)
                for rule in entry.not_when
                if not rule.means or self._by_term.get(rule.means, entry) is not entry
            ]
        return rules

    def _compile(self, rule: SenseRule) -> _Rule:
        near = tuple(map(self._word, rule.near))
        unless_near = tuple(map(self._word, rule.unless_near))
        return _Rule(
            rule,
            tuple(map(self._word, rule.followed_by)),
            tuple(map(self._word, rule.preceded_by)),
            near,
            unless_near,
            frozenset(self._word(form).spelling for form in rule.forms),
            self._by_term.get(rule.means) if rule.means else None,
            frozenset(c for w in (*near, *unless_near) for c in (w.spelling[:1], w.key[:1])),
        )

    def _word(self, text: str) -> _Word:
        tokens = self._tokenizer.tokenize_form(text)
        spelling = "".join(tokens.spellings)
        return _Word("".join(tokens.keys), spelling, not _HIRAGANA.fullmatch(spelling))

    def resolve(self, matches: Iterable[Match], tokens: Tokens) -> Iterator[Match]:
        """The matches that are their term here; a ``means`` rule renames the entry."""
        for match in matches:
            if _in_a_name(match, tokens):
                continue
            rule = self._rule_for(match, tokens)
            if rule is None:
                yield match
            elif rule.means is not None:
                yield Match(match.start, match.end, rule.means)

    def _rule_for(self, match: Match, tokens: Tokens) -> _Rule | None:
        """The first rule of the entry whose every condition the context meets."""
        start, end = match.start, match.end
        if not match.entry.not_when:
            return None
        for rule in self._rules_of(match.entry):
            if rule.forms and "".join(tokens.spellings[start:end]) not in rule.forms:
                continue
            if rule.followed_by and not _spelled(rule.followed_by, _starts_at, tokens, end):
                continue
            if rule.preceded_by and not _spelled(rule.preceded_by, _ends_at, tokens, start):
                continue
            if rule.near and not _near(rule, rule.near, tokens, start, end):
                continue
            if rule.unless_near and _near(rule, rule.unless_near, tokens, start, end):
                continue
            return rule
        return None


def _near(rule: _Rule, words: tuple[_Word, ...], tokens: Tokens, start: int, end: int) -> bool:
    """One of the words is within the rule's window of tokens before or after the form."""
    window = rule.rule.window
    before = range(max(0, start - window), start)
    after = range(end, min(len(tokens.keys), end + window))
    opens = rule.near_opens
    return any(
        (tokens.spellings[at][:1] in opens or tokens.keys[at][:1] in opens)
        and _spelled(words, _starts_at, tokens, at)
        for at in (*before, *after)
    )


def _glued(tokens: Tokens, i: int) -> bool:
    """Token i is written right after the one before it, with no space."""
    return not tokens.rows[i][:1].isspace()


def _in_a_name(match: Match, tokens: Tokens) -> bool:
    """A katakana or Latin term inside a company, shop or building name: the run of
    such words around it is preceded by 株式会社, followed by 株式会社/社/ビル…,
    glued to a person's or place's name (タナカデバイス), or, longer than the
    term, followed by の and a person's name (デバイスエージェンシーの田中)."""
    spellings = tokens.spellings
    if not _NAME_WORDS.match("".join(spellings[match.start : match.end])):
        return False
    first, stop = match.start, match.end
    neighbours = []
    while first > 0 and _glued(tokens, first) and _NAME_WORDS.match(spellings[first - 1]):
        first -= 1
        neighbours.append(spellings[first])
    while True:  # a katakana marker (ビル) would join the run: look before each word
        if (
            stop < len(spellings)
            and spellings[stop][:1] in _NAME_AFTER_OPENS
            and any(_starts_at(spellings, stop, name) for name in _NAME_AFTER)
        ):
            return True
        if not (
            stop < len(spellings) and _glued(tokens, stop) and _NAME_WORDS.match(spellings[stop])
        ):
            break
        neighbours.append(spellings[stop])
        stop += 1
    if (
        first > 0
        and spellings[first - 1][-1:] in _NAME_BEFORE_CLOSES
        and any(_ends_at(spellings, first, name) for name in _NAME_BEFORE)
    ):
        return True
    if neighbours and _introduces_someone(spellings, stop):
        return True
    return any(_KATAKANA.match(word) and _names_someone(word) for word in neighbours)


def _introduces_someone(spellings: Sequence[str], stop: int) -> bool:
    """The run is followed by の and a person's name: デバイスエージェンシーの田中."""
    return (
        stop + 1 < len(spellings)
        and spellings[stop] == "の"
        and _names_someone(spellings[stop + 1])
    )


@cache
def _names_someone(word: str) -> bool:
    """UniDic reads the word, alone, as a person's or place's name (タナカ, シブヤ)."""
    rows = shared_tokenizer().analyse(word)
    return len(rows) == 1 and rows[0][2] == "固有名詞" and rows[0][10] in _PERSON_OR_PLACE


def check_rules(senses: Senses, matcher: Matcher, entries: Iterable[Entry]) -> list[Problem]:
    """Each rule's example contains the form and the rule rules it out (or hands it
    to ``means``); each entry's own example is still its term after every rule."""
    problems = list(senses.problems)

    def found(text: str) -> tuple[list[Match], list[Match]]:
        tokens = matcher.tokenizer.tokenize(normalize(text).text)
        raw = list(matcher.find_in_tokens(tokens))
        return raw, list(senses.resolve(raw, tokens))

    for entry in entries:
        raw, kept = found(entry.example)
        if any(m.entry is entry for m in raw) and not any(m.entry is entry for m in kept):
            problems.append(
                Problem(entry.source, entry.line, entry.term, "example is ruled out by not_when")
            )
        for number, rule in enumerate(entry.not_when, 1):
            raw, kept = found(rule.example)
            where = (entry.source, rule.line or entry.line, entry.term)
            if not any(m.entry is entry for m in raw):
                problems.append(
                    Problem(*where, f"not_when rule {number}: example does not contain the term")
                )
            elif any(m.entry is entry for m in kept):
                problems.append(
                    Problem(*where, f"not_when rule {number}: example is still this term")
                )
            elif rule.means and not any(m.entry.term == rule.means for m in kept):
                problems.append(
                    Problem(*where, f"not_when rule {number}: example is not read as {rule.means}")
                )
    return problems
