"""LazyPattern answers as re.compile would, and compiles nothing before its first use."""

from __future__ import annotations

import re

import pytest

from jargonlint.lazy_pattern import LazyPattern

SOURCE = "(?P<name>[一-鿿]+)[:：]"
TEXT = "稟議：はい、担当:いいえ"


def test_answers_as_the_compiled_pattern_does() -> None:
    compiled = re.compile(SOURCE, re.IGNORECASE)
    for call in (
        lambda p: p.match(TEXT)[0],
        lambda p: p.fullmatch("稟議：")["name"],
        lambda p: p.search(TEXT, 3).span(),
        lambda p: [m.span() for m in p.finditer(TEXT)],
        lambda p: p.findall(TEXT),
        lambda p: p.sub("-", TEXT),
        lambda p: p.split(TEXT, 1),
    ):
        assert call(LazyPattern(SOURCE, re.IGNORECASE)) == call(compiled)


def test_compiles_on_first_use_then_hands_over_the_compiled_methods() -> None:
    lazy = LazyPattern("[ぁ-ん]+x")
    assert lazy.pattern == "[ぁ-ん]+x" and "match" not in vars(lazy)
    assert lazy.match("あいx") is not None
    compiled = re.compile("[ぁ-ん]+x")
    assert vars(lazy)["search"] == compiled.search  # no wrapper left in between
    assert lazy.search("zzあx").span() == (2, 4)


def test_a_bad_pattern_fails_when_used() -> None:
    lazy = LazyPattern("[unclosed")  # nothing raised yet: it is not compiled
    with pytest.raises(re.error):
        lazy.match("x")
