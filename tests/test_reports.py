"""Reports as a registry: every format, the same with any number of jobs, SARIF valid."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint import progress
from jargonlint.api import Checker, FileResult
from jargonlint.cli import app
from jargonlint.reporters import FORMATS, Run, reporter

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
MINI_ARGS = ["check", "--isolated", "--no-default-dictionaries", "-d", "mini.yaml"]
# Several formats, encodings and line ends; a binary file, an undecodable one, a missing path.
INPUTS = ["run", "run/missing.txt", "run/a_plain.txt"]


def run_cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, bytes]:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes


@pytest.fixture(scope="module")
def mini_checker() -> Checker:
    return Checker(dictionaries=[FIXTURES / "mini.yaml"], builtin_dictionaries=False)


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_is_the_same_with_any_number_of_jobs(
    output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = run_cli(monkeypatch, *MINI_ARGS, "-f", output_format, "-j", "1", *INPUTS)
    together = run_cli(monkeypatch, *MINI_ARGS, "-f", output_format, "-j", "4", *INPUTS)
    assert alone[0] == 2
    assert together == alone
    assert "稟議".encode() in alone[1]


def test_shipped_samples_are_the_same_with_any_number_of_jobs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("docx")
    monkeypatch.chdir(ROOT)
    for output_format in FORMATS:
        outputs = {
            CliRunner()
            .invoke(
                app, ["check", "--isolated", "-f", output_format, "-j", jobs, "scripts_samples"]
            )
            .stdout_bytes
            for jobs in ("1", "3")
        }
        assert len(outputs) == 1, output_format


def test_format_option_lists_every_registered_report(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(app, ["check", "--help"])
    for name in FORMATS:
        assert name in result.stdout
    refused = CliRunner().invoke(app, ["check", "--format", "xml", "x.txt"])
    assert refused.exit_code == 2


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_validates_against_the_official_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    validator = _validator()
    code, output = run_cli(monkeypatch, *MINI_ARGS, "-f", "sarif", *INPUTS)
    log = json.loads(output)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert code == 2
    (run,) = log["runs"]
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert notes == [
        "run/missing.txt: no such file or directory",
        "run/g_bad.txt: cannot detect the encoding (tried UTF-8, CP932, EUC-JP); use --encoding",
    ]


def test_sarif_has_a_rule_per_entry_and_regions_in_the_files_columns(
    monkeypatch: pytest.MonkeyPatch, mini_checker: Checker
) -> None:
    _, output = run_cli(monkeypatch, *MINI_ARGS, "-f", "sarif", "run")
    (run,) = json.loads(output)["runs"]
    rules = run["tool"]["driver"]["rules"]
    entries = mini_checker.entries
    assert [r["id"] for r in rules] == [e.term for e in entries] + ["unused-suppression"]
    assert rules[0]["help"]["text"].startswith(entries[0].explanation)
    assert run["columnKind"] == "unicodeCodePoints"
    _, report = run_cli(monkeypatch, *MINI_ARGS, "-f", "json", "run")
    findings = json.loads(report)["findings"]
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endColumn"]) == (
            finding["line"],
            finding["column"],
            finding["end_column"],
        )
        assert region["snippet"]["text"] == finding["matched"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        level = {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result["level"] == level
    # ｻｰﾊﾞｰ in a CP932 CSV: six half-width characters, as the writer saved them.
    server = next(r for r in run["results"] if r["ruleId"] == "サーバー")
    assert server["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "ｻｰﾊﾞｰ"


def test_sarif_of_word_and_excel_uses_logical_locations(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("docx")
    validator = _validator()
    monkeypatch.chdir(ROOT)
    output = CliRunner().invoke(app, ["check", "--isolated", "-f", "sarif", "scripts_samples"])
    log = json.loads(output.stdout)
    assert not list(validator.iter_errors(log))
    docx = [
        r
        for r in log["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")
    ]
    assert docx and all("region" not in r["locations"][0]["physicalLocation"] for r in docx)
    assert docx[0]["locations"][0]["logicalLocations"][0]["name"].startswith("paragraph")


def test_jsonl_is_the_json_findings_one_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _, lines = run_cli(monkeypatch, *MINI_ARGS, "-f", "jsonl", *INPUTS)
    _, document = run_cli(monkeypatch, *MINI_ARGS, "-f", "json", *INPUTS)
    findings = json.loads(document)["findings"]
    assert [json.loads(line) for line in lines.decode().splitlines()] == findings


class CountingOut(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def _many_results(checker: Checker, files: int) -> list[FileResult]:
    text = "OP：社内で稟議にかけます。ご自宅のWi-Fiについてです。\n" * 50
    return [checker.check_text(text, name=f"s{i}.txt") for i in range(files)]


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_documents_are_written_in_large_chunks(output_format: str, mini_checker: Checker) -> None:
    results = _many_results(mini_checker, 40)
    findings = sum(len(r.findings) for r in results)
    out = CountingOut()
    reporter(output_format)(results, out, Run("0", lambda: mini_checker.entries))
    assert findings == 4000
    assert out.writes <= findings // 100  # chunks of many findings, never one per token
    json.loads(out.getvalue())


@pytest.mark.parametrize("output_format", ["text", "github", "jsonl", "rich"])
def test_streaming_formats_print_each_file_before_the_next_is_checked(
    output_format: str, mini_checker: Checker
) -> None:
    results = _many_results(mini_checker, 3)
    out = io.StringIO()
    seen: list[int] = []

    def one_at_a_time() -> Iterator[FileResult]:
        for result in results:
            seen.append(len(out.getvalue()))
            yield result

    reporter(output_format)(one_at_a_time(), out, Run("0", lambda: mini_checker.entries))
    assert seen[0] == 0
    assert 0 < seen[1] < seen[2] < len(out.getvalue())
    assert "s0.txt" in out.getvalue()[: seen[1]] and "s1.txt" not in out.getvalue()[: seen[1]]


def test_progress_bar_only_on_a_terminal_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    results = [FileResult(f"s{i}.txt") for i in range(3)]
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: False, raising=False)
    quiet = progress.ProgressBar(3, enabled=True)
    assert list(quiet.track(results)) == results
    assert not quiet.enabled
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    assert not progress.ProgressBar(3, enabled=False).enabled  # --quiet
    quick = progress.ProgressBar(3, enabled=True)
    for _ in quick.track(results):
        assert quick.console() is None  # not yet a second
    monkeypatch.setattr(progress, "DELAY", 0.0)
    slow = progress.ProgressBar(3, enabled=True)
    shown = [slow.console() is not None for _ in slow.track(results)]
    assert shown == [True, True, True]  # from the first file until the run is over
    assert slow.console() is None and (slow.files, slow.findings) == (3, 0)


def test_quiet_drops_warnings_but_not_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    loud = CliRunner().invoke(app, [*MINI_ARGS, "-f", "text", *INPUTS])
    quiet = CliRunner().invoke(app, [*MINI_ARGS, "-f", "text", "--quiet", *INPUTS])
    assert "warning: run/f_binary.txt: binary file, skipped" in loud.stderr
    assert "binary file" not in quiet.stderr
    assert quiet.stderr.count("jargonlint: error:") == loud.stderr.count("jargonlint: error:") == 2
    assert quiet.stdout == loud.stdout and quiet.exit_code == loud.exit_code == 2


def test_jobs_must_be_positive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    refused = CliRunner().invoke(app, [*MINI_ARGS, "--jobs", "0", "run"])
    assert refused.exit_code == 2
    assert refused.stderr.startswith("jargonlint: error:") and "--jobs" in refused.stderr
    assert "Traceback" not in refused.stderr
