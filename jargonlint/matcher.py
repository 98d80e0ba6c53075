"""Find glossary terms in a token stream: one left-to-right pass over a key trie.

Every form and every exclude of every entry is tokenized once, and its token
keys spelled out character by character into a trie. Scanning a line walks the
trie from each token start and accepts a match only where a token ends, so
ホームゲートウェイ (three tokens) meets ホームゲートウエイ (two tokens) while ロット
still never matches inside スロット. The cost depends on the text and on the
longest form, not on how many entries the glossary has.
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
        return matcher

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

    def find(self, keys: list[str]) -> Iterator[Match]:
        """Leftmost-longest matches; a longer exclude hides the shorter term inside it."""
        root = self.trie
        n = len(keys)
        i = 0
        while i < n:
            if keys[i][:1] not in root:  # the common case, checked before any walking
                i += 1
                continue
            node = root
            best: Target | None = None
            best_end = j = i
            while j < n:
                for char in keys[j]:
                    node = node.get(char)
                    if node is None:
                        break
                else:
                    j += 1
                    target = node.get(_END)
                    if target is not None:
                        best, best_end = target, j
                    continue
                break
            if best is None:
                i += 1
                continue
            if not best.excluded:
                yield Match(i, best_end, best.entry)
            i = best_end

    def find_in_text(self, text: str) -> list[Match]:
        """Matches in a normalized line."""
        return list(self.find(self.tokenizer.tokenize(text).keys))


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
