"""Every attempt, kept in SQLite in the data home (stdlib sqlite3, WAL, numbered migrations).

An attempt row is written *before* recording starts (state ``recording``) and moves on as the
work gets done: ``recorded`` -> ``transcribed`` -> ``scored``, or ``failed`` with a reason, or
``empty`` when nothing was heard or typed (kept with its recording, never counted in progress). A
row left in ``recording`` or ``recorded`` by a crash still points at its audio, which
``rehearse retry`` can finish. The folder is created owner-only (0700), the database 0600.
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import RehearseError

DB_NAME = "rehearse.db"
BUSY_TIMEOUT_MS = 10_000  # wait this long for another rehearse process to finish writing


def _m001_initial(db: sqlite3.Connection) -> None:
    db.execute("""
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            rubric TEXT,                 -- id@version#hash of the rubric that scored it
            started_at TEXT NOT NULL,    -- ISO 8601, UTC
            duration_s REAL,
            source TEXT NOT NULL,        -- microphone | audio | transcript
            audio_path TEXT,             -- relative to the data home when inside it
            transcript TEXT,
            words TEXT,                  -- JSON [[word, start_s, end_s], ...]
            model TEXT,
            result TEXT,                 -- JSON: the score (layers with evidence)
            delivery TEXT,               -- JSON: pace, fillers, pauses
            follow_ups TEXT,             -- JSON
            state TEXT NOT NULL,
            error TEXT,
            pid INTEGER,                 -- the process recording it, to tell a crash from a live one
            overflows INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("CREATE INDEX attempts_topic_started ON attempts (topic, started_at)")
    db.execute("CREATE INDEX attempts_started ON attempts (started_at)")


def _m002_layer_summary(db: sqlite3.Connection) -> None:
    """A small ``{layer: covered}`` column, so history and progress never parse whole results."""
    db.execute("ALTER TABLE attempts ADD COLUMN layers TEXT")
    rows = db.execute("SELECT id, result FROM attempts WHERE result IS NOT NULL").fetchall()
    for attempt_id, result in rows:
        db.execute("UPDATE attempts SET layers = ? WHERE id = ?",
                   (json.dumps(_layer_summary(json.loads(result))), attempt_id))
    db.execute("CREATE INDEX attempts_state ON attempts (state)")


def _layer_summary(result: dict[str, Any]) -> dict[str, bool]:
    return {name: bool(layer["covered"]) for name, layer in result.get("layers", {}).items()}


EMPTY = "empty"  # the state of an answer in which nothing was heard or typed


def _m003_empty_answers(db: sqlite3.Connection) -> None:
    """Answers with nothing in them were stored as no-speech or as typed 0-of-4 attempts."""
    db.execute("UPDATE attempts SET state = 'empty', error = NULL "
               "WHERE state = 'transcribed' AND error = 'no speech detected'")
    db.execute("UPDATE attempts SET state = 'empty', result = NULL, layers = NULL, "
               "delivery = NULL WHERE source = 'transcript' AND transcript IS NOT NULL AND "
               "trim(transcript, ' ' || char(9) || char(10) || char(13)) = ''")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m001_initial, _m002_layer_summary, _m003_empty_answers]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RehearseError):
    pass


@dataclass(frozen=True)
class Attempt:
    id: int
    topic: str
    rubric: str | None
    started_at: str
    duration_s: float | None
    source: str
    audio_path: Path | None
    transcript: str | None
    words: list[tuple[str, float, float]] | None
    model: str | None
    result: dict[str, Any] | None
    delivery: dict[str, Any] | None
    follow_ups: list[dict[str, Any]] | None
    state: str
    error: str | None
    pid: int | None
    overflows: int
    layers: dict[str, bool] | None = None  # {layer: covered} of the last scoring

    @property
    def covered(self) -> dict[str, bool]:
        return dict(self.layers or {})

    def to_dict(self, recording_alive: bool = False, full: bool = False) -> dict[str, Any]:
        """The attempt as ``history --json`` lists it; ``full`` adds the stored score, delivery,
        follow-ups and transcript (``show --json``)."""
        data: dict[str, Any] = {
            "id": self.id, "topic": self.topic, "started_at": self.started_at,
            "source": self.source, "duration_s": self.duration_s, "state": self.state,
            "error": self.error,
            "interrupted": self.state == "recording" and not recording_alive,
            "covered": self.covered, "model": self.model, "rubric": self.rubric,
            "audio": str(self.audio_path) if self.audio_path else None}
        if full:
            data.update(result=self.result, delivery=self.delivery, follow_ups=self.follow_ups,
                        transcript=self.transcript)
        return data


