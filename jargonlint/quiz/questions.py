"""Build a quiz from chosen terms: seeded, so a trainer can hand out the same one again.

Wrong choices come from the same category first (then neighbouring ones), are
of similar length so the right answer does not stand out, and never say the
same thing as the right answer or each other.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache

from jargonlint.glossary import AUDIENCE_LABELS, Entry, form_key
from jargonlint.quiz.readings import WHOLE_WORD, has_kanji, hiragana, misreadings
from jargonlint.quiz.select import QuizTerm

CHOICES = 4
MATCHING_MIN, MATCHING_MAX = 4, 6
# Two texts sharing this share of character pairs say the same thing in other words.
SAME_WORDING = 0.5
# Categories whose words are confused with each other on calls: the next place to
# look for wrong choices when a category has too few.
NEIGHBOURS = {
    "telecom": ("it", "energy"),
    "it": ("telecom", "office"),
    "energy": ("contract", "telecom"),
    "contract": ("finance", "realestate", "energy"),
    "finance": ("contract", "realestate"),
    "realestate": ("contract", "finance"),
    "business": ("office", "hr", "marketing"),
    "office": ("business", "it"),
    "hr": ("business", "office"),
    "marketing": ("business", "callcenter"),
    "callcenter": ("marketing", "business"),
}


class Kind(StrEnum):
    """What a question asks."""

    MEANING = "meaning"  # the term → its plain explanation
    TERM = "term"  # a plain explanation → the term
    READING = "reading"  # the term → its kana reading
    REWRITE = "rewrite"  # a script line → the plain words to say instead
    MATCHING = "matching"  # 4–6 terms ↔ their plain meanings


@dataclass(frozen=True)
class Choice:
    """One answer shown to the agent; ``term`` is the entry it belongs to, ``note``
    what the answer key says about a wrong one."""

    text: str
    term: str
    note: str = ""
    plain: str = ""  # the entry's shortest plain word: a short stand-in for a long text


@dataclass(frozen=True)
class Question:
    """One question, as plain data every writer renders in its own way."""

    kind: Kind
    term: str
    reading: str
    category: str
    prompt: str
    choices: tuple[Choice, ...]
    answer: int  # index of the right choice; for matching, -1 (see ``key``)
    explanation: str
    say_instead: tuple[str, ...]
    detail: str = ""
    line: str = ""  # rewrite: the script line
    marked: tuple[int, int] | None = None  # where the term is in ``line``
    source: str = ""  # path:line of the script line, or "glossary example"
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (term, meaning), terms as shown
    key: tuple[int, ...] = ()  # matching: for each pair, the index of its meaning in choices

    @property
    def right(self) -> str:
        """The right answer as text (for matching: the pairs)."""
        if self.kind is Kind.MATCHING:
            return " / ".join(f"{t} → {m}" for t, m in self.pairs)
        return self.choices[self.answer].text


@dataclass(frozen=True)
class Quiz:
    """The questions and what produced them (seed, audience, terms)."""

    title: str
    seed: int
    audience: str
    questions: tuple[Question, ...]
    terms: tuple[QuizTerm, ...] = field(default=())

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS.get(self.audience, "お客様")


class QuizError(Exception):
    """The quiz cannot be built as asked (too few entries for any question)."""


def new_seed() -> int:
    """A seed for a run without ``--seed``: recorded in the quiz so it can be repeated."""
    return secrets.randbelow(2**31)


def build(
    terms: Sequence[QuizTerm],
    entries: Sequence[Entry],
    *,
    count: int,
    kinds: Sequence[Kind] = tuple(Kind),
    seed: int,
    audience: str = "consumer",
    sample: bool = False,
    title: str = "用語クイズ",
) -> Quiz:
    """A quiz of up to ``count`` questions, one per term, kinds mixed in turn.

    ``sample`` picks the terms at random (a glossary category); otherwise the
    first ``count`` are taken, as ranked (the most frequent in the scripts first).
    """
    rng = random.Random(seed)
    chosen = list(terms)
    if sample:
        chosen = rng.sample(chosen, min(count, len(chosen)))
    chosen = chosen[:count]
    maker = _Maker(entries, rng, audience)
    order = list(kinds)
    rng.shuffle(order)
    questions = []
    asked = [t.entry for t in chosen]
    for index, term in enumerate(chosen):
        for turn in range(len(order)):
            kind = order[(index + turn) % len(order)]
            question = maker.make(kind, term, asked)
            if question is not None:
                questions.append(question)
                break
    return Quiz(title, seed, audience, tuple(questions), tuple(chosen))


class _Maker:
    """Makes one question of a kind, or None when the term cannot have it."""

    def __init__(self, entries: Sequence[Entry], rng: random.Random, audience: str) -> None:
        self.entries = list(entries)
        self.rng = rng
        self.audience = audience
        self.readings = frozenset(hiragana(e.reading) for e in entries)
        self.matched: set[str] = set()  # terms already in a matching question

    def make(self, kind: Kind, term: QuizTerm, asked: list[Entry]) -> Question | None:
        entry = term.entry
        if kind is Kind.MEANING:
            return self._single(
                kind, entry, f"「{entry.term}」の意味に合うものはどれですか。", _explanation
            )
        if kind is Kind.TERM:
            prompt = f"次の説明に合う言葉はどれですか。「{entry.explanation}」"
            return self._single(kind, entry, prompt, _headword)
        if kind is Kind.READING:
            return self._reading(entry)
        if kind is Kind.REWRITE:
            return self._rewrite(term)
        return self._matching(entry, asked)

    def _base(self, kind: Kind, entry: Entry, prompt: str, choices: list[Choice], answer: int):
        return Question(
            kind=kind,
            term=entry.term,
            reading=entry.reading,
            category=entry.category,
            prompt=prompt,
            choices=tuple(choices),
            answer=answer,
            explanation=entry.explanation,
            say_instead=entry.say_instead,
            detail=entry.detail,
        )

    def _single(
        self, kind: Kind, entry: Entry, prompt: str, text_of: Callable[[Entry], str]
    ) -> Question | None:
        wrong = distractors(entry, self.entries, text_of, self.rng)
        if len(wrong) < CHOICES - 1:
            return None
        choices = [Choice(text_of(entry), entry.term, plain=_shortest_plain(entry))]
        choices += [
            Choice(text_of(e), e.term, _wrong_note(kind, e), _shortest_plain(e)) for e in wrong
        ]
        self.rng.shuffle(choices)
        answer = next(i for i, c in enumerate(choices) if c.term == entry.term)
        return self._base(kind, entry, prompt, choices, answer)

    def _reading(self, entry: Entry) -> Question | None:
        if not has_kanji(entry.term):
            return None
        wrong = misreadings(entry.term, entry.reading, self.readings)
        if len(wrong) < CHOICES - 1:
            return None
        # Whole-word misreadings are what agents really say; kana slips fill up.
        whole = [m for m in wrong if m.slip in WHOLE_WORD]
        slips = [m for m in wrong if m not in whole]
        picked = whole[: CHOICES - 1]
        picked += self.rng.sample(slips, min(len(slips), CHOICES - 1 - len(picked)))
        if len(picked) < CHOICES - 1:
            return None
        choices = [Choice(hiragana(entry.reading), entry.term)]
        choices += [Choice(m.text, entry.term, f"よくある読み間違い（{m.slip}）") for m in picked]
        self.rng.shuffle(choices)
        answer = next(i for i, c in enumerate(choices) if not c.note)
        prompt = f"「{entry.term}」の読み方はどれですか。"
        return self._base(Kind.READING, entry, prompt, choices, answer)

    def _rewrite(self, term: QuizTerm) -> Question | None:
        entry = term.entry
        if term.sources:
            first = term.sources[0]
            line, matched, source = first.text.strip(), first.matched, first.where
        else:
            line, matched, source = entry.example, "", "glossary example"
        marked = _find(line, (matched, *entry.forms) if matched else entry.forms)
        wrong = distractors(entry, self.entries, _first_plain, self.rng)
        if len(wrong) < CHOICES - 1:
            return None
        right = self.rng.choice(entry.say_instead)
        choices = [Choice(right, entry.term)]
        choices += [Choice(_first_plain(e), e.term, _wrong_note(Kind.REWRITE, e)) for e in wrong]
        self.rng.shuffle(choices)
        answer = next(i for i, c in enumerate(choices) if c.term == entry.term)
        label = AUDIENCE_LABELS.get(self.audience, "お客様")
        prompt = f"このセリフの「{entry.term}」を{label}にわかる言葉で言うなら、どれがよいですか。"
        question = self._base(Kind.REWRITE, entry, prompt, choices, answer)
        return replace(question, line=line, marked=marked, source=source)

    def _matching(self, entry: Entry, asked: list[Entry]) -> Question | None:
        size = self.rng.randint(MATCHING_MIN, MATCHING_MAX)
        others = [e for e in asked if e is not entry]
        self.rng.shuffle(others)
        # Terms not yet in a matching question first, so two of them differ.
        others.sort(key=lambda e: e.term in self.matched)
        group = [entry]
        for candidate in others:
            if len(group) < size and all(_distinct(candidate, g) for g in group):
                group.append(candidate)
        if len(group) < size:
            for candidate in distractors(entry, self.entries, _explanation, self.rng, size):
                if len(group) < size and all(_distinct(candidate, g) for g in group):
                    group.append(candidate)
        if len(group) < MATCHING_MIN:
            return None
        self.matched.update(e.term for e in group)
        self.rng.shuffle(group)
        meanings = [e.explanation for e in group]
        self.rng.shuffle(meanings)
        pairs = tuple((e.term, e.explanation) for e in group)
        key = tuple(meanings.index(e.explanation) for e in group)
        choices = [Choice(m, next(e.term for e in group if e.explanation == m)) for m in meanings]
        prompt = "それぞれの言葉に合う意味を選んでください。"
        question = self._base(Kind.MATCHING, entry, prompt, choices, -1)
        return replace(question, pairs=pairs, key=key)


def _explanation(entry: Entry) -> str:
    return entry.explanation


def _headword(entry: Entry) -> str:
    return entry.term


def _shortest_plain(entry: Entry) -> str:
    return min(entry.say_instead, key=len)


def _first_plain(entry: Entry) -> str:
    return entry.say_instead[0]


def _wrong_note(kind: Kind, entry: Entry) -> str:
    if kind is Kind.TERM:
        return f"「{entry.term}」は「{entry.explanation}」"
    return f"これは「{entry.term}」のことです。"


def _find(line: str, forms: Sequence[str]) -> tuple[int, int] | None:
    """Where the term stands in the line, by any of its spellings (width-insensitive)."""
    folded = form_key(line)
    if len(folded) != len(line):  # folding changed lengths: look in the line as written
        folded = line
    for form in forms:
        if not form:
            continue
        at = folded.find(form_key(form) if folded is not line else form)
        if at >= 0:
            return at, at + len(form)
    return None


def _distinct(a: Entry, b: Entry) -> bool:
    """Two entries can stand side by side as choices: they do not say the same thing.

    Not when they share a plain word or a spelling, when one's notes name the other
    (違約金's note names 契約解除料: near synonyms), or when their plain words or
    explanations are worded almost alike (解約のときにかかるお金 / やめるときにかかるお金).
    """
    if a.term == b.term:
        return False
    plain_a = {form_key(s) for s in a.say_instead}
    plain_b = {form_key(s) for s in b.say_instead}
    forms_a = {form_key(f) for f in a.forms}
    forms_b = {form_key(f) for f in b.forms}
    if plain_a & plain_b or forms_a & forms_b:
        return False
    notes_a = _folded(a.explanation + a.detail)
    notes_b = _folded(b.explanation + b.detail)
    if any(f in notes_b for f in forms_a) or any(f in notes_a for f in forms_b):
        return False
    if _alike(a.explanation, b.explanation):
        return False
    return not any(_alike(x, y) for x in a.say_instead for y in b.say_instead)


@cache
def _folded(text: str) -> str:
    return form_key(text)


@cache
def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _alike(a: str, b: str) -> bool:
    """Worded almost alike: half or more of their character pairs shared (Dice)."""
    pairs_a, pairs_b = _pairs(a), _pairs(b)
    if not pairs_a or not pairs_b:
        return form_key(a) == form_key(b)
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b)) >= SAME_WORDING


def distractors(
    right: Entry,
    entries: Sequence[Entry],
    text_of: Callable[[Entry], str],
    rng: random.Random,
    wanted: int = CHOICES - 1,
) -> list[Entry]:
    """Entries whose ``text_of`` can stand beside the right one's as wrong choices.

    Same category first, then neighbouring ones, then the rest; within each, those
    closest in length to the right answer, picked at random among the closest.
    """
    target = len(text_of(right))
    near = NEIGHBOURS.get(right.category, ())
    tiers: list[list[Entry]] = [[], [], []]
    for entry in entries:
        tier = 0 if entry.category == right.category else 1 if entry.category in near else 2
        tiers[tier].append(entry)
    chosen: list[Entry] = []
    texts = {form_key(text_of(right))}
    for tier in tiers:
        pool = []
        for entry in sorted(tier, key=lambda e: abs(len(text_of(e)) - target)):
            if _distinct(entry, right):
                pool.append(entry)
                if len(pool) == max(2 * wanted, 6):
                    break
        rng.shuffle(pool)
        for entry in pool:
            text = form_key(text_of(entry))
            if len(chosen) == wanted:
                return chosen
            if text in texts or not all(_distinct(entry, c) for c in chosen):
                continue
            texts.add(text)
            chosen.append(entry)
    return chosen
