from __future__ import annotations

import json
import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest

from rehearse.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError


def test_fresh_store_is_private_and_migrated(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    assert store.schema_version == SCHEMA_VERSION
    assert stat.S_IMODE((tmp_path / "home").stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_round_trip_and_relative_audio_paths(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")
    audio = tmp_path / "home" / "recordings" / "gil.wav"
    audio.parent.mkdir()
    audio.write_bytes(b"RIFF")
    attempt_id = store.add("gil", "microphone", audio_path=audio, state="recording", pid=123)
    store.update(attempt_id, state="scored", words=[["The", 0.0, 0.2]],
                 result={"layers": {"concept": {"covered": True}}})
    attempt = store.get(attempt_id)
    assert attempt.audio_path == audio and attempt.words == [("The", 0.0, 0.2)]
    assert attempt.covered == {"concept": True}
    raw = store.db.execute("SELECT audio_path FROM attempts").fetchone()[0]
    assert raw == "recordings/gil.wav"  # the data home can move


def test_delete_removes_the_audio(tmp_path: Path) -> None:
    store = Store(tmp_path)
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    attempt_id = store.add("gil", "audio", audio_path=audio)
    store.delete(attempt_id)
    assert not audio.exists()
    with pytest.raises(StoreError, match="no attempt"):
        store.get(attempt_id)


def test_newer_and_corrupt_databases_are_clear_errors(tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    Store(newer).close()
    db = sqlite3.connect(newer / "rehearse.db")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer rehearse"):
        Store(newer)
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "rehearse.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="recordings are safe") as info:
        Store(corrupt)
    assert "\n" not in str(info.value)


def _add_many(home: str, worker: int) -> None:
    store = Store(Path(home))
    for i in range(40):
        store.add("gil", "transcript", transcript=f"{worker}-{i}", state="scored")


@pytest.mark.slow
def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    Store(tmp_path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_add_many, args=(str(tmp_path), w)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    texts = {a.transcript for a in Store(tmp_path).list(full=True)}
    assert texts == {f"{w}-{i}" for w in range(2) for i in range(40)}


def test_a_database_from_an_older_version_migrates_forward(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "rehearse.db")
    MIGRATIONS[0](db)  # schema 1, as the first release wrote it
    db.execute("PRAGMA user_version = 1")
    result = {"layers": {"concept": {"covered": True}, "code": {"covered": False}}}
    db.execute("INSERT INTO attempts (topic, started_at, source, state, result) "
               "VALUES ('gil', '2026-01-01T10:00:00+00:00', 'transcript', 'scored', ?)",
               (json.dumps(result),))
    db.commit()
    db.close()
    store = Store(tmp_path)
    assert store.schema_version == SCHEMA_VERSION == 3
    (attempt,) = store.list()
    assert attempt.covered == {"concept": True, "code": False}
    assert attempt.result is None and store.get(attempt.id).result == result


def test_an_empty_folder_gets_the_current_schema(tmp_path: Path) -> None:
    store = Store(tmp_path / "new")
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(attempts)")}
    assert {"layers", "transcript", "words", "result", "state", "pid"} <= columns


@pytest.fixture
def read_only_home(data_home: Path, catalog):
    """A data home with two typed attempts that nobody can write to (root included: chattr +i)."""
    import os
    import subprocess

    from rehearse.attempts import save_typed

    store = Store(data_home)
    save_typed(store, catalog.get("gil"), "The GIL is a mutex in CPython.")
    save_typed(store, catalog.get("gil"), "The GIL is a mutex in CPython. Threads don't speed "
                                          "up CPU-bound work, so use multiprocessing.")
    store.close()
    paths = [data_home, *data_home.iterdir()]
    for path in paths:
        path.chmod(0o500 if path.is_dir() else 0o400)
    if os.geteuid() == 0 and subprocess.run(["chattr", "+i", *map(str, paths)]).returncode:
        pytest.fail("cannot make the folder read-only for root (chattr +i)")
    yield data_home
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
    data_home.chmod(0o700)


def test_reading_commands_work_in_a_read_only_data_home(read_only_home: Path) -> None:
    from typer.testing import CliRunner

    from rehearse.cli import app

    runner = CliRunner()
    for args in (["history"], ["show", "2"], ["progress"], ["plan"], ["compare", "gil"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout)["attempts"][0]["id"] == 2
    assert "Covered" in runner.invoke(app, ["show", "2"]).stdout
    written = runner.invoke(app, ["gil", "-t", "-"], input="The GIL is a mutex.")
    assert written.exit_code == 1 and "not writable" in written.stderr
    assert sorted(p.name for p in read_only_home.iterdir()) == ["rehearse.db"]
    from rehearse.doctor import check_data_home

    assert not check_data_home().ok  # doctor still says the folder cannot be written


def test_a_missing_data_home_that_cannot_be_created_reads_as_empty(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from typer.testing import CliRunner

    from rehearse.cli import app

    parent = tmp_path / "locked"
    parent.mkdir()
    monkeypatch.setenv("REHEARSE_HOME", str(parent / "home"))
    parent.chmod(0o500)
    import os
    import subprocess

    try:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(parent)], check=True)
        result = CliRunner().invoke(app, ["history"])
        assert result.exit_code == 0 and "No attempts yet" in result.stdout
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(parent)], check=True)
        parent.chmod(0o700)