@dataclass(frozen=True, slots=True)
class LayerRecord:
    """The slice of an attempt that progress reads (cheap to load by the thousand)."""

    id: int
    topic: str
    started_at: str
    covered: dict[str, bool]


_JSON_FIELDS = ("words", "result", "delivery", "follow_ups", "layers")
_COLUMNS = ("topic", "rubric", "started_at", "duration_s", "source", "audio_path", "transcript",
            "words", "model", "result", "delivery", "follow_ups", "state", "error", "pid",
            "overflows", "layers")
# What lists (history, progress) read: everything but the bulky transcript, words and result.
_SUMMARY = ("id", "topic", "rubric", "started_at", "duration_s", "source", "audio_path", "model",
            "state", "error", "pid", "overflows", "layers")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) owner-only; fail early, in one line, if it is not writable."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.stat().st_mode & 0o077 and path.stat().st_uid == os.getuid():
            path.chmod(0o700)  # e.g. a checkout's recordings/, cloned 0755: keep it private
        probe = path / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(
            f"the data folder {str(path)!r} is not writable ({exc.strerror or exc}); "
            "set REHEARSE_HOME to a folder you can write to") from None
    return path


class Store:
    """The attempt database of one data home."""

    def __init__(self, home: Path) -> None:
        """Open the data home's database; when the folder cannot be written (a read-only disk,
        someone else's folder), open it read-only: reading works, the first write fails with
        the reason."""
        self.home = home
        self.path = home / DB_NAME
        self.unwritable: StoreError | None = None  # why nothing can be saved here
        try:
            ensure_private_dir(home)
        except StoreError as exc:
            self.unwritable = exc
        try:
            self.db = self._connect_read_only() if self.unwritable else self._connect()
            self.db.row_factory = sqlite3.Row
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"the attempt database {str(self.path)!r} is unreadable ({exc}); your recordings "
                f"are safe in {str(home)!r}: move the database aside to start a new one") from None

    def _connect(self) -> sqlite3.Connection:
        old_umask = os.umask(0o077)  # the database and its -wal/-shm files: owner only
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                 isolation_level=None, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            return db
        finally:
            os.umask(old_umask)

    def _connect_read_only(self) -> sqlite3.Connection:
        if not self.path.is_file():  # nothing stored yet: an empty database in memory
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        uri = self.path.resolve().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:  # WAL needs a -shm file it cannot create here
            db.close()
            db = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None,
                                 check_same_thread=False)
        return db

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.unwritable is not None:
            raise self.unwritable
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:  # disk full, locked past the busy timeout
            raise StoreError(f"could not save to {str(self.path)!r} ({exc}); recordings already "
                             f"on disk in {str(self.home)!r} are kept") from None

    def _migrate(self) -> None:
        if self.unwritable is not None:
            self._check_read_only_schema()
            return
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{str(self.path)!r} was written by a newer rehearse (schema {version}); "
                    "upgrade rehearse")
            for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    def _check_read_only_schema(self) -> None:
        version = self.schema_version
        if version == 0 and not self.path.is_file():  # the empty database in memory
            for number, migration in enumerate(MIGRATIONS, start=1):
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")
        elif version != SCHEMA_VERSION:
            raise StoreError(f"{str(self.path)!r} has schema {version} and this rehearse reads "
                             f"{SCHEMA_VERSION}; it cannot be converted here: {self.unwritable}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _encode(self, fields: dict[str, Any]) -> dict[str, Any]:
        if fields.get("result") is not None:
            fields = {**fields, "layers": _layer_summary(fields["result"])}
        out = {}
        for key, value in fields.items():
            if key not in _COLUMNS:
                raise ValueError(f"unknown attempt field {key!r}")
            if key in _JSON_FIELDS and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            elif key == "audio_path" and value is not None:
                value = self._relative(Path(value))
            out[key] = value
        return out

    def _relative(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.home.resolve()))
        except ValueError:
            return str(path)

    def add(self, topic: str, source: str, **fields: Any) -> int:
        fields = self._encode({"topic": topic, "source": source, "state": "recorded",
                               "started_at": now_iso(), **fields})
        names = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        with self._write() as db:
            cursor = db.execute(f"INSERT INTO attempts ({names}) VALUES ({marks})",
                                list(fields.values()))
        return int(cursor.lastrowid or 0)

    def update(self, attempt_id: int, **fields: Any) -> None:
        fields = self._encode(fields)
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._write() as db:
            db.execute(f"UPDATE attempts SET {assignments} WHERE id = ?",
                       [*fields.values(), attempt_id])

    def _attempt(self, row: sqlite3.Row) -> Attempt:
        data: dict[str, Any] = dict.fromkeys(_COLUMNS) | dict(row)
        for key in _JSON_FIELDS:
            if data[key] is not None:
                data[key] = json.loads(data[key])
        if data["words"] is not None:
            data["words"] = [tuple(w) for w in data["words"]]
        if data["audio_path"] is not None:
            path = Path(data["audio_path"])
            data["audio_path"] = path if path.is_absolute() else self.home / path
        return Attempt(**data)

    def layer_history(self, topic: str | None = None) -> list[LayerRecord]:
        """Every counted attempt's topic, time and layers covered: all that progress and plan
        need (empty answers are not counted)."""
        query = f"SELECT id, topic, started_at, layers FROM attempts WHERE state != '{EMPTY}'"
        args: list[Any] = []
        if topic is not None:
            query += " AND topic = ?"
            args.append(topic)
        return [LayerRecord(i, t, when, json.loads(layers) if layers else {})
                for i, t, when, layers in self._read(query, args)]

    def _read(self, query: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.db.execute(query, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"the attempt database {str(self.path)!r} is unreadable ({exc}); your "
                f"recordings are safe in {str(self.home)!r}: move the database aside to start "
                "a new one") from None

    def get(self, attempt_id: int) -> Attempt:
        rows = self._read("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        row = rows[0] if rows else None
        if row is None:
            raise StoreError(f"no attempt {attempt_id}; 'rehearse history' lists them")
        return self._attempt(row)

    def list(self, topic: str | None = None, limit: int | None = None,
             full: bool = False) -> list[Attempt]:
        """Attempts newest first. Without ``full``, transcript, words and result are left out
        (None): lists stay quick with thousands of attempts."""
        query = f"SELECT {'*' if full else ', '.join(_SUMMARY)} FROM attempts"
        args: list[Any] = []
        if topic is not None:
            query += " WHERE topic = ?"
            args.append(topic)
        query += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            query += " LIMIT ?"
            args.append(limit)
        return [self._attempt(row) for row in self._read(query, args)]

    def newest(self, topic: str | None, limit: int) -> tuple[builtins.list[Attempt], int]:
        """The ``limit`` newest attempts (at ``topic``), and how many there are in all."""
        listed = self.list(topic, limit)
        if len(listed) < limit:
            return listed, len(listed)
        where, args = (" WHERE topic = ?", (topic,)) if topic is not None else ("", ())
        return listed, int(self._read(f"SELECT COUNT(*) FROM attempts{where}", args)[0][0])

    def delete(self, attempt_id: int) -> Attempt:
        """Remove the attempt and every recording of it in the data home (follow-ups too)."""
        attempt = self.get(attempt_id)
        with self._write() as db:
            db.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        paths = [attempt.audio_path] + [self.home / f["audio"] for f in attempt.follow_ups or ()
                                        if f.get("audio")]
        for path in paths:
            if path is not None and path.resolve().is_relative_to(self.home.resolve()):
                path.unlink(missing_ok=True)
        return attempt


def process_alive(pid: int | None) -> bool:
    """Whether ``pid`` is a running process (used to tell a crashed recording from a live one)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
