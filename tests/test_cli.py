"""The command line through typer's CliRunner: formats, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"

MINI_ARGS = ["--no-default-dictionaries", "--dictionary", str(MINI), "--isolated"]
SCRIPT = "OP：ご自宅のＷｉ－Ｆｉについてです。\nOP：社内で稟議にかけます。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, stdin: bytes | None = None):
    return runner.invoke(app, ["check", *MINI_ARGS, *args], input=stdin)


def test_json_contract(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "json", str(script))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    first = report["findings"][0]
    expected_keys = {
        "path", "line", "column", "end_line", "end_column", "term", "matched",
        "category", "severity", "rule", "explanation", "suggestions",
    }  # fmt: skip
    assert expected_keys <= set(first)
    assert (first["line"], first["column"], first["end_column"]) == (1, 8, 13)
    assert first["matched"] == "Ｗｉ－Ｆｉ"
    assert first["term"] == "Wi-Fi"
    assert first["severity"] == "warning"
    assert first["suggestions"] == ["無線のネット"]
    misuse = report["findings"][1]
    assert (misuse["term"], misuse["severity"], misuse["rule"]) == ("稟議", "error", "misuse")
    assert report["summary"]["warning"] == 1
    assert report["summary"]["error"] == 1


def test_text_format_one_line_per_finding(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "text", str(script))
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{script}:1:8: warning: Wi-Fi — 線をつながずに、ネットを使う仕組みです。"
        " (言い換え: 無線のネット)"
    )
    assert lines[1].startswith(f"{script}:2:7: error: 稟議 — 個人のお客様に")
    assert len(lines) == 2


def test_text_is_default_when_not_a_terminal(runner: CliRunner, script: Path) -> None:
    assert run(runner, str(script)).stdout.startswith(f"{script}:1:8: warning:")


def test_rich_format_shows_line_explanation_and_summary(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "rich", str(script))
    assert "ご自宅のＷｉ－Ｆｉについてです" in result.stdout
    assert "説明: 線をつながずに、ネットを使う仕組みです。" in result.stdout
    assert "言い換え: 無線のネット" in result.stdout
    assert "エラー 1" in result.stdout
    assert "警告 1" in result.stdout


def test_business_audience_demotes_consumer_terms(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "json", "--audience", "business", str(script))
    severities = {f["term"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert severities == {"Wi-Fi": "info", "稟議": "info"}
    assert result.exit_code == 0


def test_fail_on_error_ignores_warnings(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Wi-Fiの設定です。", encoding="utf-8")
    assert run(runner, "--fail-on", "error", str(path)).exit_code == 0
    assert run(runner, "--fail-on", "warning", str(path)).exit_code == 1


def test_clean_script_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("OP：お電話ありがとうございます。\n", encoding="utf-8")
    result = run(runner, str(path))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_stdin(runner: CliRunner) -> None:
    result = run(runner, "--format", "json", "-", stdin=SCRIPT.encode("cp932"))
    findings = json.loads(result.stdout)["findings"]
    assert [f["path"] for f in findings] == ["<stdin>", "<stdin>"]
    assert result.exit_code == 1


def test_missing_file_is_reported_and_others_still_checked(
    runner: CliRunner, script: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    result = run(runner, "--format", "json", str(missing), str(script))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"jargonlint: error: {missing}: no such file or directory"
    assert len(json.loads(result.stdout)["findings"]) == 2


def test_undecodable_file_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x7f\xff\xfe\xa0\xfd")
    result = run(runner, str(bad))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"{bad}: cannot detect the encoding" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_file_is_skipped_with_warning(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    result = run(runner, str(binary))
    assert result.exit_code == 0
    assert f"jargonlint: warning: {binary}: binary file, skipped" in result.stderr


def test_directory_walk_finds_script_suffixes(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.csv", "d.tsv", "e.py", ".hidden.txt"):
        (tmp_path / name).write_text("Wi-Fiです", encoding="utf-8")
    result = run(runner, "--format", "json", str(tmp_path))
    paths = sorted(Path(f["path"]).name for f in json.loads(result.stdout)["findings"])
    assert paths == ["a.txt", "b.md", "c.csv", "d.tsv"]


def test_directory_with_nothing_to_check(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.py").write_text("x = 1", encoding="utf-8")
    result = run(runner, str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}: no script files to check" in result.stderr


def test_unknown_option_is_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--zzz"])
    assert result.exit_code == 2
    assert result.stderr == "jargonlint: error: No such option: --zzz\n"


def test_bad_option_value(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--audience", "kids", "x.txt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("jargonlint: error: Invalid value for '--audience'")


def test_broken_glossary_exits_2_without_traceback(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("- term: 稟議\n  reading: りんぎ\n   x: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--isolated", "-d", str(broken), "-"], input=b"")
    assert result.exit_code == 2
    assert "broken.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_ignore_option(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "json", "--ignore", "稟議", str(script))
    assert [f["term"] for f in json.loads(result.stdout)["findings"]] == ["Wi-Fi"]


def test_explain_accepts_term_variant_and_reading(runner: CliRunner) -> None:
    for query in ("ホームゲートウェイ", "hgw", "ほーむげーとうぇい", "ホームゲートウエイ"):
        result = runner.invoke(app, ["explain", *MINI_ARGS, "--format", "json", query])
        assert result.exit_code == 0, query
        assert json.loads(result.stdout)["term"] == "ホームゲートウェイ"


def test_explain_unknown_term(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", *MINI_ARGS, "リスク"])
    assert result.exit_code == 1
    assert result.stderr.startswith("jargonlint: error: 'リスク' is not in the glossary")


def test_explain_rich_shows_everything(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", *MINI_ARGS, "--format", "rich", "稟議"])
    for text in ("りんぎ", "社内の確認", "個人のお客様に社内の手続きはありません", "例"):
        assert text in result.stdout


def test_terms_by_category_and_search(runner: CliRunner) -> None:
    result = runner.invoke(app, ["terms", *MINI_ARGS, "--format", "json", "--category", "it"])
    terms = sorted(e["term"] for e in json.loads(result.stdout))
    assert terms == ["アンインストール", "キャッシュ", "サーバー"]
    result = runner.invoke(app, ["terms", *MINI_ARGS, "--format", "json", "保険"])
    assert [e["term"] for e in json.loads(result.stdout)] == ["特約"]


def test_terms_json_has_every_field(runner: CliRunner) -> None:
    result = runner.invoke(app, ["terms", *MINI_ARGS, "--format", "json"])
    entries = json.loads(result.stdout)
    assert len(entries) == 16
    assert set(entries[0]) >= {"term", "reading", "explanation", "say_instead", "example"}


def test_terms_unknown_category(runner: CliRunner) -> None:
    result = runner.invoke(app, ["terms", *MINI_ARGS, "--category", "sports"])
    assert result.exit_code == 2
    assert "unknown category 'sports'" in result.stderr


LABELLED = "OP：サーバーです。\nお客様：Wi-Fiって？\n※サーバーの件\n"


def test_speakers_option(runner: CliRunner) -> None:
    result = run(runner, "--format", "json", "-", stdin=LABELLED.encode())
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [1]
    result = run(runner, "--format", "json", "--speakers", "all", "-", stdin=LABELLED.encode())
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [1, 2]


def test_include_unspoken_option(runner: CliRunner) -> None:
    result = run(runner, "--format", "json", "--include-unspoken", "-", stdin=LABELLED.encode())
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [1, 3]


def test_columns_option_on_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("who,words\nOP,サーバーです\n", encoding="utf-8")
    result = run(runner, "--format", "json", "--columns", "who,words", str(path))
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["cell"]) == (2, 4, "words")


def test_bad_columns_option(runner: CliRunner) -> None:
    result = run(runner, "--columns", "only-one", "-", stdin=b"")
    assert result.exit_code == 2
    assert result.stderr.startswith("jargonlint: error: --columns needs two names")


def test_office_location_in_text_format(runner: CliRunner, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active.append(["話者", "セリフ"])
    book.active.append(["担当", "サーバーです"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    result = run(runner, "--format", "text", str(path))
    assert result.stdout.startswith(f"{path}:S!B2:1: warning: サーバー — ")


def test_unknown_encoding_is_refused_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(runner, "--encoding", "klingon", str(empty))
    assert result.exit_code == 2
    assert result.stderr == "jargonlint: error: unknown encoding 'klingon'\n"


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"])
def test_empty_files_are_clean(runner: CliRunner, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    result = run(runner, "--format", "json", str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_github_annotations(runner: CliRunner, script: Path) -> None:
    result = run(runner, "--format", "github", str(script))
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::warning file={script},line=1,col=8,endLine=1,endColumn=13,"
        "title=jargonlint (jargon)::Wi-Fi — 線をつながずに、ネットを使う仕組みです。"
        "（言い換え: 無線のネット）"
    )
    assert lines[1].startswith("::error file=")
    assert result.exit_code == 1
