"""The glossary cache can neither run code nor break or empty a later run."""

from __future__ import annotations

import json
import os
import pickle
import random
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from jargonlint import glossary_cache, linter
from jargonlint.glossary import Entry
from jargonlint.linter import Glossary

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(folder))
    return folder


def _stored(folder: Path) -> Path:
    (path,) = folder.glob("glossary-*.json")
    return path


def _must_rebuild(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the glossary is parsed (0: it came from the cache)."""
    parsed: list[int] = []
    real = linter.load_entries

    def counting(*args, **kwargs):
        parsed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(linter, "load_entries", counting)
    return parsed


def _works(glossary: Glossary) -> None:
    assert glossary.matcher.find_in_text("サーバの点検")[0].entry.term == "サーバー"


def test_folder_and_file_are_private(cache: Path) -> None:
    Glossary.load([MINI], builtin=False)
    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(_stored(cache).stat().st_mode) == 0o600


def test_cache_is_json_not_pickle(cache: Path) -> None:
    Glossary.load([MINI], builtin=False)
    assert _stored(cache).read_bytes().startswith(b"{")
    assert not list(cache.glob("*.pickle"))


def test_planted_pickle_is_never_loaded(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's repro: a pickle whose loading runs a command. It must not run."""
    Glossary.load([MINI], builtin=False)
    marker = cache.parent / "pwned"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    stored = _stored(cache)
    for name in (stored.name, stored.with_suffix(".pickle").name):
        (cache / name).write_bytes(pickle.dumps(Payload()))
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert not marker.exists()
    assert parsed == [1]


@pytest.mark.parametrize("seed", range(30))
def test_corrupt_cache_means_rebuild_and_replace(
    cache: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    Glossary.load([MINI], builtin=False)
    stored = _stored(cache)
    good = stored.read_bytes()
    data = bytearray(good)
    chance = random.Random(seed)
    for _ in range(chance.randint(1, 8)):
        data[chance.randrange(len(data))] = chance.randrange(256)
    if seed % 5 == 0:
        data = data[: chance.randrange(len(data))]
    stored.write_bytes(bytes(data))
    _works(Glossary.load([MINI], builtin=False))
    assert stored.read_bytes() == good  # replaced by a sound copy


@pytest.mark.parametrize(
    "document",
    [
        "[]",
        '{"format": 2}',
        "null",
        "1e999999",
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_wrong_shape_is_rebuilt_not_empty(
    cache: Path, monkeypatch: pytest.MonkeyPatch, document: str
) -> None:
    Glossary.load([MINI], builtin=False)
    _stored(cache).write_text(document, encoding="utf-8")
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


def _rewrite(stored: Path, header_change: dict, body: bytes | None = None) -> None:
    """Store a well-formed file (digest and all) with the given changes."""
    import hashlib

    first, _, rest = stored.read_bytes().partition(b"\n")
    body = rest if body is None else body
    header = {**json.loads(first), "sha256": hashlib.sha256(body).hexdigest(), **header_change}
    stored.write_bytes(json.dumps(header).encode() + b"\n" + body)


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ({"key": "0" * 32}, None),  # another dictionary set's glossary under this name
        ({"format": 1}, None),
        ({}, b'{"entries": [], "trie": []}'),
        ({}, b'{"entries": [], "trie": {"a": {"": [0, false, "a"]}}}'),
        ({}, b'{"entries": [{"term": 1}], "trie": {}}'),
        ({}, b'{"entries": [], "trie": {"ab": {}}}'),
    ],
)
def test_well_formed_but_wrong_file_is_rebuilt(
    cache: Path, monkeypatch: pytest.MonkeyPatch, header: dict, body: bytes | None
) -> None:
    Glossary.load([MINI], builtin=False)
    _rewrite(_stored(cache), header, body)
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


# One wrong value in each field's column (entries are stored column by column).
WRONG_VALUES = {
    "term": 1,
    "reading": None,
    "category": ["business"],
    "avoid_for": True,
    "explanation": 1.5,
    "say_instead": "言い換え",
    "example": {},
    "variants": [1],
    "detail": 0,
    "exclude": [["入れ子"]],
    "misuse": [],
    "not_when": {},
    "gloss": False,
    "replace_safe": 1,
    "source": [],
    "line": True,
}


def test_every_field_is_type_checked() -> None:
    assert WRONG_VALUES.keys() == {f.name for f in fields(Entry)}


@pytest.mark.parametrize("name", sorted(WRONG_VALUES))
def test_wrong_type_in_any_field_is_rebuilt(
    cache: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    Glossary.load([MINI], builtin=False)
    stored = _stored(cache)
    document = json.loads(stored.read_bytes().partition(b"\n")[2])
    document["entries"][name][0] = WRONG_VALUES[name]
    _rewrite(stored, {}, json.dumps(document, ensure_ascii=False).encode())
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


def test_a_missing_value_is_rebuilt(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Glossary.load([MINI], builtin=False)
    stored = _stored(cache)
    document = json.loads(stored.read_bytes().partition(b"\n")[2])
    document["entries"]["line"].pop()
    _rewrite(stored, {}, json.dumps(document, ensure_ascii=False).encode())
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


def test_round_trip_keeps_every_entry(cache: Path) -> None:
    first = Glossary.load([MINI], builtin=False)
    key = next(iter(cache.glob("glossary-*.json"))).stem.removeprefix("glossary-")
    loaded = glossary_cache.load(key)
    assert loaded is not None
    entries, trie = loaded
    assert entries == first.entries
    assert trie.keys() == first.matcher.trie.keys()


def test_folder_writable_by_others_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Glossary.load([MINI], builtin=False)
    cache.chmod(0o777)
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1, 1]  # neither read nor written


def test_file_writable_by_others_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Glossary.load([MINI], builtin=False)
    _stored(cache).chmod(0o666)
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


def test_folder_of_another_user_is_not_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Glossary.load([MINI], builtin=False)
    me = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: me + 1)
    parsed = _must_rebuild(monkeypatch)
    before = _stored(cache).stat().st_mtime_ns
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]
    assert _stored(cache).stat().st_mtime_ns == before  # not written either


def test_symlinked_cache_file_is_not_followed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Glossary.load([MINI], builtin=False)
    stored = _stored(cache)
    elsewhere = cache.parent / "elsewhere.json"
    stored.rename(elsewhere)
    stored.symlink_to(elsewhere)
    parsed = _must_rebuild(monkeypatch)
    _works(Glossary.load([MINI], builtin=False))
    assert parsed == [1]


def test_edit_that_keeps_valid_json_is_noticed(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Glossary.load([MINI], builtin=False)
    stored = _stored(cache)
    data = stored.read_bytes()
    assert b'"category":["' in data
    stored.write_bytes(data.replace(b'"category":["', b'"category":["X', 1))
    parsed = _must_rebuild(monkeypatch)
    glossary = Glossary.load([MINI], builtin=False)
    assert parsed == [1]
    assert not any(e.category.startswith("X") for e in glossary.entries)
