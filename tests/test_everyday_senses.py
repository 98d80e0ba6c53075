"""Short acronyms and loanwords in the shipped glossary also have everyday senses
(a flight attendant's CA, a doctor's Dr., the J-Alert siren, a Canon EOS camera).
Those senses must stay silent while the IT sense is still reported."""

from __future__ import annotations

import pytest

from jargonlint.linter import Glossary, Linter

EVERYDAY = [
    ("CAとして航空会社で働いていました。", "キャリアアグリゲーション"),
    ("Dr.田中の診察を受けました。", "ディザスタリカバリ"),
    ("Jアラートが鳴りました。", "アラート"),
    ("ＥＯＳ　Ｋｉｓｓで撮りました。", "EOL"),
    ("お荷物はUPSの配送で届きます。", "UPS"),
    ("ログアウトしてから、もう一度お試しください。", "ログ"),
    ("IPS液晶のモニターです。", "IPS"),
]
JARGON = [
    ("DRサイトを大阪に置きます。", "ディザスタリカバリ"),
    ("監視画面にアラートが出ました。", "アラート"),
    ("Windows 10のEOSが近づいております。", "EOL"),
    ("サーバーにUPSをつなぎます。", "UPS"),
    ("ログを送っていただけますか。", "ログ"),
]


@pytest.mark.parametrize(("text", "term"), EVERYDAY)
def test_everyday_sense_is_not_reported(shipped_glossary: Glossary, text: str, term: str) -> None:
    findings = Linter(shipped_glossary).lint_text("everyday", text)
    assert term not in [f.term for f in findings]


@pytest.mark.parametrize(("text", "term"), JARGON)
def test_jargon_sense_is_reported(shipped_glossary: Glossary, text: str, term: str) -> None:
    findings = Linter(shipped_glossary).lint_text("jargon", text)
    assert term in [f.term for f in findings]
