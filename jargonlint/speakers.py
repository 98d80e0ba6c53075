"""Who speaks a line: speaker labels as writers really write them, and legends.

Writers mark the speaker in many ways (``OP：``, ``オペ:``, ``【お客様】``,
``◆OP``, ``私「…」``, ``**営業**:``, ``（先方）「…」``, ``オペレーター①``), and
some files define their own short labels in a legend (``A＝営業担当　B＝先方``).
This module only reads labels and legends; deciding the role of a name the
lexicon does not know is the script step's job, because it needs the whole file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from jargonlint.lazy_pattern import LazyPattern

AGENT = "agent"
CUSTOMER = "customer"

DEFAULT_AGENT_LABELS = (
    "OP",
    "オペ",
    "オペレーター",
    "オペレータ",
    "コミュニケーター",
    "SV",
    "担当",
    "担当者",
    "営業",
    "営業担当",
    "自分",
    "私",
    "あなた",
    "AG",
    "エージェント",
    "アポインター",
    "TA",
)
DEFAULT_CUSTOMER_LABELS = (
    "お客様",
    "お客さま",
    "お客",
    "客",
    "顧客",
    "ご契約者様",
    "契約者",
    "相手",
    "先方",
    "受付",
    "社長",
    "CU",
    "CS",
)

_SPACE = "[ \t\u3000]*"
# A name, with what writers add after it: a number (担当(2)) or a person (オペレーター（山田）).
_NAME = (
    "[^\\s:：【】「」『』（）()＝=|｜。、<>＜＞\\[\\]［］]{1,12}?(?:[(（][^()（）\\s]{1,10}[)）])?"
)
# Each way of writing a label at the start of a line; ``style`` records which, because
# some styles (a bare name before 「, a name in parentheses) are only labels when the
# name is known, while ``NAME：`` may also be a name the file uses for a speaker.
_STYLES = {
    "bracketed": f"【{_SPACE}(?P<bracketed>[^】]+?){_SPACE}】{_SPACE}[:：]?",
    "angle": f"[<＜《〈\\[［]{_SPACE}(?P<angle>{_NAME}){_SPACE}[>＞》〉\\]］]{_SPACE}[:：]?",
    "bold": f"\\*\\*{_SPACE}(?P<bold>{_NAME}){_SPACE}(?:\\*\\*{_SPACE}[:：]|[:：]{_SPACE}\\*\\*)",
    "paren": f"[（(]{_SPACE}(?P<paren>{_NAME}){_SPACE}[)）]{_SPACE}[:：]?",
    "marked": (
        f"[◆◇■□●○▶▷►]{_SPACE}(?P<marked>[^\\s:：「」『』]{{1,12}}?){_SPACE}(?:[:：]|(?=[「『\\s]))"
    ),
    "named": f"(?P<named>{_NAME}){_SPACE}[:：]",
    "quoted": f"(?P<quoted>{_NAME})(?=[「『])",
    "closing": f"(?P<closing>{_NAME})[)）]",
    "qa": "(?P<qa>[QAＱＡ])[0-9０-９]{0,3}[.．:：]",
    "spaced": f"(?P<spaced>{_NAME})(?:\\t|\u3000| {{2,}})",
}
# What may stand before a label: a transcript's time stamp ([00:12], 14:05), a line
# number (1. ①) or a bullet.
_PREFIX = (
    "(?:[\\[［(（]?[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?[\\]］)）]?"
    f"|[0-9０-９]{{1,3}}[.．)）]|[①-⑳]|[・•]){_SPACE}"
)
_LABEL = re.compile(
    f"{_SPACE}(?:{_PREFIX})?(?:" + "|".join(f"(?:{p})" for p in _STYLES.values()) + f"){_SPACE}"
)
# Styles that are labels only when the name is known (legend or lexicon): a word in
# brackets, before ） or before a wide space is usually just text.
STRICT_STYLES = frozenset({"paren", "closing", "marked", "angle", "spaced"})
_SUFFIX = re.compile(r"(?:[①-⑳]|[(（][^()（）]*[)）]|[0-9]{1,2}|さん|様)$")


def fold(name: str) -> str:
    """A label name as compared: width and case blind, without what follows the name
    (オペレーター①, オペレーター（山田） and オペレーター are one speaker)."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    while True:
        stripped = _SUFFIX.sub("", folded).strip()
        if not stripped or stripped == folded:
            return folded
        folded = stripped


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found at the start of a line: its name and where the speech starts."""

    name: str
    end: int
    style: str


def find_label(text: str) -> Label | None:
    """The label at the start of ``text``, if the line starts like one."""
    found = _LABEL.match(text)
    if found is None:
        return None
    style = found.lastgroup or ""  # the one named group: each style names one
    name = found[style].strip()
    if not name or name.isdigit():
        return None
    return Label(name, found.end(), style)


@dataclass(frozen=True)
class SpeakerLabels:
    """The label names that mean the agent and the customer (width and case blind)."""

    agent: frozenset[str]
    customer: frozenset[str]
    _known: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, agent: Iterable[str], customer: Iterable[str]) -> SpeakerLabels:
        return cls(frozenset(map(fold, agent)), frozenset(map(fold, customer)))

    def role(self, name: str) -> str | None:
        """AGENT, CUSTOMER or None; remembered per name, as scripts repeat a few labels."""
        if name in self._known:
            return self._known[name]
        folded = fold(name)
        role = AGENT if folded in self.agent else CUSTOMER if folded in self.customer else None
        self._known[name] = role
        return role

    def describe(self, text: str) -> str | None:
        """The side a legend's description names (営業担当 → agent, 先方（総務…） → customer):
        the lexicon word it starts with, else the first one it contains."""
        plain = fold(re.sub(r"[（(][^）)]*[）)]", "", text))
        words = [(w, AGENT) for w in self.agent] + [(w, CUSTOMER) for w in self.customer]
        starts = [(len(w), role) for w, role in words if plain.startswith(w)]
        if starts:
            return max(starts)[1]
        inside = [(plain.find(w), -len(w), role) for w, role in words if w in plain]
        return min(inside)[2] if inside else None


DEFAULT_LABELS = SpeakerLabels.of(DEFAULT_AGENT_LABELS, DEFAULT_CUSTOMER_LABELS)

# Legends are rare: their patterns are compiled for the first line that may be one.
_PAIR = LazyPattern(
    f"(?P<name>[^\\s＝=:：／/、,，・（）()]{{1,8}}){_SPACE}[＝=]{_SPACE}(?P<desc>[^＝=／/、,，]+?)"
)
_PAIR_SEPARATOR = f"(?:{_SPACE}[／/、,，・]{_SPACE}|[ \t\u3000]+|$)"
_LEGEND_LINE = LazyPattern(
    f"{_SPACE}(?:[（(【]?凡例[】）)]?{_SPACE}[:：]?{_SPACE})?[（(]?"
    f"(?P<pairs>(?:{_PAIR.pattern}{_PAIR_SEPARATOR})+)[）)]?{_SPACE}"
)
_PAIR_IN_LINE = LazyPattern(
    f"(?P<name>[^\\s＝=:：／/、,，・（）()]{{1,8}}){_SPACE}[＝=]{_SPACE}(?P<desc>.+?)"
    f"(?={_PAIR_SEPARATOR}[^\\s＝=:：／/、,，・（）()]{{1,8}}{_SPACE}[＝=]|{_SPACE}[）)]?{_SPACE}$)"
)
LEGEND_HEADING = LazyPattern(
    f"{_SPACE}[【\\[［]?{_SPACE}(?:凡例|登場人物|話者){_SPACE}[】\\]］]?{_SPACE}[:：]?{_SPACE}"
)
_LEGEND_ITEM = LazyPattern(
    f"{_SPACE}[・\\-*]?{_SPACE}(?P<name>[^\\s＝=:：]{{1,8}}){_SPACE}[＝=:：…]{_SPACE}(?P<desc>.+?){_SPACE}"
)


def legend_pairs(line: str, labels: SpeakerLabels) -> dict[str, str] | None:
    """The names a legend line defines (``A＝営業担当　B＝先方``), with their sides;
    None when the line is not a legend."""
    found = _LEGEND_LINE.fullmatch(line)
    if found is None:
        return None
    pairs = {}
    for pair in _PAIR_IN_LINE.finditer(found["pairs"]):
        role = labels.describe(pair["desc"])
        if role is not None:
            pairs[fold(pair["name"])] = role
    return pairs or None


def legend_item(line: str, labels: SpeakerLabels) -> tuple[str, str] | None:
    """One line of a legend block under 【凡例】 (``A：営業担当``)."""
    found = _LEGEND_ITEM.fullmatch(line)
    if found is None:
        return None
    role = labels.describe(found["desc"])
    return (fold(found["name"]), role) if role else None
