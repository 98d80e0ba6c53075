"""A form still matches when MeCab cuts the compound around it differently, and
still never matches inside an unrelated word."""

from __future__ import annotations

import pytest

from jargonlint.linter import Glossary, Linter
from jargonlint.normalize import normalize


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    findings = Linter(glossary).lint_text("t.txt", text)
    return [(f.term, f.matched) for f in findings]


@pytest.mark.parametrize(
    ("text", "term", "matched"),
    [
        ("月々の割賦払いでお支払いいただけます。", "割賦", "割賦"),  # 割 + 賦払い
        ("まず割賦払いをご確認ください。", "割賦", "割賦"),
        ("こちらは無解約返戻金型の保険でございます。", "解約返戻金", "解約返戻金"),  # 返戻 + 金型
        ("免責期間中のご入院は対象外です。", "免責", "免責"),
        ("こちらは元金型でございます。", "元金", "元金"),
        ("人月払いでのご契約です。", "人月", "人月"),  # 人 + 月払い
        ("マスト書の記入をお願いします。", "マスト", "マスト"),  # マス + ト書
        ("まずステマプランをご確認ください。", "ステマ", "ステマ"),  # one unknown word
        (
            "まずマルウェアプランをご確認ください。",
            "マルウェア",
            "マルウェア",
        ),  # マル + ウェアプラン
        ("テレアポプランのご案内です。", "テレアポ", "テレアポ"),
    ],
)
def test_form_matches_inside_a_compound_cut_differently(
    shipped_glossary: Glossary, text: str, term: str, matched: str
) -> None:
    assert (term, matched) in found(shipped_glossary, text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("スロットの台数です。", "ロット"),
        ("Androidのスマホをお使いですか。", "ROI"),
        ("Slackでご連絡します。", "SLA"),
        ("ラベンダーの香りです。", "ベンダー"),
        ("バッファローのルーターです。", "バッファ"),
        ("リースリングのワインです。", "リース"),
        ("三人月曜日に伺います。", "人月"),  # 人 + 月曜: 曜 is no suffix
        ("外国人日本語学校です。", "人日"),  # 人 + 日本
        ("SIMPLEプランです。", "SIM"),
        ("クリエイティブでございます。", "クリエイティブな"),  # で is not な
    ],
)
def test_no_form_inside_an_unrelated_word(shipped_glossary: Glossary, text: str, term: str) -> None:
    assert term not in [t for t, _ in found(shipped_glossary, text)]


def test_cut_tokens_keep_their_positions(shipped_glossary: Glossary) -> None:
    """Columns still point at the form as written, not at the whole token."""
    [finding] = Linter(shipped_glossary).lint_text("t.txt", "月々の　割賦払いです。")
    assert (finding.column, finding.end_column, finding.matched) == (5, 7, "割賦")


def test_tokens_are_cut_only_where_a_form_needs_it(shipped_glossary: Glossary) -> None:
    matcher = shipped_glossary.matcher
    tokens = matcher.tokenizer.tokenize(normalize("月々の割賦払いと金型です。").text)
    list(matcher.find_in_tokens(tokens))
    assert tokens.spellings[:6] == ["月々", "の", "割", "賦", "払い", "と"]
    assert "金型" in tokens.spellings
    assert "".join(tokens.rows) == "月々の割賦払いと金型です。"
