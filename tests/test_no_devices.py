"""On a machine with no speakers, `play` names what works instead (no microphone: see
test_capture.test_no_input_device)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rehearse.store import Store

from .audio_support import rehearse


def _no_sound_card(tmp_path: Path, data_home: Path) -> dict[str, str]:
    home = tmp_path / "nothing"  # no .asoundrc, and this machine has no sound card
    home.mkdir()
    return {**os.environ, "HOME": str(home), "REHEARSE_HOME": str(data_home)}


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rehearse: "), stderr
    return lines[0]


@pytest.mark.slow
def test_no_speakers_names_the_recording_and_the_transcript(tmp_path: Path, data_home: Path,
                                                            speech: Path) -> None:
    (data_home / "recordings").mkdir(parents=True)
    wav = data_home / "recordings" / "gil-1.wav"
    shutil.copy(speech, wav)
    Store(data_home).add("gil", "microphone", audio_path=wav, state="scored", transcript="x")
    proc = rehearse("play", "1", env=_no_sound_card(tmp_path, data_home))
    assert proc.returncode == 1
    line = _one_line(proc.stderr)
    assert "no audio output device" in line
    assert str(wav) in line and "rehearse show 1" in line
