"""Start-up and scoring speed, measured side by side in one run (timings here are noisy, so
compare the ratios, not absolute numbers against another day).

    .venv/bin/python benchmarks/bench_cli.py [--runs 7]

Goals: each command < 0.3 s; scoring a two-minute (~300-word) answer < 10 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# A two-minute spoken answer: ~300 words with fillers, about the GIL.
ANSWER = " ".join([
    "Okay so, um, the GIL, the global interpreter lock, is basically a mutex in CPython.",
    "It means only one thread can execute Python bytecode at a time inside a process,",
    "even if you have eight cores. Why does it exist? Mostly because reference counting",
    "in CPython isn't thread safe, and the lock makes memory management simple and fast",
    "for single threaded code. So what does that mean in practice? Well, like, if I have",
    "a web service and most requests are waiting on the database or on another API,",
    "threads are totally fine, because a thread releases the GIL while it's blocked on",
    "I/O, and another thread can run in the meantime. I used that at my last job for a",
    "scraper that downloaded a few thousand pages, and threads gave us maybe a ten times",
    "speedup. But if the work is CPU-bound, like resizing images or crunching numbers in",
    "pure Python, then threads don't speed it up at all, you just get the same time or",
    "even worse because of the switching. For that I'd use multiprocessing. In code it's",
    "something like, from multiprocessing import Pool, define square of n returning n",
    "times n, and then with Pool() as pool, pool.map(square, nums). Each process has",
    "its own interpreter and its own GIL, so they really run in parallel. The trade-off",
    "is that processes cost more memory and you pay for pickling the arguments and",
    "results, so for small tasks it can be slower. Another option is asyncio when you",
    "have thousands of concurrent connections, because an event loop is cheaper than a",
    "thread per connection. And C extensions like NumPy release the GIL in their inner",
    "loops, so vectorised code can use several cores. Also, Python 3.13 has an",
    "experimental free threaded build where the GIL can be disabled, but most libraries",
    "aren't ready for it yet, so in interviews I'd mention it as where things are going.",
    "So, to sum up, um, threads for I/O-bound work, processes for CPU-bound work.",
])


def wall(cmd: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    bindir = Path(sys.executable).parent
    rehearse = str(bindir / "rehearse")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(ANSWER)
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "rehearse --help": [rehearse, "--help"],
        "rehearse topics": [rehearse, "topics"],
        "rehearse gil --transcript F --json": [rehearse, "gil", "--transcript", f.name, "--json"],
        'python -c "import whisper"': [sys.executable, "-c", "import whisper"],
    }
    for cmd in cases.values():  # warm the page cache and .pyc files
        wall(cmd)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):  # interleaved, so background load hits every case alike
        for name, cmd in cases.items():
            times[name].append(wall(cmd))

    whisper = statistics.median(times['python -c "import whisper"'])
    print(f"words in the answer: {len(ANSWER.split())}; runs: {args.runs} (median)")
    print(f"{'command':40} {'median s':>9} {'vs import whisper':>18}  goal < 0.3 s")
    for name, values in times.items():
        median = statistics.median(values)
        mark = "" if name.startswith("python") else ("ok" if median < 0.3 else "SLOW")
        print(f"{name:40} {median:9.3f} {median / whisper:17.2f}x  {mark}")

    from rehearse import Catalog, builtin_rubrics_dir, score

    start = time.perf_counter()
    Catalog([(builtin_rubrics_dir(), "built-in")]).listing()  # what `topics` reads
    listing = time.perf_counter() - start
    start = time.perf_counter()
    catalog = Catalog([(builtin_rubrics_dir(), "built-in")])
    rubric = catalog.get("gil")
    load_one = time.perf_counter() - start
    start = time.perf_counter()
    len(catalog)  # reads and checks the other shipped rubrics in full
    load = load_one + time.perf_counter() - start
    covered, first, median = _timed_scores(score, rubric)
    print(f"\nlist all rubrics: {listing * 1000:.1f} ms; "
          f"load one rubric: {load_one * 1000:.1f} ms, all: {load * 1000:.1f} ms; "
          f"covered {covered}/4")
    print(f"score {len(ANSWER.split())} words against gil: first {first * 1000:.1f} ms "
          f"(compiles the rubric), then median {median * 1000:.2f} ms  "
          f"goal < 10 ms: {'ok' if median < 0.010 else 'SLOW'}")
    # an answer that never names the topic asked is weighed against every topic's words
    _, first, median = _timed_scores(score, catalog.get("decorators"))
    print(f"score them against decorators, never named: first {first * 1000:.1f} ms (weighs "
          f"every topic's words), then median {median * 1000:.2f} ms  "
          f"goal < 10 ms: {'ok' if median < 0.010 else 'SLOW'}")


def _timed_scores(score: Callable[[str, Any], Any], rubric: Any) -> tuple[int, float, float]:
    """Score ANSWER against ``rubric``: the layers covered, the first score's time (it compiles
    what it needs) and the median of 50 more."""
    start = time.perf_counter()
    result = score(ANSWER, rubric)
    first = time.perf_counter() - start
    runs = []
    for _ in range(50):
        start = time.perf_counter()
        score(ANSWER, rubric)
        runs.append(time.perf_counter() - start)
    return result.covered, first, statistics.median(runs)


if __name__ == "__main__":
    main()
