"""Microphone capture through sounddevice/PortAudio, written to disk as it arrives.

The PortAudio callback only copies each block into a queue. A writer thread drains the queue:
it mixes to mono, resamples to 16 kHz when the device could not open at that rate, appends to a
16-bit WAV and, every ``FLUSH_SECONDS``, rewrites the header's sizes and syncs, so a crash or
``kill -9`` leaves a complete WAV missing at most the last ``FLUSH_SECONDS`` of the answer.
The same thread hands each 16 kHz float32 chunk to ``on_audio``, so transcription can start
while the user is still speaking.
"""

from __future__ import annotations

import errno
import math
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .defaults import MAX_SECONDS, SAMPLE_RATE, SILENCE_DBFS
from .errors import RehearseError
from .workers import background, join

BLOCK_SECONDS = 0.1  # one PortAudio callback block: 1,600 frames at 16 kHz
FLUSH_SECONDS = 0.5  # audio written since the last header update is what a kill can lose
DEVICE_TIMEOUT_SECONDS = 3.0  # no block for this long: the device stopped delivering
CLIP_PEAK = 0.99  # a block whose peak reaches this (of full scale) counts as clipping


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


_SFC_UPDATE_HEADER_NOW = 0x1060  # libsndfile's sf_command to rewrite the header's sizes


def _commit(out: Any) -> None:
    """Make what was written so far a complete WAV on disk: header sizes, then the data.

    ``SoundFile.flush`` only syncs; the RIFF and data sizes are rewritten by this command
    (soundfile exposes no public call for it). Without it, readers other than libsndfile would
    see an empty file after a crash.
    """
    try:
        import soundfile as sf

        sf._snd.sf_command(out._file, _SFC_UPDATE_HEADER_NOW, sf._ffi.NULL, 0)
    except AttributeError:  # a soundfile without these internals: libsndfile still repairs it
        pass
    out.flush()


def _out_of_space(path: Path) -> bool:
    """After a failed write (libsndfile only says "System error"): is the disk, or the size a
    file may grow to (RLIMIT_FSIZE), used up?"""
    import resource
    import shutil

    try:
        if shutil.disk_usage(path.parent).free < 1_000_000:
            return True
        soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
        return soft != resource.RLIM_INFINITY and path.stat().st_size >= soft - 65_536
    except OSError:
        return False


class AudioError(RehearseError):
    """A microphone or audio-library problem, with its fix."""


def sounddevice() -> Any:
    """Import sounddevice, turning a missing PortAudio into a one-line fix."""
    try:
        import sounddevice as sd
    except OSError:
        raise AudioError(
            "PortAudio library not found: on Debian/Ubuntu run 'sudo apt-get install "
            "libportaudio2' (macOS: 'brew install portaudio')") from None
    return sd


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_rate: float
    hostapi: str
    is_default: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def input_devices() -> list[InputDevice]:
    """Every device that can record, the default one marked."""
    sd = sounddevice()
    try:
        devices = sd.query_devices()
        default = sd.default.device[0]
        hostapis = sd.query_hostapis()
    except sd.PortAudioError as exc:
        raise AudioError(f"cannot list audio devices: {exc}") from None
    if default is None or default < 0:
        try:
            default = sd.query_devices(kind="input")["index"]
        except (sd.PortAudioError, ValueError):
            default = -1
    return [
        InputDevice(d["index"], d["name"], d["max_input_channels"], d["default_samplerate"],
                    hostapis[d["hostapi"]]["name"], d["index"] == default)
        for d in devices if d["max_input_channels"] > 0
    ]


def pick_device(spec: str | None) -> InputDevice:
    """The device to record from: the default input, or ``spec`` as an index or part of a name."""
    devices = input_devices()
    if not devices:
        raise AudioError("no input device found: connect a microphone (or enable it in your "
                         "system's sound settings) and run 'rehearse devices'")
    if spec is None or spec == "":
        for device in devices:
            if device.is_default:
                return device
        return devices[0]
    if spec.strip().isdigit():
        for device in devices:
            if device.index == int(spec):
                return device
        raise AudioError(f"no input device with index {spec}; 'rehearse devices' lists them")
    matches = [d for d in devices if spec.casefold() in d.name.casefold()]
    exact = [d for d in matches if d.name.casefold() == spec.casefold()]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise AudioError(f"no input device named {spec!r}; 'rehearse devices' lists them")
    names = ", ".join(f"{d.index}: {d.name}" for d in matches)
    raise AudioError(f"{spec!r} matches several input devices ({names}); pass its index")


