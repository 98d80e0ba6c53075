"""Issue 8's repros, one by one: nothing crashes, hangs or eats the machine.

Big inputs are generated here, small enough to keep the suite fast but of the
shape that broke the checker (a line of 200k tokens, a declared million rows…).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from jargonlint.cli import app
from jargonlint.decoding import BinaryFileError, decode
from jargonlint.files import collect, display_name
from jargonlint.limits import LimitError, Limits
from jargonlint.normalize import normalize
from jargonlint.reader import ReadOptions, read_segments

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
MINI_ARGS = ["--no-default-dictionaries", "--dictionary", str(MINI), "--isolated"]
GOOD = "OP：社内で稟議にかけます。\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def check(runner: CliRunner, *args: str, isolated: bool = True):
    options = MINI_ARGS if isolated else MINI_ARGS[:-1]
    return runner.invoke(app, ["check", *options, *args])


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("jargonlint: error:")]


# 1. One long line ------------------------------------------------------------


def test_line_of_200k_tokens_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("OP：" + "a " * 200_000 + "稟議です\n", encoding="utf-8")
    result = check(runner, "--format", "json", str(good), str(long))
    assert result.exit_code == 1, result.stderr
    found = {
        (Path(f["path"]).name, f["column"], f["matched"])
        for f in json.loads(result.stdout)["findings"]
    }
    assert found == {("good.txt", 7, "稟議"), ("long.txt", 400_004, "稟議")}


def test_csv_cell_of_8m_characters_is_a_limit_error(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("話者,セリフ\nOP," + "あ" * 8_000_000 + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = check(runner, "--format", "text", str(big), str(good))
    assert result.exit_code == 2
    (error,) = _errors(result)
    assert error.startswith(f"jargonlint: error: {big}: file size 22.89 MiB is over the limit")
    assert "--limit file-size=" in error
    assert "good.txt:1:7: error: 稟議" in result.stdout  # the other file is still checked
    raised = check(runner, "--format", "text", "--limit", "file-size=64MiB", str(big))
    assert raised.exit_code == 2
    assert _errors(raised) == [
        f"jargonlint: error: {big}: line 2: line length 8,000,003 characters is over the "
        "limit of 1,000,000 characters (raise it with --limit line-length=N or "
        "limits.line_length in the settings)"
    ]


def test_line_limit_can_be_lowered_and_raised(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("OP：はい\nOP：" + "ね" * 100 + "稟議\n", encoding="utf-8")
    lowered = check(runner, "--limit", "line-length=50", str(script))
    assert lowered.exit_code == 2
    assert "s.txt: line 2: line length 105 characters" in lowered.stderr
    config = tmp_path / ".jargonlint.toml"
    config.write_text("[limits]\nline_length = 50\n", encoding="utf-8")
    from_settings = runner.invoke(
        app, ["check", *MINI_ARGS[:-1], "--config", str(config), str(script)]
    )
    assert from_settings.exit_code == 2
    assert "line length 105 characters is over the limit of 50" in from_settings.stderr
    assert check(runner, "--limit", "line-length=200", str(script)).exit_code == 1


def test_long_line_in_pieces_reports_the_right_columns(runner: CliRunner, tmp_path: Path) -> None:
    line = "OP：" + "ご確認ください。" * 3000 + "サーバー" + "、はい" * 2000 + "Wi-Fi"
    script = tmp_path / "s.txt"
    script.write_text(line + "\n", encoding="utf-8")
    result = check(runner, "--format", "json", str(script))
    findings = json.loads(result.stdout)["findings"]
    assert [f["matched"] for f in findings] == ["サーバー", "Wi-Fi"]
    for finding in findings:
        assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["matched"]


# 4. and 5. Walking folders ----------------------------------------------------


def test_special_files_in_a_tree_are_errors_not_read(runner: CliRunner, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tree / "x.txt").symlink_to("/dev/zero")
    os.mkfifo(tree / "p.txt")
    result = check(runner, "--format", "text", str(tree))
    assert result.exit_code == 2
    assert _errors(result) == [
        f"jargonlint: error: {tree / 'p.txt'}: not a regular file (a FIFO), skipped",
        f"jargonlint: error: {tree / 'x.txt'}: not a regular file (a character device), skipped",
    ]
    assert "ok.txt:1:7: error: 稟議" in result.stdout


def test_fifo_swapped_in_after_the_walk_does_not_hang(tmp_path: Path) -> None:
    from jargonlint.files import read_file

    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    with pytest.raises(Exception, match="not a regular file"):
        read_file(fifo, Limits())


def test_growing_or_huge_file_stops_at_the_size_limit(tmp_path: Path) -> None:
    from jargonlint.files import read_stream

    with pytest.raises(LimitError, match="file size is over the limit of 1 KiB"):
        read_stream(io.BytesIO(b"x" * 5000), Limits(file_size=1024))


def test_file_that_grew_after_its_size_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_file asks for the size fstat gave; a file longer by then is still read
    whole, up to the size limit."""
    from jargonlint import files

    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"x" * 3000)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 100, *info[7:]))

    monkeypatch.setattr(files.os, "fstat", stale_fstat)
    assert files.read_file(grown, Limits()) == b"x" * 3000
    with pytest.raises(LimitError, match="file size is over the limit of 1 KiB"):
        files.read_file(grown, Limits(file_size=1024))


