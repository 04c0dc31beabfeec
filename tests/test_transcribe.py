"""Transcription with the real whisper.load_model path, on a tiny random checkpoint built here.

Random weights say nonsense: these tests assert structure (segments, words, timings in range,
model recorded), never the text.
"""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from rehearse.errors import UsageError
from rehearse.rubric import Catalog, builtin_rubrics_dir
from rehearse.transcribe import (
    AudioFileError,
    ModelError,
    StreamingTranscriber,
    Transcriber,
    Transcription,
    _keep_real_speech,
    build_prompt,
    load_audio,
    pick_engine,
    resolve_model,
    speech_bounds,
)

from .audio_support import (
    PacedFeed,
    mic_home,
    rehearse,
    speech_samples,
)


@pytest.fixture(scope="session")
def transcriber(tiny: Path) -> Transcriber:
    return Transcriber(resolve_model(str(tiny)), temperatures=[0.0])  # random weights: greedy




def assert_words_in_range(result: Transcription, seconds: float) -> None:
    for word in result.words:
        assert isinstance(word.text, str)
        assert isinstance(word.start, float) and isinstance(word.end, float)
        assert 0.0 <= word.start <= word.end <= seconds + 0.5
    starts = [w.start for w in result.words]
    assert starts == sorted(starts)


def test_tiny_checkpoint_transcribes_with_word_timings(
        transcriber: Transcriber, speech: Path, tiny: Path) -> None:
    audio = load_audio(speech)
    result = transcriber.transcribe(audio, build_prompt(["GIL", "CPython"]))
    assert result.model == tiny.name
    assert result.audio_seconds == pytest.approx(len(audio) / 16_000)
    assert result.segments, "whisper returned no segments"
    assert result.words and not result.no_speech
    for segment in result.segments:
        assert {"start", "end", "text", "no_speech_prob", "avg_logprob"} <= set(segment)
    assert_words_in_range(result, result.audio_seconds)
    transcript = result.transcript
    for word, offset in zip(transcript.words, transcript._offsets, strict=True):
        assert transcript.text[offset:].startswith(word.text.strip())


def test_silence_is_no_speech_without_running_the_model(tmp_path: Path) -> None:
    never = Transcriber(resolve_model("tiny.en"))  # not downloaded: must not be needed
    result = never.transcribe(np.zeros(16_000 * 5, np.float32))
    assert result.no_speech and result.words == () and result.audio_seconds == 5.0
    noise = (np.random.default_rng(0).standard_normal(16_000 * 3) * 1e-4).astype(np.float32)
    assert never.transcribe(noise).no_speech


def test_speech_bounds_trim_leading_and_trailing_silence(speech: Path) -> None:
    audio = load_audio(speech)
    padded = np.concatenate([np.zeros(32_000, np.float32), audio, np.zeros(48_000, np.float32)])
    start, end = speech_bounds(padded)
    assert 32_000 - 0.35 * 16_000 <= start <= 32_000 + 0.2 * 16_000
    assert end <= len(padded) - 48_000 + 0.35 * 16_000


def test_phantoms_prompt_leaks_and_loops_are_dropped() -> None:
    prompt = build_prompt(["GIL", "CPython", "multiprocessing"])
    segments = [
        {"text": " Um, so, uh, I think", "no_speech_prob": 0.1, "avg_logprob": -0.3},
        {"text": " The GIL is a mutex.", "no_speech_prob": 0.1, "avg_logprob": -0.3},
        {"text": " Thank you.", "no_speech_prob": 0.9, "avg_logprob": -1.5},
        {"text": " I'm sorry.", "no_speech_prob": 0.2, "avg_logprob": -0.5},
        {"text": " I'm sorry.", "no_speech_prob": 0.2, "avg_logprob": -0.5},
        {"text": " I'm sorry.", "no_speech_prob": 0.2, "avg_logprob": -0.5},
    ]
    kept = [s["text"] for s in _keep_real_speech(segments, prompt)]
    assert kept == [" The GIL is a mutex.", " I'm sorry.", " I'm sorry."]


