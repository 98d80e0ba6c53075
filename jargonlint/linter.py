"""Lint text with a compiled glossary: normalize → tokenize → match → classify.

This is the one place the pipeline is wired together; the CLI and the tests
both go through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jargonlint import glossary_cache, suppressions
from jargonlint.discover import REASON_LABELS, Candidate, Discoverer
from jargonlint.document import UNSPOKEN, Kind, Segment, plain_lines
from jargonlint.explained import explained_in_place
from jargonlint.findings import Finding
from jargonlint.glossary import (
    Entry,
    Problem,
    builtin_dictionary_files,
    form_key,
    load_entries,
    read_sources,
)
from jargonlint.lookup import find_entry
from jargonlint.matcher import Matcher, check_examples
from jargonlint.normalize import normalize_lines
from jargonlint.script import (
    AGENT,
    DEFAULT_LABELS,
    Guess,
    SpeakerLabels,
    declared_audience,
    read_script,
)
from jargonlint.senses import Senses, check_rules
from jargonlint.severity import classify, suggestions
from jargonlint.tokenizer import Tokenizer, shared_tokenizer


class GlossaryError(Exception):
    """The glossary cannot be used; ``problems`` says why, entry by entry."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} glossary problem(s)")
        self.problems = list(problems)


@dataclass
class Glossary:
    """Loaded entries plus their compiled matcher."""

    entries: list[Entry]
    matcher: Matcher

    @cached_property
    def senses(self) -> Senses:
        """The entries' not_when rules, compiled once per glossary."""
        return Senses(self.entries, self.matcher.tokenizer)

    @classmethod
    def load(
        cls,
        extra: Iterable[Path] = (),
        *,
        builtin: bool = True,
        tokenizer: Tokenizer | None = None,
        use_cache: bool = True,
    ) -> Glossary:
        """Load, validate and compile; raise GlossaryError listing every problem.

        A glossary whose files are unchanged since it last loaded cleanly comes
        from the on-disk cache, skipping parsing and validation.
        """
        files = [*(builtin_dictionary_files() if builtin else []), *extra]
        sources, problems = read_sources(files)
        if problems:
            raise GlossaryError(problems)
        tokenizer = tokenizer or shared_tokenizer()
        key = glossary_cache.cache_key(sources)
        cached = glossary_cache.load(key) if use_cache else None
        if cached is not None:
            entries, trie = cached
            return cls(entries, Matcher(tokenizer, trie))
        entries, problems = load_entries(sources)
        matcher = Matcher.build(entries, tokenizer)
        problems += matcher.problems
        problems += check_examples(matcher, entries)
        glossary = cls(entries, matcher)
        problems += check_rules(glossary.senses, matcher, entries)
        if problems:
            raise GlossaryError(problems)
        if use_cache:
            glossary_cache.store(key, (entries, matcher.trie))
            tokenizer.flush()  # the words of every form and example, for later runs
        return glossary


@dataclass(frozen=True)
class ScriptOptions:
    """Which parts of a script are linted."""

    speakers: str = "agent"  # agent: only the agent's lines; all: every speaker
    include_unspoken: bool = False  # also headings, ※ notes and ▼ branches
    labels: SpeakerLabels = DEFAULT_LABELS


