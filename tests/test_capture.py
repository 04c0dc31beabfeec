"""Recording through the real sounddevice -> PortAudio -> ALSA stack, from a virtual capture
device fed with espeak-ng speech (see tests/audio_support.py)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from .audio_support import PacedFeed, mic_home, rehearse, speech_samples


@pytest.fixture(scope="session")
def speech_wav(speech: Path) -> Path:
    return speech


@pytest.fixture(scope="session")
def speech16k(speech: Path) -> np.ndarray:
    return speech_samples(speech, 16_000)


def saved(data_home: Path) -> list[Path]:
    return sorted((data_home / "recordings").glob("*.wav"))


def attempts(data_home: Path) -> list[dict]:
    db = sqlite3.connect(data_home / "rehearse.db")
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute("SELECT * FROM attempts ORDER BY id")]


def capture_script(**kwargs: object) -> str:
    """Run rehearse.capture.Capture directly (forced device rate/channels) in a subprocess."""
    return textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from rehearse.capture import Capture, pick_device
        cap = Capture(Path(sys.argv[1]), pick_device(None), {kwargs.pop('seconds')}, **{kwargs!r})
        cap.start()
        cap.wait()
        r = cap.result()
        print(r.seconds, r.reason, r.device_rate, r.overflows)
    """)


def test_recording_stops_at_the_limit_and_keeps_the_exact_samples(
        tmp_path: Path, data_home: Path, speech16k: np.ndarray) -> None:
    infile = tmp_path / "in.raw"
    speech16k.tofile(infile)
    env = mic_home(tmp_path / "h", infile)
    env["REHEARSE_HOME"] = str(data_home)
    proc = rehearse("gil", "--seconds", "3", "--model", "small.en", env=env)
    # small.en is neither downloaded nor installed here: the recording is kept, the error says so.
    assert proc.returncode == 1, proc.stderr
    assert "Recorded 0:03 (time limit reached" in proc.stdout
    assert "rehearse retry 1" in proc.stderr and "Traceback" not in proc.stderr
    (wav,) = saved(data_home)
    audio, rate = sf.read(wav, dtype="int16")
    assert rate == 16_000 and audio.ndim == 1
    assert len(audio) == 3 * 16_000
    assert np.array_equal(audio, speech16k[: len(audio)])
    (row,) = attempts(data_home)
    assert row["state"] == "recorded" and row["duration_s"] == 3.0 and row["overflows"] == 0
    assert "small.en" in row["error"]


