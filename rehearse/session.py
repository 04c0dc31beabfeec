"""A spoken practice session in the terminal: question (and cue card), recording with the
live view, streamed transcription, the report, and the follow-up drill.

The CLI parses options and calls :func:`speak`, which runs three steps, each with one job:
:func:`ask` (question, microphone, model), :func:`answer` (record, transcribe, score) and
:func:`follow_up` (the drill). Everything here works through the core modules (capture,
transcribe, attempts, followup) and prints with rich.
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
from .defaults import FOLLOW_UP_SECONDS
from .errors import Interrupted, RehearseError
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
from .workers import read_line

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
        read_line()
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
        if read_line().strip().lower().startswith("y"):
            return
    except (EOFError, KeyboardInterrupt):
        raise Interrupted("cancelled before recording: nothing was recorded") from None
    raise RehearseError("nothing was recorded: fix the model as said above, then try again")


@dataclass(frozen=True)
class Session:
    """One spoken answer's setting, as :func:`ask` prepared it: what each later step needs."""

    store: Store
    rubric: Rubric
    transcriber: Transcriber
    options: SpeakOptions
    console: Console
    device: InputDevice
    interactive: bool  # stdin is a terminal: Enter starts and stops, the follow-up can be skipped


def speak(store: Store, rubric: Rubric, transcriber: Transcriber, options: SpeakOptions,
          console: Console, report: Callable[[Outcome], None] | None = None) -> Outcome:
    """Ask, answer (record, transcribe, score), report (through ``report``), then the
    follow-up drill. Returns the outcome with its report latency and the follow-up answer."""
    session = ask(store, rubric, transcriber, options, console)
    outcome = answer(session)
    try:
        if report is not None:
            report(outcome)
        follow = follow_up(session, outcome)
    except KeyboardInterrupt:
        raise Interrupted(f"stopped before the follow-up: attempt {outcome.attempt_id} is saved "
                          f"and scored; see it again with: rehearse show {outcome.attempt_id}"
                          ) from None
    return replace(outcome, follow_up=follow)


def ask(store: Store, rubric: Rubric, transcriber: Transcriber, options: SpeakOptions,
        console: Console) -> Session:
    """Everything before the first word: a writable data home, a microphone, the question (and
    cue card), Enter in a terminal, and a model that can transcribe (or consent to record
    anyway)."""
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
    return Session(store, rubric, transcriber, options, console, device, interactive)


def answer(session: Session) -> Outcome:
    """Record the answer, transcribe and score it; the outcome carries the report latency.

    The attempt row exists before the first sample is captured and the audio is on disk as it
    arrives, so nothing said is lost whatever fails afterwards.
    """
    store, rubric, transcriber, options = (session.store, session.rubric, session.transcriber,
                                           session.options)
    path = new_audio_path(store, rubric.id)
    attempt_id = store.add(rubric.id, "microphone", audio_path=path, state="recording",
                           pid=os.getpid(), rubric=rubric.ref, model=transcriber.ref.name)
    stream = StreamingTranscriber(transcriber, prompt_for(rubric))
    coach = Coach(rubric, stream, options.seconds) if options.coach else None
    try:
        with _or_answer_otherwise(rubric):
            result = record(Capture(path, session.device, options.seconds, on_audio=stream.feed),
                            options.seconds, session.console, session.interactive, coach)
    except RehearseError as exc:  # the device would not start: nothing was said yet
        store.update(attempt_id, state="failed", error=str(exc), pid=None)
        if path.exists() and path.stat().st_size <= 44:
            path.unlink()
        raise
    stopped = time.monotonic()
    store.update(attempt_id, state="recorded", duration_s=round(result.seconds, 2), pid=None,
                 overflows=result.overflows, error=result.error)
    session.console.print(recording_summary(result, attempt_id))
    if result.seconds == 0:
        store.update(attempt_id, state="failed", error=result.error or "no audio captured")
        raise RehearseError(f"no audio was captured from {session.device.name!r}; "
                            "check the microphone with 'rehearse mic'")
    with kept_if_interrupted(store, attempt_id):
        try:
            transcription, note = transcribe_recording(stream, result, transcriber)
        except RehearseError as exc:
            store.update(attempt_id, error=str(exc))
            raise RehearseError(f"{exc}. Your answer is saved (attempt {attempt_id}); transcribe "
                                f"it later with: rehearse retry {attempt_id}") from None
        outcome = finish(store, attempt_id, rubric, transcription, options.seconds, note)
    return replace(outcome, latency=time.monotonic() - stopped)


def follow_up(session: Session, outcome: Outcome) -> FollowUpResult | None:
    """The follow-up drill after a scored answer: one of the topic's follow-ups (one on a layer
    it missed, if any), skipped with q in a terminal, or recorded, transcribed and scored."""
    store, rubric, options, console = (session.store, session.rubric, session.options,
                                       session.console)
    interactive, attempt_id = session.interactive, outcome.attempt_id
    wanted = interactive if options.follow_up is None else options.follow_up
    if not wanted or outcome.score is None:
        return None
    history = [a.follow_ups for a in store.list(rubric.id, limit=50, full=True)]
    asked = choose(rubric, outcome.score, asked_before(history))
    if asked is None:
        return None
    console.print(Text.assemble(("Follow-up: ", "bold"), asked.question,
                                (f"   ({options.follow_up_seconds} s", "dim"),
                                (", Enter to answer, q Enter to skip)" if interactive else ")", "dim")))
    if interactive:
        try:
            if read_line().strip().lower().startswith("q"):
                answer = skipped(asked)
                store.update(attempt_id, follow_ups=[answer.to_dict()])
                return answer
        except EOFError:
            return None
    path = new_audio_path(store, f"{rubric.id}-follow-up")
    follow_stream = StreamingTranscriber(session.transcriber, prompt_for(rubric))
    taken = record(Capture(path, session.device, options.follow_up_seconds,
                           on_audio=follow_stream.feed),
                   options.follow_up_seconds, console, interactive)
    try:
        spoken, _ = transcribe_recording(follow_stream, taken, session.transcriber)
    except RehearseError as exc:
        raise RehearseError(f"{exc}. The follow-up answer is saved as {path}") from None
    except KeyboardInterrupt:  # kept with the attempt (so 'delete' removes it too), unscored
        kept = FollowUpResult(asked, "", [], audio=str(path.relative_to(store.home)))
        store.update(attempt_id, follow_ups=[{**kept.to_dict(), "duration_s": taken.seconds,
                                              "scored": False}])
        raise Interrupted(f"stopped before scoring the follow-up: attempt {attempt_id} is saved "
                          f"and scored (rehearse show {attempt_id}); the follow-up answer is "
                          f"kept in {path}") from None
    answer = score_answer(asked, spoken.transcript, rubric,
                          audio=str(path.relative_to(store.home)))
    store.update(attempt_id, follow_ups=[{**answer.to_dict(), "duration_s": taken.seconds}])
    return answer
