"""How the answer was spoken: pace, fillers, pauses, time used, repeated words, and the
order and timing of the layers. Pure functions over a timed transcript.

Filler counts are a lower bound: Whisper leaves out many "um"s and "uh"s even when prompted to
keep them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from .scoring import Score, Transcript, Word
from .text import FILLERS, STOPWORDS
from .timefmt import clock

PACE_BAND = (120, 160)  # words per minute that sound calm and clear in an interview
LONG_PAUSE_SECONDS = 2.0
PACE_WINDOW_SECONDS = 30.0  # pace is also measured per window, to show where it drifted
RUSHED_FRACTION = 0.9  # a layer first heard after 90% of the time limit was rushed
LINGER_FRACTION = 0.6  # the first layer taking over 60% of the answer before the next one
FILLER_NOTE = "a lower bound: speech recognition drops some"

_SIMPLE_FILLERS = frozenset(FILLERS)
_WORD = re.compile(r"[\w']+")
# "like" after these is a verb or a comparison ("I like", "would like", "looks like").
_LIKE_VERB_BEFORE = {"i", "you", "we", "they", "he", "she", "would", "'d", "really", "do", "don't",
                     "does", "doesn't", "did", "didn't", "looks", "look", "looked", "seems",
                     "something", "feel", "feels", "sounds", "just", "more", "much", "to",
                     "things", "languages", "stuff"}


@dataclass(frozen=True)
class Pause:
    at: float  # seconds: when the silence began
    seconds: float


@dataclass(frozen=True)
class Delivery:
    words: int
    speaking_seconds: float  # first word to last word
    wpm: float | None
    pace: str  # "slow", "ok", "fast" against PACE_BAND, or "" without timings
    drift: list[tuple[float, float]]  # (window start s, wpm) for windows outside the band
    fillers: dict[str, int]
    pauses: list[Pause]  # longer than LONG_PAUSE_SECONDS
    time_used: float | None  # fraction of the time limit
    limit_s: float | None  # the time limit, kept so a rescore can redo the structure notes
    repeated: list[tuple[str, int]]  # content words said 3+ times, most first
    timeline: list[tuple[str, float]]  # (layer, first time heard) in the order spoken
    in_order: bool | None
    structure_notes: list[str] = field(default_factory=list)

    @property
    def filler_count(self) -> int:
        return sum(self.fillers.values())

    @property
    def longest_pause(self) -> float:
        return max((p.seconds for p in self.pauses), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["filler_count"] = self.filler_count
        data["fillers_note"] = FILLER_NOTE
        data["pace_band"] = list(PACE_BAND)
        return data


def _tokens(transcript: Transcript) -> list[tuple[str, str]]:
    """(word lowercased, the punctuation right after it) for every word said."""
    text = transcript.text
    return [(m.group(), text[m.end(): m.end() + 1].strip())
            for m in _WORD.finditer(text.lower())]


def count_fillers(transcript: Transcript) -> dict[str, int]:
    """um/uh/er..., "you know", and "like" or "so" when they are fillers, not words."""
    tokens = _tokens(transcript)
    counts: Counter[str] = Counter()
    for i, (word, punct) in enumerate(tokens):
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        sentence_start = before is None or before[1] in {".", "?", "!", ","}
        if word in _SIMPLE_FILLERS:
            counts["um" if word in {"umm", "uhm", "mm", "hmm"} else
                   "uh" if word == "uhh" else word] += 1
        elif word == "know" and before is not None and before[0] == "you" and before[1] == "":
            asked = i >= 2 and tokens[i - 2][0] in {"do", "did", "don't", "if", "would"}
            opens = i < 2 or tokens[i - 2][1] in {".", "?", "!", ","}
            if not asked and (punct == "," or opens):
                counts["you know"] += 1
        elif word == "like":
            if before is not None and before[0] in _LIKE_VERB_BEFORE and before[1] == "":
                continue  # "I like", "looks like": the verb or a comparison
            if punct == "," or (before is not None and before[1] == ",") or sentence_start \
                    or (after is not None and after[0] in _SIMPLE_FILLERS):
                counts["like"] += 1
        elif word == "so" and (punct == "," or (after is not None and after[0] in _SIMPLE_FILLERS)) \
                and sentence_start:
            counts["so"] += 1
    return dict(counts.most_common())


def long_pauses(words: tuple[Word, ...]) -> list[Pause]:
    return [Pause(round(a.end, 2), round(b.start - a.end, 2))
            for a, b in zip(words, words[1:], strict=False)
            if b.start - a.end > LONG_PAUSE_SECONDS]


def _pace(wpm: float) -> str:
    low, high = PACE_BAND
    return "slow" if wpm < low else "fast" if wpm > high else "ok"


def _drift(words: tuple[Word, ...]) -> list[tuple[float, float]]:
    if not words:
        return []
    start, end = words[0].start, words[-1].end
    out: list[tuple[float, float]] = []
    window = start
    while window + PACE_WINDOW_SECONDS / 2 <= end:
        stop = min(window + PACE_WINDOW_SECONDS, end)
        count = sum(1 for w in words if window <= w.start < stop)
        wpm = count / (stop - window) * 60
        if _pace(wpm) != "ok":
            out.append((round(window - start, 1), round(wpm)))
        window += PACE_WINDOW_SECONDS
    return out


def repeated_words(transcript: Transcript, minimum: int = 3, top: int = 3) -> list[tuple[str, int]]:
    words = [w for w, _ in _tokens(transcript)
             if w not in STOPWORDS and w not in _SIMPLE_FILLERS and len(w) > 2]
    return [(w, n) for w, n in Counter(words).most_common(top) if n >= minimum]


def structure(score: Score, limit: float | None) -> tuple[list[tuple[str, float]], bool | None,
                                                           list[str]]:
    """When each layer was first heard, whether in the rubric's order, and plain notes."""
    firsts = [(name, r.first_time) for name, r in score.layers.items()
              if r.covered and r.first_time is not None]
    if not firsts:
        return [], None, []
    timeline = sorted(firsts, key=lambda x: x[1])
    order = list(score.layers)
    spoken = [name for name, _ in timeline]
    in_order = spoken == sorted(spoken, key=order.index)
    notes = []
    if not in_order:
        notes.append("layers out of the usual order (" + " → ".join(
            score.layers[n].label for n in spoken) + ")")
    words = score.transcript.words
    end = words[-1].end if words else None
    if len(timeline) >= 2 and end:
        first_name, first_at = timeline[0]
        span = timeline[1][1] - first_at
        if span > LINGER_FRACTION * (end - first_at) and span > 30:
            notes.append(f"{score.layers[first_name].label} took {clock(span)} before the next "
                         "layer: say it in one or two sentences")
    if limit:
        for name, at in timeline:
            if at >= RUSHED_FRACTION * limit:
                notes.append(f"{score.layers[name].label} came only at {clock(at)}: "
                             "leave it more time")
    return timeline, in_order, notes


def analyse(score: Score, duration: float | None = None, limit: float | None = None) -> Delivery:
    """Delivery figures for a scored answer (timings come from the transcript's words)."""
    transcript = score.transcript
    words = transcript.words
    count = len(transcript.text.split())
    speaking = round(words[-1].end - words[0].start, 2) if len(words) >= 2 else 0.0
    wpm = round(count / speaking * 60) if speaking >= 5 else None
    timeline, in_order, notes = structure(score, limit)
    return Delivery(
        words=count, speaking_seconds=speaking, wpm=wpm, pace=_pace(wpm) if wpm else "",
        drift=_drift(words), fillers=count_fillers(transcript), pauses=long_pauses(words),
        time_used=round(duration / limit, 2) if duration and limit else None, limit_s=limit,
        repeated=repeated_words(transcript), timeline=timeline, in_order=in_order,
        structure_notes=notes)
