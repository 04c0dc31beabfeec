"""How well the judge agrees with labelled real answers, layer by layer.

    .venv/bin/python benchmarks/bench_judge.py FILE.jsonl [FILE.jsonl ...] [--misses N] [--rubrics DIR]

Each line of a FILE is ``{"topic": ..., "text": ..., "labels": {"concept": true, ...}}`` (the
format of the shared eval set). Every answer is scored for its own topic: per-layer precision,
recall and F1, and their mean (macro-F1). Every answer is also scored against two unrelated
topics, where any covered layer is a false cover. Then the misses (false negatives first), each
with the words that were or were not taken as evidence, so a rubric author can see what to fix.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

# Topics that share vocabulary: scoring one's answer against the other is not "off-topic".
RELATED = {
    frozenset({"decorators", "args-kwargs"}), frozenset({"decorators", "lambda"}),
    frozenset({"comprehensions", "generators"}), frozenset({"comprehensions", "lambda"}),
    frozenset({"comprehensions", "lists-tuples"}), frozenset({"args-kwargs", "lambda"}),
    frozenset({"generators", "lambda"}), frozenset({"decorators", "oop"}),
}


def unrelated(topic: str, topics: list[str], seed: int) -> list[str]:
    """Two topics that have nothing to do with ``topic``, picked deterministically."""
    others = [t for t in topics if t != topic and frozenset({t, topic}) not in RELATED]
    if len(others) <= 2:
        return others
    first = seed % len(others)
    return [others[first], others[(first + len(others) // 2) % len(others)]]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", type=int, default=40, help="misses to print (default 40)")
    parser.add_argument("--rubrics", type=Path, help="a folder of rubrics to use instead")
    args = parser.parse_args()

    from rehearse import Catalog, builtin_rubrics_dir, score
    from rehearse.affinity import Affinity

    folders = [(builtin_rubrics_dir(), "built-in")]
    if args.rubrics:
        folders.append((args.rubrics, "user"))
    catalog = Catalog(folders)
    topics = sorted(catalog.rubrics)
    rows = []
    for f in args.files:
        if not f.is_file():
            parser.error(f"no such file: {f}")
        for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            try:
                row = json.loads(line) if line.strip() else None
            except json.JSONDecodeError as e:
                parser.error(f"{f}:{n}: not a JSON object ({e.msg})")
            if row is not None:
                if not isinstance(row, dict) or not {"topic", "text", "labels"} <= row.keys():
                    parser.error(f"{f}:{n}: needs 'topic', 'text' and 'labels'")
                if row["topic"] not in catalog.rubrics:
                    parser.error(f"{f}:{n}: unknown topic {row['topic']!r} "
                                 f"(one of: {', '.join(topics)})")
                rows.append(row)
    layers = list(dict.fromkeys(k for row in rows for k in row["labels"]))
    counts = {layer: Counter() for layer in layers}
    misses: list[tuple[str, int, dict, str, object]] = []
    false_layers = false_pairs = pairs = 0
    false_examples: list[str] = []
    elapsed: list[float] = []
    affinity = Affinity(catalog.rubrics.values())  # what an unnamed answer is about
    for i, row in enumerate(rows):
        rubric = catalog.get(row["topic"])
        start = time.perf_counter()
        result = score(row["text"], rubric, affinity)
        elapsed.append(time.perf_counter() - start)
        for layer in layers:
            said = result.layers[layer].covered if layer in result.layers else False
            want = bool(row["labels"].get(layer))
            kind = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get((said, want))
            if kind:
                counts[layer][kind] += 1
            if kind in ("fp", "fn"):
                misses.append((kind, i, row, layer, result.layers.get(layer)))
        for other in unrelated(row["topic"], topics, i):
            off = score(row["text"], catalog.get(other), affinity)
            covered = [n for n, r in off.layers.items() if r.covered]
            pairs += 1
            false_layers += len(covered)
            false_pairs += bool(covered)
            for n in covered:
                quote = "; ".join(e.said[:60] for e in off.layers[n].matched)
                false_examples.append(f"  #{i} {row['topic']} answer -> {other}.{n}: {quote!r}")

    print(f"{len(rows)} answers from {', '.join(str(f) for f in args.files)}")
    print(f"{'layer':10} {'P':>6} {'R':>6} {'F1':>6}   tp fp fn")
    f1s = []
    for layer in layers:
        c = counts[layer]
        p, r, f1 = prf(c["tp"], c["fp"], c["fn"])
        f1s.append(f1)
        print(f"{layer:10} {p:6.2f} {r:6.2f} {f1:6.2f}   {c['tp']:2} {c['fp']:2} {c['fn']:2}")
    print(f"macro-F1 {statistics.mean(f1s):.3f}")
    checks = pairs * len(layers)
    print(f"off-topic false covers: {false_layers}/{checks} layer checks "
          f"({100 * false_layers / max(1, checks):.1f}%), {false_pairs}/{pairs} answers "
          f"({100 * false_pairs / max(1, pairs):.1f}%) scored against 2 unrelated topics each")
    print(f"scoring: median {statistics.median(elapsed) * 1000:.2f} ms, "
          f"max {max(elapsed) * 1000:.2f} ms an answer")
    if false_examples:
        print("\nfalse covers on unrelated topics:")
        print("\n".join(false_examples))
    if args.misses:
        print("\nmisses (fn = labelled but not covered, fp = covered but not labelled):")
        misses.sort(key=lambda m: (m[0] != "fn", m[3], m[1]))
        for kind, i, row, layer, layer_result in misses[: args.misses]:
            text = " ".join(row["text"].split())
            print(f"- {kind} #{i} {row['topic']}.{layer}: {text[:160]!r}")
            if kind == "fp" and layer_result is not None:
                for e in layer_result.matched:
                    print(f"    taken as evidence: {e.phrase!r} <- {e.said!r}")
            if row.get("label_notes"):
                print(f"    label notes: {row['label_notes'][:200]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
