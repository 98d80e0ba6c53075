"""Load glossary YAML files into entries, reporting every problem with file and line.

Entries are data written by people, so the loader is strict: a typo in a key or
a missing explanation must be caught when the glossary loads, not discovered by
a script writer reading an empty explanation.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import yaml

from jargonlint.lazy_pattern import LazyPattern
from jargonlint.sense_rules import Misuse, SenseRule, parse_misuse, parse_rules

AUDIENCES = ("consumer", "business")
AVOID_FOR = ("consumer", "all")
# How the audience values read to a writer or trainer.
AUDIENCE_LABELS = {"consumer": "個人のお客様", "business": "法人のお客様"}
AVOID_LABELS = {"consumer": "個人のお客様には使わない", "all": "どのお客様にも使わない"}
REQUIRED = ("term", "reading", "category", "avoid_for", "explanation", "say_instead", "example")
OPTIONAL = ("variants", "detail", "exclude", "misuse", "not_when", "gloss", "replace_safe")
# A gloss goes in brackets after a term in a spoken line (jargonlint check --fix):
# short, and with no bracket of its own that would close it early.
GLOSS_MAX = 20
_GLOSS_FORBIDDEN = LazyPattern(r"[（）()「」\r\n]")
_KANA = LazyPattern(r"[\u3041-\u309f\u30a0-\u30ff]+\Z")
# YAML joins the lines of a folded (>) or plain multi-line value with a space, but
# Japanese puts no space between sentences: drop one that stands between two
# non-ASCII characters (「使う。 個人の」 → 「使う。個人の」).
_FOLDED_SPACE = LazyPattern(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _prose(text: str) -> str:
    return _FOLDED_SPACE.sub("", text.strip())


@dataclass(frozen=True)
class Entry:
    """One glossary term and everything a writer or trainer needs to know about it."""

    term: str
    reading: str
    category: str
    avoid_for: str
    explanation: str
    say_instead: tuple[str, ...]
    example: str
    variants: tuple[str, ...] = ()
    detail: str = ""
    exclude: tuple[str, ...] = ()
    misuse: Mapping[str, Misuse] = field(default_factory=dict)
    not_when: tuple[SenseRule, ...] = ()
    gloss: str = ""  # short bracket explanation for --fix=explain; see fix.gloss()
    replace_safe: bool = False  # say_instead[0] may replace the term (--fix=replace)
    source: str = ""
    line: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling that is this term: the headword first, then the variants."""
        return (self.term, *self.variants)

    def to_dict(self) -> dict[str, Any]:
        """All fields, for JSON output and trainers' spreadsheets."""
        return {
            "term": self.term,
            "reading": self.reading,
            "category": self.category,
            "avoid_for": self.avoid_for,
            "variants": list(self.variants),
            "explanation": self.explanation,
            "detail": self.detail,
            "say_instead": list(self.say_instead),
            "example": self.example,
            "exclude": list(self.exclude),
            "misuse": {
                audience: {"message": m.message, "say_instead": list(m.say_instead)}
                for audience, m in self.misuse.items()
            },
            "not_when": [
                {
                    "followed_by": list(r.followed_by),
                    "preceded_by": list(r.preceded_by),
                    "near": list(r.near),
                    "unless_near": list(r.unless_near),
                    "forms": list(r.forms),
                    "window": r.window,
                    "means": r.means,
                    "example": r.example,
                }
                for r in self.not_when
            ],
            "gloss": self.gloss,
            "replace_safe": self.replace_safe,
        }


@dataclass(frozen=True)
class Problem:
    """A glossary defect, located so that its author can fix it."""

    source: str
    line: int
    term: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.term}: {self.message}" if self.term else f"{where}: {self.message}"


@cache
def _safe_loader() -> type:
    """libyaml's safe loader, ~15x faster than PyYAML's pure-Python one; it ships in
    the PyYAML wheels, but a source build may lack it. Imported on first use: PyYAML
    costs ~10 ms of start-up, and a run whose glossary comes from the cache never
    parses YAML."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _line_loader() -> type:
    """A safe loader that remembers the line where each mapping starts.

    Made on first use: PyYAML costs ~10 ms of start-up, and a run whose glossary
    comes from the cache never parses YAML.
    """
    import yaml

    class LineLoader(_safe_loader()):  # type: ignore[misc, valid-type]
        pass

    def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def builtin_dictionary_files() -> list[Path]:
    """The shipped glossary: installed package data, or dictionaries/ in a checkout.

    The package folder is found through the import system: importlib.resources
    would import zipfile and tempfile, ~5 ms of every start-up.
    """
    try:
        import jargonlint.dictionaries as package

        root = Path(next(iter(package.__path__)))
    except (ModuleNotFoundError, StopIteration):
        root = Path(__file__).resolve().parent.parent / "dictionaries"
    return sorted((f for f in root.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def form_key(text: str) -> str:
    """How two spellings are compared for duplicates: width and case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Source:
    """A glossary file's name (as shown in messages) and its text."""

    name: str
    text: str


