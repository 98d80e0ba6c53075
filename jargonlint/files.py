"""Turn the paths on the command line into the list of script files to check."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jargonlint.reader import SUPPORTED as SCRIPT_SUFFIXES


@dataclass
class Collected:
    """Files to check, in a stable order, and the paths that could not be used."""

    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def collect(paths: list[Path]) -> Collected:
    """Walk directories for script files; a named file is checked whatever its suffix."""
    found = Collected()
    for path in paths:
        if path.is_dir():
            scripts = sorted(_walk(path))
            if not scripts:
                found.errors.append(
                    f"{path}: no script files to check ({', '.join(SCRIPT_SUFFIXES)})"
                )
            found.files.extend(scripts)
        elif path.is_file():
            found.files.append(path)
        elif path.exists():
            found.errors.append(f"{path}: not a regular file")
        else:
            found.errors.append(f"{path}: no such file or directory")
    return found


def _walk(root: Path) -> list[Path]:
    """Script files under root, skipping hidden files and folders (.git, .venv…)
    and the lock files Word and Excel leave beside an open document (~$…)."""
    result = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")):
                continue
            if name.lower().endswith(SCRIPT_SUFFIXES):
                result.append(Path(folder, name))
    return result
