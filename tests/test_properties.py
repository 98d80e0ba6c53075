"""Property-based tests: whatever text, bytes or structure comes in, the checker
raises nothing unexpected, every finding slices exactly its ``matched`` text from
the original line, and the JSON report always parses.

The number of examples comes from a Hypothesis profile (``HYPOTHESIS_PROFILE``:
``jargonlint``, the default, keeps the whole file to about 20 s on a 2-core
machine; ``thorough`` runs ten times as many).
"""

from __future__ import annotations

import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jargonlint import __version__
from jargonlint.api import FileResult
from jargonlint.cli import app
from jargonlint.decoding import InputError, decode
from jargonlint.document import split_lines
from jargonlint.findings import Finding
from jargonlint.linter import Glossary, Linter, ScriptOptions
from jargonlint.matcher import Matcher
from jargonlint.normalize import normalize
from jargonlint.reader import ReadOptions, read_segments
from jargonlint.reporters import Run, reporter
from jargonlint.tokenizer import CHUNK, Tokenizer, Tokens

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("jargonlint", max_examples=200, **_COMMON)
settings.register_profile("thorough", max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "jargonlint"))

TERMS = ["稟議", "サーバ", "ｻｰﾊﾞｰ", "Ｗｉ－Ｆｉ", "Wi-Fi", "HGW", "キャッシュレス", "縛り", "按分"]
LABELS = [
    "OP：",
    "OP:",
    "【OP】",
    "◆OP ",
    "お客様：",
    "【お客様】",
    "担当者: ",
    "CU：",
    "※",
    "▼",
    "",
]
SUPPRESSIONS = ["jargonlint: ignore", "<!-- jargonlint: disable[稟議] -->", "jargonlint：enable"]
ODD = [
    "\t",
    "\0",
    "\v",
    "\f",
    "\x1c",
    "\x85",
    "\u2028",
    "\u3000",
    "\ufeff",
    "\u1100\u1161",
    "\u1100\u1161\u1100\u1161",
    "㈱",
]
LINE_BREAKS = ["\n", "\r\n", "\r"]

# Any code point (surrogates excluded: they cannot come out of a decoder).
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
japanese = st.text(st.characters(min_codepoint=0x3000, max_codepoint=0x30FF), max_size=10)
piece = st.one_of(
    unicode_text, japanese, st.sampled_from(TERMS + ODD + SUPPRESSIONS + ["。", "、", " "])
)
line = st.builds(
    lambda label, parts: label + "".join(parts),
    st.sampled_from(LABELS),
    st.lists(piece, max_size=8),
)


@st.composite
def script_text(draw: st.DrawFn) -> str:
    """Lines with speaker labels, terms and odd characters, joined by mixed breaks."""
    lines = draw(st.lists(line, max_size=12))
    breaks = draw(st.lists(st.sampled_from(LINE_BREAKS), min_size=len(lines), max_size=len(lines)))
    return "".join(text + end for text, end in zip(lines, breaks, strict=True))


def _field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@st.composite
def csv_text(draw: st.DrawFn) -> str:
    """A table with or without a 話者/セリフ header, quoted fields, breaks in quotes."""
    delimiter = draw(st.sampled_from([",", "\t"]))
    header = draw(
        st.sampled_from([["話者", "セリフ"], ["番号", "話者", "セリフ", "備考"], ["a", "b"]])
    )
    rows = [header]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(line, min_size=0, max_size=len(header) + 1))
        rows.append([_field(c) if draw(st.booleans()) else c for c in cells])
    return "\n".join(delimiter.join(row) for row in rows) + draw(st.sampled_from(["", "\n"]))