@dataclass(frozen=True)
class CaptureResult:
    path: Path
    seconds: float  # of audio saved
    reason: str  # "limit", "stopped", "interrupted", "device-lost", "disk-full"
    overflows: int  # input blocks the OS dropped because we were too slow (should be 0)
    device_rate: int
    error: str | None = None
    audio_error: str | None = None  # why on_audio (the live transcription) stopped being fed


class Capture:
    """Record one answer from ``device`` into ``path`` (16 kHz mono 16-bit WAV).

    ``start()`` opens the stream; the capture ends by itself at ``max_seconds`` or when the
    device fails, or when ``stop()`` is called. ``result()`` waits for the writer to drain the
    queue and close the file. ``rate``/``channels`` force how the device is opened (tests and
    devices that misreport); by default 16 kHz mono is tried first, then the device's own.
    """

    def __init__(self, path: Path, device: InputDevice, max_seconds: float,
                 on_audio: Callable[[np.ndarray], None] | None = None,
                 rate: int | None = None, channels: int | None = None) -> None:
        if not 0 < max_seconds <= MAX_SECONDS:
            raise AudioError(f"the time limit must be between 1 and {MAX_SECONDS} seconds")
        self.path = path
        self.device = device
        self.max_frames = int(max_seconds * SAMPLE_RATE)
        self.on_audio = on_audio
        self._forced_rate = rate
        self._forced_channels = channels
        self._queue: queue.Queue[bytes | None] = queue.Queue()
        self._done = threading.Event()
        self._reason: str | None = None
        self._error: str | None = None
        self._stream: Any = None
        self._lock = threading.RLock()  # re-entered when Ctrl-C lands while closing
        self._writer: threading.Thread | None = None
        self.frames = 0  # 16 kHz frames written
        self.overflows = 0
        self.rate = SAMPLE_RATE
        self.channels = 1
        self.levels: deque[float] = deque(maxlen=40)  # dBFS of recent blocks, for the meter
        self.silent_seconds = 0.0  # how long the input has been silent, up to now
        self.clipping_at: float | None = None  # capture time of the last clipped block
        self.loudest = -120.0  # dBFS of the loudest block so far
        self.audio_error: str | None = None  # why on_audio was switched off, if it failed

    # -- the PortAudio side ---------------------------------------------------------------
    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        if status.input_overflow:
            self.overflows += 1
        self._queue.put(bytes(indata))

    def _finished(self) -> None:
        # PortAudio ended the stream: by our stop(), or because the device went away.
        if not self._done.is_set() and self._reason is None:
            self._reason = "device-lost"
            self._error = "the input device stopped delivering audio"
        self._queue.put(None)

    def _open(self, sd: Any, rate: int, channels: int) -> Any:
        return sd.RawInputStream(
            samplerate=rate, channels=channels, dtype="int16", device=self.device.index,
            blocksize=int(rate * BLOCK_SECONDS), callback=self._callback,
            finished_callback=self._finished)

    def start(self) -> None:
        sd = sounddevice()
        attempts: list[tuple[int, int]] = []
        if self._forced_rate or self._forced_channels:
            attempts.append((self._forced_rate or SAMPLE_RATE, self._forced_channels or 1))
        else:
            native = int(self.device.default_rate) or 48_000
            attempts += [(SAMPLE_RATE, 1), (native, 1), (native, min(2, self.device.channels))]
        last: Exception | None = None
        for rate, channels in dict.fromkeys(attempts):
            try:
                self._stream = self._open(sd, rate, channels)
            except sd.PortAudioError as exc:  # "Invalid sample rate", "Invalid number of channels"
                last = exc
                continue
            self.rate, self.channels = rate, channels
            break
        else:
            raise AudioError(f"cannot open input device {self.device.name!r}: {last}")
        self._writer = background(self._write_loop, "rehearse-writer")
        with self._lock:
            stream = self._stream
        if stream is None:  # stopped (Ctrl-C) while opening: the writer ends by itself
            return
        try:
            stream.start()
        except sd.PortAudioError as exc:  # e.g. the device is busy
            self.stop("failed")
            join(self._writer)
            raise AudioError(f"cannot start recording from {self.device.name!r}: {exc}") from None

    def stop(self, reason: str = "stopped") -> None:
        """End the capture early; everything captured so far is kept."""
        if self._reason is None:
            self._reason = reason
        self._done.set()
        self._close_stream()

    def _close_stream(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return  # another thread closed it, and will tell the writer when it is done
        try:
            stream.stop()  # waits for the callback's last block
            stream.close()
        except Exception:  # noqa: BLE001 - a vanished device may fail to close; audio is safe
            pass
        self._queue.put(None)  # after every block: the writer drains them all first

    # -- the writer thread ----------------------------------------------------------------
    def _write_loop(self) -> None:
        import soundfile as sf
        import soxr

        resampler = (soxr.ResampleStream(self.rate, SAMPLE_RATE, 1, dtype="float32")
                     if self.rate != SAMPLE_RATE else None)
        since_flush = 0
        try:
            self.path.touch(mode=0o600)  # the recording is readable by the user alone
            with sf.SoundFile(self.path, "w", SAMPLE_RATE, 1, "PCM_16", format="WAV") as out:
                while True:
                    try:  # None: the stream closed (stop, or device gone)
                        block = self._queue.get(timeout=DEVICE_TIMEOUT_SECONDS)
                    except queue.Empty:
                        if self._done.is_set():
                            continue  # stopping: the closing thread sends None shortly
                        self._reason = "device-lost"
                        self._error = "the input device stopped delivering audio"
                        break
                    if block:
                        audio = self._to_mono_16k(block, resampler, last=False)
                        if audio.size and self._write(out, audio):
                            break
                        since_flush += audio.size
                        if since_flush >= FLUSH_SECONDS * SAMPLE_RATE:
                            _commit(out)
                            since_flush = 0
                    if block is None:
                        if resampler is not None:
                            tail = resampler.resample_chunk(np.zeros(0, np.float32), last=True)
                            self._write(out, tail)
                        break
        except Exception as exc:  # noqa: BLE001 - OSError, or libsndfile's RuntimeError
            # A full disk (or quota, or file size limit) stops the capture; what reached the
            # disk before the last header update stays readable.
            full = getattr(exc, "errno", None) in _FULL_ERRNOS or _out_of_space(self.path)
            self._reason = "disk-full" if full else "write-failed"
            self._error = f"could not write {self.path.name}: {' '.join(str(exc).split())}"
        finally:
            if self._reason is None:
                self._reason = "limit"
            self._done.set()

    def _to_mono_16k(self, block: bytes, resampler: Any, last: bool) -> np.ndarray:
        samples = np.frombuffer(block, dtype="<i2").astype(np.float32) / 32768.0
        if self.channels > 1:
            samples = samples.reshape(-1, self.channels).mean(axis=1)
        if resampler is not None:
            samples = resampler.resample_chunk(samples, last=last)
        return samples.astype(np.float32, copy=False)

    def _write(self, out: Any, audio: np.ndarray) -> bool:
        """Append 16 kHz float audio; True when the limit is reached."""
        room = self.max_frames - self.frames
        audio = audio[:room]
        if not audio.size:
            return room <= 0
        pcm = np.clip(np.round(audio * 32768.0), -32768, 32767).astype("<i2")
        out.write(pcm)
        self.frames += audio.size
        self._meter(audio)
        if self.on_audio is not None:
            try:
                self.on_audio(audio)
            except Exception as exc:  # noqa: BLE001 - a consumer bug must not stop the recording
                self.on_audio = None
                self.audio_error = f"{type(exc).__name__}: {exc}"
        if self.frames >= self.max_frames:
            _commit(out)
            self._reason = self._reason or "limit"
            return True
        return False

    def _meter(self, audio: np.ndarray) -> None:
        rms = float(np.sqrt(np.mean(np.square(audio, dtype=np.float64))))
        dbfs = 20 * math.log10(rms) if rms > 1e-9 else -120.0
        self.levels.append(dbfs)
        self.loudest = max(self.loudest, dbfs)
        seconds = audio.size / SAMPLE_RATE
        self.silent_seconds = self.silent_seconds + seconds if dbfs < SILENCE_DBFS else 0.0
        if float(np.max(np.abs(audio))) >= CLIP_PEAK:
            self.clipping_at = self.seconds

    # -- status ---------------------------------------------------------------------------
    @property
    def seconds(self) -> float:
        return self.frames / SAMPLE_RATE

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def result(self) -> CaptureResult:
        """Wait for the writer to drain and close the file; what was captured and why it ended."""
        if not self._done.is_set():
            self.stop()
        if self._writer is not None:
            join(self._writer)
        self._close_stream()
        return CaptureResult(self.path, self.seconds, self._reason or "stopped", self.overflows,
                             self.rate, self._error, self.audio_error)

