"""Normalization folds widths but every position maps back to the writer's text."""

from __future__ import annotations

import pytest

from jargonlint.normalize import normalize


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("ｻｰﾊﾞｰ", "サーバー"),
        ("Ｗｉ－Ｆｉ", "Wi-Fi"),
        ("Wi‐Fi", "Wi-Fi"),
        ("ＩＰｖ６", "IPv6"),
        ("㈱ミライ", "(株)ミライ"),
    ],
)
def test_folds_widths_and_dashes(original: str, folded: str) -> None:
    assert normalize(original).text == folded


def test_half_width_voiced_kana_map_back_to_both_characters() -> None:
    n = normalize("ｻｰﾊﾞｰを")
    assert n.text == "サーバーを"
    # バ comes from ﾊﾞ, two original characters (columns 2-3, 0-based)
    assert n.original_span(2, 3) == (2, 4)
    assert n.original_span(0, 4) == (0, 5)
    assert n.original_span(4, 5) == (5, 6)


def test_expanding_character_maps_to_itself() -> None:
    n = normalize("㈱テスト")
    assert n.original_span(0, 3) == (0, 1)
    assert n.original_span(3, 6) == (1, 4)


def test_same_length_text_keeps_identity_map() -> None:
    n = normalize("ＯＮＵの確認")
    assert n.text == "ONUの確認"
    assert n.original_span(0, 3) == (0, 3)
