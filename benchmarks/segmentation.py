"""Find glossary forms that stop matching when glued into a compound.

MeCab segments a word differently inside a longer compound than alone: 割賦 is
one token, but a compound around it may be cut 割 + 賦払い; 解約返戻金 alone
matches, while 低解約返戻金型 comes out 低 + 解約 + 返戻 + 金型. This tool glues
every form of every glossary entry into typical compounds (a prefix such as
低・新・再, a suffix such as 払い・型・中・料) and sentence frames, lints each
sentence, and reports the compounds in which nothing covers the form any more.
A compound that is an entry's exclude (特約店) is skipped: it is meant not to
match. It also lints words that merely contain a form (スロット, Android) and
reports any that match: those must stay at zero.

Run: ``python benchmarks/segmentation.py [--list] [--glossary FILE...]``;
exit status 1 when a form misses or an unrelated word matches.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from jargonlint.glossary import form_key
from jargonlint.linter import Glossary, Linter

PREFIXES = ("低", "高", "新", "各", "再", "旧", "未", "全", "月々の", "当社の", "今回の")
SUFFIXES = (
    "払い", "型", "中", "料", "金", "者", "的", "化", "率", "額", "書", "後", "制",
    "時", "分", "用", "等", "期間", "契約", "方式", "プラン", "サービス",
)  # fmt: skip
FRAMES = ("こちらは{}でございます。", "{}について、ご説明いたします。", "まず{}をご確認ください。")
# Words that contain the letters of a form but are another word: none may match.
UNRELATED = (
    "スロット", "Android", "Slack", "ラベンダー", "バッファロー", "アポロ", "コミットメント",
    "キャッシュバック", "特約店", "ウォーターサーバー", "ネックレス", "リードボーカル",
    "サンバ", "ローマ", "マストドン", "タップル", "ドメスティック", "リースリング",
    "セキュリティー", "パッチワーク", "クッキー", "プロパティ", "ギガント",
)  # fmt: skip
_WORDLIKE = re.compile("[\u3005\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9]+\\Z")


def compounds(form: str) -> list[tuple[str, int, int]]:
    """Sentences with the form glued into a compound: (text, form start, form end)."""
    cases = []
    for frame in FRAMES:
        at = frame.index("{}")
        for prefix in PREFIXES:
            start = at + len(prefix)
            cases.append((frame.format(prefix + form), start, start + len(form)))
        for suffix in SUFFIXES:
            cases.append((frame.format(form + suffix), at, at + len(form)))
    return cases


def covered(linter: Linter, text: str, start: int, end: int) -> bool:
    """Some finding overlaps the form's characters."""
    return any(f.column - 1 < end and start < f.end_column - 1 for f in linter.lint_text("s", text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every miss")
    parser.add_argument("--glossary", nargs="*", type=Path, default=[], help="extra YAML files")
    args = parser.parse_args()
    glossary = Glossary.load(args.glossary)
    linter = Linter(glossary, audience="consumer")
    excluded = {form_key(x) for e in glossary.entries for x in e.exclude}
    tried = missed = 0
    misses: list[str] = []
    for entry in glossary.entries:
        for form in entry.forms:
            if not _WORDLIKE.match(form):
                continue
            for text, start, end in compounds(form):
                if any(form_key(x) in form_key(text) for x in excluded):
                    continue
                tried += 1
                if not covered(linter, text, start, end):
                    missed += 1
                    misses.append(f"{entry.term}\t{form}\t{text}")
    false_hits = sorted(
        {
            f"{word}\t{finding.term}"
            for word in UNRELATED
            for frame in FRAMES
            for finding in linter.lint_text("s", frame.format(word))
            if finding.matched != word and finding.matched in word
        }
    )
    if args.list:
        print("\n".join(misses))
    forms = len({m.split("\t")[1] for m in misses})
    print(f"compounds tried: {tried}")
    print(f"compounds where the form no longer matches: {missed} ({forms} forms)")
    print(f"unrelated words that match a form: {len(false_hits)}")
    for hit in false_hits:
        print(f"  {hit}")
    return 1 if missed or false_hits else 0


if __name__ == "__main__":
    sys.exit(main())