MARKDOWN_PARTS = ["# ", "- ", "1. ", "> ", "```\n", "~~~\n", "`", "<!-- ", " -->", "---\n"]


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    """Markdown made of fences, headings, lists, comments and inline code."""
    lines = draw(
        st.lists(
            st.builds(
                lambda parts, text: "".join(parts) + text,
                st.lists(st.sampled_from(MARKDOWN_PARTS), max_size=3),
                line,
            ),
            max_size=12,
        )
    )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def linters() -> list[Linter]:
    """The shipped glossary, agent lines only and every line of every kind. With a
    tokenizer of its own: what random text teaches it must not reach other tests."""
    shipped_glossary = Glossary.load(tokenizer=Tokenizer())
    return [
        Linter(shipped_glossary),
        Linter(
            shipped_glossary,
            audience="business",
            options=ScriptOptions(speakers="all", include_unspoken=True),
        ),
    ]


def _check(linters: list[Linter], name: str, data: bytes) -> None:
    """Read and lint as the CLI does, asserting the three properties."""
    try:
        segments = read_segments(name, data, ReadOptions())
    except InputError:
        return  # a one-line error for the user: allowed
    lines = split_lines(decode(data).text) if not name.endswith((".docx", ".xlsx")) else []
    for linter in linters:
        findings = linter.lint_segments(name, list(segments))
        for finding in findings:
            _exact(finding, lines)
            _names_its_term(linter, finding, lines)
        _reports_parse(findings)


def _exact(finding: Finding, lines: list[str]) -> None:
    assert finding.line == finding.end_line
    assert 1 <= finding.column < finding.end_column or finding.matched == ""
    original = lines[finding.line - 1]
    assert original[finding.column - 1 : finding.end_column - 1] == finding.matched
    assert finding.source_line == original


class _Fresh(Tokenizer):
    """Analyses every text afresh: what it read before cannot change a reading."""

    def tokenize(self, text: str) -> Tokens:
        self._keys.clear()
        return super().tokenize(text)


_fresh_matchers: dict[int, Matcher] = {}


def _names_its_term(linter: Linter, finding: Finding, lines: list[str]) -> None:
    """The slice is the term itself, not some text beside it: read alone, it is
    matched as the same entry; or, where UniDic reads it otherwise alone (ギが
    before a control character is ギ + 蛾, alone 木 + が), a fresh reading of its
    line, or of the line from the term on, matches the term at exactly that place."""
    if finding.rule in ("unused-suppression", "speaker-guess"):
        return
    trie = linter.glossary.matcher.trie
    matcher = _fresh_matchers.get(id(trie))
    if matcher is None:
        matcher = _fresh_matchers[id(trie)] = Matcher(_Fresh(), trie)
    matches = matcher.find_in_text(normalize(finding.matched).text)
    if finding.term in {m.entry.term for m in matches}:
        return
    original = lines[finding.line - 1]
    places = set()
    for start in (0, finding.column - 1):  # the whole line, or from the term on
        line = normalize(original[start:])
        tokens = matcher.tokenizer.tokenize(line.text)
        places |= {
            tuple(start + i for i in line.original_span(*tokens.span(m.start, m.end)))
            for m in matcher.find_in_tokens(tokens)
            if m.entry.term == finding.term
        }
    assert (finding.column - 1, finding.end_column - 1) in places, finding


def _reports_parse(findings: list[Finding]) -> None:
    out = io.StringIO()
    results = [FileResult("s.txt", findings), FileResult("x", error="x: an error")]
    reporter("json")(results, out, Run(__version__, list))
    out.getvalue().encode("utf-8")  # nothing a UTF-8 terminal or pipe would refuse
    assert len(json.loads(out.getvalue())["findings"]) == len(findings)
    lines = io.StringIO()
    reporter("text")(results[:1], lines, Run(__version__, list))
    assert lines.getvalue().count("\n") == len(findings)  # one line per finding


@given(script_text())
def test_random_scripts(linters: list[Linter], script: str) -> None:
    _check(linters, "s.txt", script.encode("utf-8"))


@given(unicode_text, st.sampled_from(TERMS))
def test_random_unicode_around_a_term(linters: list[Linter], noise: str, term: str) -> None:
    _check(linters, "s.txt", f"OP：{noise}{term}{noise[::-1]}".encode())


