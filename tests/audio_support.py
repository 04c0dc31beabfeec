"""Real-stack stand-ins for the hardware and the weights: a virtual ALSA microphone fed with
speech made by espeak-ng, and a tiny randomly initialised Whisper checkpoint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from whisper.model import Whisper

ANSWER_TEXT = ("The GIL is a mutex in CPython, so only one thread runs Python bytecode at a "
               "time. A web service waiting on the database still gains from threads. But "
               "threads don't speed up CPU-bound work, so use multiprocessing.")


def espeak(text: str, path: Path, words_per_minute: int = 165) -> Path:
    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng is missing: run scripts/setup (apt-get install espeak-ng)")
    subprocess.run(["espeak-ng", "-s", str(words_per_minute), "-w", str(path), text], check=True,
                   capture_output=True, timeout=60)
    return path


def speech_samples(path: Path, rate: int = 16_000) -> np.ndarray:
    """espeak's WAV as int16 at ``rate`` (what a microphone at that rate would deliver)."""
    import soundfile as sf
    import soxr

    audio, source_rate = sf.read(str(path), dtype="float32")
    audio = soxr.resample(audio, source_rate, rate)
    return np.clip(np.round(audio * 32767), -32768, 32767).astype("<i2")


def mic_home(home: Path, infile: Path) -> dict[str, str]:
    """An environment whose default ALSA capture device reads raw S16_LE from ``infile``."""
    home.mkdir(parents=True, exist_ok=True)
    (home / ".asoundrc").write_text(f"""
pcm.!default {{
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "{infile}"
    format "raw"
}}
""")
    # HOME is new, so no model is downloaded there; HF_HUB_OFFLINE: faster-whisper never asks the
    # network for one (installed weights, such as scripts/setup's, are still found)
    return {**os.environ, "HOME": str(home), "PYTHONUNBUFFERED": "1", "HF_HUB_OFFLINE": "1"}


class PacedFeed:
    """Feed ``samples`` into a FIFO at real-time pace, so the virtual mic behaves like a real one
    (the ALSA file plugin on its own delivers a file as fast as it can be read)."""

    def __init__(self, fifo: Path, samples: np.ndarray, rate: int = 16_000,
                 channels: int = 1, speed: float = 1.0) -> None:
        os.mkfifo(fifo)
        self.fifo = fifo
        self.data = samples.astype("<i2").tobytes()
        # 0.1 s a write (3,200 bytes at 16 kHz mono: under PIPE_BUF, so atomic), and a second
        # written ahead: the ALSA file plugin does not retry short reads, so the pipe must
        # always hold a whole period when it reads.
        self.block = int(rate * 0.1) * 2 * channels
        self.delay = 0.1 / speed
        self.ahead = 10
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.stopped = threading.Event()

    def start(self) -> PacedFeed:
        self.thread.start()
        return self

    def _run(self) -> None:
        # Raw writes of under PIPE_BUF bytes are atomic: EPIPE (no reader right now, e.g.
        # PortAudio probed the device and closed it again) means nothing was written, so the
        # same block is simply offered again until the recording opens the device for real.
        fd = os.open(self.fifo, os.O_WRONLY)
        try:
            position = 0
            while not self.stopped.is_set():
                block = self.data[position : position + self.block] or bytes(self.block)
                try:
                    os.write(fd, block)
                except BrokenPipeError:
                    time.sleep(0.01)
                    continue
                position += len(block) if position < len(self.data) else 0
                if self.ahead:
                    self.ahead -= 1
                else:
                    time.sleep(self.delay)  # after the answer, room tone (silence)
        finally:
            os.close(fd)

    def stop(self) -> None:
        self.stopped.set()


THE = 262  # " the" in the GPT-2 vocabulary of English-only Whisper models (n_vocab 51864)


def random_whisper(*, width: int, heads: int, layers: int, seed: int) -> Whisper:
    """An English-only Whisper of the given size with random weights (``torch`` seeded)."""
    import torch
    from whisper.model import ModelDimensions, Whisper

    dims = ModelDimensions(n_mels=80, n_audio_ctx=1500, n_audio_state=width, n_audio_head=heads,
                           n_audio_layer=layers, n_vocab=51864, n_text_ctx=448,
                           n_text_state=width, n_text_head=heads, n_text_layer=layers)
    torch.manual_seed(seed)
    return Whisper(dims)


def build_tiny_checkpoint(path: Path) -> Path:
    """A 1-layer, 64-wide Whisper with random weights, saved as ``whisper.load_model`` reads it.

    One nudge keeps its output deterministic: the decoder's final layer norm is set to a
    constant vector that the " the" token's embedding points along, so greedy decoding always
    says " the the the ..." (instead of near-tied random logits that flip with thread timing).
    Everything else, encoder and cross-attention included, stays random.
    """
    import torch

    model = random_whisper(width=64, heads=1, layers=1, seed=0)
    dims = model.dims
    with torch.no_grad():
        # whisper allocates the decoder's positional embedding with torch.empty (real
        # checkpoints overwrite it); left as is, it is whatever memory held, NaN now and then.
        model.decoder.positional_embedding.normal_(0.0, 0.02)
        direction = torch.randn(dims.n_text_state)
        model.decoder.ln.weight.zero_()
        model.decoder.ln.bias.copy_(direction)
        model.decoder.token_embedding.weight[THE] = direction * 4
    state = model.state_dict()
    assert all(bool(torch.isfinite(t).all()) for t in state.values())
    torch.save({"dims": dims.__dict__, "model_state_dict": state}, path)
    return path


def rehearse(*args: str, env: dict[str, str], timeout: float = 300,
             stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rehearse", *args], env=env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)
