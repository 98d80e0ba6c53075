"""What ``jargonlint discover`` shows: the possible jargon of a set of scripts.

Each word once, most frequent first, with its count and the first places it
occurs; or, with ``--format yaml``, skeleton glossary entries that a team fills
in and passes with ``-d`` (loading one left unfilled names each entry to fill).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import yaml

from jargonlint.findings import Finding

if TYPE_CHECKING:
    from rich.console import Console

RULE = "possible-jargon"
FIRST_PLACES = 3  # places listed per word
DEFAULT_CATEGORY = "business"
_LABEL = ("：", ":")


@dataclass
class Discovered:
    """One possible jargon word across the scripts."""

    term: str
    reason: str
    count: int = 0
    places: list[Finding] = field(default_factory=list)  # the first few, in file order
    categories: Counter[str] = field(default_factory=Counter)

    @property
    def category(self) -> str:
        """A guess: the glossary category most found in the scripts that use the word."""
        common = self.categories.most_common(1)
        return common[0][0] if common else DEFAULT_CATEGORY


def tally(findings: list[Finding]) -> list[Discovered]:
    """Group possible-jargon findings by word, most frequent first (then first seen)."""
    categories: dict[str, Counter[str]] = {}
    for finding in findings:
        if finding.rule != RULE and finding.category:
            categories.setdefault(finding.path, Counter())[finding.category] += 1
    words: dict[str, Discovered] = {}
    paths: dict[str, set[str]] = {}
    for finding in findings:
        if finding.rule != RULE:
            continue
        word = words.setdefault(finding.term, Discovered(finding.term, finding.category))
        word.count += 1
        if len(word.places) < FIRST_PLACES:
            word.places.append(finding)
        if finding.path not in paths.setdefault(finding.term, set()):
            paths[finding.term].add(finding.path)
            word.categories.update(categories.get(finding.path, Counter()))
    return sorted(words.values(), key=lambda w: -w.count)


def _place(finding: Finding) -> str:
    return f"{finding.path}:{finding.location or finding.line}:{finding.column}"


def example(finding: Finding) -> str:
    """The line a word was first found in, without a speaker label before it."""
    line = finding.source_line.strip()
    for colon in _LABEL:
        head, found, rest = line.partition(colon)
        if found and len(head) <= 10 and len(head) < finding.column - 1:
            return rest.strip()
    return line


def text(words: list[Discovered], out: TextIO) -> None:
    """``count  word  [reason]  first places``, one word a line."""
    for word in words:
        places = ", ".join(_place(f) for f in word.places)
        print(f"{word.count:>5}  {word.term}  [{word.reason}]  {places}", file=out)


def as_json(words: list[Discovered], files_checked: int, errors: list[str], out: TextIO) -> None:
    """One JSON document: every word with its count and first places."""
    document: dict[str, Any] = {
        "version": 1,
        "words": [
            {
                "term": w.term,
                "reason": w.reason,
                "count": w.count,
                "category": w.category,
                "places": [
                    {
                        "path": f.path,
                        "line": f.line,
                        "column": f.column,
                        "location": f.location,
                        "text": f.source_line,
                    }
                    for f in w.places
                ],
            }
            for w in words
        ],
        "summary": {"files": files_checked, "words": len(words), "errors": len(errors)},
        "errors": errors,
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def skeleton(words: list[Discovered], reading: Callable[[str], str], out: TextIO) -> None:
    """Glossary entries to complete: explanation and say_instead left empty."""
    print(
        "# jargonlint discover: possible jargon, as glossary entries to complete.\n"
        "# Write explanation (やさしい日本語) and say_instead, check reading, category,\n"
        "# avoid_for (consumer: fine between companies) and example, delete the words\n"
        "# that are not jargon, then pass the file with -d or dictionaries = [...].",
        file=out,
    )
    for word in words:
        entry = {
            "term": word.term,
            "reading": reading(word.term),
            "category": word.category,
            "avoid_for": "all",
            "explanation": "",
            "say_instead": [],
            "example": example(word.places[0]),
        }
        dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
        print(f"\n# {word.count}回, {word.reason}: {_place(word.places[0])}", file=out)
        out.write(dumped)


def rich(words: list[Discovered], files_checked: int, console: Console) -> None:
    """A table: count, word, why, first places."""
    from rich.table import Table

    if not words:
        console.print(f"{files_checked} ファイルに、用語集にない専門の言葉は見つかりませんでした。")
        return
    table = Table(title="用語集にない、専門の言葉かもしれない言葉")
    table.add_column("回数", justify="right")
    table.add_column("言葉", style="bold")
    table.add_column("理由", style="dim")
    table.add_column("最初の場所")
    for word in words:
        first = word.places[0]
        places = "\n".join(_place(f) for f in word.places)
        table.add_row(str(word.count), word.term, word.reason, f"{places}\n「{example(first)}」")
    console.print(table)
    console.print(
        f"{files_checked} ファイルから {len(words)} 語。"
        "--format yaml で用語集のひな形を出し、説明を書いて -d で渡せます。"
    )
