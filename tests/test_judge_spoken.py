"""The judge on real speech recognition: answers said by espeak-ng, written down by the real
tiny.en weights, judged as a user's would be. The smallest model with a robotic voice mishears
jargon ("friend" for thread, "dot string" for docstring), so these check that the layers still
come through the aliases and shapes, not that every word does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .audio_support import espeak, rehearse

pytestmark = pytest.mark.slow

# (topic, answer, layers it must cover when heard through tiny.en)
SPOKEN = [
    ("gil", "The GIL is a lock in CPython, so only one thread runs Python bytecode at a time. "
            "If my web server spends its time waiting on the database, threads still help.",
     {"concept", "example"}),
    ("decorators", "A decorator takes a function and returns a wrapper that adds behaviour. "
                   "We used one to log every request to our API. Put functools dot wraps on the "
                   "wrapper, or the original name and docstring are lost.",
     {"concept", "example", "trade_off"}),
    ("generators", "A generator uses yield, so it produces values lazily, one at a time. I read "
                   "a huge log file line by line with one. The catch is that a generator can "
                   "only be used once.",
     {"concept", "example", "trade_off"}),
]


@pytest.mark.parametrize(("topic", "answer", "layers"), SPOKEN, ids=[s[0] for s in SPOKEN])
def test_spoken_answers_cover_their_layers_through_whisper(
        tmp_path: Path, data_home: Path, real_tiny: Path, topic: str, answer: str,
        layers: set[str]) -> None:
    wav = espeak(answer, tmp_path / f"{topic}.wav")
    proc = rehearse(topic, "--audio", str(wav), "--model", str(real_tiny), "--json",
                    env={**os.environ, "REHEARSE_HOME": str(data_home)})
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    covered = {name for name, layer in data["layers"].items() if layer["covered"]}
    assert layers <= covered, (data["transcript"], covered)
    for layer in data["layers"].values():
        for evidence in layer["matched"]:  # evidence quotes what was transcribed, where
            assert data["transcript"][evidence["start"]:evidence["end"]] == evidence["said"]
