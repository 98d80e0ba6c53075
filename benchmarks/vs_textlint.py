"""jargonlint against textlint + textlint-rule-prh, the nearest peer, on the same corpus.

textlint with prh is what a Japanese documentation team would reach for to flag
words from a list. This script installs both with npm into a temporary folder
(nothing global), converts the whole shipped glossary to prh rules (each form of
an entry is a pattern, its first plain alternative the expected word), writes
the folder of scripts that benchmarks/throughput.py times, and runs whole
processes of both, best of a few rounds. prh matches strings as written, so it
finds fewer terms (no inflections, widths or readings): the comparison is of
speed, with the finding counts printed for context.

Goal (issue #9): jargonlint at least 5x faster. Skipped, with a message, when npm
is missing. Run: ``python benchmarks/vs_textlint.py [--mb 1.0] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from throughput import jargonlint_command, make_corpus, timed_process, write_folder

from jargonlint.glossary import Entry
from jargonlint.linter import Glossary

PACKAGES = ("textlint", "textlint-rule-prh")


def prh_rules(entries: list[Entry]) -> str:
    """The glossary as a prh rule file (JSON is valid YAML, and needs no quoting rules).

    Forms go in as /regular expressions/ escaped here: prh's own escaping writes
    ``\\-``, which its Unicode-mode expressions refuse (Wi-Fi)."""
    rules = [
        {"expected": entry.say_instead[0], "patterns": [_literal(f) for f in entry.forms]}
        for entry in entries
        if entry.say_instead
    ]
    return json.dumps({"version": 1, "rules": rules}, ensure_ascii=False, indent=1)


def _literal(text: str) -> str:
    """A JavaScript regular expression, valid with the u flag, matching text as written."""
    return "/" + re.sub(r"([\\^$.|?*+()\[\]{}/])", r"\\\1", text) + "/"


def install(folder: Path) -> Path | None:
    """textlint and the prh rule, installed into folder; the textlint command."""
    (folder / "package.json").write_text('{"name": "bench", "private": true}', encoding="utf-8")
    done = subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", *PACKAGES],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    command = folder / "node_modules" / ".bin" / "textlint"
    if done.returncode != 0 or not command.exists():
        print(f"npm install failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return command


def count_textlint(command: list[str], cwd: Path) -> int:
    shown = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    try:
        return sum(len(item["messages"]) for item in json.loads(shown.stdout))
    except (json.JSONDecodeError, KeyError, TypeError):
        print(f"textlint output not understood: {shown.stderr.strip()[-300:]}", file=sys.stderr)
        return -1


def count_jargonlint(command: list[str]) -> int:
    shown = subprocess.run(command, capture_output=True, text=True, check=False)
    return len(json.loads(shown.stdout)["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB")
    parser.add_argument("--files", type=int, default=200, help="scripts in the folder")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("npm") is None:
        print("skipped: npm is not installed (textlint runs on Node.js)")
        return 0
    jargonlint = jargonlint_command()
    if jargonlint is None:
        print("skipped: jargonlint is not on PATH; install it to measure")
        return 0
    glossary = Glossary.load()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        print(f"installing {' '.join(PACKAGES)} with npm into a temporary folder…")
        textlint = install(root)
        if textlint is None:
            return 1
        (root / "prh.yml").write_text(prh_rules(glossary.entries), encoding="utf-8")
        config = {"rules": {"prh": {"rulePaths": ["./prh.yml"]}}}
        (root / ".textlintrc.json").write_text(json.dumps(config), encoding="utf-8")
        scripts = root / "scripts"
        scripts.mkdir()
        size = write_folder(scripts, make_corpus(glossary, args.mb), args.files)
        files = sorted(str(p.relative_to(root)) for p in scripts.iterdir())
        print(f"corpus: {args.files} scripts, {size / 1_000_000:.2f} MB")
        print(f"glossary: {len(glossary.entries)} entries as prh rules")

        peer = [str(textlint), "--format", "json", *files]
        ours = [jargonlint, "check", "--format", "json", "--fail-on", "never"]
        runs = {
            "textlint + prh": peer,
            "jargonlint --jobs 1": [*ours, "--jobs", "1", str(scripts)],
            "jargonlint (default jobs)": [*ours, str(scripts)],
        }
        print(
            f"findings: textlint {count_textlint(peer, root)}, "
            f"jargonlint {count_jargonlint(runs['jargonlint --jobs 1'])}"
        )
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(args.rounds):
            for name, argv in runs.items():  # textlint finds its settings in root
                best[name] = min(best[name], timed_process(argv, cwd=root)[0])
        peer_s = best["textlint + prh"]
        print(f"whole processes, best of {args.rounds}:")
        for name, seconds in best.items():
            ratio = "" if name.startswith("textlint") else f"  ({peer_s / seconds:.1f}x faster)"
            print(f"  {name:26} {seconds:6.2f} s{ratio}")
        print("goal: jargonlint at least 5x faster than textlint + prh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
