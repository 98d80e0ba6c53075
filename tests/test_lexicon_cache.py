"""The lexicon cache: what UniDic says of each row, kept between runs, never trusted blindly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import fugashi
import pytest

from jargonlint import tokenizer as tokenizer_module
from jargonlint.lexicon_cache import LexiconCache, file_name
from jargonlint.tokenizer import Tokenizer

LINE = "ご家族で稟議されてから、ルータを切り返してサーバーにコミットしました。"
NAME = "lexicon-test.sqlite3"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(cache))
    return cache


def _store() -> LexiconCache:
    return LexiconCache(NAME, tokenizer_module._FIELDS)


def _tokens(tokenizer: Tokenizer) -> tuple[list[str], list[str], list[str]]:
    tokens = tokenizer.tokenize(LINE)
    return tokens.keys, tokens.spellings, tokens.rows


def _learned(folder: Path) -> None:
    first = Tokenizer(_store())
    first.tokenize(LINE)
    first.flush()
    assert (folder / NAME).is_file()


def test_a_new_process_reads_what_an_earlier_one_learned(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = Tokenizer()
    expected, analysed = _tokens(plain), plain.analyse(LINE)
    _learned(folder)
    second = Tokenizer(_store())

    def no_second_mecab(*args: object) -> None:
        raise AssertionError("the features should have come from the store")

    monkeypatch.setattr(fugashi, "GenericTagger", no_second_mecab)
    assert _tokens(second) == expected
    assert second.analyse(LINE) == analysed


def test_the_store_is_private(folder: Path) -> None:
    _learned(folder)
    assert (folder / NAME).stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


def _lie(folder: Path) -> None:
    """Make every stored row say its lemma is 嘘 (a well-shaped, wrong value)."""
    with sqlite3.connect(folder / NAME) as connection:
        connection.execute("UPDATE lexicon SET features = '名詞\t普通名詞\t一般\t嘘\t和\tウソ'")


def test_a_store_others_can_write_is_not_read(folder: Path) -> None:
    expected = _tokens(Tokenizer())
    _learned(folder)
    _lie(folder)
    assert "嘘" in _tokens(Tokenizer(_store()))[0]  # the lie is read from our own file…
    os.chmod(folder / NAME, 0o666)
    assert _tokens(Tokenizer(_store())) == expected  # …but not from one others can write


def test_a_store_behind_a_symbolic_link_is_not_read(folder: Path, tmp_path: Path) -> None:
    expected = _tokens(Tokenizer())
    _learned(folder)
    _lie(folder)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    (folder / NAME).rename(elsewhere)
    (folder / NAME).symlink_to(elsewhere)
    assert _tokens(Tokenizer(_store())) == expected


def test_damaged_or_odd_stores_are_not_used(folder: Path) -> None:
    expected = _tokens(Tokenizer())
    _learned(folder)
    with sqlite3.connect(folder / NAME) as connection:
        connection.execute("UPDATE lexicon SET features = 'not\tenough'")
    assert _tokens(Tokenizer(_store())) == expected
    (folder / NAME).write_bytes(os.urandom(4096))
    damaged = Tokenizer(_store())
    assert _tokens(damaged) == expected
    damaged.flush()  # writing to it fails quietly too


def test_stores_of_another_dictionary_or_format_are_removed(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    old = folder / "lexicon-0123456789abcdef01234567.sqlite3"
    old.write_bytes(b"")
    glossary = folder / "glossary-0123.json"
    glossary.write_bytes(b"{}")
    _learned(folder)
    assert not old.exists()
    assert glossary.exists()


def test_the_file_name_follows_the_formats() -> None:
    assert file_name("%M", "%M") == file_name("%M", "%M")
    assert file_name("%M", "%M") != file_name("%M\\t%c", "%M")
    assert file_name("%M", "%M").startswith("lexicon-")


class _CountingStore:
    """A store that remembers nothing and counts how often it is asked."""

    def __init__(self) -> None:
        self.lookups = 0

    def get_many(self, rows: list[str]) -> dict[str, str]:
        self.lookups += 1
        return {}

    def add(self, row: str, features: str) -> None:
        return None

    def flush(self) -> None:
        return None


def test_a_files_lines_ask_the_store_once_and_tokenize_as_one_by_one() -> None:
    lines = [
        LINE,
        "Wi-Fiのルーターをご用意ください。",
        "タブ\tと\x0bと\u2028の行",
        "光回線、" * 1500,  # longer than a MeCab piece
        "",
        "はい。",
    ]
    store = _CountingStore()
    together = Tokenizer(store).tokenize_lines(lines)  # type: ignore[arg-type]
    assert store.lookups == 1
    one_by_one = Tokenizer()
    for tokens, line in zip(together, lines, strict=True):
        alone = one_by_one.tokenize(line)
        assert (tokens.keys, tokens.spellings, tokens.rows) == (
            alone.keys,
            alone.spellings,
            alone.rows,
        )
