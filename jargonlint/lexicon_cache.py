"""Keep what UniDic says of each word on disk, so that a run reads no dictionary entry
it has read before.

The tokenizer asks MeCab for each token's surface and dictionary ids only; what it
needs of a word beyond that (part of speech, lemma, word origin, reading) sits in
the dictionary's feature strings, which MeCab reads from a 180 MB file. Reading
them costs time in every new process, and memory: each entry read pulls its pages
of the file into the process. So the features of each row seen are kept here,
in SQLite (one lookup per line with a row this process has not seen, no start-up
cost for the rows never asked for), under a digest of the UniDic version and of
the formats that made the rows: a new UniDic, or new formats, start a new file.

It is a cache of facts MeCab gives back the same every time: lost, damaged or not
safe to use, it is simply not used. It lives in the private cache folder of the
compiled glossaries (0700, this user's own), and its values are checked for
shape when read.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

_FORMAT = 1  # bump when the stored layout changes
_PREFIX = "lexicon-"
_SUFFIX = ".sqlite3"
_MOST_ROWS = 200_000  # ~30 MB; a folder of scripts has tens of thousands of words
_BATCH = 500  # rows asked for in one query (SQLite allows 32766 parameters)


def file_name(*formats: str) -> str:
    """The store's file name for these MeCab formats and this UniDic."""
    import unidic_lite

    digest = hashlib.sha256(f"{_FORMAT}:{unidic_lite.VERSION}".encode())
    for text in formats:
        digest.update(text.encode())
        digest.update(b"\0")
    return f"{_PREFIX}{digest.hexdigest()[:24]}{_SUFFIX}"


class LexiconCache:
    """Row → features, read from and added to one SQLite file of the cache folder."""

    def __init__(self, name: str, fields: int) -> None:
        self._name = name
        self._fields = fields  # a stored value is this many tab-separated fields
        self._pending: dict[str, str] = {}
        self._connection: sqlite3.Connection | None = None
        self._pid = -1  # the process the connection was opened in
        self._full = False
        self._absent = False  # no store yet (known since the first lookup)
        self._broken = False

    def get_many(self, wanted: list[str]) -> dict[str, str]:
        """The stored features of those rows that have some."""
        found: dict[str, str] = {}
        connection = self._connect()
        if connection is None:
            return found
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                query = f"SELECT row, features FROM lexicon WHERE row IN ({marks})"
                for row, features in connection.execute(query, batch):
                    if isinstance(features, str) and features.count("\t") == self._fields - 1:
                        found[row] = features
        except sqlite3.Error:
            self._give_up()
        return found

    def add(self, row: str, features: str) -> None:
        """Remember a row's features; written at the next flush."""
        if not self._full and not self._broken:
            self._pending[row] = features

    def flush(self) -> None:
        """Write what was added since the last flush (one transaction)."""
        if not self._pending:
            return
        connection = self._connect(create=True)
        pending, self._pending = self._pending, {}
        if connection is None:
            return
        try:
            with connection:
                connection.executemany(
                    "INSERT OR IGNORE INTO lexicon (row, features) VALUES (?, ?)",
                    pending.items(),
                )
            (largest,) = connection.execute("SELECT max(rowid) FROM lexicon").fetchone()
            self._full = (largest or 0) >= _MOST_ROWS
        except sqlite3.Error:  # locked by another process for too long, disk full…
            self._give_up()

    def _connect(self, *, create: bool = False) -> sqlite3.Connection | None:
        """The open store, opened again in a forked process (a SQLite connection must
        not cross a fork); None when there is none yet or it cannot be used."""
        if self._broken:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        self._connection = None
        # Imported here: the glossary cache imports the matcher, which imports the tokenizer.
        from jargonlint.glossary_cache import private_folder, trusted

        if self._absent and not create:
            return None  # nothing stored yet: the first flush makes the file
        folder = private_folder(create=create)
        if folder is None:
            self._absent = True
            self._broken = create
            return None
        path = folder / self._name
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            if not create:
                self._absent = True
                return None
            _remove_others(folder, self._name)
        except OSError:
            self._broken = True
            return None
        else:
            if not stat.S_ISREG(info.st_mode) or not trusted(info):
                self._broken = True
                return None
        try:
            connection = sqlite3.connect(path, timeout=2.0)
            os.chmod(path, 0o600)
            connection.execute("PRAGMA journal_mode = WAL")  # no journal file made per write
            connection.execute("PRAGMA synchronous = OFF")  # a cache: losing it costs nothing
            connection.execute(
                "CREATE TABLE IF NOT EXISTS lexicon (row TEXT PRIMARY KEY, features TEXT)"
            )
        except (sqlite3.Error, OSError):
            self._broken = True
            return None
        self._connection, self._pid = connection, os.getpid()
        return connection

    def _give_up(self) -> None:
        self._broken = True
        self._pending.clear()
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None


def _remove_others(folder: os.PathLike[str], keep: str) -> None:
    """Stores made for another UniDic or other formats are never read again."""
    for entry in os.scandir(folder):
        if entry.name.startswith(_PREFIX) and entry.name != keep:
            try:
                os.unlink(entry.path)
            except OSError:
                continue
