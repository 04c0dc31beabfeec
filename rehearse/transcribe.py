"""Local speech-to-text with openai-whisper (imported lazily: torch costs ~1.5 s to import).

Audio goes in as 16 kHz mono float32, so no ffmpeg is needed: files are read with soundfile and
resampled with soxr. Silence is trimmed before decoding; a recording with no speech is reported
as such instead of being decoded into Whisper's classic "Thank you.". Word timings are kept for
evidence times and pauses.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import threading
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .defaults import DEFAULT_MODEL, ENV_MODEL, MAX_SECONDS, SAMPLE_RATE
from .errors import RehearseError, UsageError
from .scoring import Transcript, Word
from .workers import model_code

# Official names (whisper.available_models()); kept here so that naming one needs no torch import.
MODEL_NAMES = ("tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en", "medium",
               "large-v1", "large-v2", "large-v3", "large", "large-v3-turbo", "turbo")
MAX_AUDIO_SECONDS = MAX_SECONDS  # longer files are refused before they are read into memory
TEMPERATURES = (0.0, 0.4)  # one fallback at most: each retry re-runs the decoder on the window
ENV_TEMPERATURE = "REHEARSE_TEMPERATURE"  # "0": greedy only, no fallback (faster; tests)
FRAME_SECONDS = 0.03  # energy frames for silence trimming (480 samples)
SPEECH_FLOOR_DBFS = -45.0  # a frame must be louder than this (and than the noise floor + 10 dB)
PAD_SECONDS = 0.3  # kept around the speech when trimming
NO_SPEECH_PROB = 0.6  # with a low log-probability, Whisper's own "this is silence" signal
LOW_LOGPROB = -1.0
# whisper decodes what follows a window's last word as a window of its own; under this much audio
# it is the padding after the speech, which real weights primed with a prompt fill with ". . ."
# or "a, a, a" (224 tokens, seconds each, twice with the fallback): it is treated as silence.
MIN_TAIL_SECONDS = 1.0
# What Whisper writes for silence or noise; alone in a transcript, it means nothing was said.
PHANTOMS = frozenset({"thank you", "thanks for watching", "thank you for watching", "you",
                      "bye", "thank you very much", "i'm sorry", "so", "okay"})
DISFLUENCY_HINT = "Um, so, uh, I think, like, hmm."


class ModelError(RehearseError):
    """The Whisper model cannot be loaded; the message says how to get it."""


class AudioFileError(RehearseError):
    """An audio file that cannot be used as an answer."""


def cache_dir() -> Path:
    """Where openai-whisper keeps downloaded models (same rule as ``whisper.load_model``)."""
    base = os.getenv("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "whisper"


@dataclass(frozen=True)
class ModelRef:
    spec: str  # what the user asked for
    path: Path | None  # a checkpoint file, when given as a path
    name: str  # what is recorded with an attempt

    @property
    def cached_file(self) -> Path:
        return self.path if self.path is not None else cache_dir() / f"{self.name}.pt"

    @property
    def ready(self) -> bool:
        """Loadable without network: a checkpoint file, or an official model already downloaded."""
        return self.cached_file.is_file()

    @property
    def english_only(self) -> bool:
        return self.name.endswith(".en")


def resolve_model(spec: str | None = None) -> ModelRef:
    """``--model``, else ``$REHEARSE_MODEL``, else ``base.en``; a name or a checkpoint path."""
    spec = spec or os.environ.get(ENV_MODEL) or DEFAULT_MODEL
    if spec in MODEL_NAMES:
        return ModelRef(spec, None, spec)
    path = Path(spec).expanduser()
    if path.is_file():
        return ModelRef(spec, path.resolve(), path.name)
    if path.suffix == ".pt" or os.sep in spec:
        raise UsageError(f"model checkpoint {spec!r} does not exist")
    raise UsageError(f"unknown Whisper model {spec!r}; use one of {', '.join(MODEL_NAMES)} "
                     "or a path to a .pt checkpoint")


def load_audio(path: Path) -> np.ndarray:
    """Any WAV/FLAC/OGG file as 16 kHz mono float32 in [-1, 1]."""
    import soundfile as sf

    if not path.exists():
        raise UsageError(f"audio file {str(path)!r} does not exist")
    if path.is_dir():
        raise UsageError(f"{str(path)!r} is a folder; pass an audio file")
    try:
        info = sf.info(str(path))
    except (RuntimeError, sf.LibsndfileError, OSError) as exc:
        raise AudioFileError(f"{str(path)!r} is not audio that can be read (WAV, FLAC or OGG): "
                             f"{_short(exc)}") from None
    if info.frames <= 0 or info.samplerate <= 0:
        raise AudioFileError(f"{str(path)!r} holds no audio")
    if info.frames / info.samplerate > MAX_AUDIO_SECONDS:
        raise AudioFileError(
            f"{str(path)!r} is {info.frames / info.samplerate / 60:.0f} minutes long; an answer "
            f"is at most {MAX_AUDIO_SECONDS // 60} minutes: trim it first")
    try:
        audio, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, sf.LibsndfileError, OSError) as exc:
        raise AudioFileError(f"{str(path)!r} could not be decoded (truncated or corrupt?): "
                             f"{_short(exc)}") from None
    return to_16k_mono(audio, rate)


def to_16k_mono(audio: np.ndarray, rate: int) -> np.ndarray:
    if audio.ndim == 2:
        audio = audio.mean(axis=1)
    if rate != SAMPLE_RATE:
        import soxr

        audio = soxr.resample(audio, rate, SAMPLE_RATE)
    return np.ascontiguousarray(audio, dtype=np.float32)


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160]


def speech_bounds(audio: np.ndarray) -> tuple[int, int] | None:
    """(first, last) sample of speech with a little padding, or None when it is all silence."""
    frame = int(FRAME_SECONDS * SAMPLE_RATE)
    dbfs = _frame_dbfs(audio)
    if dbfs.size == 0:
        return None
    floor = float(np.percentile(dbfs, 10))
    loud = np.flatnonzero(dbfs > max(SPEECH_FLOOR_DBFS, floor + 10))
    if loud.size < max(3, int(0.15 / FRAME_SECONDS)):  # under ~0.15 s of sound is not an answer
        return None
    pad = int(PAD_SECONDS * SAMPLE_RATE)
    return max(0, int(loud[0]) * frame - pad), min(len(audio), (int(loud[-1]) + 1) * frame + pad)


@dataclass(frozen=True)
class Transcription:
    """What Whisper heard: the words with times (seconds from the start of the recording)."""

    words: tuple[Word, ...]
    model: str
    audio_seconds: float
    text: str = ""
    segments: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    @property
    def no_speech(self) -> bool:
        return not self.transcript.text.strip()

    @property
    def transcript(self) -> Transcript:
        if self.words:
            return Transcript.from_words(self.words)
        return Transcript(self.text.strip())


def build_prompt(vocabulary: Sequence[str]) -> str:
    """The decoder prompt: a disfluency hint (so fillers survive) and the topic's jargon."""
    terms = ", ".join(dict.fromkeys(v for v in vocabulary if v))
    return f"{DISFLUENCY_HINT} {terms}." if terms else DISFLUENCY_HINT


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())


