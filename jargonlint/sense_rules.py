"""The glossary's word-sense data: when a form is not the term, and misuse advice.

A form like キャリア is the mobile carrier in most call scripts, but not in
キャリアアップ or キャリア採用; インバウンド is an incoming call, except next to
観光 or 訪日. These cases are data in the entry (``not_when``), checked as
strictly as every other key, so that a glossary author learns of a typo when
the glossary loads. Each rule carries an example sentence that the loader
checks, so every rule is tested in the sense it rules out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

RULE_KEYS = (
    "followed_by", "preceded_by", "near", "unless_near", "window", "forms", "means", "example",
)  # fmt: skip
WORD_KEYS = ("followed_by", "preceded_by", "near", "unless_near")
DEFAULT_WINDOW = 5  # tokens on each side of the form that ``near`` looks at
MAX_WINDOW = 40


@dataclass(frozen=True)
class SenseRule:
    """Context in which an entry's form is not that entry.

    The form is not the term when every condition the rule gives holds: one
    of ``followed_by`` comes right after it, one of ``preceded_by`` right
    before it, one of ``near`` within ``window`` tokens on either side, none
    of ``unless_near`` within them (an everyday word that is the term only in
    some company: クッキー is Cookie next to 有効 or 削除). ``forms`` limits the
    rule to some spellings of the entry. Several rules are alternatives. With
    ``means``, the form is then the entry with that headword instead (a word
    with two jargon senses).
    """

    example: str
    followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    unless_near: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    window: int = DEFAULT_WINDOW
    means: str = ""
    line: int = 0

    @property
    def words(self) -> tuple[str, ...]:
        """Every context word of the rule."""
        return (*self.followed_by, *self.preceded_by, *self.near, *self.unless_near)

    def describe(self) -> str:
        """The rule in one line of Japanese, for the glossary views."""
        # (condition, its form before another condition, its form before とき)
        parts = []
        if self.forms:
            parts.append((f"「{'・'.join(self.forms)}」と書かれ", "", "た"))
        for words, where in (
            (self.preceded_by, "前に"),
            (self.followed_by, "後に"),
            (self.near, f"近く（{self.window}語以内）に"),
        ):
            if words:
                parts.append((f"{where}「{'・'.join(words)}」が", "あり", "ある"))
        if self.unless_near:
            near = f"近く（{self.window}語以内）に「{'・'.join(self.unless_near)}」が"
            parts.append((near, "なく", "ない"))
        text = "、".join(head + joined for head, joined, _ in parts[:-1])
        head, _, last = parts[-1]
        sense = f"「{self.means}」の意味" if self.means else "別の意味"
        return f"{text}{'、' if text else ''}{head}{last}とき（{sense}）"


@dataclass(frozen=True)
class Misuse:
    """Why the term makes no sense to one audience, and what to say to it instead."""

    message: str
    say_instead: tuple[str, ...] = ()

    def describe(self) -> str:
        """The message with its alternatives, for the glossary views."""
        if not self.say_instead:
            return self.message
        return f"{self.message}（言い換え: {'、'.join(self.say_instead)}）"


def _strings(value: object) -> tuple[str, ...] | None:
    """A list of non-empty strings (or one string), else None."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def parse_rules(
    value: object, problem: Callable[[str, int], None], prose: Callable[[str], str]
) -> tuple[SenseRule, ...]:
    """``not_when``: a list of rules; every defect is passed to ``problem`` with its line."""
    if not isinstance(value, list):
        problem("not_when must be a list of rules", 0)
        return ()
    rules = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            problem(f"not_when rule {number} must be a mapping", 0)
            continue
        line = item.pop("__line__", 0)
        defects = _rule_defects(item)
        for defect in defects:
            problem(f"not_when rule {number}: {defect}", line)
        if defects:
            continue
        rules.append(
            SenseRule(
                example=prose(item["example"]),
                followed_by=_strings(item.get("followed_by", [])) or (),
                preceded_by=_strings(item.get("preceded_by", [])) or (),
                near=_strings(item.get("near", [])) or (),
                unless_near=_strings(item.get("unless_near", [])) or (),
                forms=_strings(item.get("forms", [])) or (),
                window=item.get("window", DEFAULT_WINDOW),
                means=item.get("means", "").strip(),
                line=line,
            )
        )
    return tuple(rules)


def _rule_defects(item: dict[str, object]) -> list[str]:
    """What is wrong with one rule, in the order a reader would fix it."""
    defects = [
        f"unknown key {key!r} (expected one of {', '.join(RULE_KEYS)})"
        for key in item
        if key not in RULE_KEYS
    ]
    given = [key for key in WORD_KEYS if key in item]
    defects += [
        f"{key} must be a list of non-empty strings" for key in given if not _strings(item[key])
    ]
    if not given:
        defects.append(f"needs at least one of {', '.join(WORD_KEYS)}")
    if "forms" in item and not _strings(item["forms"]):
        defects.append("forms must be a list of non-empty strings")
    window = item.get("window", DEFAULT_WINDOW)
    if "window" in item and "near" not in item and "unless_near" not in item:
        defects.append("window applies to near and unless_near only")
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
        defects.append(f"window must be a whole number from 1 to {MAX_WINDOW}")
    if not isinstance(item.get("means", ""), str):
        defects.append("means must be the headword of another entry")
    example = item.get("example")
    if not isinstance(example, str) or not example.strip():
        defects.append("missing example (a sentence in which the form is not this term)")
    return defects


def parse_misuse(
    value: object,
    audiences: tuple[str, ...],
    problem: Callable[[str], None],
    prose: Callable[[str], str],
) -> dict[str, Misuse]:
    """``misuse``: audience → a message, or → {message, say_instead}.

    The plain message form (older glossaries) carries no alternatives: the
    entry's own say_instead are meant for the audience the term suits, so a
    misuse never falls back to them.
    """
    if value is None:
        return {}
    if not isinstance(value, dict):
        problem(f"misuse must map an audience ({', '.join(audiences)}) to a message")
        return {}
    value.pop("__line__", None)
    misuse = {}
    for audience, advice in value.items():
        if audience not in audiences:
            problem(f"misuse: unknown audience {audience!r} ({', '.join(audiences)})")
            continue
        if isinstance(advice, str) and advice.strip():
            misuse[audience] = Misuse(prose(advice))
            continue
        if isinstance(advice, dict):
            advice.pop("__line__", None)
            unknown = set(advice) - {"message", "say_instead"}
            message = advice.get("message")
            # [] is allowed: some words are best left out, not replaced (力率 at home).
            alternatives = advice.get("say_instead")
            say_instead = () if alternatives == [] else _strings(alternatives)
            if unknown:
                problem(f"misuse.{audience}: unknown key {sorted(unknown)[0]!r}")
            elif not isinstance(message, str) or not message.strip():
                problem(f"misuse.{audience}: missing message")
            elif say_instead is None:
                problem(f"misuse.{audience}: say_instead must be a list of strings")
            else:
                misuse[audience] = Misuse(prose(message), tuple(map(prose, say_instead)))
            continue
        problem(f"misuse.{audience} must be a message or {{message, say_instead}}")
    return misuse
