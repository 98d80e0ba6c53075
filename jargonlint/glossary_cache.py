"""Keep compiled glossaries on disk so a pre-commit run does not rebuild one each time.

Parsing the YAML, tokenizing every form and checking every example takes longer
than linting a typical script. A glossary that loaded without problems is
stored under a hash of its files' text and of the code that compiled it, so
any edit to a dictionary, to the compiling modules, or a new UniDic builds it again.

The cache is data that cannot run code: JSON, checked field by field when read.
It lives in a folder of the user's own (created 0700); a folder or file owned by
someone else, or writable by others, is not used, since whoever can write it
decides what the linter reports. Whatever goes wrong reading it, the glossary
is simply built again and the file replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import fields
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from jargonlint import __version__
from jargonlint.glossary import Entry, Source
from jargonlint.matcher import Target
from jargonlint.sense_rules import Misuse, SenseRule

_FORMAT = 3  # bump when the stored layout changes (1 was a pickle, 2 stored entries as rows)
_KEEP = 8  # compiled glossaries kept: one per dictionary set in use, each ~0.5 MB
_LARGEST = 64 * 1024 * 1024  # a cache file bigger than this is not ours
_SUFFIX = ".json"
# The modules whose behaviour is baked into a compiled glossary.
_COMPILERS = (
    "glossary.py", "matcher.py", "normalize.py", "tokenizer.py", "sense_rules.py", "senses.py",
    "resegment.py", "glossary_cache.py",
)  # fmt: skip
_END = ""  # the matcher's trie slot for "a form ends here"


def cache_dir() -> Path:
    """``$JARGONLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/jargonlint`` or ``~/.cache/jargonlint``."""
    explicit = os.environ.get("JARGONLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jargonlint"


def cache_key(sources: Iterable[Source]) -> str:
    """A digest of everything the compiled glossary depends on."""
    digest = hashlib.sha256(f"{_FORMAT}:{__version__}:{_unidic_version()}".encode())
    package = Path(__file__).parent
    for module in _COMPILERS:
        digest.update((package / module).read_bytes())
    for source in sources:
        for part in (source.name, source.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\\0")
    return digest.hexdigest()[:32]


def _unidic_version() -> str:
    # The dictionary's own version file, read when unidic_lite is imported (the
    # tokenizer imports it anyway); importlib.metadata would cost ~10 ms of start-up.
    import unidic_lite

    return str(unidic_lite.VERSION)


def trusted(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_folder(*, create: bool) -> Path | None:
    """The cache folder if it is safe to use (created 0700 when asked), else None."""
    folder = cache_dir()
    try:
        if create and not folder.exists():
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    return folder if stat.S_ISDIR(info.st_mode) and trusted(info) else None


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_private(name: str, largest: int = _LARGEST) -> bytes | None:
    """A file of the private cache folder, or None when it is absent, not a regular
    file, not this user's own, writable by others, too large, or unreadable."""
    folder = private_folder(create=False)
    if folder is None:
        return None
    try:
        fd = os.open(folder / name, os.O_RDONLY | _NO_FOLLOW)
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or not trusted(info) or info.st_size > largest:
                return None
            return file.read(largest)
    except Exception:  # any failure at all: the caller rebuilds
        return None


