"""The ``jargonlint`` command: check scripts, explain a term, browse the glossary."""

from __future__ import annotations

import codecs
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from jargonlint import __version__
from jargonlint.config import Config, ConfigError, find_config, load_config
from jargonlint.decoding import BinaryFileError, InputError
from jargonlint.files import collect, display_name, read_file, read_stream
from jargonlint.findings import SEVERITY_RANK, Finding
from jargonlint.limits import parse_options
from jargonlint.linter import Glossary, GlossaryError, Linter, ScriptOptions
from jargonlint.lookup import close_terms, find_entry, search_entries
from jargonlint.reader import ReadOptions, read_segments
from jargonlint.script import SpeakerLabels

if TYPE_CHECKING:
    from rich.console import Console

STDIN = "-"


class _OneLineErrors(TyperGroup):
    """Usage errors as one line on stderr with exit code 2, never a usage dump."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        argv = kwargs.get("args", args[0] if args else None)
        _errors.clear()
        try:
            code = super().main(*args, **kwargs)
        except typer.Abort:
            sys.exit(130)
        except typer.TyperException as exc:  # typer's own click: usage errors, bad values
            if exc.format_message():
                _error(exc.format_message())
            code = 2
        if code == 2 and _errors and _wants_json(sys.argv[1:] if argv is None else list(argv)):
            from jargonlint.reporters import json_format

            json_format.report([], 0, _errors, sys.stdout)
        sys.exit(code if isinstance(code, int) else 0)


# The errors of this run that no report has carried yet: a check that stops early
# (usage, settings or glossary error) still owes `--format json` its document.
_errors: list[str] = []


def _wants_json(argv: list[str]) -> bool:
    """Whether the command line is a check with --format json (in any spelling)."""
    if "check" not in argv:
        return False
    after = argv[argv.index("check") + 1 :]
    pairs = zip(after, [*after[1:], ""], strict=True)
    return any(
        (word in ("--format", "-f") and value == "json") or word in ("--format=json", "-fjson")
        for word, value in pairs
    )


app = typer.Typer(
    cls=_OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Find business and IT jargon in Japanese call-center scripts.",
)


class OutputFormat(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"
    github = "github"


class EntryFormat(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"


class TermsFormat(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"
    markdown = "markdown"


class Audience(StrEnum):
    consumer = "consumer"
    business = "business"


class Speakers(StrEnum):
    agent = "agent"
    all = "all"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file (default: nearest one found).")
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore settings files.")]
DictionaryOption = Annotated[
    list[Path] | None,
    typer.Option("--dictionary", "-d", help="Extra glossary YAML file (repeatable)."),
]
NoDefaultOption = Annotated[
    bool,
    typer.Option("--no-default-dictionaries", help="Use only the dictionaries given."),
]


def _error(message: str) -> None:
    _errors.append(message)
    print(f"jargonlint: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"jargonlint: warning: {message}", file=sys.stderr)


def _format(requested: OutputFormat | None) -> OutputFormat:
    """rich for a person at a terminal, text for pipes, hooks and CI logs."""
    if requested is not None:
        return requested
    return OutputFormat.rich if sys.stdout.isatty() else OutputFormat.text


def _console() -> Console:
    # Imported here: rich costs ~25 ms of start-up that text and JSON runs never need.
    from rich.console import Console

    return Console(highlight=False)


def _columns(value: str) -> tuple[str, str]:
    """--columns 話者,セリフ → ("話者", "セリフ")."""
    names = [n.strip() for n in value.replace("、", ",").split(",")]
    if len(names) != 2 or not all(names):
        raise ValueError(
            f"--columns needs two names, speaker and line (話者,セリフ), not {value!r}"
        )
    return names[0], names[1]


def _settings(config_path: Path | None, isolated: bool) -> Config:
    try:
        if isolated:
            return Config()
        return load_config(config_path or find_config(Path.cwd()))
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


def _glossary(config: Config, extra: list[Path] | None, no_default: bool) -> Glossary:
    files = [*config.dictionaries, *(extra or [])]
    for path in files:
        if not path.is_file():
            _error(f"{path}: dictionary file not found")
            raise typer.Exit(2)
    try:
        return Glossary.load(files, builtin=not no_default)
    except GlossaryError as exc:
        for problem in exc.problems:
            _error(str(problem))
        raise typer.Exit(2) from None


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Script files or folders to check; - reads standard input."),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="rich on a terminal, text otherwise; json; github (Actions annotations).",
        ),
    ] = None,
    audience: Annotated[
        Audience | None,
        typer.Option(help="Who the agent talks to: an individual or a company."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Read files in this encoding instead of detecting it.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Term not to report (repeatable).")
    ] = None,
    stdin_filename: Annotated[
        str, typer.Option(help="Name to report for standard input (its suffix picks the format).")
    ] = "<stdin>",
    speakers: Annotated[
        Speakers | None,
        typer.Option(help="Lint only the agent's lines (default) or every speaker's."),
    ] = None,
    include_unspoken: Annotated[
        bool | None,
        typer.Option(
            "--include-unspoken/--spoken-only",
            help="Also lint headings, ※ notes and ▼ branches.",
            show_default=False,
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(help="CSV/TSV/Excel speaker and line columns, e.g. 話者,セリフ."),
    ] = None,
    limit: Annotated[
        list[str] | None,
        typer.Option(
            "--limit",
            help="Raise or lower a limit, e.g. file-size=64MiB, line-length=2000000, "
            "office-size, cells, paragraphs (repeatable).",
        ),
    ] = None,
    dictionary: DictionaryOption = None,
    no_default_dictionaries: NoDefaultOption = False,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Check scripts and report each jargon term with a plain explanation."""
    config = _settings(config_path, isolated)
    glossary = _glossary(config, dictionary, no_default_dictionaries)
    linter = Linter(
        glossary,
        audience=(audience.value if audience else config.audience),
        ignore=[*config.ignore, *(ignore or [])],
        options=ScriptOptions(
            speakers=speakers.value if speakers else config.speakers,
            include_unspoken=(
                config.include_unspoken if include_unspoken is None else include_unspoken
            ),
            labels=SpeakerLabels.of(config.agent_labels, config.customer_labels),
        ),
    )
    try:
        chosen_columns = _columns(columns) if columns else config.columns
        limits = parse_options(config.limits, limit or [])
    except ValueError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    forced = encoding or config.encoding
    if forced:
        try:
            codecs.lookup(forced)
        except LookupError:
            _error(f"unknown encoding {forced!r}")
            raise typer.Exit(2) from None
    read_options = ReadOptions(forced, chosen_columns, limits)
    errors: list[str] = []
    findings: list[Finding] = []
    checked = 0

    def lint_bytes(name: str, data: bytes) -> None:
        nonlocal checked
        try:
            segments = read_segments(name, data, read_options)
        except BinaryFileError as exc:
            _warn(f"{name}: {exc}")
            return
        except InputError as exc:
            errors.append(f"{name}: {exc}")
            _error(errors[-1])
            return
        checked += 1
        findings.extend(linter.lint_segments(name, segments))

    targets = paths or ["."]
    file_args = [Path(p) for p in targets if p != STDIN]
    if STDIN in targets:
        name = display_name(stdin_filename)
        try:
            lint_bytes(name, read_stream(sys.stdin.buffer, limits))
        except InputError as exc:
            errors.append(f"{name}: {exc}")
            _error(errors[-1])
    collected = collect(file_args)
    for message in collected.errors:
        errors.append(message)
        _error(message)
    for path in collected.files:
        try:
            data = read_file(path, limits)
        except InputError as exc:
            errors.append(f"{display_name(path)}: {exc}")
            _error(errors[-1])
            continue
        lint_bytes(display_name(path), data)

    chosen = _format(output_format)
    _errors.clear()  # carried by the report from here on
    if chosen is OutputFormat.json:
        from jargonlint.reporters import json_format

        json_format.report(findings, checked, errors, sys.stdout)
    elif chosen is OutputFormat.text:
        from jargonlint.reporters import text

        text.report(findings, sys.stdout)
    elif chosen is OutputFormat.github:
        from jargonlint.reporters import github

        github.report(findings, sys.stdout)
    else:
        from jargonlint.reporters import rich_format

        rich_format.report(findings, checked, _console())

    threshold = fail_on.value if fail_on else config.fail_on
    if errors:
        raise typer.Exit(2)
    if threshold != "never" and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in findings
    ):
        raise typer.Exit(1)


