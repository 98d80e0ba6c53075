"""Show glossary entries: one in full (explain) or many as a table (terms)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from jargonlint.glossary import AUDIENCE_LABELS, AVOID_LABELS, Entry


def entry_text(entry: Entry) -> str:
    """Plain text of one entry, for pipes and for ``--format text``."""
    lines = [
        f"{entry.term}（{entry.reading}）  [{entry.category}]  {AVOID_LABELS[entry.avoid_for]}",
        f"説明: {entry.explanation}",
        f"言い換え: {'、'.join(entry.say_instead)}",
    ]
    if entry.variants:
        lines.append(f"別の書き方: {'、'.join(entry.variants)}")
    if entry.detail:
        lines.append(f"くわしく: {entry.detail}")
    for audience, misuse in entry.misuse.items():
        lines.append(f"{AUDIENCE_LABELS[audience]}には誤用: {misuse.describe()}")
    lines.append(f"例: {entry.example}")
    if entry.exclude:
        lines.append(f"この語ではないもの: {'、'.join(entry.exclude)}")
    lines.extend(f"この語ではないとき: {rule.describe()}" for rule in entry.not_when)
    return "\n".join(lines)


def entry_row(entry: Entry) -> str:
    """One tab-separated line per entry, for ``terms --format text``."""
    return "\t".join(
        (entry.term, entry.reading, entry.category, entry.avoid_for, entry.explanation)
    )


def show_entry(entry: Entry, console: Console) -> None:
    """One entry in full, as a panel."""
    body = Table.grid(padding=(0, 2))
    body.add_column(style="bold", no_wrap=True)
    body.add_column()
    body.add_row("読み", entry.reading)
    body.add_row("分野", entry.category)
    body.add_row("使う相手", AVOID_LABELS[entry.avoid_for])
    body.add_row("説明", entry.explanation)
    body.add_row("言い換え", "、".join(entry.say_instead))
    if entry.variants:
        body.add_row("別の書き方", "、".join(entry.variants))
    if entry.detail:
        body.add_row("くわしく", entry.detail)
    for audience, misuse in entry.misuse.items():
        label = Text(f"{AUDIENCE_LABELS[audience]}には誤用", style="bold red")
        body.add_row(label, misuse.describe())
    body.add_row("例", entry.example)
    if entry.exclude:
        body.add_row("この語ではないもの", "、".join(entry.exclude))
    for rule in entry.not_when:
        body.add_row("この語ではないとき", rule.describe())
    console.print(Panel(Group(body), title=Text(entry.term, style="bold"), expand=False))


def show_table(entries: list[Entry], console: Console) -> None:
    """Many entries, one row each."""
    table = Table(show_lines=False)
    table.add_column("用語", style="bold", no_wrap=True)
    table.add_column("読み", no_wrap=True)
    table.add_column("分野", no_wrap=True)
    table.add_column("相手", no_wrap=True)
    table.add_column("説明")
    table.add_column("言い換え")
    for entry in entries:
        table.add_row(
            entry.term,
            entry.reading,
            entry.category,
            entry.avoid_for,
            entry.explanation,
            "、".join(entry.say_instead),
        )
    console.print(table)
    console.print(f"{len(entries)} 語")
