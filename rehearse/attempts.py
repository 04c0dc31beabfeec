"""An answer's way through the core: audio on disk -> transcript -> score -> stored attempt.

Plain functions over the store, the transcriber and the scorer; no terminal. The CLI (live
recording, reports) calls these, and so do ``retry`` and ``--audio``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .defaults import SAMPLE_RATE
from .delivery import analyse
from .errors import RehearseError
from .rubric import Rubric
from .scoring import Score, Transcript, Word, score
from .store import Attempt, Store, ensure_private_dir

if TYPE_CHECKING:  # transcribe imports numpy; typed answers must not pay for it
    import numpy as np

    from .transcribe import Transcriber, Transcription

RECORDINGS = "recordings"  # the data home's folder for audio


def recordings_dir(store: Store) -> Path:
    return ensure_private_dir(store.home / RECORDINGS)


def new_audio_path(store: Store, topic: str, suffix: str = ".wav") -> Path:
    """``<data home>/recordings/<topic>-YYYYmmdd-HHMMSS.wav``, never overwriting a file."""
    folder = recordings_dir(store)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^a-z0-9_-]", "-", topic.lower())
    path = folder / f"{safe}-{stamp}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{safe}-{stamp}-{n}{suffix}"
    return path


def prompt_for(rubric: Rubric) -> str:
    from .transcribe import build_prompt

    return build_prompt(rubric.vocabulary)


@dataclass(frozen=True)
class Outcome:
    """A finished attempt: its id, the score (None when no speech was heard)."""

    attempt_id: int
    rubric: Rubric
    score: Score | None
    transcription: Transcription | None = None

    def to_dict(self, store: Store) -> dict[str, Any]:
        attempt = store.get(self.attempt_id)
        # No speech: the same shape, every layer uncovered (and "no_speech" says why).
        data: dict[str, Any] = (self.score or score("", self.rubric)).to_dict()
        data["delivery"] = attempt.delivery
        data.update({
            "attempt": attempt.id, "source": attempt.source, "state": attempt.state,
            "no_speech": self.score is None,
            "duration_s": attempt.duration_s, "model": attempt.model,
            "audio": str(attempt.audio_path) if attempt.audio_path else None,
        })
        if attempt.words is not None:
            data["words"] = [{"word": w, "start": s, "end": e} for w, s, e in attempt.words]
        return data


def save_typed(store: Store, rubric: Rubric, text: str) -> Outcome:
    """Score a written answer and keep it as an attempt."""
    result = score(text, rubric)
    attempt_id = store.add(rubric.id, "transcript", transcript=text, rubric=rubric.ref,
                           result=result.to_dict(), state="scored",
                           delivery=analyse(result).to_dict())
    return Outcome(attempt_id, rubric, result)


def finish(store: Store, attempt_id: int, rubric: Rubric, transcription: Transcription,
           limit: float | None = None) -> Outcome:
    """Score a transcription, measure its delivery, and store both with its attempt."""
    words = [[w.text, w.start, w.end] for w in transcription.words]
    if transcription.no_speech:
        store.update(attempt_id, transcript="", words=words, model=transcription.model,
                     state="transcribed", error="no speech detected", rubric=rubric.ref)
        return Outcome(attempt_id, rubric, None, transcription)
    result = score(transcription.transcript, rubric)
    duration = store.get(attempt_id).duration_s or transcription.audio_seconds
    store.update(attempt_id, transcript=result.transcript.text, words=words,
                 model=transcription.model, result=result.to_dict(), rubric=rubric.ref,
                 delivery=analyse(result, duration, limit).to_dict(), state="scored", error=None)
    return Outcome(attempt_id, rubric, result, transcription)


def import_audio(store: Store, rubric: Rubric, source: Path) -> tuple[int, np.ndarray]:
    """Copy a recording made elsewhere into the data home as a new attempt (not yet transcribed).

    The file is checked (readable audio, not too long) before anything is stored.
    """
    from .transcribe import load_audio

    audio = load_audio(source)
    target = new_audio_path(store, rubric.id, source.suffix.lower() or ".wav")
    try:
        target.touch(mode=0o600)
        shutil.copyfile(source, target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise RehearseError(f"cannot copy {str(source)!r} into {str(target.parent)!r}: "
                            f"{exc.strerror or exc}") from None
    attempt_id = store.add(rubric.id, "audio", audio_path=target, state="recorded",
                           duration_s=round(len(audio) / SAMPLE_RATE, 2), rubric=rubric.ref)
    return attempt_id, audio


def transcribe_attempt(store: Store, attempt: Attempt, rubric: Rubric,
                       transcriber: Transcriber, audio: np.ndarray | None = None) -> Outcome:
    """Transcribe and score a stored recording (``--audio``, ``retry``); ``audio`` when the
    caller already decoded it."""
    if audio is None:
        if attempt.audio_path is None or not attempt.audio_path.is_file():
            raise RehearseError(f"attempt {attempt.id} has no recording on disk to transcribe")
        from .transcribe import load_audio

        audio = load_audio(attempt.audio_path)
    store.update(attempt.id, duration_s=round(len(audio) / SAMPLE_RATE, 2))
    transcription = transcriber.transcribe(audio, prompt_for(rubric))
    return finish(store, attempt.id, rubric, transcription)


def stored_transcript(attempt: Attempt) -> Transcript:
    if attempt.words:
        return Transcript.from_words([Word(w, s, e) for w, s, e in attempt.words])
    return Transcript(attempt.transcript or "")
