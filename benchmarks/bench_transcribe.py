"""Stop-to-report latency for a two-minute spoken answer: streaming vs whole-file, one run.

    .venv/bin/python benchmarks/bench_transcribe.py            # base.en if cached, else tiny random
    .venv/bin/python benchmarks/bench_transcribe.py --model tiny.en
    .venv/bin/python benchmarks/bench_transcribe.py --speed 4  # 4x real time: quicker, less real

The same espeak-ng answer (~2 minutes) is fed block by block at real-time pace into the
streaming transcriber, as the microphone would; at the "stop" the clock starts and runs until
the score is ready. Then the whole file is transcribed after the fact, as without streaming.
Peak memory (max RSS) is printed after each phase.
"""

from __future__ import annotations

import argparse
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
    StreamingTranscriber,
    Transcriber,
    build_prompt,
    load_audio,
    resolve_model,
)

BLOCK = SAMPLE_RATE // 10  # 0.1 s, as the capture delivers it


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="Whisper name or .pt (default: see above)")
    parser.add_argument("--speed", type=float, default=1.0, help="feed speed vs real time")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rehearse-bench-"))

    temperatures = None
    if args.model:
        ref = resolve_model(args.model)
    elif resolve_model("base.en").ready:
        ref = resolve_model("base.en")
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from audio_support import build_tiny_checkpoint

        ref = resolve_model(str(build_tiny_checkpoint(tmp / "tiny-random.pt")))
        temperatures = [0.0]  # random weights give NaN when sampling
        print("base.en is not downloaded here: using a tiny random checkpoint "
              "(the figures say nothing about base.en's speed)")

    wav = tmp / "answer.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), ANSWER], check=True)
    audio = load_audio(wav)
    rubric = Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil")
    prompt = build_prompt(rubric.vocabulary)
    print(f"model {ref.name}; answer {len(audio) / SAMPLE_RATE:.1f} s of speech, fed at "
          f"{args.speed:g}x real time")

    transcriber = Transcriber(ref, temperatures=temperatures)
    start = time.perf_counter()
    transcriber.load_in_background()  # as the app does: the DTW warm-up goes on behind
    if transcriber.check() is not None:
        raise SystemExit(f"cannot load {ref.name}")
    print(f"model load (hidden behind the question in the app): {time.perf_counter() - start:.1f} s;"
          f" peak memory {peak_mb():.0f} MB")

    stream = StreamingTranscriber(transcriber, prompt)
    began = time.perf_counter()
    for i in range(0, len(audio), BLOCK):
        stream.feed(audio[i : i + BLOCK])
        target = began + (i + BLOCK) / SAMPLE_RATE / args.speed
        time.sleep(max(0.0, target - time.perf_counter()))
    stopped = time.perf_counter()
    streamed = stream.finish()
    score(streamed.transcript, rubric)
    streaming_latency = time.perf_counter() - stopped
    print(f"streaming : report {streaming_latency:6.2f} s after the stop "
          f"({len(streamed.words)} words); peak memory {peak_mb():.0f} MB")

    stopped = time.perf_counter()
    whole = transcriber.transcribe(audio, prompt)
    score(whole.transcript, rubric)
    whole_latency = time.perf_counter() - stopped
    print(f"whole file: report {whole_latency:6.2f} s after the stop "
          f"({len(whole.words)} words); peak memory {peak_mb():.0f} MB")
    print(f"streaming is {whole_latency / max(streaming_latency, 1e-6):.1f}x quicker to report")


if __name__ == "__main__":
    main()
