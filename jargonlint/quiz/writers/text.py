"""Small text helpers the writers share: the marked script line, sentences, kinds."""

from __future__ import annotations

import re

from jargonlint.quiz.questions import Kind, Question

KIND_LABELS = {
    Kind.MEANING: "意味",
    Kind.TERM: "言葉",
    Kind.READING: "読み方",
    Kind.REWRITE: "言い換え",
    Kind.MATCHING: "組み合わせ",
}
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def marked_line(question: Question, before: str, after: str, escape=lambda s: s) -> str:
    """The script line with the term wrapped in ``before`` … ``after``."""
    line = question.line
    if question.marked is None:
        return escape(line)
    start, end = question.marked
    return escape(line[:start]) + before + escape(line[start:end]) + after + escape(line[end:])


def sentence_with_term(question: Question) -> str:
    """The whole sentence of the line that holds the term (never part of a sentence)."""
    if question.marked is None:
        return question.line
    start = question.marked[0]
    at = 0
    for sentence in _SENTENCE_END.split(question.line):
        if at <= start < at + len(sentence):
            return sentence.strip()
        at += len(sentence)
    return question.line


def letter(index: int) -> str:
    return "ABCDEF"[index]
