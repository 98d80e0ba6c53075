"""The library API: the one core that every front end calls.

The command line, a fixer, a quiz builder, an editor integration or any Python
code checking transcripts builds a :class:`Checker` once from settings (its
glossary comes from the on-disk cache) and checks text, bytes or files with it.
Each check gives a :class:`FileResult`: the findings, and the source as read
(decoded text, encoding, BOM, newline style), so that a fixer can write a file
back unchanged outside its own edits.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jargonlint.config import POSSIBLE_JARGON, SPEAKERS
from jargonlint.decoding import BinaryFileError, InputError
from jargonlint.document import Kind, Segment
from jargonlint.files import collect, display_name, read_file
from jargonlint.findings import Finding
from jargonlint.glossary import AUDIENCES
from jargonlint.limits import Limits
from jargonlint.linter import Glossary, Linter, ScriptOptions
from jargonlint.reader import ReadOptions, read_document, text_segments
from jargonlint.script import (
    AGENT,
    DEFAULT_AGENT_LABELS,
    DEFAULT_CUSTOMER_LABELS,
    Script,
    SpeakerLabels,
    read_script,
)

if TYPE_CHECKING:
    from jargonlint.config import Config
    from jargonlint.discover import Discoverer
    from jargonlint.glossary import Entry

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SettingsError(ValueError):
    """Settings a Checker cannot be built from; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """Everything a Checker is built from: plain, comparable and picklable, so that
    worker processes can build the same checker."""

    audience: str = "consumer"
    speakers: str = "agent"
    include_unspoken: bool = False
    agent_labels: tuple[str, ...] = DEFAULT_AGENT_LABELS
    customer_labels: tuple[str, ...] = DEFAULT_CUSTOMER_LABELS
    dictionaries: tuple[Path, ...] = ()
    builtin_dictionaries: bool = True
    ignore: tuple[str, ...] = ()
    encoding: str | None = None
    columns: tuple[str, str] | None = None
    possible_jargon: str = "off"  # severity of words no glossary lists; "off": not looked for
    limits: Limits = field(default_factory=Limits)  # the largest input of each kind checked

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise SettingsError(
                f"audience must be one of {', '.join(AUDIENCES)}, not {self.audience!r}"
            )
        if self.speakers not in SPEAKERS:
            raise SettingsError(
                f"speakers must be one of {', '.join(SPEAKERS)}, not {self.speakers!r}"
            )
        if self.possible_jargon not in POSSIBLE_JARGON:
            raise SettingsError(
                f"possible_jargon must be one of {', '.join(POSSIBLE_JARGON)}, "
                f"not {self.possible_jargon!r}"
            )
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise SettingsError(f"unknown encoding {self.encoding!r}") from None
        if self.columns is not None and (len(self.columns) != 2 or not all(self.columns)):
            raise SettingsError("columns must name two columns: speaker and line")
        for path in self.dictionaries:
            if not Path(path).is_file():
                raise SettingsError(f"{path}: dictionary file not found")


@dataclass(frozen=True)
class SourceText:
    """A text file as read: write ``encode(new_text)`` back to keep everything a
    fixer did not touch (BOM, encoding, line ends) exactly as it was."""

    text: str  # decoded, without the BOM; line ends as in the file
    encoding: str | None  # the codec that decoded it (None: given as text)
    bom: bool = False
    newline: str = ""  # the first line end: "\n", "\r\n" or "\r"; "" when there is none

    def encode(self, text: str | None = None) -> bytes:
        """``text`` (default: the text as read) in the file's encoding, BOM first."""
        body = self.text if text is None else text
        encoding = self.encoding or "utf-8"
        prefix = next((bom for bom, name in _BOMS if name == encoding), b"") if self.bom else b""
        return prefix + body.encode(encoding)


