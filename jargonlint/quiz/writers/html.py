"""One self-contained page agents answer in a browser: no external files, works offline.

The questions are plain HTML (readable and printable without script); a small
inline script marks each answer right or wrong, shows the explanation and adds
up the score when every question is answered.
"""

from __future__ import annotations

from html import escape

from jargonlint.quiz.questions import Kind, Question, Quiz
from jargonlint.quiz.writers import Rendered
from jargonlint.quiz.writers.text import KIND_LABELS, letter, marked_line

_STYLE = """
:root { --ok: #1b7a3d; --ng: #b3261e; --line: #d0d4da; }
body { font-family: "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
  max-width: 46rem; margin: 0 auto; padding: 1rem; line-height: 1.7; color: #1d1d1f; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
.meta { color: #555; margin-top: 0; }
ol.questions { padding: 0; list-style: none; counter-reset: q; }
li.q { border: 1px solid var(--line); border-radius: .5rem; padding: .8rem 1rem;
  margin: 1rem 0; break-inside: avoid; }
.q h2 { font-size: 1rem; margin: 0 0 .3rem; color: #444; }
.prompt { font-weight: bold; margin: .2rem 0 .6rem; }
blockquote { margin: .4rem 0 .8rem; padding: .4rem .8rem; background: #f5f6f8;
  border-left: 4px solid #8a94a6; }
mark { background: #ffe58a; padding: 0 .1em; }
.choices { display: grid; gap: .4rem; }
button.choice { text-align: left; font: inherit; padding: .5rem .8rem;
  border: 1px solid var(--line); border-radius: .4rem; background: #fff; cursor: pointer; }
button.choice:hover:enabled { background: #eef3ff; }
button.choice.right { border-color: var(--ok); background: #e6f4ea; }
button.choice.wrong { border-color: var(--ng); background: #fce8e6; }
button:disabled { cursor: default; color: inherit; }
.num { display: inline-block; min-width: 1.6em; font-weight: bold; }
table.matching { border-collapse: collapse; margin: .3rem 0; }
table.matching td, table.matching th { padding: .3rem .5rem; text-align: left; }
select { font: inherit; }
ol.meanings { list-style: none; padding: 0; }
tr.right .mark { color: var(--ok); }
tr.wrong .mark { color: var(--ng); }
button.check { font: inherit; margin-top: .5rem; padding: .3rem 1rem; }
.feedback { margin-top: .6rem; padding: .5rem .8rem; border-radius: .4rem; background: #f5f6f8; }
.verdict { font-weight: bold; margin: 0; }
.feedback.ok .verdict { color: var(--ok); }
.feedback.ng .verdict { color: var(--ng); }
.feedback p { margin: .2rem 0; }
#score { font-size: 1.2rem; font-weight: bold; padding: 1rem; border: 2px solid var(--ok);
  border-radius: .5rem; text-align: center; }
.progress { color: #555; }
@media print {
  body { max-width: none; padding: 0; }
  .progress, button.check, #score[hidden] { display: none; }
  li.q { border: none; border-bottom: 1px solid var(--line); border-radius: 0; }
  button.choice { border: none; padding: 0 0 0 .5rem; background: none !important; }
  .feedback[hidden] { display: none; }
}
"""

