"""Recognize a term that the agent explains right where it is said.

Good scripts do not always avoid a special word; often they say it and explain
it at once: 稟議（社内の承認手続き）, 燃料費調整額、つまり…, 解約返戻金というのは….
Such a use is reported at info level, and so are later uses of a term that the
script has already explained.
"""

from __future__ import annotations

import re

_SPACE = "[ \t\u3000]*"
PATTERNS = {
    "bracket": f"{_SPACE}[（(]",  # ONU（光の信号を変える機械）
    "tsumari": f"{_SPACE}[、，,]?{_SPACE}(?:つまり|すなわち)",  # 残債、つまり…
    "toiunowa": "というのは",  # 解約返戻金というのは…
    "towa": "とは(?![別違異])",  # SLAとは… (not とは別に, とは違って)
    "toiu": "という",  # 光コラボという…
}
_EXPLAINED = re.compile("|".join(f"(?:{p})" for p in PATTERNS.values()))
# ONU、白い箱の機械でございますが…: a plain noun phrase set beside the term (no は or
# も, which start a new statement: 12Mbps、遅延も80ミリ秒ですので).
_APPOSITION = re.compile(
    f"{_SPACE}[、，,]{_SPACE}[^、。，,「」（）()はも0-9０-９]{{2,40}}?"
    "(?:でございます|です)(?:が|ので|から|けれど|、)"
)
# The rest of a compound the term starts: 免責期間、つまり… explains 免責 too.
_COMPOUND_REST = re.compile("[\u4e00-\u9fff\u30a1-\u30faー々ヶ]*")
# …、いわゆるオンプレミス: the plain description comes first.
_BEFORE = re.compile("(?:いわゆる|所謂|通称)[ \t\u3000]*$")


def explained_in_place(text: str, start: int, end: int) -> bool:
    """True when the term at ``text[start:end]`` is explained at once: right after it,
    after the rest of the compound it begins, or by いわゆる before it."""
    rest = _COMPOUND_REST.match(text, end)
    for position in dict.fromkeys((end, rest.end() if rest else end)):
        if _EXPLAINED.match(text, position) or _APPOSITION.match(text, position):
            return True
    return _BEFORE.search(text, 0, start) is not None
