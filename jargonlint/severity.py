"""Decide how serious a term is for the audience the script is spoken to.

The same word can be fine between companies and a problem for an individual
(ソリューション), jargon for everyone (ベストエフォート), or meaningless for one
audience (稟議 to an individual, who has no approval process at all).
"""

from __future__ import annotations

from jargonlint.glossary import Entry


def classify(entry: Entry, audience: str) -> tuple[str, str, str]:
    """Return (severity, rule, message) for this entry said to this audience."""
    misuse = entry.misuse.get(audience)
    if misuse:
        return "error", "misuse", misuse.message
    if entry.avoid_for == "all":
        return (
            "warning",
            "jargon",
            f"「{entry.term}」は専門の言葉です。言い換えるか、説明を添えてください",
        )
    if audience == "consumer":
        return (
            "warning",
            "jargon",
            f"「{entry.term}」は会社どうしの言葉で、個人のお客様には通じにくいです",
        )
    return (
        "info",
        "jargon",
        f"「{entry.term}」は会社どうしなら通じますが、相手によっては説明を添えてください",
    )


def suggestions(entry: Entry, audience: str) -> tuple[str, ...]:
    """What to say instead, to this audience: a misuse has its own alternatives,
    as the entry's are meant for the audience the word suits (稟議 → ご承認 is
    right for a company, wrong for a family)."""
    misuse = entry.misuse.get(audience)
    return misuse.say_instead if misuse else entry.say_instead