def write_private(name: str, data: bytes) -> Path | None:
    """Write a file of the private cache folder (0600, atomically); the folder it is
    in, or None when the cache cannot be (or is not safe to be) written."""
    folder = private_folder(create=True)
    if folder is None:
        return None
    try:
        temporary = folder / f".{name}.{os.getpid()}.tmp"
        temporary.unlink(missing_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        temporary.replace(folder / name)
    except OSError:
        return None
    return folder


def load(key: str) -> tuple[list[Entry], dict[str, Any]] | None:
    """The entries and trie stored under key, or None: absent, untrusted or unreadable
    in any way (the caller then builds the glossary again)."""
    data = read_private(f"glossary-{key}{_SUFFIX}")
    if data is None:
        return None
    try:
        return _decode(data, key)
    except Exception:  # any failure at all: rebuild, never crash, never trust it
        return None


def store(key: str, value: tuple[list[Entry], dict[str, Any]]) -> None:
    """Store a compiled glossary under key, keeping only the most recent few; a cache
    that cannot be written (or is not safe to write) is simply skipped."""
    entries, trie = value
    try:
        body = json.dumps(_encode(entries, trie), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    data = body.encode("utf-8")
    header = {"format": _FORMAT, "key": key, "sha256": hashlib.sha256(data).hexdigest()}
    folder = write_private(f"glossary-{key}{_SUFFIX}", json.dumps(header).encode() + b"\n" + data)
    if folder is None:
        return
    try:
        stored = sorted(folder.glob(f"glossary-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime)
        for old in [*stored[:-_KEEP], *folder.glob("*.pickle")]:  # pickles: never read again
            old.unlink(missing_ok=True)
    except OSError:
        return


def _encode(entries: list[Entry], trie: dict[str, Any]) -> dict[str, Any]:
    index = {id(entry): i for i, entry in enumerate(entries)}

    def node(branch: dict[str, Any]) -> dict[str, Any]:
        return {
            char: [index[id(child.entry)], child.excluded, child.form]
            if char == _END
            else node(child)
            for char, child in branch.items()
        }

    rows = [_entry_fields(entry) for entry in entries]
    columns = {f.name: [row[f.name] for row in rows] for f in fields(Entry)}
    return {"entries": columns, "trie": node(trie)}


def _entry_fields(entry: Entry) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in fields(Entry):
        value = getattr(entry, f.name)
        if f.name == "misuse":
            value = {
                audience: {"message": m.message, "say_instead": list(m.say_instead)}
                for audience, m in value.items()
            }
        elif f.name == "not_when":
            value = [
                {r.name: _plain(getattr(rule, r.name)) for r in fields(SenseRule)} for rule in value
            ]
        values[f.name] = _plain(value)
    return values


def _plain(value: Any) -> Any:
    return (
        list(value)
        if isinstance(value, tuple)
        else dict(value)
        if isinstance(value, Mapping)
        else value
    )


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name}: not a list of strings")
    return tuple(value)


def _misuse(value: Any) -> dict[str, Misuse]:
    if not isinstance(value, dict):
        raise ValueError("misuse: not a mapping")
    found = {}
    for audience, advice in value.items():
        if not isinstance(advice, dict) or set(advice) != {"message", "say_instead"}:
            raise ValueError("misuse: malformed advice")
        if not isinstance(advice["message"], str):
            raise ValueError("misuse: message is not a string")
        found[audience] = Misuse(advice["message"], _strings(advice["say_instead"], "misuse"))
    return found


def _rules(value: Any) -> tuple[SenseRule, ...]:
    if not isinstance(value, list):
        raise ValueError("not_when: not a list")
    rules = []
    names, kinds = _kinds(SenseRule)
    for item in value:
        if not isinstance(item, dict) or item.keys() != names:
            raise ValueError("not_when: malformed rule")
        checked: dict[str, Any] = {}
        for name, kind in kinds:
            if kind.startswith("tuple"):
                checked[name] = _strings(item[name], "not_when")
            elif kind != type(item[name]).__name__:
                raise ValueError(f"not_when: {name} is not a {kind}")
            else:
                checked[name] = item[name]
        rules.append(SenseRule(**checked))
    return tuple(rules)


def _decode(data: bytes, key: str) -> tuple[list[Entry], dict[str, Any]] | None:
    """Entries and trie from a stored file: a header line (format, key, digest of the
    rest, so that a flipped byte anywhere is noticed), then the body, whose every
    value's type is checked."""
    first, _, data = data.partition(b"\n")
    header = json.loads(first)
    if header != {
        "format": _FORMAT,
        "key": key,
        "sha256": hashlib.sha256(data).hexdigest(),
    }:
        return None
    document = json.loads(data)
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("entries"), dict)
        or not isinstance(document.get("trie"), dict)
    ):
        return None
    entries = _entries(document["entries"])
    trie = document["trie"]
    stack = [trie]
    while stack:
        branch = stack.pop()
        for char, child in branch.items():
            if char == _END:
                number, excluded, form = child
                if not (type(number) is int and 0 <= number < len(entries)):
                    raise ValueError("trie names no stored entry")
                if not (isinstance(excluded, bool) and isinstance(form, str)):
                    raise ValueError("malformed trie target")
                branch[char] = Target(entries[number], excluded, form)
            elif len(char) == 1 and isinstance(child, dict):
                stack.append(child)
            else:
                raise ValueError("malformed trie node")
    return entries, trie


@cache
def _kinds(cls: type) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """A dataclass's field names, and each field's name and type as written: worked
    out once, not for each of the thousand entries a cache holds."""
    kinds = tuple((f.name, str(f.type)) for f in fields(cls))
    return frozenset(name for name, _ in kinds), kinds


_TYPES = {"str": str, "int": int, "bool": bool}  # plain Entry fields: checked by their type


def _only(values: Iterable[Any], kind: type) -> bool:
    """Whether every value is exactly of this type (a bool is no int here)."""
    return set(map(type, values)) <= {kind}


def _entries(columns: dict[str, Any]) -> list[Entry]:
    """Entries from their fields stored column by column: each column's types are
    checked in one pass (a thousand entries, not a thousand times sixteen calls)."""
    names, kinds = _kinds(Entry)
    if columns.keys() != names or not _only(columns.values(), list):
        raise ValueError("entry fields differ")
    count = len(columns["term"])
    checked: list[list[Any]] = []
    for name, kind in kinds:
        column = columns[name]
        if len(column) != count:
            raise ValueError(f"{name}: not one value per entry")
        if name == "misuse":  # most entries have none: an empty one needs no checking
            column = [_misuse(value) if value != {} else {} for value in column]
        elif name == "not_when":
            column = [_rules(value) if value != [] else () for value in column]
        elif kind.startswith("tuple"):
            if not (_only(column, list) and _only(chain.from_iterable(column), str)):
                raise ValueError(f"{name}: not a list of strings")
            column = list(map(tuple, column))
        elif kind not in _TYPES or not _only(column, _TYPES[kind]):
            raise ValueError(f"{name}: not a {kind}")
        checked.append(column)
    return [Entry(*values) for values in zip(*checked, strict=True)]