def test_audio_files_any_rate_and_channels(tmp_path: Path, speech: Path) -> None:
    mono16 = load_audio(speech)
    source, rate = sf.read(speech, dtype="float32")
    stereo = np.stack([source, source], axis=1)
    import soxr

    for fmt, sub, target in (("WAV", "PCM_16", 44_100), ("FLAC", "PCM_24", 48_000),
                             ("OGG", "VORBIS", 22_050)):
        path = tmp_path / f"a.{fmt.lower()}"
        sf.write(path, soxr.resample(stereo, rate, target), target, subtype=sub, format=fmt)
        audio = load_audio(path)
        assert audio.dtype == np.float32 and audio.ndim == 1
        assert abs(len(audio) - len(mono16)) < 16_000 * 0.01
        n = min(len(audio), len(mono16))
        assert np.corrcoef(audio[:n], mono16[:n])[0, 1] > 0.95


@pytest.mark.parametrize(("content", "message"), [
    (b"this is not audio at all", "is not audio that can be read"),
    (b"", "is not audio that can be read"),
])
def test_bad_audio_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "answer.wav"
    path.write_bytes(content)
    with pytest.raises(AudioFileError, match=message) as info:
        load_audio(path)
    assert "\n" not in str(info.value)


def test_truncated_and_overlong_audio(tmp_path: Path, speech: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    truncated = tmp_path / "cut.wav"
    truncated.write_bytes(speech.read_bytes()[:30])
    with pytest.raises(AudioFileError):
        load_audio(truncated)
    monkeypatch.setattr("rehearse.transcribe.MAX_AUDIO_SECONDS", 2)
    with pytest.raises(AudioFileError, match="minutes long"):
        load_audio(speech)
    with pytest.raises(UsageError, match="does not exist"):
        load_audio(tmp_path / "nope.wav")


def test_model_names_paths_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rehearse.ct2convert.PACKAGES", {})  # no installed weights to fall back on
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    assert resolve_model(None).name == "base.en"
    monkeypatch.setenv("REHEARSE_MODEL", "tiny.en")
    assert resolve_model(None).name == "tiny.en" and resolve_model(None).english_only
    with pytest.raises(UsageError, match="unknown Whisper model 'tiny.fr'"):
        resolve_model("tiny.fr")
    with pytest.raises(UsageError, match="does not exist"):
        resolve_model(str(tmp_path / "model.pt"))
    with pytest.raises(UsageError, match="folder without model.bin"):
        resolve_model(str(tmp_path))
    (tmp_path / "faster-whisper-base").mkdir()
    (tmp_path / "faster-whisper-base" / "model.bin").write_bytes(b"")
    folder = resolve_model(str(tmp_path / "faster-whisper-base"))
    assert folder.is_folder and folder.ready and folder.name == "faster-whisper-base"


def test_offline_default_is_the_best_installed_weights(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """base.en is the default; when it is not downloaded, installed weights answer offline."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("REHEARSE_MODEL", raising=False)
    assert resolve_model(None).name == "base"  # scripts/setup installs base and tiny.en
    (tmp_path / "cache" / "whisper").mkdir(parents=True)
    (tmp_path / "cache" / "whisper" / "base.en.pt").write_bytes(b"")
    assert resolve_model(None).name == "base.en"


def test_the_engine_follows_the_model_and_the_setting(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    checkpoint = tmp_path / "m.pt"
    checkpoint.write_bytes(b"")
    assert pick_engine(resolve_model("tiny.en")) == "faster-whisper"  # installed: the default
    assert pick_engine(resolve_model(str(checkpoint))) == "openai-whisper"
    monkeypatch.setenv("REHEARSE_ENGINE", "openai-whisper")
    assert pick_engine(resolve_model("tiny.en")) == "openai-whisper"
    monkeypatch.setenv("REHEARSE_ENGINE", "faster-whisper")
    with pytest.raises(UsageError, match="not .pt checkpoints"):
        pick_engine(resolve_model(str(checkpoint)))
    monkeypatch.setenv("REHEARSE_ENGINE", "fastest")
    with pytest.raises(UsageError, match="REHEARSE_ENGINE must be"):
        pick_engine(resolve_model("tiny.en"))


def test_a_model_that_is_not_cached_and_cannot_be_fetched(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    ref = resolve_model("small.en")  # no weights installed for it
    assert not ref.ready
    with pytest.raises(ModelError) as info:
        Transcriber(ref, engine="openai-whisper").load()
    message = str(info.value)
    assert "'small.en'" in message and str(tmp_path / "cache" / "whisper") in message
    assert "--model PATH" in message and "\n" not in message
    with pytest.raises(ModelError) as info:
        Transcriber(ref, engine="faster-whisper").load()
    message = str(info.value)
    assert "'small.en' is not downloaded" in message and "--model PATH" in message
    assert "\n" not in message


class _Recorder:
    """A transcriber stand-in that records the chunks it is given."""

    def __init__(self) -> None:
        self.ref = resolve_model("tiny.en")
        self.chunks: list[tuple[int, float]] = []

    def transcribe(self, audio: np.ndarray, prompt: str | None = None,
                   offset: float = 0.0) -> Transcription:
        self.chunks.append((len(audio), offset))
        from rehearse.scoring import Word

        return Transcription((Word(" w", offset, offset + 0.1),), "fake", len(audio) / 16_000)


def test_streaming_cuts_in_pauses_and_keeps_offsets() -> None:
    rng = np.random.default_rng(1)
    pieces = []
    for i in range(12):  # 12 "sentences" of 4-7 s with 0.6 s pauses: about 70 s
        pieces.append((rng.standard_normal(int(16_000 * (4 + i % 4))) * 0.1).astype(np.float32))
        pieces.append(np.zeros(int(16_000 * 0.6), np.float32))
    audio = np.concatenate(pieces)
    fake = _Recorder()
    stream = StreamingTranscriber(fake)  # type: ignore[arg-type]
    for i in range(0, len(audio), 1_600):
        stream.feed(audio[i : i + 1_600])
    result = stream.finish()
    lengths = [n for n, _ in fake.chunks]
    assert sum(lengths) == len(audio) and len(fake.chunks) >= 5
    assert max(lengths) <= 25 * 16_000
    position = 0
    for n, offset in fake.chunks:
        assert offset == pytest.approx(position / 16_000)
        position += n
        if position < len(audio):  # every cut falls in silence, not in a word
            assert np.abs(audio[position - 160 : position + 160]).max() == 0
    assert [w.start for w in result.words] == [o for _, o in fake.chunks]
    assert result.audio_seconds == pytest.approx(len(audio) / 16_000)


def test_streaming_cuts_unbroken_speech_at_the_window_limit() -> None:
    audio = (np.random.default_rng(2).standard_normal(16_000 * 60) * 0.1).astype(np.float32)
    fake = _Recorder()
    stream = StreamingTranscriber(fake)  # type: ignore[arg-type]
    for i in range(0, len(audio), 1_600):
        stream.feed(audio[i : i + 1_600])
    stream.finish()
    assert all(n <= 25 * 16_000 for n, _ in fake.chunks)
    assert sum(n for n, _ in fake.chunks) == len(audio)


def _rows(home: Path) -> list[dict]:
    db = sqlite3.connect(home / "rehearse.db")
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute("SELECT * FROM attempts ORDER BY id")]


def test_spoken_path_end_to_end(tmp_path: Path, data_home: Path, tiny: Path, speech: Path) -> None:
    """virtual ALSA microphone (real-time pace) -> WAV -> tiny checkpoint -> report -> attempt.

    The answer is longer than a streaming chunk, so transcription runs while recording goes
    on: no input block may be dropped meanwhile."""
    feed = PacedFeed(tmp_path / "mic.fifo", speech_samples(speech)).start()
    env = {**mic_home(tmp_path / "h", tmp_path / "mic.fifo"), "REHEARSE_HOME": str(data_home),
           "REHEARSE_TEMPERATURE": "0"}
    try:
        proc = rehearse("gil", "--seconds", "9", "--model", str(tiny), "--json", env=env)
    finally:
        feed.stop()
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["attempt"] == 1 and data["source"] == "microphone"
    assert data["model"] == tiny.name and data["duration_s"] == 9.0
    assert data["state"] == "scored"
    assert Path(data["audio"]).is_file() and Path(data["audio"]).is_relative_to(data_home)
    for word in data["words"]:
        assert 0 <= word["start"] <= word["end"] <= 9.5
    assert data["no_speech"] is False and data["words"]
    assert list(data["layers"]) == ["concept", "example", "code", "trade_off"]
    assert isinstance(data["report_latency_s"], float)
    assert data["delivery"]["words"] == len(data["transcript"].split())
    (row,) = _rows(data_home)
    assert row["state"] == data["state"] and row["model"] == tiny.name
    assert row["overflows"] == 0
    assert row["rubric"].startswith("gil@")


def test_audio_file_and_retry(tmp_path: Path, data_home: Path, tiny: Path, speech: Path) -> None:
    env = {**mic_home(tmp_path / "h", tmp_path / "none.raw"), "REHEARSE_HOME": str(data_home),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "REHEARSE_TEMPERATURE": "0"}
    flac = tmp_path / "answer.flac"
    audio, rate = sf.read(speech, dtype="float32")
    sf.write(flac, np.stack([audio, audio], axis=1), rate, format="FLAC")
    ok = rehearse("gil", "--audio", str(flac), "--model", str(tiny), "--json", env=env)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["source"] == "audio" and data["audio"].endswith(".flac")
    assert Path(data["audio"]).read_bytes() == flac.read_bytes()

    bad = tmp_path / "notes.ogg"
    bad.write_text("not audio")
    fail = rehearse("gil", "--audio", str(bad), "--model", str(tiny), env=env)
    assert fail.returncode == 1 and len(fail.stderr.strip().splitlines()) == 1
    assert len(_rows(data_home)) == 1  # nothing stored for a file that is not audio

    retried = rehearse("retry", "1", "--model", str(tiny), "--json", env=env)
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout)["attempt"] == 1
    typed = rehearse("gil", "-t", "-", env=env, stdin="The GIL is a mutex in CPython.")
    assert typed.returncode == 0
    refused = rehearse("retry", "2", env=env)
    assert refused.returncode == 1 and "typed, not recorded" in refused.stderr


def test_follow_up_drill_through_the_virtual_microphone(tmp_path: Path, data_home: Path,
                                                        tiny: Path, speech: Path) -> None:
    feed = PacedFeed(tmp_path / "mic.fifo", speech_samples(speech)).start()
    env = {**mic_home(tmp_path / "h", tmp_path / "mic.fifo"), "REHEARSE_HOME": str(data_home),
           "REHEARSE_TEMPERATURE": "0"}
    try:
        proc = rehearse("gil", "--seconds", "5", "--follow-up", "--follow-up-seconds", "4",
                        "--cue", "--model", str(tiny), "--json", env=env)
    finally:
        feed.stop()
    assert proc.returncode == 0, proc.stderr
    assert "Follow-up: " in proc.stderr and "concept" in proc.stderr  # prompts and card: stderr
    data = json.loads(proc.stdout)
    follow = data["follow_up"]
    questions = [
        "Does the GIL exist in every Python implementation?",
        "Does the GIL block I/O concurrency?",
        "When would you use async instead of threads?",
    ]
    assert follow["question"] in questions and follow["skipped"] is False
    asked = next(f for f in Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil").follow_ups
                 if f.question == follow["question"])
    assert follow["expects"] == list(asked.expects)
    assert follow["covered"] == (len(follow["matched"]) >= asked.needed)
    assert all(m["idea"] in asked.expects for m in follow["matched"])
    assert (data_home / follow["audio"]).is_file()
    (row,) = _rows(data_home)
    stored = json.loads(row["follow_ups"])
    assert stored[0] == {**follow, "duration_s": 4.0}  # what was reported is what was kept


def test_coach_names_the_first_layer_not_heard_once_its_time_comes(gil) -> None:
    """--coach: the live line's hint, from what the streaming transcriber has so far."""
    from types import SimpleNamespace

    from rehearse.live import status_line
    from rehearse.scoring import Transcript
    from rehearse.session import Coach

    heard = ("The GIL is a mutex in CPython, so only one thread runs Python bytecode at a time. "
             "A web service waiting on the database still gains from threads.")
    stream = SimpleNamespace(finished_chunks=1,
                             partial=lambda: SimpleNamespace(transcript=Transcript(heard)))
    coach = Coach(gil, stream, limit=120)  # type: ignore[arg-type]
    assert coach(60.0) is None  # too early: the hint comes at 1:30
    assert coach(95.0) == "code?"  # concept and example heard: the next one missing
    stream.partial = lambda: SimpleNamespace(transcript=Transcript(
        heard + " with Pool() as pool: pool.map(square, nums). But threads do not speed up "
        "CPU-bound work."))
    assert coach(100.0) == "code?"  # no new chunk finished: the same hint, not re-scored
    stream.finished_chunks = 2
    assert coach(101.0) is None  # every layer heard: nothing to say
    assert Coach(gil, stream, limit=20).at == 15.0  # a short answer: at 3/4 of its time  # type: ignore[arg-type]
    capture = SimpleNamespace(seconds=95.0, levels=[-20.0], clipping_at=None, silent_seconds=0.0,
                              overflows=0)
    assert "code?" in status_line(capture, 120, "code?").plain  # type: ignore[arg-type]


def test_a_decoding_loop_is_cut_short_in_text_and_words() -> None:
    said = " def wrapper star star kwargs, return" + " asterisk," * 40 + " the end."
    words = [{"word": " " + w, "start": float(i), "end": i + 0.5}
             for i, w in enumerate(said.split())]
    segment = {"text": said, "no_speech_prob": 0.1, "avg_logprob": -0.3, "words": words}
    (kept,) = _keep_real_speech([segment], None)
    assert kept["text"] == " def wrapper star star kwargs, return asterisk, asterisk, the end."
    assert [w["word"] for w in kept["words"]][-4:] == [" asterisk,", " asterisk,", " the", " end."]
    # the loop's time stays with the last repeat kept: no pause where the cut was
    starts, ends = [w["start"] for w in kept["words"]], [w["end"] for w in kept["words"]]
    assert all(start - end < 1.0 for end, start in zip(ends[:-1], starts[1:], strict=True))
    stars = {"text": " It yields" + " *" * 30 + " done."}
    assert _keep_real_speech([stars], None)[0]["text"] == " It yields * * done."
    (plain,) = _keep_real_speech([{"text": said}], None)  # no word timings
    assert plain["text"] == kept["text"]
    sentence = " only one thread runs at a time."
    assert _keep_real_speech([{"text": sentence * 6}], None)[0]["text"] == sentence * 2
    assert _keep_real_speech([{"text": sentence * 3}], None)[0]["text"] == sentence * 3


def test_a_library_error_in_a_message_is_its_first_sentence_cut_at_a_word() -> None:
    from rehearse.transcribe import _short

    advice = ("Weights only load failed. In PyTorch 2.6, we changed the default value of the "
              "weights_only argument. Re-running `torch.load` with weights_only=False will work")
    assert _short(Exception(advice)) == "Weights only load failed"
    # the reason after a colon is the point: "Error opening 'x.wav': Format not recognised."
    assert _short(Exception("Error opening 'x.wav': Format not recognised.")) \
        == "Error opening 'x.wav': Format not recognised"
    assert _short(Exception("needs a codec, e.g. ffmpeg")) == "needs a codec, e.g. ffmpeg"
    words = " ".join(f"word{i}" for i in range(60))  # one sentence, far too long
    short = _short(Exception(words))
    assert short.endswith("...") and len(short) <= 123 and short[:-3] in words
    assert words.startswith(short[:-3] + " ")  # cut between two words, not inside one


def test_the_warm_up_after_a_background_load_counts_as_model_code(tmp_path: Path) -> None:
    """Ctrl-C at the start prompt may land while the loader thread imports numba and compiles
    word timing: the process must then leave with os._exit, not through an interpreter
    finalization that can hang on a lock that thread holds (seen once in CI: 60 s, no exit)."""
    import threading

    from rehearse.workers import model_code_running

    warming, release = threading.Event(), threading.Event()

    class Engine:
        name = "stub"
        device = None

        def load(self) -> object:
            return object()

        def warm(self) -> None:
            warming.set()
            release.wait(30)

    checkpoint = tmp_path / "model.pt"
    checkpoint.touch()  # never read: the stub engine loads
    transcriber = Transcriber(resolve_model(str(checkpoint)))
    transcriber._engine = Engine()  # type: ignore[assignment]
    transcriber.load_in_background()
    try:
        assert warming.wait(30)
        assert model_code_running()
    finally:
        release.set()
    assert transcriber.check() is None


class _SkippingEngine:
    """A decoder that skips the middle of a long answer, as Whisper does at the start of a
    window; decoding a short stretch on its own hears it. With ``derailed``, the prompt alone
    makes it skip a stretch (heard only without the prompt)."""

    name = "stub"
    device = None

    def __init__(self, derailed: bool = False) -> None:
        self.calls: list[tuple[float, str | None]] = []
        self.derailed = derailed

    def load(self) -> object:
        return object()

    def warm(self) -> None:
        pass

    def segments(self, model: object, audio: np.ndarray, prompt: str | None) -> list[dict]:
        seconds = len(audio) / 16_000
        self.calls.append((seconds, prompt))

        def said(text: str, start: float, end: float) -> dict:
            return {"start": start, "end": end, "text": f" {text}", "no_speech_prob": 0.0,
                    "avg_logprob": -0.2, "words": [{"word": f" {text}", "start": start,
                                                    "end": end}]}

        if seconds > 10:  # the whole answer: its first and last words, nothing between
            return [said("alpha", 0.5, 1.5), said("omega", 11.0, 11.8)]
        if self.derailed and prompt is not None:
            return []
        return [said("middle", 0.2, seconds / 2), said("part", seconds / 2 + 0.1, seconds - 0.3)]


def _noise(seconds: float) -> np.ndarray:
    """Loud "words" of 0.4 s with 0.15 s of quiet between them, as speech has."""
    audio = (np.random.default_rng(3).standard_normal(int(16_000 * seconds)) * 0.1)
    for start in range(6_400, len(audio), 8_800):
        audio[start:start + 2_400] = 0.0
    return audio.astype(np.float32)


@pytest.mark.parametrize("derailed", [False, True])
def test_speech_the_decoder_skipped_is_decoded_again_in_its_place(tmp_path: Path,
                                                                   derailed: bool) -> None:
    checkpoint = tmp_path / "model.pt"
    checkpoint.touch()  # never read: the stub engine decodes
    transcriber = Transcriber(resolve_model(str(checkpoint)))
    engine = _SkippingEngine(derailed)
    transcriber._engine = engine  # type: ignore[assignment]
    result = transcriber.transcribe(_noise(12.0), "Um, so. kwargs.", offset=100.0)
    assert result.text == " alpha middle part omega"
    starts = [w.start for w in result.words]
    assert starts == sorted(starts)
    # the stretch between "alpha" and "omega" was decoded on its own, its times put back
    middle = next(w for w in result.words if w.text.strip() == "middle")
    assert 101.6 <= middle.start <= 102.0
    prompts = [prompt for _, prompt in engine.calls[1:]]
    assert prompts == (["Um, so. kwargs.", None] if derailed else ["Um, so. kwargs."])


def test_a_pause_between_words_is_not_decoded_again(tmp_path: Path) -> None:
    checkpoint = tmp_path / "model.pt"
    checkpoint.touch()
    transcriber = Transcriber(resolve_model(str(checkpoint)))
    engine = _SkippingEngine()
    transcriber._engine = engine  # type: ignore[assignment]
    audio = np.concatenate([_noise(1.6), np.zeros(16_000 * 9, np.float32), _noise(2.4)])
    result = transcriber.transcribe(audio)
    assert result.text == " alpha omega" and len(engine.calls) == 1


def test_a_segment_without_word_timings_covers_its_own_span() -> None:
    from rehearse.transcribe import _unheard

    audio = _noise(12.0)
    assert _unheard(audio, [{"start": 0.0, "end": 12.0, "text": " all of it", "words": []}]) == []
    assert _unheard(audio, []) == [(0, len(audio))]  # nothing heard at all


def test_voiced_audio_with_no_word_heard_is_tried_once_more_without_the_prompt(
        tmp_path: Path) -> None:
    checkpoint = tmp_path / "model.pt"
    checkpoint.touch()
    transcriber = Transcriber(resolve_model(str(checkpoint)))
    engine = _SkippingEngine(derailed=True)
    transcriber._engine = engine  # type: ignore[assignment]
    result = transcriber.transcribe(_noise(8.0), "Um, so. kwargs.")
    assert result.text == " middle part"
    assert [prompt for _, prompt in engine.calls] == ["Um, so. kwargs.", None]
