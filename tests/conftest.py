"""Shared fixtures: one tokenizer, the mini test glossary and the shipped glossary."""

from __future__ import annotations

import os
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