class Linter:
    """Checks scripts against a glossary for one audience."""

    def __init__(
        self,
        glossary: Glossary,
        audience: str = "consumer",
        ignore: Iterable[str] = (),
        options: ScriptOptions | None = None,
        possible_jargon: str | None = None,
    ) -> None:
        """``possible_jargon``: the severity of words no glossary lists but that are
        probably jargon (rule ``possible-jargon``); None looks for none."""
        self.glossary = glossary
        self.audience = audience
        self.options = options or ScriptOptions()
        self._tokenizer = glossary.matcher.tokenizer
        self._verdicts: dict[tuple[str, str], tuple[str, str, str]] = {}
        ignored = {form_key(i) for i in ignore}
        self._ignored_forms = ignored
        self._possible_jargon = possible_jargon
        self.discoverer = Discoverer(tokenizer=self._tokenizer) if possible_jargon else None
        self._ignored = {
            e.term
            for e in (glossary.entries if ignored else ())  # no forms to fold without ignores
            if any(form_key(f) in ignored for f in e.forms)
        }

    def _classified(self, entry: Entry, audience: str) -> tuple[str, str, str]:
        """classify(), remembered per entry and audience."""
        verdict = self._verdicts.get((audience, entry.term))
        if verdict is None:
            verdict = self._verdicts[audience, entry.term] = classify(entry, audience)
        return verdict

    def lint_text(self, path: str, text: str) -> list[Finding]:
        """Lint a plain-text script."""
        return self.lint_segments(path, plain_lines(text))

    def _headword(self, name: str) -> str:
        """The entry a suppression comment names, by any spelling the linter matches."""
        entry = find_entry(self.glossary.entries, self.glossary.matcher, name)
        return entry.term if entry else name

    def _lintable(self, segment: Segment) -> bool:
        if segment.kind is Kind.SPOKEN:
            return self.options.speakers == "all" or segment.role == AGENT
        return self.options.include_unspoken and segment.kind in UNSPOKEN

    def lint_segments(self, path: str, segments: Iterable[Segment]) -> list[Finding]:
        """Lint a script given as segments; positions point into the original file."""
        script = read_script(segments, self.options.labels)
        segments = script.segments
        audience = declared_audience(segments) or self.audience
        groups, directives = self._directives(segments)
        for directive in directives:
            directive.terms = {name: self._headword(name) for name in directive.names or ()}
        chosen = [(s, g) for s, g in zip(segments, groups, strict=True) if self._lintable(s)]
        suppressions.resolve(
            directives, sorted({g for _, g in chosen}), groups[-1] if groups else 0
        )
        cut = {(d.line, d.start, d.end) for d in directives}
        findings: list[tuple[int, Finding]] = []  # with the group, to keep file order
        explained: dict[str, int] = {}
        find = self.glossary.matcher.find_in_tokens
        resolve = self.glossary.senses.resolve
        texts = [_without_directives(s, cut) if cut else s.text for s, _ in chosen]
        normalized_lines = normalize_lines(texts)
        tokenized = self._tokenizer.tokenize_lines([n.text for n in normalized_lines])
        for (segment, group), text, normalized, tokens in zip(
            chosen, texts, normalized_lines, tokenized, strict=True
        ):
            spans = []  # of glossary matches, so that discovery never repeats one
            for match in resolve(find(tokens), tokens):
                entry = match.entry
                span = tokens.span(match.start, match.end)
                spans.append(span)
                if entry.term in self._ignored:
                    continue
                start, end = normalized.original_span(*span)
                finding = self._finding(
                    path, segment, entry, (start, end), text, explained, audience
                )
                hits = suppressions.suppressing(directives, group, entry.term)
                for directive in hits:
                    directive.mark_used(entry.term)
                if not hits:
                    findings.append((group, finding))
            if self.discoverer is not None:
                for candidate in self.discoverer.find(normalized.text):
                    if any(s < candidate.end and candidate.start < e for s, e in spans):
                        continue
                    start, end = normalized.original_span(candidate.start, candidate.end)
                    if form_key(candidate.word) in self._ignored_forms or explained_in_place(
                        text, start, end
                    ):
                        continue
                    finding = self._discovered(path, segment, candidate, (start, end))
                    hits = suppressions.suppressing(directives, group, candidate.word)
                    for directive in hits:
                        directive.mark_used(candidate.word)
                    if not hits:
                        findings.append((group, finding))
        findings.extend((d.group, f) for d, f in _unused(path, directives, segments))
        findings.extend(_guessed(path, script.guesses, segments, groups))
        findings.sort(key=lambda item: (item[0], item[1].column))
        return [finding for _, finding in findings]

    def _finding(
        self,
        path: str,
        segment: Segment,
        entry: Entry,
        span: tuple[int, int],
        text: str,
        explained: dict[str, int],
        audience: str,
    ) -> Finding:
        start, end = span
        severity, rule, message = self._classified(entry, audience)
        if rule != "misuse":
            if segment.kind is Kind.SPOKEN and explained_in_place(text, start, end):
                explained.setdefault(entry.term, segment.line)
                severity, rule = "info", "explained"
                message = f"「{entry.term}」はその場で説明されています"
            elif entry.term in explained:
                severity, rule = "info", "explained"
                message = f"「{entry.term}」は{explained[entry.term]}行目で説明済みです"
        return Finding(
            **_placed(path, segment, start, end),
            term=entry.term,
            category=entry.category,
            severity=severity,
            rule=rule,
            explanation=entry.explanation,
            suggestions=suggestions(entry, audience),
            message=message,
        )

    def _discovered(
        self, path: str, segment: Segment, candidate: Candidate, span: tuple[int, int]
    ) -> Finding:
        """A possible-jargon finding: why the word was flagged and how to list it."""
        start, end = span
        word = candidate.word
        message = (
            f"「{word}」は{REASON_LABELS[candidate.reason]}で、用語集にありません"
            f"（{candidate.reason}）。専門の言葉なら言い換えるか説明を添えてください。"
            "チームの辞書に加えるには jargonlint discover --format yaml で下書きを作り、"
            "-d で渡します"
        )
        return Finding(
            **_placed(path, segment, start, end),
            term=word,
            category=candidate.reason.value,  # why: acronym, rare loanword, rare compound
            severity=self._possible_jargon or "info",
            rule="possible-jargon",
            explanation="",
            suggestions=(),
            message=message,
        )

    @staticmethod
    def _directives(segments: list[Segment]) -> tuple[list[int], list[suppressions.Directive]]:
        """Number the physical lines (groups of segments) and read their directives."""
        groups: list[int] = []
        directives: list[suppressions.Directive] = []
        read = suppressions.mentioned(s.line_text + s.remarks for s in segments)
        previous: tuple[int, str | None] | None = None
        for segment in segments:
            place = (segment.line, segment.location)
            if place != previous:
                previous = place
                group = groups[-1] + 1 if groups else 0
                if read:
                    text = segment.line_text + "\n" + segment.remarks
                    directives.extend(suppressions.parse(text, segment.line, group))
            groups.append(group)
        return groups, directives


