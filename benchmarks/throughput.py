"""Throughput of jargonlint against bare fugashi tokenization, in one process and whole.

Generates at least 1 MB of script-like text (agent and customer lines built from
the glossary's own examples and everyday call phrases), then measures in one run:

* bare fugashi: tokenizing every line and reading each token's surface;
* jargonlint: decoding the bytes and linting them (normalize, tokenize, match,
  classify) with the full shipped glossary, and with a 20-entry glossary to show
  that the cost does not grow with the glossary;
* the check path again with possible-jargon discovery on, to show what it costs;
* a whole ``jargonlint check`` process on one small file (median of several runs,
  wall and CPU time);
* whole processes on a generated folder of 200 scripts (the same text): bare
  fugashi in one process, and ``jargonlint check`` in json and text, with and
  without ``PYTHONUNBUFFERED=1``, with ``--jobs 1`` and the default, each as a
  ratio to bare fugashi (above 1: faster than it);
* the peak RSS of a text-format run over a 10 MB folder.

Every process uses a cache folder of its own (glossary and lexicon caches); whole
runs are measured with the lexicon cache warm (what a team's second run sees) and
once with it emptied first (a first run over new words).

Goals: check path ratio >= 0.5 (issue #2); discovery adds at most 10% to it (#11);
small-file process median <= 0.12 s;
whole-process ratio with --jobs 1, json, >= 0.6 unbuffered and >= 0.7 buffered;
default jobs on two cores >= 1.0; peak RSS of the 10 MB text run < 150 MB (issue #9).
Run: ``python benchmarks/throughput.py [--mb 1.0] [--repeat 7] [--rounds 3] [--big-mb 10]``.
Timings are of a shared machine: compare figures from the same run only.
"""

from __future__ import annotations

import argparse
import os
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


def jargonlint_command() -> str | None:
    """The console script beside this interpreter, not a shim (pyenv) in front of it."""
    beside = Path(sys.executable).with_name("jargonlint")
    return str(beside) if beside.exists() else shutil.which("jargonlint")


