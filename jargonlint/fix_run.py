"""Fixes during a check run: plan each file's edits, then show a diff or write.

The planning check always reads the agent's spoken lines only, whatever the
report's own settings, so that a fix never lands in a customer's line, a heading
or a note. It is one more Checker, built from the run's settings with
speakers="agent" and include_unspoken=False.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePath

from jargonlint import fix
from jargonlint.api import Checker
from jargonlint.changed import Changes
from jargonlint.findings import SEVERITY_RANK, Finding


class FixRun:
    """Fixes for every file of one run, and what to tell the writer about them."""

    def __init__(self, checker: Checker, mode: fix.Mode, dry: bool, least: str = "warning") -> None:
        """``checker``: the run's own; the fixes are planned with a copy that reads the
        agent's spoken lines only and looks for glossary terms only."""
        settings = replace(
            checker.settings, speakers="agent", include_unspoken=False, possible_jargon="off"
        )
        self._checker = Checker.from_settings(settings, glossary=checker.glossary)
        self._entries = {e.term: e for e in checker.entries}
        self.mode = mode
        self.dry = dry  # --diff: show, never write
        self.least = least  # the least severe finding to fix: --fail-on's, or warning
        self.diffs: list[str] = []
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.fixed = 0
        self.files = 0

    def fix(
        self,
        name: str,
        data: bytes,
        changes: Changes | None = None,
        stdin: bool = False,
        reported: Iterable[Finding] = (),
    ) -> bytes | None:
        """The file's new bytes when there is something to fix (written unless dry),
        else None. ``reported``: the check's findings, to say when a Word or Excel
        file has something a fix would have touched."""
        if PurePath(name).suffix.lower() in fix.UNWRITABLE_SUFFIXES:
            least = SEVERITY_RANK[self.least]
            if any(SEVERITY_RANK[f.severity] >= least for f in reported):
                self.notes.append(f"{name}: Word and Excel files are reported, never rewritten")
            return None
        result = self._checker.check_bytes(name, data)
        source = result.source
        if not result.checked or source is None:
            return None  # the check itself has reported it
        findings = result.findings
        if changes is not None:
            findings = changes.only_changed(findings)
        delimiter = fix.delimiter_for(name)
        planned = fix.plan(source.text, findings, self._entries, self.mode, delimiter, self.least)
        for skipped in planned.skipped:
            if skipped.reason.startswith("no replacement"):
                continue  # most entries: not worth a line each
            where = skipped.finding.location or skipped.finding.line
            self.notes.append(
                f"{name}:{where}:{skipped.finding.column}: {skipped.finding.term}: "
                f"not fixed ({skipped.reason})"
            )
        if not planned.edits:
            return None
        try:
            new = fix.apply_bytes(data, source, planned.edits)
        except fix.FixError as exc:
            self.errors.append(f"{name}: not fixed: {exc}")
            print(f"jargonlint: error: {self.errors[-1]}", file=sys.stderr)
            return None
        if self.dry:
            after = fix.apply(source.text, planned.edits)
            self.diffs.append(fix.unified_diff(name, source.text, after))
        elif stdin:
            self.errors.append(f"{name}: standard input cannot be fixed in place; use --diff")
            print(f"jargonlint: error: {self.errors[-1]}", file=sys.stderr)
            return None
        else:
            try:
                fix.write_atomic(Path(name), new)
            except OSError as exc:
                self.errors.append(f"{name}: cannot write the fix ({exc.strerror})")
                print(f"jargonlint: error: {self.errors[-1]}", file=sys.stderr)
                return None
        self.fixed += len(planned.edits)
        self.files += 1
        return new

    def summarize(self) -> None:
        """Notes and a one-line count on stderr, so stdout stays the report or diff."""
        for note in self.notes:
            print(f"jargonlint: note: {note}", file=sys.stderr)
        verb = "would fix" if self.dry else "fixed"
        print(
            f"jargonlint: {verb} {self.fixed} term(s) in {self.files} file(s) "
            f"(--fix={self.mode.value})",
            file=sys.stderr,
        )
