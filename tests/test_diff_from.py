"""--diff-from REV: only findings on lines added or changed since a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.changed import parse
from jargonlint.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parent.parent / "scripts_samples"
ARGS = ["--no-default-dictionaries", "--dictionary", str(FIXTURES / "fix.yaml"), "--isolated"]
OLD = [
    "OP：社内で稟議にかけます。",
    "OP：この件はペンディングです。",
    "OP：ありがとうございます。",
]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "a.txt").write_text("\n".join(OLD) + "\n", encoding="utf-8")
    (tmp_path / "scripts" / "same.txt").write_text(OLD[0] + "\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def found(*args: str) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(app, ["check", *ARGS, "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return [
        (Path(f["path"]).name, f["line"], f["term"]) for f in json.loads(result.stdout)["findings"]
    ]


def test_only_changed_and_added_lines(repo: Path):
    new = [OLD[0], "OP：この件はまだペンディングです。", OLD[2], "OP：リスケをお願いします。"]
    (repo / "scripts" / "a.txt").write_text("\n".join(new) + "\n", encoding="utf-8")
    assert found("scripts") == [
        ("a.txt", 1, "稟議"),
        ("a.txt", 2, "ペンディング"),
        ("a.txt", 4, "リスケ"),
        ("same.txt", 1, "稟議"),
    ]
    assert found("--diff-from", "HEAD", "scripts") == [
        ("a.txt", 2, "ペンディング"),
        ("a.txt", 4, "リスケ"),
    ]


def test_an_untracked_file_is_new_throughout(repo: Path):
    (repo / "scripts" / "new.txt").write_text(OLD[0] + "\n", encoding="utf-8")
    assert found("--diff-from", "HEAD", "scripts") == [("new.txt", 1, "稟議")]


def test_a_changed_word_file_counts_as_changed_throughout(repo: Path):
    shutil.copy(SAMPLES / "denki_kirikae_kojin.docx", repo / "scripts" / "d.docx")
    result = CliRunner().invoke(
        app, ["check", "--isolated", "--format", "json", "--diff-from", "HEAD", "scripts"]
    )
    paths = {Path(f["path"]).name for f in json.loads(result.stdout)["findings"]}
    assert paths == {"d.docx"}


def test_since_an_older_revision(repo: Path):
    (repo / "scripts" / "a.txt").write_text(
        "\n".join([*OLD, "OP：リスケをお願いします。"]) + "\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "second")
    assert found("--diff-from", "HEAD", "scripts") == []
    assert found("--diff-from", "HEAD~1", "scripts") == [("a.txt", 4, "リスケ")]


def test_fix_with_diff_from_edits_only_changed_lines(repo: Path):
    path = repo / "scripts" / "a.txt"
    path.write_text("\n".join([*OLD, "OP：稟議の結果をお待ちします。"]) + "\n", encoding="utf-8")
    CliRunner().invoke(app, ["check", *ARGS, "--fix", "--diff-from", "HEAD", str(path)])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == OLD
    assert lines[3] == "OP：稟議（社内で承認をもらう手続き）の結果をお待ちします。"


def test_unknown_revision_is_one_line_and_exit_2(repo: Path):
    result = CliRunner().invoke(app, ["check", *ARGS, "--diff-from", "nosuchrev", "scripts"])
    assert result.exit_code == 2
    assert result.stderr == "jargonlint: error: --diff-from: unknown git revision 'nosuchrev'\n"


def test_outside_a_repository_is_one_line_and_exit_2(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(OLD[0], encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = CliRunner().invoke(app, ["check", *ARGS, "--diff-from", "HEAD", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("jargonlint: error: --diff-from: git ")
    assert len(result.stderr.splitlines()) == 1


def test_parse_reads_hunk_headers_only():
    diff = (
        b"diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n"
        b"@@ -2 +2 @@\n-old\n+new\n@@ -5,0 +6,2 @@\n"
        b"+@@ -1 +99 @@ looks like a hunk\n+++ b/evil.txt\n"
        b"@@ -9,3 +10,0 @@\n-gone\n-gone\n-gone\n"
        b"diff --git a/y.docx b/y.docx\nBinary files a/y.docx and b/y.docx differ\n"
        b"diff --git a/z.txt b/z.txt\ndeleted file mode 100644\n--- a/z.txt\n+++ /dev/null\n"
        b"@@ -1 +0,0 @@\n-z\n"
    )
    lines, binary = parse(diff)
    assert lines == {"x.txt": {2, 6, 7}}
    assert binary == {"y.docx"}


def test_standard_input_is_new_throughout(repo: Path):
    result = CliRunner().invoke(
        app,
        ["check", *ARGS, "-f", "json", "--diff-from", "HEAD", "-"],
        input=(OLD[0] + "\n").encode(),
    )
    assert [f["term"] for f in json.loads(result.stdout)["findings"]] == ["稟議"]
