"""Progress across attempts, and what to practise next. Pure functions over attempt summaries.

The plan follows the seed's method ("three you answer well, three you answer inconsistently,
three you still avoid: tighten those first") with spaced repetition for the order: a topic is
due when its weakness and its staleness outweigh the others; each run of full answers doubles
the rest it gets (1, 2, 4, 8... days), as Anki spaces cards you keep answering well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .store import Attempt, LayerRecord

WELL_STREAK = 2  # full answers in a row that make a topic "answer well"
STALE_DAYS = 21  # a single weak attempt older than this counts as avoided again


def _when(attempt: LayerRecord) -> datetime:
    return datetime.fromisoformat(attempt.started_at)


@dataclass(frozen=True)
class TopicProgress:
    topic: str
    attempts: int  # every attempt, scored or not
    trend: tuple[int, ...]  # layers covered per scored attempt, oldest first
    total: int  # layers in the topic's rubric
    best: int
    latest: dict[str, bool]
    weakest: str | None  # the layer covered least often across scored attempts
    last_practised: datetime | None
    streak: int  # full answers in a row, up to the latest
    layer_rates: dict[str, float] = field(default_factory=dict)

    @property
    def scored(self) -> int:
        return len(self.trend)

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "attempts": self.attempts, "trend": list(self.trend),
                "best": self.best, "total": self.total, "latest": self.latest,
                "weakest": self.weakest,
                "last_practised": self.last_practised.isoformat() if self.last_practised else None,
                "layer_rates": self.layer_rates}


def topic_progress(topic: str, layers: Sequence[str],
                   attempts: Iterable[LayerRecord]) -> TopicProgress:
    """``attempts`` of one topic, any order."""
    ordered = sorted(attempts, key=_when)
    scored = [a for a in ordered if a.covered]
    trend = tuple(sum(a.covered.get(name, False) for name in layers) for a in scored)
    rates = {name: sum(a.covered.get(name, False) for a in scored) / len(scored)
             for name in layers} if scored else {}
    weakest = min(layers, key=lambda name: (rates[name], layers.index(name))) if scored else None
    if weakest is not None and rates[weakest] == 1.0:
        weakest = None
    streak = 0
    for count in reversed(trend):
        if count != len(layers):
            break
        streak += 1
    return TopicProgress(
        topic=topic, attempts=len(ordered), trend=trend, total=len(layers),
        best=max(trend, default=0), latest=dict(scored[-1].covered) if scored else {},
        weakest=weakest, last_practised=_when(ordered[-1]) if ordered else None,
        streak=streak, layer_rates=rates)


def all_progress(topics: Mapping[str, Sequence[str]],
                 attempts: Iterable[LayerRecord]) -> list[TopicProgress]:
    by_topic: dict[str, list[LayerRecord]] = {t: [] for t in topics}
    for attempt in attempts:
        if attempt.topic in by_topic:
            by_topic[attempt.topic].append(attempt)
    return [topic_progress(t, topics[t], by_topic[t]) for t in topics]


@dataclass(frozen=True)
class Overall:
    """Layers covered in each topic's latest scored answer, over the layers of every topic (a
    topic never tried counts as 0) and over the layers of the topics tried."""

    coverage: float
    tried_coverage: float
    topics: int
    tried: int

    def to_dict(self) -> dict[str, Any]:
        return {"coverage": round(self.coverage, 3), "tried_coverage": round(self.tried_coverage, 3),
                "topics": self.topics, "tried": self.tried}


def overall(progress: Sequence[TopicProgress]) -> Overall:
    tried = [p for p in progress if p.scored]
    covered = sum(sum(p.latest.values()) for p in tried)
    total, tried_total = sum(p.total for p in progress), sum(p.total for p in tried)
    return Overall(covered / total if total else 0.0,
                   covered / tried_total if tried_total else 0.0, len(progress), len(tried))


def progress_dict(progress: Sequence[TopicProgress]) -> dict[str, Any]:
    """``progress --json``: the overall figures and each topic."""
    return {"overall": overall(progress).to_dict(), "topics": [p.to_dict() for p in progress]}


@dataclass(frozen=True)
class Comparison:
    """What changed from one attempt to a later one (pairs are [before, after])."""

    before: Attempt
    after: Attempt
    gained: list[str]
    dropped: list[str]
    missing: list[str]  # in neither
    fillers: list[int | None]
    wpm: list[float | None]
    duration_s: list[float | None]

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.id, "after": self.after.id, "topic": self.after.topic,
                "gained": self.gained, "dropped": self.dropped, "missing": self.missing,
                "duration_s": self.duration_s, "fillers": self.fillers, "wpm": self.wpm}


def compare(before: Attempt, after: Attempt, layers: Sequence[str]) -> Comparison:
    was, now = before.covered, after.covered
    pair = (before, after)
    return Comparison(
        before, after,
        gained=[n for n in layers if now.get(n) and not was.get(n)],
        dropped=[n for n in layers if was.get(n) and not now.get(n)],
        missing=[n for n in layers if not now.get(n) and not was.get(n)],
        fillers=[(x.delivery or {}).get("filler_count") for x in pair],
        wpm=[(x.delivery or {}).get("wpm") for x in pair],
        duration_s=[x.duration_s for x in pair])


@dataclass(frozen=True)
class Plan:
    well: list[str]
    inconsistent: list[str]  # scored more than once, without a run of full answers
    avoid: list[str]  # never tried, or only weak attempts that are going stale
    next_topic: str | None
    reason: str
    once: list[str] = field(default_factory=list)  # scored once: too early to call

    def to_dict(self) -> dict[str, Any]:
        return {"well": self.well, "inconsistent": self.inconsistent, "once": self.once,
                "avoid": self.avoid, "next": self.next_topic, "reason": self.reason}


def bucket(p: TopicProgress, now: datetime) -> str:
    if p.scored == 0:
        return "avoid"
    if p.streak >= WELL_STREAK:
        return "well"
    days = (now - p.last_practised).days if p.last_practised else 0
    if p.best < p.total and days > STALE_DAYS:
        return "avoid"
    return "once" if p.scored == 1 else "inconsistent"


def _due(p: TopicProgress, now: datetime) -> tuple[float, str]:
    """How much a topic needs practice now (higher first), and why, in a few words."""
    if p.scored == 0:
        return 10.0, "never tried" if p.attempts == 0 else "never scored"
    days = (now - p.last_practised).total_seconds() / 86400 if p.last_practised else 0.0
    latest = p.trend[-1] / p.total
    if p.streak:
        interval = 2.0 ** (p.streak - 1)  # 1, 2, 4, 8 ... days of rest after full answers
        overdue = days / interval
        return overdue, f"full answers, last {days:.0f} days ago: due for review" if overdue >= 1 \
            else f"answered well {days:.0f} days ago"
    weakness = 1.0 - latest
    missing = p.weakest.replace("_", "-") if p.weakest else "a layer"
    return 1.0 + 3 * weakness + min(days, 30) / 10, (
        f"covered {p.trend[-1]}/{p.total} last time; {missing} is weakest")


def plan(progress: Sequence[TopicProgress], now: datetime | None = None) -> Plan:
    now = now or datetime.now(UTC)
    buckets: dict[str, list[str]] = {"well": [], "inconsistent": [], "once": [], "avoid": []}
    for p in progress:
        buckets[bucket(p, now)].append(p.topic)
    ranked = sorted(progress, key=lambda p: -_due(p, now)[0])  # stable: rubric order on ties
    if not ranked:
        return Plan([], [], [], None, "no topics")
    first = ranked[0]
    return Plan(buckets["well"], buckets["inconsistent"], buckets["avoid"], first.topic,
                _due(first, now)[1], buckets["once"])
