"""Limits: how they are written in settings and options, and what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint.config import ConfigError, load_config
from jargonlint.limits import LimitError, Limits, parse_options, parse_value, with_values


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("file_size", 1000, 1000),
        ("file_size", "64MiB", 64 * 1024**2),
        ("file_size", "1.5 GB", 1_500_000_000),
        ("office_size", "500kb", 500_000),
        ("office_size", "2048", 2048),
        ("cells", "2_000_000", 2_000_000),
        ("line_length", "1,000,000", 1_000_000),
    ],
)
def test_values(name: str, value: object, expected: int) -> None:
    assert parse_value(name, value) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [("file_size", "lots"), ("file_size", "5 parsecs"), ("cells", "1MiB"), ("cells", 0),
     ("cells", True), ("paragraphs", 1.5), ("line_length", "-3")],
)  # fmt: skip
def test_bad_values(name: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"limit {name} must be"):
        parse_value(name, value)


def test_options_use_dashes_or_underscores() -> None:
    limits = parse_options(Limits(), ["file-size=1MiB", "line_length=10"])
    assert (limits.file_size, limits.line_length, limits.cells) == (1024**2, 10, Limits().cells)
    with pytest.raises(ValueError, match="unknown limit 'speed'"):
        parse_options(Limits(), ["speed=3"])
    with pytest.raises(ValueError, match="needs NAME=VALUE"):
        parse_options(Limits(), ["file-size"])


def test_message_names_the_limit_and_how_to_raise_it() -> None:
    with pytest.raises(LimitError) as caught:
        Limits(paragraphs=10).check("paragraphs", 11, where="s.docx")
    assert str(caught.value) == (
        "s.docx: number of paragraphs 11 is over the limit of 10 "
        "(raise it with --limit paragraphs=N or limits.paragraphs in the settings)"
    )
    Limits(paragraphs=10).check("paragraphs", 10)  # at the limit is fine


def test_settings_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.jargonlint.limits]\nfile_size = "1GiB"\ncells = 5\n', encoding="utf-8")
    config = load_config(path)
    assert config.limits == with_values(Limits(), {"file_size": 1024**3, "cells": 5})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("limits = 3", "limits must be a table"),
        ("[limits]\nfile_size = 'huge'", "limit file_size must be a size"),
        ("[limits]\nrows = 3", "unknown limit 'rows'"),
    ],
)
def test_bad_settings(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / ".jargonlint.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)
