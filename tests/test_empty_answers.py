"""An empty answer (nothing typed, nothing heard) is kept but never counted as an attempt."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import soundfile as sf
from typer.testing import CliRunner

from rehearse.cli import app


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(app, list(args), input=input)


def test_empty_answers_are_kept_but_not_counted(tmp_path: Path) -> None:
    assert run("gil", "--transcript", "-", input="The GIL is a mutex in CPython.").exit_code == 0
    progress = json.loads(run("progress", "--json").stdout)
    plan = json.loads(run("plan", "--json").stdout)

    typed = run("gil", "--transcript", "-", input="  \n\t\n")
    assert typed.exit_code == 0, typed.output
    assert "nothing typed, not counted" in typed.stdout.lower()
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16_000 * 4, np.float32), 16_000)
    heard = run("gil", "--audio", str(silent))
    assert heard.exit_code == 0, heard.output
    assert "nothing heard, not counted" in heard.stdout.lower()
    data = json.loads(run("gil", "--audio", str(silent), "--json").stdout)
    assert data["no_speech"] is True and data["counted"] is False
    assert Path(data["audio"]).is_file()  # the recording is kept

    assert json.loads(run("progress", "--json").stdout) == progress
    assert json.loads(run("plan", "--json").stdout) == plan
    listed = json.loads(run("history", "--json").stdout)["attempts"]
    assert len(listed) == 4
    assert "not counted" in run("history").stdout


def test_empty_answers_stored_before_are_no_longer_counted(data_home: Path) -> None:
    import sqlite3

    from rehearse.store import Store

    store = Store(data_home)
    store.add("gil", "transcript", transcript=" ", state="scored",
              result={"layers": {"concept": {"covered": False}}})
    store.add("gil", "microphone", transcript="", state="transcribed",
              error="no speech detected")
    store.db.execute("PRAGMA user_version = 2")  # as an earlier rehearse left it
    store.close()
    migrated = Store(data_home)
    assert migrated.layer_history() == []
    states = sqlite3.connect(data_home / "rehearse.db").execute(
        "SELECT state FROM attempts").fetchall()
    assert states == [("empty",), ("empty",)]
