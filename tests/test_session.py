"""The spoken session's steps on their own: the follow-up drill needs no recording of the answer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from rehearse.attempts import save_typed
from rehearse.session import Session, SpeakOptions, follow_up
from rehearse.store import Store


def _session(data_home: Path, gil, interactive: bool, wanted: bool | None = None) -> Session:
    console = Console(file=io.StringIO(), width=80)
    return Session(Store(data_home), gil, None, SpeakOptions(60, follow_up=wanted),  # type: ignore[arg-type]
                   console, None, interactive)  # type: ignore[arg-type]


def test_the_follow_up_drill_runs_on_its_own_and_q_skips_it(data_home: Path, gil,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    session = _session(data_home, gil, interactive=True)
    outcome = save_typed(session.store, gil, "The GIL is a mutex in CPython.")
    monkeypatch.setattr("rehearse.session.read_line", lambda: "q")
    skipped = follow_up(session, outcome)
    assert skipped is not None and skipped.skipped and not skipped.covered
    assert skipped.follow_up.question in {f.question for f in gil.follow_ups}
    assert session.store.get(outcome.attempt_id).follow_ups == [skipped.to_dict()]
    assert "Follow-up: " + skipped.follow_up.question in session.console.file.getvalue()  # type: ignore[attr-defined]


def test_no_follow_up_without_a_terminal_unless_asked(data_home: Path, gil) -> None:
    session = _session(data_home, gil, interactive=False)
    outcome = save_typed(session.store, gil, "The GIL is a mutex in CPython.")
    assert follow_up(session, outcome) is None
    assert session.store.get(outcome.attempt_id).follow_ups is None
