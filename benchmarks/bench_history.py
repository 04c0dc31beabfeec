"""history / progress / plan with a long history: 5,000 attempts, timed side by side.

    .venv/bin/python benchmarks/bench_history.py [--attempts 5000] [--runs 5]

Goal: each under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rehearse import Catalog, builtin_rubrics_dir, score  # noqa: E402
from rehearse.store import Store  # noqa: E402


def seed(home: Path, count: int) -> None:
    rng = random.Random(0)
    catalog = Catalog([(builtin_rubrics_dir(), "built-in")])
    rubrics = list(catalog)
    samples = {}
    for rubric in rubrics:  # a realistic result per topic (evidence, cues), reused
        text = " ".join(p for layer in rubric.layers.values() for idea in layer.evidence[:1]
                        for p in idea.phrases[:1])
        samples[rubric.id] = (text, score(text, rubric).to_dict())
    store = Store(home)
    start = datetime.now(UTC) - timedelta(days=365)
    store.db.execute("BEGIN")
    for i in range(count):
        rubric = rng.choice(rubrics)
        text, result = samples[rubric.id]
        for layer in result["layers"].values():
            layer["covered"] = rng.random() < 0.6
        store.db.execute(
            "INSERT INTO attempts (topic, rubric, started_at, duration_s, source, transcript, "
            "words, result, layers, state) VALUES (?, ?, ?, ?, 'microphone', ?, ?, ?, ?, "
            "'scored')",
            (rubric.id, rubric.ref, (start + timedelta(minutes=105 * i)).isoformat(),
             rng.uniform(40, 120), text * 8, "[" + ",".join(['["word", 1.0, 1.2]'] * 300) + "]",
             __import__("json").dumps(result),
             __import__("json").dumps({k: v["covered"] for k, v in result["layers"].items()})))
    store.db.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="rehearse-history-"))
    seed(home, args.attempts)
    size = (home / "rehearse.db").stat().st_size / 1e6
    env = {**os.environ, "REHEARSE_HOME": str(home)}
    rehearse = str(Path(sys.executable).parent / "rehearse")
    cases = {"rehearse history": [rehearse, "history"],
             "rehearse history gil --limit 100": [rehearse, "history", "gil", "--limit", "100"],
             "rehearse progress": [rehearse, "progress"],
             "rehearse plan": [rehearse, "plan"]}
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs + 1):
        for name, cmd in cases.items():
            began = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=True)
            times[name].append(time.perf_counter() - began)
    print(f"{args.attempts} attempts, database {size:.1f} MB; median of {args.runs} runs")
    for name, values in times.items():
        median = statistics.median(values[1:])
        print(f"{name:36} {median:6.3f} s  {'ok' if median < 0.3 else 'SLOW'}")


if __name__ == "__main__":
    main()
