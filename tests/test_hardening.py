"""Faults and bad input, tried on purpose: each must end in one line, with nothing lost."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rehearse.errors import RubricError
from rehearse.rubric import parse_rubric
from rehearse.scoring import score
from rehearse.text import normalize, parse_phrase, tokenize

from .audio_support import (
    PacedFeed,
    mic_home,
    rehearse,
    speech_samples,
)


def one_line_error(proc: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rehearse: "), proc.stderr
    return lines[0]


# -- doctor ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_doctor_names_what_is_missing_and_how_to_get_it(tmp_path: Path, data_home: Path) -> None:
    (tmp_path / "empty").mkdir()
    env = {**os.environ, "HOME": str(tmp_path / "empty"), "REHEARSE_HOME": str(data_home),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "REHEARSE_MODEL": "base.en"}
    proc = rehearse("doctor", env=env)
    assert proc.returncode == 1
    out = proc.stdout
    assert "✓ PortAudio: PortAudio V19" in out
    assert "✗ microphone: no input device" in out and "rehearse devices" in out
    flat = "".join(out.split("\n"))  # undo rich's wrapping at 80 columns
    assert "✗ Whisper model: base.en (not downloaded); cached in " in flat
    assert f"{tmp_path / 'cache' / 'whisper'}: none" in flat and "--model PATH" in flat
    assert "installed weights: tiny.en, base" in flat and "engine: faster-whisper" in flat
    assert "--model NAME (installed here: tiny.en, base)" in flat
    assert "✓ data home" in out and "✓ rubrics: 10 valid" in out
    data = json.loads(rehearse("doctor", "--json", env=env).stdout)
    assert data["ok"] is False
    assert {c["name"]: c["ok"] for c in data["checks"]} == {
        "PortAudio": True, "microphone": False, "Whisper model": False, "data home": True,
        "rubrics": True}


def test_doctor_all_good_with_a_mic_and_a_model(tmp_path: Path, data_home: Path, tiny: Path,
                                                speech: Path) -> None:
    infile = tmp_path / "in.raw"
    speech_samples(speech).tofile(infile)
    env = {**mic_home(tmp_path / "h", infile), "REHEARSE_HOME": str(data_home),
           "REHEARSE_MODEL": str(tiny)}
    proc = rehearse("doctor", env=env)
    assert proc.returncode == 0, proc.stdout
    assert "✓ microphone: default: heard sound" in proc.stdout


@pytest.mark.slow
def test_doctor_flags_a_broken_rubric(tmp_path: Path, data_home: Path) -> None:
    (data_home / "rubrics").mkdir(parents=True)
    (data_home / "rubrics" / "star.toml").write_text("id = 'star'\ntitle = 3\n")
    proc = rehearse("doctor", "--no-listen", "--json", env={**os.environ,
                                                            "REHEARSE_HOME": str(data_home)})
    checks = {c["name"]: c for c in json.loads(proc.stdout)["checks"]}
    assert not checks["rubrics"]["ok"] and "star.toml" in checks["rubrics"]["fix"]


# -- faults ---------------------------------------------------------------------------------

def test_kill_9_during_transcription_leaves_a_recoverable_attempt(
        tmp_path: Path, data_home: Path, tiny: Path, speech: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home), "REHEARSE_TEMPERATURE": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "rehearse", "gil", "--audio", str(speech),
                             "--model", str(tiny)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    db = data_home / "rehearse.db"
    deadline = time.monotonic() + 60
    rows: list[tuple[str]] = []
    while time.monotonic() < deadline and rows != [("recorded",)]:
        time.sleep(0.01)
        try:
            with sqlite3.connect(db) as conn:
                rows = conn.execute("SELECT state FROM attempts").fetchall()
        except sqlite3.OperationalError:  # not created yet
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert rows == [("recorded",)], "never saw the attempt before transcription"
    listed = json.loads(rehearse("history", "--json", env=env).stdout)["attempts"]
    assert listed[0]["state"] == "recorded"
    assert "not transcribed: rehearse retry 1" in rehearse("history", env=env).stdout
    retried = rehearse("retry", "1", "--model", str(tiny), "--json", env=env)
    assert retried.returncode == 0, retried.stderr
    assert json.loads(retried.stdout)["state"] == "scored"


def test_a_full_disk_while_recording_stops_cleanly_and_keeps_the_audio(
        tmp_path: Path, data_home: Path, tiny: Path, speech: Path) -> None:
    infile = tmp_path / "in.raw"
    np.tile(speech_samples(speech), 3).tofile(infile)
    env = {**mic_home(tmp_path / "h", infile), "REHEARSE_HOME": str(data_home),
           "REHEARSE_TEMPERATURE": "0"}
    limit = 200_000  # bytes a file may grow to: ~6 s of 16 kHz 16-bit audio

    def small_disk() -> None:  # a size-limited file stands in for a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "rehearse", "gil", "--seconds", "30",
                           "--model", str(tiny), "--json"], env=env, preexec_fn=small_disk,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "the disk is full; what was captured is kept" in " ".join(proc.stderr.split())
    data = json.loads(proc.stdout)
    assert 5.0 < data["duration_s"] < 6.3 and data["state"] == "scored"
    audio, rate = sf.read(data["audio"], dtype="int16")
    assert rate == 16_000 and len(audio) >= 5 * 16_000
    assert np.array_equal(audio, speech_samples(speech)[: len(audio)])


@pytest.mark.slow
def test_a_corrupt_database_is_one_line_and_the_audio_is_untouched(data_home: Path) -> None:
    (data_home / "recordings").mkdir(parents=True)
    wav = data_home / "recordings" / "gil.wav"
    wav.write_bytes(b"RIFF....WAVE")
    (data_home / "rehearse.db").write_bytes(b"\x00garbage" * 512)
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    for args in (["history"], ["progress"], ["gil", "-t", "-"]):
        line = one_line_error(rehearse(*args, env=env, stdin="The GIL is a mutex."))
        assert "is unreadable" in line and "recordings are safe" in line
        assert "move the database aside" in line
    assert wav.read_bytes() == b"RIFF....WAVE"


# -- bad input ------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("content", [b"", b"RIFF\x00\x00\x00\x00WAVE", b"\x89PNG\r\n\x1a\n" * 40])
def test_non_audio_and_empty_audio(tmp_path: Path, data_home: Path, content: bytes) -> None:
    path = tmp_path / "answer.wav"
    path.write_bytes(content)
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    line = one_line_error(rehearse("gil", "--audio", str(path), env=env))
    assert "answer.wav" in line
    assert not (data_home / "recordings").exists() or not list((data_home / "recordings").iterdir())


def test_silent_audio_says_no_speech_and_is_kept(tmp_path: Path, data_home: Path,
                                                 tiny: Path) -> None:
    silent = tmp_path / "silence.wav"
    sf.write(silent, np.zeros(16_000 * 3, np.int16), 16_000)
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    proc = rehearse("gil", "--audio", str(silent), "--model", str(tiny), env=env)
    assert proc.returncode == 0
    assert "No speech detected" in proc.stdout and "0 of 4" not in proc.stdout
    assert "Transcribing 0:03 of audio as attempt 1..." in proc.stdout  # not a silent wait
    assert "rehearse mic" not in proc.stdout  # a file's fault, not the microphone's
    assert "Check that the file holds the spoken answer (rehearse play 1" in proc.stdout
    listed = json.loads(rehearse("history", "--json", env=env).stdout)["attempts"]
    assert listed[0]["state"] == "empty" and Path(listed[0]["audio"]).is_file()


@pytest.mark.slow
@pytest.mark.parametrize(("args", "expected"), [
    (["../../etc/passwd", "-t", "-"], "unknown topic '../../etc/passwd'"),
    (["card", "../../etc/passwd"], "unknown topic '../../etc/passwd'"),
    (["show", "../../etc/passwd"], "'../../etc/passwd' is not a valid int"),
    (["play", "1/../../x"], "'1/../../x' is not a valid int"),
])
def test_names_that_try_to_escape_their_folders(data_home: Path, args: list[str],
                                                expected: str) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    assert expected in one_line_error(rehearse(*args, env=env, stdin="x"), 2)
    assert not list(data_home.rglob("passwd"))


@pytest.mark.slow
def test_history_of_a_topic_named_like_a_path_is_an_unknown_topic(data_home: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    assert "unknown topic '../../etc'" in one_line_error(rehearse("history", "../../etc", env=env),
                                                         code=2)
    assert sorted(p.name for p in data_home.iterdir()) == ["rehearse.db"]  # nothing else made


@pytest.mark.slow
def test_binary_transcript_and_a_huge_one(tmp_path: Path, data_home: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    binary = tmp_path / "bin.txt"
    binary.write_bytes(os.urandom(4000) + b"\x00")
    assert "binary" in one_line_error(rehearse("gil", "-t", str(binary), env=env))
    assert "larger than" in one_line_error(
        rehearse("gil", "-t", "-", env=env, stdin="word " * 100_000))


# -- fuzzing --------------------------------------------------------------------------------

WORDS = st.characters(categories=["L", "N", "Zs", "P", "S"])  # words, punctuation, code symbols
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@FUZZ
@given(st.text())
def test_normaliser_spans_are_ordered_and_whitespace_does_not_change_it(text: str) -> None:
    tokens = tokenize(text)
    for before, token in zip([None, *tokens], tokens, strict=False):
        assert token.text and token.start < token.end
        assert before is None or before.start <= token.start
    assert normalize(f" {text}\n") == normalize(text) == " ".join(t.text for t in tokens)


@FUZZ
@given(st.text(max_size=400))
def test_scorer_never_fails_scores_in_range_and_is_deterministic(gil, text: str) -> None:
    first = score(text, gil)
    for layer in first.layers.values():
        assert 0.0 <= layer.score <= 1.0
        for evidence in layer.matched:
            assert 0 <= evidence.start <= evidence.end <= len(text)
    assert score(text, gil).to_dict() == first.to_dict()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4), max_leaves=12)


@pytest.mark.slow
@FUZZ
@given(st.dictionaries(st.sampled_from(["id", "title", "question", "version", "terms", "layers",
                                        "follow_ups", "vocabulary", "other"]), json_values))
def test_rubric_loader_rejects_anything_malformed_with_a_rubric_error(data: dict) -> None:
    # Random values never make the required layers (each with a cue and evidence), so every
    # one of these is refused, with the file named, and never with another exception.
    with pytest.raises(RubricError) as refused:
        parse_rubric(data, "fuzz.toml", default_id="fuzz")
    assert str(refused.value).startswith("fuzz.toml: ")


@pytest.mark.slow
@FUZZ
@given(st.text(max_size=60), st.lists(st.text(WORDS, max_size=30), min_size=1, max_size=3))
@example("0", ["0%0%%%%0"])  # one word said again and again: its in-order match lies deep
@example("0", ["0("])  # an old-form phrase said as a line of code
def test_a_rubric_phrase_said_word_for_word_covers_its_layer(cue: str, phrases: list[str]) -> None:
    data = {"id": "fuzz", "title": "t", "question": "q?",
            "layers": {"concept": {"cue": cue, "evidence": [{"idea": "i", "phrases": phrases}]}}}
    try:
        rubric = parse_rubric(data, "fuzz.toml")
    except RubricError as exc:  # refused: the message says which key
        assert str(exc).startswith("fuzz.toml: layers.concept.")
        return
    for phrase in phrases:  # as the rubric shows it: the optional-word marks left out
        said = parse_phrase(phrase, rubric.term_map).text
        assert score(said, rubric).layers["concept"].covered, phrase


# -- privacy --------------------------------------------------------------------------------

NO_NETWORK = '''
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_every_command_works_with_sockets_blocked(tmp_path: Path, data_home: Path, tiny: Path,
                                                  speech: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(NO_NETWORK)
    infile = tmp_path / "in.raw"
    speech_samples(speech).tofile(infile)
    env = {**mic_home(tmp_path / "h", infile), "REHEARSE_HOME": str(data_home),
           "PYTHONPATH": str(blocker), "REHEARSE_MODEL": str(tiny), "REHEARSE_TEMPERATURE": "0"}
    check = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(1)"],
                           env=env, capture_output=True, text=True)
    assert "network access attempted" in check.stderr  # the blocker is in force
    commands = [
        ["--help"], ["topics"], ["card", "gil"], ["gil", "-t", "-"], ["gil", "--seconds", "3"],
        ["gil", "--audio", str(speech)], ["history"], ["show", "1"], ["compare", "1", "2"],
        ["progress"], ["plan"], ["rescore", "--all"], ["retry", "2"], ["devices"],
        ["mic", "--seconds", "1"], ["doctor"], ["rubric", "check"],
        ["export", "--all", "--html", str(tmp_path / "review")], ["delete", "1", "--yes"],
    ]
    for args in commands:
        proc = rehearse(*args, env=env, stdin="The GIL is a mutex in CPython.")
        assert proc.returncode == 0, (args, proc.stderr)
        assert "network access attempted" not in proc.stderr, args


def test_data_home_database_and_recordings_are_owner_only(tmp_path: Path, data_home: Path,
                                                          speech: Path) -> None:
    env = {**mic_home(tmp_path / "h", tmp_path / "in.raw"), "REHEARSE_HOME": str(data_home)}
    speech_samples(speech).tofile(tmp_path / "in.raw")
    rehearse("gil", "--seconds", "2", "--model", "small.en", env=env)  # model missing: kept
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(data_home) == 0o700 and mode(data_home / "recordings") == 0o700
    assert mode(data_home / "rehearse.db") == 0o600
    (wav,) = (data_home / "recordings").glob("*.wav")
    assert mode(wav) == 0o600


# -- concurrency ----------------------------------------------------------------------------

def test_history_and_rescore_while_recording_lose_nothing(tmp_path: Path, data_home: Path,
                                                          speech: Path) -> None:
    env = {**mic_home(tmp_path / "h", tmp_path / "mic.fifo"), "REHEARSE_HOME": str(data_home)}
    for i in range(5):
        rehearse("gil", "-t", "-", env=env, stdin=f"The GIL is a mutex in CPython. {i}")
    feed = PacedFeed(tmp_path / "mic.fifo", speech_samples(speech)).start()
    recorder = subprocess.Popen([sys.executable, "-m", "rehearse", "gil", "--seconds", "4",
                                 "--model", "small.en"], env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(4):
            assert rehearse("history", env=env).returncode == 0
            assert rehearse("rescore", "--all", env=env).returncode == 0
        recorder.communicate(timeout=60)
    finally:
        feed.stop()
        recorder.kill()
    listed = json.loads(rehearse("history", "--json", env=env).stdout)["attempts"]
    assert len(listed) == 6 and listed[0]["source"] == "microphone"
    assert listed[0]["duration_s"] == 4.0 and listed[0]["state"] == "recorded"
    audio, _ = sf.read(listed[0]["audio"], dtype="int16")
    assert len(audio) == 4 * 16_000
    assert sqlite3.connect(data_home / "rehearse.db").execute(
        "PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_that_is_not_a_checkpoint_is_one_line(tmp_path: Path, data_home: Path,
                                                      speech: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    not_a_model = tmp_path / "model.pt"
    not_a_model.write_text("not a checkpoint")
    line = one_line_error(rehearse("gil", "--audio", str(speech), "--model", str(not_a_model),
                                   env=env))
    assert "cannot load Whisper model" in line and "rehearse retry 1" in line


@pytest.mark.slow
def test_a_database_damaged_inside_is_one_line(data_home: Path) -> None:
    from rehearse.store import Store

    store = Store(data_home)
    for i in range(300):
        store.add("gil", "transcript", transcript="x" * 500, state="scored", result={
            "layers": {"concept": {"covered": i % 2 == 0}}})
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db = data_home / "rehearse.db"
    raw = bytearray(db.read_bytes())
    raw[8192:40960] = b"\xff" * (40960 - 8192)  # pages of the table, overwritten
    db.write_bytes(bytes(raw))
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    for args in (["history"], ["progress"], ["show", "5"]):
        line = one_line_error(rehearse(*args, env=env))
        assert "unreadable" in line and "recordings are safe" in line


def test_delete_removes_follow_up_recordings_too(data_home: Path) -> None:
    from rehearse.store import Store

    store = Store(data_home)
    (data_home / "recordings").mkdir()
    main, follow = data_home / "recordings" / "gil.wav", data_home / "recordings" / "gil-f.wav"
    main.write_bytes(b"RIFF")
    follow.write_bytes(b"RIFF")
    attempt_id = store.add("gil", "microphone", audio_path=main,
                           follow_ups=[{"question": "q", "audio": "recordings/gil-f.wav"}])
    assert rehearse("delete", str(attempt_id), "--yes",
                    env={**os.environ, "REHEARSE_HOME": str(data_home)}).returncode == 0
    assert list((data_home / "recordings").iterdir()) == []
