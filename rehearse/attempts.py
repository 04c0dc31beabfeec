"""An answer's way through the core: audio on disk -> transcript -> score -> stored attempt.

Plain functions over the store, the transcriber and the scorer; no terminal. The CLI (live
recording, reports) calls these, and so do ``retry`` and ``--audio``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .defaults import SAMPLE_RATE
from .delivery import analyse
from .errors import Interrupted, RehearseError, UsageError
from .rubric import Catalog, Rubric
from .scoring import Score, Transcript, Word, score
from .store import EMPTY, Attempt, Store, ensure_private_dir, process_alive
from .workers import run_aside

if TYPE_CHECKING:  # transcribe imports numpy; typed answers must not pay for it
    import numpy as np

    from .capture import CaptureResult
    from .followup import FollowUpResult
    from .progress import Comparison
    from .transcribe import StreamingTranscriber, Transcriber, Transcription

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
    latency: float | None = None  # a spoken answer: seconds from stopping to the report
    follow_up: FollowUpResult | None = None

    def to_dict(self, store: Store) -> dict[str, Any]:
        """The result of one answer as ``--json`` prints it (the README's "JSON")."""
        attempt = store.get(self.attempt_id)
        # No speech: the same shape, every layer uncovered (and "no_speech" says why).
        data: dict[str, Any] = (self.score or score("", self.rubric)).to_dict()
        data["delivery"] = attempt.delivery
        data.update({
            "attempt": attempt.id, "source": attempt.source, "state": attempt.state,
            "no_speech": self.score is None, "counted": attempt.state != EMPTY,
            "note": attempt.error if attempt.state == "scored" else None,
            "duration_s": attempt.duration_s, "model": attempt.model,
            "audio": str(attempt.audio_path) if attempt.audio_path else None,
        })
        if attempt.words is not None:
            data["words"] = [{"word": w, "start": s, "end": e} for w, s, e in attempt.words]
        if self.latency is not None:
            data["report_latency_s"] = round(self.latency, 2)
            data["follow_up"] = self.follow_up.to_dict() if self.follow_up else None
        return data


def save_typed(store: Store, rubric: Rubric, text: str) -> Outcome:
    """Score a written answer and keep it as an attempt (an empty one is kept, not counted)."""
    if not text.strip():
        attempt_id = store.add(rubric.id, "transcript", transcript=text, rubric=rubric.ref,
                               state=EMPTY)
        return Outcome(attempt_id, rubric, None)
    result = score(text, rubric)
    attempt_id = store.add(rubric.id, "transcript", transcript=text, rubric=rubric.ref,
                           result=result.to_dict(), state="scored",
                           delivery=analyse(result).to_dict())
    return Outcome(attempt_id, rubric, result)


def finish(store: Store, attempt_id: int, rubric: Rubric, transcription: Transcription,
           limit: float | None = None, note: str | None = None) -> Outcome:
    """Score a transcription, measure its delivery, and store both with its attempt (and
    ``note``, anything the report must say about how the transcript was had)."""
    words = [[w.text, w.start, w.end] for w in transcription.words]
    if transcription.no_speech:  # the recording is kept; the attempt is not counted
        store.update(attempt_id, transcript="", words=words, model=transcription.model,
                     state=EMPTY, error=None, rubric=rubric.ref)
        return Outcome(attempt_id, rubric, None, transcription)
    result = score(transcription.transcript, rubric)
    duration = store.get(attempt_id).duration_s or transcription.audio_seconds
    store.update(attempt_id, transcript=result.transcript.text, words=words,
                 model=transcription.model, result=result.to_dict(), rubric=rubric.ref,
                 delivery=analyse(result, duration, limit).to_dict(), state="scored", error=note)
    return Outcome(attempt_id, rubric, result, transcription)


def transcribe_recording(stream: StreamingTranscriber, recorded: CaptureResult,
                         transcriber: Transcriber) -> tuple[Transcription, str | None]:
    """The streamed transcription of a recording, with a note when it had to be made another
    way: if streaming failed anywhere (the audio feed, or a chunk), the saved recording is
    transcribed whole instead. A model that cannot be loaded is raised (nothing would work)."""
    from .transcribe import ModelError, load_audio

    failure = recorded.audio_error
    try:
        streamed = stream.finish()
    except ModelError:
        raise
    except RehearseError as exc:
        failure = failure or str(exc)
    if failure is None:
        return streamed, None
    whole = run_aside(transcriber.transcribe, load_audio(recorded.path), stream.prompt)
    return whole, (f"live transcription failed ({failure}); the whole recording was "
                   "transcribed instead")


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
                       transcriber: Transcriber, audio: np.ndarray | None = None,
                       starting: Callable[[float], None] | None = None) -> Outcome:
    """Transcribe and score a stored recording (``--audio``, ``retry``); ``audio`` when the
    caller already decoded it; ``starting(seconds)`` once the audio is ready to transcribe. A
    failure is stored with the attempt, and its message says how to try again: the recording
    is kept."""
    if attempt.state == "recording" and process_alive(attempt.pid):
        raise RehearseError(f"attempt {attempt.id} is still being recorded (process {attempt.pid})")
    if attempt.audio_path is None:
        raise RehearseError(f"attempt {attempt.id} was typed, not recorded: nothing to transcribe")
    with kept_if_interrupted(store, attempt.id):
        try:
            if audio is None:
                if not attempt.audio_path.is_file():
                    raise RehearseError(f"attempt {attempt.id} has no recording on disk to "
                                        "transcribe")
                from .transcribe import load_audio

                audio = load_audio(attempt.audio_path)
            store.update(attempt.id, duration_s=round(len(audio) / SAMPLE_RATE, 2))
            if starting is not None:
                starting(len(audio) / SAMPLE_RATE)
            transcription = run_aside(transcriber.transcribe, audio, prompt_for(rubric))
        except RehearseError as exc:
            store.update(attempt.id, error=str(exc))
            raise RehearseError(f"{exc}. The recording is kept (attempt {attempt.id}); try "
                                f"again with: rehearse retry {attempt.id}") from None
        return finish(store, attempt.id, rubric, transcription)


