"""The HTML report in headless Chromium: every finding highlighted with its
explanation, filters that hide what they should, a page that prints.

Uses the system's Chromium (Debian's ``chromium``; .ci/run installs it) through
playwright, which never downloads a browser here. Without Chromium the tests
skip, except in CI, where they must run.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app

ROOT = Path(__file__).parent.parent
SAMPLES = "scripts_samples"  # run from the project folder: the paths a writer sees
ARTIFACTS = Path(__file__).parent / "artifacts"


def _check(*args: str):
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return CliRunner().invoke(app, ["check", "--isolated", SAMPLES, *args])
    finally:
        os.chdir(here)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = _check("-f", "html", "-o", str(out))
    assert result.exit_code == 1, result.output  # the samples have warnings
    assert result.stdout == ""  # the report went to the file
    return out


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    result = _check("-f", "json")
    return json.loads(result.stdout)["findings"]


def _level(finding: dict) -> str:
    return "explained" if finding["rule"] == "explained" else finding["severity"]


def test_each_finding_is_highlighted_with_its_explanation(page, report, findings):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    assert requests == [report.as_uri()]  # self-contained: nothing else is fetched
    shown = page.eval_on_selector_all(
        "mark.term",
        """marks => marks.map(m => {
            const card = document.getElementById(m.getAttribute('aria-describedby'));
            const text = card.querySelector('.explanation') || card.querySelector('.message');
            return [m.textContent, m.dataset.level, text.textContent.replace(/^説明/, ''),
                    getComputedStyle(m).backgroundColor];
        })""",
    )
    expected = Counter((f["matched"], _level(f), f["explanation"]) for f in findings)
    assert Counter((text, lv, why) for text, lv, why, _ in shown) == expected
    colours = {lv: bg for _, lv, _, bg in shown if lv != "explained"}
    assert len(set(colours.values())) == len(colours)  # each severity has its own colour
    assert page.locator("#scripts-checked").inner_text() == "9"
    assert page.locator("mark.term.off").count() == 0


def test_a_term_card_has_say_instead_and_trainer_note(page, report, findings):
    page.goto(report.as_uri())
    first = next(f for f in findings if f["suggestions"] and f["rule"] == "jargon")
    mark = page.locator("mark.term", has_text=first["matched"]).first
    mark.focus()  # a tap or a keyboard focus points at the card
    card = page.locator(".card.active")
    assert card.count() == 1
    assert "、".join(first["suggestions"]) in card.locator(".say").inner_text()
    assert card.locator(".note").inner_text().startswith("研修メモ")


def test_severity_filter_hides_what_it_should(page, report, findings):
    page.goto(report.as_uri())
    page.locator('input[data-filter="level"][value="warning"]').uncheck()
    visible = page.eval_on_selector_all(
        ".card", "cs => cs.filter(c => c.offsetParent !== null).map(c => c.dataset.level)"
    )
    kept = Counter(_level(f) for f in findings if _level(f) != "warning")
    assert Counter(visible) == kept
    assert (
        page.locator("mark.term.warning.off").count() == page.locator("mark.term.warning").count()
    )
    assert page.locator("mark.term.info.off").count() == 0
    shown = page.locator("#shown").inner_text()
    assert shown == f"{len(findings)}件のうち{sum(kept.values())}件を表示中"
    for line in page.locator(".line.has-findings").all():  # a line left with nothing: hidden
        levels = {c.get_attribute("data-level") for c in line.locator(".card").all()}
        assert line.is_visible() == bool(levels - {"warning"})
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-filtered.png"), full_page=True)


def test_category_filter_hides_what_it_should(page, report, findings):
    page.goto(report.as_uri())
    page.locator('input[data-filter="category"][value="telecom"]').uncheck()
    visible = page.eval_on_selector_all(
        ".card", "cs => cs.filter(c => c.offsetParent !== null).map(c => c.dataset.category)"
    )
    assert "telecom" not in visible
    assert len(visible) == sum(1 for f in findings if f["category"] != "telecom")
    page.locator('input[data-filter="category"][value="telecom"]').check()
    assert page.locator(".card:visible").count() == len(findings)


def test_screenshot_and_phone_width(page, report):
    page.goto(report.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    top = {"x": 0, "y": 0, "width": 900, "height": 1500}
    page.screenshot(path=str(ARTIFACTS / "report-top.png"), clip=top, full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(report.as_uri())
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 375  # nothing forces a phone to scroll sideways
    page.set_viewport_size({"width": 900, "height": 1200})


def test_prints_the_findings_without_the_filter_bar(page, report):
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator(".card").first.is_visible()
    assert len(page.pdf()) > 1000
    page.emulate_media(media="screen")