@app.command()
def explain(
    term: Annotated[str, typer.Argument(help="A headword, variant or reading (kana).")],
    output_format: Annotated[
        EntryFormat | None, typer.Option("--format", "-f", help="rich, text or json.")
    ] = None,
    dictionary: DictionaryOption = None,
    no_default_dictionaries: NoDefaultOption = False,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show one glossary entry in full."""
    glossary = _glossary(_settings(config_path, isolated), dictionary, no_default_dictionaries)
    entry = find_entry(glossary.entries, glossary.matcher, term)
    if entry is None:
        hint = close_terms(glossary.entries, term)
        _error(
            f"{term!r} is not in the glossary"
            + (f" (did you mean {'、'.join(hint)}?)" if hint else "")
        )
        raise typer.Exit(1)
    chosen = output_format or EntryFormat(_format(None).value)
    if chosen is EntryFormat.json:
        print(json.dumps(entry.to_dict(), ensure_ascii=False, indent=2))
        return
    from jargonlint.reporters import glossary_view

    if chosen is EntryFormat.text:
        print(glossary_view.entry_text(entry))
    else:
        glossary_view.show_entry(entry, _console())


@app.command()
def terms(
    search: Annotated[
        str | None,
        typer.Argument(help="Part of a term, variant, reading or explanation."),
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    output_format: Annotated[
        TermsFormat | None,
        typer.Option(
            "--format", "-f", help="rich, text, json, or markdown (the glossary document)."
        ),
    ] = None,
    dictionary: DictionaryOption = None,
    no_default_dictionaries: NoDefaultOption = False,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """List and search glossary entries; `--format markdown` writes docs/glossary.md."""
    glossary = _glossary(_settings(config_path, isolated), dictionary, no_default_dictionaries)
    categories = sorted({e.category for e in glossary.entries})
    if category and category not in categories:
        _error(f"unknown category {category!r} (known: {', '.join(categories)})")
        raise typer.Exit(2)
    found = search_entries(glossary.entries, category, search)
    chosen = output_format or TermsFormat(_format(None).value)
    if chosen is TermsFormat.json:
        print(json.dumps([e.to_dict() for e in found], ensure_ascii=False, indent=2))
        return
    if chosen is TermsFormat.markdown:
        from jargonlint.reporters import glossary_document

        sys.stdout.write(glossary_document.render(found))
        return
    from jargonlint.reporters import glossary_view

    if chosen is TermsFormat.text:
        for entry in found:
            print(glossary_view.entry_row(entry))
    else:
        glossary_view.show_table(found, _console())


def _version(value: bool) -> None:
    if value:
        print(f"jargonlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Find business and IT jargon in Japanese call-center scripts."""


def main() -> None:
    """Console-script entry point."""
    app()
