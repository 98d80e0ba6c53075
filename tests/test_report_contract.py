"""Reports stay byte for byte what tools already parse.

The golden files were written by the CLI before reports became a registry and
began streaming; a change to them is a change to a contract (JSON version 1) or
to what editors' problem matchers read, and must be deliberate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = FIXTURES / "golden"
# A folder of scripts in several formats, encodings and line endings, with a binary
# file (skipped), an undecodable one and a missing path (both errors).
_BASE = ["check", "--isolated", "--no-default-dictionaries", "-d", "mini.yaml", "run"]
ARGS = [*_BASE, "run/missing.txt"]


@pytest.mark.parametrize("output_format", ["json", "text", "github"])
def test_report_matches_golden(output_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(app, [*ARGS, "--format", output_format])
    assert result.exit_code == 2
    expected = (GOLDEN / f"report.{output_format}").read_bytes()
    assert result.stdout_bytes == expected
