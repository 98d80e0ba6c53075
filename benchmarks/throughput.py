"""Throughput of jargonlint's check path against bare fugashi tokenization.

Generates at least 1 MB of script-like text (agent and customer lines built from
the glossary's own examples and everyday call phrases), then measures in one run:

* bare fugashi: tokenizing every line and reading each token's surface;
* jargonlint: decoding the bytes and linting them (normalize, tokenize, match,
  classify) with the full shipped glossary, and with a 20-entry glossary to show
  that the cost does not grow with the glossary;
* the check path again with possible-jargon discovery on, to show what it costs;
* a whole ``jargonlint check`` process on one small file (median of several runs).

Goals (issue #2): ratio >= 0.5 and the small-file process under 0.3 s; discovery
adds at most 10% to the check path (issue #11).
Run: ``python benchmarks/throughput.py [--mb 1.0] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fugashi

from jargonlint.decoding import decode
from jargonlint.linter import Glossary, Linter
from jargonlint.matcher import Matcher
from jargonlint.normalize import normalize

PLAIN = [
    "お忙しいところ恐れ入ります。",
    "本日はお時間をいただきありがとうございます。",
    "ご不明な点がございましたら、お気軽にお申し付けください。",
    "それでは、お手続きの流れをご説明いたします。",
    "少々お待ちいただけますでしょうか。",
    "はい、かしこまりました。確認いたします。",
    "書類は一週間ほどでご自宅に届きます。",
    "毎月のお支払いは口座からの引き落としになります。",
]
CUSTOMER = [
    "はい、大丈夫です。",
    "それって何ですか？",
    "ちょっと考えさせてください。",
    "いくらかかりますか。",
]


def make_corpus(glossary: Glossary, megabytes: float, seed: int = 7) -> str:
    """Script-like lines until the UTF-8 size reaches ``megabytes``."""
    rng = random.Random(seed)
    examples = [e.example for e in glossary.entries]
    lines: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        roll = rng.random()
        if roll < 0.35:
            line = "OP：" + rng.choice(examples)
        elif roll < 0.8:
            line = "OP：" + rng.choice(PLAIN) + rng.choice(PLAIN)
        else:
            line = "お客様：" + rng.choice(CUSTOMER)
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def best_seconds(runs: list, repeat: int) -> list[float]:
    """Fastest of ``repeat`` rounds per run, the runs interleaved within each round so
    that a slow spell of the machine does not fall on one of them only."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def process_seconds(runs: int) -> list[float]:
    """Wall time of whole ``jargonlint check`` processes on one small script."""
    # The console script beside this interpreter, not a shim (pyenv) in front of it.
    beside = Path(sys.executable).with_name("jargonlint")
    command = str(beside) if beside.exists() else shutil.which("jargonlint")
    if command is None:
        return []
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "small.txt"
        script.write_text(
            "OP：お世話になっております。\nOP：ベストエフォート型のサービスでございます。\n"
            "お客様：はい。\nOP：社内で稟議にかけていただけますか。\n",
            encoding="utf-8",
        )
        argv = [command, "check", "--format", "json", str(script)]
        subprocess.run(argv, capture_output=True, check=False)  # fill the glossary cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--process-runs", type=int, default=7)
    args = parser.parse_args()
    # Timed first, while this process is small: forking a parent that holds the
    # corpus and the dictionary pages would add its own cost to every run.
    times = process_seconds(args.process_runs)

    glossary = Glossary.load()
    text = make_corpus(glossary, args.mb)
    data = text.encode("utf-8")
    megabytes = len(data) / 1_000_000
    lines = text.splitlines()

    tagger = fugashi.Tagger()

    def bare() -> None:
        for line in lines:
            for word in tagger(line):
                word.surface  # noqa: B018 - reading the surface is the work measured

    full = Linter(glossary)
    full_matcher = glossary.matcher
    small_glossary = Glossary(
        glossary.entries[:20], Matcher.build(glossary.entries[:20], glossary.matcher.tokenizer)
    )
    small = Linter(small_glossary)
    findings: list[int] = []

    def check_full() -> None:
        findings.append(len(full.lint_text("corpus.txt", decode(data).text)))

    small_findings: list[int] = []

    def check_small() -> None:
        small_findings.append(len(small.lint_text("corpus.txt", decode(data).text)))

    discovering = Linter(glossary, possible_jargon="info")
    discovered: list[int] = []

    def check_discovering() -> None:
        found = discovering.lint_text("corpus.txt", decode(data).text)
        discovered.append(sum(f.rule == "possible-jargon" for f in found))

    bare()  # warm the dictionary pages and the key caches before timing
    check_full()
    check_discovering()
    bare_s, full_s, small_s, discover_s = best_seconds(
        [bare, check_full, check_small, check_discovering], args.repeat
    )

    print(f"corpus: {megabytes:.2f} MB, {len(lines)} lines, {findings[-1]} findings")
    print(f"glossary: {len(glossary.entries)} entries")
    print(f"bare fugashi (iterate tokens):      {megabytes / bare_s:6.2f} MB/s")
    print(
        f"jargonlint check path ({len(glossary.entries)} entries): {megabytes / full_s:6.2f} MB/s"
    )
    print(
        f"jargonlint check path (20 entries):  {megabytes / small_s:6.2f} MB/s "
        f"({small_findings[-1]} findings)"
    )
    print(
        f"jargonlint check path with discovery:  {megabytes / discover_s:6.2f} MB/s "
        f"({discovered[-1]} possible-jargon findings; "
        f"+{(discover_s - full_s) / full_s:.1%} over the check, goal <= 10%)"
    )
    tokenized = [full_matcher.tokenizer.tokenize(normalize(line).text) for line in lines]

    def match_with(matcher: Matcher):
        def run() -> None:
            for tokens in tokenized:
                list(matcher.find(tokens.keys, tokens.spellings))

        return run

    full_match_s, small_match_s = best_seconds(
        [match_with(full_matcher), match_with(small_glossary.matcher)], args.repeat
    )
    print(
        f"matching alone: {full_match_s:.3f} s with {len(glossary.entries)} entries, "
        f"{small_match_s:.3f} s with 20"
    )
    # What the linter hands discovery: the agent's words, without the label.
    spoken = [line.removeprefix("OP：") for line in lines if line.startswith("OP：")]
    normalized = [normalize(line).text for line in spoken]
    finder = discovering.discoverer

    def discover_alone() -> None:
        for line in normalized:
            for _ in finder.find(line):
                pass

    (discover_alone_s,) = best_seconds([discover_alone], args.repeat)
    print(
        f"discovery alone: {discover_alone_s:.3f} s, "
        f"{discover_alone_s / full_s:.1%} of the check path (goal <= 10%)"
    )
    ratio = bare_s / full_s
    print(f"ratio check/bare: {ratio:.2f} (goal >= 0.5)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this benchmark: {peak_mb:.0f} MB")
    if times:
        print(
            f"whole process, one small file: median {statistics.median(times):.3f} s, "
            f"max {max(times):.3f} s over {len(times)} runs (goal < 0.3 s)"
        )
    else:
        print("whole process: jargonlint is not on PATH; install it to measure", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
