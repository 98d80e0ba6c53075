"""The ``jargonlint`` command: check scripts, explain a term, browse the glossary."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from jargonlint import __version__
from jargonlint.config import Config, ConfigError, find_config, load_config
from jargonlint.decoding import BinaryFileError, InputError
from jargonlint.files import collect
from jargonlint.findings import SEVERITY_RANK, Finding
from jargonlint.linter import Glossary, GlossaryError, Linter, ScriptOptions
from jargonlint.lookup import close_terms, find_entry, search_entries
from jargonlint.reader import ReadOptions, read_segments
from jargonlint.script import SpeakerLabels

if TYPE_CHECKING:
    from rich.console import Console

    from jargonlint.changed import Changes

STDIN = "-"


class _OneLineErrors(TyperGroup):
    """Usage errors as one line on stderr with exit code 2, never a usage dump."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        if args:
            args = (_fix_forms(args[0]), *args[1:])
        else:
            kwargs["args"] = _fix_forms(kwargs.get("args"))
        try:
            code = super().main(*args, **kwargs)
        except typer.Abort:
            sys.exit(130)
        except typer.TyperException as exc:  # typer's own click: usage errors, bad values
            if exc.format_message():
                _error(exc.format_message())
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)


def _fix_forms(args: Sequence[str] | None) -> list[str]:
    """``--fix=replace`` → ``--fix --fix-mode replace``: typer has no option whose
    value may be left out, and ``--fix`` alone means ``--fix=explain``."""
    expanded: list[str] = []
    for number, arg in enumerate(sys.argv[1:] if args is None else args):
        if arg == "--":
            expanded += list((sys.argv[1:] if args is None else args)[number:])
            break
        if arg.startswith("--fix="):
            expanded += ["--fix", "--fix-mode", arg.removeprefix("--fix=")]
        else:
            expanded.append(arg)
    return expanded


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
    html = "html"


