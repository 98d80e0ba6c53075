"""A progress bar on stderr for long runs at a terminal: files done and findings so far.

It appears only once a run has taken about a second, so that the usual quick
run prints nothing extra, and never when stderr is not a terminal (CI logs,
pipes) or the user asked for quiet. It draws only when a file is done, without
a refresh thread of its own.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from jargonlint.api import FileResult

DELAY = 1.0  # seconds before the bar appears
_REDRAW = 0.1  # seconds between redraws


class ProgressBar:
    """Counts results as they pass and shows them once the run is slow enough."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and sys.stderr.isatty()
        self._started = time.monotonic()
        self._drawn = 0.0
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self.files = 0
        self.findings = 0

    def track(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Pass the results through, counting them; the bar closes at the end."""
        try:
            for result in results:
                self.files += 1
                self.findings += len(result.findings)
                self._show()
                yield result
        finally:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None

    def console(self) -> Console | None:
        """The bar's console while it is shown, so messages print above it."""
        return self._bar.console if self._bar is not None else None

    def _show(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self._bar is None:
            if now - self._started < DELAY or self.files >= self.total:
                return
            self._start()
        elif now - self._drawn < _REDRAW and self.files < self.total:
            return
        assert self._bar is not None and self._task is not None
        self._bar.update(self._task, completed=self.files, description=f"{self.findings} 件の指摘")
        self._bar.refresh()
        self._drawn = now

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("ファイル"),
            console=Console(stderr=True),
            auto_refresh=False,
            transient=True,
        )
        self._task = self._bar.add_task("", total=self.total)
        self._bar.start()
