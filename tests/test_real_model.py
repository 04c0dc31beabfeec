"""The spoken path with real Whisper weights: tiny.en (scripts/test-model) on espeak-ng speech.

These assert what a user hears about: the words, their timings, silence. The robotic voice and
the smallest model mishear some words, so content is checked as a share of the words said.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from .audio_support import espeak, rehearse

pytestmark = pytest.mark.slow

# A very plain answer, in words espeak-ng says clearly.
GENERATOR_ANSWER = (
    "A generator is a function that uses yield. It gives you one value at a time, only when "
    "you ask for the next one, so it keeps very little in memory. For example, you can read a "
    "huge log file line by line with a generator. The downside is that a generator can only be "
    "used once.")
FUNCTION_WORDS = frozenset(
    "a an the is are was be it its you your that this so to of in on at for by with and or but "
    "can one only when very".split())


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.casefold()) if w not in FUNCTION_WORDS]


def share_heard(said: str, heard: str) -> float:
    heard_words = set(content_words(heard))
    words = content_words(said)
    return sum(w in heard_words for w in words) / len(words)


@pytest.fixture(scope="module")
def generator_answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return espeak(GENERATOR_ANSWER, tmp_path_factory.mktemp("speech") / "generators.wav")


def test_a_spoken_answer_is_transcribed_with_word_timings(
        data_home: Path, real_tiny: Path, generator_answer: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    proc = rehearse("generators", "--audio", str(generator_answer), "--model", str(real_tiny),
                    "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert share_heard(GENERATOR_ANSWER, data["transcript"]) >= 0.8, data["transcript"]
    words = data["words"]
    assert len(words) >= 0.8 * len(GENERATOR_ANSWER.split())
    starts = [w["start"] for w in words]
    assert starts == sorted(starts)
    assert all(0.0 <= w["start"] <= w["end"] <= data["duration_s"] + 0.05 for w in words)
    assert words[-1]["end"] > data["duration_s"] - 2.0  # the last words are timed at the end
    assert data["no_speech"] is False and data["model"] == real_tiny.name
