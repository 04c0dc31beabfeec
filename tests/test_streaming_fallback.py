"""A failure anywhere in the streamed transcription (the audio feed, or a chunk) falls back to
transcribing the saved recording whole, and the report says so."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from rich.console import Console

from rehearse import session
from rehearse.capture import CaptureResult, InputDevice
from rehearse.report import attempt_report
from rehearse.scoring import Word
from rehearse.store import Store
from rehearse.transcribe import Transcription, load_audio, resolve_model

WORDS = "the GIL is a mutex in CPython so only one thread runs Python bytecode at a time".split()


class FlakyModel:
    """A transcriber stand-in: says WORDS for the audio it is given; the first call fails."""

    def __init__(self) -> None:
        self.ref = resolve_model("tiny.en")
        self.calls: list[int] = []

    def load_in_background(self) -> None:
        pass

    def check(self) -> None:  # the model loads
        return None

    def transcribe(self, audio: np.ndarray, prompt: str | None = None,
                   offset: float = 0.0) -> Transcription:
        self.calls.append(len(audio))
        if len(self.calls) == 1:
            raise RuntimeError("the model ran out of memory")
        step = len(audio) / 16_000 / len(WORDS)
        words = tuple(Word(f" {w}", offset + i * step, offset + (i + 1) * step)
                      for i, w in enumerate(WORDS))
        return Transcription(words, "fake", len(audio) / 16_000)


def fake_recording(speech: Path, feed_error: str | None):
    """Stands in for the live recording: writes the answer to the capture's file and feeds it
    to the stream block by block (all of it, or half and then the feed fails)."""
    audio = load_audio(speech)
    audio = np.concatenate([audio, np.zeros(16_000, np.float32), audio])  # > one chunk

    def record(capture, limit, console, interactive, hint=None) -> CaptureResult:
        sf.write(capture.path, audio, 16_000, subtype="PCM_16")
        fed = audio if feed_error is None else audio[: len(audio) // 2]
        for i in range(0, len(fed), 1_600):
            capture.on_audio(fed[i : i + 1_600])
        failed = {"audio_error": feed_error} if feed_error else {}
        return CaptureResult(capture.path, len(audio) / 16_000, "limit", 0, 16_000, **failed)

    return record


@pytest.mark.parametrize("feed_error", [None, "ValueError: the buffer broke"])
def test_a_streaming_failure_falls_back_to_the_whole_recording(
        monkeypatch: pytest.MonkeyPatch, data_home: Path, gil, speech: Path,
        feed_error: str | None) -> None:
    device = InputDevice(0, "virtual", 1, 16_000.0, "ALSA", True)
    monkeypatch.setattr(session, "pick_device", lambda spec: device)
    monkeypatch.setattr(session, "record", fake_recording(speech, feed_error))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal
    store = Store(data_home)
    model = FlakyModel()
    console = Console(file=io.StringIO(), width=100)
    outcome = session.speak(store, gil, model, session.SpeakOptions(seconds=60, follow_up=False),
                            console)  # type: ignore[arg-type]
    whole = len(load_audio(store.get(outcome.attempt_id).audio_path))  # type: ignore[arg-type]
    assert model.calls[-1] == pytest.approx(whole, abs=16_000)  # the saved file, whole
    assert outcome.score is not None and outcome.score.transcript.text.split() == WORDS
    attempt = store.get(outcome.attempt_id)
    assert attempt.state == "scored"
    shown = Console(file=io.StringIO(), width=100)
    shown.print(attempt_report(attempt, outcome.score))
    report = " ".join(shown.file.getvalue().split())  # type: ignore[attr-defined]
    assert "live transcription failed" in report and "whole recording" in report
    assert "live transcription failed" in json.dumps(outcome.to_dict(store))