_SCRIPT = """
(() => {
  const questions = [...document.querySelectorAll("li.q")];
  const answered = new Map();
  const progress = document.getElementById("progress");
  const score = document.getElementById("score");
  function finish(q, right, note) {
    answered.set(q.id, right);
    const box = q.querySelector(".feedback");
    box.classList.add(right ? "ok" : "ng");
    box.querySelector(".verdict").textContent = right ? "正解です" : "ちがいます";
    box.querySelector(".why").textContent = note || "";
    box.hidden = false;
    progress.textContent = `回答 ${answered.size} / ${questions.length}`;
    if (answered.size === questions.length) {
      const ok = [...answered.values()].filter(Boolean).length;
      const percent = Math.round(100 * ok / questions.length);
      score.textContent = `${questions.length}問中 ${ok}問 正解（${percent}%）`;
      score.dataset.percent = percent;
      score.hidden = false;
    }
  }
  for (const q of questions) {
    for (const button of q.querySelectorAll("button.choice")) {
      button.addEventListener("click", () => {
        if (answered.has(q.id)) return;
        const right = button.dataset.index === q.dataset.answer;
        for (const other of q.querySelectorAll("button.choice")) {
          other.disabled = true;
          if (other.dataset.index === q.dataset.answer) other.classList.add("right");
        }
        if (!right) button.classList.add("wrong");
        finish(q, right, right ? "" : button.dataset.note);
      });
    }
    const check = q.querySelector("button.check");
    if (check) {
      check.addEventListener("click", () => {
        if (answered.has(q.id)) return;
        const key = q.dataset.key.split(",");
        let right = true;
        q.querySelectorAll("select").forEach((select, i) => {
          const ok = select.value === key[i];
          right = right && ok;
          select.disabled = true;
          select.closest("tr").classList.add(ok ? "right" : "wrong");
          select.closest("tr").querySelector(".mark").textContent =
            ok ? "○" : `× 正解 ${key[i]}`;
        });
        check.disabled = true;
        finish(q, right, "");
      });
    }
  }
})();
"""


def _feedback(q: Question) -> str:
    if q.kind is Kind.MATCHING:
        key = "".join(f"<p><b>{escape(t)}</b>：{escape(m)}</p>" for t, m in q.pairs)
    else:
        right = q.choices[q.answer].text
        key = (
            ("" if right == q.explanation else f"<p>正解：{escape(right)}</p>")
            + f"<p><b>{escape(q.term)}</b>（{escape(q.reading)}）：{escape(q.explanation)}</p>"
            f"<p>言い換え：{escape('、'.join(q.say_instead))}</p>"
        )
    return f'<div class="feedback" hidden><p class="verdict"></p><p class="why"></p>{key}</div>'


def _question(number: int, q: Question) -> str:
    parts = [
        f"<h2>問{number}（{KIND_LABELS[q.kind]}）</h2>",
        f'<p class="prompt">{escape(q.prompt)}</p>',
    ]
    if q.line:
        parts.append(f"<blockquote>{marked_line(q, '<mark>', '</mark>', escape)}</blockquote>")
    if q.kind is Kind.MATCHING:
        options = '<option value="">選ぶ</option>' + "".join(
            f'<option value="{i}">{i}</option>' for i in range(1, len(q.choices) + 1)
        )
        rows = "".join(
            f'<tr><th>{letter(i)}. {escape(t)}</th><td><select aria-label="{escape(t)}">'
            f'{options}</select></td><td class="mark"></td></tr>'
            for i, (t, _) in enumerate(q.pairs)
        )
        meanings = "".join(
            f'<li><span class="num">{i}.</span>{escape(c.text)}</li>'
            for i, c in enumerate(q.choices, start=1)
        )
        parts.append(f'<table class="matching">{rows}</table>')
        parts.append(f'<ol class="meanings">{meanings}</ol>')
        parts.append('<button type="button" class="check">答え合わせ</button>')
        attributes = f'data-key="{",".join(str(k + 1) for k in q.key)}"'  # numbers as shown
    else:
        buttons = "".join(
            f'<button type="button" class="choice" data-index="{i}" '
            f'data-note="{escape(c.note)}"><span class="num">{i + 1}.</span>'
            f"{escape(c.text)}</button>"
            for i, c in enumerate(q.choices)
        )
        parts.append(f'<div class="choices">{buttons}</div>')
        attributes = f'data-answer="{q.answer}"'
    parts.append(_feedback(q))
    return (
        f'<li class="q" id="q{number}" data-kind="{q.kind.value}" {attributes}>'
        + "".join(parts)
        + "</li>"
    )


def render(quiz: Quiz) -> Rendered:
    total = len(quiz.questions)
    body = "\n".join(_question(n, q) for n, q in enumerate(quiz.questions, start=1))
    page = f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(quiz.title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>{escape(quiz.title)}</h1>
<p class="meta">対象：{escape(quiz.audience_label)}　全{total}問　(seed {quiz.seed})</p>
<p class="progress" id="progress">回答 0 / {total}</p>
<ol class="questions">
{body}
</ol>
<p id="score" hidden></p>
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return Rendered(page.encode())