def _interrupt_paced(tmp_path: Path, data_home: Path, samples: np.ndarray, after_seconds: float,
                     sig: signal.Signals) -> tuple[subprocess.Popen[str], str, str]:
    """Record `rehearse gil` from a real-time microphone; send ``sig`` once some audio is saved."""
    feed = PacedFeed(tmp_path / "mic.fifo", samples).start()
    env = mic_home(tmp_path / "h", tmp_path / "mic.fifo")
    env["REHEARSE_HOME"] = str(data_home)
    proc = subprocess.Popen([sys.executable, "-m", "rehearse", "gil", "--seconds", "60",
                             "--model", "small.en"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_audio(data_home, after_seconds)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        feed.stop()
        proc.kill()
    return proc, out, err


def _wait_for_audio(data_home: Path, seconds: float, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        wavs = saved(data_home)
        if wavs and wavs[0].stat().st_size > 44 + seconds * 32_000:
            return
        time.sleep(0.05)
    raise AssertionError("the recording did not grow")


def test_ctrl_c_stops_early_and_keeps_the_answer(tmp_path: Path, data_home: Path,
                                                  speech16k: np.ndarray) -> None:
    _, out, err = _interrupt_paced(tmp_path, data_home, speech16k, 1.5, signal.SIGINT)
    assert "Recorded 0:0" in out, err
    (wav,) = saved(data_home)
    audio, _ = sf.read(wav, dtype="int16")
    assert 1.5 * 16_000 <= len(audio) < 10 * 16_000
    assert np.array_equal(audio, speech16k[: len(audio)])
    assert attempts(data_home)[0]["state"] == "recorded"


def test_kill_9_leaves_a_recoverable_recording(tmp_path: Path, data_home: Path,
                                               speech16k: np.ndarray) -> None:
    proc, _, _ = _interrupt_paced(tmp_path, data_home, speech16k, 2.0, signal.SIGKILL)
    (wav,) = saved(data_home)
    written = (wav.stat().st_size - 44) // 2
    header = wav.read_bytes()[:44]  # the sizes were kept current while recording
    assert header[:4] == b"RIFF" and header[36:40] == b"data"
    declared = int.from_bytes(header[40:44], "little") // 2
    assert written - 16_000 // 2 <= declared <= written
    assert int.from_bytes(header[4:8], "little") == 36 + declared * 2
    audio, rate = sf.read(wav, dtype="int16")
    assert rate == 16_000
    assert len(audio) >= written - 16_000 // 2  # at most half a second not yet in the header
    assert len(audio) >= 1.5 * 16_000
    assert np.array_equal(audio, speech16k[: len(audio)])
    (row,) = attempts(data_home)
    assert row["state"] == "recording" and row["pid"] == proc.pid
    env = {**mic_home(tmp_path / "h2", tmp_path / "none.raw"), "REHEARSE_HOME": str(data_home)}
    listed = json.loads(rehearse("history", "--json", env=env).stdout)["attempts"]
    assert listed[0]["interrupted"] is True and listed[0]["audio"] == str(wav)
    assert "interrupted: rehearse retry 1" in rehearse("history", env=env).stdout


@pytest.mark.slow
def test_no_input_device(tmp_path: Path, data_home: Path) -> None:
    env = {**mic_home(tmp_path / "h", tmp_path / "unused.raw"), "HOME": str(tmp_path / "empty"),
           "REHEARSE_HOME": str(data_home)}
    (tmp_path / "empty").mkdir()
    proc = rehearse("gil", "--seconds", "2", env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [  # and the answers that need no microphone
        "rehearse: no input device found: connect a microphone (or enable it in your system's "
        "sound settings) and run 'rehearse devices'; or answer without a microphone: rehearse "
        "gil --transcript FILE (typed) or --audio FILE (recorded elsewhere)"]
    assert saved(data_home) == []


def test_unwritable_data_home_fails_before_the_question(tmp_path: Path, speech16k) -> None:
    infile = tmp_path / "in.raw"
    speech16k.tofile(infile)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env = {**mic_home(tmp_path / "h", infile), "REHEARSE_HOME": str(blocker / "home")}
    proc = rehearse("gil", "--seconds", "2", env=env)
    assert proc.returncode == 1
    assert "is not writable" in proc.stderr and "REHEARSE_HOME" in proc.stderr
    assert "What is the Global Interpreter Lock" not in proc.stdout


@pytest.mark.parametrize("rate", [44_100, 48_000])
def test_device_rates_are_resampled_to_16k(tmp_path: Path, speech_wav: Path, rate: int) -> None:
    native = speech_samples(speech_wav, rate)
    infile = tmp_path / "in.raw"
    native.tofile(infile)
    env = mic_home(tmp_path / "h", infile)
    out = tmp_path / "out.wav"
    proc = subprocess.run([sys.executable, "-c", capture_script(seconds=2, rate=rate), str(out)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[1:3] == ["limit", str(rate)]
    audio, sr = sf.read(out, dtype="float32")
    assert sr == 16_000 and len(audio) == 2 * 16_000
    expected = speech_samples(speech_wav, 16_000)[: len(audio)].astype(np.float32) / 32768
    assert np.corrcoef(audio, expected)[0, 1] > 0.99


def test_stereo_input_becomes_mono(tmp_path: Path, speech16k: np.ndarray) -> None:
    stereo = np.repeat(speech16k[:, None], 2, axis=1)  # the same voice on both channels
    infile = tmp_path / "in.raw"
    stereo.tofile(infile)
    env = mic_home(tmp_path / "h", infile)
    out = tmp_path / "out.wav"
    proc = subprocess.run([sys.executable, "-c", capture_script(seconds=2, channels=2), str(out)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    audio, sr = sf.read(out, dtype="int16")
    assert sr == 16_000 and audio.ndim == 1
    assert np.array_equal(audio, speech16k[: len(audio)])


@pytest.mark.slow
def test_devices_lists_the_default_input(tmp_path: Path) -> None:
    (tmp_path / "in.raw").write_bytes(bytes(32_000))
    env = mic_home(tmp_path / "h", tmp_path / "in.raw")
    proc = rehearse("devices", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    (device,) = json.loads(proc.stdout)["devices"]
    assert device["is_default"] and device["name"] == "default"


def test_mic_check_hears_speech_and_flags_silence(tmp_path: Path, speech16k: np.ndarray) -> None:
    infile = tmp_path / "in.raw"
    speech16k.tofile(infile)
    heard = rehearse("mic", "--seconds", "2", env=mic_home(tmp_path / "a", infile))
    assert heard.returncode == 0 and "heard you" in heard.stdout
    quiet = tmp_path / "quiet.raw"
    np.zeros(16_000 * 3, "<i2").tofile(quiet)
    silent = rehearse("mic", "--seconds", "2", env=mic_home(tmp_path / "b", quiet))
    assert silent.returncode == 1 and "only silence" in silent.stdout


@pytest.mark.slow
def test_missing_portaudio_is_one_line_with_the_fix(tmp_path: Path) -> None:
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    env = {**mic_home(tmp_path / "h", tmp_path / "in.raw"), "PYTHONPATH": str(fake)}
    proc = rehearse("devices", env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "rehearse: PortAudio library not found: on Debian/Ubuntu run 'sudo apt-get install "
        "libportaudio2' (macOS: 'brew install portaudio')"]


def _played(out: Path) -> np.ndarray:
    return np.fromfile(out, dtype="<i2")


def _find(haystack: np.ndarray, needle: np.ndarray) -> int:
    """Where ``needle`` starts in ``haystack`` (PortAudio pads playback with silence)."""
    probe = needle[:2000]
    for offset in range(0, len(haystack) - len(probe)):
        if haystack[offset] == probe[0] and np.array_equal(haystack[offset:offset + 2000], probe):
            return offset
    raise AssertionError("the recording was not played")


def test_play_through_the_sound_stack_from_a_time_and_a_layer(
        tmp_path: Path, data_home: Path, speech16k: np.ndarray) -> None:
    from rehearse.store import Store

    store = Store(data_home)
    (data_home / "recordings").mkdir()
    wav = data_home / "recordings" / "gil-1.wav"
    sf.write(wav, speech16k, 16_000, subtype="PCM_16")
    result = {"layers": {"concept": {"covered": True, "matched": [{"time": 2.5}]},
                         "code": {"covered": False, "matched": []}}}
    store.add("gil", "microphone", audio_path=wav, transcript="x", result=result,
              state="scored")
    home = tmp_path / "speaker"
    home.mkdir()
    out = tmp_path / "played.raw"
    (home / ".asoundrc").write_text(f"""
pcm.!default {{
    type file
    slave.pcm "null"
    file "{out}"
    format "raw"
}}
""")
    env = {**mic_home(tmp_path / "unused", tmp_path / "none.raw"), "HOME": str(home),
           "REHEARSE_HOME": str(data_home)}
    proc = rehearse("play", "1", "--from", "1", env=env)
    assert proc.returncode == 0, proc.stderr
    expected = speech16k[16_000:]
    played = _played(out)
    start = _find(played, expected)
    assert np.array_equal(played[start:start + len(expected)], expected)

    out.unlink()
    proc = rehearse("play", "1", "--layer", "concept", env=env)
    assert proc.returncode == 0, proc.stderr
    expected = speech16k[32_000:]  # half a second before concept was first heard at 2.5 s
    played = _played(out)
    assert np.array_equal(played[_find(played, expected):][: len(expected)], expected)

    missed = rehearse("play", "1", "--layer", "code", env=env)
    assert missed.returncode == 1 and "was not heard" in missed.stderr


@pytest.mark.slow
def test_the_live_view_does_not_borrow_from_the_report() -> None:
    code = "import sys, rehearse.live; print('rehearse.report' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr
    from rehearse.bars import bars

    assert bars([0.0, 0.5, 1.0, 2.0]) == "▁▅██"
