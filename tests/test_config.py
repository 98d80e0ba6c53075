"""Settings files: discovery, keys, and command-line precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app
from jargonlint.config import ConfigError, find_config, load_config

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / ".jargonlint.toml").write_text('audience = "business"\n', encoding="utf-8")
    deep = tmp_path / "scripts" / "2026"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / ".jargonlint.toml"
    assert load_config(find_config(deep)).audience == "business"


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    assert find_config(tmp_path) is None


def test_pyproject_section(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.jargonlint]\nfail_on = "error"\nignore = ["稟議"]\ndictionaries = ["g.yaml"]\n',
        encoding="utf-8",
    )
    config = load_config(find_config(tmp_path))
    assert (config.fail_on, config.ignore) == ("error", ["稟議"])
    assert config.dictionaries == [tmp_path / "g.yaml"]


def test_unknown_setting_names_file(tmp_path: Path) -> None:
    path = tmp_path / ".jargonlint.toml"
    path.write_text('audiance = "business"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.jargonlint\.toml: unknown setting 'audiance'"):
        load_config(path)


def test_bad_value(tmp_path: Path) -> None:
    path = tmp_path / ".jargonlint.toml"
    path.write_text('audience = "kids"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="audience must be one of consumer, business"):
        load_config(path)


def test_cli_uses_config_and_options_override(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".jargonlint.toml").write_text(
        f'audience = "business"\ndictionaries = ["{MINI.as_posix()}"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Wi-Fiのご案内です。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    args = ["check", "--no-default-dictionaries", "--format", "json", "a.txt"]
    result = runner.invoke(app, args)
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["info"]
    result = runner.invoke(app, [*args, "--audience", "consumer"])
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["warning"]


def test_cli_reports_broken_config_in_one_line(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".jargonlint.toml").write_text("audience = \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "x.txt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("jargonlint: error: ")
    assert ".jargonlint.toml: invalid TOML" in result.stderr
    assert result.stderr.count("\n") == 1


def test_script_settings(tmp_path: Path) -> None:
    path = tmp_path / ".jargonlint.toml"
    path.write_text(
        'speakers = "all"\ninclude_unspoken = true\nagent_labels = ["SV"]\n'
        'customer_labels = ["顧客"]\ncolumns = ["who", "words"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert (config.speakers, config.include_unspoken) == ("all", True)
    assert (config.agent_labels, config.customer_labels) == (["SV"], ["顧客"])
    assert config.columns == ("who", "words")


def test_configured_labels_reach_the_linter(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".jargonlint.toml").write_text(
        'agent_labels = ["SV"]\ncustomer_labels = ["顧客"]\n'
        f'dictionaries = ["{MINI.as_posix()}"]\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("SV：サーバーです\n顧客：サーバーです\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--no-default-dictionaries", "--format", "json", "a.txt"]
    result = CliRunner().invoke(app, args)
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [1]
