"""Some office, tax and loan words of the shipped glossary share their spelling or
their UniDic lemma with everyday or other-trade words (a free e-mail address, a
browser add-on, sorting parcels). Those senses must stay silent while the
business sense is still reported."""

from __future__ import annotations

import pytest

from jargonlint.linter import Glossary, Linter

EVERYDAY = [
    ("フリーアドレスのメールではご登録いただけません。", "フリーアドレス"),
    ("メールのフリーアドレスはお使いいただけません。", "フリーアドレス"),
    ("損金不算入となる項目もございます。", "損金算入"),
    ("ブラウザのアドオンを入れてください。", "アドオン方式"),
    ("新しい習慣が定着しました。", "定着器"),
]
JARGON = [
    ("フリーアドレスのオフィスでございます。", "フリーアドレス"),
    ("こちらは損金として扱えます。", "損金算入"),
    ("手数料はアドオン方式で計算いたします。", "アドオン方式"),
    ("定着ユニットを交換いたします。", "定着器"),
]


@pytest.mark.parametrize(("text", "term"), EVERYDAY)
def test_everyday_sense_is_not_reported(shipped_glossary: Glossary, text: str, term: str) -> None:
    findings = Linter(shipped_glossary).lint_text("everyday", text)
    assert term not in [f.term for f in findings]


@pytest.mark.parametrize(("text", "term"), JARGON)
def test_business_sense_is_reported(shipped_glossary: Glossary, text: str, term: str) -> None:
    findings = Linter(shipped_glossary).lint_text("jargon", text)
    assert term in [f.term for f in findings]


def test_sorting_parcels_is_not_bookkeeping(shipped_glossary: Glossary) -> None:
    """仕訳 (a bookkeeping entry) has UniDic lemma 仕分け, so it is left out of the
    glossary: sorting parcels must produce no finding at all."""
    assert Linter(shipped_glossary).lint_text("everyday", "お荷物の仕分けをしております。") == []
