"""The quiz as data for other tools (documented in the README; version 1)."""

from __future__ import annotations

import json
from typing import Any

from jargonlint.quiz.questions import Kind, Question, Quiz
from jargonlint.quiz.writers import Rendered


def question_dict(number: int, question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": number,
        "kind": question.kind.value,
        "term": question.term,
        "reading": question.reading,
        "category": question.category,
        "prompt": question.prompt,
        "line": question.line or None,
        "marked": list(question.marked) if question.marked else None,
        "source": question.source or None,
        "choices": [{"text": c.text, "term": c.term, "note": c.note} for c in question.choices],
        "answer": question.answer if question.kind is not Kind.MATCHING else None,
        "pairs": [{"term": t, "meaning": m} for t, m in question.pairs],
        "key": list(question.key),
        "explanation": question.explanation,
        "say_instead": list(question.say_instead),
        "detail": question.detail,
    }
    return data


def render(quiz: Quiz) -> Rendered:
    document = {
        "version": 1,
        "title": quiz.title,
        "seed": quiz.seed,
        "audience": quiz.audience,
        "questions": [question_dict(n, q) for n, q in enumerate(quiz.questions, start=1)],
        "terms": [
            {
                "term": t.entry.term,
                "count": t.count,
                "sources": [
                    {"path": s.path, "line": s.line, "location": s.location, "text": s.text}
                    for s in t.sources
                ],
            }
            for t in quiz.terms
        ],
    }
    return Rendered((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode())
