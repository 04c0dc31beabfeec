"""History, show, compare, progress, plan, rescore and delete on seeded histories."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehearse.cli import app
from rehearse.progress import Plan, all_progress, bucket, plan, topic_progress
from rehearse.store import LayerRecord, Store

LAYERS = ["concept", "example", "code", "trade_off"]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
runner = CliRunner()


def attempt(topic: str, days_ago: float, covered: str, attempt_id: int = 0) -> LayerRecord:
    """``covered`` like "1101": concept, example, trade-off covered; code missed."""
    layers = {name: flag == "1" for name, flag in zip(LAYERS, covered, strict=True)}
    return LayerRecord(attempt_id, topic, (NOW - timedelta(days=days_ago)).isoformat(), layers)


def test_topic_progress_trend_best_latest_weakest() -> None:
    p = topic_progress("gil", LAYERS, [attempt("gil", 1, "1101"), attempt("gil", 9, "1000"),
                                       attempt("gil", 5, "1100")])
    assert p.trend == (1, 2, 3)  # oldest first
    assert p.best == 3 and p.latest == dict(zip(LAYERS, [True, True, False, True], strict=True))
    assert p.weakest == "code" and p.streak == 0
    assert p.last_practised == NOW - timedelta(days=1)


def test_plan_buckets_on_a_hand_built_history() -> None:
    history = [
        attempt("gil", 3, "1111"), attempt("gil", 1, "1111"),            # well
        attempt("lambda", 2, "1111"), attempt("lambda", 1, "1001"),      # inconsistent
        attempt("oop", 40, "1000"),                                      # weak and stale: avoid
    ]
    topics = dict.fromkeys(("gil", "lambda", "oop", "venv"), LAYERS)
    progress = all_progress(topics, history)
    buckets = {p.topic: bucket(p, NOW) for p in progress}
    assert buckets == {"gil": "well", "lambda": "inconsistent", "oop": "avoid", "venv": "avoid"}
    result = plan(progress, NOW)
    assert isinstance(result, Plan)
    assert result.well == ["gil"] and result.inconsistent == ["lambda"]
    assert result.avoid == ["oop", "venv"]
    assert result.next_topic == "venv" and result.reason == "never tried"


def test_plan_prefers_weak_then_stale_then_due() -> None:
    topics = dict.fromkeys(("gil", "lambda", "oop"), LAYERS)
    history = [attempt("gil", 1, "1111"), attempt("gil", 0.5, "1111"),
               attempt("lambda", 1, "1110"), attempt("oop", 1, "1000")]
    result = plan(all_progress(topics, history), NOW)
    assert result.next_topic == "oop"  # weakest latest answer
    assert "1/4" in result.reason and "example" in result.reason
    # Well answered topics come back once their rest (1, 2, 4... days) is over.
    due = plan(all_progress({"gil": LAYERS}, [attempt("gil", 30, "1111"),
                                               attempt("gil", 20, "1111")]), NOW)
    assert due.next_topic == "gil" and "due for review" in due.reason


@pytest.fixture
def seeded(data_home: Path) -> Store:
    store = Store(data_home)
    recordings = data_home / "recordings"
    recordings.mkdir()
    answers = [
        ("gil", "The GIL is a mutex in CPython.", 5),
        ("gil", "The GIL is a mutex in CPython. Threads don't speed up CPU-bound work, "
                "so use multiprocessing. A web service waiting on the database is fine.", 2),
        ("decorators", "A decorator wraps a function.", 1),
    ]
    from rehearse.rubric import Catalog, builtin_rubrics_dir
    from rehearse.scoring import score

    catalog = Catalog([(builtin_rubrics_dir(), "built-in")])
    for i, (topic, text, days) in enumerate(answers):
        audio = recordings / f"{topic}-{i}.wav"
        audio.write_bytes(b"RIFF")
        result = score(text, catalog.get(topic)).to_dict()
        when = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        store.add(topic, "microphone", transcript=text, result=result, state="scored",
                  started_at=when, duration_s=60.0 + i * 10, audio_path=audio,
                  rubric=catalog.get(topic).ref)
    return store


def run(*args: str):
    return runner.invoke(app, list(args))


def test_history_show_compare_in_text_and_json(seeded: Store) -> None:
    listed = json.loads(run("history", "--json").stdout)["attempts"]
    assert [a["id"] for a in listed] == [3, 2, 1]
    assert "The newest 2 of 3; rehearse history --limit 3" in run("history", "-n", "2").stdout
    assert "The newest" not in run("history", "-n", "3").stdout
    out = run("show", "2").stdout
    assert "Covered 3 of 4 layers" in out and re.search(r"Attempt 2, \d{4}-\d\d-\d\d", out)
    assert "Saved as" not in out and "rehearse show 2" not in out  # shown again, not saved now
    assert json.loads(run("show", "2", "--json").stdout)["result"]["covered"] == 3
    change = run("compare", "1", "2").stdout
    assert "attempt 1 → 2" in change and "new: example, trade-off" in change
    assert "still missing: code" in change and "1:00 → 1:10" in change
    seeded.update(1, delivery={"filler_count": 9, "wpm": 170})
    seeded.update(2, delivery={"filler_count": 4, "wpm": 150})
    assert "fillers 9 → 4; 170 → 150 wpm; 1:00 → 1:10" in " ".join(run("compare", "1", "2").stdout.split())
    same = json.loads(run("compare", "gil", "--json").stdout)
    assert same["before"] == 1 and same["after"] == 2 and same["gained"] == ["example", "trade_off"]
    assert run("compare", "decorators").exit_code == 1
    assert run("compare", "gil", "2").exit_code == 2
    newest = run("compare")  # the topic practised last: decorators, with only one attempt
    assert newest.exit_code == 1 and "of decorators" in newest.stderr


def test_progress_and_plan_in_text_and_json(seeded: Store) -> None:
    data = json.loads(run("progress", "--json").stdout)
    gil = next(t for t in data["topics"] if t["topic"] == "gil")
    assert gil["trend"] == [1, 3] and gil["best"] == 3 and gil["weakest"] == "code"
    assert len(data["topics"]) == 10 and 0 < data["overall"]["coverage"] < 1
    table = run("progress").stdout
    assert "gil" in table and "3/4" in table and "Overall:" in table
    only = json.loads(run("progress", "gil", "--json").stdout)["topics"]
    assert [t["topic"] for t in only] == ["gil"]
    planned = json.loads(run("plan", "--json").stdout)
    assert "gil" in planned["inconsistent"] and "venv" in planned["avoid"]
    assert planned["next"] in planned["avoid"]
    assert "Next: rehearse" in run("plan").stdout


def test_rescore_and_delete(seeded: Store, data_home: Path) -> None:
    seeded.update(1, result={"layers": {"concept": {"covered": False}}}, rubric="gil@0#old")
    out = run("rescore", "--all").stdout
    assert "Rescored 3 attempts: 1 changed, 2 unchanged" in out
    assert seeded.get(1).covered["concept"] is True
    assert run("rescore").exit_code == 2
    assert "Rescored 1 attempt: 0 changed" in run("rescore", "2").stdout  # one, not "1 attempts"
    audio = seeded.get(3).audio_path
    assert audio is not None and audio.exists()
    assert run("delete", "3", "--yes").exit_code == 0
    assert not audio.exists()
    assert sorted(p.name for p in (data_home / "recordings").iterdir()) == ["gil-0.wav", "gil-1.wav"]
    assert run("show", "3").exit_code == 1


def test_empty_history_commands(data_home: Path) -> None:
    assert run("progress").exit_code == 0
    planned = json.loads(run("plan", "--json").stdout)
    assert planned["next"] == "args-kwargs" and planned["reason"] == "never tried"  # topic order
    assert run("compare").exit_code == 1


def test_compare_refuses_two_topics_and_the_same_attempt_twice(seeded: Store) -> None:
    across = run("compare", "1", "3")  # a gil attempt and a decorators one
    assert across.exit_code == 2 and across.stdout == ""
    assert "gil" in across.stderr and "decorators" in across.stderr
    same = run("compare", "2", "2")
    assert same.exit_code == 2 and "two different attempts" in same.stderr


def test_delete_without_a_terminal_needs_yes(seeded: Store) -> None:
    refused = run("delete", "3")  # CliRunner's stdin is not a terminal
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert seeded.get(3).topic == "decorators"  # still there
    assert run("delete", "3", "--yes").exit_code == 0


def test_a_topic_tried_once_is_not_called_inconsistent() -> None:
    topics = dict.fromkeys(("gil", "lambda"), LAYERS)
    progress = all_progress(topics, [attempt("gil", 1, "1001"), attempt("lambda", 2, "1111")])
    assert {p.topic: bucket(p, NOW) for p in progress} == {"gil": "once", "lambda": "once"}
    result = plan(progress, NOW)
    assert result.inconsistent == [] and result.once == ["gil", "lambda"]
    assert "tried once" in " ".join(run("plan").stdout.split())


def test_progress_says_what_its_overall_figure_counts(seeded: Store) -> None:
    data = json.loads(run("progress", "--json").stdout)
    overall = data["overall"]
    assert overall["topics"] == 10 and overall["tried"] == 2  # gil and decorators
    # latest gil answer covers 3 of 4 layers, decorators 1 of 4 (or so): of all 40 layers ...
    covered = sum(sum(t["latest"].values()) for t in data["topics"])
    assert overall["coverage"] == round(covered / 40, 3)
    assert overall["tried_coverage"] == round(covered / 8, 3)  # ... and of the 8 layers tried
    text = " ".join(run("progress").stdout.split())
    assert f"{covered / 40:.0%} of the layers of all 10 topics" in text
    assert "8 never tried count as 0" in text and f"{covered / 8:.0%} in the 2 topics tried" in text


def test_show_dates_an_attempt_in_local_time_as_history_does(seeded: Store, monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        row = next(line for line in run("history").stdout.splitlines() if line.startswith("2 "))
        when = re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", row)
        assert when and f"Attempt 2, {when.group()}" in run("show", "2").stdout
    finally:
        monkeypatch.undo()
        time.tzset()
