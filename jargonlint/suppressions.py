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
from dataclasses import dataclass, field

from jargonlint.glossary import form_key

DIRECTIVE = re.compile(
    r"(?:<!--\s*)?jargonlint\s*[:：]\s*(ignore|disable|enable)\b(?:\s*\[([^\]]*)\])?(?:\s*-->)?",
    re.IGNORECASE,
)
_TERM_SEPARATORS = re.compile("[,、，\\s]+")


@dataclass
class Directive:
    """One suppression comment, where it is and what it has done."""

    action: str  # ignore | disable | enable
    terms: frozenset[str] | None  # folded term names; None: every term
    line: int
    start: int  # 0-based [start, end) in the physical line
    end: int
    group: int  # index of the line (group of segments) the comment is on
    target: int = -1  # ignore: the group it applies to; disable: first group covered
    until: int = -1  # disable: last group covered
    used: set[str] = field(default_factory=set)

    def covers(self, term_forms: frozenset[str]) -> bool:
        return self.terms is None or not self.terms.isdisjoint(term_forms)

    def mark_used(self, term_forms: frozenset[str]) -> None:
        self.used.update(self.terms & term_forms if self.terms is not None else {"*"})

    @property
    def unused_terms(self) -> list[str]:
        if self.terms is None:
            return [] if self.used else ["*"]
        return sorted(self.terms - self.used)


def parse(line_text: str, line: int, group: int) -> list[Directive]:
    """Every directive on one physical line."""
    found = []
    for match in DIRECTIVE.finditer(line_text):
        names = match[2]
        terms = None
        if names is not None and names.strip():
            terms = frozenset(form_key(n) for n in _TERM_SEPARATORS.split(names.strip()) if n)
        found.append(Directive(match[1].lower(), terms, line, match.start(), match.end(), group))
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


def suppressing(
    directives: list[Directive], group: int, term_forms: frozenset[str]
) -> list[Directive]:
    """The directives that suppress a finding of these term forms in this group."""
    return [
        d
        for d in directives
        if d.action != "enable"
        and d.covers(term_forms)
        and (
            (d.action == "ignore" and d.target == group)
            or (d.action == "disable" and d.target <= group <= d.until)
        )
    ]
