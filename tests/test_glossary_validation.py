"""Loading a glossary reports every problem with file, line and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint.linter import Glossary, GlossaryError

GOOD = """\
- term: 稟議
  reading: りんぎ
  category: business
  avoid_for: consumer
  explanation: 会社の中で、上の人に許しをもらう手続きです。
  say_instead: [社内の確認]
  example: 社内で稟議にかけます。
"""


def load(tmp_path: Path, *texts: str) -> Glossary:
    files = []
    for i, text in enumerate(texts):
        path = tmp_path / f"g{i}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return Glossary.load(files, builtin=False)


def problems(tmp_path: Path, *texts: str) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        load(tmp_path, *texts)
    return [str(p) for p in caught.value.problems]


def test_good_entry_loads(tmp_path: Path) -> None:
    assert [e.term for e in load(tmp_path, GOOD).entries] == ["稟議"]


def test_unknown_key(tmp_path: Path) -> None:
    [message] = problems(tmp_path, GOOD + "  colour: red\n")
    assert "g0.yaml:1: 稟議: unknown key 'colour'" in message


def test_missing_explanation(tmp_path: Path) -> None:
    text = GOOD.replace("  explanation: 会社の中で、上の人に許しをもらう手続きです。\n", "")
    [message] = problems(tmp_path, text)
    assert message.endswith("稟議: missing explanation")


def test_duplicate_headword_across_files(tmp_path: Path) -> None:
    [message] = problems(tmp_path, GOOD, GOOD)
    assert "g1.yaml:1: 稟議" in message
    assert "g0.yaml:1" in message


def test_duplicate_variant_across_entries(tmp_path: Path) -> None:
    other = GOOD.replace("term: 稟議", "term: 決裁").replace("りんぎ", "けっさい")
    other = other.replace("稟議にかけます", "決裁をいただきます") + "  variants: [稟議]\n"
    found = problems(tmp_path, GOOD, other)
    assert any("'稟議' is already an entry or variant" in p for p in found)


def test_example_must_match_its_entry(tmp_path: Path) -> None:
    text = GOOD.replace("社内で稟議にかけます。", "社内で確認いたします。")
    [message] = problems(tmp_path, text)
    assert "example is not matched by this entry" in message


def test_variant_the_tokenizer_already_unifies(tmp_path: Path) -> None:
    text = GOOD.replace("term: 稟議", "term: サーバー").replace("りんぎ", "さーばー")
    text = text.replace("稟議にかけます", "サーバーを使います") + "  variants: [サーバ]\n"
    [message] = problems(tmp_path, text)
    assert "variant 'サーバ' is already matched as 'サーバー'" in message


def test_reading_must_be_kana(tmp_path: Path) -> None:
    [message] = problems(tmp_path, GOOD.replace("reading: りんぎ", "reading: ringi"))
    assert "reading must be kana only" in message


def test_avoid_for_must_be_known(tmp_path: Path) -> None:
    [message] = problems(tmp_path, GOOD.replace("avoid_for: consumer", "avoid_for: kids"))
    assert "avoid_for must be one of consumer, all" in message


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    [message] = problems(tmp_path, GOOD + "- term: 決裁\n  reading: けっさい\n    bad: indent\n")
    assert message.startswith(f"{tmp_path / 'g0.yaml'}:10: YAML: ")


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    broken = GOOD.replace("  explanation: 会社の中で、上の人に許しをもらう手続きです。\n", "")
    found = problems(tmp_path, broken + "  colour: red\n" + GOOD.replace("稟議", "決裁"))
    assert len(found) >= 2


def test_folded_yaml_lines_join_without_a_space(tmp_path: Path) -> None:
    text = GOOD + "  detail: >-\n    法人では使う。\n    個人には使わない。Wi-Fi and more\n"
    [entry] = load(tmp_path, text).entries
    assert entry.detail == "法人では使う。個人には使わない。Wi-Fi and more"
