"""The matcher on inflections, variants, widths, boundaries, longest match and excludes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "term", "matched"),
    [
        ("目標にコミットしました。", "コミット", "コミット"),
        ("明日をリスケさせてください。", "リスケ", "リスケ"),
        ("稟議にかけております。", "稟議", "稟議"),
        ("サーバの点検です。", "サーバー", "サーバ"),
        ("ホームゲートウエイをご確認ください。", "ホームゲートウェイ", "ホームゲートウエイ"),
        ("料金を案分します。", "按分", "案分"),
        ("ひかり回線です。", "光回線", "ひかり回線"),
        ("Ｗｉ－Ｆｉの設定", "Wi-Fi", "Ｗｉ－Ｆｉ"),
        ("wifiの設定", "Wi-Fi", "wifi"),
        ("ワイファイの設定", "Wi-Fi", "ワイファイ"),
        ("ｻｰﾊﾞｰの点検", "サーバー", "ｻｰﾊﾞｰ"),
        ("動画のサブスクです。", "サブスクリプション", "サブスク"),
        ("HGWの電源", "ホームゲートウェイ", "HGW"),
        ("hgwの電源", "ホームゲートウェイ", "hgw"),
    ],
)
def test_finds_term_in_any_spelling(lint, text: str, term: str, matched: str) -> None:
    found = lint(text)
    assert (term, matched) in [(t, m) for t, m, _, _ in found]


def test_form_is_found_as_written_when_lemmas_change_with_context(lint) -> None:
    # In this sentence UniDic reads アン as 餡 (bean paste), so the lemma keys
    # differ from the form's; the form as written still matches.
    found = lint("一度アプリをアンインストールして、入れ直していただけますか。")
    assert [(t, m) for t, m, _, _ in found] == [("アンインストール", "アンインストール")]


def test_column_points_at_original_characters(lint) -> None:
    # ｻｰﾊﾞｰ is six characters in the file; the finding must cover all six.
    [(term, matched, column, _)] = lint("OP：ｻｰﾊﾞｰの点検")
    assert (term, matched, column) == ("サーバー", "ｻｰﾊﾞｰ", 4)


def test_no_match_inside_a_longer_word(lint) -> None:
    assert lint("スロットの台数") == []
    assert lint("ロットの数")[0][0] == "ロット"


def test_longest_match_wins(lint) -> None:
    assert [t for t, *_ in lint("キャッシュバックがあります")] == ["キャッシュバック"]


def test_exclude_hides_compound(lint) -> None:
    assert lint("特約店の田中です") == []
    assert lint("キャッシュレス決済") == []
    assert [t for t, *_ in lint("特約をお付けします")] == ["特約"]


def test_every_occurrence_is_reported(lint) -> None:
    found = lint("サーバーとサーバ")
    assert [c for _, _, c, _ in found] == [1, 6]


def test_noun_written_from_a_verb_matches_only_as_written(lint) -> None:
    # 縛り has the lemma 縛る; the entry means the noun, so 縛って is not it.
    assert [t for t, *_ in lint("二年縛りのプランです")] == ["縛り"]
    assert lint("ひもで縛ってください") == []


def test_verb_listed_in_dictionary_form_matches_its_inflections(lint) -> None:
    assert [t for t, *_ in lint("そこで切り返します")] == ["切り返し"]


def test_exclude_phrase_hides_everyday_sense(lint) -> None:
    assert lint("車を何度も切り返して停めました") == []
