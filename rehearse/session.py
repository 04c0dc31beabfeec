"""A spoken practice session in the terminal: question (and cue card), recording with the
live view, streamed transcription, the report, and the follow-up drill.

The CLI parses options and calls :func:`speak`; everything here works through the core
modules (capture, transcribe, attempts, followup) and prints with rich.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from rich.console import Console
from rich.text import Text

from .attempts import (
    Outcome,
    finish,
    kept_if_interrupted,
    new_audio_path,
    prompt_for,
    recordings_dir,
    transcribe_recording,
)
from .capture import AudioError, Capture, InputDevice, pick_device
from .errors import Interrupted, RehearseError
from .followup import DEFAULT_SECONDS as FOLLOW_UP_SECONDS
from .followup import FollowUpResult, asked_before, choose, score_answer, skipped
from .live import record
from .report import (
    SPOKEN,
    SPOKEN_IN_A_TERMINAL,
    START_PROMPT,
    card,
    question_header,
    recording_summary,
)
from .rubric import Rubric
from .scoring import score
from .store import Store
from .transcribe import StreamingTranscriber, Transcriber

COACH_AT_SECONDS = 90.0  # the live nudge comes at 1:30 (or at 3/4 of a shorter limit)


@dataclass(frozen=True)
class SpeakOptions:
    seconds: int
    device: str | None = None
    cue: bool = False
    follow_up: bool | None = None  # None: ask when there is a terminal
    follow_up_seconds: int = FOLLOW_UP_SECONDS
    coach: bool = False


class Coach:
    """One quiet hint, late in the answer, naming the first layer not heard yet ("trade-off?")."""

    def __init__(self, rubric: Rubric, stream: StreamingTranscriber, limit: float) -> None:
        self.rubric = rubric
        self.stream = stream
        self.at = min(COACH_AT_SECONDS, 0.75 * limit)
        self.hint: str | None = None
        self._checked_chunks = -1

    def __call__(self, elapsed: float) -> str | None:
        if elapsed < self.at:
            return None
        chunks = self.stream.finished_chunks
        if chunks != self._checked_chunks:  # re-score only when a new chunk was transcribed
            self._checked_chunks = chunks
            partial = score(self.stream.partial().transcript, self.rubric)
            missing = [r.label for r in partial.layers.values() if not r.covered]
            self.hint = f"{missing[0]}?" if missing else None
        return self.hint


def _wait_for_enter(console: Console) -> None:
    try:
        console.print(START_PROMPT)
        input()
    except (EOFError, KeyboardInterrupt):
        raise Interrupted("cancelled before recording: nothing was recorded") from None


@contextmanager
def _or_answer_otherwise(rubric: Rubric) -> Iterator[None]:
    """No microphone to record from: the error also names the answers that need none."""
    try:
        yield
    except AudioError as exc:
        raise AudioError(f"{exc}; or answer without a microphone: rehearse {rubric.id} "
                         "--transcript FILE (typed) or --audio FILE (recorded elsewhere)") from None


def _check_model(transcriber: Transcriber, console: Console, interactive: bool) -> None:
    """Before anyone speaks: can the answer be transcribed? If not, say why and how to fix it,
    and offer to record anyway (without a terminal, record anyway): the recording is kept for
    'rehearse retry'."""
    problem = transcriber.check()
    if problem is None:
        return
    console.print(Text(str(problem), style="yellow"))
    if not interactive:
        console.print(Text("Recording anyway: transcribe it later with 'rehearse retry'.",
                           style="dim"))
        return
    console.print(Text("Record anyway? Your answer is kept, to transcribe later with "
                       "'rehearse retry'. [y/N] ", style="bold"), end="")
    try:
        if input().strip().lower().startswith("y"):
            return
    except (EOFError, KeyboardInterrupt):
        raise Interrupted("cancelled before recording: nothing was recorded") from None
    raise RehearseError("nothing was recorded: fix the model as said above, then try again")


def speak(store: Store, rubric: Rubric, transcriber: Transcriber, options: SpeakOptions,
          console: Console, report: Callable[[Outcome], None] | None = None) -> Outcome:
    """Ask, record, transcribe, score, report (through ``report``), then the follow-up drill.
    Returns the outcome with its report latency and the follow-up answer, if any.

    The attempt row exists before the first sample is captured and the audio is on disk as it
    arrives, so nothing said is lost whatever fails afterwards.
    """
    recordings_dir(store)  # a data home that is not writable fails here, before anyone speaks
    with _or_answer_otherwise(rubric):
        device = pick_device(options.device)
    transcriber.load_in_background()  # while the question is on screen
    interactive = sys.stdin.isatty()
    console.print(question_header(rubric, options.seconds,
                                  SPOKEN_IN_A_TERMINAL if interactive else SPOKEN))
    if options.cue:
        console.print(card(rubric, with_question=False))
    if interactive:
        _wait_for_enter(console)
    _check_model(transcriber, console, interactive)

    path = new_audio_path(store, rubric.id)
    attempt_id = store.add(rubric.id, "microphone", audio_path=path, state="recording",
                           pid=os.getpid(), rubric=rubric.ref, model=transcriber.ref.name)
    stream = StreamingTranscriber(transcriber, prompt_for(rubric))
    coach = Coach(rubric, stream, options.seconds) if options.coach else None
    try:
        with _or_answer_otherwise(rubric):
            result = record(Capture(path, device, options.seconds, on_audio=stream.feed),
                            options.seconds, console, interactive, coach)
    except RehearseError as exc:  # the device would not start: nothing was said yet
        store.update(attempt_id, state="failed", error=str(exc), pid=None)
        if path.exists() and path.stat().st_size <= 44:
            path.unlink()
        raise
    stopped = time.monotonic()
    store.update(attempt_id, state="recorded", duration_s=round(result.seconds, 2), pid=None,
                 overflows=result.overflows, error=result.error)
    console.print(recording_summary(result, attempt_id))
    if result.seconds == 0:
        store.update(attempt_id, state="failed", error=result.error or "no audio captured")
        raise RehearseError(f"no audio was captured from {device.name!r}; "
                            "check the microphone with 'rehearse mic'")
    with kept_if_interrupted(store, attempt_id):
        try:
            transcription, note = transcribe_recording(stream, result, transcriber)
        except RehearseError as exc:
            store.update(attempt_id, error=str(exc))
            raise RehearseError(f"{exc}. Your answer is saved (attempt {attempt_id}); transcribe "
                                f"it later with: rehearse retry {attempt_id}") from None
        outcome = finish(store, attempt_id, rubric, transcription, options.seconds, note)
    outcome = replace(outcome, latency=time.monotonic() - stopped)
    try:
        if report is not None:
            report(outcome)
        follow_up = _follow_up(store, rubric, transcriber, options, console, outcome, device,
                               interactive)
    except KeyboardInterrupt:
        raise Interrupted(f"stopped before the follow-up: attempt {attempt_id} is saved and "
                          f"scored; see it again with: rehearse show {attempt_id}") from None
    return replace(outcome, follow_up=follow_up)


def _follow_up(store: Store, rubric: Rubric, transcriber: Transcriber, options: SpeakOptions,
               console: Console, outcome: Outcome, device: InputDevice,
               interactive: bool) -> FollowUpResult | None:
    attempt_id = outcome.attempt_id
    wanted = interactive if options.follow_up is None else options.follow_up
    if not wanted or outcome.score is None:
        return None
    history = [a.follow_ups for a in store.list(rubric.id, limit=50, full=True)]
    follow_up = choose(rubric, outcome.score, asked_before(history))
    if follow_up is None:
        return None
    console.print(Text.assemble(("Follow-up: ", "bold"), follow_up.question,
                                (f"   ({options.follow_up_seconds} s", "dim"),
                                (", Enter to answer, q to skip)" if interactive else ")", "dim")))
    if interactive:
        try:
            if input().strip().lower().startswith("q"):
                answer = skipped(follow_up)
                store.update(attempt_id, follow_ups=[answer.to_dict()])
                return answer
        except EOFError:
            return None
    path = new_audio_path(store, f"{rubric.id}-follow-up")
    follow_stream = StreamingTranscriber(transcriber, prompt_for(rubric))
    taken = record(Capture(path, device, options.follow_up_seconds,
                           on_audio=follow_stream.feed),
                   options.follow_up_seconds, console, interactive)
    try:
        spoken, _ = transcribe_recording(follow_stream, taken, transcriber)
    except RehearseError as exc:
        raise RehearseError(f"{exc}. The follow-up answer is saved as {path}") from None
    except KeyboardInterrupt:  # kept with the attempt (so 'delete' removes it too), unscored
        kept = FollowUpResult(follow_up, "", [], audio=str(path.relative_to(store.home)))
        store.update(attempt_id, follow_ups=[{**kept.to_dict(), "duration_s": taken.seconds,
                                              "scored": False}])
        raise Interrupted(f"stopped before scoring the follow-up: attempt {attempt_id} is saved "
                          f"and scored (rehearse show {attempt_id}); the follow-up answer is "
                          f"kept in {path}") from None
    answer = score_answer(follow_up, spoken.transcript, rubric,
                          audio=str(path.relative_to(store.home)))
    store.update(attempt_id, follow_ups=[{**answer.to_dict(), "duration_s": taken.seconds}])
    return answer
