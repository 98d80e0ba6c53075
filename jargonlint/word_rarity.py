"""How rare a word is in everyday Japanese: from UniDic alone, or from wordfreq.

UniDic's word costs were trained on a tagged corpus. A word that never occurred
there gets the cost its part of speech alone gives, so within one connection
class (left and right context ids) the most common cost is that "unseen" cost,
shared by thousands of words (稟議, 与信, エビデンス, トークン), while a word seen
in the corpus costs less (番号, 口座, テレビ). That baseline per class is read
once from the installed dictionary and kept in the cache folder.

With the optional ``wordfreq`` package (``pip install 'jargonlint[discover]'``),
Zipf frequencies of Japanese words (per MeCab token, 2021 data) judge rarity
more finely: 減価 2.74 and 配電 2.69 are rare, 恐縮 3.58 and 消費 4.92 are not.
"""

from __future__ import annotations

import json
import math
import struct
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import unidic_lite

from jargonlint import glossary_cache

# How far below its class's unseen cost a word may sit and still count as unseen:
# the baseline itself varies by a few units with features beyond the class.
_UNSEEN_MARGIN = 4
_HEADER = struct.Struct("<10I")  # MeCab sys.dic header; the charset name follows
_TOKEN_WORDS = 8  # a token is 16 bytes: lcAttr, rcAttr, posid, wcost, feature, compound


def _read_baselines(path: Path) -> dict[tuple[int, int], int]:
    """The most common word cost per (left id, right id) in a MeCab system dictionary."""
    with path.open("rb") as file:
        header = file.read(_HEADER.size + 32)
        _, _, _, _, _, _, dsize, tsize, _, _ = _HEADER.unpack_from(header)
        file.seek(_HEADER.size + 32 + dsize)
        tokens = memoryview(file.read(tsize))
    unsigned = tokens.cast("H")
    costs = tokens.cast("h")[3::_TOKEN_WORDS].tolist()
    lefts = unsigned[0::_TOKEN_WORDS].tolist()
    rights = unsigned[1::_TOKEN_WORDS].tolist()
    counts = Counter(zip(lefts, rights, costs, strict=True))
    best: dict[tuple[int, int], tuple[int, int]] = {}
    for (left, right, cost), count in counts.items():
        if count > best.get((left, right), (0, 0))[0]:
            best[left, right] = (count, cost)
    return {ids: cost for ids, (_, cost) in best.items()}


@cache
def unseen_costs() -> dict[tuple[int, int], int]:
    """Per connection class, the cost of a word UniDic's corpus never showed it
    (~0.3 s to read from the dictionary, so kept in the cache folder)."""
    path = Path(unidic_lite.DICDIR) / "sys.dic"
    stat = path.stat()
    name = f"unidic-unseen-{stat.st_size}-{int(stat.st_mtime)}.json"
    try:
        triples = json.loads(glossary_cache.read_private(name) or b"null")
        if isinstance(triples, list) and triples:
            baselines = {(left, right): cost for left, right, cost in triples}
            if all(type(v) is int for key in baselines for v in (*key, baselines[key])):
                return baselines
    except (TypeError, ValueError):
        pass  # absent or not ours: read the dictionary again
    baselines = _read_baselines(path)
    triples = [[left, right, cost] for (left, right), cost in baselines.items()]
    glossary_cache.write_private(name, json.dumps(triples).encode())
    return baselines


def unseen_in_unidic(left: int, right: int, cost: int) -> bool:
    """True when a dictionary word's cost is its class's unseen cost (or above it)."""
    baseline = unseen_costs().get((left, right))
    return baseline is not None and cost >= baseline - _UNSEEN_MARGIN


@cache
def zipf_lookup() -> Callable[[str], float | None] | None:
    """word → Zipf frequency (None when wordfreq lists it not), or None without wordfreq.

    Importing wordfreq and reading its Japanese list takes ~0.2 s, more than a
    whole check of a small script; so the list is kept in the cache folder as
    sorted lines of a word, a tab and its Zipf in tenths, after a header line that
    gives the size of those lines (a table cut short or of another layout is built
    again; counting its lines on every start would cost ~4 ms). A word is looked
    up by bisecting those bytes as read (UTF-8 sorts as the text does): splitting
    the quarter of a million lines would cost each process ~20 ms, more than all
    the lookups of a run. Whatever the bytes, the bisection ends, as every line
    ends in a newline; a line without its tab or Zipf reads as not listed.
    """
    from importlib.util import find_spec  # not importlib.metadata: ~20 ms at start-up

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    installed = Path(spec.origin).stat()  # a new wordfreq install gives a new table
    version = f"{installed.st_size}-{int(installed.st_mtime)}"
    name = f"wordfreq-ja-{version}.tsv"
    table = glossary_cache.read_private(name) or b""
    first = table.find(b"\n") + 1  # where the word lines start
    if table[: first - 1] != _table_header(len(table) - first) or not table.endswith(b"\n"):
        lines = _frequency_table()
        table = _table_header(len(lines)) + b"\n" + lines
        first = len(table) - len(lines)
        glossary_cache.write_private(name, table)

    @lru_cache(maxsize=1 << 16)  # a run asks about most words more than once
    def zipf(word: str) -> float | None:
        key = word.encode("utf-8", "surrogatepass")
        low, high = first, len(table)  # both always at the start of a line
        while low < high:
            middle = (low + high) // 2
            start = table.rfind(b"\n", 0, middle) + 1
            end = table.find(b"\n", start)
            listed, _, tenths = table[start:end].rpartition(b"\t")
            if listed == key:
                return int(tenths) / 10 if tenths.isdigit() else None
            if listed < key:
                low = end + 1
            else:
                high = start
        return None

    return zipf


def _table_header(size: int) -> bytes:
    """The first line of a stored table: its layout, and how many bytes of lines follow."""
    return b"jargonlint wordfreq-ja zipf-tenths %d" % size


def _frequency_table() -> bytes:
    """wordfreq's Japanese words, sorted, one a line with a tab and its Zipf in tenths."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("ja")
    words = sorted(w for w in frequencies if "\n" not in w and "\t" not in w)
    # Floored, so that comparing with a threshold in tenths gives what the full Zipf would.
    lines = (
        f"{w}\t{min(255, max(0, int((math.log10(frequencies[w]) + 9) * 10)))}\n" for w in words
    )
    return "".join(lines).encode("utf-8")
