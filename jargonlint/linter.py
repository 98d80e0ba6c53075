"""Lint text with a compiled glossary: normalize → tokenize → match → classify.

This is the one place the pipeline is wired together; the CLI and the tests
both go through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jargonlint import glossary_cache
from jargonlint.document import Segment, plain_lines
from jargonlint.findings import Finding
from jargonlint.glossary import (
    Entry,
    Problem,
    builtin_dictionary_files,
    load_entries,
    read_sources,
)
from jargonlint.matcher import Matcher, check_examples
from jargonlint.normalize import normalize_lines
from jargonlint.severity import classify
from jargonlint.tokenizer import Tokenizer


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
        tokenizer = tokenizer or Tokenizer()
        key = glossary_cache.cache_key(sources)
        cached = glossary_cache.load(key) if use_cache else None
        if cached is not None:
            entries, trie = cached
            return cls(entries, Matcher(tokenizer, trie))
        entries, problems = load_entries(sources)
        matcher = Matcher.build(entries, tokenizer)
        problems += matcher.problems
        problems += check_examples(matcher, entries)
        if problems:
            raise GlossaryError(problems)
        if use_cache:
            glossary_cache.store(key, (entries, matcher.trie))
        return cls(entries, matcher)


class Linter:
    """Checks scripts against a glossary for one audience."""

    def __init__(
        self, glossary: Glossary, audience: str = "consumer", ignore: Iterable[str] = ()
    ) -> None:
        self.glossary = glossary
        self.audience = audience
        self._tokenizer = glossary.matcher.tokenizer
        self._verdicts: dict[str, tuple[str, str, str]] = {}
        ignored = {i.casefold() for i in ignore}
        self._ignored = {
            e.term for e in glossary.entries if any(f.casefold() in ignored for f in e.forms)
        }

    def _classified(self, entry: Entry) -> tuple[str, str, str]:
        """classify(), remembered per entry: the audience is fixed for a run."""
        verdict = self._verdicts.get(entry.term)
        if verdict is None:
            verdict = self._verdicts[entry.term] = classify(entry, self.audience)
        return verdict

    def lint_text(self, path: str, text: str) -> list[Finding]:
        """Lint a plain-text script."""
        return self.lint_segments(path, plain_lines(text))

    def lint_segments(self, path: str, segments: Iterable[Segment]) -> list[Finding]:
        """Lint each segment; positions point into the original file."""
        findings: list[Finding] = []
        find = self.glossary.matcher.find
        tokenize = self._tokenizer.tokenize
        segments = list(segments)
        for segment, normalized in zip(
            segments, normalize_lines([s.text for s in segments]), strict=True
        ):
            tokens = tokenize(normalized.text)
            for match in find(tokens.keys, tokens.spellings):
                entry = match.entry
                if entry.term in self._ignored:
                    continue
                start, end = normalized.original_span(*tokens.span(match.start, match.end))
                severity, rule, message = self._classified(entry)
                offset = segment.column_offset
                findings.append(
                    Finding(
                        path=path,
                        line=segment.line,
                        column=offset + start + 1,
                        end_line=segment.line,
                        end_column=offset + end + 1,
                        term=entry.term,
                        matched=segment.text[start:end],
                        category=entry.category,
                        severity=severity,
                        rule=rule,
                        explanation=entry.explanation,
                        suggestions=entry.say_instead,
                        message=message,
                        source_line=segment.text,
                    )
                )
        return findings