@contextmanager
def kept_if_interrupted(store: Store, attempt_id: int) -> Iterator[None]:
    """Ctrl-C while a saved recording is being transcribed or scored: the attempt keeps its
    state (``rehearse history`` offers the retry) and the error says how to finish it later."""
    try:
        yield
    except KeyboardInterrupt:
        store.update(attempt_id, error="interrupted before it was scored")
        raise Interrupted(f"stopped before scoring: the recording is kept as attempt "
                          f"{attempt_id}; finish it with: rehearse retry {attempt_id}") from None


def stored_transcript(attempt: Attempt) -> Transcript:
    if attempt.words:
        return Transcript.from_words([Word(w, s, e) for w, s, e in attempt.words])
    return Transcript(attempt.transcript or "")


def stored_score(attempt: Attempt) -> Score | None:
    """The score as it was stored with the attempt (None before it was scored): shown the same
    whatever happened to the rubric since."""
    return Score.from_dict(attempt.result) if attempt.result else None


@dataclass(frozen=True)
class Rescored:
    changed: int
    unchanged: int
    skipped: int  # no transcript, or no rubric for the topic any more


def rescore_all(store: Store, catalog: Catalog, attempts: Sequence[Attempt]) -> Rescored:
    """Score stored transcripts again with the current rubrics; store what changed."""
    changed = unchanged = skipped = 0
    for attempt in attempts:
        rubric = catalog.rubrics.get(attempt.topic)
        if not attempt.transcript or rubric is None:
            skipped += 1
            continue
        scored = score(stored_transcript(attempt), rubric)
        result = scored.to_dict()
        if attempt.result == result and attempt.rubric == scored.rubric.ref:
            unchanged += 1
            continue
        # the structure notes come from the layers' times: measure delivery again too
        limit = (attempt.delivery or {}).get("limit_s")
        store.update(attempt.id, result=result, rubric=scored.rubric.ref, state="scored",
                     delivery=analyse(scored, attempt.duration_s, limit).to_dict())
        changed += 1
    return Rescored(changed, unchanged, skipped)


def pair_to_compare(store: Store, first: str | None, second: int | None) -> tuple[Attempt, Attempt]:
    """The two attempts ``compare`` means: two ids, or the last two scored of a topic (by
    default the topic practised last). Returns (before, after)."""
    if first is not None and first.isdigit():
        if second is None:
            raise UsageError("give two attempt ids, or a topic")
        if int(first) == second:
            raise UsageError(f"give two different attempts (both are {second})")
        before, after = store.get(int(first)), store.get(second)
        if before.topic != after.topic:  # their layers answer different questions
            raise UsageError(f"attempt {before.id} is {before.topic} and attempt {after.id} is "
                             f"{after.topic}: compare two attempts of one topic ('rehearse "
                             f"history {after.topic}' lists them)")
        return before, after
    if second is not None:
        raise UsageError("give two attempt ids, or one topic")
    if first is None:  # the topic practised last
        newest = store.list(limit=1)
        first = newest[0].topic if newest else None
    scored = [a for a in store.list(first, limit=200, full=True) if a.covered]
    if len(scored) < 2:
        where = f" of {first}" if first else ""
        raise RehearseError(f"need two scored attempts{where} to compare; "
                            "'rehearse history' lists them")
    return scored[1], scored[0]


def compare_attempts(store: Store, catalog: Catalog, first: str | None,
                     second: int | None) -> Comparison:
    """What changed between the attempts ``compare`` was given, layer by layer."""
    from .progress import compare

    if first is not None and not first.isdigit() and not store.list(first, limit=1):
        catalog.require(first)  # "compare nope": a typo, not a topic without attempts
    before, after = pair_to_compare(store, first, second)
    rubric = catalog.rubrics.get(after.topic)
    return compare(before, after, list(rubric.layers) if rubric else list(after.covered))


def playback_start(attempt: Attempt, start: float | None, layer: str | None) -> float:
    """Where ``play`` starts: ``start`` seconds in, where ``layer`` was first heard, or 0."""
    if attempt.audio_path is None:
        raise RehearseError(f"attempt {attempt.id} was typed: there is no recording to play")
    if start is not None and layer is not None:
        raise UsageError("use --from or --layer, not both")
    return layer_start(attempt, layer) if layer is not None else start or 0.0


def layer_start(attempt: Attempt, layer: str) -> float:
    """Where to start playing to hear ``layer`` first said (with half a second of lead-in)."""
    key = layer.replace("-", "_")
    layers = (attempt.result or {}).get("layers", {})
    if key not in layers:
        raise UsageError(f"attempt {attempt.id} has no layer {layer!r}; its layers: "
                         + ", ".join(layers))
    times = [e["time"] for e in layers[key]["matched"] if e.get("time") is not None]
    if not times:
        raise RehearseError(f"{layer} was not heard in attempt {attempt.id}, so there is "
                            "nowhere to start from")
    return max(0.0, min(times) - 0.5)
