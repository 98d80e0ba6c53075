"""The library API: settings, checks of text, bytes and files, the source as read."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import jargonlint
from jargonlint import api, parallel
from jargonlint.api import Checker, FileResult, SettingsError
from jargonlint.linter import GlossaryError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
RUN = FIXTURES / "run"
SCRIPT = "OP：ご自宅のＷｉ－Ｆｉについてです。\r\nOP：社内で稟議にかけます。\r\n"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(dictionaries=[MINI], builtin_dictionaries=False)


def terms(result: FileResult) -> list[tuple[str, int, int, str]]:
    return [(f.term, f.line, f.column, f.severity) for f in result.findings]


def test_check_text_finds_terms_with_the_settings_given() -> None:
    consumer = Checker(dictionaries=[MINI], builtin_dictionaries=False)
    business = Checker(dictionaries=[MINI], builtin_dictionaries=False, audience="business")
    assert terms(consumer.check_text(SCRIPT)) == [
        ("Wi-Fi", 1, 8, "warning"),
        ("稟議", 2, 7, "error"),
    ]
    assert terms(business.check_text(SCRIPT)) == [("Wi-Fi", 1, 8, "info"), ("稟議", 2, 7, "info")]
    ignoring = Checker(dictionaries=[MINI], builtin_dictionaries=False, ignore=["りんぎ", "稟議"])
    assert [t for t, *_ in terms(ignoring.check_text(SCRIPT))] == ["Wi-Fi"]


def test_check_text_reads_by_the_name_suffix(checker: Checker) -> None:
    markdown = "```\nOP：稟議\n```\nOP：稟議にかけます。\n"
    assert [f.line for f in checker.check_text(markdown, name="a.md").findings] == [4]
    assert [f.line for f in checker.check_text(markdown, name="a.txt").findings] == [2, 4]
    result = checker.check_text(SCRIPT, name="draft.txt")
    assert result.path == "draft.txt" and result.findings[0].path == "draft.txt"
    assert result.source is not None
    assert (result.source.text, result.source.encoding, result.source.newline) == (
        SCRIPT,
        None,
        "\r\n",
    )


@pytest.mark.parametrize(
    ("data", "encoding", "bom", "newline"),
    [
        (SCRIPT.encode("utf-8"), "utf-8", False, "\r\n"),
        (codecs.BOM_UTF8 + SCRIPT.encode("utf-8"), "utf-8", True, "\r\n"),
        (SCRIPT.replace("\r\n", "\n").encode("cp932"), "cp932", False, "\n"),
        (SCRIPT.replace("\r\n", "\r").replace("－", "-").encode("euc_jp"), "euc_jp", False, "\r"),
        (codecs.BOM_UTF16_LE + SCRIPT.encode("utf-16-le"), "utf-16-le", True, "\r\n"),
        (codecs.BOM_UTF16_BE + SCRIPT.encode("utf-16-be"), "utf-16-be", True, "\r\n"),
    ],
)
def test_source_as_read_writes_the_file_back_unchanged(
    checker: Checker, data: bytes, encoding: str, bom: bool, newline: str
) -> None:
    result = checker.check_bytes("s.txt", data)
    assert [t for t, *_ in terms(result)] == ["Wi-Fi", "稟議"]
    source = result.source
    assert source is not None
    assert (source.encoding, source.bom, source.newline) == (encoding, bom, newline)
    assert "\ufeff" not in source.text
    assert source.encode() == data
    edited = source.text.replace("稟議", "社内の確認")
    assert source.encode(edited).decode(encoding).endswith("社内の確認にかけます。" + newline)


def test_a_forced_encoding_keeps_the_bom_apart(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + SCRIPT.encode("utf-8")
    forced = Checker(dictionaries=[MINI], builtin_dictionaries=False, encoding="utf-8-sig")
    source = forced.check_bytes("s.txt", data).source
    assert source is not None
    assert (source.encoding, source.bom) == ("utf-8", True)
    assert source.encode() == data


def test_inputs_that_cannot_be_checked_are_results_not_exceptions(
    checker: Checker, tmp_path: Path
) -> None:
    missing = checker.check_path(tmp_path / "gone.txt")
    assert missing.error == f"{tmp_path / 'gone.txt'}: cannot read (No such file or directory)"
    assert not missing.checked and missing.findings == []
    binary = checker.check_bytes("b.txt", b"\x00\x01binary")
    assert binary.skipped == "b.txt: binary file, skipped" and not binary.checked
    unsupported = checker.check_bytes("a.pdf", b"%PDF")
    assert unsupported.error is not None and unsupported.error.startswith("a.pdf: unsupported")
    assert checker.check_path(RUN / "a_plain.txt").checked


def test_word_and_excel_results_have_no_text_source() -> None:
    pytest.importorskip("docx")
    result = Checker().check_path(ROOT / "scripts_samples" / "denki_kirikae_kojin.docx")
    assert result.checked and result.findings and result.source is None


def test_settings_are_validated_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="audience must be one of"):
        Checker(audience="kids")
    with pytest.raises(SettingsError, match="speakers must be one of"):
        Checker(speakers="nobody")
    with pytest.raises(SettingsError, match="unknown encoding 'klingon'"):
        Checker(encoding="klingon")
    with pytest.raises(SettingsError, match="columns must name two columns"):
        Checker(columns=["話者"])
    with pytest.raises(SettingsError, match=r"gone\.yaml: dictionary file not found"):
        Checker(dictionaries=[tmp_path / "gone.yaml"])
    broken = tmp_path / "broken.yaml"
    broken.write_text("- term: 稟議\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        Checker(dictionaries=[broken], builtin_dictionaries=False)
    assert any("missing reading" in str(p) for p in caught.value.problems)


def test_from_config_reads_a_settings_file_and_keywords_win(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    settings = tmp_path / ".jargonlint.toml"
    settings.write_text(
        'audience = "business"\ndictionaries = ["mini.yaml"]\nignore = ["Wi-Fi"]\n',
        encoding="utf-8",
    )
    from_file = Checker.from_config(settings, builtin_dictionaries=False)
    assert from_file.settings.audience == "business"
    assert terms(from_file.check_text(SCRIPT)) == [("稟議", 2, 7, "info")]
    overridden = Checker.from_config(
        settings, builtin_dictionaries=False, audience="consumer", ignore=["稟議"], speakers=None
    )
    assert overridden.settings.ignore == ("Wi-Fi", "稟議")
    assert overridden.settings.speakers == "agent"
    assert terms(overridden.check_text(SCRIPT)) == []


def test_check_paths_reports_bad_paths_first_then_files_in_order(
    checker: Checker, tmp_path: Path
) -> None:
    results = list(checker.check_paths([RUN, tmp_path / "gone.txt"]))
    assert results[0].error == f"{tmp_path / 'gone.txt'}: no such file or directory"
    paths = [r.path for r in results[1:]]
    assert paths == sorted(str(p) for p in RUN.iterdir())
    assert [r.path for r in results if r.skipped] == [str(RUN / "f_binary.txt")]
    assert [r.path for r in results if r.error][1:] == [str(RUN / "g_bad.txt")]


def test_worker_processes_give_the_same_results(checker: Checker) -> None:
    files = [str(p) for p in sorted(RUN.iterdir())] * 3
    alone = list(checker.check_files(files, jobs=1))
    together = list(checker.check_files(files, jobs=3))
    assert [(r.path, r.findings, r.source, r.error, r.skipped) for r in together] == [
        (r.path, r.findings, r.source, r.error, r.skipped) for r in alone
    ]
    assert sum(len(r.findings) for r in together) > 0


def _dying_check(batch: list[str]) -> list[FileResult]:
    """A worker that dies on one file, as a crash in a C library would."""
    if any(name.endswith("b_bom_crlf.txt") for name in batch):
        import os

        os._exit(3)
    assert parallel._checker is not None
    return [parallel._checker.check_path(name) for name in batch]


def test_a_dying_worker_loses_no_findings(checker: Checker, monkeypatch) -> None:
    files = [str(p) for p in sorted(RUN.iterdir())] * 2
    expected = [(r.path, r.findings) for r in checker.check_files(files, jobs=1)]
    monkeypatch.setattr(parallel, "_check", _dying_check)
    assert [(r.path, r.findings) for r in checker.check_files(files, jobs=2)] == expected


def test_a_bug_on_one_file_is_an_error_for_that_file_only(checker: Checker, monkeypatch) -> None:
    real = checker._linter.lint_segments

    def failing(name: str, segments):  # type: ignore[no-untyped-def]
        if name.endswith("a_plain.txt"):
            raise RuntimeError("boom")
        return real(name, segments)

    monkeypatch.setattr(checker._linter, "lint_segments", failing)
    results = {Path(r.path).name: r for r in checker.check_paths([RUN])}
    assert results["a_plain.txt"].error == (
        f"{RUN / 'a_plain.txt'}: internal error, please report it (RuntimeError: boom)"
    )
    assert results["b_bom_crlf.txt"].findings


def test_default_jobs_is_one_for_small_inputs(tmp_path: Path, monkeypatch) -> None:
    small = [str(p) for p in sorted(RUN.iterdir())]
    assert parallel.default_jobs(small) == 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * parallel.SMALL_INPUT)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert parallel.default_jobs([str(big)]) == 1  # one file cannot be shared out
    assert parallel.default_jobs([str(big), *small]) == 2


def test_package_reexports_the_api_lazily() -> None:
    assert jargonlint.Checker is api.Checker and jargonlint.FileResult is api.FileResult
    with pytest.raises(AttributeError):
        jargonlint.Nothing  # noqa: B018
    code = (
        "import sys, jargonlint; "
        "print(sorted(m for m in sys.modules if m.startswith(('jargonlint.', 'yaml'))))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_package_is_typed() -> None:
    assert (ROOT / "jargonlint" / "py.typed").is_file()
    assert '"jargonlint" = ["py.typed"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_readme_api_example_runs_as_written() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library API") :]
    example = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert example is not None
    shown = subprocess.run(
        [sys.executable, "-c", example.group(1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert "draft.txt:1:7 稟議 error" in shown.stdout
    assert "scripts_samples/iryou_hoken_kojin_sjis.txt cp932 False '\\r\\n'" in shown.stdout


def test_a_warm_start_imports_only_what_a_text_check_needs(tmp_path: Path) -> None:
    script = tmp_path / "small.txt"
    script.write_text("OP：社内で稟議にかけます。\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from jargonlint.cli import app\n"  # main() leaves by os._exit: no code after it runs
        f"sys.argv = ['jargonlint', 'check', '--format', 'json', {str(script)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('yaml', 'importlib.metadata', 'tomllib', "
        "'concurrent.futures', 'rich', 'zipfile', 'jargonlint.formats.markdown', "
        "'jargonlint.formats.table') if m in sys.modules and m not in BARE), file=sys.stderr)\n"
    )
    # What the interpreter itself loads here (a site-packages .pth may import zipfile)
    # is not the linter's doing.
    bare = subprocess.run(
        [sys.executable, "-c", "import sys; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    code = f"BARE = {bare}\n" + code
    command = [sys.executable, "-c", code]
    subprocess.run(command, capture_output=True, check=True, cwd=tmp_path)  # fills the cache
    warm = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp_path)
    assert '"term": "稟議"' in warm.stdout
    assert warm.stderr.strip().splitlines()[-1] == "[]"


def test_the_console_entry_point_leaves_with_every_byte_written_and_its_status(
    tmp_path: Path,
) -> None:
    script = tmp_path / "small.txt"
    script.write_text("OP：社内で稟議にかけます。\n" * 300, encoding="utf-8")
    report = tmp_path / "report.json"
    base = [sys.executable, "-m", "jargonlint", "check"]
    to_file = subprocess.run(
        [*base, "--format", "json", "-o", str(report), str(script)],
        capture_output=True,
        check=False,
    )
    assert to_file.returncode == 1, to_file.stderr  # a finding at the default --fail-on
    assert len(json.loads(report.read_text(encoding="utf-8"))["findings"]) == 300
    piped = subprocess.run([*base, str(script)], capture_output=True, text=True, check=False)
    assert piped.returncode == 1
    assert piped.stdout.count("稟議") >= 300 and piped.stdout.endswith("\n")
    missing = subprocess.run([*base, str(tmp_path / "none.txt")], capture_output=True, check=False)
    assert missing.returncode == 2
