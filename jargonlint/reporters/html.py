"""One self-contained HTML page for a run, for supervisors who never open a terminal.

The page needs nothing but itself (inline CSS and script, no fonts or images to
fetch), so it can be mailed or put on a shared drive. Everything is in the HTML
from the start: the filters only hide parts of it, so the page also reads
without script, on a phone and on paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any, TextIO

from jargonlint.findings import Finding
from jargonlint.glossary import Entry
from jargonlint.reporters.glossary_document import CATEGORY_TITLES

# How each finding is shown: its severity, except that a term explained in place
# (or already explained earlier in the script) is its own, calm kind.
LEVELS = ("error", "warning", "info", "explained")
LEVEL_LABELS = {"error": "エラー", "warning": "警告", "info": "情報", "explained": "説明済み"}
OTHER = "other"  # notes that are not glossary terms (speaker guesses, unused suppressions)
TOP_TERMS = 10


@dataclass(frozen=True)
class Line:
    """A line of the script as the report shows it: ``text`` starts at column
    ``offset`` (0-based) of the physical line that findings count columns in."""

    number: int
    text: str
    offset: int = 0
    location: str | None = None  # paragraph or Sheet!C5, for Word and Excel
    cell: str | None = None  # the table column, for CSV/TSV


@dataclass
class ScriptView:
    """One checked script: its path, findings and the lines to show them in."""

    path: str
    findings: list[Finding]
    lines: list[Line] = field(default_factory=list)


def report(results: Iterable[Any], out: TextIO, run: Any) -> None:
    """The registry's reporter: a page needs every result before it starts, so this
    one collects them. A result shows the agent's whole script when the checker kept
    its lines (``Checker.keep_agent_lines``), else the lines its findings are on."""
    results = list(results)
    scripts = [
        ScriptView(r.path, r.findings, [Line(*line) for line in r.agent_lines or ()])
        for r in results
        if r.checked
    ]
    errors = [r.error for r in results if r.error]
    out.write(render(scripts, run.entries(), errors=errors))


def level(finding: Finding) -> str:
    """The kind a finding is shown as (one of LEVELS)."""
    return "explained" if finding.rule == "explained" else finding.severity


def category(finding: Finding) -> str:
    return finding.category or OTHER


def where(finding: Finding) -> str:
    """The finding's place as the writer finds it: 12:5, Sheet1!C5 or table 1, row 2."""
    if finding.location:
        return f"{finding.location}, {finding.column}文字目"
    place = f"{finding.line}:{finding.column}"
    return f"{place}（{finding.cell}）" if finding.cell else place


def render(
    scripts: Sequence[ScriptView],
    entries: Iterable[Entry] = (),
    *,
    errors: Sequence[str] = (),
    title: str = "jargonlint レポート",
) -> str:
    """The whole page."""
    notes = {e.term: e.detail for e in entries if e.detail}
    findings = [f for s in scripts for f in s.findings]
    categories = sorted({category(f) for f in findings}, key=_category_order)
    parts = [
        _HEAD.format(title=escape(title), css=_CSS),
        f"<header><h1>{escape(title)}</h1></header>",
        _summary(scripts, findings),
        _filters(findings, categories),
    ]
    if errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in errors)
        parts.append(f'<section class="errors"><h2>確認できなかったファイル</h2><ul>{items}</ul>')
        parts.append("</section>")
    parts.append("<main>")
    parts.extend(_script(number, s, notes) for number, s in enumerate(scripts, start=1))
    parts.append("</main>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>\n")
    return "\n".join(parts)


def _category_order(name: str) -> tuple[int, str]:
    order = list(CATEGORY_TITLES)
    return (order.index(name) if name in order else len(order), name)


def _category_label(name: str) -> str:
    if name == OTHER:
        return "その他の注意"
    return CATEGORY_TITLES.get(name, name)


def _counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(level(f) for f in findings)