def _failing_scandir(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Make one folder unlistable: as root (CI), chmod alone cannot."""
    real = os.scandir

    def scandir(path=".", *args, **kwargs):
        if Path(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    _failing_scandir(monkeypatch, tmp_path / "secret")
    found = collect([tmp_path])
    assert found.files == [tmp_path / "ok.txt"]
    assert found.errors == [f"{tmp_path / 'secret'}: cannot read folder (Permission denied)"]


def test_unreadable_top_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_scandir(monkeypatch, tmp_path)
    found = collect([tmp_path])
    assert found.errors == [f"{tmp_path}: cannot read folder (Permission denied)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_subfolder_for_real(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        assert collect([tmp_path]).errors == [f"{secret}: cannot read folder (Permission denied)"]
    finally:
        secret.chmod(0o700)


# 6. Office files --------------------------------------------------------------


def _rezip(data: bytes, member: str, change) -> bytes:
    """A copy of a zip with one member's bytes changed."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            content = old.read(item.filename)
            new.writestr(item.filename, change(content) if item.filename == member else content)
    return out.getvalue()


def _xlsx(cells: dict[str, str]) -> bytes:
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_xlsx_declaring_a_million_rows_is_read_quickly(mini_glossary) -> None:
    data = _rezip(
        _xlsx({"A1": "サーバーです"}),
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml),
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    segments = read_segments("s.xlsx", data, ReadOptions())
    assert [(s.location, s.text) for s in segments] == [("Sheet!A1", "サーバーです")]


def test_xlsx_cells_over_the_limit(tmp_path: Path) -> None:
    data = _xlsx({f"A{r}": "はい" for r in range(1, 31)})
    with pytest.raises(LimitError, match="number of cells 11 is over the limit of 10"):
        read_segments("s.xlsx", data, ReadOptions(limits=Limits(cells=10)))
    assert len(read_segments("s.xlsx", data, ReadOptions(limits=Limits(cells=30)))) == 30


def test_far_away_cell_counts_the_rows_before_it() -> None:
    data = _xlsx({"A1": "はい", "B200000": "サーバー"})
    with pytest.raises(LimitError, match="number of cells"):
        read_segments("s.xlsx", data, ReadOptions(limits=Limits(cells=100_000)))


def test_docx_zip_bomb_is_refused_before_unzipping(runner: CliRunner, tmp_path: Path) -> None:
    pad = b" " * (65 * 1024 * 1024)  # over the default 64 MiB once unzipped
    data = _rezip(
        _docx("OP：稟議です"),
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + pad, 1),
    )
    assert len(data) < 1024 * 1024
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(data)
    result = check(runner, "--format", "text", str(bomb))
    assert result.exit_code == 2
    (error,) = _errors(result)
    assert re.fullmatch(
        f"jargonlint: error: {re.escape(str(bomb))}: unzipped size 65\\.\\d+ MiB is over the "
        "limit of 64 MiB \\(raise it with --limit office-size=N or limits.office_size in the "
        "settings\\)",
        error,
    ), error


def test_office_size_limit_can_be_lowered(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "s.docx"
    script.write_bytes(_docx("OP：稟議です"))
    assert check(runner, str(script)).exit_code == 1
    lowered = check(runner, "--limit", "office-size=10KiB", str(script))
    assert lowered.exit_code == 2
    assert "is over the limit of 10 KiB" in lowered.stderr


def test_docx_with_500k_empty_paragraphs_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    data = _rezip(
        _docx("OP：稟議です"),
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 500_000, 1),
    )
    paragraphs = tmp_path / "p.docx"
    paragraphs.write_bytes(data)
    result = check(runner, "--format", "text", str(paragraphs))
    assert result.exit_code == 2
    assert "number of paragraphs 500,001 is over the limit of 200,000" in result.stderr


# 7. Alias bomb in a glossary ------------------------------------------------------


def test_alias_bomb_in_list_items_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    lines = ["- &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = tmp_path / "s.txt"
    script.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["check", "--isolated", "-d", str(bomb), str(script)])
    assert result.exit_code == 2
    assert len(result.stderr) < 300
    assert f"{bomb.name}:2: YAML aliases (*name) are not allowed" in result.stderr


def test_non_mapping_entry_is_not_printed_whole(runner: CliRunner, tmp_path: Path) -> None:
    glossary = tmp_path / "g.yaml"
    glossary.write_text("- [" + ", ".join(["long item"] * 10_000) + "]\n- " + "x" * 5000 + "\n")
    result = runner.invoke(app, ["check", "--isolated", "-d", str(glossary), "-"], input="")
    assert result.exit_code == 2
    assert len(result.stderr) < 400
    assert "entry is not a mapping: list" in result.stderr


