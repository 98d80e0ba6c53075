"""Safe fixes (--fix, --fix=replace, --diff): the right edit in the right place, and
every other byte of the file exactly as it was, whatever its encoding and format."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint import fix
from jargonlint.api import SourceText
from jargonlint.cli import app
from jargonlint.glossary import Entry, Source, load_entries

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parent.parent / "scripts_samples"
ARGS = ["--no-default-dictionaries", "--dictionary", str(FIXTURES / "fix.yaml"), "--isolated"]
RINGI = "稟議（社内で承認をもらう手続き）"
# 0xED40 is a CP932 code (NEC-selected IBM extension) that decodes to U+7E8A, which
# encodes back as 0xFA5C: a decode/encode round trip would change this byte pair.
NEC_PAIR = b"\xed\x40"


def check(*args: str):
    return CliRunner().invoke(app, ["check", *ARGS, *args])


def findings(path: Path) -> list[dict]:
    result = check("--format", "json", str(path))
    return json.loads(result.stdout)["findings"]


def write(path: Path, lines: list[str], encoding="utf-8", newline="\n", bom=b"") -> bytes:
    data = bom + newline.join(lines).encode(encoding) + newline.encode(encoding)
    path.write_bytes(data)
    return data


SCRIPT = [
    "【本題】",
    "お客様：稟議はいつですか。",  # the customer's line comes first: never edited
    "OP：社内で稟議にかけてから、お返事いたします。",
    "OP：稟議が通りましたら、ご連絡いたします。",  # a later use: stays as it is
]
FIXED = [SCRIPT[0], SCRIPT[1], SCRIPT[2].replace("稟議", RINGI), SCRIPT[3]]


@pytest.mark.parametrize(
    ("name", "encoding", "newline", "bom"),
    [
        ("utf8.txt", "utf-8", "\n", b""),
        ("bom.txt", "utf-8", "\n", codecs.BOM_UTF8),
        ("sjis.txt", "cp932", "\r\n", b""),
        ("script.md", "utf-8", "\n", b""),
    ],
)
def test_explain_keeps_every_other_byte(tmp_path, name, encoding, newline, bom):
    path = tmp_path / name
    write(path, SCRIPT, encoding, newline, bom)
    result = check("--fix", "--format", "json", str(path))
    assert result.exit_code == 0, result.output  # what is left is info only
    assert path.read_bytes() == bom + newline.join(FIXED).encode(encoding) + newline.encode(
        encoding
    )


def test_cp932_bytes_that_do_not_round_trip_stay(tmp_path):
    path = tmp_path / "nec.txt"
    head = "OP：社内で稟議にかけます。\r\n".encode("cp932")
    tail = b"OP:\x82\xa0" + NEC_PAIR + b"\r\n"  # あ and an NEC-selected kanji
    path.write_bytes(head + tail)
    assert check("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == head.replace("稟議".encode("cp932"), RINGI.encode("cp932")) + tail


def test_after_a_fix_the_term_is_explained_everywhere(tmp_path):
    path = tmp_path / "s.txt"
    write(path, SCRIPT)
    before = {(f["line"], f["rule"]) for f in findings(path)}
    assert before == {(3, "jargon"), (4, "jargon")}
    check("--fix", str(path))
    after = findings(path)
    assert {(f["line"], f["rule"], f["severity"]) for f in after} == {
        (3, "explained", "info"),
        (4, "explained", "info"),
    }


def test_fix_again_changes_nothing(tmp_path):
    path = tmp_path / "s.txt"
    write(path, SCRIPT)
    check("--fix", str(path))
    once = path.read_bytes()
    result = check("--diff", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert path.read_bytes() == once


def test_diff_shows_and_writes_nothing(tmp_path):
    path = tmp_path / "s.txt"
    data = write(path, SCRIPT, "cp932", "\r\n")
    result = check("--diff", str(path))
    assert result.exit_code == 1
    assert path.read_bytes() == data
    assert f"--- a/{path}" in result.stdout
    assert f"-{SCRIPT[2]}\n+{FIXED[2]}\n" in result.stdout
    assert "would fix 1 term(s) in 1 file(s)" in result.stderr


def test_gloss_comes_from_the_entry_then_a_short_explanation_then_say_instead():
    entries = {e.term: e for e in _entries()}
    assert fix.gloss(entries["稟議"]) == "社内で承認をもらう手続き"  # gloss: given
    assert fix.gloss(entries["ペンディング"]) == "決めるのをいったん止めておくこと"
    assert fix.gloss(entries["リスケ"]) == "日にちの変更"  # explanation is no noun phrase


def test_explain_puts_the_bracket_after_the_compound_the_term_begins(tmp_path):
    path = tmp_path / "s.txt"
    write(path, ["OP：稟議書をお送りします。", "OP：稟議が通りましたら、ご連絡いたします。"])
    result = check("--fix", str(path))
    assert result.exit_code == 0, result.output  # what was fixed now reads as explained
    assert path.read_text(encoding="utf-8").splitlines() == [
        "OP：稟議書（社内で承認をもらう手続き）をお送りします。",
        "OP：稟議が通りましたら、ご連絡いたします。",  # explained above: left alone
    ]


def test_misuse_is_never_fixed(tmp_path):
    path = tmp_path / "s.txt"
    data = write(path, ["OP：最終的な決裁はいつ頃でしょうか。"])
    for mode in ("--fix", "--fix=replace"):
        result = check(mode, str(path))
        assert "決裁: not fixed (a misuse: needs a person to rewrite)" in result.stderr
        assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("OP：この件はペンディングにいたします。", "OP：この件は保留にいたします。"),
        ("OP：ペンディング、でございます。", "OP：保留、でございます。"),
        ("OP：明日をリスケさせてください。", None),  # before させて: a verb
        ("OP：ペンディングいたします。", None),  # before いたし
        ("OP：ペンディングする案件です。", None),  # before する
        ("OP：ペンディング案件です。", None),  # part of a longer word
        ("OP：社内で稟議にかけます。", None),  # not marked replace_safe
    ],
)
def test_replace_only_where_safe(tmp_path, line, fixed):
    path = tmp_path / "s.txt"
    data = write(path, [line])
    check("--fix=replace", str(path))
    if fixed is None:
        assert path.read_bytes() == data
    else:
        assert path.read_text(encoding="utf-8") == fixed + "\n"


def test_replace_never_touches_a_customer_line(tmp_path):
    path = tmp_path / "s.txt"
    data = write(path, ["お客様：ペンディングにしてください。"])
    result = check("--fix=replace", "--speakers", "all", str(path))
    assert path.read_bytes() == data
    assert "fixed 0 term(s)" in result.stderr


def test_csv_keeps_quoting_valid(tmp_path):
    path = tmp_path / "s.csv"
    rows = [
        "話者,セリフ,備考",
        '担当,"新しいスキームを、ご用意しております。",引用あり',
        "担当,別のスキームもございます。,引用なし",
        '担当,"稟議は""社内""の手続きです。",',
    ]
    data = write(path, rows, newline="\r\n")
    result = check("--fix=replace", str(path))
    assert "the cell would need quoting" in result.stderr  # the unquoted cell: left alone
    new = path.read_bytes()
    assert new == data.replace("新しいスキーム".encode(), "新しい仕組み,計画".encode())
    cells = list(csv.reader(io.StringIO(new.decode("utf-8"))))
    assert cells[1] == ["担当", "新しい仕組み,計画を、ご用意しております。", "引用あり"]
    check("--fix", str(path))
    cells = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert cells[3][1] == f'{RINGI}は"社内"の手続きです。'
    assert [len(row) for row in cells] == [3, 3, 3, 3]


def test_word_and_excel_files_are_reported_not_touched(tmp_path):
    for sample in ("denki_kirikae_kojin.docx", "hikari_houjin.xlsx"):
        path = tmp_path / sample
        shutil.copy(SAMPLES / sample, path)
        before = path.read_bytes()
        result = CliRunner().invoke(app, ["check", "--isolated", "--fix", str(path)])
        assert "Word and Excel files are reported, never rewritten" in result.stderr
        assert path.read_bytes() == before


def test_write_keeps_permissions_and_symlinks(tmp_path):
    path = tmp_path / "s.txt"
    write(path, SCRIPT)
    path.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    check("--fix", str(link))
    assert link.is_symlink()
    assert path.read_text(encoding="utf-8").splitlines() == FIXED
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "s.txt"]  # no temp left


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "s.txt"
    data = write(path, SCRIPT)

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = check("--fix", str(path))
    assert result.exit_code == 2
    assert "cannot write the fix (No space left on device)" in result.stderr
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["s.txt"]


def test_bytes_that_are_not_the_decoded_text_are_refused():
    source = SourceText("OP：稟議", "utf-8")
    with pytest.raises(fix.FixError):
        fix.apply_bytes("OP：稟議です".encode(), source, [])


def test_fixing_standard_input_needs_diff():
    result = CliRunner().invoke(
        app, ["check", *ARGS, "--fix", "-"], input="OP：社内で稟議にかけます。\n".encode()
    )
    assert result.exit_code == 2
    assert "use --diff" in result.stderr


def _entries() -> list[Entry]:
    text = (FIXTURES / "fix.yaml").read_text(encoding="utf-8")
    entries, problems = load_entries([Source("fix.yaml", text)])
    assert problems == []
    return entries


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("gloss", "とても長い説明で二十文字をはっきりと超えてしまう言葉", "at most 20"),
        ("gloss", "承認（社内）", "without brackets"),
        ("replace_safe", "maybe", "replace_safe must be true or false"),
    ],
)
def test_glossary_checks_the_fix_fields(field, value, message):
    text = (
        "- term: 稟議\n  reading: りんぎ\n  category: business\n  avoid_for: all\n"
        "  explanation: 手続きです。\n  say_instead: [承認]\n  example: 稟議です。\n"
        f"  {field}: {value}\n"
    )
    _, problems = load_entries([Source("x.yaml", text)])
    assert any(message in p.message for p in problems)


def test_readme_diff_example_is_what_the_command_prints(monkeypatch):
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = "$ jargonlint check --diff scripts_samples/kyuujin_teleapo_houjin.md\n"
    shown = readme.split(command, 1)[1].split("````", 1)[0]
    monkeypatch.chdir(root)
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--diff", "scripts_samples/kyuujin_teleapo_houjin.md"]
    )
    assert result.exit_code == 1
    assert result.stdout == shown


def test_fixes_what_fails_the_check_only(tmp_path):
    path = tmp_path / "s.txt"
    data = write(path, ["OP：最終的な決裁はいつ頃でしょうか。"])
    check("--fix", "--audience", "business", str(path))  # info for a company: not fixed
    assert path.read_bytes() == data
    check("--fix", "--audience", "business", "--fail-on", "info", str(path))
    assert path.read_text(encoding="utf-8") == "OP：最終的な決裁（ご判断）はいつ頃でしょうか。\n"


def test_output_file_format_follows_its_name(tmp_path):
    path = tmp_path / "s.txt"
    write(path, SCRIPT)
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.txt", str(path))):
        out = tmp_path / name
        result = check("-o", str(out), str(path))
        assert result.exit_code == 1 and result.stdout == ""
        assert out.read_text(encoding="utf-8").startswith(start)