def timed_process(
    argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in KB of one process,
    its output written to a file as a user's redirection would."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def process_seconds(runs: int) -> list[tuple[float, float]]:
    """Wall and CPU time of whole ``jargonlint check`` processes on one small script."""
    command = jargonlint_command()
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
        # As installed: pip writes bytecode, so a run does not compile every module
        # from source again (~45 ms) as it would with PYTHONDONTWRITEBYTECODE set.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(argv, capture_output=True, check=False, env=env)  # cache, bytecode
        return [timed_process(argv, env)[:2] for _ in range(runs)]


def write_folder(root: Path, text: str, files: int) -> int:
    """Split the corpus into ``files`` scripts under root; return the bytes written."""
    lines = text.splitlines()
    per_file = -(-len(lines) // files)
    size = 0
    for number in range(files):
        chunk = lines[number * per_file : (number + 1) * per_file]
        body = "【本題】\n" + "\n".join(chunk) + "\n"
        data = body.encode("utf-8")
        (root / f"script_{number:04d}.txt").write_bytes(data)
        size += len(data)
    return size


BARE = """
import sys
from pathlib import Path
import fugashi
tagger = fugashi.Tagger()
for path in sorted(Path(sys.argv[1]).iterdir()):
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in tagger(line):
            word.surface
"""


def forget_words() -> None:
    """Empty the lexicon cache: the next run reads every word's features from UniDic."""
    for store in Path(os.environ["JARGONLINT_CACHE_DIR"]).glob("lexicon-*"):
        store.unlink()


def whole_runs(folder: Path, rounds: int) -> None:
    """Whole processes on the folder: bare fugashi, then jargonlint in each setting."""
    command = jargonlint_command()
    if command is None:
        print("whole processes: jargonlint is not on PATH; install it to measure")
        return
    settings = [
        (output_format, jobs, unbuffered)
        for output_format in ("json", "text")
        for jobs in ("1", "default")
        for unbuffered in (False, True)
    ]
    runs: list[tuple[str, list[str], dict[str, str]]] = [
        ("bare fugashi, one process", [sys.executable, "-c", BARE, str(folder)], dict(os.environ))
    ]
    cold = [command, "check", "--format", "json", "--fail-on", "never", "--jobs", "1"]
    runs.append(("json --jobs 1       new words", [*cold, str(folder)], dict(os.environ)))
    for output_format, jobs, unbuffered in settings:
        argv = [command, "check", "--format", output_format, "--fail-on", "never"]
        argv += ["--jobs", jobs] if jobs != "default" else []
        env = dict(os.environ)
        env.pop("PYTHONUNBUFFERED", None)
        if unbuffered:
            env["PYTHONUNBUFFERED"] = "1"
        label = f"{output_format:4} --jobs {jobs:7} {'unbuffered' if unbuffered else 'buffered'}"
        runs.append((label, [*argv, str(folder)], env))
    subprocess.run(runs[2][1], capture_output=True, check=False)  # fill the caches
    best = [(float("inf"), 0.0)] * len(runs)
    for _ in range(rounds):
        for index, (label, argv, env) in enumerate(runs):
            if label.endswith("new words"):
                forget_words()
            wall, cpu, _ = timed_process(argv, env)
            if wall < best[index][0]:
                best[index] = (wall, cpu)
    bare = best[0][0]
    print(f"whole processes, best of {rounds} (wall s, CPU s, ratio bare/this):")
    for (label, _, _), (wall, cpu) in zip(runs, best, strict=True):
        print(f"  {label:34} {wall:6.2f} s  cpu {cpu:6.2f} s  ratio {bare / wall:5.2f}")


# Started from a small process: Linux counts the RSS a child had before exec (a copy
# of this large benchmark) in its peak, so the child is started by this launcher.
LAUNCH = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(os.wait4(child.pid, 0)[2].ru_maxrss)
"""


def launched_rss(argv: list[str]) -> float:
    """Peak RSS in MB of one process."""
    shown = subprocess.run(
        [sys.executable, "-c", LAUNCH, *argv], capture_output=True, text=True, check=True
    )
    return int(shown.stdout) / 1024


def peak_rss(folder: Path) -> None:
    """Peak RSS of text-format runs over a large folder, and of bare fugashi. Most of
    it is pages of the UniDic files that MeCab maps: a run over new
    words starts a second MeCab to read their features (and maps the files again)."""
    command = jargonlint_command()
    if command is None:
        return
    forget_words()
    for jobs, words in (("1", "new words"), ("1", "words seen"), ("default", "words seen")):
        argv = [command, "check", "--format", "text", "--fail-on", "never"]
        argv += ["--jobs", jobs] if jobs != "default" else []
        rss = launched_rss([*argv, str(folder)])
        print(
            f"  text --jobs {jobs:7} {words:10}: peak RSS {rss:5.0f} MB"
            + (" (the main process; each worker is a process of its own)" if jobs != "1" else "")
        )
    bare = launched_rss([sys.executable, "-c", BARE, str(folder)])
    print(f"  bare fugashi: peak RSS {bare:5.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--process-runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of whole-folder runs")
    parser.add_argument("--files", type=int, default=200, help="scripts in the folder")
    parser.add_argument("--big-mb", type=float, default=10.0, help="0: skip the RSS run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["JARGONLINT_CACHE_DIR"] = cache  # this process's and its children's
        return measure(args)


def measure(args: argparse.Namespace) -> int:
    """Run every measurement and print it."""
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
        walls = [wall for wall, _ in times]
        cpus = [cpu for _, cpu in times]
        print(
            f"whole process, one small file: median {statistics.median(walls):.3f} s "
            f"(CPU {statistics.median(cpus):.3f} s), max {max(walls):.3f} s "
            f"over {len(times)} runs (goal <= 0.12 s)"
        )
    else:
        print("whole process: jargonlint is not on PATH; install it to measure", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        size = write_folder(Path(folder), text, args.files)
        print(f"folder: {args.files} scripts, {size / 1_000_000:.2f} MB")
        whole_runs(Path(folder), args.rounds)
    if args.big_mb > 0:
        with tempfile.TemporaryDirectory() as folder:
            big = make_corpus(glossary, args.big_mb, seed=11)
            size = write_folder(Path(folder), big, max(args.files, int(args.big_mb * 200)))
            print(f"large folder: {size / 1_000_000:.1f} MB (goal: peak RSS < 150 MB)")
            peak_rss(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
