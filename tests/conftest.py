"""Shared fixtures: one tokenizer, the mini test glossary and the shipped glossary."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jargonlint.linter import Glossary, Linter
from jargonlint.tokenizer import Tokenizer

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep the compiled-glossary cache of test runs away from the user's own."""
    previous = os.environ.get("JARGONLINT_CACHE_DIR")
    os.environ["JARGONLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["JARGONLINT_CACHE_DIR"]
    else:
        os.environ["JARGONLINT_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def mini_glossary(tokenizer: Tokenizer) -> Glossary:
    return Glossary.load([MINI], builtin=False, tokenizer=tokenizer)


@pytest.fixture(scope="session")
def shipped_glossary(tokenizer: Tokenizer) -> Glossary:
    return Glossary.load(tokenizer=tokenizer)


@pytest.fixture
def lint(mini_glossary: Glossary):
    """Lint one text with the mini glossary; returns (term, matched, column, severity)."""

    def run(text: str, audience: str = "consumer") -> list[tuple[str, str, int, str]]:
        findings = Linter(mini_glossary, audience=audience).lint_text("t.txt", text)
        return [(f.term, f.matched, f.column, f.severity) for f in findings]

    return run


# -- a headless Chromium page, for the tests of the pages jargonlint writes -----------
# The system's Chromium (Debian's ``chromium``; .ci/run installs it) through playwright,
# which never downloads a browser here. Without it the page tests skip, except in CI,
# where they must run.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable() -> str | None:
    if CHROMIUM is None:
        return "no chromium on PATH (apt-get install chromium; .ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install '.[test]')"
    return None


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(folder / "profile"),
            executable_path=CHROMIUM,
            args=ARGS,
            viewport={"width": 900, "height": 1200},
            offline=True,  # the page must need nothing from the network
        )
        yield browser.new_page()
        browser.close()
