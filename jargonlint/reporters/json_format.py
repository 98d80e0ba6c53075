"""The JSON report: a stable contract (version 1) for tools and the evaluation."""

from __future__ import annotations

import json
from typing import TextIO

from jargonlint.findings import Finding, count_by_severity

VERSION = 1


def report(findings: list[Finding], files_checked: int, errors: list[str], out: TextIO) -> None:
    """Write the whole report as one JSON document."""
    document = {
        "version": VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": {"files": files_checked, **count_by_severity(findings), "errors": len(errors)},
        "errors": errors,
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
