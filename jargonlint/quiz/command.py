"""The ``jargonlint quiz`` command: terms from scripts or the glossary → a quiz file.

Registered by cli.py; it loads settings and the glossary the way ``check`` does,
reads scripts through ``select.scan_scripts`` (the library API) and hands the quiz to a writer.

Annotations here are evaluated when the module loads (no ``from __future__ import
annotations``): typer reads the command's at every start-up of any command, and
strings it would have to evaluate, one by one, each time.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jargonlint.config import Config
from jargonlint.glossary import AUDIENCES
from jargonlint.linter import Glossary
from jargonlint.lookup import close_terms

if TYPE_CHECKING:
    from jargonlint.quiz import questions, select, writers

DEFAULT_COUNT = 10
DEFAULT_TITLE = "用語クイズ"


def _error(message: str) -> typer.Exit:
    print(f"jargonlint: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def _warn(message: str) -> None:
    print(f"jargonlint: warning: {message}", file=sys.stderr)


def _names(values: list[str] | None) -> list[str]:
    """--terms 稟議,ONU --terms 約款 → [稟議, ONU, 約款] (、 works as a comma too)."""
    names = []
    for value in values or []:
        names += [n.strip() for n in value.replace("、", ",").split(",") if n.strip()]
    return names


def _kinds(value: str | None) -> "list[questions.Kind]":
    from jargonlint.quiz import questions

    if not value:
        return list(questions.Kind)
    known = {k.value: k for k in questions.Kind}
    chosen = []
    for name in _names([value]):
        if name not in known:
            raise _error(f"unknown question kind {name!r} (known: {', '.join(known)})")
        chosen.append(known[name])
    return chosen


def _format(requested: str | None, output: Path | None) -> "writers.Format":
    from jargonlint.quiz import writers

    if requested:
        if requested not in writers.FORMATS:
            raise _error(f"unknown quiz format {requested!r} (known: {', '.join(writers.FORMATS)})")
        return writers.FORMATS[requested]
    if output is None:
        return writers.FORMATS["md"]
    found = writers.by_suffix(str(output))
    if found is None:
        raise _error(f"{output}: cannot tell the quiz format from the suffix; give --format")
    return found


def quiz(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Script files or folders (default: .); with --from-glossary, categories.",
            show_default=False,
        ),
    ] = None,
    from_glossary: Annotated[
        bool,
        typer.Option(
            "--from-glossary",
            help="Take terms from the glossary: the categories given as arguments, or all.",
        ),
    ] = False,
    terms: Annotated[
        list[str] | None,
        typer.Option("--terms", help="Ask about these terms, e.g. 稟議,ONU (repeatable)."),
    ] = None,
    count: Annotated[int, typer.Option("--count", "-n", min=1, help="Questions.")] = DEFAULT_COUNT,
    kinds: Annotated[
        str | None,
        typer.Option(help="Question kinds, e.g. meaning,reading (default: all, in turn)."),
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="The same seed and input give the same quiz.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html, csv, gift, kahoot, anki or json (default: from -o's suffix, or md).",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    title: Annotated[
        str, typer.Option(help="Quiz title; also the Anki deck name.")
    ] = DEFAULT_TITLE,
    audience: Annotated[
        str | None, typer.Option(help="consumer or business: who the agents talk to.")
    ] = None,
    speakers: Annotated[
        str | None, typer.Option(help="Terms from the agent's lines (default) or all.")
    ] = None,
    include_unspoken: Annotated[
        bool | None,
        typer.Option(
            "--include-unspoken/--spoken-only",
            help="Also take terms from headings, ※ notes and ▼ branches.",
            show_default=False,
        ),
    ] = None,
    columns: Annotated[
        str | None, typer.Option(help="CSV/TSV/Excel speaker and line columns.")
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Read files in this encoding.")] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Term not to ask about (repeatable).")
    ] = None,
    dictionary: Annotated[
        list[Path] | None,
        typer.Option("--dictionary", "-d", help="Extra glossary YAML file (repeatable)."),
    ] = None,
    no_default_dictionaries: Annotated[
        bool, typer.Option("--no-default-dictionaries", help="Use only the dictionaries given.")
    ] = False,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="Settings file (default: nearest one found).")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore settings files.")] = False,
) -> None:
    """Write a quiz for trainers about the terms a team's scripts use."""
    # Imported here: `jargonlint check` starts often and never needs the quiz code.
    from jargonlint.quiz import questions, select, writers

    chosen_format = _format(output_format, output)
    if chosen_format.binary and output is None:
        raise _error(f"the {chosen_format.name} format writes a file: give -o FILE")
    asked_kinds = _kinds(kinds)
    chosen_kinds = [k for k in asked_kinds if k.value not in chosen_format.cannot_ask]
    if not chosen_kinds:
        raise _error(f"the {chosen_format.name} format cannot ask {kinds} questions")
    if kinds and len(chosen_kinds) < len(asked_kinds):
        dropped = ", ".join(k.value for k in asked_kinds if k not in chosen_kinds)
        _warn(f"the {chosen_format.name} format has no {dropped} questions: leaving them out")
    from jargonlint.cli import _glossary, _settings  # the command's own: one way to load

    config = _settings(config_path, isolated)
    glossary = _glossary(config, dictionary, no_default_dictionaries)
    audience = audience or config.audience
    if audience not in AUDIENCES:
        raise _error(f"unknown audience {audience!r} (known: {', '.join(AUDIENCES)})")
    names = _names(terms)
    if from_glossary and names:
        raise _error("give either --from-glossary or --terms, not both")
    errors: list[str] = []
    if from_glossary:
        known = sorted({e.category for e in glossary.entries})
        unknown = [c for c in paths or [] if c not in known]
        if unknown:
            raise _error(f"unknown category {unknown[0]!r} (known: {', '.join(known)})")
        chosen = select.from_categories(glossary.entries, paths or [])
        where = "in the glossary" + (f" ({', '.join(paths)})" if paths else "")
    elif names:
        if paths:
            raise _error("--terms takes no script paths")
        chosen, missing = select.from_names(glossary, names)
        for name in missing:
            hint = close_terms(glossary.entries, name)
            errors.append(
                f"{name!r} is not in the glossary"
                + (f" (did you mean {'、'.join(hint)}?)" if hint else "")
            )
            print(f"jargonlint: error: {errors[-1]}", file=sys.stderr)
        where = "among --terms"
    else:
        config.ignore = [*config.ignore, *(ignore or [])]
        scanned = _scan(
            paths, config, glossary, audience, speakers, include_unspoken, columns, encoding
        )
        for message in scanned.warnings:
            _warn(message)
        for message in scanned.errors:
            print(f"jargonlint: error: {message}", file=sys.stderr)
        errors += scanned.errors
        chosen = select.rank_findings(scanned.findings, glossary.entries)
        where = "in the scripts"
    if not chosen:
        raise _error(f"no glossary terms found {where}: nothing to ask")
    if len(chosen) < count:
        _warn(
            f"only {len(chosen)} terms found {where}: the quiz has at most {len(chosen)} questions"
        )
    made = questions.build(
        chosen,
        glossary.entries,
        count=count,
        kinds=chosen_kinds,
        seed=questions.new_seed() if seed is None else seed,
        audience=audience,
        sample=from_glossary,
        title=title,
    )
    if len(made.questions) < min(count, len(chosen)):
        _warn(
            f"{min(count, len(chosen)) - len(made.questions)} term(s) could not get a question "
            f"of the kinds asked ({', '.join(k.value for k in chosen_kinds)})"
        )
    try:
        rendered = writers.render(made, chosen_format.name)
    except writers.MissingExtra as exc:
        raise _error(str(exc)) from None
    for message in rendered.warnings:
        _warn(message)
    if output is None:
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.flush()
    else:
        try:
            output.write_bytes(rendered.data)
        except OSError as exc:
            raise _error(f"{output}: cannot write ({exc.strerror})") from None
    if errors:
        raise typer.Exit(2)


def _scan(
    paths: list[str] | None,
    config: Config,
    glossary: Glossary,
    audience: str,
    speakers: str | None,
    include_unspoken: bool | None,
    columns: str | None,
    encoding: str | None,
) -> "select.Scanned":
    """The scripts' findings, with the same settings ``check`` would use."""
    from jargonlint.api import Checker
    from jargonlint.quiz import select

    chosen_columns = None
    if columns:
        names = [n.strip() for n in columns.replace("、", ",").split(",")]
        if len(names) != 2 or not all(names):
            raise _error(
                f"--columns needs two names, speaker and line (話者,セリフ), not {columns!r}"
            )
        chosen_columns = (names[0], names[1])
    try:
        checker = Checker.from_config(
            config,
            audience=audience,
            speakers=speakers,
            include_unspoken=include_unspoken,
            columns=chosen_columns,
            encoding=encoding,
            glossary=glossary,
        )
    except ValueError as exc:  # an unknown encoding or speakers value
        raise _error(str(exc)) from None
    targets = [Path(p) for p in paths or ["."]]
    return select.scan_scripts(targets, checker)
