"""Score a transcript against a rubric: which layers the answer covered, and the proof.

How a phrase matches (the README's "How a phrase matches" says the same for rubric authors):

* Transcript and phrase are normalised the same way (``rehearse.text``) and stopwords dropped,
  leaving content tokens.
* Every content token of the phrase must be heard, in the phrase's order, within a short window
  of the transcript (phrase length plus slack), except words marked optional with a trailing
  "?" ("only one thread runs? python? bytecode"), which only widen the quote. Tokens match
  exactly, through a term alias, or fuzzily with rapidfuzz when both are long enough
  (>= 5 characters, ratio >= 85, never across a negating prefix: "mutable" is not
  "immutable"). Short tokens ("gil", "map") need an exact or alias match, so "gil" is not
  found in "gilbert".
* A negation or an antonym between the matched words that the phrase does not have breaks the
  match: "lists are not mutable" and "lists are immutable and tuples are mutable" are no
  evidence for "lists are mutable".
* The phrase's score is the mean similarity of its required tokens; an idea is matched by its
  best phrase; a layer is covered when ``needed`` ideas matched.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from .rubric import Layer, Rubric
from .text import NEGATIONS, Phrase, Token, is_content, negated, parse_phrase, tokenize

FUZZY_MIN_LEN = 5  # tokens shorter than this need an exact or alias match
FUZZY_CUTOFF = 85  # rapidfuzz ratio (0-100) for two long tokens to count as the same word


@dataclass(frozen=True, slots=True)
class Word:
    """A transcribed word with its start and end time in seconds."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Transcript:
    """What was said: the text and, for speech, per-word timings aligned to the text."""

    text: str
    words: tuple[Word, ...] = ()
    _offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_words(cls, words: Sequence[Word]) -> Transcript:
        """Join timed words (Whisper's carry their leading space) into one text."""
        offsets, parts, pos = [], [], 0
        for word in words:
            piece = word.text if not parts or word.text[:1].isspace() else " " + word.text
            lead = len(piece) - len(piece.lstrip())
            offsets.append(pos + lead)
            parts.append(piece)
            pos += len(piece)
        text = "".join(parts)
        stripped = len(text) - len(text.lstrip())
        return cls(text[stripped:], tuple(words), tuple(o - stripped for o in offsets))

    def time_at(self, char: int) -> float | None:
        """Start time of the word holding character ``char``, when timings are known."""
        if not self.words:
            return None
        index = max(0, bisect.bisect_right(self._offsets, char) - 1)
        return round(self.words[index].start, 2)


@dataclass(frozen=True)
class Evidence:
    """One matched idea: the rubric phrase, the words actually said, where and when."""

    idea: str
    phrase: str
    said: str
    start: int
    end: int
    time: float | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"idea": self.idea, "phrase": self.phrase, "said": self.said, "start": self.start,
                "end": self.end, "time": self.time, "score": self.score}


@dataclass(frozen=True)
class LayerResult:
    name: str
    label: str
    covered: bool
    score: float
    matched: tuple[Evidence, ...]
    cue: str
    next_step: str

    @property
    def first_time(self) -> float | None:
        times = [e.time for e in self.matched if e.time is not None]
        return min(times) if times else None

    def to_dict(self) -> dict[str, Any]:
        return {"covered": self.covered, "score": self.score, "label": self.label,
                "matched": [e.to_dict() for e in self.matched], "cue": self.cue,
                "next_step": None if self.covered else self.next_step}


