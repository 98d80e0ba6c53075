"""`check --no-discover`, the possible_jargon setting, and the `discover` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from jargonlint.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
MINI_ARGS = ["--no-default-dictionaries", "--dictionary", str(MINI), "--isolated"]
SCRIPT = (
    "OP：弊社のEDRとMDMをご案内します。\n"
    "お客様：SOCって何ですか。\n"
    "OP：EDRは、社内で稟議にかけていただく形です。\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def check(runner: CliRunner, *args: str):
    result = runner.invoke(app, ["check", *MINI_ARGS, "--format", "json", *args])
    return result, json.loads(result.stdout)["findings"]


def possible(findings: list[dict]) -> list[tuple[str, str, int]]:
    return [
        (f["term"], f["severity"], f["line"]) for f in findings if f["rule"] == "possible-jargon"
    ]


def test_check_reports_possible_jargon_at_info(runner: CliRunner, script: Path) -> None:
    result, findings = check(runner, "--fail-on", "warning", str(script))
    assert possible(findings) == [("EDR", "info", 1), ("MDM", "info", 1), ("EDR", "info", 3)]
    assert next(f["category"] for f in findings if f["rule"] == "possible-jargon") == "acronym"
    assert result.exit_code == 1  # 稟議 is a misuse; the info findings alone would not fail


def test_no_discover_turns_it_off(runner: CliRunner, script: Path) -> None:
    _, findings = check(runner, "--no-discover", str(script))
    assert possible(findings) == []
    assert [f["term"] for f in findings] == ["稟議"]


def config_run(runner: CliRunner, tmp_path: Path, setting: str, monkeypatch, *options: str):
    (tmp_path / ".jargonlint.toml").write_text(setting, encoding="utf-8")
    (tmp_path / "a.txt").write_text("OP：EDRを入れます。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--no-default-dictionaries", "-d", str(MINI), "--format", "json", *options]
    args.append("a.txt")
    return runner.invoke(app, args)


def test_setting_gives_its_own_severity(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    result = config_run(runner, tmp_path, 'possible_jargon = "warning"\n', monkeypatch)
    assert possible(json.loads(result.stdout)["findings"]) == [("EDR", "warning", 1)]
    assert result.exit_code == 1


def test_setting_off(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    result = config_run(runner, tmp_path, 'possible_jargon = "off"\n', monkeypatch)
    assert json.loads(result.stdout)["findings"] == []
    assert result.exit_code == 0


def test_discover_option_wins_over_the_setting(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    result = config_run(runner, tmp_path, 'possible_jargon = "off"\n', monkeypatch, "--discover")
    assert possible(json.loads(result.stdout)["findings"]) == [("EDR", "info", 1)]
    result = config_run(
        runner, tmp_path, 'possible_jargon = "error"\n', monkeypatch, "--no-discover"
    )
    assert json.loads(result.stdout)["findings"] == []


def test_bad_setting_is_one_line(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    result = config_run(runner, tmp_path, 'possible_jargon = "loud"\n', monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "possible_jargon must be one of error, warning, info, off" in result.stderr


# -- jargonlint discover --------------------------------------------------------


def discover(runner: CliRunner, *args: str):
    return runner.invoke(app, ["discover", *MINI_ARGS, *args])


def test_discover_json_counts_most_frequent_first(runner: CliRunner, script: Path) -> None:
    result = discover(runner, "--format", "json", str(script))
    assert result.exit_code == 0
    words = json.loads(result.stdout)["words"]
    assert [(w["term"], w["count"], w["reason"]) for w in words] == [
        ("EDR", 2, "acronym"),
        ("MDM", 1, "acronym"),
    ]  # SOC is the customer's
    assert [(p["line"], p["column"]) for p in words[0]["places"]] == [(1, 7), (3, 4)]


def test_discover_text_one_word_a_line(runner: CliRunner, script: Path) -> None:
    result = discover(runner, "--format", "text", str(script))
    lines = result.stdout.splitlines()
    assert lines[0] == f"    2  EDR  [acronym]  {script}:1:7, {script}:3:4"
    assert len(lines) == 2


def test_discover_every_speaker(runner: CliRunner, script: Path) -> None:
    result = discover(runner, "--format", "json", "--speakers", "all", str(script))
    assert "SOC" in [w["term"] for w in json.loads(result.stdout)["words"]]


def test_skeleton_must_be_filled_then_works(
    runner: CliRunner, script: Path, tmp_path: Path
) -> None:
    result = discover(runner, "--format", "yaml", str(script))
    entries = yaml.safe_load(result.stdout)
    assert entries[0] == {
        "term": "EDR",
        "reading": "いーでぃーあーる",
        "category": "business",
        "avoid_for": "all",
        "explanation": "",
        "say_instead": [],
        "example": "弊社のEDRとMDMをご案内します。",
    }
    team = tmp_path / "team.yaml"
    team.write_text(result.stdout, encoding="utf-8")
    unfilled = runner.invoke(app, ["check", *MINI_ARGS, "-d", str(team), str(script)])
    assert unfilled.exit_code == 2
    assert unfilled.stderr.splitlines() == [
        f"jargonlint: error: {team}:{line}: {term}: missing explanation, say_instead"
        for line, term in ((7, "EDR"), (16, "MDM"))
    ]

    entries[0]["explanation"] = "パソコンなどを見張り、あやしい動きを知らせる仕組みです。"
    entries[0]["say_instead"] = ["パソコンの見張り役"]
    team.write_text(yaml.safe_dump(entries[:1], allow_unicode=True), encoding="utf-8")
    _, findings = check(runner, "-d", str(team), str(script))
    assert [(f["term"], f["rule"]) for f in findings if f["term"] in ("EDR", "MDM")] == [
        ("EDR", "jargon"),
        ("MDM", "possible-jargon"),
        ("EDR", "jargon"),
    ]


def test_discover_rich_table_and_nothing_found(runner: CliRunner, script: Path, tmp_path: Path):
    result = discover(runner, "--format", "rich", str(script))
    assert result.exit_code == 0
    assert "EDR" in result.stdout and "acronym" in result.stdout
    assert "1 ファイルから 2 語" in result.stdout
    plain = tmp_path / "plain.txt"
    plain.write_text("OP：お電話ありがとうございます。\n", encoding="utf-8")
    result = discover(runner, "--format", "rich", str(plain))
    assert "見つかりませんでした" in result.stdout


def test_discover_missing_file_is_one_line_and_others_still_read(
    runner: CliRunner, script: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    result = discover(runner, "--format", "json", str(missing), str(script))
    assert result.exit_code == 2
    assert result.stderr == f"jargonlint: error: {missing}: no such file or directory\n"
    assert [w["term"] for w in json.loads(result.stdout)["words"]] == ["EDR", "MDM"]
