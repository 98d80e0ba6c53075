"""Rarity signals: UniDic's unseen-word costs and the cached wordfreq table."""

from __future__ import annotations

import math

import pytest

from jargonlint import glossary_cache, word_rarity
from jargonlint.discover import Discoverer


@pytest.fixture(scope="module")
def discoverer() -> Discoverer:
    return Discoverer(use_wordfreq=False)


@pytest.mark.parametrize(
    ("word", "unseen"),
    [("与信", True), ("稟議", True), ("エビデンス", True), ("口座", False), ("テレビ", False)],
)
def test_unseen_in_unidic(discoverer: Discoverer, word: str, unseen: bool) -> None:
    (token,) = discoverer.words(word)
    assert word_rarity.unseen_in_unidic(token.left, token.right, token.cost) is unseen


def test_baselines_are_cached(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path))
    word_rarity.unseen_costs.cache_clear()
    try:
        first = word_rarity.unseen_costs()
        assert list(tmp_path.glob("unidic-unseen-*.json"))
        word_rarity.unseen_costs.cache_clear()
        assert word_rarity.unseen_costs() == first
    finally:
        word_rarity.unseen_costs.cache_clear()


def test_a_corrupt_or_planted_baseline_cache_is_rebuilt(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path))
    word_rarity.unseen_costs.cache_clear()
    try:
        first = word_rarity.unseen_costs()
        [stored] = tmp_path.glob("unidic-unseen-*.json")
        for planted in (b"\x80\x04cos\nsystem\n", b'[[1, 2, "x"]]', b"{}", b"[[1]]"):
            stored.write_bytes(planted)
            word_rarity.unseen_costs.cache_clear()
            assert word_rarity.unseen_costs() == first
    finally:
        word_rarity.unseen_costs.cache_clear()


def test_cached_wordfreq_table_gives_wordfreqs_zipf(monkeypatch: pytest.MonkeyPatch, tmp_path):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path))
    word_rarity.zipf_lookup.cache_clear()
    try:
        built = word_rarity.zipf_lookup()
        assert list(glossary_cache.cache_dir().glob("wordfreq-ja-*.tsv"))
        word_rarity.zipf_lookup.cache_clear()
        loaded = word_rarity.zipf_lookup()
        frequencies = wordfreq.get_frequency_dict("ja")
        for word in ("電話", "減価", "稟議", "テレビ"):
            exact = math.log10(frequencies[word]) + 9
            assert built(word) == loaded(word) == math.floor(exact * 10) / 10
        assert loaded("トークン") is None
    finally:
        word_rarity.zipf_lookup.cache_clear()


def test_a_wordfreq_table_cut_short_is_built_again(monkeypatch: pytest.MonkeyPatch, tmp_path):
    pytest.importorskip("wordfreq")
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path))
    word_rarity.zipf_lookup.cache_clear()
    try:
        word_rarity.zipf_lookup()
        (stored,) = glossary_cache.cache_dir().glob("wordfreq-ja-*.tsv")
        whole = stored.read_bytes()
        cut = whole[: whole.rindex(b"\n", 0, len(whole) // 2) + 1]  # still whole lines
        stored.write_bytes(cut)
        word_rarity.zipf_lookup.cache_clear()
        assert word_rarity.zipf_lookup()("電話") is not None  # 電話 sorts in the lost half
        assert stored.read_bytes() == whole
    finally:
        word_rarity.zipf_lookup.cache_clear()