# Characters NFKC composes (jamo, voiced marks), expands (㈱, ﬁ, …) or swaps (Ａ).
FOLDING = [
    "\u1100\u1161",
    "\u1100",
    "\u11a8",
    "가",
    "㈱",
    "①",
    "ｶ",
    "ﾞ",
    "e",
    "\u0301",
    "ﬁ",
    "…",
    "Ａ",
]
folding = st.lists(st.sampled_from(FOLDING), max_size=10).map("".join)


@given(folding, st.sampled_from(TERMS), folding)
def test_folding_characters_keep_columns(
    linters: list[Linter], before: str, term: str, after: str
) -> None:
    _check(linters, "s.txt", f"OP：{before}{term}{after}{term}".encode())


# Folds that add up to the same length: ㈱ (+2) and ﬁ (+1) against three jamo pairs (-3).
BALANCED = ["㈱", "ﬁ", "\u1100\u1161", "\u1100\u1161", "\u1100\u1161", "稟議", "サーバー"]


@given(st.permutations(BALANCED))
def test_folds_that_keep_the_length_keep_columns(linters: list[Linter], parts: list[str]) -> None:
    _check(linters, "s.txt", ("OP：" + "".join(parts)).encode())


@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".csv", ".tsv"]))
def test_random_bytes(linters: list[Linter], data: bytes, suffix: str) -> None:
    _check(linters, f"s{suffix}", data)


@given(st.binary(max_size=200), st.sampled_from([".docx", ".xlsx"]))
def test_random_bytes_as_office_files(linters: list[Linter], data: bytes, suffix: str) -> None:
    _check(linters, f"s{suffix}", b"PK\x03\x04" + data)


@given(csv_text())
def test_random_csv(linters: list[Linter], table: str) -> None:
    _check(linters, "s.tsv" if "\t" in table.split("\n", 1)[0] else "s.csv", table.encode())


@given(markdown_text())
def test_random_markdown(linters: list[Linter], document: str) -> None:
    _check(linters, "s.md", document.encode("utf-8"))


@given(st.sampled_from(TERMS), st.integers(0, 3), st.sampled_from([" ", "。", "a", "あ"]))
@settings(max_examples=15)
def test_long_lines_cut_into_pieces(
    linters: list[Linter], term: str, position: int, filler: str
) -> None:
    body = [filler * (CHUNK // 2 - 1)] * 4
    body.insert(position, term)
    _check(linters, "s.txt", ("OP：" + "".join(body)).encode("utf-8"))


@given(
    st.one_of(script_text(), markdown_text()),
    st.sampled_from(["utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16"]),
)
@settings(max_examples=25)
def test_cli_json_always_parses(script: str, encoding: str) -> None:
    data = script.encode(encoding, errors="replace")
    result = CliRunner().invoke(
        app,
        ["check", "--isolated", "--format", "json", "--stdin-filename", "s.md", "-"],
        input=data,
    )
    assert result.exit_code in (0, 1, 2), result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"]["errors"] == len(report["errors"])


def test_a_reading_learned_earlier_does_not_fail_the_property(linters: list[Linter]) -> None:
    _check(linters, "s.txt", "OP：安いし、早いし、ペイしますね。\n".encode())


@given(st.lists(script_text(), min_size=2, max_size=6), st.sampled_from(["json", "text", "sarif"]))
@settings(max_examples=8)
def test_jobs_do_not_change_results(
    tmp_path_factory: pytest.TempPathFactory, scripts: list[str], output_format: str
) -> None:
    """Random scripts in a folder: every format prints the same, byte for byte, with
    one process or several."""
    folder = tmp_path_factory.mktemp("jobs")
    for number, script in enumerate(scripts):
        (folder / f"s{number}.txt").write_text(script, encoding="utf-8", newline="")
    outputs = []
    for jobs in ("1", "3"):
        result = CliRunner().invoke(
            app,
            ["check", "--isolated", "-q", "--format", output_format, "--jobs", jobs, str(folder)],
        )
        assert result.exit_code in (0, 1, 2), result.output
        outputs.append(result.stdout_bytes)
    assert outputs[0] == outputs[1]
