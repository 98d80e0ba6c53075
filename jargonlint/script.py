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
from dataclasses import dataclass, replace

from jargonlint.document import Kind, Segment

AGENT = "agent"
CUSTOMER = "customer"
DEFAULT_AGENT_LABELS = (
    "OP",
    "オペレーター",
    "オペレータ",
    "担当",
    "担当者",
    "AG",
    "エージェント",
    "営業",
)
DEFAULT_CUSTOMER_LABELS = ("お客様", "お客さま", "客", "顧客", "CU", "CS", "相手")

_SPACE = "[ \t\u3000]*"
# A label as the line's first thing: 【NAME】, ◆NAME / ■NAME / ●NAME, or NAME followed by a colon.
_BRACKETED = re.compile(f"{_SPACE}【{_SPACE}([^】]+?){_SPACE}】{_SPACE}[:：]?{_SPACE}")
_MARKED = re.compile(f"{_SPACE}[◆◇■□●○]{_SPACE}([^\\s:：]+){_SPACE}[:：]?{_SPACE}")
_COLON = re.compile(f"{_SPACE}([^\\s:：【】]{{1,12}}?){_SPACE}[:：]{_SPACE}")
_NOTE = re.compile(f"{_SPACE}[※＊]")
_BRANCH = re.compile(f"{_SPACE}[▼▽→⇒]")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


@dataclass(frozen=True)
class SpeakerLabels:
    """The label names that mean the agent and the customer (width and case blind)."""

    agent: frozenset[str]
    customer: frozenset[str]

    @classmethod
    def of(cls, agent: Iterable[str], customer: Iterable[str]) -> SpeakerLabels:
        return cls(frozenset(map(_fold, agent)), frozenset(map(_fold, customer)))

    def role(self, name: str) -> str | None:
        folded = _fold(name)
        if folded in self.agent:
            return AGENT
        if folded in self.customer:
            return CUSTOMER
        return None


DEFAULT_LABELS = SpeakerLabels.of(DEFAULT_AGENT_LABELS, DEFAULT_CUSTOMER_LABELS)


def annotate(segments: Iterable[Segment], labels: SpeakerLabels) -> list[Segment]:
    """Give each segment its kind and speaker role; strip speaker labels from the text.

    A segment without a label continues the previous speaker; a heading or a
    branch ends the turn. If no segment has a label at all, the script is one
    voice and every spoken segment counts as the agent's.
    """
    result: list[Segment] = []
    current: str | None = None
    labelled = False
    for segment in segments:
        segment = _classify(segment, labels)
        if segment.kind in (Kind.HEADING, Kind.BRANCH):
            current = None
        elif segment.kind is Kind.SPOKEN:
            if segment.label is not None:
                labelled = True
                role = labels.role(segment.label)
                current = role
                segment = replace(segment, role=role)
            else:
                if segment.new_turn:
                    current = None
                segment = replace(segment, role=current)
        result.append(segment)
    if not labelled:
        result = [replace(s, role=AGENT) if s.kind is Kind.SPOKEN else s for s in result]
    return result


def _classify(segment: Segment, labels: SpeakerLabels) -> Segment:
    """The kind of one segment, and its label when the label is written in the text."""
    if segment.kind is not Kind.SPOKEN:
        return segment
    text = segment.text
    if not text.strip():
        return replace(segment, kind=Kind.BLANK)
    if segment.label is not None:  # a 話者 column already named the speaker
        return _by_text_kind(segment)
    for pattern in (_BRACKETED, _MARKED, _COLON):
        found = pattern.match(text)
        if found and labels.role(found[1]) is not None:
            return replace(
                segment,
                text=text[found.end() :],
                column_offset=segment.column_offset + found.end(),
                label=found[1],
            )
    if _BRACKETED.match(text):  # 【オープニング】: a bracket that is not a speaker
        return replace(segment, kind=Kind.HEADING)
    return _by_text_kind(segment)


def _by_text_kind(segment: Segment) -> Segment:
    text = segment.text
    if not text.strip():
        return replace(segment, kind=Kind.BLANK)
    if _NOTE.match(text):
        return replace(segment, kind=Kind.NOTE)
    if _BRANCH.match(text):
        return replace(segment, kind=Kind.BRANCH)
    if _BRACKETED.fullmatch(text):
        return replace(segment, kind=Kind.HEADING)
    return segment
