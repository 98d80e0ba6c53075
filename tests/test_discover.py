"""Possible jargon: words no glossary lists that are probably jargon (rule possible-jargon)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from jargonlint.discover import EVERYDAY_ACRONYMS, EVERYDAY_WORDS, Discoverer, Reason
from jargonlint.document import Kind
from jargonlint.linter import Glossary, Linter
from jargonlint.normalize import normalize
from jargonlint.reader import ReadOptions, read_segments
from jargonlint.script import AGENT, annotate

ROOT = Path(__file__).parent.parent
HAS_WORDFREQ = importlib.util.find_spec("wordfreq") is not None
needs_wordfreq = pytest.mark.skipif(not HAS_WORDFREQ, reason="wordfreq is not installed")


@pytest.fixture(scope="module")
def unidic_only() -> Discoverer:
    return Discoverer(use_wordfreq=False)


@pytest.fixture(scope="module")
def with_wordfreq() -> Discoverer:
    return Discoverer()


def words(discoverer: Discoverer, text: str) -> list[tuple[str, Reason]]:
    return [(c.word, c.reason) for c in discoverer.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EDRを入れておくと安心です。", ["EDR"]),
        ("V2Hの機器をご案内します。", ["V2H"]),
        ("IDS/IPSで守ります。", ["IDS", "IPS"]),
        ("E-E-A-Tを意識した記事です。", ["E-E-A-T"]),
        ("まずはMDMとBYODのお話です。", ["MDM", "BYOD"]),
        ("PoCから始めます。", ["PoC"]),
    ],
)
def test_acronyms_are_possible_jargon(unidic_only: Discoverer, text: str, expected: list[str]):
    assert words(unidic_only, text) == [(word, Reason.acronym) for word in expected]


@pytest.mark.parametrize("acronym", sorted(EVERYDAY_ACRONYMS))
def test_everyday_acronyms_are_not(unidic_only: Discoverer, acronym: str) -> None:
    assert words(unidic_only, f"{acronym}のことでお電話しました。") == []


@pytest.mark.parametrize(
    "text",
    [
        "iPhoneをお使いですか。",  # one capital: a name, not an acronym
        "PayPayでもお支払いいただけます。",  # capitals of a long CamelCase brand
        "プラン名はSIMPLEです。",  # an all-capital word, not an acronym
        "5Gにも対応しています。",
        "Wi-Fiをお使いですか。",
        "スマホとガラケーのどちらですか。",
        "田中様、ヤマト運輸からお届けします。",  # names and places
        "何色がよろしいですか。",
    ],
)
def test_everyday_words_and_names_are_not(unidic_only: Discoverer, text: str) -> None:
    assert words(unidic_only, text) == []


def test_katakana_unidic_tears_apart_is_a_rare_loanword(unidic_only: Discoverer) -> None:
    assert words(unidic_only, "コンプラの研修です。") == [("コンプラ", Reason.loanword)]


def test_everyday_katakana_words_unidic_lacks_are_listed_and_not_reported(
    unidic_only: Discoverer,
) -> None:
    for word in EVERYDAY_WORDS:
        assert words(unidic_only, f"{word}をお持ちですか。") == []


@needs_wordfreq
def test_rare_compound_with_wordfreq(with_wordfreq: Discoverer) -> None:
    assert words(with_wordfreq, "減価償却の期間は十年です。") == [("減価償却", Reason.compound)]


@needs_wordfreq
def test_okurigana_belong_to_the_word(with_wordfreq: Discoverer) -> None:
    assert words(with_wordfreq, "歩留まりが上がります。") == [("歩留まり", Reason.compound)]
    assert words(with_wordfreq, "仕事帰りに寄れます。") == []


@needs_wordfreq
def test_rare_loanword_with_wordfreq(with_wordfreq: Discoverer) -> None:
    assert words(with_wordfreq, "スループットが出ます。") == [("スループット", Reason.loanword)]
    assert words(with_wordfreq, "テレビとエアコンのリモコンです。") == []


@pytest.mark.parametrize(
    ("word", "reading"),
    [("EDR", "いーでぃーあーる"), ("V2H", "ぶいつーえいち"), ("コンプラ", "こんぷら"),
     ("減価償却", "げんかしょうきゃく"), ("歩留まり", "ぶどまり"), ("クリプトジャッキング酵", "")],
)  # fmt: skip
def test_reading_for_a_skeleton(unidic_only: Discoverer, word: str, reading: str) -> None:
    assert unidic_only.reading(word) == reading


@pytest.mark.parametrize(
    "text", ["はい、EDRです。", "MDMとMDM、それにEDRのEDRです。", "A-MDMとMDM-B、MDM"]
)
def test_positions_point_into_the_line(unidic_only: Discoverer, text: str) -> None:
    found = unidic_only.find(text)
    assert found
    assert all(text[c.start : c.end] == c.word for c in found)
    assert [c.start for c in found] == sorted({c.start for c in found})


# -- in the linter ------------------------------------------------------------


def lint(glossary: Glossary, text: str, **options) -> list[tuple[str, str, str, int]]:
    findings = Linter(glossary, possible_jargon="info", **options).lint_text("t.txt", text)
    return [(f.rule, f.term, f.severity, f.column) for f in findings]


def test_reported_at_its_own_severity_with_reason_and_how_to_add(mini_glossary: Glossary):
    (finding,) = Linter(mini_glossary, possible_jargon="warning").lint_text(
        "t.txt", "OP：ＥＤＲを導入します。"
    )
    assert (finding.rule, finding.term, finding.matched) == ("possible-jargon", "EDR", "ＥＤＲ")
    assert (finding.severity, finding.column, finding.end_column) == ("warning", 4, 7)
    assert "acronym" in finding.message
    assert "jargonlint discover" in finding.message and "-d" in finding.message
    assert finding.reason == finding.message


def test_off_unless_asked(mini_glossary: Glossary) -> None:
    assert Linter(mini_glossary).lint_text("t.txt", "OP：EDRを導入します。") == []


def test_a_glossary_term_is_never_also_possible_jargon(shipped_glossary: Glossary) -> None:
    found = lint(shipped_glossary, "OP：ONUとZTNAです。")
    assert [(rule, term) for rule, term, _, _ in found] == [
        ("jargon", "ONU"),
        ("possible-jargon", "ZTNA"),
    ]


def test_only_the_agents_lines(mini_glossary: Glossary) -> None:
    assert lint(mini_glossary, "OP：はい。\nお客様：EDRって何ですか。\n") == []


def test_explained_in_place_is_not_reported(mini_glossary: Glossary) -> None:
    assert lint(mini_glossary, "OP：EDR（パソコンを見張る仕組み）を入れます。") == []


def test_ignore_option_and_suppression_comments(mini_glossary: Glossary) -> None:
    assert lint(mini_glossary, "OP：EDRを入れます。", ignore=["edr"]) == []
    found = lint(mini_glossary, "OP：EDRとMDMです。 jargonlint: ignore[EDR]")
    assert [term for _, term, _, _ in found] == ["MDM"]


# -- the bound on plain talk ---------------------------------------------------


def plain_agent_lines(glossary: Glossary) -> list[str]:
    """The agent's lines of the everyday-talk corpus and of the samples that hold no
    glossary term, whether matched or not (稟議書用 is not plain talk either)."""
    files = [
        ROOT / "tests" / "fixtures" / "plain_talk.txt",
        *sorted(ROOT.glob("scripts_samples/*")),
    ]
    linter = Linter(glossary)
    terms = [e.term for e in glossary.entries]
    lines = []
    for path in files:
        data = path.read_bytes()
        segments = annotate(read_segments(str(path), data, ReadOptions()), linter.options.labels)
        flagged = {f.line for f in linter.lint_segments(str(path), list(segments))}
        lines += [
            s.text
            for s in segments
            if s.kind is Kind.SPOKEN
            and s.role == AGENT
            and s.line not in flagged
            and not any(term in s.text for term in terms)
        ]
    return lines


@pytest.mark.parametrize("use_wordfreq", [False, pytest.param(True, marks=needs_wordfreq)])
def test_at_most_one_per_200_plain_lines(shipped_glossary: Glossary, use_wordfreq: bool) -> None:
    lines = plain_agent_lines(shipped_glossary)
    assert len(lines) > 300
    discoverer = Discoverer(use_wordfreq=use_wordfreq)
    found = [c.word for line in lines for c in discoverer.find(normalize(line).text)]
    assert len(found) * 200 <= len(lines), found
