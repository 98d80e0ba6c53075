"""One question per row, UTF-8 with a BOM so that Excel opens it without mojibake."""

from __future__ import annotations

import csv
import io

from jargonlint.quiz.questions import MATCHING_MAX, Kind, Quiz
from jargonlint.quiz.writers import Rendered
from jargonlint.quiz.writers.text import KIND_LABELS

HEADER = [
    "number",
    "kind",
    "term",
    "reading",
    "question",
    "line",
    *(f"choice_{i}" for i in range(1, MATCHING_MAX + 1)),
    "answer_number",
    "answer",
    "explanation",
    "say_instead",
    "detail",
    "source",
]


def render(quiz: Quiz) -> Rendered:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, q in enumerate(quiz.questions, start=1):
        if q.kind is Kind.MATCHING:
            shown = [t for t, _ in q.pairs]  # the terms; the answer gives their meanings
            answer_number = ""
        else:
            shown = [c.text for c in q.choices]
            answer_number = str(q.answer + 1)
        writer.writerow(
            [
                number,
                KIND_LABELS[q.kind],
                q.term,
                q.reading,
                q.prompt,
                q.line,
                *shown,
                *[""] * (MATCHING_MAX - len(shown)),
                answer_number,
                q.right,
                q.explanation,
                "、".join(q.say_instead),
                q.detail,
                q.source,
            ]
        )
    return Rendered(("\ufeff" + out.getvalue()).encode())
