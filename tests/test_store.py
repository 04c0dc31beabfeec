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
    assert store.schema_version == SCHEMA_VERSION == 2
    (attempt,) = store.list()
    assert attempt.covered == {"concept": True, "code": False}
    assert attempt.result is None and store.get(attempt.id).result == result


def test_an_empty_folder_gets_the_current_schema(tmp_path: Path) -> None:
    store = Store(tmp_path / "new")
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(attempts)")}
    assert {"layers", "transcript", "words", "result", "state", "pid"} <= columns
