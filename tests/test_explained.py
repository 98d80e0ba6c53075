"""A term explained where it is said is info, and so are its later uses."""

from __future__ import annotations

import pytest

from jargonlint.explained import explained_in_place
from jargonlint.linter import Glossary, Linter


@pytest.mark.parametrize(
    "line",
    [
        "OP：サーバー（情報を預かる機械）で守ります。",
        "OP：サーバー(情報を預かる機械)で守ります。",
        "OP：サーバー　（情報を預かる機械）です。",
        "OP：サーバー、つまり情報を預かる機械で守ります。",
        "OP：サーバー、すなわち情報を預かる機械です。",
        "OP：サーバーつまり情報を預かる機械です。",
        "OP：サーバーというのは、情報を預かる機械のことです。",
        "OP：サーバーとは、情報を預かる機械のことです。",
        "OP：サーバーという、情報を預かる機械で守ります。",
    ],
)
def test_explanation_patterns_make_it_info(mini_glossary: Glossary, line: str) -> None:
    [finding] = Linter(mini_glossary).lint_text("s.txt", line)
    assert (finding.severity, finding.rule) == ("info", "explained")


@pytest.mark.parametrize(
    "line",
    [
        "OP：サーバーで守ります。",
        "OP：サーバーとは別に保管します。",
        "OP：サーバーの点検（月に一度）があります。",
    ],
)
def test_not_an_explanation(mini_glossary: Glossary, line: str) -> None:
    assert Linter(mini_glossary).lint_text("s.txt", line)[0].severity == "warning"


def test_later_uses_after_an_explanation_are_info(mini_glossary: Glossary) -> None:
    script = "OP：サーバーです。\nOP：サーバー（情報を預かる機械）です。\nOP：サーバーは安全です。"
    findings = Linter(mini_glossary).lint_text("s.txt", script)
    assert [(f.line, f.severity) for f in findings] == [(1, "warning"), (2, "info"), (3, "info")]
    assert "2行目で説明済み" in findings[2].message


def test_explaining_does_not_excuse_a_misuse(mini_glossary: Glossary) -> None:
    [finding] = Linter(mini_glossary).lint_text("s.txt", "OP：稟議（社内の手続き）が要ります")
    assert finding.severity == "error"


def test_pattern_function_on_offsets() -> None:
    assert explained_in_place("ONU（機械）", 0, 3)
    assert not explained_in_place("ONUの（機械）", 0, 3)
