"""Speakers and unspoken lines: only what the agent says is linted by default."""

from __future__ import annotations

import pytest

from jargonlint.document import Kind, plain_lines
from jargonlint.linter import Glossary, Linter, ScriptOptions
from jargonlint.script import AGENT, CUSTOMER, DEFAULT_LABELS, SpeakerLabels, annotate


def roles(text: str) -> list[tuple[str, str | None, str]]:
    return [(s.kind.value, s.role, s.text) for s in annotate(plain_lines(text), DEFAULT_LABELS)]


@pytest.mark.parametrize(
    "line",
    [
        "OP：稟議です",
        "OP:稟議です",
        "OP ： 稟議です",
        "ＯＰ：稟議です",
        "オペレーター：稟議です",
        "担当：稟議です",
        "【OP】稟議です",
        "【 OP 】：稟議です",
        "◆OP　稟議です",
        "◆OP：稟議です",
        "op：稟議です",
    ],
)
def test_agent_label_styles(line: str) -> None:
    [(kind, role, text)] = roles(line)
    assert (kind, role, text.strip()) == ("spoken", AGENT, "稟議です")


@pytest.mark.parametrize(
    "line", ["お客様：はい", "客：はい", "【お客様】はい", "CU：はい", "CU: はい", "お客様 : はい"]
)
def test_customer_label_styles(line: str) -> None:
    [(kind, role, text)] = roles(line)
    assert (kind, role, text.strip()) == ("spoken", CUSTOMER, "はい")


def test_unlabelled_line_continues_previous_speaker() -> None:
    found = roles("OP：一行目\n二行目\nお客様：はい\nそれで？")
    assert [r for _, r, _ in found] == [AGENT, AGENT, CUSTOMER, CUSTOMER]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("【オープニング】", Kind.HEADING),
        ("　【切り返し】　", Kind.HEADING),
        ("※必ず社名を名乗ること", Kind.NOTE),
        ("　※稟議の話はしない", Kind.NOTE),
        ("▼お客様が「忙しい」と言った場合", Kind.BRANCH),
        ("", Kind.BLANK),
    ],
)
def test_unspoken_line_kinds(line: str, kind: Kind) -> None:
    found = roles(f"OP：はい\n{line}\nOP：はい")[1][0]
    assert found == kind.value


def test_heading_ends_the_turn() -> None:
    found = roles("OP：はい\n【本題】\n続きの行")
    assert found[2][1] is None


def test_file_without_labels_is_one_voice() -> None:
    assert [r for _, r, _ in roles("一行目\n二行目")] == [AGENT, AGENT]


def test_configured_labels() -> None:
    labels = SpeakerLabels.of(["SV"], ["顧客様"])
    found = annotate(plain_lines("SV：こんにちは\n顧客様：はい"), labels)
    assert [s.role for s in found] == [AGENT, CUSTOMER]


SCRIPT = """【オープニング】
※稟議の話はしないこと
OP：ご自宅のWi-Fiについてです。
お客様：Wi-Fiが遅いんです。
▼Wi-Fiの話が出た場合
OP：サーバーを確認します。
"""


def test_default_lints_agent_lines_only(mini_glossary: Glossary) -> None:
    findings = Linter(mini_glossary).lint_text("s.txt", SCRIPT)
    assert [(f.line, f.term) for f in findings] == [(3, "Wi-Fi"), (6, "サーバー")]


def test_all_speakers(mini_glossary: Glossary) -> None:
    linter = Linter(mini_glossary, options=ScriptOptions(speakers="all"))
    assert [f.line for f in linter.lint_text("s.txt", SCRIPT)] == [3, 4, 6]


def test_include_unspoken(mini_glossary: Glossary) -> None:
    linter = Linter(mini_glossary, options=ScriptOptions(include_unspoken=True))
    assert [f.line for f in linter.lint_text("s.txt", SCRIPT)] == [2, 3, 5, 6]


def test_columns_count_from_line_start_after_label(mini_glossary: Glossary) -> None:
    [finding] = Linter(mini_glossary).lint_text("s.txt", "【OP】　サーバーです")
    assert (finding.column, finding.end_column) == (6, 10)


@pytest.mark.parametrize(
    ("declaration", "name"),
    [
        ("※jargonlint: audience=business", "s.txt"),
        ("※ jargonlint：audience business", "s.txt"),
        ("<!-- jargonlint: audience=business -->", "s.md"),
    ],
)
def test_script_declares_its_audience(mini_glossary: Glossary, declaration: str, name: str) -> None:
    from jargonlint.reader import ReadOptions, read_segments

    text = f"{declaration}\nOP：サーバーと稟議の件です。"
    segments = read_segments(name, text.encode(), ReadOptions())
    findings = Linter(mini_glossary, audience="consumer").lint_segments(name, segments)
    assert [(f.term, f.severity) for f in findings] == [("サーバー", "info"), ("稟議", "info")]


def test_without_declaration_the_run_audience_applies(mini_glossary: Glossary) -> None:
    findings = Linter(mini_glossary, audience="consumer").lint_text("s.txt", "OP：稟議の件です。")
    assert [f.severity for f in findings] == ["error"]
