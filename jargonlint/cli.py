"""The ``jargonlint`` command: check scripts, explain a term, browse the glossary.

Annotations here are evaluated when the module loads (no ``from __future__ import
annotations``): typer reads them at every start-up, and strings it would have to
compile, one by one, each time.
"""

import json
import os
import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from jargonlint import __version__
from jargonlint.config import Config, ConfigError, find_config, load_config
from jargonlint.findings import SEVERITY_RANK, Finding
from jargonlint.limits import parse_options
from jargonlint.linter import Glossary, GlossaryError
from jargonlint.lookup import close_terms, find_entry, search_entries
from jargonlint.quiz.command import quiz
from jargonlint.reporters import FORMATS, Run, reporter

if TYPE_CHECKING:
    from rich.console import Console

    from jargonlint.api import Checker, FileResult
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
            from jargonlint.api import FileResult

            run = Run(__version__, list)
            reporter("json")([FileResult("", error=e) for e in _errors], sys.stdout, run)
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


# --format offers every registered report.
OutputFormat = StrEnum("OutputFormat", {name: name for name in FORMATS})


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


class DiscoverFormat(StrEnum):
    rich = "rich"
    text = "text"
    json = "json"
    yaml = "yaml"


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
EncodingOption = Annotated[
    str | None, typer.Option(help="Read files in this encoding instead of detecting it.")
]
StdinFilenameOption = Annotated[
    str, typer.Option(help="Name to report for standard input (its suffix picks the format).")
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(help="CSV/TSV/Excel speaker and line columns, e.g. 話者,セリフ."),
]
NoDefaultOption = Annotated[
    bool,
    typer.Option("--no-default-dictionaries", help="Use only the dictionaries given."),
]


def _error(message: str, console: "Console | None" = None) -> None:
    _errors.append(message)
    _say(f"jargonlint: error: {message}", console)


def _warn(message: str, console: "Console | None" = None) -> None:
    _say(f"jargonlint: warning: {message}", console)


def _say(line: str, console: "Console | None") -> None:
    """A line on stderr, above the progress bar (its console) while one is shown."""
    if console is not None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        print(line, file=sys.stderr)


def _format(requested: OutputFormat | None, output: Path | None = None) -> OutputFormat:
    """rich for a person at a terminal, text for pipes, hooks and CI logs; for
    ``-o report.html`` or ``-o report.json``, what the file's name says."""
    if requested is not None:
        return requested
    if output is not None:
        by_suffix = {".html": "html", ".htm": "html", ".json": "json"}
        return OutputFormat(by_suffix.get(output.suffix.lower(), "text"))
    return OutputFormat("rich" if sys.stdout.isatty() else "text")


def _console(file: Any = None) -> "Console":
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


def _checker(
    config: Config, columns: str | None = None, limit: list[str] | None = None, **overrides: Any
) -> "Checker":
    """The checker for a command's settings and options (``columns`` and ``limit`` as
    typed); a setting or glossary that cannot be used is one line each and exit 2."""
    from jargonlint.api import Checker

    try:
        if columns:
            overrides["columns"] = _columns(columns)
        if limit:
            overrides["limits"] = parse_options(config.limits, limit)
        return Checker.from_config(config, **overrides)
    except ValueError as exc:  # SettingsError, --columns not naming two, a bad --limit
        _error(str(exc))
        raise typer.Exit(2) from None
    except GlossaryError as exc:
        for problem in exc.problems:
            _error(str(problem))
        raise typer.Exit(2) from None


