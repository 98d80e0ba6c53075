"""Suppression comments, like ruff's noqa: for terms a writer has decided to keep.

- ``jargonlint: ignore`` or ``jargonlint: ignore[稟議,ONU]`` at the end of a line
  applies to that line; on a line with nothing to lint (a ※ note, an HTML
  comment in Markdown) it applies to the next line that has something.
- ``jargonlint: disable`` (optionally ``[terms]``) … ``jargonlint: enable``
  covers the lines in between.
A suppression that suppressed nothing is reported (info), so stale ones get
cleaned up.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from jargonlint.lazy_pattern import LazyPattern

DIRECTIVE = LazyPattern(
    r"(?:<!--\s*)?jargonlint\s*[:：]\s*(ignore|disable|enable)\b(?:\s*\[([^\]]*)\])?(?:\s*-->)?",
    re.IGNORECASE,
)
_TERM_SEPARATORS = LazyPattern("[,、，\\s]+")
_HINT = re.compile("jargonlint", re.IGNORECASE)


@dataclass
class Directive:
    """One suppression comment, where it is and what it has done."""

    action: str  # ignore | disable | enable
    names: tuple[str, ...] | None  # the terms as written; None: every term
    line: int
    start: int  # 0-based [start, end) in the physical line
    end: int
    group: int  # index of the line (group of segments) the comment is on
    target: int = -1  # ignore: the group it applies to; disable: first group covered
    until: int = -1  # disable: last group covered
    terms: dict[str, str] = field(default_factory=dict)  # name as written → headword
    used: set[str] = field(default_factory=set)  # headwords suppressed, or "*"

    def covers(self, term: str) -> bool:
        return self.names is None or term in self.terms.values()

    def mark_used(self, term: str) -> None:
        self.used.add("*" if self.names is None else term)

    @property
    def unused_names(self) -> list[str]:
        """The names that suppressed nothing (["*"] for a bare directive)."""
        if self.names is None:
            return [] if self.used else ["*"]
        return [n for n in self.names if self.terms.get(n) not in self.used]


def mentioned(line_texts: Iterable[str]) -> bool:
    """Whether any line may hold a directive: one search instead of one per line."""
    return _HINT.search("\n".join(line_texts)) is not None


def parse(line_text: str, line: int, group: int) -> list[Directive]:
    """Every directive on one physical line."""
    found = []
    for match in DIRECTIVE.finditer(line_text):
        listed = match[2]
        names = None
        if listed is not None and listed.strip():
            names = tuple(n for n in _TERM_SEPARATORS.split(listed.strip()) if n)
        found.append(Directive(match[1].lower(), names, line, match.start(), match.end(), group))
    return found


def resolve(directives: list[Directive], lintable_groups: list[int], last_group: int) -> None:
    """Work out which groups each directive applies to."""
    open_blocks: list[Directive] = []
    for directive in directives:
        if directive.action == "ignore":
            at = bisect.bisect_left(lintable_groups, directive.group)
            directive.target = lintable_groups[at] if at < len(lintable_groups) else -1
        elif directive.action == "disable":
            directive.target = directive.group
            directive.until = last_group
            open_blocks.append(directive)
        else:  # enable closes every open block
            for block in open_blocks:
                block.until = directive.group
            open_blocks.clear()


def suppressing(directives: list[Directive], group: int, term: str) -> list[Directive]:
    """The directives that suppress a finding of this term (headword) in this group."""
    return [
        d
        for d in directives
        if d.action != "enable"
        and d.covers(term)
        and (
            (d.action == "ignore" and d.target == group)
            or (d.action == "disable" and d.target <= group <= d.until)
        )
    ]
