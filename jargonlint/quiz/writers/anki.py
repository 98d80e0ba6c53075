"""An Anki deck (.apkg) for self-study: one note per term.

Front: the term and the line it came from. Back: reading, plain explanation and
what to say instead. The model id, deck id and each note's guid derive from the
deck name (and the term), so importing a new version updates the cards instead
of adding duplicates. The notes carry the time of writing (Anki updates a note
only from a newer one), or SOURCE_DATE_EPOCH when set, for reproducible files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from html import escape
from pathlib import Path

from jargonlint.quiz.questions import Quiz
from jargonlint.quiz.select import QuizTerm
from jargonlint.quiz.writers import Rendered, zipped

FIELDS = ("Term", "Line", "Reading", "Explanation", "SayInstead", "Detail", "Source")
_FRONT = '<div class="term">{{Term}}</div><div class="line">{{Line}}</div>'
_BACK = (
    "{{FrontSide}}<hr id=answer>"
    '<div class="reading">{{Reading}}</div>'
    '<div class="explanation">{{Explanation}}</div>'
    '<div class="say">言い換え：{{SayInstead}}</div>'
    '<div class="detail">{{Detail}}</div>'
    '<div class="source">{{Source}}</div>'
)
_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; }
.term { font-size: 32px; font-weight: bold; }
.line { margin-top: 12px; color: #444; }
.line b { background: #ffe58a; }
.detail, .source { margin-top: 12px; font-size: 15px; color: #555; text-align: left; }"""


def stable_id(*parts: str) -> int:
    """An id in genanki's recommended range (2^30 … 2^31), the same for the same parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) | (int.from_bytes(digest[:4], "big") & ((1 << 30) - 1))


def _line(term: QuizTerm) -> tuple[str, str]:
    """The first script line (term in bold) and where it is; else the glossary example."""
    if not term.sources:
        return escape(term.entry.example), "用例（用語集）"
    source = term.sources[0]
    text = source.text.strip()
    at = text.find(source.matched) if source.matched else -1
    if at < 0:
        return escape(text), escape(source.where)
    end = at + len(source.matched)
    return (
        escape(text[:at]) + "<b>" + escape(text[at:end]) + "</b>" + escape(text[end:]),
        escape(source.where),
    )


def render(quiz: Quiz) -> Rendered:
    import genanki

    name = quiz.title
    model = genanki.Model(
        stable_id(name, "model"),
        f"jargonlint: {name}",
        fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "用語", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(stable_id(name, "deck"), name)
    for term in quiz.terms:
        entry = term.entry
        line, source = _line(term)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    escape(entry.term),
                    line,
                    escape(entry.reading),
                    escape(entry.explanation),
                    escape("、".join(entry.say_instead)),
                    escape(entry.detail),
                    source,
                ],
                guid=genanki.guid_for(name, entry.term),
            )
        )
    stamp = float(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "deck.apkg")
        genanki.Package(deck).write_to_file(str(path), timestamp=stamp)
        return Rendered(zipped.stable(path.read_bytes()))
