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


def explained_in_place(text: str, end: int) -> bool:
    """True when the term ending at ``end`` in ``text`` is explained at once."""
    return _EXPLAINED.match(text, end) is not None
