"""Each script format, with positions a writer can find in the file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from jargonlint.cli import app
from jargonlint.decoding import InputError
from jargonlint.linter import Glossary, Linter, ScriptOptions
from jargonlint.reader import ReadOptions, read_segments

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def lint(glossary: Glossary, name: str, data: bytes, **options) -> list:
    segments = read_segments(name, data, ReadOptions(**options))
    return Linter(glossary).lint_segments(name, segments)


MARKDOWN = """---
title: サーバーの案内
---
# サーバーのご案内

- 対象：サーバーをお持ちの方
OP：`サーバー`の件で、サーバーを確認します。<!-- サーバー -->
OP：次に
<!--
サーバー
-->
```
OP：サーバー
```
~~~text
サーバー
~~~
> OP：Wi-Fiもご確認ください。
"""


def test_markdown_lints_prose_only(mini_glossary: Glossary) -> None:
    found = [(f.line, f.column, f.term) for f in lint(mini_glossary, "s.md", MARKDOWN.encode())]
    # line 7: only the second サーバー (the first is inline code, the last in a comment)
    assert found == [(7, 14, "サーバー"), (18, 6, "Wi-Fi")]


CSV = (
    "番号,話者,セリフ,備考\r\n"
    ",,【オープニング】,\r\n"
    "1,担当,サーバーの件です,サーバーの資料\r\n"
    "2,お客様,サーバーって？,\r\n"
    '3,担当,"Wi-Fiと、""サーバー""です",\r\n'
    '4,担当,"一行目\r\nサーバー二行目",\r\n'
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_uses_speaker_and_line_columns(mini_glossary: Glossary, encoding: str) -> None:
    findings = lint(mini_glossary, "s.csv", CSV.encode(encoding))
    assert [(f.line, f.column, f.term, f.cell) for f in findings] == [
        (3, 6, "サーバー", "セリフ"),
        (5, 7, "Wi-Fi", "セリフ"),
        (5, 16, "サーバー", "セリフ"),
        (7, 1, "サーバー", "セリフ"),
    ]


def test_tsv(mini_glossary: Glossary) -> None:
    text = "話者\tセリフ\n担当\tサーバーです\n客\tサーバーです\n"
    findings = lint(mini_glossary, "s.tsv", text.encode())
    assert [(f.line, f.column) for f in findings] == [(2, 4)]


def test_columns_option(mini_glossary: Glossary) -> None:
    text = "who,words\nOP,サーバーです\n"
    findings = lint(mini_glossary, "s.csv", text.encode(), columns=("who", "words"))
    assert [(f.line, f.column, f.cell) for f in findings] == [(2, 4, "words")]


def test_csv_without_known_header_is_plain_text(mini_glossary: Glossary) -> None:
    findings = lint(mini_glossary, "s.csv", "a,b\nx,サーバー\n".encode())
    assert [(f.line, f.column) for f in findings] == [(2, 3)]


def test_columns_that_do_not_exist(mini_glossary: Glossary) -> None:
    with pytest.raises(InputError, match="no column named 'words'"):
        read_segments("s.csv", b"a,b\n", ReadOptions(columns=("who", "words")))


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("【オープニング】")
    document.add_paragraph("OP：サーバーのご案内です。")
    document.add_paragraph("お客様：サーバー？")
    table = document.add_table(rows=3, cols=2)
    for row, (speaker, line) in zip(
        table.rows,
        [("話者", "セリフ"), ("担当", "Wi-Fiの件です"), ("お客様", "サーバー")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = speaker, line
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables(mini_glossary: Glossary) -> None:
    findings = lint(mini_glossary, "s.docx", _docx_bytes())
    assert [(f.location, f.column, f.term) for f in findings] == [
        ("paragraph 2", 4, "サーバー"),
        ("table 1, row 2, cell 2", 1, "Wi-Fi"),
    ]


def _xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "トーク"
    for row in [
        ("番号", "話者", "セリフ"),
        (1, "担当", "サーバーです"),
        (2, "お客様", "サーバー？"),
    ]:
        sheet.append(row)
    notes = book.create_sheet("メモ")
    notes["B2"] = "Wi-Fiの確認"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_script_sheet(mini_glossary: Glossary) -> None:
    findings = lint(mini_glossary, "s.xlsx", _xlsx_bytes())
    assert [(f.location, f.line, f.column, f.term, f.cell) for f in findings] == [
        ("トーク!C2", 2, 1, "サーバー", "セリフ"),
    ]


def test_xlsx_every_cell_with_all_speakers(mini_glossary: Glossary) -> None:
    segments = read_segments("s.xlsx", _xlsx_bytes(), ReadOptions())
    findings = Linter(mini_glossary, options=ScriptOptions(speakers="all")).lint_segments(
        "s.xlsx", segments
    )
    assert [(f.location, f.term) for f in findings] == [
        ("トーク!C2", "サーバー"),
        ("トーク!C3", "サーバー"),
        ("メモ!B2", "Wi-Fi"),
    ]


def test_corrupt_office_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"cannot read as \.docx"):
        read_segments("s.docx", b"not a zip file", ReadOptions())


def test_unsupported_format_is_one_line_exit_2_and_others_checked(tmp_path: Path) -> None:
    pdf = tmp_path / "script.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    good = tmp_path / "good.txt"
    good.write_text("OP：サーバーです", encoding="utf-8")
    args = ["check", "--isolated", "--no-default-dictionaries", "-d", str(MINI)]
    result = CliRunner().invoke(app, [*args, "--format", "json", str(pdf), str(good)])
    assert result.exit_code == 2
    assert result.stderr == f"jargonlint: error: {pdf}: unsupported format '.pdf'" + (
        " (supported: .txt .text .md .markdown .csv .tsv .docx .xlsx)\n"
    )
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_office_files_are_found_in_folders(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(_docx_bytes())
    (tmp_path / "b.xlsx").write_bytes(_xlsx_bytes())
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    args = ["check", "--isolated", "--no-default-dictionaries", "-d", str(MINI), "--format", "json"]
    result = CliRunner().invoke(app, [*args, str(tmp_path)])
    names = sorted({Path(f["path"]).name for f in json.loads(result.stdout)["findings"]})
    assert names == ["a.docx", "b.xlsx"]
    assert result.exit_code == 1


def test_stdin_filename_picks_the_format() -> None:
    args = ["check", "--isolated", "--no-default-dictionaries", "-d", str(MINI), "--format", "json"]
    result = CliRunner().invoke(
        app, [*args, "--stdin-filename", "draft.md", "-"], input="```\nサーバー\n```\nサーバー\n"
    )
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [4]


def test_xlsx_suppression_in_another_cell_of_the_row(mini_glossary: Glossary) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in [("話者", "セリフ", "備考"), ("担当", "サーバーです", "jargonlint: ignore")]:
        sheet.append(row)
    sheet.append(("担当", "サーバーです", ""))
    out = io.BytesIO()
    book.save(out)
    findings = lint(mini_glossary, "s.xlsx", out.getvalue())
    assert [f.location for f in findings] == ["S!B3"]