def load_checkpoint(path: Path, device: str) -> Any:
    """An openai-whisper checkpoint file, as ``whisper.load_model`` loads it, plus the alignment
    heads (for word timings) that a converted checkpoint carries (see :mod:`rehearse.ct2convert`);
    without them whisper times words with all heads of the upper half of the decoder."""
    import base64
    import gzip

    import torch
    from whisper.model import ModelDimensions, Whisper

    checkpoint = torch.load(path, map_location=device, weights_only=True)
    model = Whisper(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict(checkpoint["model_state_dict"])
    heads = checkpoint.get("alignment_heads")
    if heads:
        mask = np.zeros((model.dims.n_text_layer, model.dims.n_text_head), dtype=bool)
        for layer, head in heads:
            mask[layer, head] = True
        model.set_alignment_heads(base64.b85encode(gzip.compress(mask.tobytes())))
    return model.to(device)


class Transcriber:
    """A Whisper model, loaded once (in the background while the question is on screen)."""

    def __init__(self, model: ModelRef, device: str | None = None,
                 temperatures: Sequence[float] | None = None) -> None:
        self.ref = model
        self._device = device
        self.temperatures = tuple(temperatures) if temperatures is not None else _temperatures()
        self._model: Any = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._loader: threading.Thread | None = None
        self._settled = threading.Event()  # the background load ended, loaded or not

    @property
    def device(self) -> str:
        return self._device or "cpu"

    def load_in_background(self) -> None:
        if self._loader is None and self._model is None:
            self._loader = threading.Thread(target=self._load_quietly, name="rehearse-model",
                                            daemon=True)
            self._loader.start()

    def _load_quietly(self) -> None:
        try:
            self.load()
        except BaseException as exc:  # noqa: BLE001 - re-raised by the next load()
            self._error = exc
            return
        finally:
            self._settled.set()
        _warm_word_timing()  # not waited for by check(): the user may start speaking

    def check(self) -> RehearseError | None:
        """Wait until the model is loaded (starting the load if needed): None, or the error
        that stops it from loading, which the next :meth:`load` still raises."""
        if self._model is not None:
            return None
        self.load_in_background()
        while not self._settled.wait(0.1):  # a short wait: Ctrl-C lands between two
            pass
        error = self._error
        if error is None or isinstance(error, RehearseError):
            return error
        return ModelError(f"cannot load Whisper model {self.ref.spec!r}: "
                          f"{type(error).__name__}: {_short(error)}")

    @model_code()
    def load(self) -> Any:
        """The loaded model; raises :class:`ModelError` with the fix when it cannot be had."""
        with self._lock:
            if self._model is not None:
                return self._model
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import torch
                import whisper

                device = self._device or ("cuda" if torch.cuda.is_available() else "cpu")
                self._device = device
                try:
                    if self.ref.path is not None:
                        model = load_checkpoint(self.ref.path, device)
                    else:
                        model = whisper.load_model(self.ref.name, device=device,
                                                   download_root=str(cache_dir()))
                except (OSError, ValueError) as exc:  # urllib's URLError is an OSError
                    if self.ref.path is not None:
                        raise ModelError(f"cannot load Whisper checkpoint {str(self.ref.path)!r}: "
                                         f"{_short(exc)}") from None
                    raise ModelError(
                        f"Whisper model {self.ref.name!r} is not downloaded (looked in "
                        f"{str(cache_dir())!r}) and could not be fetched ({_short(exc)}); run "
                        "once with network access, or pass --model PATH to a downloaded .pt "
                        "file") from None
                except Exception as exc:  # noqa: BLE001 - not a checkpoint (pickle, zip errors)
                    raise ModelError(f"cannot load Whisper model {self.ref.spec!r}: "
                                     f"{type(exc).__name__}: {_short(exc)}") from None
            self._model = model
            return model

    @model_code()
    def transcribe(self, audio: np.ndarray, prompt: str | None = None,
                   offset: float = 0.0) -> Transcription:
        """Transcribe 16 kHz mono float32 ``audio``; times are shifted by ``offset`` seconds."""
        seconds = len(audio) / SAMPLE_RATE
        bounds = speech_bounds(audio)
        if bounds is None:
            return Transcription((), self.ref.name, seconds)
        start, end = bounds
        model = self.load()
        options: dict[str, Any] = {
            "temperature": self.temperatures,
            "compression_ratio_threshold": 2.4,
            "logprob_threshold": LOW_LOGPROB,
            "no_speech_threshold": NO_SPEECH_PROB,
            "condition_on_previous_text": False,  # stops "I'm sorry" loops from carrying over
            "initial_prompt": prompt,
            "carry_initial_prompt": prompt is not None,
            "word_timestamps": True,
            "fp16": self.device.startswith("cuda"),
            "verbose": None,
        }
        if self.ref.english_only:
            options["language"] = "en"
        with warnings.catch_warnings(), _tails_skipped(model):
            warnings.simplefilter("ignore")
            result = model.transcribe(audio[start:end], **options)
        shift = offset + start / SAMPLE_RATE
        segments = _keep_real_speech(result.get("segments", []), prompt)
        words: list[Word] = []
        for segment in segments:
            for w in segment.get("words") or ():
                if not math.isfinite(w["start"]) or not math.isfinite(w["end"]):
                    continue
                words.append(Word(w["word"], round(float(w["start"]) + shift, 2),
                                  round(float(w["end"]) + shift, 2)))
        text = "".join(s.get("text", "") for s in segments)
        if _norm(text) in PHANTOMS:
            words, text, segments = [], "", []
        return Transcription(tuple(words), self.ref.name, seconds, text, tuple(segments))


class StreamingTranscriber:
    """Transcribe finished parts of an answer while the speaker is still talking.

    ``feed`` (called from the capture thread with each 16 kHz block) only buffers; once at least
    ``MIN_CHUNK_SECONDS`` are buffered, the buffer is cut in the latest pause and handed to a
    worker thread (at ``MAX_CHUNK_SECONDS`` it is cut anyway, at its quietest moment). After the
    stop, ``finish`` transcribes only the tail, so the report comes seconds later.
    """

    MIN_CHUNK_SECONDS = 6.0
    MAX_CHUNK_SECONDS = 25.0  # under Whisper's 30 s window
    PAUSE_SECONDS = 0.3  # a gap this long is a safe place to cut between words

    def __init__(self, transcriber: Transcriber, prompt: str | None = None) -> None:
        self.transcriber = transcriber
        self.prompt = prompt
        self._pending: list[np.ndarray] = []
        self._pending_samples = 0
        self._offset_samples = 0  # where the pending audio starts in the recording
        self._jobs: list[tuple[np.ndarray, int]] = []
        self._results: list[Transcription] = []
        self._error: BaseException | None = None
        self._wake = threading.Condition()
        self._closed = False
        self._worker = threading.Thread(target=self._work, name="rehearse-transcriber",
                                        daemon=True)
        self._worker.start()

    def feed(self, audio: np.ndarray) -> None:
        self._pending.append(audio)
        self._pending_samples += len(audio)
        if self._pending_samples < self.MIN_CHUNK_SECONDS * SAMPLE_RATE:
            return
        buffer = np.concatenate(self._pending)
        cut = _pause_cut(buffer, int(self.MIN_CHUNK_SECONDS * SAMPLE_RATE),
                         int(self.PAUSE_SECONDS / FRAME_SECONDS))
        if cut is None and len(buffer) >= self.MAX_CHUNK_SECONDS * SAMPLE_RATE:
            cut = _quietest_cut(buffer, int(self.MAX_CHUNK_SECONDS * SAMPLE_RATE))
        if cut is None:
            self._pending = [buffer]
            return
        self._submit(buffer[:cut])
        rest = buffer[cut:]
        self._pending, self._pending_samples = [rest], len(rest)

    def _submit(self, chunk: np.ndarray) -> None:
        with self._wake:
            self._jobs.append((chunk, self._offset_samples))
            self._offset_samples += len(chunk)
            self._wake.notify()

    def _work(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._closed:
                    self._wake.wait()
                if not self._jobs:
                    return
                chunk, offset = self._jobs.pop(0)
            if self._error is not None:
                continue
            try:
                self._results.append(self.transcriber.transcribe(
                    chunk, self.prompt, offset / SAMPLE_RATE))
            except BaseException as exc:  # noqa: BLE001 - raised from finish()
                self._error = exc

    def cancel(self) -> None:
        """Drop what is not transcribed yet; the worker ends after the chunk it is on."""
        with self._wake:
            self._jobs.clear()
            self._pending, self._pending_samples = [], 0
            self._closed = True
            self._wake.notify()

    @property
    def finished_chunks(self) -> int:
        return len(self._results)

    def partial(self) -> Transcription:
        """What has been transcribed so far (the live coach reads it)."""
        done = list(self._results)
        return merge(done, self.transcriber.ref.name, sum(r.audio_seconds for r in done))

    def finish(self) -> Transcription:
        """Transcribe what is left and return the whole answer's transcription."""
        if self._pending_samples:
            self._submit(np.concatenate(self._pending))
            self._pending, self._pending_samples = [], 0
        with self._wake:
            self._closed = True
            self._wake.notify()
        try:
            self._worker.join()
        except KeyboardInterrupt:
            self.cancel()
            raise
        if isinstance(self._error, RehearseError):
            raise self._error
        if self._error is not None:
            raise RehearseError(f"transcription failed ({type(self._error).__name__}: "
                                f"{_short(self._error)})")
        return merge(self._results, self.transcriber.ref.name,
                     self._offset_samples / SAMPLE_RATE)


def merge(parts: Sequence[Transcription], model: str, seconds: float) -> Transcription:
    words = tuple(w for part in parts for w in part.words)
    text = "".join(part.text for part in parts)
    segments = tuple(s for part in parts for s in part.segments)
    return Transcription(words, model, seconds, text, segments)


def _frame_dbfs(audio: np.ndarray) -> np.ndarray:
    frame = int(FRAME_SECONDS * SAMPLE_RATE)
    count = len(audio) // frame
    frames = audio[: count * frame].astype(np.float64).reshape(count, frame)
    return 20 * np.log10(np.maximum(np.sqrt(np.mean(frames**2, axis=1)), 1e-9))


def _pause_cut(audio: np.ndarray, minimum: int, pause_frames: int) -> int | None:
    """The sample in the middle of the latest pause after ``minimum`` samples, if any."""
    dbfs = _frame_dbfs(audio)
    threshold = min(-30.0, float(np.percentile(dbfs, 20)) + 6)
    quiet = dbfs < threshold
    frame = int(FRAME_SECONDS * SAMPLE_RATE)
    run = 0
    best: int | None = None
    for i in range(len(quiet)):
        run = run + 1 if quiet[i] else 0
        if run >= pause_frames and (i + 1) * frame >= minimum:
            best = (i + 1 - run // 2) * frame
    return best


def _quietest_cut(audio: np.ndarray, limit: int) -> int:
    """The quietest frame in the last two seconds before ``limit`` samples."""
    frame = int(FRAME_SECONDS * SAMPLE_RATE)
    dbfs = _frame_dbfs(audio[:limit])
    window = int(2.0 / FRAME_SECONDS)
    start = max(0, len(dbfs) - window)
    return (start + int(np.argmin(dbfs[start:]))) * frame


def _temperatures() -> tuple[float, ...]:
    value = os.environ.get(ENV_TEMPERATURE)
    if not value:
        return TEMPERATURES
    try:
        return tuple(float(v) for v in value.split(","))
    except ValueError:
        raise UsageError(f"{ENV_TEMPERATURE} must be numbers separated by commas, e.g. "
                         f"'0' or '0,0.4'; got {value!r}") from None


def _keep_real_speech(segments: list[dict[str, Any]], prompt: str | None) -> list[dict[str, Any]]:
    """Drop what is not the speaker: silence decoded as words, the prompt leaking, loops."""
    prompt_norm = _norm(prompt or "")
    kept: list[dict[str, Any]] = []
    for segment in segments:
        text = _norm(segment.get("text", ""))
        if not text:
            continue
        if (segment.get("no_speech_prob", 0.0) > NO_SPEECH_PROB
                and segment.get("avg_logprob", 0.0) < LOW_LOGPROB):
            continue
        if prompt_norm and len(text.split()) >= 3 and text in prompt_norm:
            continue
        if len(kept) >= 2 and all(_norm(k.get("text", "")) == text for k in kept[-2:]):
            continue  # the same sentence a third time in a row: a decoding loop
        kept.append(segment)
    return kept


@contextlib.contextmanager
def _tails_skipped(model: Any) -> Iterator[None]:
    """While one ``model.transcribe`` runs, a window after the first that holds under
    ``MIN_TAIL_SECONDS`` of audio is reported as silence without decoding it.

    whisper pads a window's mel frames with exact zeros after the audio (``pad_or_trim``), so the
    trailing all-zero frames tell how much audio a window holds. A fallback re-decode passes the
    same tensor again, so the first window is known by identity.
    """
    from whisper.audio import FRAMES_PER_SECOND
    from whisper.decoding import DecodingResult

    own = "decode" in vars(model)
    decode = model.decode
    first: list[Any] = []

    def guarded(mel: Any, options: Any) -> Any:
        if not first:
            first.append(mel)
        if mel.ndim == 2 and mel is not first[0]:
            filled = mel.abs().sum(dim=0).nonzero()
            frames = int(filled[-1]) + 1 if len(filled) else 0
            if frames < MIN_TAIL_SECONDS * FRAMES_PER_SECOND:
                return DecodingResult(audio_features=None, language=options.language or "en",
                                      tokens=[], text="", avg_logprob=-10.0, no_speech_prob=1.0,
                                      temperature=options.temperature, compression_ratio=0.0)
        return decode(mel, options)

    model.decode = guarded
    try:
        yield
    finally:
        if own:
            model.decode = decode
        else:
            del model.decode  # the class's own method again


@model_code()
def _warm_word_timing() -> None:
    """Compile whisper's numba DTW now (~3 s once per process), not after the user stops."""
    try:
        import torch
        from whisper.timing import dtw

        dtw(torch.zeros((4, 4)))
    except Exception:  # noqa: BLE001 - only a warm-up; word timing compiles on first use anyway
        pass