# 8. Smaller ones ------------------------------------------------------------------


def test_file_name_not_utf8_keeps_json_valid(runner: CliRunner, tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")
    name.write_text(GOOD, encoding="utf-8")
    result = check(runner, "--format", "json", str(name))
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["path"].endswith("caf\\xe9.txt")


def test_file_name_not_utf8_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jargonlint", "check", *MINI_ARGS, "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["findings"][0]["path"] == "caf\\xe9.txt"


def test_newline_in_file_name_keeps_one_line_per_finding(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "new\nline.txt"
    script.write_text(GOOD, encoding="utf-8")
    result = check(runner, "--format", "text", str(script))
    assert result.stdout.count("\n") == 1
    assert "new\\nline.txt:1:7: error: 稟議" in result.stdout


def test_display_name_escapes_controls_only() -> None:
    assert display_name("台本/a\tb\x1b.txt") == "台本/a\\tb\\x1b.txt"


def test_tool_that_is_not_a_table(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = check(runner, "s.txt", isolated=False)
    assert result.exit_code == 2
    assert _errors(result) == [
        f"jargonlint: error: {tmp_path / 'pyproject.toml'}: [tool] must be a table, not int"
    ]


@pytest.mark.parametrize(
    "data",
    [
        GOOD.replace("。", "\x00。").encode("utf-8"),
        GOOD.encode("utf-16-le"),
        GOOD.encode("utf-16-be"),
        ("OP：一　" + GOOD).encode("utf-16-le"),
        GOOD.replace("。", "\x00。").encode("cp932"),
    ],
)
def test_stray_nul_and_bomless_utf16_are_checked(
    runner: CliRunner, tmp_path: Path, data: bytes
) -> None:
    script = tmp_path / "s.txt"
    script.write_bytes(data)
    result = check(runner, "--format", "json", str(script))
    assert result.exit_code == 1, result.stderr
    assert [f["matched"] for f in json.loads(result.stdout)["findings"]] == ["稟議"]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 8])
def test_real_binary_is_still_skipped(data: bytes) -> None:
    with pytest.raises(BinaryFileError):
        decode(data)


def test_lone_surrogate_from_unicode_escape(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_bytes(b"OP\\uff1a\\ud800\\u7a1f\\u8b70\\u3067\\u3059\n")
    result = check(runner, "--format", "json", "--encoding", "unicode_escape", str(script))
    assert result.exit_code == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["column"], finding["matched"]) == (5, "稟議")


def test_other_codec_errors_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_bytes(b"\xff" * 10)
    result = check(runner, "--encoding", "idna", str(script))
    assert result.exit_code == 2
    assert _errors(result) == [
        f"jargonlint: error: {script}: cannot decode as idna (byte 0xff at offset 0)"
    ]


def test_composing_and_expanding_characters_keep_columns(lint) -> None:
    line = "OP：\u1100\u1161\u1100\u1161ONU㈱です。"  # two jamo pairs compose, ㈱ expands
    normalized = normalize(line)
    start = normalized.text.index("ONU")
    assert line[slice(*normalized.original_span(start, start + 3))] == "ONU"


@pytest.mark.parametrize(
    "args",
    [
        ["--audience", "nobody"],
        ["--no-such-option"],
        ["--columns", "one"],
        ["--limit", "bogus=1"],
        ["--limit", "cells=many"],
        ["--config", "/nonexistent/settings.toml"],
        ["--dictionary", "/nonexistent/g.yaml"],
    ],
)
def test_json_document_after_an_early_error(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["check", "--format", "json", *args, "-"], input=GOOD)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["findings"] == []
    assert report["summary"]["errors"] == len(report["errors"]) >= 1
    assert [f"jargonlint: error: {e}" for e in report["errors"]] == _errors(result)


def test_no_json_after_an_early_error_in_text_format(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--format", "text", "--audience", "nobody", "-"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_broken_glossary_with_json_format(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "g.yaml"
    broken.write_text("- term: [unclosed\n", encoding="utf-8")
    result = runner.invoke(
        app, ["check", "-f", "json", "--isolated", "-d", str(broken), "-"], input=GOOD
    )
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0].startswith(f"{broken}:2: YAML")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"hello world, a plain text\x00 ok!", "hello world, a plain text\x00 ok!", "utf-8"),
        ("abc\n".encode("utf-16-le") * 5, "abc\n" * 5, "utf-16-le"),
        ("abc\n".encode("utf-16-be") * 5, "abc\n" * 5, "utf-16-be"),
        ("社内で稟議".encode("utf-16-le"), "社内で稟議", "utf-16-le"),
        ("社内で稟議".encode("utf-16-be"), "社内で稟議", "utf-16-be"),
        ("OP：一　社内\n".encode("utf-16-be"), "OP：一　社内\n", "utf-16-be"),
    ],
)
def test_utf16_byte_order_and_utf8_with_nul(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)
