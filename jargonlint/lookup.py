"""Find glossary entries by what a person types: a headword, a variant or a reading."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from jargonlint.glossary import Entry, form_key
from jargonlint.matcher import Matcher
from jargonlint.normalize import normalize

_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def _reading_key(text: str) -> str:
    return form_key(text).translate(_KATAKANA_TO_HIRAGANA)


def find_entry(entries: list[Entry], matcher: Matcher, query: str) -> Entry | None:
    """The entry whose headword, variant or reading is ``query``, or that the matcher
    finds as the whole of ``query`` (so any spelling the linter reports can be looked up)."""
    wanted = form_key(query.strip())
    for entry in entries:
        if any(form_key(f) == wanted for f in entry.forms):
            return entry
    reading = _reading_key(query.strip())
    for entry in entries:
        if _reading_key(entry.reading) == reading:
            return entry
    tokens = matcher.tokenizer.tokenize(normalize(query.strip()).text)
    matches = list(matcher.find(tokens.keys, tokens.spellings))
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(tokens.keys):
        return matches[0].entry
    return None


def close_terms(entries: Iterable[Entry], query: str, n: int = 3) -> list[str]:
    """Headwords that look like ``query``, for a "did you mean" hint."""
    return difflib.get_close_matches(query, [e.term for e in entries], n=n, cutoff=0.5)


def search_entries(
    entries: Iterable[Entry], category: str | None = None, query: str | None = None
) -> list[Entry]:
    """Entries in ``category`` whose term, variants, reading or explanation contain ``query``."""
    wanted = form_key(query) if query else None
    reading = _reading_key(query) if query else None
    found = []
    for entry in entries:
        if category and entry.category != category:
            continue
        if wanted is not None:
            haystack = [*(form_key(f) for f in entry.forms), form_key(entry.explanation)]
            if not any(wanted in h for h in haystack) and reading not in _reading_key(
                entry.reading
            ):
                continue
        found.append(entry)
    return found
