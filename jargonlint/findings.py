"""The finding: what every reporter prints and what the JSON contract carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")  # most severe first
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(slots=True)
class Finding:
    """A glossary term found in a script, located in the writer's own text.

    Lines and columns are 1-based and count characters of the decoded line;
    ``end_column`` is one past the last character, like ruff and the LSP.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    term: str
    matched: str
    category: str
    severity: str
    rule: str
    explanation: str
    suggestions: tuple[str, ...]
    message: str
    source_line: str = field(default="", compare=False)
    cell: str | None = None  # the column name, for CSV/TSV and Excel scripts
    location: str | None = None  # paragraph or sheet!cell, for Word and Excel scripts

    @property
    def reason(self) -> str:
        """What a one-line report says after the term: why a misuse or a possible
        jargon word is one, else the plain explanation."""
        return self.message if self.rule in ("misuse", "possible-jargon") else self.explanation

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (version 1)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "term": self.term,
            "matched": self.matched,
            "category": self.category,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "explanation": self.explanation,
            "suggestions": list(self.suggestions),
            "cell": self.cell,
            "location": self.location,
        }
