"""Limits on what one input may cost, so that no file can hang or exhaust a run.

A script is a few hundred kilobytes at most; a 5 KB spreadsheet that declares
a million rows, a zip bomb or a file that never ends must not take the machine
down with it. Each limit is far above any real script and can be raised (the
``--limit NAME=VALUE`` option, or ``[tool.jargonlint.limits]``); exceeding one
is an input error for that file alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from jargonlint.decoding import InputError
from jargonlint.lazy_pattern import LazyPattern

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": KiB, "m": 1000**2, "mb": 1000**2}
_UNITS |= {"mib": MiB, "g": 1000**3, "gb": 1000**3, "gib": GiB}
_SIZE = LazyPattern(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*\Z", re.IGNORECASE)
_COUNT = LazyPattern(r"\s*(\d[\d_,]*)\s*\Z")


class LimitError(InputError):
    """One input is over a limit; the message names the limit and how to raise it."""


@dataclass(frozen=True)
class Limits:
    """The largest input of each kind that is checked."""

    file_size: int = 16 * MiB  # bytes of a file as stored
    line_length: int = 1_000_000  # characters of one line (or one cell's line)
    office_size: int = 64 * MiB  # bytes of a .docx/.xlsx once unzipped
    cells: int = 1_000_000  # cells of one .xlsx workbook, empty ones included
    paragraphs: int = 200_000  # paragraphs (and table cells) of one .docx

    def check(self, name: str, actual: int, *, known: bool = True, where: str = "") -> None:
        """Raise LimitError when ``actual`` is over the limit called ``name``
        (``known=False``: reading stopped there, the true amount is not known;
        ``where``: the line or cell, named first)."""
        limit = getattr(self, name)
        if actual > limit:
            amount = f" {_show(name, actual)}" if known else ""
            place = f"{where}: " if where else ""
            raise LimitError(
                f"{place}{_DESCRIPTIONS[name]}{amount} is over the limit of "
                f"{_show(name, limit)} (raise it with --limit {option_name(name)}=N "
                f"or limits.{name} in the settings)"
            )


_DESCRIPTIONS = {
    "file_size": "file size",
    "line_length": "line length",
    "office_size": "unzipped size",
    "cells": "number of cells",
    "paragraphs": "number of paragraphs",
}
_SIZES = ("file_size", "office_size")
NAMES = tuple(f.name for f in fields(Limits))


def option_name(name: str) -> str:
    """file_size → file-size, as the option spells it."""
    return name.replace("_", "-")


def _show(name: str, value: int) -> str:
    if name in _SIZES:
        for unit, size in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
            if value >= size:
                return f"{value / size:.4g} {unit}"
        return f"{value} bytes"
    if name == "line_length":
        return f"{value:,} characters"
    return f"{value:,}"


def parse_value(name: str, value: Any) -> int:
    """A limit's value as written: a whole number, or for sizes 500KB, 32MiB, 1GB…"""
    if isinstance(value, bool):
        raise ValueError(f"limit {name} must be a number, not {value!r}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        match = (_SIZE if name in _SIZES else _COUNT).match(value)
        unit = match[2].lower() if match and name in _SIZES else ""
        if match is None or unit not in _UNITS:
            kind = "a size such as 32MiB" if name in _SIZES else "a whole number"
            raise ValueError(f"limit {name} must be {kind}, not {value!r}")
        digits = match[1].replace("_", "").replace(",", "")
        number = int(float(digits) * _UNITS[unit])
    else:
        raise ValueError(f"limit {name} must be a number, not {value!r}")
    if number < 1:
        raise ValueError(f"limit {name} must be at least 1, not {value!r}")
    return number


def with_values(limits: Limits, values: dict[str, Any]) -> Limits:
    """Limits with some raised or lowered; names may use - or _ (file-size, file_size)."""
    changes = {}
    for raw_name, value in values.items():
        name = raw_name.strip().replace("-", "_")
        if name not in NAMES:
            known = ", ".join(option_name(n) for n in NAMES)
            raise ValueError(f"unknown limit {raw_name!r} (known: {known})")
        changes[name] = parse_value(name, value)
    return replace(limits, **changes)


def parse_options(limits: Limits, options: list[str]) -> Limits:
    """Apply ``--limit NAME=VALUE`` options."""
    values = {}
    for option in options:
        name, equals, value = option.partition("=")
        if not equals:
            raise ValueError(f"--limit needs NAME=VALUE (e.g. file-size=64MiB), not {option!r}")
        values[name] = value
    return with_values(limits, values)
