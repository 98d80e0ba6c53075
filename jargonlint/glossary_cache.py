"""Keep compiled glossaries on disk so a pre-commit run does not rebuild one each time.

Parsing the YAML, tokenizing every form and checking every example takes longer
than linting a typical script. A glossary that loaded without problems is
stored under a hash of its files' text and of the code that compiled it, so
any edit to a dictionary, to the compiling modules, or a new UniDic builds it again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jargonlint import __version__
from jargonlint.glossary import Source

_FORMAT = 1  # bump when the pickled layout changes
_KEEP = 8  # compiled glossaries kept: one per dictionary set in use, each ~0.5 MB
# The modules whose behaviour is baked into a compiled glossary.
_COMPILERS = (
    "glossary.py", "matcher.py", "normalize.py", "tokenizer.py", "sense_rules.py", "senses.py",
    "resegment.py",
)  # fmt: skip


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


def load(key: str) -> Any | None:
    """The object stored under key, or None when absent or unreadable."""
    try:
        with (cache_dir() / f"glossary-{key}.pickle").open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(key: str, value: Any) -> None:
    """Store value under key, keeping only the most recent few; a cache that cannot
    be written is simply skipped."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".glossary-{key}.{os.getpid()}.tmp"
        with temporary.open("wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(folder / f"glossary-{key}.pickle")
        stored = sorted(folder.glob("glossary-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in stored[:-_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return
