"""The quiz page in headless Chromium: agents answer it, it scores and explains.

Uses the system's Chromium (Debian's ``chromium``; .ci/run installs it) through
playwright, which never downloads a browser here. Without Chromium the tests
skip, except in CI, where they must run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app

SAMPLES = str(Path(__file__).parent.parent / "scripts_samples")
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def quiz_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("quiz") / "quiz.html"
    result = CliRunner().invoke(
        app, ["quiz", SAMPLES, "--seed", "7", "--count", "8", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def _answer_all(page, wrong: int | None = None) -> None:
    """Answer every question right, except question number ``wrong`` (1-based)."""
    for number, question in enumerate(page.locator("li.q").all(), start=1):
        if question.get_attribute("data-kind") == "matching":
            key = question.get_attribute("data-key").split(",")
            for select, value in zip(question.locator("select").all(), key, strict=True):
                if number == wrong:
                    value = str(int(value) % len(key) + 1)  # the next number
                select.select_option(value=value)
            question.locator("button.check").click()
            continue
        answer = int(question.get_attribute("data-answer"))
        index = (answer + 1) % 4 if number == wrong else answer
        question.locator(f'button.choice[data-index="{index}"]').click()


def test_all_right_scores_100(page, quiz_file):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(quiz_file.as_uri())
    assert page.locator("#score").is_hidden()
    _answer_all(page)
    score = page.locator("#score")
    assert score.is_visible()
    assert score.get_attribute("data-percent") == "100"
    assert "8問中 8問 正解" in score.inner_text()
    assert requests == [quiz_file.as_uri()]  # self-contained: nothing else is fetched


def test_a_wrong_answer_shows_its_explanation(page, quiz_file):
    page.goto(quiz_file.as_uri())
    first = page.locator("li.q").first
    kind = first.get_attribute("data-kind")
    feedback = first.locator(".feedback")
    assert feedback.is_hidden()
    _answer_all(page, wrong=1)
    assert feedback.is_visible()
    assert "ちがいます" in feedback.inner_text()
    if kind != "matching":
        assert first.locator("button.choice.wrong").count() == 1
        assert first.locator(".why").inner_text().strip()  # why the chosen one is wrong
    assert page.locator("#score").get_attribute("data-percent") == str(round(100 * 7 / 8))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "quiz.png"), full_page=True)
    assert (ARTIFACTS / "quiz.png").stat().st_size > 10_000
    # The top of the page, answered, as the README shows it (docs/quiz.png).
    top = {"x": 0, "y": 0, "width": 900, "height": 1250}
    page.screenshot(path=str(ARTIFACTS / "quiz-top.png"), clip=top, full_page=True)


def test_prints_without_buttons_and_hidden_answers(page, quiz_file):
    page.goto(quiz_file.as_uri())
    page.emulate_media(media="print")
    assert page.locator("#progress").is_hidden()
    assert page.locator(".feedback").first.is_hidden()
    assert page.locator("li.q").first.is_visible()
    assert len(page.pdf()) > 1000
