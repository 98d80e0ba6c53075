"""Text in a script that nobody says on the call, recognised line by line.

Titles, step labels, numbered headings, tips and notes for the agent, examples
of what not to say, branch instructions and stage directions are written for
the agent or the trainer. Each pattern gives the kind of line and the reason a
writer reads in ``jargonlint structure``; patterns are data, tried in order.
"""

from __future__ import annotations

import re

from jargonlint.document import Kind
from jargonlint.lazy_pattern import LazyPattern

_SPACE = "[ \t\u3000]*"
_COLON = "[:：]"
# A sentence said aloud ends in 。？！ or sits in 「」; a heading does not.
SENTENCE = LazyPattern("[。？！?!「」『』]")
_MAX_HEADING = 30

# Each compiled only as part of _ANY below: one regex call per line.
PATTERNS: tuple[tuple[Kind, str, LazyPattern], ...] = tuple(
    (kind, reason, LazyPattern(f"{_SPACE}(?:{pattern})", re.IGNORECASE))
    for kind, reason, pattern in (
        (
            Kind.NOTE,
            "NG example (what not to say)",
            f"※?{_SPACE}(?:NG|ＮＧ|ダメ)(?:例|ワード)?{_SPACE}(?:{_COLON}|[「『]|$)|[×✕✗]{_SPACE}[「『]",
        ),
        (Kind.NOTE, "note for the agent (※)", "[※＊]"),
        (Kind.NOTE, "tip for the agent", "[💡📝⚠ℹ📌✏👉🔑★☆]"),
        (
            Kind.NOTE,
            "note for the agent",
            f"(?:ポイント|注意点?|メモ|備考|補足|ヒント|コツ|解説|目的|ねらい|狙い|ゴール|TIPS?|NOTE|POINT)"
            f"{_SPACE}(?:{_COLON}|[】\\]｜|])",
        ),
        (
            Kind.BRANCH,
            "branch condition",
            f"[▼▽]|[→⇒➡⇨](?!{_SPACE}[「『])|[（(]?(?:分岐|条件){_COLON}"
            "|[（(][^）)「」]*(?:場合|とき|時)[）)]|[^「」『』]*[→⇒➡⇨][^「」『』]*$",
        ),
        (Kind.HEADING, "step label", f"(?:STEP|ステップ|Step){_SPACE}[0-9０-９]+"),
        (Kind.NARRATION, "stage direction in （）", "[（(][^）)]*[）)]\\s*$"),
    )
)
_BRACKET_HEADING = LazyPattern(
    f"{_SPACE}(?:【[^】]*】|[＜<《〈［\\[][^＞>》〉］\\]]*[＞>》〉］\\]]){_SPACE}"
)
_NUMBERED = LazyPattern(
    f"{_SPACE}(?:[0-9０-９]{{1,2}}{_SPACE}[.．、)）]|[①-⑳]|[(（][0-9０-９]{{1,2}}[)）]|第[0-9０-９一二三四五六七八九十]+{_SPACE}[章節部])"
)
_MARKED = LazyPattern(f"{_SPACE}[■□◆◇●○◎▶▷►]")
_TITLE_WORDS = LazyPattern("スクリプト|トーク|台本|マニュアル|フロー|Q&A|Ｑ＆Ａ|FAQ|通話記録|応対")


# All patterns in one alternation, tried in order: one regex call per line, not eight.
_ANY = LazyPattern(
    "|".join(f"(?P<p{i}>{pattern.pattern})" for i, (_, _, pattern) in enumerate(PATTERNS)),
    re.IGNORECASE,
)


def unspoken_kind(text: str) -> tuple[Kind, str] | None:
    """The kind and reason of a line that is not spoken, judged from the line alone."""
    found = _ANY.match(text)
    if found is not None:
        kind, reason, _ = PATTERNS[int(found.lastgroup[1:])]
        return kind, reason
    if _BRACKET_HEADING.fullmatch(text):
        return Kind.HEADING, "heading in brackets"
    if (_NUMBERED.match(text) or _MARKED.match(text)) and is_short_heading(text):
        return Kind.HEADING, "numbered or marked heading"
    return None


def is_short_heading(text: str) -> bool:
    """A short line that is no sentence: what a heading or a title looks like."""
    stripped = text.strip()
    return 0 < len(stripped) <= _MAX_HEADING and not SENTENCE.search(stripped)


def is_title(text: str) -> bool:
    """The first line of a file that names the script rather than saying anything."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= 80
        and not re.search("[。？！?!]$", stripped)
        and bool(_TITLE_WORDS.search(stripped))
    )


# Field names that start lines like labels (反応：興味あり, 目的：…) but name no speaker.
NOT_SPEAKERS = frozenset(
    [
        "反応",
        "結果",
        "目的",
        "目安",
        "対象",
        "所要時間",
        "時間",
        "日時",
        "日付",
        "件名",
        "用件",
        "確認",
        "確認事項",
        "手順",
        "準備",
        "商材",
        "商品",
        "料金",
        "価格",
        "金額",
        "期間",
        "条件",
        "場面",
        "シーン",
        "状況",
        "理由",
        "根拠",
        "背景",
        "課題",
        "提案",
        "特徴",
        "メリット",
        "デメリット",
        "対応",
        "方法",
        "作成者",
        "作成日",
        "更新日",
        "記入者",
        "バージョン",
        "版",
        "部署",
        "会社名",
        "社名",
        "氏名",
        "名前",
        "電話番号",
        "住所",
        "tel",
        "url",
        "mail",
        "e-mail",
        "宛先",
        "切り返し",
        "断り文句",
        "次回",
        "次回連絡",
        "備考",
    ]
)
# An inline note after the speech: …ございます。※ここで間を取る
INLINE_NOTE = LazyPattern("(?<=[。？！?!」）)\\s])[ \t\u3000]*(?:※|💡|＊|【注】|\\(注\\)|（注）)")
