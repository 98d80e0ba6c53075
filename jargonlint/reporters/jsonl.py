"""JSON Lines: one finding per line (the fields of the version 1 contract), streamed.

For tools that read a report as it comes, or split it, without parsing one large
document; the input errors are on stderr.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from jargonlint.api import FileResult
    from jargonlint.reporters import Run


def report(results: Iterable[FileResult], out: TextIO, run: Run) -> None:
    """Each file's findings as soon as that file is done."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for result in results:
        if result.findings:
            out.write("".join(dumps(f.to_dict()) + "\n" for f in result.findings))
            out.flush()
