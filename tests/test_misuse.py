"""A misuse carries its own alternatives: what to say to the audience it is wrong for."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint.linter import Glossary, GlossaryError, Linter

ENTRY = """\
- term: 稟議
  reading: りんぎ
  category: business
  avoid_for: consumer
  explanation: 会社の中で、上の人に許しをもらう手続きです。
  say_instead: [社内のご承認]
  example: 社内で稟議にかけます。
  misuse:
"""
NEW_FORM = (
    ENTRY
    + """\
    consumer:
      message: 個人のお客様に社内の手続きはありません。
      say_instead: [ご家族とご相談のうえ, ゆっくりご検討いただいて]
"""
)
OLD_FORM = ENTRY + "    consumer: 個人のお客様に社内の手続きはありません。\n"


def load(tmp_path: Path, text: str) -> Glossary:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return Glossary.load([path], builtin=False)


def suggestions(glossary: Glossary, audience: str) -> list[tuple[str, str, tuple[str, ...]]]:
    findings = Linter(glossary, audience=audience).lint_text("t.txt", "稟議にかけてください。")
    return [(f.rule, f.severity, f.suggestions) for f in findings]


def test_a_misuse_suggests_what_suits_its_audience(tmp_path: Path) -> None:
    glossary = load(tmp_path, NEW_FORM)
    assert suggestions(glossary, "consumer") == [
        ("misuse", "error", ("ご家族とご相談のうえ", "ゆっくりご検討いただいて"))
    ]
    assert suggestions(glossary, "business") == [("jargon", "info", ("社内のご承認",))]


def test_a_plain_message_misuse_still_loads_and_suggests_nothing_wrong(tmp_path: Path) -> None:
    glossary = load(tmp_path, OLD_FORM)
    assert suggestions(glossary, "consumer") == [("misuse", "error", ())]


def test_the_shipped_ringi_misuse_suggests_family_words(shipped_glossary: Glossary) -> None:
    findings = Linter(shipped_glossary).lint_text("t.txt", "奥様と稟議をしていただいて。")
    [finding] = findings
    assert finding.rule == "misuse"
    assert "ご家族とご相談のうえ" in finding.suggestions
    assert "ご承認" not in finding.suggestions


@pytest.mark.parametrize(
    ("misuse", "expected"),
    [
        ("    company: 変です。\n", "g.yaml:1: 稟議: misuse: unknown audience 'company'"),
        ("    consumer:\n      say_instead: [相談]\n", "misuse.consumer: missing message"),
        (
            "    consumer:\n      message: 変です。\n      say_instead: 3\n",
            "misuse.consumer: say_instead must be a list of strings",
        ),
        (
            "    consumer:\n      message: 変です。\n      say_instad: [相談]\n",
            "misuse.consumer: unknown key 'say_instad'",
        ),
        ("    consumer: [変です]\n", "misuse.consumer must be a message or {message, say_instead}"),
    ],
)
def test_misuse_problems_name_file_and_line(tmp_path: Path, misuse: str, expected: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        load(tmp_path, ENTRY + misuse)
    assert [p for p in map(str, caught.value.problems) if expected in p], caught.value.problems
