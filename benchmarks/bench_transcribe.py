"""The two transcription engines side by side in one run: same weights, same two-minute answer.

    .venv/bin/python benchmarks/bench_transcribe.py                 # real tiny.en
    .venv/bin/python benchmarks/bench_transcribe.py --model base    # real base
    .venv/bin/python benchmarks/bench_transcribe.py --speed 4       # feed 4x real time: quicker
    .venv/bin/python benchmarks/bench_transcribe.py --chunks 3      # one 20 s chunk, engines alternating

The weights are the ones scripts/setup installs (scripts/test-model): faster-whisper reads the
CTranslate2 folder (int8 on the CPU), openai-whisper the same weights converted to a checkpoint.
The answer is espeak-ng speech of a known text (~2 minutes), so word error rate can be counted.
Each engine runs in its own process (so peak memory is its own):

- streaming: the answer is fed block by block at real-time pace, as the microphone would, with
  the rubric's vocabulary prompt; the clock starts at the "stop" and runs until the score is ready;
- whole file: the same audio transcribed after the fact, with and without the prompt;
- WER: word error rate against the text spoken; vocabulary: how many of the rubric's vocabulary
  terms in the text came out spelled right.

On a machine shared with other work, ``--chunks N`` is the fairer speed comparison: both engines
in one process transcribe the same 20 s stretch of the answer (a streaming chunk), alternating,
N times each; wall and CPU seconds per chunk are printed.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_cli import ANSWER  # noqa: E402
from rehearse import Catalog, builtin_rubrics_dir, score  # noqa: E402
from rehearse.defaults import SAMPLE_RATE  # noqa: E402
from rehearse.transcribe import (  # noqa: E402
    ENGINES,
    StreamingTranscriber,
    Transcriber,
    build_prompt,
    load_audio,
    resolve_model,
)

BLOCK = SAMPLE_RATE // 10  # 0.1 s, as the capture delivers it


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("'", ""))


def wer(reference: str, hypothesis: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref = words_of(reference)
    return Levenshtein.distance(ref, words_of(hypothesis)) / len(ref)


def vocabulary_hits(vocabulary: list[str], reference: str, hypothesis: str) -> tuple[int, int]:
    """(spelled right, said) for the vocabulary terms that the reference text holds."""
    said = [v for v in vocabulary if v.casefold() in reference.casefold()]
    return sum(v.casefold() in hypothesis.casefold() for v in said), len(said)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_engine(engine: str, model: str, wav: Path, speed: float) -> dict:
    audio = load_audio(wav)
    rubric = Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil")
    prompt = build_prompt(rubric.vocabulary)
    transcriber = Transcriber(resolve_model(model), engine=engine)
    out: dict = {"engine": transcriber.engine, "audio_s": len(audio) / SAMPLE_RATE}
    start = time.perf_counter()
    transcriber.load_in_background()  # as the app does: the DTW warm-up goes on behind
    if (error := transcriber.check()) is not None:
        raise SystemExit(f"cannot load {model}: {error}")
    out["load_s"] = time.perf_counter() - start

    stream = StreamingTranscriber(transcriber, prompt)
    began = time.perf_counter()
    for i in range(0, len(audio), BLOCK):
        stream.feed(audio[i : i + BLOCK])
        time.sleep(max(0.0, began + (i + BLOCK) / SAMPLE_RATE / speed - time.perf_counter()))
    stopped = time.perf_counter()
    streamed = stream.finish()
    score(streamed.transcript, rubric)
    out["stream_s"] = time.perf_counter() - stopped
    out["stream_wer"] = wer(ANSWER, streamed.transcript.text)

    for label, p in (("prompt", prompt), ("plain", None)):
        stopped = time.perf_counter()
        whole = transcriber.transcribe(audio, p)
        score(whole.transcript, rubric)
        out[f"whole_{label}_s"] = time.perf_counter() - stopped
        out[f"wer_{label}"] = wer(ANSWER, whole.transcript.text)
        out[f"vocab_{label}"] = vocabulary_hits(rubric.vocabulary, ANSWER, whole.transcript.text)
    out["words_stream"] = len(streamed.words)
    out["text_stream"] = streamed.transcript.text
    out["peak_mb"] = peak_mb()
    return out


def alternate(model: str, wav: Path, reps: int) -> None:
    audio = load_audio(wav)[30 * SAMPLE_RATE : 50 * SAMPLE_RATE]
    prompt = build_prompt(Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil").vocabulary)
    engines = {e: Transcriber(resolve_model(model), engine=e) for e in ENGINES}
    for transcriber in engines.values():
        transcriber.load()
        transcriber.transcribe(audio[: 5 * SAMPLE_RATE], prompt)  # first-call costs
    times: dict[str, list[tuple[float, float]]] = {e: [] for e in engines}
    for _ in range(reps):
        for engine, transcriber in engines.items():
            wall, cpu = time.perf_counter(), time.process_time()
            transcriber.transcribe(audio, prompt)
            times[engine].append((time.perf_counter() - wall, time.process_time() - cpu))
    best = {e: min(t) for e, t in times.items()}
    for engine, (wall, cpu) in best.items():
        print(f"{engine:15} 20 s chunk: best of {reps} {wall:5.2f} s wall, {cpu:5.2f} s CPU")
    fast, slow = best[ENGINES[0]], best[ENGINES[1]]
    print(f"{ENGINES[0]} is {slow[0] / fast[0]:.1f}x quicker (wall), {slow[1] / fast[1]:.1f}x "
          "less CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en",
                        help="installed weights (tiny.en, base) or a CTranslate2 model folder")
    parser.add_argument("--speed", type=float, default=1.0, help="feed speed vs real time")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated")
    parser.add_argument("--chunks", type=int, metavar="N", help="alternate the engines on one chunk")
    parser.add_argument("--one", metavar="ENGINE", help=argparse.SUPPRESS)  # child process
    parser.add_argument("--wav", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_engine(args.one, args.model, args.wav, args.speed)))
        return

    wav = Path(tempfile.mkdtemp(prefix="rehearse-bench-")) / "answer.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), ANSWER], check=True)
    if args.chunks:
        print(f"model {args.model}; one 20 s chunk of espeak-ng speech, engines alternating")
        alternate(args.model, wav, args.chunks)
        return
    seconds = len(load_audio(wav)) / SAMPLE_RATE
    print(f"model {args.model}; answer {seconds:.1f} s of espeak-ng speech "
          f"({len(words_of(ANSWER))} words), streamed at {args.speed:g}x real time")
    results = []
    for engine in args.engines.split(","):
        child = subprocess.run([sys.executable, __file__, "--one", engine, "--model", args.model,
                                "--wav", str(wav), "--speed", str(args.speed)],
                               capture_output=True, text=True, check=False)
        if child.returncode != 0:
            print(f"{engine}: failed: {child.stderr.strip().splitlines()[-1:]}")
            continue
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))

    rows = [
        ("model load (behind the question)", "load_s", "{:.1f} s"),
        ("stop-to-report, streaming", "stream_s", "{:.2f} s"),
        ("stop-to-report, whole file", "whole_prompt_s", "{:.2f} s"),
        ("WER streaming (prompt)", "stream_wer", "{:.1%}"),
        ("WER whole file, prompt", "wer_prompt", "{:.1%}"),
        ("WER whole file, no prompt", "wer_plain", "{:.1%}"),
        ("vocabulary right, prompt", "vocab_prompt", "{0[0]}/{0[1]}"),
        ("vocabulary right, no prompt", "vocab_plain", "{0[0]}/{0[1]}"),
        ("peak memory (max RSS)", "peak_mb", "{:.0f} MB"),
    ]
    print(f"{'':34}" + "".join(f"{r['engine']:>17}" for r in results))
    for label, key, fmt in rows:
        print(f"{label:34}" + "".join(f"{fmt.format(r[key]):>17}" for r in results))
    if len(results) == 2:
        a, b = results
        print(f"{a['engine']} reports {b['stream_s'] / a['stream_s']:.1f}x sooner streaming, "
              f"{b['whole_prompt_s'] / a['whole_prompt_s']:.1f}x sooner whole file than "
              f"{b['engine']}")


if __name__ == "__main__":
    main()
