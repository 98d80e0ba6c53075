"""The README's `jargonlint check --format text` examples are what the command prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(
    r"^\$ jargonlint (check --format text [^\n]+)\n((?:[^$`][^\n]*\n)+)", README, re.M
)


def test_the_readme_has_check_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_check_example_is_real(command: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*shlex.split(command), "--isolated"])
    printed = result.stdout.splitlines()
    lines = [line for line in shown.splitlines() if line != "…"]
    assert lines

    def real(line: str) -> bool:  # a line cut short with … must begin a printed one
        if line.endswith("…"):
            return any(p.startswith(line[:-1]) for p in printed)
        return line in printed

    assert [line for line in lines if not real(line)] == []