def _placed(path: str, segment: Segment, start: int, end: int) -> dict[str, Any]:
    """Where a span of a segment's text is in its file: the location fields of a
    finding, columns counted from the start of the physical line."""
    offset = segment.column_offset
    return {
        "path": path,
        "line": segment.line,
        "column": offset + start + 1,
        "end_line": segment.line,
        "end_column": offset + end + 1,
        "matched": segment.text[start:end],
        "source_line": segment.line_text or segment.text,
        "cell": segment.cell,
        "location": segment.location,
    }


def _without_directives(segment: Segment, cut: set[tuple[int, int, int]]) -> str:
    """The segment's text with any suppression comment on its line blanked out."""
    text = segment.text
    for line, start, end in cut:
        if line != segment.line:
            continue
        lo = max(start - segment.column_offset, 0)
        hi = min(end - segment.column_offset, len(text))
        if lo < hi:
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def _unused(
    path: str, directives: list[suppressions.Directive], segments: list[Segment]
) -> list[tuple[suppressions.Directive, Finding]]:
    """An info finding for each suppression that suppressed nothing."""
    line_texts = {s.line: s.line_text for s in segments}
    findings = []
    for directive in directives:
        if directive.action == "enable":
            continue
        unused = directive.unused_names
        if not unused:
            continue
        names = "" if unused == ["*"] else "、".join(unused)
        message = (
            f"jargonlint: {directive.action}{f'[{names}]' if names else ''} は"
            "何も抑止していません。消してください"
        )
        findings.append(
            (
                directive,
                Finding(
                    path=path,
                    line=directive.line,
                    column=directive.start + 1,
                    end_line=directive.line,
                    end_column=directive.end + 1,
                    term=names,
                    matched=line_texts.get(directive.line, "")[directive.start : directive.end],
                    category="",
                    severity="info",
                    rule="unused-suppression",
                    explanation=message,
                    suggestions=(),
                    message=message,
                    source_line=line_texts.get(directive.line, ""),
                ),
            )
        )
    return findings


def _guessed(
    path: str, guesses: list[Guess], segments: list[Segment], groups: list[int]
) -> list[tuple[int, Finding]]:
    """An info finding where each guessed speaker label first appears, saying which
    side it was given and how to set it, so a wrong guess is never silent."""
    findings = []
    for guess in guesses:
        index = next((i for i, s in enumerate(segments) if s.line == guess.line and s.label), None)
        if index is None:
            continue
        segment = segments[index]
        start = segment.line_text.find(guess.name)
        length = len(guess.name)
        if start < 0:  # a 話者 cell, not in this line: point at the start of the speech
            start, length = segment.column_offset, 0
        message = guess.message()
        findings.append(
            (
                groups[index],
                Finding(
                    path=path,
                    line=guess.line,
                    column=start + 1,
                    end_line=guess.line,
                    end_column=start + length + 1,
                    term=guess.name,
                    matched=segment.line_text[start : start + length],
                    category="",
                    severity="info",
                    rule="speaker-guess",
                    explanation=message,
                    suggestions=(),
                    message=message,
                    source_line=segment.line_text,
                    cell=segment.cell,
                    location=segment.location,
                ),
            )
        )
    return findings
