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
from itertools import compress
from operator import or_
from typing import Any

from jargonlint.glossary import Entry, Problem
from jargonlint.lazy_pattern import LazyPattern
from jargonlint.normalize import normalize
from jargonlint.resegment import Resegmenter
from jargonlint.tokenizer import Tokenizer, Tokens

# A lemma that is a verb's or adjective's dictionary form: it ends in u-row kana or い.
_DICTIONARY_FORM = LazyPattern("[うくぐすずつぬぶむゆるい]$")
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


def _follow(node: dict[str, Any], text: str) -> dict[str, Any] | None:
    """The trie node reached by spelling ``text`` from ``node``, if any."""
    for char in text:
        node = node.get(char)
        if node is None:
            return None
    return node


class _Leads(dict[str, bool]):
    """Token text → whether spelling it from the trie's root leads anywhere, worked
    out on first sight: a token for which it does not can start no form, whatever
    follows it, so most of a line is ruled out by one dictionary lookup per token."""

    def __init__(self, trie: dict[str, Any]) -> None:
        super().__init__()
        self._trie = trie

    def __missing__(self, text: str) -> bool:
        leads = self[text] = _follow(self._trie, text) is not None
        return leads


class Matcher:
    """A trie over token keys built from glossary entries."""

    def __init__(self, tokenizer: Tokenizer, trie: dict[str, Any] | None = None) -> None:
        self.tokenizer = tokenizer
        self.trie: dict[str, Any] = trie if trie is not None else {}
        self.problems: list[Problem] = []
        self._pairs: set[str] = set()
        self._singles: set[str] = set()
        self._leads = _Leads({})
        self._resegment: Resegmenter | None = None
        if trie is not None:
            self._index_openings()

    def _index_openings(self) -> None:
        """First two characters of every form (and the one-character forms): most tokens
        are ruled out by one set lookup instead of a walk down the trie."""
        self._pairs = {a + b for a, node in self.trie.items() for b in node if b != _END}
        self._singles = {a for a, node in self.trie.items() if _END in node}
        self._leads = _Leads(self.trie)

    @classmethod
    def build(cls, entries: Iterable[Entry], tokenizer: Tokenizer) -> Matcher:
        """Compile entries; collisions between them are recorded in ``problems``."""
        matcher = cls(tokenizer)
        entries = list(entries)
        targets = [Target(e, False, form) for e in entries for form in e.forms]
        targets += [Target(e, True, form) for e in entries for form in e.exclude]
        tokenized = {t.form: tokenizer.tokenize_form(t.form) for t in targets}
        for target in targets:  # lemma paths first: a spelled path never displaces one
            matcher._add(target, tokenized[target.form])
        for target in targets:
            matcher._add_spelling(target, tokenized[target.form])
        matcher._index_openings()
        return matcher

    @staticmethod
    def _form_keys(tokens: Tokens) -> list[str]:
        """A form's path: lemma keys, except for inflected words written in a form
        other than the dictionary one (縛り, 切り返し). Those stand for the noun the
        writer meant and match only as written; a verb listed in its dictionary form
        (切り返す, ネゴる) matches every inflection."""
        return [
            spelled
            if spelled != key
            and _DICTIONARY_FORM.search(key)
            and not _DICTIONARY_FORM.search(spelled)
            else key
            for key, spelled in zip(tokens.keys, tokens.spellings, strict=True)
        ]

    def _add_spelling(self, target: Target, tokens: Tokens) -> None:
        """Enter a form as written too, for when UniDic reads the form itself oddly
        (standing alone, アン of アンインストール may be read as 餡); a lemma path that
        is already there keeps its meaning."""
        node = self.trie
        for char in "".join(tokens.spellings):
            node = node.setdefault(char, {})
        node.setdefault(_END, target)

    def _add(self, target: Target, tokens: Tokens) -> None:
        entry = target.entry
        keys = self._form_keys(tokens)
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
        """Leftmost-longest matches; a longer exclude hides the shorter term inside it.

        Tokens are walked by lemma key; where a token's key leads nowhere and its
        spelling differs, the walk tries the spelling instead. Most tokens can
        start no form at all: the whole line is sifted at C speed for tokens whose
        key or spelling leads somewhere in the trie, and only those are looked at
        (their first two characters, then a walk).
        """
        pairs, singles = self._pairs, self._singles
        n = len(keys)
        leads = self._leads.__getitem__
        may_open = map(leads, keys)
        if spellings is not None:
            may_open = map(or_, may_open, map(leads, spellings))
        after = 0  # the token after the last match: matches do not overlap
        for i in compress(range(n), may_open):
            if i < after:
                continue
            key = keys[i]
            if len(key) > 1:
                opens = key[:2] in pairs
            else:
                opens = key in singles or (i + 1 < n and key + keys[i + 1][:1] in pairs)
            if not opens and spellings is not None and spellings[i] != key:
                spelled = spellings[i]
                if len(spelled) > 1:
                    opens = spelled[:2] in pairs
                else:
                    opens = spelled in singles or (
                        i + 1 < n
                        and (
                            spelled + keys[i + 1][:1] in pairs
                            or spelled + spellings[i + 1][:1] in pairs
                        )
                    )
            if not opens:
                continue
            best, end = self._walk(keys, spellings, i)
            if best is None:
                continue
            if not best.excluded:
                yield Match(i, end, best.entry)
            after = end

    def _walk(
        self, keys: list[str], spellings: list[str] | None, i: int
    ) -> tuple[Target | None, int]:
        """The longest form starting at token i: its target and the token after it.

        Where a token's spelling differs from its key, both are followed, so a
        walk that went the lemma way (消し → 消す) can still finish as written
        (消し込み).
        """
        nodes: list[dict[str, Any]] = [self.trie]
        best: Target | None = None
        best_end = j = i
        n = len(keys)
        while j < n and nodes:
            key = keys[j]
            spelled = spellings[j] if spellings is not None else key
            if len(nodes) == 1 and spelled == key:  # the usual case: one way to go
                after = _follow(nodes[0], key)
                nodes = [] if after is None else [after]
            else:
                following = []
                for node in nodes:
                    for text in (key, spelled) if spelled != key else (key,):
                        after = _follow(node, text)
                        if after is not None and all(after is not f for f in following):
                            following.append(after)
                nodes = following
            j += 1
            for node in nodes:
                target = node.get(_END)
                if target is not None:
                    best, best_end = target, j
                    break
        return best, best_end

    def find_in_tokens(self, tokens: Tokens) -> Iterator[Match]:
        """Matches in a tokenized line, once tokens that hide a form's edge inside a
        compound are cut (割|賦払い → 割|賦|払い); ``tokens`` are cut in place."""
        if self._resegment is None:
            self._resegment = Resegmenter(self.trie, self._pairs)
        self._resegment(tokens)
        return self.find(tokens.keys, tokens.spellings)

    def find_in_text(self, text: str) -> list[Match]:
        """Matches in a normalized line."""
        return list(self.find_in_tokens(self.tokenizer.tokenize(text)))


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
