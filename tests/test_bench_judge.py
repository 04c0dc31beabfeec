"""benchmarks/bench_judge.py: a rubric author's measuring tool, with plain errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_judge.py"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def test_it_scores_a_labelled_file(tmp_path: Path) -> None:
    rows = [{"topic": "gil", "text": "The GIL lets only one thread run Python bytecode at a time, "
             "so threads do not speed up CPU-bound work.",
             "labels": {"concept": True, "example": False, "code": False, "trade_off": True}},
            {"topic": "lambda", "text": "Thank you.",
             "labels": {"concept": False, "example": False, "code": False, "trade_off": False}}]
    labelled = tmp_path / "mine.jsonl"
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    proc = _run(labelled, "--misses", "0")
    assert proc.returncode == 0, proc.stderr
    assert "2 answers" in proc.stdout and "macro-F1 1.000" in proc.stdout


def test_bad_input_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text('{"topic": "gill", "text": "x", "labels": {}}\n', "utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"topic": \n', "utf-8")
    for path, says in ((tmp_path / "missing.jsonl", "no such file"),
                       (unknown, "unknown topic 'gill'"), (broken, "broken.jsonl:1: not a JSON")):
        proc = _run(path)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr and says in proc.stderr.splitlines()[-1]