@dataclass(frozen=True)
class Score:
    rubric: Rubric
    transcript: Transcript
    layers: Mapping[str, LayerResult]

    @property
    def covered(self) -> int:
        return sum(r.covered for r in self.layers.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.rubric.id,
            "question": self.rubric.question,
            "rubric": {"id": self.rubric.id, "version": self.rubric.version,
                       "hash": self.rubric.digest, "source": self.rubric.source},
            "covered": self.covered,
            "total": len(self.layers),
            "layers": {name: r.to_dict() for name, r in self.layers.items()},
            "transcript": self.transcript.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Score:
        """A stored score (``to_dict``) back as a Score, needing no rubric file: what was
        stored is shown even after the rubric changed or was deleted."""
        ref = data.get("rubric") or {}
        layers = {name: LayerResult(
            name, layer.get("label", name), layer["covered"], layer["score"],
            tuple(Evidence(**e) for e in layer["matched"]), layer["cue"],
            layer.get("next_step") or "") for name, layer in data["layers"].items()}
        rubric = Rubric(
            id=data["topic"], title=data["topic"], question=data["question"],
            version=ref.get("version", 0), digest=ref.get("hash", ""),
            layers={n: Layer(n, r.label, r.cue, r.next_step, 1, ()) for n, r in layers.items()},
            terms={}, follow_ups=(), source=ref.get("source", "stored"))
        return cls(rubric, Transcript(data["transcript"]), layers)


class _Index:
    """The transcript's content tokens and, per phrase token, where it occurs and how well."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = [t for t in tokens if is_content(t.text)]
        self.positions: dict[str, list[int]] = {}
        for pos, token in enumerate(self.tokens):
            self.positions.setdefault(token.text, []).append(pos)
        self._long = [w for w in self.positions if len(w) >= FUZZY_MIN_LEN and not w.isdigit()]
        self._cache: dict[str, list[tuple[int, float]]] = {}

    def hits(self, word: str) -> list[tuple[int, float]]:
        """(position, similarity 0..1) of every transcript token that counts as ``word``."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found = [(pos, 1.0) for pos in self.positions.get(word, ())]
        if len(word) >= FUZZY_MIN_LEN and not word.isdigit() and self._long:
            for other, ratio, _ in process.extract(word, self._long, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=None):
                if other != word and not negated(word, other):
                    found.extend((pos, ratio / 100) for pos in self.positions[other])
        self._cache[word] = found
        return found

    def _contradicted(self, phrase: Phrase, used: list[int]) -> bool:
        """A negation or antonym between the matched words that the phrase itself lacks:
        "lists are NOT mutable" or "lists are IMMUTABLE and tuples are mutable" is no evidence
        for "lists are mutable"."""
        for pos in range(min(used), max(used)):
            word = self.tokens[pos].text
            if pos in used:
                continue
            if word in NEGATIONS and word not in phrase.required:
                return True
            raw = self.tokens[pos].word
            if any(negated(raw, req) for req in phrase.words if len(req) >= 3):
                return True
        return False

    def best_match(self, phrase: Phrase) -> tuple[float, list[int]]:
        """Best mean similarity of ``phrase`` over windows where all its required tokens occur.

        Returns (0.0, []) when no window holds every required token; otherwise the score and
        the transcript positions used (optional tokens included where present).
        """
        required = [self.hits(word) for word in phrase.required]
        if not required or not all(required):
            return 0.0, []
        optional = [self.hits(word) for word in phrase.optional]
        width = len(required) + len(optional) + max(2, len(required))
        best: tuple[float, list[int]] = (0.0, [])
        best_key: tuple[float, int] = (0.0, 0)
        for anchor in sorted({pos for hits in required for pos, _ in hits}):
            used: list[int] = []
            total = 0.0
            last = anchor - 1
            for i, hits in enumerate(required + optional):
                is_required = i < len(required)
                options = [(sim, -pos, pos) for pos, sim in hits
                           if anchor <= pos < anchor + width and pos not in used
                           and (not is_required or pos > last)]
                if options:
                    sim, _, pos = max(options)
                    used.append(pos)
                    if is_required:
                        total += sim
                        last = pos
                elif is_required:
                    break
            else:
                score = total / len(required)
                key = (score, -(max(used) - min(used)))  # equal scores: the tightest quote
                if key > best_key and not self._contradicted(phrase, used[: len(required)]):
                    best, best_key = (score, used), key
        return best


def _compiled(rubric: Rubric) -> dict[str, list[tuple[str, list[Phrase]]]]:
    key = rubric.ref
    if key not in _COMPILED:
        _COMPILED[key] = {
            name: [(idea.idea, [parse_phrase(p, rubric.term_map) for p in idea.phrases])
                   for idea in layer.evidence]
            for name, layer in rubric.layers.items()
        }
    return _COMPILED[key]


_COMPILED: dict[str, dict[str, list[tuple[str, list[Phrase]]]]] = {}


def match_phrases(index: _Index, transcript: Transcript, idea: str,
                  phrases: Sequence[Phrase]) -> Evidence | None:
    """The best-matching phrase of one idea as evidence, or None when none reaches the bar."""
    best: tuple[float, Phrase | None, list[int]] = (0.0, None, [])
    for phrase in phrases:
        score, used = index.best_match(phrase)
        if score > best[0]:
            best = (score, phrase, used)
    score, phrase, used = best
    if phrase is None:
        return None
    start = min(index.tokens[p].start for p in used)
    end = max(index.tokens[p].end for p in used)
    return Evidence(idea, phrase.text, transcript.text[start:end], start, end,
                    transcript.time_at(start), round(score, 3))


def _score_layer(layer: Layer, ideas: list[tuple[str, list[Phrase]]], index: _Index,
                 transcript: Transcript) -> LayerResult:
    matched = [e for idea, phrases in ideas
               if (e := match_phrases(index, transcript, idea, phrases)) is not None]
    matched.sort(key=lambda e: e.start)
    score = min(1.0, sum(e.score for e in matched) / layer.needed)
    return LayerResult(layer.name, layer.label, len(matched) >= layer.needed, round(score, 3),
                       tuple(matched), layer.cue, layer.next_step)


def score(transcript: Transcript | str, rubric: Rubric) -> Score:
    """Score ``transcript`` against ``rubric``. Pure: no I/O, no model, deterministic."""
    if isinstance(transcript, str):
        transcript = Transcript(transcript)
    index = _Index(tokenize(transcript.text, rubric.term_map))
    compiled = _compiled(rubric)
    layers = {name: _score_layer(layer, compiled[name], index, transcript)
              for name, layer in rubric.layers.items()}
    return Score(rubric, transcript, layers)



def match_expected(transcript: Transcript | str, expects: Sequence[str],
                   rubric: Rubric) -> list[Evidence]:
    """Which of ``expects`` (phrases a good follow-up answer mentions) were said."""
    if isinstance(transcript, str):
        transcript = Transcript(transcript)
    index = _Index(tokenize(transcript.text, rubric.term_map))
    found = [match_phrases(index, transcript, phrase, [parse_phrase(phrase, rubric.term_map)])
             for phrase in expects]
    return [e for e in found if e is not None]
