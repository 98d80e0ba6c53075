"""Kahoot's quiz spreadsheet (.xlsx): header in row 8 (B–H), one question per row from 9.

Kahoot refuses a question over 120 characters or an answer over 75, and only
knows a few time limits. A question that does not fit is shortened the ways
that keep whole sentences (the one sentence holding the term; the shortest
plain word for each answer) or left out with a warning, never cut mid-sentence.
Kahoot has no matching questions: those are left out with a warning.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from jargonlint.quiz.questions import Kind, Question, Quiz
from jargonlint.quiz.writers import Rendered, zipped
from jargonlint.quiz.writers.text import sentence_with_term

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADER = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
_READ_PER_SECOND = 8  # characters of Japanese an agent reads in a second, unhurried
_FIXED_TIME = datetime(2000, 1, 1)


def _prompts(q: Question, label: str) -> list[str]:
    """Question texts from the fullest to the shortest; the first that fits is used."""
    if q.kind is Kind.MEANING:
        return [q.prompt, f"「{q.term}」の意味は？"]
    if q.kind is Kind.TERM:
        return [q.prompt, f"「{q.explanation}」この言葉は？"]
    if q.kind is Kind.READING:
        return [q.prompt, f"「{q.term}」の読み方は？"]
    ask = f"「{q.term}」を{label}に言うなら？"
    return [f"{q.line}\n{ask}", f"{sentence_with_term(q)}\n{ask}"]


def _answers(q: Question) -> list[list[str]]:
    """Answer sets from the fullest to the shortest (each entry's shortest plain word)."""
    full = [c.text for c in q.choices]
    if q.kind is not Kind.MEANING:
        return [full]
    return [full, [c.plain for c in q.choices]]


def time_limit(question: str, answers: list[str]) -> int:
    """The shortest allowed limit that leaves time to read everything and think."""
    needed = 5 + (len(question) + sum(map(len, answers))) / _READ_PER_SECOND
    return next((t for t in TIME_LIMITS if t >= needed), TIME_LIMITS[-1])


def fit(q: Question, label: str) -> tuple[str, list[str]] | None:
    """The question and answers within Kahoot's limits, or None when nothing fits."""
    prompt = next((p for p in _prompts(q, label) if len(p) <= QUESTION_LIMIT), None)
    answers = next((a for a in _answers(q) if all(a) and max(map(len, a)) <= ANSWER_LIMIT), None)
    if prompt is None or answers is None or len(set(answers)) < len(answers):
        return None
    return prompt, answers


def render(quiz: Quiz) -> Rendered:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet["B2"] = quiz.title
    for column, title in enumerate(HEADER, start=2):
        sheet.cell(HEADER_ROW, column, title)
    warnings = []
    row = HEADER_ROW + 1
    for number, q in enumerate(quiz.questions, start=1):
        if q.kind is Kind.MATCHING:
            warnings.append(f"question {number} ({q.term}): Kahoot has no matching questions")
            continue
        fitted = fit(q, quiz.audience_label)
        if fitted is None:
            warnings.append(
                f"question {number} ({q.term}): longer than Kahoot allows "
                f"({QUESTION_LIMIT} characters a question, {ANSWER_LIMIT} an answer)"
            )
            continue
        prompt, answers = fitted
        sheet.cell(row, 1, row - HEADER_ROW)
        sheet.cell(row, 2, prompt)
        for column, answer in enumerate(answers, start=3):
            sheet.cell(row, column, answer)
        sheet.cell(row, 7, time_limit(prompt, answers))
        sheet.cell(row, 8, str(q.answer + 1))
        row += 1
    # openpyxl's save() stamps the time of saving into the file; its writer does not.
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    out = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)).save()
    return Rendered(zipped.stable(out.getvalue()), warnings)