@dataclass
class FileResult:
    """One input's findings, in file order, and what was read.

    ``error`` (the file could not be checked) and ``skipped`` (not a script, e.g. a
    binary file) are one-line messages that name the file, as the CLI prints them.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    source: SourceText | None = None  # None for Word and Excel files, and on errors
    error: str | None = None
    skipped: str | None = None
    # The agent's spoken lines as (line, text, column offset, location, cell), when the
    # checker was asked to keep them (Checker.keep_agent_lines: reports of whole scripts).
    agent_lines: list[tuple[int, str, int, str | None, str | None]] | None = None

    @property
    def checked(self) -> bool:
        """Whether the file was read and linted."""
        return self.error is None and self.skipped is None


class Checker:
    """Settings turned into a linter, built once and used for any number of checks.

    >>> checker = Checker(audience="business", ignore=["API"])  # doctest: +SKIP
    >>> checker.check_text("OP：社内で稟議にかけます。").findings  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        audience: str = "consumer",
        speakers: str = "agent",
        include_unspoken: bool = False,
        agent_labels: Iterable[str] = DEFAULT_AGENT_LABELS,
        customer_labels: Iterable[str] = DEFAULT_CUSTOMER_LABELS,
        dictionaries: Iterable[str | Path] = (),
        builtin_dictionaries: bool = True,
        ignore: Iterable[str] = (),
        encoding: str | None = None,
        columns: Sequence[str] | None = None,
        possible_jargon: str = "off",
        limits: Limits | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        """Validate the settings and load the glossary (from the cache when its files
        are unchanged); raises SettingsError, or GlossaryError listing every problem."""
        self.settings = Settings(
            audience=audience,
            speakers=speakers,
            include_unspoken=include_unspoken,
            agent_labels=tuple(agent_labels),
            customer_labels=tuple(customer_labels),
            dictionaries=tuple(Path(p) for p in dictionaries),
            builtin_dictionaries=builtin_dictionaries,
            ignore=tuple(ignore),
            encoding=encoding,
            columns=(columns[0], columns[1]) if columns and len(columns) == 2 else None,
            possible_jargon=possible_jargon,
            limits=limits or Limits(),
        )
        if columns is not None and self.settings.columns is None:
            raise SettingsError("columns must name two columns: speaker and line")
        self._own_glossary = glossary is None
        settings = self.settings
        self.glossary = glossary or Glossary.load(
            settings.dictionaries, builtin=settings.builtin_dictionaries
        )
        self._linter = Linter(
            self.glossary,
            audience=settings.audience,
            ignore=settings.ignore,
            options=ScriptOptions(
                speakers=settings.speakers,
                include_unspoken=settings.include_unspoken,
                labels=SpeakerLabels.of(settings.agent_labels, settings.customer_labels),
            ),
            possible_jargon=None if settings.possible_jargon == "off" else settings.possible_jargon,
        )
        self._read_options = ReadOptions(settings.encoding, settings.columns, settings.limits)
        # Set to give each result the agent's spoken lines (FileResult.agent_lines): the
        # HTML report shows whole scripts; other reports need only the findings.
        self.keep_agent_lines = False

    @classmethod
    def from_settings(cls, settings: Settings, glossary: Glossary | None = None) -> Checker:
        """A checker built from a Settings value (what worker processes receive);
        ``glossary``: one already loaded from the same settings, to share it."""
        values = {name: getattr(settings, name) for name in settings.__dataclass_fields__}
        return cls(**values, glossary=glossary)

    @classmethod
    def from_config(cls, config: Config | str | Path | None = None, **overrides: Any) -> Checker:
        """A checker from a settings file (``.jargonlint.toml`` or ``pyproject.toml``),
        a loaded Config, or (None) the nearest settings file above the current folder.

        Keyword arguments override the file, as command-line options do; those given
        as None are ignored. Raises ConfigError for a settings file that cannot be used.
        """
        from jargonlint.config import Config, find_config, load_config

        if not isinstance(config, Config):
            path = Path(config) if config is not None else find_config(Path.cwd())
            config = load_config(path)
        values: dict[str, Any] = {
            "audience": config.audience,
            "speakers": config.speakers,
            "include_unspoken": config.include_unspoken,
            "agent_labels": config.agent_labels,
            "customer_labels": config.customer_labels,
            "dictionaries": config.dictionaries,
            "ignore": config.ignore,
            "encoding": config.encoding,
            "columns": config.columns,
            "possible_jargon": config.possible_jargon,
            "limits": config.limits,
        }
        for name, value in overrides.items():
            if value is None:
                continue
            if name in ("dictionaries", "ignore"):  # added to the file's, like the CLI
                values[name] = [*values[name], *value]
            else:
                values[name] = value
        return cls(**values)

    @property
    def entries(self) -> list[Entry]:
        """The glossary entries this checker reports (for reports listing every rule)."""
        return self.glossary.entries

    @property
    def discoverer(self) -> Discoverer | None:
        """What finds possible jargon (None when possible_jargon is "off"); it also
        gives a word's reading, for glossary skeletons."""
        return self._linter.discoverer

    @property
    def rebuildable(self) -> bool:
        """Whether another process can build the same checker from ``settings`` alone
        (not when a glossary object was handed in)."""
        return self._own_glossary

    def check_text(self, text: str, name: str = "<text>") -> FileResult:
        """Check script text; ``name``'s suffix picks the reading (.md, .csv, .tsv,
        else plain lines) and is the path findings report."""
        source = SourceText(text, None, False, _newline(text))
        try:
            segments = text_segments(name, text, self.settings.columns)
        except InputError as exc:
            return FileResult(name, error=f"{name}: {exc}")
        return self._lint(name, segments, source)

    def check_bytes(self, name: str, data: bytes) -> FileResult:
        """Check a file's content: the format by ``name``'s suffix, the encoding
        detected (or as set)."""
        try:
            segments, decoded = read_document(name, data, self._read_options)
        except BinaryFileError as exc:
            return FileResult(name, skipped=f"{name}: {exc}")
        except InputError as exc:
            return FileResult(name, error=f"{name}: {exc}")
        source = None
        if decoded is not None:
            encoding, bom = _encoding(decoded.encoding, data)
            source = SourceText(decoded.text, encoding, bom, _newline(decoded.text))
        return self._lint(name, segments, source)

    def check_path(self, path: str | Path) -> FileResult:
        """Check one file; an unreadable file, or one that is not a regular file or is
        over the size limit, gives a result with ``error`` set. Results name the file
        as reports print it (a name that is not UTF-8 escaped)."""
        name = display_name(path)
        try:
            data = read_file(Path(path), self.settings.limits)
        except InputError as exc:
            return FileResult(name, error=f"{name}: {exc}")
        return self.check_bytes(name, data)

    def check_paths(
        self, paths: Iterable[str | Path], *, jobs: int | None = 1
    ) -> Iterator[FileResult]:
        """Check files and folders (walked for script files), yielding one result per
        file in input order as soon as it is ready; a path that cannot be used gives a
        result with ``error`` set, before any file. ``jobs``: worker processes (None:
        as many as usable cores, one for a small input); the results are the same."""
        unusable, files = collect_inputs(paths)
        yield from unusable
        yield from self.check_files(files, jobs=jobs)

    def check_files(self, files: Sequence[str], *, jobs: int | None = 1) -> Iterator[FileResult]:
        """Check these files (no folder walking), one result each, in order."""
        if len(files) < 2:
            jobs = 1  # nothing to share out; and no need to import the pool
        elif jobs is None:
            from jargonlint.parallel import default_jobs

            jobs = default_jobs(files)
        if jobs > 1:
            from jargonlint.parallel import check_in_parallel

            yield from check_in_parallel(self, files, jobs)
        else:
            yield from map(self.check_path, files)

    def structure_of(self, name: str, data: bytes) -> Script:
        """How a file is read (who speaks each line, what is not spoken, and why);
        raises InputError (or BinaryFileError) for a file that cannot be read."""
        segments, _ = read_document(name, data, self._read_options)
        return read_script(segments, self._linter.options.labels)

    def _lint(self, name: str, segments: list[Segment], source: SourceText | None) -> FileResult:
        try:
            findings = self._linter.lint_segments(name, segments)
        except Exception as exc:  # a bug must not cost the other files their findings
            return FileResult(
                name,
                source=source,
                error=f"{name}: internal error, please report it ({type(exc).__name__}: {exc})",
            )
        self.glossary.matcher.tokenizer.flush()  # what this file taught, for the next run
        result = FileResult(name, findings, source)
        if self.keep_agent_lines:
            result.agent_lines = [
                (s.line, s.text, s.column_offset, s.location, s.cell)
                for s in segments
                if s.kind is Kind.SPOKEN and s.role == AGENT
            ]
        return result


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[FileResult], list[str]]:
    """The script files named or found under folders, in a stable order, and a result
    with ``error`` set for each path that cannot be used."""
    collected = collect([Path(p) for p in paths])
    unusable = [FileResult(m.split(": ", 1)[0], error=m) for m in collected.errors]
    return unusable, [str(p) for p in collected.files]


def _encoding(decoded_with: str, data: bytes) -> tuple[str, bool]:
    """The codec to write the text back with, and whether a BOM goes before it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, True
    name = codecs.lookup(decoded_with).name
    # Without a BOM in the file, write none back: a forced utf-8-sig would add one.
    return {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(name, name), False


def _newline(text: str) -> str:
    """The first line end in text."""
    lf, cr = text.find("\n"), text.find("\r")
    if cr < 0:
        return "\n" if lf >= 0 else ""
    if lf == cr + 1:
        return "\r\n"
    return "\r" if lf < 0 or cr < lf else "\n"
