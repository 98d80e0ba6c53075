"""Suppression comments: ignore a line, ignore terms, disable blocks, unused ones."""

from __future__ import annotations

from jargonlint.linter import Glossary, Linter
from jargonlint.reader import ReadOptions, read_segments


def run(glossary: Glossary, text: str, name: str = "s.txt") -> list[tuple[int, str, str]]:
    segments = read_segments(name, text.encode("utf-8"), ReadOptions())
    findings = Linter(glossary).lint_segments(name, segments)
    return [(f.line, f.term, f.rule) for f in findings]


def test_ignore_at_end_of_line(mini_glossary: Glossary) -> None:
    text = "OP：サーバーとWi-Fiです。 jargonlint: ignore\nOP：サーバーです。"
    assert run(mini_glossary, text) == [(2, "サーバー", "jargon")]


def test_ignore_named_terms_only(mini_glossary: Glossary) -> None:
    text = "OP：サーバーとWi-Fiです。 jargonlint: ignore[サーバー]"
    assert run(mini_glossary, text) == [(1, "Wi-Fi", "jargon")]


def test_ignore_terms_by_variant_and_width(mini_glossary: Glossary) -> None:
    text = "OP：サーバーとWi-Fiです。 jargonlint: ignore[サーバ, ＷＩＦＩ]"
    assert run(mini_glossary, text) == []


def test_directive_text_itself_is_not_linted(mini_glossary: Glossary) -> None:
    # the 稟議 inside the comment must not be reported, nor count as used
    text = "OP：サーバーです。 jargonlint: ignore[稟議]"
    assert run(mini_glossary, text) == [
        (1, "サーバー", "jargon"),
        (1, "稟議", "unused-suppression"),
    ]


def test_ignore_in_note_line_applies_to_next_spoken_line(mini_glossary: Glossary) -> None:
    text = "※jargonlint: ignore[サーバー]\nOP：サーバーです。\nOP：サーバーです。"
    assert run(mini_glossary, text) == [(3, "サーバー", "jargon")]


def test_disable_enable_block(mini_glossary: Glossary) -> None:
    text = (
        "OP：サーバーです。\n※jargonlint: disable\nOP：サーバーです。\nOP：Wi-Fiです。\n"
        "※jargonlint: enable\nOP：Wi-Fiです。"
    )
    assert run(mini_glossary, text) == [(1, "サーバー", "jargon"), (6, "Wi-Fi", "jargon")]


def test_disable_named_terms(mini_glossary: Glossary) -> None:
    text = "※jargonlint: disable[サーバー]\nOP：サーバーとWi-Fiです。"
    assert run(mini_glossary, text) == [(2, "Wi-Fi", "jargon")]


def test_unused_ignore_is_reported_as_info(mini_glossary: Glossary) -> None:
    segments = read_segments("s.txt", "OP：こんにちは。 jargonlint: ignore".encode(), ReadOptions())
    [finding] = Linter(mini_glossary).lint_segments("s.txt", segments)
    assert (finding.rule, finding.severity, finding.column) == ("unused-suppression", "info", 11)


def test_unused_disable_is_reported(mini_glossary: Glossary) -> None:
    assert run(mini_glossary, "※jargonlint: disable\nOP：こんにちは。") == [
        (1, "", "unused-suppression")
    ]


def test_markdown_html_comments(mini_glossary: Glossary) -> None:
    text = (
        "OP：サーバーです。 <!-- jargonlint: ignore -->\n"
        "<!-- jargonlint: ignore[Wi-Fi] -->\nOP：Wi-Fiです。\n"
        "<!-- jargonlint: disable -->\nOP：サーバーです。\n<!-- jargonlint: enable -->\n"
        "OP：サーバーです。"
    )
    assert run(mini_glossary, text, "s.md") == [(7, "サーバー", "jargon")]


def test_suppression_in_csv_remarks_column(mini_glossary: Glossary) -> None:
    text = "話者,セリフ,備考\n担当,サーバーです,jargonlint: ignore\n担当,サーバーです,\n"
    assert run(mini_glossary, text, "s.csv") == [(3, "サーバー", "jargon")]


def test_findings_come_in_file_order(mini_glossary: Glossary) -> None:
    text = "OP：こんにちは。 jargonlint: ignore\nOP：サーバーです。"
    assert run(mini_glossary, text) == [(1, "", "unused-suppression"), (2, "サーバー", "jargon")]
