"""Turn the paths on the command line into the list of script files to check, and
read them without ever blocking on a FIFO or reading a device without end."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from jargonlint.decoding import InputError
from jargonlint.limits import Limits
from jargonlint.reader import SUPPORTED as SCRIPT_SUFFIXES

_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SPECIAL = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass
class Collected:
    """Files to check, in a stable order, and the paths that could not be used."""

    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def display_name(path: Path | str) -> str:
    """A file name as reports print it: bytes that are not UTF-8 as \\xNN and control
    characters escaped, so a name can neither break a JSON document nor split a
    one-line finding in two."""
    try:
        raw = os.fsencode(path)
    except (UnicodeError, TypeError):
        raw = str(path).encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


def collect(paths: list[Path]) -> Collected:
    """Walk directories for script files; a named file is checked whatever its suffix."""
    found = Collected()
    for path in paths:
        if path.is_dir():
            errors: list[str] = []
            scripts = sorted(_walk(path, errors))
            found.errors.extend(errors)
            if not scripts and not errors:
                found.errors.append(
                    f"{display_name(path)}: no script files to check ({', '.join(SCRIPT_SUFFIXES)})"
                )
            found.files.extend(scripts)
        elif path.is_file():
            found.files.append(path)
        elif path.exists():
            found.errors.append(f"{display_name(path)}: not a regular file")
        else:
            found.errors.append(f"{display_name(path)}: no such file or directory")
    return found


def _walk(root: Path, errors: list[str]) -> list[Path]:
    """Script files under root, skipping hidden files and folders (.git, .venv…)
    and the lock files Word and Excel leave beside an open document (~$…).
    A folder that cannot be listed and a script name that is not a regular file
    (a FIFO, a link to /dev/zero) are errors, never read."""

    def unreadable(exc: OSError) -> None:
        errors.append(f"{display_name(exc.filename or root)}: cannot read folder ({exc.strerror})")

    result = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")) or not name.lower().endswith(SCRIPT_SUFFIXES):
                continue
            path = Path(folder, name)
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                errors.append(f"{display_name(path)}: cannot read ({exc.strerror})")
                continue
            if stat.S_ISREG(mode):
                result.append(path)
            else:
                errors.append(f"{display_name(path)}: not a regular file ({_kind(mode)}), skipped")
    return result


def _kind(mode: int) -> str:
    return next((name for test, name in _SPECIAL if test(mode)), "not a file")


def read_file(path: Path, limits: Limits) -> bytes:
    """A regular file's bytes, refusing anything else and anything over the size limit.

    Opened without blocking, so a FIFO put in place of a file cannot hang the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"not a regular file ({_kind(info.st_mode)})")
            limits.check("file_size", info.st_size)
            # Asking for the size the file has (plus one byte, to see it grow) spares
            # allocating a buffer of the whole limit for every file.
            data = file.read(info.st_size + 1)
            if len(data) <= info.st_size:
                return data
            data += file.read(limits.file_size + 1 - len(data))  # it grew: as read_stream
            limits.check("file_size", len(data), known=False)
            return data
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})") from None


def read_stream(stream: BinaryIO, limits: Limits) -> bytes:
    """Up to the file-size limit from a stream (standard input, a growing file)."""
    data = stream.read(limits.file_size + 1)
    limits.check("file_size", len(data), known=False)
    return data
