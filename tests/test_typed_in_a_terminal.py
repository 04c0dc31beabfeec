"""Typing an answer in a terminal (`--transcript -`) shows the question and the time budget
first, as the spoken path does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .terminal_support import Terminal


@pytest.mark.slow
def test_typing_in_a_terminal_shows_the_question_first(data_home: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    term = Terminal("gil", "--transcript", "-", "--seconds", "90", env=env, columns=200)
    term.expect("Type or paste your answer")
    before = term.output.split("Type or paste your answer")[0]
    assert "What is the Global Interpreter Lock (GIL)" in before
    assert "1:30" in before and "concept · example · code · trade-off" in before
    term.send("The GIL is a mutex in CPython.\n\x04")
    assert term.wait() == 0
    assert "Saved as attempt 1" in term.output


@pytest.mark.slow
def test_cue_shows_the_card_before_typing_too(data_home: Path) -> None:
    env = {**os.environ, "REHEARSE_HOME": str(data_home)}
    term = Terminal("gil", "--transcript", "-", "--cue", env=env, columns=200)
    term.expect("Type or paste your answer")
    before = term.output.split("Type or paste your answer")[0]
    assert "I/O-bound" in before or "CPU-bound" in before  # the card's cue lines, not only labels
    term.send("\x04")
    assert term.wait() == 0
