"""A printable worksheet: the questions first, the answer key with notes at the end."""

from __future__ import annotations

import re

from jargonlint.quiz.questions import Kind, Question, Quiz
from jargonlint.quiz.writers import Rendered
from jargonlint.quiz.writers.text import KIND_LABELS, letter, marked_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _question(number: int, q: Question) -> list[str]:
    out = [f"### 問{number}（{KIND_LABELS[q.kind]}）", "", escape(q.prompt), ""]
    if q.line:
        out += [f"> {marked_line(q, '**', '**', escape)}", ""]
    if q.kind is Kind.MATCHING:
        out += ["| 言葉 | 記号 |", "|---|---|"]
        out += [f"| {letter(i)}. {escape(t)} | （　） |" for i, (t, _) in enumerate(q.pairs)]
        out.append("")
        out += [f"{i}. {escape(c.text)}" for i, c in enumerate(q.choices, start=1)]
    else:
        out += [f"{i}. {escape(c.text)}" for i, c in enumerate(q.choices, start=1)]
    return [*out, ""]


def _key(number: int, q: Question) -> list[str]:
    if q.kind is Kind.MATCHING:
        answer = "、".join(f"{letter(i)}→{q.key[i] + 1}" for i in range(len(q.pairs)))
        out = [f"### 問{number}　正解：{answer}", ""]
        out += [f"- **{escape(t)}**：{escape(m)}" for t, m in q.pairs]
        return [*out, ""]
    out = [
        f"### 問{number}　正解：{q.answer + 1}. {escape(q.choices[q.answer].text)}",
        "",
        f"- **{escape(q.term)}**（{escape(q.reading)}）：{escape(q.explanation)}",
        f"- 言い換え：{escape('、'.join(q.say_instead))}",
    ]
    if q.detail:
        out.append(f"- トレーナー向けメモ：{escape(q.detail)}")
    if q.source:
        out.append(f"- 出典：{escape(q.source)}")
    for i, choice in enumerate(q.choices, start=1):
        if choice.note:
            out.append(f"- {i}. {escape(choice.text)} → {escape(choice.note)}")
    return [*out, ""]


def render(quiz: Quiz) -> Rendered:
    lines = [
        f"# {escape(quiz.title)}",
        "",
        f"対象：{quiz.audience_label}　問題数：{len(quiz.questions)}　"
        f"（jargonlint quiz --seed {quiz.seed}）",
        "",
        "名前：＿＿＿＿＿＿＿＿＿＿　点数：＿＿＿／" + str(len(quiz.questions)),
        "",
        "## 問題",
        "",
    ]
    for number, q in enumerate(quiz.questions, start=1):
        lines += _question(number, q)
    lines += ["---", "", "## 解答と解説", ""]
    for number, q in enumerate(quiz.questions, start=1):
        lines += _key(number, q)
    return Rendered(("\n".join(lines).rstrip() + "\n").encode())
