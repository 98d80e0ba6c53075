"""Quiz building: which terms, determinism, and the rules wrong choices must follow."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from jargonlint.api import Checker
from jargonlint.glossary import form_key
from jargonlint.quiz import questions, select
from jargonlint.quiz.questions import Kind, build, distractors
from jargonlint.quiz.readings import hiragana, misreadings

SAMPLES = Path(__file__).parent.parent / "scripts_samples"


def _scanned(glossary, text: str, tmp_path: Path, **options) -> list[select.QuizTerm]:
    script = tmp_path / "s.txt"
    script.write_text(text, encoding="utf-8")
    scanned = select.scan_scripts([script], Checker(glossary=glossary, **options))
    return select.rank_findings(scanned.findings, glossary.entries)


def test_terms_come_from_the_agents_lines_most_frequent_first(shipped_glossary, tmp_path):
    text = (
        "お客様：稟議が必要ですか。\n"
        "OP：ONUの電源をご確認ください。\n"
        "OP：光回線の工事です。ONUは白い箱です。\n"
        "※ベストエフォートの説明はしないこと\n"
    )
    ranked = _scanned(shipped_glossary, text, tmp_path)
    assert [t.entry.term for t in ranked] == ["ONU", "光回線"]
    onu = ranked[0]
    assert onu.count == 2
    assert [s.line for s in onu.sources] == [2, 3]
    assert onu.sources[1].text == "OP：光回線の工事です。ONUは白い箱です。"


def test_suppressed_terms_are_not_asked(shipped_glossary, tmp_path):
    ranked = _scanned(shipped_glossary, "OP：ONUと光回線です。 jargonlint: ignore[ONU]\n", tmp_path)
    assert [t.entry.term for t in ranked] == ["光回線"]


def test_all_speakers_when_asked(shipped_glossary, tmp_path):
    ranked = _scanned(
        shipped_glossary,
        "お客様：稟議が要ります。\nOP：承知しました。\n",
        tmp_path,
        speakers="all",
    )
    assert [t.entry.term for t in ranked] == ["稟議"]


def test_terms_by_name_and_by_category(shipped_glossary):
    chosen, unknown = select.from_names(shipped_glossary, ["りんぎ", "onu", "ないことば"])
    assert [t.entry.term for t in chosen] == ["稟議", "ONU"]
    assert unknown == ["ないことば"]
    telecom = select.from_categories(shipped_glossary.entries, ["telecom"])
    assert telecom and {t.entry.category for t in telecom} == {"telecom"}


def _quiz(glossary, seed, count=20, kinds=tuple(Kind), category=None):
    terms = select.from_categories(glossary.entries, [category] if category else [])
    return build(terms, glossary.entries, count=count, kinds=kinds, seed=seed, sample=True)


def test_same_seed_same_quiz_other_seed_other_quiz(shipped_glossary):
    assert _quiz(shipped_glossary, 7) == _quiz(shipped_glossary, 7)
    assert _quiz(shipped_glossary, 7) != _quiz(shipped_glossary, 8)


def test_every_kind_is_made(shipped_glossary):
    made = _quiz(shipped_glossary, 3, count=40)
    assert {q.kind for q in made.questions} == set(Kind)
    assert len(made.questions) == 40


@pytest.mark.parametrize("seed", range(12))
def test_choices_have_one_right_answer_and_no_repeats(shipped_glossary, seed):
    by_term = {e.term: e for e in shipped_glossary.entries}
    made = _quiz(shipped_glossary, seed, count=len(by_term))
    assert len(made.questions) == len(by_term)
    for q in made.questions:
        texts = [form_key(c.text) for c in q.choices]
        assert len(set(texts)) == len(texts), q
        if q.kind is Kind.MATCHING:
            assert questions.MATCHING_MIN <= len(q.pairs) <= questions.MATCHING_MAX
            for (term, meaning), index in zip(q.pairs, q.key, strict=True):
                assert by_term[term].explanation == meaning == q.choices[index].text
            continue
        assert len(q.choices) == questions.CHOICES
        entry = by_term[q.term]
        right = q.choices[q.answer]
        wrong = [c for i, c in enumerate(q.choices) if i != q.answer]
        if q.kind is Kind.READING:
            assert right.text == hiragana(entry.reading)
            readings = {hiragana(e.reading) for e in shipped_glossary.entries}
            assert not readings & {c.text for c in wrong}, q
            continue
        if q.kind is Kind.MEANING:
            assert right.text == entry.explanation
        elif q.kind is Kind.TERM:
            assert right.text == entry.term
        else:
            assert right.text in entry.say_instead
        plain = {form_key(s) for s in entry.say_instead}
        for choice in wrong:
            other = by_term[choice.term]
            assert other.term != entry.term
            assert form_key(choice.text) not in plain
            assert not plain & {form_key(s) for s in other.say_instead}, (q.term, other.term)
        wrong_plain = [form_key(s) for c in wrong for s in by_term[c.term].say_instead]
        assert len(wrong_plain) == len(set(wrong_plain)), q


def test_wrong_choices_come_from_the_same_category_first(shipped_glossary):
    rng = random.Random(1)
    for entry in shipped_glossary.entries:
        if entry.category != "telecom":
            continue
        picked = distractors(entry, shipped_glossary.entries, lambda e: e.explanation, rng)
        assert len(picked) == 3
        assert all(p.category == "telecom" for p in picked), entry.term


def test_wrong_choices_are_of_similar_length(shipped_glossary):
    rng = random.Random(2)
    far = 0
    entries = shipped_glossary.entries
    for entry in entries:
        for picked in distractors(entry, entries, lambda e: e.explanation, rng):
            far += abs(len(picked.explanation) - len(entry.explanation)) > 12
    assert far < len(entries) * 0.05


def test_misreadings_are_the_slips_agents_make():
    found = {m.text for m in misreadings("割賦", "かっぷ", frozenset())}
    assert {"わっぷ", "わりふ", "がっぷ"} <= found
    assert "やくかん" in {m.text for m in misreadings("約款", "やっかん", frozenset())}
    assert "あんぷん" in {m.text for m in misreadings("按分", "あんぶん", frozenset())}
    assert "そっきゅう" in {m.text for m in misreadings("遡及", "そきゅう", frozenset())}


def test_misreadings_never_take_another_terms_reading():
    assert "わっぷ" not in {m.text for m in misreadings("割賦", "かっぷ", frozenset({"わっぷ"}))}
    assert all(m.text != "かっぷ" for m in misreadings("割賦", "かっぷ", frozenset()))


def test_rewrite_marks_the_term_in_the_script_line(shipped_glossary, tmp_path):
    ranked = _scanned(shipped_glossary, "OP：ＯＮＵはそのままお使いいただけます。\n", tmp_path)
    made = build(ranked, shipped_glossary.entries, count=1, kinds=[Kind.REWRITE], seed=1)
    (q,) = made.questions
    assert q.line == "OP：ＯＮＵはそのままお使いいただけます。"
    assert q.line[slice(*q.marked)] == "ＯＮＵ"
    assert q.source.endswith("s.txt:1")
    assert "個人のお客様" in q.prompt


def test_near_synonyms_are_never_choices_together(shipped_glossary):
    """違約金 and 契約解除料 say the same thing: one cannot be the other's wrong answer."""
    by_term = {e.term: e for e in shipped_glossary.entries}
    right = by_term["違約金"]
    for seed in range(30):
        picked = distractors(
            right, shipped_glossary.entries, lambda e: e.explanation, random.Random(seed)
        )
        assert "契約解除料" not in {p.term for p in picked}
        assert len(picked) == 3


def test_worded_alike_means_the_same():
    assert questions._alike("解約のときにかかるお金", "やめるときにかかるお金")
    assert not questions._alike("戻ってくるお金", "やめるときにかかるお金")


def test_a_table_script_gives_the_spoken_cell_only(shipped_glossary, tmp_path):
    script = tmp_path / "s.tsv"
    script.write_text("話者\tセリフ\nOP\tONUの電源をご確認ください。\n", encoding="utf-8")
    scanned = select.scan_scripts([script], Checker(glossary=shipped_glossary))
    (term,) = select.rank_findings(scanned.findings, shipped_glossary.entries)
    assert term.sources[0].text == "ONUの電源をご確認ください。"