def read_sources(files: Iterable[Traversable | Path]) -> tuple[list[Source], list[Problem]]:
    """Read glossary files as UTF-8 text; unreadable ones become problems."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for file in files:
        name = _display_name(file)
        try:
            text = file.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, 0, "", f"cannot read: {exc}"))
        else:
            # Newlines as read_text() gives them, without its line-by-line decoder (2× slower).
            sources.append(Source(name, text.replace("\r\n", "\n").replace("\r", "\n")))
    return sources, problems


def load_entries(sources: Iterable[Source]) -> tuple[list[Entry], list[Problem]]:
    """Parse every source; return the valid entries and every problem found."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for source in sources:
        name = source.name
        import yaml

        try:
            alias = _first_alias(source.text)
            if alias is not None:
                problems.append(Problem(name, alias, "", _NO_ALIASES))
                continue
            data = yaml.load(source.text, Loader=_line_loader())
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            problems.append(Problem(name, mark.line + 1 if mark else 0, "", f"YAML: {reason}"))
            continue
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(Problem(name, 1, "", "a glossary file must be a list of entries"))
            continue
        for item in data:
            entry = _parse_entry(item, name, problems)
            if entry is not None:
                entries.append(entry)
    return _without_duplicates(entries, problems), problems


_NO_ALIASES = "YAML aliases (*name) are not allowed in a glossary: write each value out"


def _first_alias(text: str) -> int | None:
    """The line of the first alias, if any. An entry has no use for one, and a few
    nested aliases expand to billions of items (a "billion laughs" bomb)."""
    if "*" not in text:
        return None
    import yaml

    for event in yaml.parse(text, Loader=_safe_loader()):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def _display_name(file: Traversable | Path) -> str:
    if isinstance(file, Path):
        try:
            return str(file.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(file)
    return f"dictionaries/{file.name}"


def _parse_entry(item: object, source: str, problems: list[Problem]) -> Entry | None:
    if not isinstance(item, dict):
        shown = repr(item) if isinstance(item, str | int | float | bool) else type(item).__name__
        shown = shown if len(shown) <= 60 else shown[:60] + "…"  # never the whole of a list
        problems.append(Problem(source, 0, "", f"entry is not a mapping: {shown}"))
        return None
    line = item.pop("__line__", 0)
    term = item.get("term")
    label = term if isinstance(term, str) else ""
    before = len(problems)

    def problem(message: str) -> None:
        problems.append(Problem(source, line, label, message))

    for key in item:
        if key not in REQUIRED and key not in OPTIONAL:
            problem(f"unknown key {key!r}")
    # One line per entry, naming every field left to fill: a skeleton from
    # `jargonlint discover --format yaml` has empty explanations and say_instead.
    missing = [key for key in REQUIRED if item.get(key) in (None, "", [])]
    if missing:
        problem(f"missing {', '.join(missing)}")
    strings = {}
    for key in (
        "term",
        "reading",
        "category",
        "avoid_for",
        "explanation",
        "example",
        "detail",
        "gloss",
    ):
        value = item.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            problem(f"{key} must be a string")
            value = ""
        strings[key] = _prose(value)
    lists = {}
    for key in ("say_instead", "variants", "exclude"):
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problem(f"{key} must be a list of non-empty strings")
            value = []
        lists[key] = tuple(_prose(v) for v in value)
    misuse = parse_misuse(item.get("misuse"), AUDIENCES, problem, _prose)
    not_when = ()
    if item.get("not_when") is not None:
        not_when = parse_rules(
            item["not_when"],
            lambda message, at: problems.append(Problem(source, at or line, label, message)),
            _prose,
        )
    if strings["avoid_for"] and strings["avoid_for"] not in AVOID_FOR:
        problem(f"avoid_for must be one of {', '.join(AVOID_FOR)}, not {strings['avoid_for']!r}")
    if strings["reading"] and not _KANA.match(strings["reading"]):
        problem(f"reading must be kana only, not {strings['reading']!r}")
    if len(strings["gloss"]) > GLOSS_MAX or _GLOSS_FORBIDDEN.search(strings["gloss"]):
        problem(f"gloss must be at most {GLOSS_MAX} characters, without brackets or quotes")
    replace_safe = item.get("replace_safe", False)
    if not isinstance(replace_safe, bool):
        problem("replace_safe must be true or false")
    if len(problems) > before:
        return None
    return Entry(
        term=strings["term"],
        reading=strings["reading"],
        category=strings["category"],
        avoid_for=strings["avoid_for"],
        explanation=strings["explanation"],
        say_instead=lists["say_instead"],
        example=strings["example"],
        variants=lists["variants"],
        detail=strings["detail"],
        exclude=lists["exclude"],
        misuse=misuse,
        not_when=not_when,
        gloss=strings["gloss"],
        replace_safe=replace_safe,
        source=source,
        line=line,
    )


def _without_duplicates(entries: list[Entry], problems: list[Problem]) -> list[Entry]:
    """A spelling may name one entry only, across all files; later claimants are dropped."""
    owner: dict[str, Entry] = {}
    kept = []
    for entry in entries:
        clash = False
        for form in dict.fromkeys(form_key(f) for f in entry.forms):
            first = owner.setdefault(form, entry)
            if first is not entry:
                clash = True
                problems.append(
                    Problem(
                        entry.source,
                        entry.line,
                        entry.term,
                        f"{form!r} is already an entry or variant at "
                        f"{first.source}:{first.line} ({first.term})",
                    )
                )
        if not clash:
            kept.append(entry)
    return kept
