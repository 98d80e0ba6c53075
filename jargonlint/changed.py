"""Which lines changed since a git revision, so a legacy script repository can adopt
the linter one edit at a time (``jargonlint check --diff-from REV``).

Only ``git diff -U0``'s hunk headers are read: ``@@ -a,b +c,d @@`` says that lines
c to c+d-1 of the file as it is now were added or changed. Line numbers are the
file's physical lines, which is what findings report for text scripts.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jargonlint.findings import Finding

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_NEW_FILE = re.compile(rb"^\+\+\+ (?:b/(.*?)|/dev/null)\t?$")


class GitError(Exception):
    """git cannot say what changed (not a repository, unknown revision…)."""


@dataclass
class Changes:
    """Changed lines per file (resolved paths); a file in ``whole`` counts as new
    throughout (untracked, or binary such as .docx/.xlsx, where lines mean nothing)."""

    lines: dict[Path, set[int]] = field(default_factory=dict)
    whole: set[Path] = field(default_factory=set)

    def keeps(self, path: str, line: int) -> bool:
        """Whether a finding at this line of this file is on a changed line."""
        resolved = Path(path).resolve()
        return resolved in self.whole or line in self.lines.get(resolved, ())

    def only_changed(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings on lines added or changed since the revision."""
        return [f for f in findings if self.keeps(f.path, f.line)]


def parse(diff: bytes) -> tuple[dict[str, set[int]], set[str]]:
    """Changed new-side lines per path (as git names them) from ``git diff -U0``
    output, and the paths git reports as binary."""
    lines: dict[str, set[int]] = {}
    binary: set[str] = set()
    current: str | None = None
    header = False  # between "diff --git" and the first hunk: where +++ names the file
    for raw in diff.splitlines():
        if raw.startswith(b"diff --git "):
            current, header = None, True
            continue
        new_file = _NEW_FILE.match(raw) if header else None
        if new_file:
            name = new_file.group(1)
            current = name.decode("utf-8", "surrogateescape") if name is not None else None
            if current is not None:
                lines.setdefault(current, set())
            continue
        if raw.startswith(b"Binary files ") and raw.endswith(b" differ"):
            match = re.search(rb" and b/(.*) differ$", raw)
            if match:
                binary.add(match.group(1).decode("utf-8", "surrogateescape"))
            continue
        hunk = _HUNK.match(raw)
        if hunk:
            header = False
        if hunk and current is not None:
            start = int(hunk.group(1))
            count = 1 if hunk.group(2) is None else int(hunk.group(2))
            lines[current].update(range(start, start + count))
    return lines, binary


def changes_since(revision: str, paths: Iterable[Path], cwd: Path | None = None) -> Changes:
    """Lines of these files added or changed since ``revision`` (working tree
    against the revision, as a pre-commit hook sees the staged files)."""
    files = [p.resolve() for p in paths]
    where = cwd or Path.cwd()
    root = Path(_git(["rev-parse", "--show-toplevel"], where).decode().strip())
    _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], where, revision)
    args = ["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff"]
    args += ["--no-renames", "--src-prefix=a/", "--dst-prefix=b/", revision, "--"]
    diff = _git([*args, *map(str, files)], where)
    lines, binary = parse(diff)
    tracked_output = _git(["ls-files", "-z", "--full-name", "--", *map(str, files)], where)
    tracked = {(root / name.decode()).resolve() for name in tracked_output.split(b"\0") if name}
    result = Changes()
    for name, numbers in lines.items():
        result.lines[(root / name).resolve()] = numbers
    result.whole = {(root / name).resolve() for name in binary}
    result.whole |= {f for f in files if f not in tracked and f.is_file()}
    return result


def _git(args: list[str], cwd: Path, revision: str | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        if revision is not None:
            raise GitError(f"unknown git revision {revision!r}")
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout
