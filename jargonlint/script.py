"""Read a call script's structure: who speaks each line, and which lines are spoken.

Only what the agent says reaches the customer, so by default only the agent's
lines are linted. Scripts come in a few layouts, and one file is read as one:

- **labelled**: lines start with a speaker label (``OP：``, ``お客：``, ``私「…」``,
  ``Q.``/``A.``, a legend's ``A：``); an unlabelled line continues the speaker
  before it, and text before the first label belongs to nobody;
- **quoted**: no labels, but the speech is in 「」 (``→「…」``, ``✅ 「…」``);
  only the quoted text is spoken, the rest is narration;
- **one voice**: neither; every line is the agent's.

In every layout, headings, notes and tips, NG examples, branches and stage
directions are not spoken. Each segment gets its kind, role and a reason a
writer can read in ``jargonlint structure``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from jargonlint.document import Kind, Segment
from jargonlint.lazy_pattern import LazyPattern
from jargonlint.speakers import (
    AGENT,
    CUSTOMER,
    DEFAULT_AGENT_LABELS,
    DEFAULT_CUSTOMER_LABELS,
    DEFAULT_LABELS,
    LEGEND_HEADING,
    STRICT_STYLES,
    Label,
    SpeakerLabels,
    find_label,
    fold,
    legend_item,
    legend_pairs,
)
from jargonlint.unspoken import (
    INLINE_NOTE,
    NOT_SPEAKERS,
    is_short_heading,
    is_title,
    unspoken_kind,
)

__all__ = [
    "AGENT",
    "CUSTOMER",
    "DEFAULT_AGENT_LABELS",
    "DEFAULT_CUSTOMER_LABELS",
    "DEFAULT_LABELS",
    "Guess",
    "Script",
    "SpeakerLabels",
    "annotate",
    "declared_audience",
    "read_script",
]

SIDE_NAMES = {AGENT: "担当者", CUSTOMER: "お客様"}
_SPACE = "[ \t\u3000]*"
# A marker before a quote that says who speaks it: ✅ the agent's answer, ❌ the
# customer's objection, → the agent's line in a flow chart, OK： the good version.
# (Compiled at first use, as most scripts have no quotes without labels.)
_MARKERS = (
    (LazyPattern(f"{_SPACE}[✅✔☑⭕]{_SPACE}"), AGENT, "✅ marks the agent's answer"),
    (LazyPattern(f"{_SPACE}[❌✖]{_SPACE}"), CUSTOMER, "❌ marks the customer's objection"),
    (LazyPattern(f"{_SPACE}[→⇒➡⇨]{_SPACE}(?=[「『])"), AGENT, "→「…」 is the agent's line"),
    (
        LazyPattern(f"{_SPACE}(?:OK|ＯＫ)(?:例)?{_SPACE}[:：]{_SPACE}"),
        AGENT,
        "OK example, said as written",
    ),
)
# In a Q&A, questions are the customer's and answers the agent's.
QA_SIDES = {"q": CUSTOMER, "a": AGENT, "質問": CUSTOMER, "問": CUSTOMER, "回答": AGENT, "答": AGENT}
_MAYBE_LEGEND = re.compile("[＝=]|凡例|登場人物|話者")
_ANY_MARKER = re.compile("|".join(pattern.pattern for pattern, _, _ in _MARKERS))
_QUOTE_START = LazyPattern(f"{_SPACE}(?:[・\\-]{_SPACE})?(?=[「『])")
_CLOSING = {"「": "」", "『": "』"}
_FIELD = LazyPattern(f"{_SPACE}([^\\s:：「」]{{1,8}}){_SPACE}[:：]")
_MAX_QUOTE_LINES = 6  # a quote left open never swallows the rest of the file
_MIN_INFERRED = 2  # an unknown name must start this many lines to be a speaker


@dataclass(frozen=True, slots=True)
class Guess:
    """A label the file uses that no list names: the side it was given, and why."""

    name: str
    role: str
    line: int
    count: int
    why: str

    def message(self) -> str:
        side = SIDE_NAMES[self.role]
        key = "agent_labels" if self.role == AGENT else "customer_labels"
        return (
            f"「{self.name}」（{self.count}回）を{side}側の話し手とみなしました（{self.why}）。"
            f"違う場合は設定の {key} か凡例（A＝営業担当　B＝お客様）で指定してください"
        )


@dataclass
class Script:
    """A script's segments with kinds and roles, and the speaker labels it had to guess."""

    segments: list[Segment]
    guesses: list[Guess] = field(default_factory=list)
    layout: str = "one voice"


_AUDIENCE = LazyPattern(
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
    """Give each segment its kind and speaker role (see ``read_script``)."""
    return read_script(segments, labels).segments


class _Speakers:
    """The labels of one file: the lexicon, the file's legend, Q&A letters and guesses."""

    def __init__(self, labels: SpeakerLabels) -> None:
        self.labels = labels
        self.legend: dict[str, str] = {}
        self.guessed: dict[str, Guess] = {}
        self.qa = False
        self.sides: set[str] = set()  # the sides that have a label in this file
        self.customers_only = False  # every known label is the customer's
        self._roles: dict[str, tuple[str, str] | None] = {}

    def forget(self) -> None:
        """Drop remembered roles once the Q&A letters or the guesses change them."""
        self._roles.clear()

    def role(self, name: str) -> tuple[str, str] | None:
        """The side a name speaks for, and where that came from (remembered per name:
        a script repeats a few labels on every line)."""
        if name not in self._roles:
            self._roles[name] = self._role(name)
        return self._roles[name]

    def _role(self, name: str) -> tuple[str, str] | None:
        folded = fold(name)
        if folded in self.legend:
            return self.legend[folded], "legend"
        if self.qa and folded in QA_SIDES:
            return QA_SIDES[folded], "Q&A"
        known = self.labels.role(name)
        if known is not None:
            return known, "speaker list"
        guess = self.guessed.get(folded)
        return (guess.role, "guessed") if guess else None


def read_script(segments: Iterable[Segment], labels: SpeakerLabels) -> Script:
    """Give each segment its kind, speaker role and reason; strip labels from the text.

    Segments are updated in place: this runs on every line of every script, and
    copying each one cost more than the rest of the step.
    """
    result = list(segments)
    speakers = _Speakers(labels)
    _read_legends(result, speakers)
    found = _find_labels(result, speakers)
    _decide_fences(result, found, speakers)
    layout = _layout(result, found)
    _assign(result, found, speakers, layout)
    return Script(_split_inline_notes(result), list(speakers.guessed.values()), layout)


def _split_inline_notes(segments: list[Segment]) -> list[Segment]:
    """A note written after the speech on the same line (…ございます。※ここで間を取る)
    is not said: it becomes a note segment of its own, at its own columns."""
    whole = "\n".join(s.text for s in segments)
    if not any(c in whole for c in "※注💡＊"):
        return list(segments)  # no note marks anywhere in the file
    result = []
    for segment in segments:
        result.append(segment)
        if segment.kind is not Kind.SPOKEN or not any(c in segment.text for c in "※注💡＊"):
            continue
        found = INLINE_NOTE.search(segment.text)
        if found is None or found.start() == 0:
            continue
        note = segment.text[found.start() :]
        segment.text = segment.text[: found.start()]
        result.append(
            replace(
                segment,
                text=note,
                column_offset=segment.column_offset + found.start(),
                kind=Kind.NOTE,
                reason="note after the speech on the same line",
            )
        )
    return result


def _read_legends(segments: list[Segment], speakers: _Speakers) -> None:
    """Legend lines and 【凡例】 blocks define labels for this file."""
    if not _MAYBE_LEGEND.search("\n".join(s.text for s in segments)):
        return  # one search of the whole file: most files have no legend at all
    in_block = False
    for segment in segments:
        if segment.kind is not Kind.SPOKEN or segment.label is not None:
            in_block = False
            continue
        text = segment.text
        if not text.strip():
            in_block = False
            continue
        if not in_block and not _MAYBE_LEGEND.search(text):
            continue
        if in_block:
            item = legend_item(text, speakers.labels)
            if item is not None:
                speakers.legend[item[0]] = item[1]
                _set(segment, Kind.LEGEND, "line of a legend block")
                continue
            in_block = False
        if LEGEND_HEADING.fullmatch(text):
            _set(segment, Kind.LEGEND, "legend heading")
            in_block = True
            continue
        pairs = legend_pairs(text, speakers.labels)
        if pairs:
            speakers.legend.update(pairs)
            _set(segment, Kind.LEGEND, "legend: " + "、".join(pairs))


def _find_labels(segments: list[Segment], speakers: _Speakers) -> dict[int, Label]:
    """Every line that starts with a speaker label, by segment index; unknown names
    that start at least two lines become guessed speakers."""
    candidates: dict[int, Label] = {}
    unknown: Counter[str] = Counter()
    first: dict[str, tuple[int, str]] = {}
    folds: dict[str, str] = {}  # name → fold(name): a script repeats a few labels
    for index, segment in enumerate(segments):
        if segment.kind is not Kind.SPOKEN:
            continue
        if segment.label is not None:  # a 話者 column: one name, even over lines
            name = " ".join(segment.label.split())
            if not name:
                continue
            label = Label(name, 0, "column")
        else:
            label = find_label(segment.text)
            if label is None or _ANY_MARKER.match(segment.text):
                continue
            if not _known(label, speakers) and unspoken_kind(segment.text) is not None:
                continue
        folded = folds.get(label.name)
        if folded is None:
            folded = folds[label.name] = fold(label.name)
        if QA_SIDES.get(folded) == CUSTOMER and not speakers.qa:
            speakers.qa = True
            speakers.forget()
        candidates[index] = label
        if label.style not in STRICT_STYLES and not _known(label, speakers):
            if folded in NOT_SPEAKERS:
                del candidates[index]
                continue
            unknown[folded] += 1
            first.setdefault(folded, (segment.line, label.name))
    if speakers.qa:
        for name in QA_SIDES:
            unknown.pop(name, None)
    _guess(speakers, unknown, first, candidates)
    speakers.forget()
    return {i: label for i, label in candidates.items() if speakers.role(label.name)}


def _known(label: Label, speakers: _Speakers) -> bool:
    return speakers.role(label.name) is not None


def _guess(
    speakers: _Speakers,
    unknown: Counter[str],
    first: dict[str, tuple[int, str]],
    candidates: dict[int, Label],
) -> None:
    """Give each unknown name used often enough a side: the one opposite the file's
    known speakers, else the agent for the first to speak (the agent opens a call).
    In a file whose labels are all the customer's, a name used once is the agent's
    too: the agent's lines must never be dropped for want of a label."""
    sides = speakers.sides
    sides.update(
        found[0]
        for label in candidates.values()
        if (found := speakers.role(label.name)) is not None
    )
    only_customers = speakers.customers_only = sides == {CUSTOMER}
    for folded, (line, name) in sorted(first.items(), key=lambda item: item[1][0]):
        count = unknown[folded]
        if count < _MIN_INFERRED and not only_customers:
            continue
        if sides == {CUSTOMER} or only_customers:
            role, why = AGENT, "ほかの話し手がお客様側のため"
        elif sides == {AGENT}:
            role, why = CUSTOMER, "ほかの話し手が担当者側のため"
        elif not sides:
            role, why = AGENT, "最初に話す人を担当者としました"
        else:
            role, why = CUSTOMER, "担当者側の話し手はほかにいるため"
        speakers.guessed[folded] = Guess(name, role, line, count, why)
        sides.add(role)


def _decide_fences(segments: list[Segment], found: dict[int, Label], speakers: _Speakers) -> None:
    """A Markdown code fence holds dialogue when at least two of its lines have a
    speaker label or start a quote; any other fence is code, never linted."""
    dialogue: Counter[int] = Counter()
    for index, segment in enumerate(segments):
        if segment.fence and (index in found or _QUOTE_START.match(segment.text)):
            dialogue[segment.fence] += 1
    for index, segment in enumerate(segments):
        if segment.fence and dialogue[segment.fence] < 2:
            found.pop(index, None)
            _set(segment, Kind.CODE, "code block")


def _layout(segments: list[Segment], found: dict[int, Label]) -> str:
    if found:
        return "labelled"
    content = [s for s in segments if s.kind is Kind.SPOKEN and s.text.strip()]
    quoted = sum(1 for s in content if _quote_start(s.text) is not None)
    if quoted >= 2 and quoted * 3 >= len(content):
        return "quoted"
    return "one voice"


def _quote_start(text: str) -> tuple[int, str | None, str] | None:
    """Where a quote opens at the start of a line, with the role a marker gives it."""
    for pattern, role, why in _MARKERS:
        marked = pattern.match(text)
        if marked and text[marked.end() : marked.end() + 1] in _CLOSING:
            return marked.end(), role, why
    plain = _QUOTE_START.match(text)
    if plain:
        return plain.end(), None, "text in 「」"
    return None


def _assign(
    segments: list[Segment], found: dict[int, Label], speakers: _Speakers, layout: str
) -> None:
    current: str | None = None
    quote: _OpenQuote | None = None
    seen_content = False
    previous_blank = True
    for index, segment in enumerate(segments):
        if segment.kind is Kind.SPOKEN and not segment.text.strip():
            segment.kind = Kind.BLANK
        if segment.kind is not Kind.SPOKEN:
            if segment.kind is Kind.BLANK:
                previous_blank = True
                quote = None
                if segment.new_turn or speakers.customers_only:
                    current = None
            elif segment.kind in (Kind.HEADING, Kind.BRANCH, Kind.CODE, Kind.LEGEND):
                current, quote = None, None
                seen_content = True
            continue
        first_line = not seen_content
        seen_content = True
        after_blank, previous_blank = previous_blank, False
        if quote is not None:
            quote = quote.continue_on(segment)
            continue
        if segment.role is not None:  # the reader knows (a table's line column)
            quote = _narrow_quote(segment, segment.role)
            continue
        label = found.get(index)
        if label is not None:
            role, source = speakers.role(label.name) or (None, "")
            segment.label = label.name
            if label.end:
                segment.text = segment.text[label.end :]
                segment.column_offset += label.end
            current = role
            segment.role = role
            segment.reason = f"label 「{label.name}」 ({source})"
            quote = _narrow_quote(segment, role)
            continue
        if segment.new_turn:
            current = None
        marked = _quote_start(segment.text)
        if marked is not None and marked[1] is not None:
            offset, role, why = marked
            _cut(segment, offset)
            current = role
            segment.role = role
            segment.reason = why
            quote = _narrow_quote(segment, role)
            continue
        spoken_kind = unspoken_kind(segment.text)
        if spoken_kind is not None:
            _set(segment, *spoken_kind)
            if spoken_kind[0] in (Kind.HEADING, Kind.BRANCH):
                current = None
            continue
        if first_line and is_title(segment.text):
            _set(segment, Kind.HEADING, "title")
            current = None
            continue
        field_line = _FIELD.match(segment.text)
        if field_line and fold(field_line[1]) in NOT_SPEAKERS:
            _set(segment, Kind.NOTE, f"a {field_line[1]}： field, not a speaker")
            continue
        if layout == "labelled":
            if after_blank and is_short_heading(segment.text) and not segment.fence:
                _set(segment, Kind.HEADING, "short line without a sentence after a blank line")
                current = None
            elif current is None and speakers.customers_only:
                segment.role = AGENT
                segment.reason = "no agent label in this file: unlabelled lines are the agent's"
                quote = _narrow_quote(segment, AGENT)
            elif current is None:
                _set(segment, Kind.NARRATION, "no speaker: before any label or after a break")
            else:
                segment.role = current
                segment.reason = "continues the speaker above"
                quote = _narrow_quote(segment, current)
        elif layout == "quoted":
            if marked is not None:
                _cut(segment, marked[0])
                segment.role = AGENT
                segment.reason = "text in 「」 (the agent's speech)"
                quote = _narrow_quote(segment, AGENT)
            else:
                _set(segment, Kind.NARRATION, "outside 「」 in a script whose speech is quoted")
        else:
            segment.role = AGENT
            segment.reason = "one voice: the file has no speaker labels"


@dataclass
class _OpenQuote:
    """A quote that goes on over the next lines: they are spoken by the same person."""

    role: str | None
    closing: str
    lines: int = 0

    def continue_on(self, segment: Segment) -> _OpenQuote | None:
        segment.role = self.role
        segment.reason = "continues the quote above"
        end = segment.text.find(self.closing)
        if end >= 0:
            segment.text = segment.text[:end]
            return None
        self.lines += 1
        return self if self.lines < _MAX_QUOTE_LINES else None


def _narrow_quote(segment: Segment, role: str | None) -> _OpenQuote | None:
    """When the spoken text is a quote, keep only what is inside it; return the quote
    when it stays open at the end of the line."""
    text = segment.text
    stripped = len(text) - len(text.lstrip(" \t\u3000"))
    opening = text[stripped : stripped + 1]
    if opening not in _CLOSING:
        return None
    closing = _CLOSING[opening]
    _cut(segment, stripped + 1)
    end = segment.text.find(closing)
    if end >= 0:
        segment.text = segment.text[:end]
        return None
    return _OpenQuote(role, closing)


def _cut(segment: Segment, start: int) -> None:
    segment.text = segment.text[start:]
    segment.column_offset += start


def _set(segment: Segment, kind: Kind, reason: str) -> None:
    segment.kind = kind
    segment.reason = reason