def _summary(scripts: Sequence[ScriptView], findings: list[Finding]) -> str:
    counts = _counts(findings)
    tiles = "".join(
        f'<div class="tile {lv}"><span class="n">{counts[lv]}</span>{LEVEL_LABELS[lv]}</div>'
        for lv in LEVELS
    )
    terms = Counter(f.term for f in findings if f.category and f.rule != "explained")
    top = "".join(
        f"<li><b>{escape(term)}</b> {n}回</li>" for term, n in terms.most_common(TOP_TERMS)
    )
    rows = []
    for number, script in enumerate(scripts, start=1):
        c = _counts(script.findings)
        cells = "".join(f'<td class="{lv}">{c[lv]}</td>' for lv in LEVELS)
        rows.append(
            f'<tr><th scope="row"><a href="#script-{number}">{escape(script.path)}</a></th>'
            f"{cells}</tr>"
        )
    head = "".join(f'<th scope="col">{LEVEL_LABELS[lv]}</th>' for lv in LEVELS)
    return (
        '<section id="summary"><h2>まとめ</h2>'
        f'<p class="checked"><span id="scripts-checked">{len(scripts)}</span> 本のスクリプトを'
        f"確認しました。</p>"
        f'<div class="tiles">{tiles}</div>'
        + (f'<h3>よく出てきた言葉</h3><ol class="top">{top}</ol>' if top else "")
        + '<h3>スクリプトごとの件数</h3><div class="scroll"><table class="per-script">'
        f'<thead><tr><th scope="col">スクリプト</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _filters(findings: list[Finding], categories: list[str]) -> str:
    present = _counts(findings)
    levels = "".join(
        f'<label class="chip {lv}"><input type="checkbox" data-filter="level" value="{lv}" '
        f"checked> {LEVEL_LABELS[lv]} ({present[lv]})</label>"
        for lv in LEVELS
    )
    per_category = Counter(category(f) for f in findings)
    kinds = "".join(
        f'<label class="chip"><input type="checkbox" data-filter="category" value="{escape(c)}" '
        f"checked> {escape(_category_label(c))} ({per_category[c]})</label>"
        for c in categories
    )
    return (
        '<section id="filters" aria-label="絞り込み"><h2>絞り込み</h2>'
        f'<div class="row"><span class="what">重さ</span>{levels}</div>'
        f'<div class="row"><span class="what">分野</span>{kinds}</div>'
        '<p id="shown" aria-live="polite"></p></section>'
    )


def _script(number: int, script: ScriptView, notes: dict[str, str]) -> str:
    counts = _counts(script.findings)
    badge = " ".join(
        f'<span class="badge {lv}">{LEVEL_LABELS[lv]} {counts[lv]}</span>'
        for lv in LEVELS
        if counts[lv]
    )
    placed, loose = _place(script.findings, script.lines)
    body = []
    ids = iter(range(1, len(script.findings) + 1))
    for line in script.lines:
        found = placed.get(id(line), [])
        body.append(_line(number, line, found, ids, notes))
    # Lines the report was not given (--speakers all, or no lines at all): each
    # finding's own source line, once per line.
    extra: dict[tuple[int, str | None], list[Finding]] = {}
    for finding in loose:
        extra.setdefault((finding.line, finding.location), []).append(finding)
    for (line_number, location), found in extra.items():
        text = found[0].source_line or found[0].matched
        line = Line(line_number, text, 0, location, found[0].cell)
        body.append(_line(number, line, found, ids, notes))
    empty = "" if script.findings else '<p class="clean">気になる言葉はありませんでした。</p>'
    return (
        f'<section class="script" id="script-{number}" data-path="{escape(script.path)}">'
        f"<h2>{escape(script.path)}</h2><p class='badges'>{badge}</p>{empty}"
        f'<ol class="lines">{"".join(body)}</ol></section>'
    )


def _place(
    findings: list[Finding], lines: list[Line]
) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Each finding on the shown line that holds its columns; the rest apart."""
    by_place: dict[tuple[int, str | None], list[Line]] = {}
    for line in lines:
        by_place.setdefault((line.number, line.location), []).append(line)
    placed: dict[int, list[Finding]] = {}
    loose = []
    for finding in findings:
        start = finding.column - 1
        home = next(
            (
                line
                for line in by_place.get((finding.line, finding.location), [])
                if line.offset <= start and finding.end_column - 1 <= line.offset + len(line.text)
            ),
            None,
        )
        if home is None:
            loose.append(finding)
        else:
            placed.setdefault(id(home), []).append(finding)
    return placed, loose


def _line(
    script: int, line: Line, findings: list[Finding], ids: Iterable[int], notes: dict[str, str]
) -> str:
    """A script line with its terms marked, and a card per term below it."""
    ids = iter(ids)
    numbered = [(next(ids), f) for f in sorted(findings, key=lambda f: f.column)]
    pieces, last = [], 0
    for number, finding in numbered:
        start, end = finding.column - 1 - line.offset, finding.end_column - 1 - line.offset
        if start < last:  # overlapping marks: the card still lists it
            continue
        pieces.append(escape(line.text[last:start]))
        pieces.append(
            f'<mark class="term {level(finding)}" id="t{script}-{number}" '
            f'data-level="{level(finding)}" data-category="{escape(category(finding))}" '
            f'tabindex="0" aria-describedby="c{script}-{number}">'
            f"{escape(line.text[start:end])}</mark>"
        )
        last = end
    pieces.append(escape(line.text[last:]))
    # Word/Excel places (paragraph 7, Sheet1!C5) are too long for the number column.
    number = "" if line.location else str(line.number)
    place = f'<span class="loc">{escape(line.location)}</span>' if line.location else ""
    cards = "".join(_card(script, n, f, notes) for n, f in numbered)
    state = " has-findings" if findings else ""
    return (
        f'<li class="line{state}"><span class="no">{number}</span>'
        f'<span class="text">{place}{"".join(pieces)}</span>'
        + (f'<ul class="cards">{cards}</ul>' if cards else "")
        + "</li>"
    )


def _card(script: int, number: int, finding: Finding, notes: dict[str, str]) -> str:
    lv = level(finding)
    rows = [
        f'<p class="head"><span class="badge {lv}">{LEVEL_LABELS[lv]}</span> '
        f"<b>{escape(finding.term or finding.matched)}</b> "
        f'<span class="where">{escape(where(finding))}</span> '
        f'<span class="cat">{escape(_category_label(category(finding)))}</span></p>'
    ]
    if finding.rule in ("misuse", "explained") or not finding.category:
        rows.append(f'<p class="message">{escape(finding.message)}</p>')
    if finding.category:
        rows.append(f'<p class="explanation"><span>説明</span>{escape(finding.explanation)}</p>')
    if finding.suggestions:
        say = "、".join(finding.suggestions)
        rows.append(f'<p class="say"><span>言い換え</span>{escape(say)}</p>')
    note = notes.get(finding.term) if finding.category else None
    if note:
        rows.append(f'<p class="note"><span>研修メモ</span>{escape(note)}</p>')
    return (
        f'<li class="card {lv}" id="c{script}-{number}" data-level="{lv}" '
        f'data-category="{escape(category(finding))}">{"".join(rows)}</li>'
    )


_HEAD = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style></head><body>"""

_CSS = """
:root{--error:#b3261e;--error-bg:#fde3e1;--warning:#8a5a00;--warning-bg:#fff0c2;
--info:#1f5f99;--info-bg:#e1eefb;--explained:#2e6b30;--explained-bg:#e6f4e4;
--line:#d9d9d9;font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP","IPAPGothic",
"Yu Gothic",sans-serif;line-height:1.7;color:#1d1d1d;background:#fafafa}
body{margin:0 auto;max-width:60rem;padding:0 1rem 3rem}
h1{font-size:1.5rem;margin:1rem 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
h1,h2,h3{overflow-wrap:anywhere}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;
margin:1rem 0}
.tiles{display:flex;flex-wrap:wrap;gap:.5rem}
.tile{flex:1 1 6rem;border-radius:6px;padding:.4rem .6rem;text-align:center}
.tile .n{display:block;font-size:1.6rem;font-weight:bold}
.error{--c:var(--error);--bg:var(--error-bg)}.warning{--c:var(--warning);--bg:var(--warning-bg)}
.info{--c:var(--info);--bg:var(--info-bg)}.explained{--c:var(--explained);--bg:var(--explained-bg)}
.tile,.badge{background:var(--bg);color:var(--c)}
.badge{border-radius:4px;padding:0 .35rem;font-size:.85rem;white-space:nowrap}
.top{columns:2 12rem;margin:.2rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.2rem .4rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left;word-break:break-all}
td.error,td.warning,td.info,td.explained{color:var(--c)}
#filters{position:sticky;top:0;z-index:2}
#filters h2{display:none}
.row{display:flex;flex-wrap:wrap;gap:.3rem .5rem;align-items:center;margin:.25rem 0}
.what{font-weight:bold;margin-right:.3rem}
.chip{border:1px solid var(--line);border-radius:999px;padding:.1rem .6rem;cursor:pointer;
font-size:.9rem;background:var(--bg,#fff);color:var(--c,inherit)}
#shown{margin:.2rem 0;font-size:.85rem;color:#555}
.lines{list-style:none;padding:0;margin:0}
.line{display:grid;grid-template-columns:3.2rem 1fr;gap:0 .5rem;padding:.25rem 0;
border-top:1px solid #f0f0f0}
.no{color:#777;font-size:.8rem;text-align:right;padding-top:.2rem;word-break:break-all}
.text{white-space:pre-wrap;word-break:break-all}
.loc{display:block;font-size:.75rem;color:#777}
thead th{white-space:nowrap}
mark.term{background:var(--bg);color:inherit;border-bottom:3px solid var(--c);
border-radius:3px;padding:0 1px;cursor:help}
mark.term.explained{border-bottom-style:dashed;background:transparent}
mark.term.error{border-bottom-style:double;font-weight:bold}
mark.term.off{background:transparent;border-bottom-color:transparent;font-weight:normal}
mark.term:focus{outline:2px solid var(--c)}
.cards{grid-column:2;list-style:none;padding:0;margin:.2rem 0 .4rem}
.card{border-left:4px solid var(--c);background:#fcfcfc;padding:.2rem .6rem;margin:.3rem 0;
font-size:.92rem}
.card p{margin:.1rem 0}
.card p>span:first-child:not(.badge){display:inline-block;min-width:4.5rem;font-weight:bold;
color:#444}
.where,.cat{color:#666;font-size:.85rem;margin-left:.3rem}
.card.active{box-shadow:0 0 0 2px var(--c)}
.line:not(.has-findings){color:#555}
.hidden{display:none!important}
.clean{color:var(--explained)}
.errors{border-color:var(--error)}
@media (max-width:600px){body{padding:0 .4rem 2rem}section{padding:.4rem .6rem}
.line{grid-template-columns:2.2rem 1fr}.cards{grid-column:1/-1}}
@media print{#filters{display:none}body{max-width:none;background:#fff}
section{border:none;padding:0;break-inside:auto}.script{break-before:page}
.card{break-inside:avoid}a{color:inherit;text-decoration:none}
mark.term{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# Filters hide cards and un-highlight terms; a line with nothing left to show, and a
# script with no line left, are hidden too (a clean line is shown only when nothing
# is filtered out).
_SCRIPT = """
(function(){
var boxes=[].slice.call(document.querySelectorAll('#filters input'));
function on(kind){return boxes.filter(function(b){return b.dataset.filter===kind&&b.checked})
.map(function(b){return b.value})}
function apply(){
var levels=on('level'),cats=on('category'),all=boxes.every(function(b){return b.checked}),
shown=0,total=0;
document.querySelectorAll('.card').forEach(function(c){total++;
var ok=levels.indexOf(c.dataset.level)>=0&&cats.indexOf(c.dataset.category)>=0;
c.classList.toggle('hidden',!ok);if(ok)shown++;
var m=document.getElementById('t'+c.id.slice(1));if(m)m.classList.toggle('off',!ok)});
document.querySelectorAll('.line').forEach(function(l){
var any=l.querySelector('.card:not(.hidden)');l.classList.toggle('hidden',!any&&!all)});
document.querySelectorAll('.script').forEach(function(s){
var any=s.querySelector('.line:not(.hidden)')||s.querySelector('.clean');
s.classList.toggle('hidden',!any&&!all)});
document.getElementById('shown').textContent=all?'':total+'件のうち'+shown+'件を表示中'}
boxes.forEach(function(b){b.addEventListener('change',apply)});
document.querySelectorAll('mark.term').forEach(function(m){
function show(){var c=document.getElementById('c'+m.id.slice(1));
document.querySelectorAll('.card.active').forEach(function(a){a.classList.remove('active')});
if(c)c.classList.add('active')}
m.addEventListener('focus',show);m.addEventListener('mouseenter',show);
m.addEventListener('click',show)});
apply()})();
"""
