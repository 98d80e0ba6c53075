"""Moodle GIFT: single-choice questions and matching questions, with feedback."""

from __future__ import annotations

import re

from jargonlint.quiz.questions import Kind, Question, Quiz
from jargonlint.quiz.writers import Rendered
from jargonlint.quiz.writers.text import KIND_LABELS, marked_line

_SPECIAL = re.compile(r"([~=#{}:])")


def escape(text: str) -> str:
    """GIFT's special characters taken literally; line breaks as GIFT's \\n."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def _question_text(q: Question) -> str:
    text = escape(q.prompt)
    if q.line:
        text += "\\n\\n" + marked_line(q, "【", "】", escape)
    return text


def _key(q: Question) -> str:
    parts = [q.explanation]
    if q.say_instead:
        parts.append("言い換え：" + "、".join(q.say_instead))
    return escape(" ".join(parts))


def _question(number: int, q: Question) -> str:
    title = escape(f"問{number} {q.term}（{KIND_LABELS[q.kind]}）")
    lines = [f"::{title}:: {_question_text(q)} {{"]
    if q.kind is Kind.MATCHING:
        lines += [f"={escape(term)} -> {escape(meaning)}" for term, meaning in q.pairs]
    else:
        for index, choice in enumerate(q.choices):
            if index == q.answer:
                lines.append(f"={escape(choice.text)}#正解です。{_key(q)}")
            else:
                lines.append(f"~{escape(choice.text)}#{escape(choice.note)}")
    lines.append(f"####{_key(q)}")
    lines.append("}")
    return "\n".join(lines)


def render(quiz: Quiz) -> Rendered:
    head = f"// {quiz.title} (jargonlint quiz, seed {quiz.seed})\n$CATEGORY: {escape(quiz.title)}\n"
    body = "\n\n".join(_question(n, q) for n, q in enumerate(quiz.questions, start=1))
    return Rendered((head + "\n" + body + "\n").encode())
