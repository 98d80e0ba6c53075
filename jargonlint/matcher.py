"""Find glossary terms in a token stream: one left-to-right pass over a key trie.

Every form and every exclude of every entry is tokenized once, and its token
keys (lemmas) spelled out character by character into a trie. Scanning a line
walks the trie from each token start and accepts a match only where a token
ends, so ホームゲートウェイ (three tokens) meets ホームゲートウエイ (two tokens) while
ロット still never matches inside スロット. Each form is also entered as written,
and the line's tokens are walked as written too: that catches a form whose
lemmas UniDic reads differently in some sentence (アンインストール as 餡 +
インストール). The cost depends on the text and on the longest form, not on how
many entries the glossary has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jargonlint.glossary import Entry, Problem
from jargonlint.normalize import normalize
from jargonlint.tokenizer import Tokenizer

_END = ""  # trie slot for "a form ends here"; trie edges are single characters


@dataclass(frozen=True, slots=True)
class Target:
    """What a complete trie path means: this entry, or a compound that is not it."""

    entry: Entry
    excluded: bool
    form: str
    as_written: bool = False  # entered by spelling: never displaces a lemma path


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens [start, end) of a line name this entry."""

    start: int
    end: int
    entry: Entry


class Matcher:
    """A trie over token keys built from glossary entries."""

    def __init__(self, tokenizer: Tokenizer, trie: dict[str, Any] | None = None) -> None:
        self.tokenizer = tokenizer
        self.trie: dict[str, Any] = trie if trie is not None else {}
        self.problems: list[Problem] = []

    @classmethod
    def build(cls, entries: Iterable[Entry], tokenizer: Tokenizer) -> Matcher:
        """Compile entries; collisions between them are recorded in ``problems``."""
        matcher = cls(tokenizer)
        entries = list(entries)
        for entry in entries:
            for form in entry.forms:
                matcher._add(Target(entry, False, form))
        for entry in entries:
            for form in entry.exclude:
                matcher._add(Target(entry, True, form))
        for entry in entries:
            for form in entry.forms:
                matcher._add_spelling(Target(entry, False, form, as_written=True))
            for form in entry.exclude:
                matcher._add_spelling(Target(entry, True, form, as_written=True))
        return matcher

    def _add_spelling(self, target: Target) -> None:
        """Enter a form as written, unless that path already means something."""
        node = self.trie
        for char in self.tokenizer.spelling(target.form):
            node = node.setdefault(char, {})
        node.setdefault(_END, target)

    def _add(self, target: Target) -> None:
        entry = target.entry
        keys = self.tokenizer.keys(target.form)
        if not keys:
            self._problem(entry, f"{target.form!r} has no words to match")
            return
        node = self.trie
        for char in "".join(keys):
            node = node.setdefault(char, {})
        existing: Target | None = node.get(_END)
        if existing is None:
            node[_END] = target
        elif target.excluded:
            if existing.entry is entry and not existing.excluded:
                self._problem(entry, f"exclude {target.form!r} is the term itself")
        elif existing.excluded:
            node[_END] = target  # a real entry wins over another entry's exclude
        elif existing.entry is entry:
            self._problem(
                entry,
                f"variant {target.form!r} is already matched as {existing.form!r}; remove it",
            )
        else:
            self._problem(
                entry,
                f"{target.form!r} is the same word as {existing.form!r} "
                f"({existing.entry.source}:{existing.entry.line}) to the tokenizer",
            )

    def _problem(self, entry: Entry, message: str) -> None:
        self.problems.append(Problem(entry.source, entry.line, entry.term, message))

    def find(self, keys: list[str], spellings: list[str] | None = None) -> Iterator[Match]:
        """Leftmost-longest matches over lemma keys and, if given, over spellings;
        a longer exclude hides the shorter term inside it."""
        root = self.trie
        n = len(keys)
        i = 0
        while i < n:
            by_key = keys[i][:1] in root
            by_spelling = spellings is not None and spellings[i][:1] in root
            if not (by_key or by_spelling):  # the common case, settled before any walk
                i += 1
                continue
            best, end = self._walk(keys, i) if by_key else (None, i)
            if by_spelling and spellings is not None:
                other, other_end = self._walk(spellings, i)
                if other_end > end:
                    best, end = other, other_end
            if best is None:
                i += 1
                continue
            if not best.excluded:
                yield Match(i, end, best.entry)
            i = end

    def _walk(self, keys: list[str], i: int) -> tuple[Target | None, int]:
        """The longest form starting at token i: its target and the token after it."""
        node = self.trie
        best: Target | None = None
        best_end = j = i
        n = len(keys)
        while j < n:
            for char in keys[j]:
                node = node.get(char)
                if node is None:
                    return best, best_end
            j += 1
            target = node.get(_END)
            if target is not None:
                best, best_end = target, j
        return best, best_end

    def find_in_text(self, text: str) -> list[Match]:
        """Matches in a normalized line."""
        tokens = self.tokenizer.tokenize(text)
        return list(self.find(tokens.keys, tokens.spellings))


def check_examples(matcher: Matcher, entries: Iterable[Entry]) -> list[Problem]:
    """Each example must be matched by its own entry, and by no other at the same span."""
    problems = []
    for entry in entries:
        matches = matcher.find_in_text(normalize(entry.example).text)
        if not any(m.entry is entry for m in matches):
            found = ", ".join(m.entry.term for m in matches) or "nothing"
            problems.append(
                Problem(
                    entry.source,
                    entry.line,
                    entry.term,
                    f"example is not matched by this entry (found: {found})",
                )
            )
    return problems
