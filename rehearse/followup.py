"""The follow-up drill: which follow-up to ask, and how its short answer is scored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .rubric import FollowUp, Rubric
from .scoring import Score, Transcript, match_expected


def choose(rubric: Rubric, score: Score | None, asked: Counter[str] | None = None) -> FollowUp | None:
    """Prefer a follow-up that digs into a layer the answer missed; then the least asked."""
    if not rubric.follow_ups:
        return None
    asked = asked or Counter()
    missed = {n for n, r in score.layers.items() if not r.covered} if score else set()
    order = {f.question: i for i, f in enumerate(rubric.follow_ups)}
    return min(rubric.follow_ups,
               key=lambda f: (f.layer not in missed, asked[f.question], order[f.question]))


@dataclass(frozen=True)
class FollowUpResult:
    follow_up: FollowUp
    transcript: str
    matched: list[dict[str, Any]]
    audio: str | None = None
    skipped: bool = False

    @property
    def covered(self) -> bool:
        return not self.skipped and len(self.matched) >= self.follow_up.needed

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.follow_up.question, "layer": self.follow_up.layer,
                "skipped": self.skipped, "transcript": self.transcript, "audio": self.audio,
                "covered": self.covered, "expects": list(self.follow_up.expects),
                "matched": self.matched, "model_answer": self.follow_up.answer}


def score_answer(follow_up: FollowUp, transcript: Transcript | str, rubric: Rubric,
                 audio: str | None = None) -> FollowUpResult:
    if isinstance(transcript, str):
        transcript = Transcript(transcript)
    evidence = match_expected(transcript, follow_up.expects, rubric)
    return FollowUpResult(follow_up, transcript.text, [e.to_dict() for e in evidence], audio)


def skipped(follow_up: FollowUp) -> FollowUpResult:
    return FollowUpResult(follow_up, "", [], skipped=True)


def asked_before(records: list[list[dict[str, Any]] | None]) -> Counter[str]:
    """How often each follow-up question was asked in earlier attempts."""
    return Counter(item["question"] for items in records if items for item in items)
