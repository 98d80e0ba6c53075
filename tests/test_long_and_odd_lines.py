"""Lines a tokenizer chokes on: very long, with tabs or NULs, with odd separators."""

from __future__ import annotations

import pytest

from jargonlint.document import plain_lines, split_lines
from jargonlint.formats import markdown, table
from jargonlint.tokenizer import CHUNK, Tokenizer


def test_line_of_many_tokens_is_analysed_in_pieces(tokenizer: Tokenizer) -> None:
    # The repro: MeCab crashed (SIGSEGV) at ~200k tokens in one call.
    text = "OP：" + "a " * 200_000 + "サーバー"
    tokens = tokenizer.tokenize(text)
    assert len(tokens.keys) > 200_000
    last = len(tokens.keys) - 1
    assert text[slice(*tokens.span(last, last + 1))] == "サーバー"


@pytest.mark.parametrize(
    "text",
    [
        "あ" * (3 * CHUNK + 7),
        " " * (CHUNK + 10) + "サーバー" + " " * (2 * CHUNK) + "x",
        "サーバーです。" * CHUNK,
        ("x" * (CHUNK - 1) + " ") * 3 + "y",
    ],
)
def test_pieces_keep_every_column(tokenizer: Tokenizer, text: str) -> None:
    tokens = tokenizer.tokenize(text)
    assert "".join(tokens.rows) == text.rstrip(" ")
    for i, key in enumerate(tokens.keys):
        if key == "サーバー":
            assert text[slice(*tokens.span(i, i + 1))] == "サーバー"


@pytest.mark.parametrize("odd", ["\t", "\0", "\v"])
def test_tab_nul_and_vertical_tab_keep_positions(tokenizer: Tokenizer, odd: str) -> None:
    text = f"ご案内{odd}サーバー{odd}です"
    tokens = tokenizer.tokenize(text)
    index = tokens.keys.index("サーバー")
    assert text[slice(*tokens.span(index, index + 1))] == "サーバー"


def test_tab_in_a_script_line_is_linted(lint) -> None:
    assert ("サーバー", "サーバー", 9, "warning") in lint("OP：ご自宅の\tサーバー\tです")


SEPARATORS = ["\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_only_cr_and_lf_end_a_line(lint, separator: str) -> None:
    text = f"OP：はい{separator}です。\r\nOP：サーバーです。\rOP：サーバー\n"
    assert split_lines(text) == [f"OP：はい{separator}です。", "OP：サーバーです。", "OP：サーバー"]
    assert [s.line for s in plain_lines(text)] == [1, 2, 3]
    findings = lint(text)
    assert [column for *_, column, _ in findings] == [4, 4]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_markdown_and_csv_number_lines_the_same_way(separator: str) -> None:
    text = f"# 見出し{separator}続き\nOP：サーバー\n"
    assert [s.line for s in markdown.segments(text)] == [1, 2]
    rows = table.segments(f"話者,セリフ\nOP,はい{separator}です\nOP,サーバー\n", ",")
    assert rows is not None
    assert [(s.line, s.text) for s in rows] == [(2, f"はい{separator}です"), (3, "サーバー")]


def test_split_lines_matches_splitlines_on_plain_breaks() -> None:
    for text in ("", "\n", "a", "a\n", "a\r\n\r\nb\r", "a\n\n"):
        assert split_lines(text) == text.splitlines()


@pytest.mark.parametrize("space", ["\f", "\x1c", "\x1f", "\x85", "\u1680", "\u2028", "\u205f"])
def test_odd_white_space_is_no_token_and_ends_no_match(
    tokenizer: Tokenizer, lint, space: str
) -> None:
    # Found by Hypothesis: MeCab made a token of \f, Python stripped it to an empty
    # key, and the matcher walked through it: サーバ's finding took in "     \f".
    tokens = tokenizer.tokenize(f"サーバ{space}です{space}")
    assert "" not in tokens.keys
    assert lint(f"OP：サーバ     {space}") == [("サーバー", "サーバ", 4, "warning")]
    assert markdown.segments(f"OP：サーバ<!-->{space}")[0].text == f"OP：サーバ     {space}"