class FixMode(StrEnum):  # jargonlint.fix.Mode, without importing the fixer on every run
    explain = "explain"
    replace = "replace"


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
    print(f"jargonlint: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"jargonlint: warning: {message}", file=sys.stderr)


def _format(requested: OutputFormat | None, output: Path | None = None) -> OutputFormat:
    """rich for a person at a terminal, text for pipes, hooks and CI logs; for
    ``-o report.html`` or ``-o report.json``, what the file's name says."""
    if requested is not None:
        return requested
    if output is not None:
        by_suffix = {".html": "html", ".htm": "html", ".json": "json"}
        return OutputFormat(by_suffix.get(output.suffix.lower(), "text"))
    return OutputFormat.rich if sys.stdout.isatty() else OutputFormat.text


def _console(file: Any = None) -> Console:
    # Imported here: rich costs ~25 ms of start-up that text and JSON runs never need.
    from rich.console import Console

    return Console(highlight=False, file=file)


def _output(path: Path | None) -> TextIO:
    """Where the report goes: standard output, or the file given with -o."""
    if path is None:
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        _error(f"{path}: cannot write ({exc.strerror})")
        raise typer.Exit(2) from None


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
            help="rich on a terminal, text otherwise; json; github (Actions annotations); "
            "html (one page for a run, with -o report.html).",
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
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Fix what is safe, in place: --fix (=explain) adds a short explanation "
            "after each term's first use; --fix=replace uses a safe say-instead word.",
        ),
    ] = False,
    fix_mode: Annotated[FixMode, typer.Option("--fix-mode", hidden=True)] = FixMode.explain,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")
    ] = False,
    diff_from: Annotated[
        str | None,
        typer.Option(
            "--diff-from",
            metavar="REV",
            help="Report only lines added or changed since this git revision.",
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
    chosen_audience = audience.value if audience else config.audience
    ignored = [*config.ignore, *(ignore or [])]
    script_options = ScriptOptions(
        speakers=speakers.value if speakers else config.speakers,
        include_unspoken=(
            config.include_unspoken if include_unspoken is None else include_unspoken
        ),
        labels=SpeakerLabels.of(config.agent_labels, config.customer_labels),
    )
    linter = Linter(glossary, audience=chosen_audience, ignore=ignored, options=script_options)
    try:
        chosen_columns = _columns(columns) if columns else config.columns
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
    read_options = ReadOptions(forced, chosen_columns)
    errors: list[str] = []
    findings: list[Finding] = []
    checked = 0
    chosen = _format(output_format, output)
    pages: list[Any] = []  # the HTML report's scripts
    fixer = None
    if fix or diff:
        from jargonlint.fix import Mode
        from jargonlint.fix_run import FixRun

        least = fail_on.value if fail_on else config.fail_on
        least = "warning" if least == "never" else least
        fixer = FixRun(
            glossary, chosen_audience, ignored, script_options, Mode(fix_mode.value), diff, least
        )

    def lint_bytes(name: str, data: bytes, stdin: bool = False) -> None:
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
        scope = None if stdin else changes  # standard input is new throughout
        found = linter.lint_segments(name, segments)
        if scope is not None:
            found = scope.only_changed(found)
        if fixer is not None:
            fixed = fixer.fix(name, data, read_options, scope, stdin=stdin, reported=found)
            if fixed is not None and not diff:
                segments = read_segments(name, fixed, read_options)
                found = linter.lint_segments(name, segments)
                if scope is not None:
                    found = scope.only_changed(found)
        findings.extend(found)
        if chosen is OutputFormat.html:
            from jargonlint.reporters import html

            pages.append(html.ScriptView(name, found, html.agent_lines(segments)))

    targets = paths or ["."]
    file_args = [Path(p) for p in targets if p != STDIN]
    collected = collect(file_args)
    changes: Changes | None = None
    if diff_from:
        from jargonlint.changed import GitError, changes_since

        try:
            changes = changes_since(diff_from, collected.files)
        except GitError as exc:
            _error(f"--diff-from: {exc}")
            raise typer.Exit(2) from None
    if STDIN in targets:
        lint_bytes(stdin_filename, sys.stdin.buffer.read(), stdin=True)
    for message in collected.errors:
        errors.append(message)
        _error(message)
    for path in collected.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(f"{path}: cannot read ({exc.strerror})")
            _error(errors[-1])
            continue
        lint_bytes(str(path), data)

    if fixer is not None:
        errors.extend(fixer.errors)
        fixer.summarize()
        if diff:
            sys.stdout.write("".join(fixer.diffs))
            raise typer.Exit(2 if errors else 1 if fixer.diffs else 0)
    out = _output(output)
    if chosen is OutputFormat.json:
        from jargonlint.reporters import json_format

        json_format.report(findings, checked, errors, out)
    elif chosen is OutputFormat.text:
        from jargonlint.reporters import text

        text.report(findings, out)
    elif chosen is OutputFormat.github:
        from jargonlint.reporters import github

        github.report(findings, out)
    elif chosen is OutputFormat.html:
        from jargonlint.reporters import html

        out.write(html.render(pages, glossary.entries, errors=errors))
    else:
        from jargonlint.reporters import rich_format

        rich_format.report(findings, checked, _console(out if output else None))
    if output is not None:
        out.close()

    threshold = fail_on.value if fail_on else config.fail_on
    if errors:
        raise typer.Exit(2)
    if threshold != "never" and any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in findings
    ):
        raise typer.Exit(1)


class StructureFormat(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"


@app.command()
def structure(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Script files or folders; - reads standard input."),
    ] = None,
    output_format: Annotated[
        StructureFormat | None,
        typer.Option("--format", "-f", help="rich on a terminal, text otherwise; json."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Read files in this encoding instead of detecting it.")
    ] = None,
    stdin_filename: Annotated[
        str, typer.Option(help="Name to report for standard input (its suffix picks the format).")
    ] = "<stdin>",
    columns: Annotated[
        str | None,
        typer.Option(help="CSV/TSV/Excel speaker and line columns, e.g. 話者,セリフ."),
    ] = None,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show how each line of a script was read: who speaks it, or why it is not spoken."""
    from jargonlint.reporters import structure_view
    from jargonlint.script import read_script

    config = _settings(config_path, isolated)
    labels = SpeakerLabels.of(config.agent_labels, config.customer_labels)
    try:
        chosen_columns = _columns(columns) if columns else config.columns
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
    options = ReadOptions(forced, chosen_columns)
    errors: list[str] = []
    files: list[structure_view.ReadFile] = []

    def read(name: str, data: bytes) -> None:
        try:
            segments = read_segments(name, data, options)
        except BinaryFileError as exc:
            _warn(f"{name}: {exc}")
            return
        except InputError as exc:
            errors.append(f"{name}: {exc}")
            _error(errors[-1])
            return
        files.append(structure_view.ReadFile(name, read_script(segments, labels)))

    targets = paths or ["."]
    if STDIN in targets:
        read(stdin_filename, sys.stdin.buffer.read())
    collected = collect([Path(p) for p in targets if p != STDIN])
    for message in collected.errors:
        errors.append(message)
        _error(message)
    for path in collected.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(f"{path}: cannot read ({exc.strerror})")
            _error(errors[-1])
            continue
        read(str(path), data)
    chosen = output_format or StructureFormat(_format(None).value)
    if chosen is StructureFormat.json:
        structure_view.report_json(files, errors, sys.stdout)
    elif chosen is StructureFormat.text:
        structure_view.report_text(files, sys.stdout)
    else:
        structure_view.show(files, _console())
    if errors:
        raise typer.Exit(2)


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
