"""The compiled-glossary cache: reused when files are unchanged, rebuilt when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint import linter
from jargonlint.linter import Glossary, GlossaryError

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def test_second_load_comes_from_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = Glossary.load([MINI], builtin=False)

    def must_not_parse(*_args, **_kwargs):
        raise AssertionError("parsed again although the files did not change")

    monkeypatch.setattr(linter, "load_entries", must_not_parse)
    second = Glossary.load([MINI], builtin=False)
    assert [e.term for e in second.entries] == [e.term for e in first.entries]
    assert second.matcher.find_in_text("サーバの点検")[0].entry.term == "サーバー"


def test_edited_file_is_parsed_and_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "g.yaml"
    copy.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    Glossary.load([copy], builtin=False)
    copy.write_text(copy.read_text(encoding="utf-8") + "  colour: red\n", encoding="utf-8")
    with pytest.raises(GlossaryError):
        Glossary.load([copy], builtin=False)


def test_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(blocker / "cache"))
    assert Glossary.load([MINI], builtin=False).entries


def test_old_compiled_glossaries_are_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("JARGONLINT_CACHE_DIR", str(folder))
    folder.mkdir(mode=0o700)
    for i in range(12):
        (folder / f"glossary-old{i}.json").write_bytes(b"stale")
    Glossary.load([MINI], builtin=False)
    assert len(list(folder.glob("glossary-*.json"))) == 8
