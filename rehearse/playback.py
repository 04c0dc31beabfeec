"""Playing a stored recording back through sounddevice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .capture import AudioError, sounddevice
from .errors import Interrupted, RehearseError
from .timefmt import clock
from .workers import STEP_SECONDS


def play_file(path: Path, start: float, device: str | None, attempt_id: int) -> float:
    """Play attempt ``attempt_id``'s recording ``path`` from ``start`` seconds to the end.
    Returns seconds played.

    Ctrl-C stops it with an :class:`Interrupted` error naming where it stopped and how to go
    on from there; with no output device, the error names what works instead.
    """
    import time

    import soundfile as sf

    sd = sounddevice()
    if not path.is_file():
        raise RehearseError(f"the recording {str(path)!r} is missing")
    with sf.SoundFile(str(path)) as audio_file:
        rate = audio_file.samplerate
        if start * rate >= audio_file.frames:
            raise RehearseError(f"the recording is only {audio_file.frames / rate:.1f} s long")
        audio_file.seek(int(start * rate))
        audio = audio_file.read(dtype="int16", always_2d=True)
    if device is None and not _has_output(sd):
        raise AudioError(f"no audio output device found: connect speakers or headphones; "
                         f"meanwhile open {str(path)!r} in any audio player (here or on "
                         f"another machine), or read the answer with: rehearse show {attempt_id}")
    began = time.monotonic()
    try:
        sd.play(audio, rate, device=_output_device(sd, device))
        while sd.get_stream().active:  # short steps: Ctrl-C lands (see rehearse.workers)
            time.sleep(STEP_SECONDS)
        sd.wait()
    except KeyboardInterrupt:
        sd.stop()
        at = int(start + time.monotonic() - began)
        raise Interrupted(f"stopped at {clock(at)}; go on from there with: "
                          f"rehearse play {attempt_id} --from {at}") from None
    except sd.PortAudioError as exc:
        raise AudioError(f"cannot play the recording: {exc}") from None
    return len(audio) / rate


def _output_device(sd: object, spec: str | None) -> int | str | None:
    if spec is None:
        return None
    return int(spec) if spec.isdigit() else spec


def _has_output(sd: Any) -> bool:
    try:
        sd.query_devices(kind="output")
    except (sd.PortAudioError, ValueError):
        return False
    return True
