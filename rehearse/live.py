"""Recording one spoken answer in the terminal: the live view, and how the user stops it.

Interactive (stdin is a terminal): a rich live line several times a second with the time left,
an input level meter and warnings (silence, clipping); Enter or Ctrl-C stops early and keeps
the answer. Without a terminal it records until the limit. SIGINT/SIGTERM always stop early
and keep what was said.
"""

from __future__ import annotations

import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from rich.console import Console
from rich.live import Live
from rich.text import Text

from .bars import bars
from .capture import Capture, CaptureResult
from .defaults import SILENCE_DBFS
from .timefmt import clock
from .workers import background

REFRESH_PER_SECOND = 8
SILENCE_WARNING_SECONDS = 4.0
_METER_FLOOR_DBFS = -60.0


def meter(levels: list[float], width: int = 12) -> str:
    """A sparkline of recent input levels (dBFS), newest on the right."""
    fractions = [(dbfs - _METER_FLOOR_DBFS) / -_METER_FLOOR_DBFS for dbfs in levels[-width:]]
    return bars(fractions).rjust(width, " ")


def status_line(capture: Capture, limit: float, hint: str | None = None) -> Text:
    line = Text()
    line.append("● REC ", style="bold red")
    line.append(f"{clock(limit - capture.seconds)} left  ", style="bold")
    line.append(meter(list(capture.levels)), style="green")
    if capture.clipping_at is not None and capture.seconds - capture.clipping_at < 2:
        line.append("  too loud: move back from the mic", style="bold yellow")
    elif capture.silent_seconds >= SILENCE_WARNING_SECONDS:
        line.append(f"  silent for {int(capture.silent_seconds)} s: is the mic muted?",
                    style="bold yellow")
    elif capture.levels and capture.levels[-1] > SILENCE_DBFS:
        line.append("  level ok", style="dim")
    if capture.overflows:
        line.append(f"  {capture.overflows} dropped", style="yellow")
    if hint:
        line.append(f"   {hint}", style="italic cyan")
    line.append("   Enter to stop", style="dim")
    return line


@contextmanager
def _stop_on_signals(stop: Callable[[], None]) -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM end the recording but keep it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        stop()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _watch_enter(stop: Callable[[], None], finished: threading.Event) -> None:
    """Stop on Enter. Polls, so the thread ends with the recording and never swallows a line
    meant for the next prompt."""
    def wait() -> None:
        try:
            while not finished.is_set():
                ready, _, _ = select.select([sys.stdin], [], [], 0.1)
                if ready:
                    sys.stdin.readline()
                    stop()
                    return
        except (OSError, ValueError):
            return

    background(wait, "rehearse-enter")


def record(capture: Capture, limit: float, console: Console, interactive: bool,
           hint: Callable[[float], str | None] | None = None) -> CaptureResult:
    """Run ``capture`` to its end and return what was saved. Never loses captured audio.

    ``hint(seconds_recorded)`` may return a short nudge for the live line (``--coach``).
    """
    def stop() -> None:
        capture.stop("stopped")

    with _stop_on_signals(stop):  # from the start to the last sample on disk
        capture.start()
        if not interactive:
            while not capture.wait(0.25):
                pass
        else:
            finished = threading.Event()
            _watch_enter(stop, finished)
            def line() -> Text:
                return status_line(capture, limit, hint(capture.seconds) if hint else None)

            with Live(line(), console=console, transient=True,
                      refresh_per_second=REFRESH_PER_SECOND) as live:
                try:
                    while not capture.wait(1 / REFRESH_PER_SECOND):
                        live.update(line())
                finally:
                    finished.set()
        return capture.result()


def check_microphone(device: str | None, seconds: int, console: Console) -> tuple[Text, bool]:
    """``rehearse mic``: record ``seconds`` from ``device`` into a temporary file and say
    whether anything was heard."""
    import tempfile
    from pathlib import Path

    from .capture import pick_device
    from .report import mic_verdict

    chosen = pick_device(device)
    console.print(f"Listening on {chosen.name} for {seconds} s: say something...")
    with tempfile.TemporaryDirectory() as tmp:
        capture = Capture(Path(tmp) / "mic.wav", chosen, seconds)
        result = record(capture, seconds, console, interactive=False)
    return mic_verdict(result, capture.loudest)
