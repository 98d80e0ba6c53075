"""The HTML report as text: self-contained, escaped, every finding placed."""

from __future__ import annotations

import io
import re

from jargonlint.api import Checker, FileResult
from jargonlint.findings import Finding
from jargonlint.reporters import Run, html


def finding(line: int, column: int, matched: str, **kw) -> Finding:
    values = dict(
        path="a.txt",
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(matched),
        term=matched,
        matched=matched,
        category="business",
        severity="warning",
        rule="jargon",
        explanation="説明<b>です</b>。",
        suggestions=("言い換え",),
        message="専門の言葉です",
    )
    values.update(kw)
    return Finding(**values)


def test_needs_nothing_from_outside():
    page = html.render(
        [html.ScriptView("a.txt", [finding(1, 4, "稟議")], [html.Line(1, "OP：稟議")])]
    )
    assert not re.search(r"""(?:src|href)=["'](?!#)""", page)  # only in-page links
    assert "http" not in page.lower().replace("http-equiv", "")


def test_script_text_and_explanations_are_escaped():
    text = "OP：<script>alert(1)</script>稟議"
    page = html.render(
        [
            html.ScriptView(
                "<a>.txt", [finding(1, len(text) - 1, "稟議")], [html.Line(1, text[3:], 3)]
            )
        ]
    )
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "説明&lt;b&gt;です&lt;/b&gt;。" in page
    assert re.search(r'<mark class="term warning"[^>]*>稟議</mark>', page)


def test_a_finding_on_a_line_not_given_is_still_shown():
    customer = finding(2, 5, "稟議", source_line="お客様：稟議？")
    page = html.render([html.ScriptView("a.txt", [customer], [html.Line(1, "こんにちは")])])
    assert page.count('<mark class="term') == 1
    assert "お客様：<mark" in page


def test_where_names_the_place_a_writer_finds():
    assert html.where(finding(3, 5, "稟議")) == "3:5"
    assert html.where(finding(3, 5, "稟議", cell="セリフ")) == "3:5（セリフ）"
    assert html.where(finding(3, 2, "稟議", location="Sheet1!C5")) == "Sheet1!C5, 2文字目"


def test_findings_without_lines_share_their_source_line():
    line = "OP：稟議と稟議"
    two = [finding(1, 4, "稟議", source_line=line), finding(1, 7, "稟議", source_line=line)]
    page = html.render([html.ScriptView("a.txt", two)])
    assert page.count('<li class="line') == 1
    assert page.count('<mark class="term') == 2


def test_registry_reporter_takes_results_and_run():
    out = io.StringIO()
    results = [FileResult("a.txt", [finding(1, 4, "稟議", source_line="OP：稟議")])]
    run = Run("0", list)
    html.report([*results, FileResult("b.txt", error="b.txt: cannot read")], out, run)
    page = out.getvalue()
    assert '<span id="scripts-checked">1</span>' in page
    assert "b.txt: cannot read" in page
    assert page.count('<mark class="term warning"') == 1


def test_the_page_shows_every_agent_line_when_the_checker_keeps_them(mini_glossary):
    checker = Checker(glossary=mini_glossary)
    checker.keep_agent_lines = True
    result = checker.check_text("OP：こんにちは。\nお客様：はい。\nOP：稟議の件です。", "s.txt")
    assert [line[:2] for line in result.agent_lines] == [(1, "こんにちは。"), (3, "稟議の件です。")]
    out = io.StringIO()
    html.report([result], out, Run("0", list))
    page = out.getvalue()
    assert "こんにちは。" in page  # a line with no finding is shown too
    assert "はい。" not in page  # the customer's line is not
