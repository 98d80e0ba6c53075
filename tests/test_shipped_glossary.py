"""Quality gates for the glossary jargonlint ships (dictionaries/*.yaml)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from jargonlint.glossary import Entry, builtin_dictionary_files, load_entries, read_sources
from jargonlint.linter import Glossary, Linter

CORE_TERMS = Path(__file__).parent / "fixtures" / "core_terms.tsv"
MIN_ENTRIES = 400
# An agent reads the explanation aloud in one breath: at most two sentences and
# 80 characters (about ten seconds of calm speech; やさしい日本語 guides advise
# short sentences of roughly 30-40 characters each).
MAX_EXPLANATION_CHARS = 80
MAX_EXPLANATION_SENTENCES = 2
MAX_DETAIL_CHARS = 200


def _shipped_entries() -> list[Entry]:
    sources, _ = read_sources(builtin_dictionary_files())
    entries, _ = load_entries(sources)
    return entries


ENTRIES = _shipped_entries()


def _core_rows() -> list[list[str]]:
    lines = CORE_TERMS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_loads_without_problems(shipped_glossary: Glossary) -> None:
    assert len(shipped_glossary.entries) == len(ENTRIES)


def test_size() -> None:
    assert len(ENTRIES) >= MIN_ENTRIES


def test_every_core_term_is_an_entry_with_its_audience() -> None:
    by_term = {e.term: e for e in ENTRIES}
    missing = [row[0] for row in _core_rows() if row[0] not in by_term]
    assert missing == []
    wrong = [
        (row[0], row[2], by_term[row[0]].avoid_for)
        for row in _core_rows()
        if by_term[row[0]].avoid_for != row[2].strip()
    ]
    assert wrong == []


def test_files_are_grouped_by_category() -> None:
    for entry in ENTRIES:
        assert Path(entry.source).stem == entry.category, entry.term


def test_every_category_is_substantial() -> None:
    counts = Counter(e.category for e in ENTRIES)
    assert set(counts) >= {
        "business", "contract", "finance", "it", "telecom", "energy",
        "realestate", "marketing", "hr", "callcenter", "security", "living",
        "tax", "medical",
    }  # fmt: skip
    assert min(counts.values()) >= 25, counts


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_example_is_matched_by_its_own_entry(shipped_glossary: Glossary, entry: Entry) -> None:
    linter = Linter(shipped_glossary, audience="consumer")
    findings = linter.lint_text("example", entry.example)
    own = [f for f in findings if f.term == entry.term]
    assert own, f"{entry.term}: example matched {[f.term for f in findings]}"
    for finding in own:  # no other entry claims the same span
        rivals = [
            f
            for f in findings
            if f.term != entry.term
            and f.column < finding.end_column
            and finding.column < f.end_column
        ]
        assert rivals == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.term)
def test_explanation_is_short_and_plain(entry: Entry) -> None:
    text = entry.explanation
    assert len(text) <= MAX_EXPLANATION_CHARS, text
    sentences = [s for s in re.split("[。！？]", text) if s.strip()]
    assert 1 <= len(sentences) <= MAX_EXPLANATION_SENTENCES, text
    assert entry.detail, "trainers need the longer detail"
    assert len(entry.detail) <= MAX_DETAIL_CHARS, entry.detail
    assert entry.say_instead


def test_explanations_and_alternatives_contain_no_jargon(shipped_glossary: Glossary) -> None:
    """jargonlint lints its own plain words and finds nothing at warning level."""
    linter = Linter(shipped_glossary, audience="consumer")
    lines = []
    for entry in ENTRIES:
        lines.append(entry.explanation)
        lines.extend(entry.say_instead)
        for misuse in entry.misuse.values():
            lines.extend(misuse.say_instead)
    findings = linter.lint_text("explanations", "\n".join(lines))
    blocking = sorted(
        {(lines[f.line - 1], f.term) for f in findings if f.severity in ("warning", "error")}
    )
    assert blocking == []


def test_readings_are_kana() -> None:
    for entry in ENTRIES:
        assert re.fullmatch("[ぁ-ゖァ-ヺー]+", entry.reading), entry.term


def test_misuse_is_reserved_for_words_that_make_no_sense_to_the_audience() -> None:
    misused = {e.term for e in ENTRIES if e.misuse}
    assert {"稟議", "稟議書", "決裁", "決裁者"} <= misused


def test_misuse_alternatives_are_for_the_audience() -> None:
    """Each misuse names what to say to that audience, never the entry's own
    (business) alternatives."""
    for entry in ENTRIES:
        for audience, misuse in entry.misuse.items():
            assert not set(misuse.say_instead) & set(entry.say_instead), (entry.term, audience)
    by_term = {e.term: e for e in ENTRIES}
    for term in ("稟議", "稟議書", "決裁", "決裁者"):
        assert by_term[term].misuse["consumer"].say_instead, term


def test_plain_talk_has_no_findings(shipped_glossary: Glossary) -> None:
    """Everyday call talk, including the everyday senses of words that are jargon in
    another sense (クッキー, LPガス, 犬のリード…), must produce no finding at all."""
    text = (Path(__file__).parent / "fixtures" / "plain_talk.txt").read_text(encoding="utf-8")
    findings = Linter(shipped_glossary).lint_text("plain_talk.txt", text)
    assert [(f.line, f.matched, f.term) for f in findings] == []
