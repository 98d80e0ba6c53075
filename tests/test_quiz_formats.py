"""Quiz files as the tools trainers use read them: Moodle, Kahoot, Anki, Excel, JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jargonlint.cli import app
from jargonlint.quiz import writers
from jargonlint.quiz.writers import gift, kahoot

SAMPLES = str(Path(__file__).parent.parent / "scripts_samples")
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, ["quiz", *args])


def _write(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = _run(SAMPLES, "--seed", "5", "--count", "12", "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("suffix", ["md", "html", "csv", "gift", "json", "xlsx", "apkg"])
def test_same_seed_same_bytes(tmp_path, suffix, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = _write(tmp_path, f"a.{suffix}").read_bytes()
    second = _write(tmp_path, f"b.{suffix}").read_bytes()
    assert first == second
    other = _run(SAMPLES, "--seed", "6", "--count", "12", "-o", str(tmp_path / f"c.{suffix}"))
    assert other.exit_code == 0
    if suffix != "apkg":  # the deck holds terms, not questions: a seed does not change it
        assert (tmp_path / f"c.{suffix}").read_bytes() != first


def test_without_a_seed_the_quiz_varies(tmp_path):
    outputs = {_run(SAMPLES, "--count", "12", "-f", "json").stdout for _ in range(3)}
    assert len(outputs) > 1


# A small GIFT reader: enough of Moodle's grammar to check what we write.
_UNESCAPED_OPEN = re.compile(r"(?<!\\)\{")
_ANSWER = re.compile(r"(?<!\\)([=~])")


def parse_gift(text: str) -> list[dict]:
    questions = []
    for block in text.strip().split("\n\n"):
        lines = [ln for ln in block.splitlines() if not ln.startswith(("//", "$CATEGORY"))]
        if not lines:
            continue
        block = "\n".join(lines)
        title = re.match(r"::(.*?)(?<!\\)::", block, re.S)
        assert title, block
        body = block[title.end() :]
        opens = [m.start() for m in _UNESCAPED_OPEN.finditer(body)]
        assert len(opens) == 1, block
        assert body.rstrip().endswith("}") and body.rstrip()[-2] != "\\"
        answers = body[opens[0] + 1 : body.rstrip().rindex("}")]
        answers = re.split(r"(?<!\\)####", answers)[0]
        parts = [p.strip() for p in _ANSWER.split(answers) if p.strip()]
        marks, texts = parts[0::2], parts[1::2]
        pairs = [t for t in texts if " -> " in t]
        questions.append({"title": title.group(1), "marks": marks, "texts": texts, "pairs": pairs})
    return questions


def test_gift_parses_back_with_one_right_answer_each(tmp_path):
    out = _write(tmp_path, "q.gift", "--count", "20")
    parsed = parse_gift(out.read_text(encoding="utf-8"))
    assert len(parsed) == 20
    single = [q for q in parsed if not q["pairs"]]
    matching = [q for q in parsed if q["pairs"]]
    assert single and matching
    for q in single:
        assert q["marks"].count("=") == 1, q
        assert q["marks"].count("~") == 3, q
    for q in matching:
        assert set(q["marks"]) == {"="} and len(q["pairs"]) == len(q["marks"]) >= 3


def test_gift_escapes_its_special_characters():
    assert gift.escape("a~b=c#d{e}f:g") == r"a\~b\=c\#d\{e\}f\:g"


def test_kahoot_sheet_layout_and_limits(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "q.xlsx"
    result = _run(SAMPLES, "--seed", "5", "--count", "20", "--format", "kahoot", "-o", str(out))
    assert result.exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    header = [sheet.cell(8, c).value for c in range(2, 9)]
    assert header[0].startswith("Question") and header[1].startswith("Answer 1")
    assert header[5].startswith("Time limit") and header[6].startswith("Correct")
    rows = list(sheet.iter_rows(min_row=9, min_col=2, max_col=8, values_only=True))
    assert len(rows) == 20  # Kahoot has no matching questions: none are made
    assert not result.stderr
    for question, *answers, limit, correct in rows:
        assert 0 < len(question) <= kahoot.QUESTION_LIMIT
        assert all(0 < len(a) <= kahoot.ANSWER_LIMIT for a in answers)
        assert limit in kahoot.TIME_LIMITS
        assert correct in {"1", "2", "3", "4"}


def test_kahoot_leaves_out_matching_when_asked_for(tmp_path):
    out = tmp_path / "q.xlsx"
    result = _run(SAMPLES, "--kinds", "matching,meaning", "--count", "4", "-o", str(out))
    assert result.exit_code == 0
    assert "no matching questions" in result.stderr
    result = _run(SAMPLES, "--kinds", "matching", "-o", str(out))
    assert result.exit_code == 2 and "cannot ask matching" in result.stderr


def test_kahoot_keeps_whole_sentences_or_skips(shipped_glossary):
    from jargonlint.quiz.questions import Choice, Kind, Question

    long_line = "OP：" + "あ" * 60 + "。本日はONUのご案内です。" + "い" * 70 + "。"
    at = long_line.index("ONU")
    q = Question(
        Kind.REWRITE, "ONU", "おーえぬゆー", "telecom", "p",
        tuple(Choice(t, "ONU") for t in "abcd"), 0, "e", ("x",),
        line=long_line, marked=(at, at + 3),
    )  # fmt: skip
    prompt, _ = kahoot.fit(q, "個人のお客様")
    assert prompt.startswith("本日はONUのご案内です。\n")
    longer = "OP：本日は" + "う" * 120 + "ONUのご案内です。"
    at = longer.index("ONU")
    from dataclasses import replace

    assert kahoot.fit(replace(q, line=longer, marked=(at, at + 3)), "個人のお客様") is None


def test_kahoot_answers_too_long_become_the_shortest_plain_words():
    from jargonlint.quiz.questions import Choice, Kind, Question

    choices = tuple(Choice("説明" * 40 + str(i), f"t{i}", plain=f"言い換え{i}") for i in range(4))
    q = Question(Kind.MEANING, "t0", "て", "x", "「t0」の意味は？", choices, 0, "e", ("言い換え0",))
    prompt, answers = kahoot.fit(q, "個人のお客様")
    assert prompt == "「t0」の意味は？"
    assert answers == ["言い換え0", "言い換え1", "言い換え2", "言い換え3"]


def test_anki_deck_has_one_note_per_term_and_stable_ids(tmp_path):
    pytest.importorskip("genanki")
    out = _write(tmp_path, "q.apkg")
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        notes = db.execute("select flds, guid from notes").fetchall()
        models = json.loads(db.execute("select models from col").fetchone()[0])
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    quiz = json.loads(_run(SAMPLES, "--seed", "5", "--count", "12", "-f", "json").stdout)
    assert len(notes) == len(quiz["terms"]) == 12
    assert {n[0].split("\x1f")[0] for n in notes} == {t["term"] for t in quiz["terms"]}
    from jargonlint.quiz.writers.anki import stable_id

    assert str(stable_id("用語クイズ", "model")) in models
    assert str(stable_id("用語クイズ", "deck")) in decks
    renamed = _write(tmp_path, "r.apkg", "--title", "光回線チーム")
    assert renamed.read_bytes() != out.read_bytes()


def test_csv_opens_in_excel_one_question_per_row(tmp_path):
    data = _write(tmp_path, "q.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 12
    for row in rows:
        if row["answer_number"]:
            assert row[f"choice_{row['answer_number']}"] == row["answer"]


def test_json_is_the_documented_shape(tmp_path):
    document = json.loads(_write(tmp_path, "q.json").read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["seed"] == 5
    assert len(document["questions"]) == 12
    first = document["terms"][0]
    assert first["count"] >= document["terms"][-1]["count"]
    assert first["sources"][0]["path"].startswith(SAMPLES)
    for q in document["questions"]:
        if q["kind"] != "matching":
            assert 0 <= q["answer"] < len(q["choices"])


def test_markdown_worksheet_has_the_key_at_the_end(tmp_path):
    text = _write(tmp_path, "q.md").read_text(encoding="utf-8")
    questions, key = text.split("## 解答と解説")
    assert questions.count("### 問") == key.count("### 問") == 12
    assert "トレーナー向けメモ" in key and "トレーナー向けメモ" not in questions


def test_format_from_suffix_and_errors(tmp_path):
    assert writers.by_suffix("x.GIFT").name == "gift"
    result = _run(SAMPLES, "-o", str(tmp_path / "q.pdf"))
    assert result.exit_code == 2 and "give --format" in result.stderr
    result = _run(SAMPLES, "--format", "kahoot")
    assert result.exit_code == 2 and "-o FILE" in result.stderr


def test_missing_extra_is_named(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_genanki(name, *args, **kwargs):
        if name == "genanki":
            raise ModuleNotFoundError("No module named 'genanki'", name="genanki")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_genanki)
    result = _run(SAMPLES, "-o", str(tmp_path / "q.apkg"))
    assert result.exit_code == 2
    assert "pip install 'jargonlint[quiz]'" in result.stderr
    assert "Traceback" not in result.output


def test_from_glossary_terms_and_count_warnings():
    result = _run("--from-glossary", "telecom", "--count", "5", "--seed", "7", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["questions"]) == 5
    assert {q["category"] for q in data["questions"]} == {"telecom"}
    result = _run("--terms", "稟議,ONU", "--count", "5", "--seed", "1", "-f", "json")
    assert result.exit_code == 0
    assert "only 2 terms" in result.stderr
    assert [q["term"] for q in json.loads(result.stdout)["questions"]] == ["稟議", "ONU"]
    result = _run("--from-glossary", "nosuch")
    assert result.exit_code == 2 and "unknown category 'nosuch'" in result.stderr
    result = _run("--terms", "りんぎー", "-f", "json")
    assert result.exit_code == 2 and "not in the glossary" in result.stderr


def test_same_seed_same_bytes_across_processes(tmp_path):
    """Nothing may depend on Python's per-process hash order."""
    import os
    import subprocess
    import sys

    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        outputs.append(
            subprocess.run(
                [sys.executable, "-m", "jargonlint", "quiz", SAMPLES, "--seed", "3", "-f", "json"],
                capture_output=True,
                check=True,
                env=env,
            ).stdout
        )
    assert outputs[0] == outputs[1] and outputs[0]
