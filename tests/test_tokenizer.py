"""Token keys: what the matcher compares."""

from __future__ import annotations

import pytest

from jargonlint.tokenizer import Tokenizer


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("サーバ", "サーバー"),
        ("按分", "案分"),
        ("ひかり", "光"),
        ("Wi-Fi", "wifi"),
        ("Ｗｉ－Ｆｉ", "WiFi"),
        ("ワイファイ", "Wi-Fi"),
        ("e-SIM", "eSIM"),
        ("ｻｰﾊﾞｰ", "サーバー"),
    ],
)
def test_variants_share_keys(tokenizer: Tokenizer, a: str, b: str) -> None:
    assert "".join(tokenizer.tokenize_form(a).keys) == "".join(tokenizer.tokenize_form(b).keys)


def test_inflected_verb_keys_on_lemma(tokenizer: Tokenizer) -> None:
    inflected = tokenizer.tokenize_form("コミットしました").keys
    assert inflected[:2] == tokenizer.tokenize_form("コミットする").keys[:2]


def test_loanword_gloss_is_dropped(tokenizer: Tokenizer) -> None:
    assert tokenizer.tokenize_form("サーバー").keys == ["サーバー"]


def test_spans_point_into_text_with_spaces(tokenizer: Tokenizer) -> None:
    text = "今 Wi-Fiを　使う"
    tokens = tokenizer.tokenize(text)
    spans = [text[slice(*tokens.span(i, i + 1))] for i in range(len(tokens.keys))]
    assert "Wi-Fi" in spans
    assert spans[0] == "今"


def test_remembered_surfaces_match_like_fresh_analysis(shipped_glossary) -> None:
    """Lines analysed from remembered surfaces must match exactly what a fresh
    analysis with lemmas matches (keys of words no form uses may differ)."""

    class Fresh(Tokenizer):
        def tokenize(self, text: str):
            self._keys.clear()  # remember no surface: always analyse with lemmas
            return super().tokenize(text)

    matcher = shipped_glossary.matcher
    fresh = Fresh()
    lines = [
        "かしこまりました。サーバーの件でございますね。",
        "お電話をおかけしましたが、つながりませんでした。",
        "ひかり回線のお申し込みをいただきました。ひかりが差し込む部屋です。",
        "ご自宅のWi-Fiを確認いたします。縛りはございません。",
    ]
    for line in lines * 2:  # the second round runs on remembered surfaces
        remembered = matcher.tokenizer.tokenize(line)
        analysed = fresh.tokenize(line)
        assert [
            (m.start, m.end, m.entry.term)
            for m in matcher.find(remembered.keys, remembered.spellings)
        ] == [
            (m.start, m.end, m.entry.term) for m in matcher.find(analysed.keys, analysed.spellings)
        ], line


def test_vertical_tab_in_text_keeps_positions(tokenizer: Tokenizer) -> None:
    text = "ご案内\vサーバーです"  # Word may leave a vertical tab in a paragraph
    tokens = tokenizer.tokenize(text)
    index = tokens.keys.index("サーバー")
    assert text[slice(*tokens.span(index, index + 1))] == "サーバー"


def test_single_kanji_key_does_not_depend_on_what_came_before() -> None:
    # 団 as a suffix (暴力団) has the lemma 団, as a word of its own (団信) ダン: the key
    # of a surface the tokenizer remembers must be the same either way.
    fresh = Tokenizer().tokenize("団信に加入します").keys
    primed = Tokenizer()
    primed.tokenize("暴力団などの集団です")
    assert primed.tokenize("団信に加入します").keys == fresh
    assert fresh[:2] == ["団", "信"]


def test_kanji_kana_word_is_read_in_its_own_sentence() -> None:
    # 切り返し is a noun in one sentence and the verb 切り返す in another: the key
    # seen first must not stick.
    tokenizer = Tokenizer()
    assert "切り返し" in tokenizer.tokenize("切り返しの練習です").keys
    assert "切り返す" in tokenizer.tokenize("何度も切り返して停めました").keys
    verb_first = Tokenizer()
    assert "切り返す" in verb_first.tokenize("何度も切り返して停めました").keys
    assert "切り返し" in verb_first.tokenize("切り返しの練習です").keys


def test_a_reading_seen_in_one_sentence_does_not_stick_to_the_surface() -> None:
    # Before a control character UniDic reads ギが as ギ + 蛾 (ガ); alone it is 木 + が.
    # Remembering keys by surface once keyed every later が as ガ.
    fresh = Tokenizer().tokenize("ギが").keys
    seen = Tokenizer()
    assert seen.tokenize("ギが\x1b").keys[:2] == ["ギ", "ガ"]
    assert seen.tokenize("ギが").keys == fresh
    assert fresh[-1] == "が"
