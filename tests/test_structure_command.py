"""`jargonlint structure`: how each line of a script was read, and why."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jargonlint.cli import app

SCRIPT = (
    "【凡例】\nＴ：担当者\nＫ：お客様\n\n"
    "Ｔ：サーバーの件です。\nＫ：はい。\n※サーバーとは言わない\n"
)


def run(tmp_path: Path, *args: str) -> tuple[int, str]:
    script = tmp_path / "s.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = CliRunner().invoke(app, ["structure", "--isolated", *args, str(script)])
    return result.exit_code, result.stdout


def test_json_gives_each_line_role_kind_and_reason(tmp_path: Path) -> None:
    code, out = run(tmp_path, "--format", "json")
    assert code == 0
    [file] = json.loads(out)["files"]
    assert file["layout"] == "labelled"
    found = {row["line"]: (row["role"], row["kind"], row["reason"]) for row in file["lines"]}
    assert found[1] == ("unspoken", "legend", "legend heading")
    assert found[2][:2] == ("unspoken", "legend")
    assert found[5] == ("agent", "spoken", "label 「Ｔ」 (legend)")
    assert found[6] == ("customer", "spoken", "label 「Ｋ」 (legend)")
    assert found[7][:2] == ("unspoken", "note")
    assert 4 not in found  # blank lines are left out


def test_text_shows_guessed_labels(tmp_path: Path) -> None:
    script = tmp_path / "g.txt"
    script.write_text("顧客：もしもし\nAI：はい。\n顧客：どうも\nAI：では。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["structure", "--isolated", "--format", "text", str(script)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert f"{script}:2:4: agent — label 「AI」 (guessed) | はい。" in lines
    assert any(line.startswith(f"{script}:2: speaker-guess: 「AI」") for line in lines)


def test_missing_file_is_an_error_and_others_are_still_read(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["structure", "--isolated", "--format", "json", str(tmp_path / "no.txt"), str(script)]
    )
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [f["path"] for f in document["files"]] == [str(script)]
    assert "no.txt" in document["errors"][0]


def test_readme_example_is_what_the_command_prints() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = "$ jargonlint structure --format text scripts_samples/mobile_quote_kojin.txt"
    block = readme.split(command, 1)[1].split("```", 1)[0]
    shown = [line for line in block.strip().splitlines() if line != "…"]
    script = root / "scripts_samples" / "mobile_quote_kojin.txt"
    result = CliRunner().invoke(app, ["structure", "--isolated", "--format", "text", str(script)])
    printed = result.stdout.replace(str(script), "scripts_samples/mobile_quote_kojin.txt")
    assert len(shown) >= 8
    assert set(shown) <= set(printed.splitlines())
