"""The model is checked before recording starts: a model that cannot be loaded is said in one
line with its fix, before anyone speaks; recording anyway keeps the attempt for a retry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .audio_support import mic_home, rehearse, speech_samples
from .terminal_support import Terminal


def _states(data_home: Path) -> list[str]:
    if not (data_home / "rehearse.db").exists():
        return []
    with sqlite3.connect(data_home / "rehearse.db") as conn:
        return [s for (s,) in conn.execute("SELECT state FROM attempts ORDER BY id")]


@pytest.fixture
def env(tmp_path: Path, data_home: Path, speech: Path) -> dict[str, str]:
    infile = tmp_path / "in.raw"
    speech_samples(speech).tofile(infile)
    return {**mic_home(tmp_path / "h", infile), "REHEARSE_HOME": str(data_home)}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pt"
    path.write_bytes(b"not a checkpoint at all")
    return path


@pytest.mark.slow
def test_in_a_terminal_the_model_is_checked_before_recording(
        env: dict[str, str], data_home: Path, broken: Path) -> None:
    term = Terminal("gil", "--seconds", "2", "--model", str(broken), env=env, columns=200)
    term.expect("Press Enter to start speaking")
    term.send("\n")
    term.expect("Record anyway?", timeout=30)
    assert "cannot load Whisper" in term.output and "broken.pt" in term.output
    assert "REC" not in term.output
    term.send("n\n")
    assert term.wait() == 1
    assert "nothing was recorded" in term.output and _states(data_home) == []

    term = Terminal("gil", "--seconds", "2", "--model", str(broken), env=env, columns=200)
    term.expect("Press Enter to start speaking")
    term.send("\n")
    term.expect("Record anyway?", timeout=30)
    term.send("y\n")
    assert term.wait() == 1
    assert "Recorded 0:02" in term.output and "rehearse retry 1" in term.output
    assert _states(data_home) == ["recorded"]


@pytest.mark.slow
def test_without_a_terminal_the_warning_comes_before_the_recording(
        env: dict[str, str], data_home: Path, broken: Path) -> None:
    proc = rehearse("gil", "--seconds", "2", "--model", str(broken), env=env)
    assert proc.returncode == 1
    warning = proc.stdout.find("cannot load Whisper")
    assert 0 <= warning < proc.stdout.find("Recorded 0:02"), proc.stdout
    assert "rehearse retry 1" in proc.stderr and _states(data_home) == ["recorded"]
