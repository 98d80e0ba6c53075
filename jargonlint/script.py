"""Read a call script's structure: who speaks each line, and which lines are spoken.

Only what the agent says reaches the customer, so by default only the agent's
lines are linted. Writers mark speakers with labels (OP：, 【お客様】, ◆OP…) and
leave a line unlabelled when the same person goes on speaking. Headings, ※ notes
to the agent and ▼ branch conditions are never said aloud.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from jargonlint.document import Kind, Segment

AGENT = "agent"
CUSTOMER = "customer"
DEFAULT_AGENT_LABELS = ("OP", "オペレーター", "オペレータ", "担当", "担当者", "AG", "営業")
DEFAULT_CUSTOMER_LABELS = ("お客様", "お客さま", "客", "顧客", "CU", "CS")

_SPACE = "[ \t\u3000]*"
# A label as the line's first thing: 【NAME】, ◆NAME (also ■●…), or NAME followed by a colon.
_LABEL = re.compile(
    f"{_SPACE}(?:"
    f"【{_SPACE}(?P<bracketed>[^】]+?){_SPACE}】{_SPACE}[:：]?"
    f"|[◆◇■□●○]{_SPACE}(?P<marked>[^\\s:：]+){_SPACE}[:：]?"
    f"|(?P<named>[^\\s:：【】]{{1,12}}?){_SPACE}[:：]"
    f"){_SPACE}"
)
_HEADING = re.compile(f"{_SPACE}【[^】]*】{_SPACE}")
_NOTE = re.compile(f"{_SPACE}[※＊]")
_BRANCH = re.compile(f"{_SPACE}[▼▽→⇒]")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


@dataclass(frozen=True)
class SpeakerLabels:
    """The label names that mean the agent and the customer (width and case blind)."""

    agent: frozenset[str]
    customer: frozenset[str]
    _known: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, agent: Iterable[str], customer: Iterable[str]) -> SpeakerLabels:
        return cls(frozenset(map(_fold, agent)), frozenset(map(_fold, customer)))

    def role(self, name: str) -> str | None:
        """AGENT, CUSTOMER or None; remembered per name, as scripts repeat a few labels."""
        if name in self._known:
            return self._known[name]
        folded = _fold(name)
        role = AGENT if folded in self.agent else CUSTOMER if folded in self.customer else None
        self._known[name] = role
        return role


DEFAULT_LABELS = SpeakerLabels.of(DEFAULT_AGENT_LABELS, DEFAULT_CUSTOMER_LABELS)


_AUDIENCE = re.compile(
    r"jargonlint\s*[:：]\s*audience\s*[=:：]?\s*(consumer|business)", re.IGNORECASE
)


def declared_audience(segments: Iterable[Segment]) -> str | None:
    """The audience a script declares for itself (``※jargonlint: audience=business``),
    so that a folder can hold scripts for individuals and for companies alike."""
    for segment in segments:
        if "argonlint" in segment.line_text:
            found = _AUDIENCE.search(segment.line_text)
            if found:
                return found[1].lower()
    return None


def annotate(segments: Iterable[Segment], labels: SpeakerLabels) -> list[Segment]:
    """Give each segment its kind and speaker role; strip speaker labels from the text.

    A segment without a label continues the previous speaker; a heading or a
    branch ends the turn. If no segment has a label at all, the script is one
    voice and every spoken segment counts as the agent's. Segments are updated
    in place: this runs on every line of every script, and copying each one
    cost more than the rest of the step.
    """
    result = list(segments)
    current: str | None = None
    labelled = False
    for segment in result:
        _classify(segment, labels)
        if segment.kind is Kind.SPOKEN:
            if segment.label is not None:
                labelled = True
                current = labels.role(segment.label)
            elif segment.new_turn:
                current = None
            segment.role = current
        elif segment.kind in (Kind.HEADING, Kind.BRANCH):
            current = None
    if not labelled:
        for segment in result:
            if segment.kind is Kind.SPOKEN:
                segment.role = AGENT
    return result


def _classify(segment: Segment, labels: SpeakerLabels) -> None:
    """Set the kind of one segment, and its label when the label is written in the text."""
    if segment.kind is not Kind.SPOKEN:
        return
    text = segment.text
    if segment.label is None:  # no 話者 column named the speaker: look for a label
        found = _LABEL.match(text)
        if found:
            name = found["bracketed"] or found["marked"] or found["named"]
            if labels.role(name) is not None:
                segment.text = text[found.end() :]
                segment.column_offset += found.end()
                segment.label = name
                return
            if found["bracketed"]:  # 【オープニング】: a bracket that is not a speaker
                segment.kind = Kind.HEADING
                return
    if not text.strip():
        segment.kind = Kind.BLANK
    elif _NOTE.match(text):
        segment.kind = Kind.NOTE
    elif _BRANCH.match(text):
        segment.kind = Kind.BRANCH
    elif _HEADING.fullmatch(text):
        segment.kind = Kind.HEADING