def _possible_jargon(setting: str, discover: bool | None) -> str | None:
    """The severity of possible jargon, or None: --discover/--no-discover win over
    the setting (--discover with the setting "off" reports at info)."""
    if discover is False or (setting == "off" and not discover):
        return None
    return "info" if setting == "off" else setting


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
            help="rich on a terminal, text otherwise; "
            + "; ".join(f"{f.name}: {f.help}" for f in FORMATS.values())
            + ".",
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
    encoding: EncodingOption = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Term not to report (repeatable).")
    ] = None,
    stdin_filename: StdinFilenameOption = "<stdin>",
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
    columns: ColumnsOption = None,
    discover: Annotated[
        bool | None,
        typer.Option(
            "--discover/--no-discover",
            help="Also report words no glossary lists that are probably jargon.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes (default: the usable cores; one for a small input).",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no warnings; errors still."),
    ] = False,
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
    from jargonlint.api import FileResult, collect_inputs
    from jargonlint.decoding import InputError
    from jargonlint.files import display_name, read_file, read_stream
    from jargonlint.progress import ProgressBar

    config = _settings(config_path, isolated)
    checker = _checker(
        config,
        audience=audience.value if audience else None,
        speakers=speakers.value if speakers else None,
        include_unspoken=include_unspoken,
        dictionaries=dictionary,
        builtin_dictionaries=False if no_default_dictionaries else None,
        ignore=ignore,
        encoding=encoding,
        columns=columns,
        possible_jargon=_possible_jargon(config.possible_jargon, discover) or "off",
        limit=limit,
    )

    chosen = _format(output_format, output)
    targets = paths or ["."]
    unusable, files = collect_inputs(p for p in targets if p != STDIN)
    changes: Changes | None = None
    if diff_from:
        from jargonlint.changed import GitError, changes_since

        try:
            changes = changes_since(diff_from, [Path(f) for f in files])
        except GitError as exc:
            _error(f"--diff-from: {exc}")
            raise typer.Exit(2) from None
    checker.keep_agent_lines = chosen.value == "html"  # the page shows whole scripts
    fixer = None
    if fix or diff:
        from jargonlint.fix import Mode
        from jargonlint.fix_run import FixRun

        least = fail_on.value if fail_on else config.fail_on
        least = "warning" if least == "never" else least
        fixer = FixRun(checker, Mode(fix_mode.value), diff, least)
    progress = ProgressBar(len(files) + len(unusable) + (STDIN in targets), enabled=not quiet)
    threshold = SEVERITY_RANK.get(fail_on.value if fail_on else config.fail_on)
    outcome = {"errors": 0, "failed": False}

    def after(result: "FileResult", data: bytes | None = None) -> "FileResult":
        """--diff-from and --fix on one file's result (``data``: standard input's
        bytes, which are new throughout and cannot be fixed in place)."""
        if not result.checked:
            return result
        scope = None if data is not None else changes
        if scope is not None:
            result.findings = scope.only_changed(result.findings)
        if fixer is None:
            return result
        stdin = data is not None
        try:
            content = data if stdin else read_file(Path(result.path), checker.settings.limits)
        except InputError:
            return result  # gone or changed since it was checked: nothing to fix
        fixed = fixer.fix(result.path, content, scope, stdin=stdin, reported=result.findings)
        if fixed is not None and not diff:
            result = checker.check_bytes(result.path, fixed)
            if scope is not None:
                result.findings = scope.only_changed(result.findings)
        return result

    def results() -> "Iterator[FileResult]":
        if STDIN in targets:
            name = display_name(stdin_filename)
            try:
                data = read_stream(sys.stdin.buffer, checker.settings.limits)
            except InputError as exc:
                yield FileResult(name, error=f"{name}: {exc}")
            else:
                yield after(checker.check_bytes(name, data), data)
        yield from unusable
        for result in checker.check_files(files, jobs=jobs):
            yield after(result)

    def observed() -> "Iterator[FileResult]":
        """Say each input's problem on stderr as it comes, and remember the outcome."""
        for result in progress.track(results()):
            if result.error:
                outcome["errors"] += 1
                _error(result.error, progress.console())
            elif result.skipped and not quiet:
                _warn(result.skipped, progress.console())
            if threshold is not None and not outcome["failed"]:
                outcome["failed"] = any(
                    SEVERITY_RANK[f.severity] >= threshold for f in result.findings
                )
            yield result

    if fixer is not None and diff:  # the diff is the output: no report
        for _ in observed():
            pass
        fixer.summarize()
        sys.stdout.write("".join(fixer.diffs))
        errors = outcome["errors"] + len(fixer.errors)
        _errors.clear()  # said on stderr; the diff is the output
        raise typer.Exit(2 if errors else 1 if fixer.diffs else 0)
    run = Run(__version__, lambda: checker.entries)
    out = _output(output)
    reporter(chosen.value)(observed(), out, run)
    _errors.clear()  # the report has carried them
    if output is not None:
        out.close()
    if fixer is not None:
        fixer.summarize()
        outcome["errors"] += len(fixer.errors)
    if outcome["errors"]:
        raise typer.Exit(2)
    if outcome["failed"]:
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
    encoding: EncodingOption = None,
    stdin_filename: StdinFilenameOption = "<stdin>",
    columns: ColumnsOption = None,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show how each line of a script was read: who speaks it, or why it is not spoken."""
    from jargonlint.api import collect_inputs
    from jargonlint.decoding import BinaryFileError, InputError
    from jargonlint.files import display_name, read_file
    from jargonlint.reporters import structure_view

    config = _settings(config_path, isolated)
    checker = _checker(config, encoding=encoding, columns=columns)
    errors: list[str] = []
    files: list[structure_view.ReadFile] = []

    def read(name: str, data: bytes) -> None:
        try:
            files.append(structure_view.ReadFile(name, checker.structure_of(name, data)))
        except BinaryFileError as exc:
            _warn(f"{name}: {exc}")
        except InputError as exc:
            errors.append(f"{name}: {exc}")
            _error(errors[-1])

    targets = paths or ["."]
    if STDIN in targets:
        read(stdin_filename, sys.stdin.buffer.read())
    unusable, found = collect_inputs(p for p in targets if p != STDIN)
    for result in unusable:
        errors.append(result.error or result.path)
        _error(errors[-1])
    for path in found:
        try:
            data = read_file(Path(path), checker.settings.limits)
        except InputError as exc:
            errors.append(f"{display_name(path)}: {exc}")
            _error(errors[-1])
            continue
        read(display_name(path), data)
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


app.command()(quiz)


@app.command()
def discover(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Script files or folders to look through.")
    ] = None,
    output_format: Annotated[
        DiscoverFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="rich, text, json, or yaml (glossary entries to complete and pass with -d).",
        ),
    ] = None,
    encoding: EncodingOption = None,
    speakers: Annotated[
        Speakers | None,
        typer.Option(help="Look at the agent's lines only (default) or every speaker's."),
    ] = None,
    dictionary: DictionaryOption = None,
    no_default_dictionaries: NoDefaultOption = False,
    config_path: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """List words no glossary lists that are probably jargon, most frequent first."""

    config = _settings(config_path, isolated)
    checker = _checker(
        config,
        speakers=speakers.value if speakers else None,
        dictionaries=dictionary,
        builtin_dictionaries=False if no_default_dictionaries else None,
        encoding=encoding,
        possible_jargon="info",
    )
    errors: list[str] = []
    findings: list[Finding] = []
    checked = 0
    for result in checker.check_paths(paths or [Path(".")]):
        if result.error:
            errors.append(result.error)
        elif result.skipped:
            _warn(result.skipped)
        else:
            checked += 1
            findings.extend(result.findings)
    for message in errors:
        _error(message)
    from jargonlint.reporters import discovered

    words = discovered.tally(findings)
    chosen = output_format or DiscoverFormat(_format(None).value)
    if chosen is DiscoverFormat.json:
        discovered.as_json(words, checked, errors, sys.stdout)
    elif chosen is DiscoverFormat.yaml:
        discovered.skeleton(words, checker.discoverer.reading, sys.stdout)
    elif chosen is DiscoverFormat.text:
        discovered.text(words, sys.stdout)
    else:
        discovered.rich(words, checked, _console())
    if errors:
        raise typer.Exit(2)


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
    """Console-script entry point.

    A finished command leaves without tearing the interpreter down: freeing the
    glossary's objects one by one costs ~25 ms, a tenth of a small run. Every file
    it writes is closed by then; standard output and error are flushed first, and
    a flush that fails (a closed pipe) leaves the ordinary way, as before.
    """
    try:
        app()
        code = 0
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise
        code = done.code or 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)
