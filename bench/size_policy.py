"""The size policy against long input: time, peak memory and outcome of `reader compare` at 1, 10 and 30 MB.

Each case runs the real command in a fresh process (so peak memory is that process's own, read from the OS) on a
generated file against a short article, with the analysis (spaCy) unless `--no-analysis` is given:
- prose at 1, 10 and 30 MB (one sentence a line);
- the hostile shapes of issue 13: a 10 MB single line, a 1.2 M-character sentence, a 1.1 M-character word, 1 MB
  of one repeated word, 100,000 tiny sentences.
What to expect (reader.core.limits): above 2 M characters a one-line refusal with exit 2 in well under a second;
below, an answer whose time grows with the length, never a traceback.

Run: `python bench/size_policy.py [--no-analysis] [--only NAME]`. Single runs on a noisy shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "the",
    "storm",
    "closed",
    "harbour",
    "minister",
    "said",
    "officials",
    "reported",
    "boats",
    "were",
    "damaged",
    "near",
    "coast",
    "on",
    "tuesday",
    "after",
    "heavy",
    "winds",
    "council",
    "promised",
    "funds",
    "repair",
    "weeks",
    "fishermen",
    "town",
]
SHORT = "The storm closed the harbour on Tuesday. Officials said boats were damaged.\n"


def prose(size: int) -> str:
    generator = random.Random(13)
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(generator.choice(WORDS) for _ in range(14)).capitalize() + "."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)[:size]


def one_line(size: int) -> str:
    return prose(size).replace("\n", " ")


def long_sentence(size: int) -> str:
    generator = random.Random(13)
    words: list[str] = []
    total = 0
    while total < size:
        words.append(generator.choice(WORDS))
        total += len(words[-1]) + 1
    return " ".join(words)[: size - 1] + "."


def tiny_sentences(count: int) -> str:
    generator = random.Random(13)
    return " ".join(f"{generator.choice(WORDS).capitalize()} {generator.choice(WORDS)}." for _ in range(count))


CASES: dict[str, Callable[[], str]] = {
    "prose 1 MB": lambda: prose(1_000_000),
    "prose 10 MB": lambda: prose(10_000_000),
    "prose 30 MB": lambda: prose(30_000_000),
    "single line 10 MB": lambda: one_line(10_000_000),
    "sentence 1.2 M chars": lambda: long_sentence(1_200_000),
    "word 1.1 M chars": lambda: "a" * 1_100_000,
    "repeated word 1 MB": lambda: ("word " * 200_000)[:1_000_000],
    "100,000 tiny sentences": lambda: tiny_sentences(100_000),
}


MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def run_case(name: str, text: str, scratch: Path, analyse: bool) -> str:
    big = scratch / "big.txt"
    big.write_text(text, encoding="utf-8")
    (scratch / "short.txt").write_text(SHORT, encoding="utf-8")
    command = [sys.executable, "-m", "reader", "compare", str(big), str(scratch / "short.txt"), "--format", "json"]
    if not analyse:
        command.append("--no-analysis")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_CACHE_DIR": str(scratch / f"cache-{time.monotonic_ns()}"),
        "READER_DATA_DIR": str(scratch / "data"),
    }
    # a wrapper process per case, so the peak it reports (its children's largest resident set) is this case's
    wrapper = [sys.executable, "-c", MEASURE, *command]
    start = time.perf_counter()
    result = subprocess.run(wrapper, capture_output=True, text=True, env=env, timeout=1800, check=False)
    seconds = time.perf_counter() - start
    *errors, peak_line = result.stderr.strip().splitlines() or ["0"]
    peak_text = f"{int(peak_line) / 1024:7.0f} MB"
    if result.returncode == 0:
        outcome = f"answered ({len(result.stdout) / 1_000_000:.1f} MB of JSON)"
    else:
        outcome = f"exit {result.returncode}: {errors[-1] if errors else ''}"
        if any("Traceback" in line for line in errors):
            outcome += "  [TRACEBACK]"
    return f"{name:24s} {len(text) / 1_000_000:6.1f} M chars {seconds:8.1f} s {peak_text}  {outcome}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-analysis", action="store_true", help="alignment only (no spaCy)")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args()
    print("reader compare BIG short.txt --format json" + (" --no-analysis" if args.no_analysis else ""))
    print("single runs on a shared, noisy 2-core machine; peak = the command's largest resident set (ru_maxrss)\n")
    with tempfile.TemporaryDirectory(prefix="issue13b-size-") as scratch:
        for name, build in CASES.items():
            if args.only and args.only not in name:
                continue
            print(run_case(name, build(), Path(scratch), not args.no_analysis), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
