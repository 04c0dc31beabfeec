"""Score a transcript against a rubric: which layers the answer covered, and the proof.

How an answer is judged (the README's "How an idea matches" says the same for rubric authors):

* Answer and rubric ideas are normalised the same way (``rehearse.text``): case, contractions,
  numbers, inflections, spoken code, the shared thesaurus (``rehearse.thesaurus``: "executes"
  is "run") and the rubric's ``[terms]`` (mishearings: "gill" is "gil").
* The answer is cut into sentences and lines of code (``rehearse.shapes.segment``).
* An idea is a few key terms ("gil + lock/mutex"): it matches when every term is heard in one
  sentence, in any order (``>``: after the term before it), within a short stretch. Terms match
  exactly, through a term alias, or fuzzily with rapidfuzz when both are long enough (>= 5
  characters, ratio >= 85, never across a negating prefix: "mutable" is not "immutable").
  Short tokens ("gil", "map") need an exact or alias match, so "gil" is not found in "gilbert".
* A negation or an antonym between the matched words (or a negation just before them) that the
  idea does not hold itself breaks the match: "lists are not mutable" and "lists are immutable
  and tuples are mutable" are no evidence for "list > mutable".
* Each of the four standard layers also has a rubric-free shape (``rehearse.shapes``: code, a
  worked example, a cost or comparison, a definition), counted only in sentences about the
  topic (the rubric's ``topic`` terms).
* A layer is covered when ``needed`` ideas matched (a shape counts as one).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import keyword
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process

from .affinity import Affinity, with_shipped
from .rubric import Idea as RubricIdea
from .rubric import Layer, Rubric
from .shapes import (
    BUILTINS,
    MIN_TOPIC_MENTIONS,
    NOT_AFTER_DOT,
    NOT_AT_A_NAME,
    SOFTENERS,
    Shapes,
    Unit,
    comment_start,
    in_a_string,
    in_code,
    in_quotes,
    is_bullet,
    remarks_in_words,
    segment,
)
from .text import (
    EXCESS,
    NEGATIONS,
    OWN_STEMS,
    Idea,
    Term,
    TermMap,
    Token,
    is_content,
    negated,
    parse_idea,
    phrase_as_idea,
    tokenize,
    unfolded,
    without_fillers,
)
from .thesaurus import CONNECTIVES


@dataclass(frozen=True, slots=True)
class Word:
    """A transcribed word with its start and end time in seconds."""

    text: str
    start: float
    end: float


_JOINING = frozenset("-.,;:!?')]}%")  # marks that continue the word before them


@dataclass(frozen=True)
class Transcript:
    """What was said: the text and, for speech, per-word timings aligned to the text."""

    text: str
    words: tuple[Word, ...] = ()
    _offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_words(cls, words: Sequence[Word]) -> Transcript:
        """Join timed words into one text. Whisper's words carry their leading space; one
        without it that starts with a joining mark continues the word before ("read" "-only",
        "list" ".append(x)", "490" ".1"), any other (a new chunk's first word) is spaced."""
        offsets: list[int] = []
        parts: list[str] = []
        pos = 0
        for word in words:
            glued = not parts or word.text[:1].isspace() or word.text[:1] in _JOINING
            piece = word.text if glued else " " + word.text
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


# "... is (often) called a decorator", "... are known as lambdas": a name given (stems)
_NAMING_ARTICLES = frozenset({"a", "an", "the"})
_BEFORE_CALLED = frozenset({"is", "are", "was", "were", "be", "been", "often", "usual", "sometim"})
_NAMED_AS = (["known", "as"], ["refer", "to", "as"])
_PYTHON_NAMES = BUILTINS | frozenset(keyword.kwlist) | {"args", "kwargs", "self", "cls"}
BLOCK_SPAN = 80  # tokens of a snippet that one case told in code may spread over
COMBINATIONS = 1000  # of one idea's occurrences tried in one sentence (twice with an order)
FUZZY_MIN_LEN = 5  # tokens shorter than this need an exact or alias match
FUZZY_CUTOFF = 87  # rapidfuzz ratio (0-100) for two long tokens to count as the same word
SURFACE_CUTOFF = 80  # ... and for the word as said against the other's stem
SEQUENCE_GAP = 2  # words of a several-word term may have this many other words between them
# "without crashing": denying one of these is no negation of what the sentence claims.
FAILURES = frozenset("break broke crash stop fail halt interrupt lose termin abort die".split())
NEGATION_REACH = 1  # a negation just before a match still flips it ("not lazy")
_COMPLEXITY = frozenset({"complex", "complic"})  # (stems)
_ENABLING = frozenset({"allow", "enabl", "support", "handl", "permit"})  # ... what they make possible
SHAPE_SCORE = 0.8  # what a rubric-free shape adds to a layer's score
PRONOUN_SCORE = 0.9  # similarity of "it"/"they" standing for a topic term
PRONOUNS = ("it", "they", "them", "this", "these")
PRONOUN_REACH = 3  # tokens from its sentence's start that a pronoun may stand and still open it
CARRY_SCORE = 0.85  # similarity of a sentence right after one naming the topic, for its subject
MAX_QUOTE = 120  # characters of a code line or sentence quoted as a shape's evidence


def _in_order(groups: Sequence[Sequence[Occurrence]]) -> Iterator[tuple[Occurrence, ...]]:
    """Every choice of one occurrence per group, each after the one before ("0 mod 0 mod" in
    a phrase that says "0%0%" again and again), without trying every other order. Only
    occurrences that the later groups can still follow are tried, so each choice yielded costs
    a few steps, however many dead ends the product holds."""
    usable: list[list[Occurrence]] = [[] for _ in groups]
    latest = math.inf  # the latest start among the usable occurrences of the next group
    for k in range(len(groups) - 1, -1, -1):
        usable[k] = [occ for occ in groups[k] if occ[1] < latest]
        latest = max((occ[0] for occ in usable[k]), default=-math.inf)

    def choose(k: int, after: float) -> Iterator[tuple[Occurrence, ...]]:
        if k == len(groups):
            yield ()
            return
        for occ in usable[k]:
            if occ[0] > after:
                for rest in choose(k + 1, occ[1]):
                    yield (occ, *rest)

    return choose(0, -math.inf)


def _max_span(terms: int) -> int:
    """Tokens (stopwords included) an idea of ``terms`` terms may spread over."""
    return 8 + 6 * max(0, terms - 1)


_PUNCTUATION = re.compile(r"[,.;:!?()\[\]{}]")
_CLAUSE_MARK = re.compile(r"[,;:\u2014]|(?<=\s)[\u2013-](?=\s)")  # (a dash between clauses too)
# what a clause without a subject of its own starts with: the one before it lends its subject
_SHARED_SUBJECT = frozenset({"can", "could", "will", "would", "should", "must", "may",
                             "might", "is", "are", "was", "were", "doe", "do", "did", "has",
                             "have", "had", "not"})
_FRONTING = frozenset({"and", "in", "for", "with", "as", "so", "now", "then", "about"})
_CLAUSE_WORDS = frozenset({"and", "but", "while", "wherea"})  # "whereas" stems to "wherea"

_POSSESS = frozenset({"has", "have", "had", "with"})

Occurrence = tuple[int, int, float]  # first and last token position, similarity 0..1


# A bracket that opens a literal in code (not a call's or a subscript's), read as a speaker says
# it, so a rubric's spoken code ("open bracket n times n for n in numbers") also finds it
# written ("[n * n for n in numbers]"). In a sentence with code in it, a parenthesis is prose's.
_WRITTEN = {"(": ("open", "paren"), "[": ("open", "bracket"), "{": ("open", "brace")}
_OPENING = re.compile(r"(?<![\w)\]}'\"])\s*([(\[{])(?!\s*[)\]}])")  # not an empty one: "[]"


# Constructs that name their topic in code, whatever the names in them: a starred parameter or
# argument ("def log(msg, *values)", "f(**options)"; not markdown's **bold**) is *args / **kwargs,
# a line opening with "@name" a decorator, and "[n * n for n in nums]" or "{k: v for k, v in
# pairs}" a comprehension.
_STARRED = re.compile(r"[(,]\s*(\*\*?)(?!(args|kwargs)\b)[A-Za-z_]\w*\s*(?=[,)=:])")
# the whole line: "@app.route('/')", or a call that goes on below it: "@app.route("
_DECORATOR_LINE = re.compile(r"\s*(>>>\s*)?@([A-Za-z_][\w.]*)(\(.*)?\s*$")
_OTHER_CONSTRUCTS = frozenset({"dataclass", "property", "setter", "getter", "deleter",
                               "staticmethod", "classmethod", "abstractmethod", "override"})
# where a tuple may be written: after "=", an opening bracket, a comma, a colon, "return",
# "yield" or "in", or at the start of a line (not "def area (w, h)", "except (A, B)")
_A_VALUE_STARTS = re.compile(r"(^|[=(\[{,:]|\b(return|yield|in))\s*$")
_NESTED = r"(?:[^\[\]{}]|\[[^\[\]{}]*\]|\{[^\[\]{}]*\})*?"  # one level: [u["name"] for ...]
_COMPREHENSION = re.compile(rf"[\[{{]{_NESTED}\b(for)\b{_NESTED}\bin\b")
# ... and the same constructs said aloud, in a sentence that holds code: "select p for p in
# person", "u dot name for u in users" (the loop's name said before "for"; not "word for word
# in"), "user of star star dictionary" (star star kwargs is a term of its own), "at app dot
# route" (the name after "at" is no English: not "at the top", "at least")
_SAID = re.compile(
    r"\b(?P<comprehens>(?!word\b)([a-z]\w*)(?:\s+\w+){0,3}?\s+for\s+\2\s+(?:in|and)\s+"
    r"(?!(?:the|a|an|this|that|my|your|our)\b)\w+)"
    r"|\b(?P<kwarg>(?:star|asterisk)[\s,]+(?:star|asterisk)[\s,]+"
    r"(?!(?:kwargs?|kw|args|arcs)\b)[a-z]\w*)"
    r"|\b(?P<decor>at\s+" + NOT_AT_A_NAME + r"[a-z]\w*\s+dot\s+" + NOT_AFTER_DOT + r"[a-z]\w*"
    # "at timer on the update function", "at retry, open bracket, ..., close bracket, on top of
    # my read function", "at log calls above def add"
    r"|at\s+" + NOT_AT_A_NAME + r"[a-z]\w*(?:\s+\w+){0,2}?(?:,?\s+open\s+(?:bracket|paren)\w*"
    r"[^.]{0,80}?\bclose\s+(?:bracket|paren)\w*,?)?\s+(?:on\s+top\s+of|above|on|over)\s+"
    r"(?:(?:the|a|an|my|your|our|each|every)\s+)?(?:\w+\s+){0,2}?(?:def|function|method|view)\b)",
    re.IGNORECASE)
_SAID_AS = {"comprehens": "for in", "kwarg": "star star", "decor": "at"}  # (their words)
_SAID_WORDS = frozenset(_SAID_AS.values())
_CONSTRUCTS = frozenset({"@", "[", "{", "*", "**", *_SAID_WORDS})  # what their tokens hold


def _code_symbols(text: str, units: Sequence[Unit], comments: Sequence[int | None]
                  ) -> list[Token]:
    """The opening brackets of literals in code and a tuple's commas and closing parenthesis,
    as the words a speaker would say for them; a decorator line and a written comprehension as
    the "decorator" and "comprehension" they are (faintly: an alias of no word), a starred
    parameter or argument as the "args" or "kwargs" it is, and the same said aloud."""
    out: list[Token] = []
    # (a tuple's items only in an answer that says "tuple" somewhere: "(0, 1)" in a snippet
    # about decorators is no answer about tuples)
    tuples = "tupl" in text.lower()
    for unit, comment in zip(units, comments, strict=True):
        if not unit.code:
            continue
        line = text[unit.start:unit.end]
        end = len(line) if comment is None else comment
        for m in _OPENING.finditer(line, 0, end):
            if (not unit.prose or m.group(1) != "(") and not in_quotes(line[:m.start(1)]):
                at = unit.start + m.start(1)
                out.extend(Token(word, at, at + 1, m.group(1)) for word in _WRITTEN[m.group(1)])
                if m.group(1) == "(" and tuples and _A_VALUE_STARTS.search(line, 0, m.start(1)):
                    out.extend(_tuple_items(line, m.start(1), end, unit.start))  # a tuple
        found = _DECORATOR_LINE.match(line, 0, end)
        if found and found.group(2).split(".")[-1].lower() not in _OTHER_CONSTRUCTS:
            # "@app.route('/')": a decorator (not "@dataclass", "@property": the data class or
            # the property is what such an answer is about)
            at = unit.start + line.index("@")
            out.append(Token("decor", at, at + 1, "@", alias=True))
        for m in _COMPREHENSION.finditer(line, 0, end):
            if not in_quotes(line[:m.start()]) and not in_quotes(line[:m.start(1)]):
                at = unit.start + m.start()
                out.append(Token("comprehens", at, at + 1, m.group()[0], alias=True))
        for m in _SAID.finditer(line, 0, end) if unit.prose else ():
            at = unit.start + m.start()  # one character: as faint as a written construct
            kind = next(k for k in _SAID_AS if m.group(k))
            out.append(Token(kind, at, at + 1, _SAID_AS[kind], alias=True))
        for m in _STARRED.finditer(line, 0, end):
            before = line[:m.start(1)]
            if before.count("(") > before.count(")") and not in_quotes(before):
                at = unit.start + m.start(1)
                stars = m.group(1)
                out.append(Token("kwarg" if len(stars) == 2 else "arg", at, at + len(stars),
                                 stars, alias=True))
    return out


def _tuple_items(line: str, opened: int, end: int, offset: int) -> list[Token]:
    """The commas between the items of the tuple opened at ``line[opened]`` and its closing
    parenthesis, as said ("comma", "close paren"): ``(10, 20)`` is "open paren ten comma twenty
    close paren". Nothing when it does not close on the line or holds one item."""
    depth = 0
    commas: list[int] = []
    quote = ""
    for i in range(opened, end):
        c = line[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                if not commas or c != ")":
                    return []
                return [*(Token("comma", offset + p, offset + p + 1, ",") for p in commas),
                        Token("close", offset + i, offset + i + 1, c),
                        Token("paren", offset + i, offset + i + 1, c)]
        elif c == "," and depth == 1:
            commas.append(i)
    return []


# a symbol said aloud is no word it looks like: "open paren star args" names no "parent"
_SYMBOLS = frozenset({"paren", "parens"})
MISHEARD_IN = 0.8  # how surely "for x and xs" in a line of code is "for x in xs"


class _Index:
    """The transcript's tokens, its sentences, and where each rubric word occurs and how well."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.text = text
        self.units = segment(text)
        # where the comment of each line of code starts (None: no comment, or no code)
        self._comments = [comment_start(text[u.start:u.end]) if u.code else None
                          for u in self.units]
        self.tokens = sorted([*tokens, *_code_symbols(text, self.units, self._comments)],
                             key=lambda t: t.start)
        starts = [u.start for u in self.units]
        self.unit_of = [max(0, bisect.bisect_right(starts, t.start) - 1) for t in self.tokens]
        # a snippet: lines of code one after another are one block (each sentence is its own)
        self.block_of: list[int] = []
        for u, unit in enumerate(self.units):
            joined = u and unit.code and not unit.prose and self.units[u - 1].code \
                and not self.units[u - 1].prose
            self.block_of.append(self.block_of[-1] if joined else u)
        self.positions: dict[str, list[int]] = {}
        for pos, token in enumerate(self.tokens):
            self.positions.setdefault(token.text, []).append(pos)
        self._long = [w for w in self.positions
                      if len(w) >= FUZZY_MIN_LEN and not w.isdigit() and is_content(w)]
        # Running counts of punctuation (and of clause breaks) before each token, so whether two
        # tokens are in one stretch of words or one clause is a subtraction.
        stops = [m.start() for m in _PUNCTUATION.finditer(text)]
        self._marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        self._stops = [bisect.bisect_left(stops, t.start) for t in self.tokens]
        self._clauses = self._count_clauses(self._marks)
        self._hits: dict[str, dict[int, float]] = {}
        self._occurrences: dict[tuple[str, ...], list[Occurrence]] = {}
        self._terms: dict[tuple[Term, bool], list[Occurrence]] = {}  # emptied by refer
        # what can stand for a topic term (see refer): position, similarity, the term's forms
        self._referents: list[tuple[int, float, frozenset[tuple[str, ...]]]] = []

    def _count_clauses(self, marks: Sequence[int]) -> list[int]:
        """How many clause breaks come before each token: a clause mark (",", ";", ":") or word
        ("and", "but", ...), except where no new clause starts."""
        counts = []
        words = shared = 0
        lead = 0  # where the sentence of the token starts
        for pos, token in enumerate(self.tokens):
            if pos and self.unit_of[pos] != self.unit_of[pos - 1]:
                lead = pos
            if 0 < pos - lead <= 3 and self.tokens[lead].text in _FRONTING \
                    and all(self._gap_marks(marks, p) == 0 for p in range(lead + 1, pos)):
                # "And tuples, we cannot assign to them", "In Python, threads ...": a phrase
                # put in front of the sentence, not a clause of its own
                shared += self._gap_marks(marks, pos)
            elif pos == lead + 1 and self.units[self.unit_of[pos]].prose \
                    and is_content(self.tokens[lead].text) and self.tokens[lead].text not in NEGATIONS:
                # "Decorators, wrap functions": a recogniser's pause after the subject
                shared += self._gap_marks(marks, pos)
            elif token.text in ("it", "they") and pos > lead:
                # "the decorator, it wraps your function": the subject said again, one claim
                shared += self._gap_marks(marks, pos)
            elif self._gap_marks(marks, pos) and (aside := self._aside(marks, lead, pos)) \
                    is not None and self._verb_first(pos):
                # "A tuple, usually written with parentheses, can't be changed": the subject,
                # an aside between commas, then its verb: one claim
                shared += self._gap_marks(marks, aside) + self._gap_marks(marks, pos)
            if token.text in _CLAUSE_WORDS:
                if pos + 1 < len(self.tokens) and self.tokens[pos + 1].text in _SHARED_SUBJECT:
                    # "tuples can be joined, but cannot be changed": one subject, one claim
                    shared += self._gap_marks(marks, pos)
                else:
                    words += 1
            counts.append(bisect.bisect_left(marks, token.start) + words - shared)
        return counts

    def _aside(self, marks: Sequence[int], lead: int, pos: int) -> int | None:
        """Where an aside set off by commas starts, when the clause mark before token ``pos``
        closes one that opened right after a short subject (at most three words into the
        sentence starting at ``lead``, and at most six words long)."""
        opened = next((q for q in range(pos - 1, lead, -1) if self._gap_marks(marks, q)), None)
        return opened if opened is not None and opened - lead <= 3 and pos - opened <= 6 \
            and self.units[self.unit_of[pos]].prose else None

    def _verb_first(self, pos: int) -> bool:
        """Whether token ``pos`` opens with a verb that takes the subject before it ("can",
        "is", ...), also when a longer form was folded into it ("can't be changed")."""
        token = self.tokens[pos]
        if not token.alias:
            return token.text in _SHARED_SUBJECT
        said = unfolded(self.text[token.start:token.end])
        return bool(said) and said[0] in _SHARED_SUBJECT

    def _after_but(self, pos: int) -> bool:
        """Whether token ``pos`` opens a clause after "but", softeners between ("but basically
        they ...")."""
        before = pos - 1
        while before > 0 and self.text[self.tokens[before].start:self.tokens[before].end].lower() \
                in SOFTENERS:
            before -= 1
        return before >= 0 and self.tokens[before].text == "but"

    def _defines_another(self, pos: int, before: int) -> bool:
        """Whether the sentence from token ``pos`` defines a thing of its own that the sentence
        ``before`` it named ("... you need closures first. A closure is when ..." is about
        closures, not the topic)."""
        subject = pos + 1 if self.tokens[pos].text in ("a", "an", "the") else pos
        return subject + 1 < len(self.tokens) and self.tokens[subject + 1].text in ("is", "are") \
            and self.unit_of[subject + 1] == self.unit_of[pos] \
            and any(self.unit_of[p] == before for p in self.positions[self.tokens[subject].text])

    def _after_dot(self, pos: int) -> bool:
        """Whether token ``pos`` is a name reached with a dot said aloud ("pixels dot append of
        the pixel"): an identifier of spoken code, no word of a claim."""
        start = self.tokens[pos].start
        return self.text[max(0, start - 4):start].lower() == "dot " \
            and (start < 5 or not self.text[start - 5].isalnum())

    def _gap_marks(self, marks: Sequence[int], pos: int) -> int:
        """Clause marks (",", ";", ":", a dash) between token ``pos`` and the one before it."""
        before = self.tokens[pos - 1].end if pos else 0
        return bisect.bisect_left(marks, self.tokens[pos].start) - bisect.bisect_left(marks, before)

    def refer(self, topic: Sequence[Term], hits: Sequence[tuple[int, int]] = ()) -> None:
        """Once the answer has named the topic, what can stand for a topic term as an idea's
        first term: a pronoun opening a sentence of prose, after a word or two at most ("And
        then it's lazy"), for the main word (the first ``topic`` term: "It's a function without
        a name" is about the lambda the question asked for), and the start of the sentence right
        after one that names a topic term for that term ("... encapsulation is used to refer to
        two notions: a mechanism for restricting access"). A heading such as "Answer:" between
        the two does not count."""
        main = _main_forms(topic)
        unit_start: dict[int, int] = {}
        for pos, unit in enumerate(self.unit_of):
            unit_start.setdefault(unit, pos)
        # Mid-sentence "it" is as likely the car as the topic (but not after "but" in a
        # sentence that named the topic: "I could talk about decorators, but basically they
        # take a function ...").
        named_at = {self.unit_of[first] for first, _ in hits}
        self._referents = [(p, PRONOUN_SCORE, main) for word in PRONOUNS
                           for p in self.positions.get(word, ())
                           if (p - unit_start[self.unit_of[p]] < PRONOUN_REACH
                               or (self.unit_of[p] in named_at and self._after_but(p)))
                           and not self.units[self.unit_of[p]].code]
        named: dict[int, set[tuple[str, ...]]] = {}  # unit: the forms of the terms it names
        starts = {first for first, _ in hits}
        for term in topic:
            for first, _, _ in self.term(term):
                if first in starts:
                    named.setdefault(self.unit_of[first], set()).update(term.options)
        before = -1  # the last sentence before each unit, headings skipped
        previous: dict[int, int] = {}
        for unit in sorted(unit_start):
            previous[unit] = before
            if not self.units[unit].heading or unit in named:  # "## What is *args?" counts
                before = unit
        # ... and the items of a list that such a sentence opens, all of them: "Learn about
        # generator functions:" then "- Describe iterables", "- Are lazy evaluated"
        carried: dict[int, frozenset[tuple[str, ...]]] = {}
        for unit in sorted(unit_start):
            forms = frozenset(named.get(previous[unit], ()))
            if not forms and previous[unit] in carried and is_bullet(self.text, self.units[unit]) \
                    and is_bullet(self.text, self.units[previous[unit]]):
                forms = carried[previous[unit]]
            if forms:
                carried[unit] = forms
        for unit, pos in unit_start.items():
            if unit in carried and not self.units[unit].code and not self.units[unit].heading:
                # a sentence that says the term itself needs no stand-in for it
                forms = carried[unit] - named.get(unit, set())
                if forms and not self._defines_another(pos, previous[unit]):
                    self._referents.append((pos, CARRY_SCORE, forms))
        self._terms.clear()  # an idea's first term now also hears its stand-ins

    def refer_question(self, topic: Sequence[Term]) -> None:
        """A pronoun opening the answer's first sentence of prose stands for the main topic
        term, as the question named it: "So it's a for loop that builds a list", "this is the
        short way to make a list"."""
        main = _main_forms(topic)
        opening = next((u for u, unit in enumerate(self.units) if not unit.heading), None)
        if opening is None or self.units[opening].code or opening not in self.unit_of:
            return
        start = self.unit_of.index(opening)
        # (the subject of "is" or "are": not "this one cost us")
        self._referents = [(p, PRONOUN_SCORE, main) for word in ("it", "they", "these", "this")
                           for p in self.positions.get(word, ())
                           if self.unit_of[p] == opening and p - start < PRONOUN_REACH
                           and p + 1 < len(self.tokens)
                           and self.tokens[p + 1].text in ("is", "are")]
        self._terms.clear()

    def hits(self, word: str) -> dict[int, float]:
        """{position: similarity 0..1} of every transcript token that counts as ``word``."""
        cached = self._hits.get(word)
        if cached is not None:
            return cached
        found = dict.fromkeys(self.positions.get(word, ()), 1.0)
        if len(word) >= FUZZY_MIN_LEN and not word.isdigit() and self._long and " " not in word \
                and word not in NEGATIONS:  # "either" is not "neither"
            for other, ratio, _ in process.extract(word, self._long, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=None):
                if other != word and not negated(word, other) and other not in NEGATIONS \
                        and other not in OWN_STEMS \
                        and _SYMBOLS.isdisjoint((word, other)):
                    for pos in self.positions[other]:
                        # stems can meet where the words do not: "several" is no "server"
                        if fuzz.ratio(word, self.tokens[pos].word) >= SURFACE_CUTOFF:
                            found.setdefault(pos, ratio / 100)
        if word == "in":
            # "for num and numbers": a recogniser's "in" of a loop said aloud
            for pos in self.positions.get("and", ()):
                if pos >= 2 and self.tokens[pos - 2].text == "for" \
                        and self.units[self.unit_of[pos]].code:
                    found.setdefault(pos, MISHEARD_IN)
        self._hits[word] = found
        return found

    def occurrences(self, option: tuple[str, ...]) -> list[Occurrence]:
        """Where a run of words is heard: in order, at most SEQUENCE_GAP words apart."""
        cached = self._occurrences.get(option)
        if cached is not None:
            return cached
        found: list[Occurrence] = []
        tails = [self.hits(word) for word in option[1:]]
        for first, sim in self.hits(option[0]).items():
            last, total = first, sim
            for hits in tails:
                nxt = next((p for p in range(last + 1, last + 2 + SEQUENCE_GAP) if p in hits),
                           None)
                if nxt is None or self.unit_of[nxt] != self.unit_of[first] \
                        or self._gap_has_punctuation(last, nxt):
                    break
                last, total = nxt, total + hits[nxt]
            else:
                found.append((first, last, total / len(option)))
        self._occurrences[option] = found
        return found

    def term(self, term: Term, subject: bool = False) -> list[Occurrence]:
        """Where ``term`` is heard; for an idea's first term (its ``subject``) also "it",
        "they"... once the answer has named the topic (see ``refer``)."""
        key = (term, subject)
        cached = self._terms.get(key)
        if cached is not None:
            return cached
        seen: dict[tuple[int, int], float] = {}
        for option in term.options:
            for first, last, sim in self.occurrences(option):
                if sim > seen.get((first, last), 0.0):
                    seen[(first, last)] = sim
        if subject:
            for pos, sim, forms in self._referents:
                if not forms.isdisjoint(term.options):
                    seen[(pos, pos)] = max(sim, seen.get((pos, pos), 0.0))
        found = self._terms[key] = [(first, last, sim) for (first, last), sim in seen.items()]
        return found

    def _contradicted(self, idea: Idea, used: Sequence[Occurrence]) -> bool:
        """A negation or antonym between the matched words that the idea itself lacks, or a
        negation just before them: "lists are NOT mutable", "NOT only one thread"..."""
        lo = min(o[0] for o in used)
        hi = max(o[1] for o in used)
        inside = {p for first, last, _ in used for p in range(first, last + 1)}
        unit = self.unit_of[lo]
        before = [p for p in range(max(0, lo - NEGATION_REACH), lo)
                  if self.unit_of[p] == unit and not self._gap_has_punctuation(p, lo)]
        # the subject said again after a pause starts the claim over: "tuples, they can't grow
        # once made, they are basically immutable" claims "they are immutable"
        again = max((p for p in range(lo + 1, hi) if self.tokens[p].text in ("it", "they")
                     and self._gap_marks(self._marks, p)), default=None)
        if again is not None:
            before, lo = [], again
        because = next((p for p in range(lo, hi + 1)
                        if self.tokens[p].text == "becaus" and p not in inside), None)
        # "comprehensions allow complex expressions": a thing they can do, no complexity of theirs
        if any(self.tokens[first].text in _COMPLEXITY and first
               and self.tokens[first - 1].text in _ENABLING for first, _, _ in used):
            return True
        for pos in [*before, *range(lo, hi + 1)]:
            if pos in inside:
                continue
            token = self.tokens[pos]
            if because is not None and pos > because:
                break  # "better to write a def, because you cannot test a lambda": the denial
                # is in the reason, not in the claim
            if token.text in NEGATIONS and not idea.negative \
                    and not self._denies_a_failure(pos, inside) and not self._lacks(pos, inside) \
                    and not self._warns(pos) and not self._clause_of_its_own(pos, used):
                return True
            if pos > lo and token.word in idea.antonyms:
                return True
        return False

    def _clause_of_its_own(self, pos: int, used: Sequence[Occurrence]) -> bool:
        """Whether the negation at token ``pos`` is in a clause that holds none of the idea's
        words (but a subject the sentence only stands for): "I don't nest them, since a deep
        class tree makes every change harder" denies nothing of the deep tree, where "a
        thread cannot do CPU work; waiting on sockets is what it is fine for" is one claim."""
        referents = {p for p, _, _ in self._referents}
        return not any(first not in referents
                       and not self._clause_break(min(pos, first), max(pos, first))
                       for first, _, _ in used)

    def _warns(self, pos: int) -> bool:
        """ "Don't overuse lambdas": advice against too much, which denies no limit."""
        return any(self.tokens[p].text in EXCESS and self.unit_of[p] == self.unit_of[pos]
                   for p in range(pos + 1, min(len(self.tokens), pos + 3)))

    def _lacks(self, pos: int, inside: set[int]) -> bool:
        """ "has no name": a thing missing, said as a claim of its own (a limit), not a denial of
        the words around it ("a lambda has no name in a traceback"); "processes have no
        overhead" still denies the idea's own word."""
        return self.tokens[pos].text == "no" and 0 < pos < len(self.tokens) - 1 \
            and self.tokens[pos - 1].text in _POSSESS and pos + 1 not in inside \
            and self.unit_of[pos - 1] == self.unit_of[pos] == self.unit_of[pos + 1]

    def _denies_a_failure(self, pos: int, inside: set[int]) -> bool:
        """A negation of a failure is no negation of the claim around it: "handles errors
        without breaking the flow", "the program does not crash" (unless the failure is one of
        the idea's own words: "processes are not slower")."""
        after = [p for p in range(pos + 1, min(len(self.tokens), pos + 3))
                 if self.unit_of[p] == self.unit_of[pos]]
        return any(self.tokens[p].text in FAILURES and p not in inside for p in after)

    def _clause_break(self, left: int, right: int) -> bool:
        """Whether another clause starts between two tokens: "args is a dict, and kwargs is a
        tuple" says nothing about "args > tuple"."""
        return self._clauses[right] - self._clauses[left] > 0

    def python_name(self, occurrence: Occurrence) -> bool:
        """Whether an occurrence is a name Python gives: a builtin, a keyword, "args"."""
        token = self.tokens[occurrence[0]]
        return self.text[token.start:token.end].lstrip("*@") in _PYTHON_NAMES

    def match(self, idea: Idea, code: bool | None = None, blocks: bool = False,
              comments: bool = False) -> tuple[float, list[Occurrence], set[int]]:
        """Best mean similarity of ``idea`` within one sentence, the occurrences used, and the
        sentences that hold every term but only swapped or negated (a wrong claim).

        ``code``: only in lines of code (True), only in prose (False), anywhere (None).
        ``comments``: with ``code`` False, also in the comment in words that ends a line of
        code ("f(1, 2)  # args treats everything as a tuple").
        ``blocks``: within one snippet (lines of code one after another) instead of a sentence,
        its terms in any order up to ``BLOCK_SPAN`` tokens apart.
        Returns (0.0, [], ...) when no sentence holds every term (in order where the idea says
        so).
        """
        contested: set[int] = set()
        per_term: list[list[Occurrence]] = []
        for i, term in enumerate(idea.terms):
            heard = self.term(term, i == 0)
            if code is False:  # a construct said in code ("star star options") claims nothing
                heard = [o for o in heard if (self.tokens[o[0]].word not in _SAID_WORDS
                                              or not self.tokens[o[0]].alias)
                         and not self._after_dot(o[0])]
            elif code is None:  # ... nor does a decorator said tell a case ("put at timer on
                # the function" is how one is applied)
                heard = [o for o in heard if self.tokens[o[0]].word != _SAID_AS["decor"]
                         or not self.tokens[o[0]].alias]
            if not heard:
                return 0.0, [], contested  # a term never heard: no need to look for the rest
            per_term.append(heard)
        if not per_term:
            return 0.0, [], contested
        # Old-form phrases (no clauses) matched within a window of words, not of sentences,
        # wherever they were said: they keep doing so.
        by_unit: list[dict[int, list[Occurrence]]] = []
        for occurrences in per_term:
            grouped: dict[int, list[Occurrence]] = {}
            for occ in occurrences:
                unit = self.unit_of[occ[0]]
                grouped.setdefault((self.block_of[unit] if blocks else unit) if idea.clauses
                                   else 0, []).append(occ)
            by_unit.append(grouped)
        shared = set(by_unit[0]).intersection(*by_unit[1:])
        if blocks:  # a snippet of two lines or more (a line alone is matched as a sentence)
            shared = {b for b in shared if b + 1 < len(self.block_of) and self.block_of[b + 1] == b}
        if code is not None and idea.clauses:
            shared = {u for u in shared
                      if (self.units[u].code if code
                          else self.units[u].prose or (comments and self._says_in_comment(u)))}
        span_limit = BLOCK_SPAN if blocks else idea.span or _max_span(len(idea.terms))
        ordered = all(term.after for term in idea.terms[1:])
        best: tuple[float, list[Occurrence]] = (0.0, [])
        best_key = (0.0, 0)
        for unit in sorted(shared):
            found = wrong = False
            groups = [g[unit] for g in by_unit]
            combos: Iterable[tuple[Occurrence, ...]] = itertools.product(*groups)
            if ordered:  # the combinations in order first: a long phrase that repeats a word
                combos = itertools.chain(itertools.islice(_in_order(groups), COMBINATIONS), combos)
            for combo in itertools.islice(combos, 2 * COMBINATIONS):
                lo = min(o[0] for o in combo)
                hi = max(o[1] for o in combo)
                if hi - lo + 1 > span_limit:
                    continue  # too far apart to be one claim: no claim at all
                spans = sorted(o[:2] for o in combo)
                if any(spans[i][0] <= spans[i - 1][1] for i in range(1, len(spans))):
                    continue  # two terms on the same words
                if code and self._in_comment(hi):
                    continue  # a comment on a line of code is prose, not code
                if code is False and self.units[unit].dictated \
                        and self._gap_has_punctuation(lo, hi):
                    continue  # pieces of code read out one by one: "wrapper, return decorator"
                if code is False and idea.clauses and not self.units[unit].prose \
                        and not self._in_comment(lo):
                    continue  # ... and the code before it no prose
                if not blocks and any(term.after and idea.clauses and not self.units[unit].code
                       and self._clause_break(combo[i - 1][1], combo[i][0])
                       for i, term in enumerate(idea.terms) if i):
                    continue  # in two clauses: two claims, not this one (nor a wrong one)
                score = sum(o[2] for o in combo) / len(combo)
                key = (score, lo - hi)  # equal scores: the tightest quote
                if found and key <= best_key:
                    continue  # could change neither the best match nor this sentence's verdict
                swapped = [i for i, term in enumerate(idea.terms)
                           if i and term.after and combo[i][0] <= combo[i - 1][1]]
                named_last = swapped == [1] and self._named_last(combo)
                if named_last:  # "a function that takes a function ... is called a decorator"
                    swapped = []  # (a denial after what it describes, "... without changing
                    # it, is called ...", denies none of it)
                if swapped and all(_a_denial(idea.terms[i - 1]) for i in swapped):
                    continue  # what is denied, told before its denial, is no wrong claim: "it
                    # pins the system libraries, which a venv can't do"
                if swapped or self._contradicted(idea, combo[1:] if named_last else combo):
                    wrong = True
                    continue
                found = True
                if key > best_key:
                    best, best_key = (score, list(combo)), key
            if wrong and not found and idea.clauses:
                contested.add(unit)  # every term is there, but swapped or negated
        return (*best, contested)

    def _named_last(self, combo: Sequence[Occurrence]) -> bool:
        """Whether the idea's first term comes last because it is the name given to what the
        others describe: "a function that takes a function and returns a new one is called a
        decorator", "... are known as lambdas" (the idea in order, the name told after)."""
        first = combo[0][0]
        if any(occ[1] >= first for occ in combo[1:]):
            return False
        before = [t.text for t in self.tokens[max(0, first - 5):first]]
        while before and before[-1] in _NAMING_ARTICLES:
            before.pop()
        return any(before[-len(words):] == words for words in _NAMED_AS) \
            or (len(before) >= 2 and before[-1] in ("call", "name") and before[-2] in _BEFORE_CALLED)

    def _gap_has_punctuation(self, left: int, right: int) -> bool:
        return self._stops[right] - self._stops[left] > 0

    def evidence(self, transcript: Transcript, idea: str, phrase: str, first: int, last: int,
                 score: float) -> Evidence:
        start, end = self.tokens[first].start, self.tokens[last].end
        if end - start > MAX_QUOTE:
            end = max((t.end for t in self.tokens[first:last + 1] if t.end <= start + MAX_QUOTE),
                      default=self.tokens[first].end)
        return Evidence(idea, phrase, transcript.text[start:end], start, end,
                        transcript.time_at(start), round(score, 3))

    def topic_hits(self, topic: Sequence[Term]) -> list[tuple[int, int]]:
        """Where the answer names the topic (not in a code comment: "# would raise TypeError"
        in a snippet about tuples is no sign the answer is about exceptions)."""
        hits = {(first, last) for term in topic for first, last, _ in self.term(term)}
        return sorted(hit for hit in hits if not self._in_comment(hit[0])
                      and not self._a_name_in_code(hit) and not self._a_connective(hit))

    def in_code(self, pos: int) -> bool:
        """Whether token ``pos`` is in code (see shapes.in_code)."""
        return in_code(self.text, self.units[self.unit_of[pos]], self.tokens[pos].start)

    def _a_connective(self, hit: tuple[int, int]) -> bool:
        """A keyword said as the English word it comes from, in prose: "Finally, ..." and
        "Except, you do need ..." opening a sentence, "except for long ones", "finally we got
        there" (not "except ValueError", "finally runs", "the finally block", nor a recogniser's
        "the else, and finally, def divide")."""
        first, last = hit
        word = self.tokens[first].word
        if first != last or word not in CONNECTIVES or not self.units[self.unit_of[first]].prose:
            return False
        opens = first == 0 or self.unit_of[first - 1] != self.unit_of[first]
        comma = self.text[self.tokens[first].end:self.tokens[first].end + 1] == ","
        return (opens and comma) or (first + 1 < len(self.tokens)
                                     and self.tokens[first + 1].text in CONNECTIVES[word])

    def _a_name_in_code(self, hit: tuple[int, int]) -> bool:
        """A word used as a name in a line of code names that name, not the topic: a term given
        a value by name ("Thread(target=work, args=(1,))" names no *args, "jill=12" no GIL), or
        a one-word mishearing called or reached with a dot ("gill(", ".jill"); but "square =
        lamda x: x * x" still names the lambda."""
        first, last = hit
        token = self.tokens[first]
        unit = self.units[self.unit_of[first]]
        if first == last and unit.prose and unit.code:
            # ... and as said aloud, a keyword argument among others: "thread target equals
            # count down, args equals count" (not "so kwargs equals a dict of them")
            return _SAID_KEYWORD.match(self.text, token.end) is not None \
                and self.text[max(unit.start, token.start - 3):token.start].rstrip().endswith(",")
        if first != last or unit.prose:
            return False
        after = self.text[token.end:token.end + 2]
        return (after[:1] == "=" and after != "==") or (token.alias and (
            after[:1] == "(" or self.text[token.start - 1:token.start] == "."))

    def _says_in_comment(self, u: int) -> bool:
        """Whether the line of code ``u`` ends in a comment that says something in words (not
        the output it prints: "# keyword args: {'key': 'word'}")."""
        start = self._comments[u]
        return start is not None \
            and remarks_in_words(self.text[self.units[u].start + start:self.units[u].end])

    def _in_comment(self, pos: int) -> bool:
        """Whether a token is in the comment of a line of code (not a "#" in a string)."""
        u = self.unit_of[pos]
        start = self._comments[u]
        return not self.units[u].prose and start is not None \
            and self.units[u].start + start < self.tokens[pos].start


@dataclass(frozen=True)
class _Compiled:
    ideas: dict[str, list[list[Idea]]]  # per layer, per rubric idea: its matchable forms
    topic: tuple[Term, ...]
    spelled: frozenset[tuple[str, ...]]  # the topic terms as written, before aliases fold them
    asked: tuple[Term, ...]  # the topic terms the question or title names: what is defined
    context: tuple[Term, ...]  # terms of the topic only once it is named (see Rubric.context)
    shared: tuple[Term, ...]  # terms an idea leans on only once it is named (Rubric.shared)
    elsewhere: tuple[Term, ...]  # terms that make the topic's word another thing's name

    @functools.cached_property
    def unnamed_ideas(self) -> dict[str, list[list[Idea]]]:
        """The ideas as heard before the answer names its topic: a ``context`` word ("pip" for
        a venv, "thread" for the GIL) or a ``shared`` one ("memory" for generators) is not yet
        the topic's, so a term left with no other alternative drops its idea ("pip >
        freeze/install": pip alone is no venv code)."""
        not_yet = frozenset(option for term in (*self.context, *self.shared)
                            for option in term.options)
        return {layer: [[kept for idea in forms if (kept := _without(idea, not_yet)) is not None]
                        for forms in ideas]
                for layer, ideas in self.ideas.items()}


def _without(idea: Idea, options: frozenset[tuple[str, ...]]) -> Idea | None:
    """``idea`` with ``options`` taken out of its terms; None when a term is left with none."""
    terms = tuple(replace(t, options=tuple(o for o in t.options if o not in options))
                  for t in idea.terms)
    return replace(idea, terms=terms) if all(t.options for t in terms) else None


_COMPILED: dict[str, _Compiled] = {}


def _compiled(rubric: Rubric) -> _Compiled:
    key = rubric.ref
    if key not in _COMPILED:
        _COMPILED[key] = _Compiled(
            {name: [rubric_idea(idea, rubric.term_map) for idea in layer.evidence]
             for name, layer in rubric.layers.items()},
            _parsed_terms(rubric.topic, rubric.term_map),
            frozenset(tuple(t.text for t in tokenize(term)) for term in rubric.topic),
            _asked(rubric), _parsed_terms(rubric.context, rubric.term_map),
            _parsed_terms(rubric.shared, rubric.term_map),
            _parsed_terms(rubric.elsewhere, rubric.term_map))
    return _COMPILED[key]


def _parsed_terms(terms: Sequence[str], term_map: TermMap) -> tuple[Term, ...]:
    """A rubric's ``topic`` or ``context`` words, each as a term its aliases fold onto."""
    return tuple(idea.terms[0] for idea in (parse_idea(term, term_map) for term in terms)
                 if idea.terms)


def _asked(rubric: Rubric) -> tuple[Term, ...]:
    """The ``topic`` terms that share a word with the question or title, in any of their forms
    ("generator expression" for genexp): a definition of one of them answers "what is it"; a
    definition of a neighbour ("pip", "a thread", "mutable") does not."""
    asked = f"{rubric.title} {rubric.question}"
    said = {t.text for t in tokenize(asked, rubric.term_map)} | {t.text for t in tokenize(asked)}
    out = []
    for term in rubric.topic:
        parsed = parse_idea(term, rubric.term_map).terms
        forms = [term, *rubric.terms.get(term, ())]
        if parsed and any(said.intersection(t.text for t in tokenize(form)) for form in forms):
            out.append(parsed[0])
    return tuple(out)


def rubric_idea(idea: RubricIdea, terms: TermMap) -> list[Idea]:
    """The matchable forms of a rubric idea (each phrase of an old-form idea is one, its words
    in order)."""
    parse = phrase_as_idea if idea.legacy else parse_idea
    return [parse(phrase, terms) for phrase in idea.phrases]


_SHAPE_NAMES = {"code": ("code shown or said", "code"),
                "example": ("a concrete scenario", "example"),
                "trade_off": ("a cost, limit or reasoned alternative", "trade-off"),
                "concept": ("what it is or how it works", "definition")}


# A layer's ideas heard (as evidence), the sentences that say one wrong, and where each starts
# and ends (first and last token)
_Heard = tuple[list[Evidence], set[int], list[tuple[int, int]]]


def _main_forms(topic: Sequence[Term]) -> frozenset[tuple[str, ...]]:
    """The forms of a topic's main word (its first term), what a pronoun stands for."""
    return frozenset(topic[0].options) if topic else frozenset()


_DENIALS = frozenset((word,) for word in NEGATIONS)


def _a_denial(term: Term) -> bool:
    """Whether an idea's term is a negation ("not", "no", "never" ...)."""
    return all(option in _DENIALS for option in term.options)


def _match_ideas(index: _Index, transcript: Transcript, layer: Layer,
                 ideas: Sequence[list[Idea]], snippets: bool = False) -> _Heard:
    """Which of the layer's ideas the transcript says, and where (see ``_Heard``); with
    ``snippets`` (an answer that names its topic), a case may also be told by the names of a
    snippet, over its lines: "def timer(func):" ... "start = time.time()"."""
    # Code is heard in code (written or said aloud); a concept or a trade-off in prose (a
    # sentence with some code in it counts as both), so `def` in a snippet is no trade-off. An
    # example may be told in either.
    code = {"code": True, "concept": False, "trade_off": False}.get(layer.shape or "")
    found: list[Evidence] = []
    contested: set[int] = set()
    spans: list[tuple[int, int]] = []
    for rubric_idea_, forms in zip(layer.evidence, ideas, strict=True):
        best: tuple[float, Idea | None, list[Occurrence]] = (0.0, None, [])
        for idea in forms:
            # (what a term is may be told in a comment at the end of a line of code, not a
            # cost: "@wraps(func)  # wraps keeps the original name" says what wraps does)
            score, used, wrong = index.match(idea, code, comments=layer.shape == "concept")
            if not code:
                contested |= wrong  # code in another order than an idea's is no wrong claim
            if score > best[0]:
                best = (score, idea, used)
        in_snippet = False
        if best[1] is None and snippets and layer.shape == "example":
            for idea in forms:
                # (what the case is about named, not Python's own names: "int(input())" ...
                # "except ValueError" is the language at work, no case)
                score, used, _ = index.match(idea, code, blocks=True)
                if score > best[0] and not any(index.python_name(o) for o in used[1:]):
                    best = (score, idea, used)
            in_snippet = best[1] is not None
        score, chosen, used = best
        if chosen is not None:
            span = (min(o[0] for o in used), max(o[1] for o in used))
            if not in_snippet:  # (a snippet's names name no topic where they start: see score)
                spans.append(span)
            found.append(index.evidence(transcript, rubric_idea_.idea, chosen.text, *span, score))
    return found, contested, spans


def _score_layer(layer: Layer, heard: _Heard, index: _Index, shapes: Shapes,
                 transcript: Transcript) -> LayerResult:
    matched, contested, _ = heard
    matched = list(matched)
    if layer.shape == "trade_off":  # "hard to understand in the beginning": no cost of it
        early = shapes.learning_curves()
        if early:
            contested = contested | early
            starts = [unit.start for unit in index.units]
            matched = [e for e in matched
                       if bisect.bisect_right(starts, e.start) - 1 not in early]
    if len(matched) < layer.needed and layer.shape:
        # A sentence where a rubric idea is said wrong ("args is a dict, kwargs a tuple") is
        # no evidence for the layer by its shape either.
        found = shapes.find(layer.shape, contested)
        start, end = (index.tokens[found.first].start, index.tokens[found.last].end) \
            if found else (0, 0)
        if found is not None and not any(e.start < end and start < e.end for e in matched):
            idea, phrase = _SHAPE_NAMES[layer.shape]
            matched.append(index.evidence(transcript, idea, f"({phrase} shape: {found.why})",
                                          found.first, found.last, SHAPE_SCORE))
    matched.sort(key=lambda e: e.start)
    score = min(1.0, sum(e.score for e in matched) / layer.needed)
    return LayerResult(layer.name, layer.label, len(matched) >= layer.needed, round(score, 3),
                       tuple(matched), layer.cue, layer.next_step)


# An answer about another topic that names the one asked in passing ("*args arrive as a tuple",
# "# TypeError" noted by a tuples snippet, a comprehension in a decorator's code) is no answer to
# it: named at most PASSING times, while another topic is named ELSEWHERE times as often, it
# covers no layer, by shape or by idea.
PASSING = 3.0
ELSEWHERE = 3


def score(transcript: Transcript | str, rubric: Rubric, affinity: Affinity | None = None) -> Score:
    """Score ``transcript`` against ``rubric``; ``affinity`` tells what an answer that names no
    topic is about (by default the shipped topics' words, read once, and ``rubric``'s).
    Deterministic, no model."""
    if isinstance(transcript, str):
        transcript = Transcript(transcript)
    compiled = _compiled(rubric)
    # what is judged: the words said, a filler and its commas blanked out ("a class is, uh, a
    # blueprint" is one claim); every word where it was, so evidence quotes what was said
    said = without_fillers(transcript.text)
    index = _Index(said, tokenize(said, rubric.term_map))
    topic_hits = index.topic_hits(compiled.topic)
    # "Lambda is the function-as-a-service offering from AWS": the word names another thing in
    # an answer that says what, unless its code uses the topic ("key=lambda row: row[1]")
    # (a piece of a name is no use of it: "def lambda_handler(event, context):")
    elsewhere = bool(compiled.elsewhere and index.topic_hits(compiled.elsewhere)) and not any(
        index.in_code(first) and not _GLUED.match(said, index.tokens[first].end)
        for first, _ in topic_hits)
    if elsewhere:
        topic_hits = []
    if topic_hits and compiled.context:  # "threads" are about the GIL once the GIL is named
        topic_hits = sorted({*topic_hits, *index.topic_hits(compiled.context)})
    # how surely each mention names the topic; none for a one-word mishearing used as the word
    # it is ("it accepts any number of arguments") or a power, not an unpacking ("x ** 2")
    surely = {hit: _naming(index.tokens[hit[0]], said, compiled) for hit in topic_hits}
    topic_hits = [hit for hit in topic_hits
                  if not (surely[hit] < 1.0 and _said_as_a_verb(index.tokens, hit[0]))
                  and not _a_power(index.tokens, said, hit[0])]
    named = sum(surely[hit] for hit in topic_hits)
    # (what a definition defines is a word said, not a construct: "line for line in ...")
    asked = [hit for hit in index.topic_hits(compiled.asked)
             if index.tokens[hit[0]].word not in _CONSTRUCTS]
    if any(index.tokens[first].word not in _CONSTRUCTS for first, _ in topic_hits):
        # (a construct in code, "@cache" or "[x for x in xs]", lends "it" no topic)
        index.refer((*compiled.topic, *compiled.context), topic_hits)
    elif not topic_hits:
        # the question names it: "It's a for loop that builds a list", said first
        index.refer_question(compiled.topic)
    ideas = compiled.ideas if topic_hits else compiled.unnamed_ideas
    # (an answer about the other thing says none of the topic's ideas: "Lambda functions that
    # each have a small job" is no lambda's definition)
    heard = {name: ([], set(), []) if elsewhere
             else _match_ideas(index, transcript, layer, ideas[name], bool(topic_hits))
             for name, layer in rubric.layers.items()}
    # An idea of the topic heard names the topic where it starts, as surely as its name: "only
    # one thread runs bytecode at a time" is about the GIL, whether "GIL" is said or not (once:
    # "the GIL is a mutex" names it no more than "the GIL"; and not in a string of code:
    # 'labels = ["ready for use in production"]').
    named_at = {first for first, _ in topic_hits}
    starts = [first for _, _, spans in heard.values() for first, last in spans
              if first not in named_at and not in_a_string(
                  said[index.units[index.unit_of[last]].start:index.tokens[last].start])]
    # An answer that names no topic may still be plainly about the one asked, by its words
    # ("I avoid them in public functions: explicit parameters document themselves").
    about = named < MIN_TOPIC_MENTIONS and rubric.topic != () and not elsewhere \
        and (affinity or with_shipped(rubric)).about(said, rubric.id)
    sure = named + len(starts)
    if 0 < sure <= PASSING and (affinity or with_shipped(rubric)) \
            .named_elsewhere(said, rubric.id) >= ELSEWHERE * sure:
        sure, about = 0, False  # (about another topic: see PASSING)
        heard = {name: ([], set(), []) for name in heard}
    shapes = Shapes(said, index.tokens, index.units, index.unit_of,
                    sorted({*topic_hits, *((start, start) for start in starts)}),
                    sure, asked, about)
    layers = {name: _score_layer(layer, heard[name], index, shapes, transcript)
              for name, layer in rubric.layers.items()}
    return Score(rubric, transcript, layers)


def _naming(token: Token, text: str, compiled: _Compiled) -> float:
    """How surely one mention names the topic: a one-word mishearing, often a word of its own
    ("accept" for except, "gill"), only half as surely as the term itself, a longer form of a
    topic term ("generator functions", "global interpreter lock" when ``topic`` lists it) or an
    alias of several words ("star star quarks", "value error")."""
    if not token.alias:
        return 1.0
    said = tuple(t.text for t in tokenize(text[token.start:token.end]))
    full = said in compiled.spelled or any((word,) in compiled.spelled for word in said)
    return 1.0 if full or token.text in said or len(said) > 1 else 0.5


# A verb's company (stems): "lets it accept any number", "made to accept keyword arguments",
# "the function accepts them" (not "try accept pass", "accept value error as e")
_VERB_BEFORE = frozenset({"to", "it", "they", "that", "which", "can", "could", "will", "would",
                          "must", "should", "may", "might", "also", "onli", "function", "method"})
_VERB_OBJECTS = frozenset({"ani", "all", "a", "an", "the", "them", "it", "this", "that", "these",
                           "those", "keyword", "argument", "posit", "input", "paramet", "some",
                           "more", "mani", "multipl", "number", "unlimit", "arbitrari",
                           "variabl"})


def _said_as_a_verb(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at`` is used as a verb of English by the words around it."""
    return (at > 0 and tokens[at - 1].text in _VERB_BEFORE) \
        or (at + 1 < len(tokens) and tokens[at + 1].text in _VERB_OBJECTS)


_OPERAND_END = re.compile(r"[\w)\]]\s*$")
_GLUED = re.compile(r"[\w.]")  # what goes on a name after a term in it ("lambda_handler")
_SAID_KEYWORD = re.compile(r"\s+equals\b", re.I)  # "args equals count": a name given a value


def _a_power(tokens: Sequence[Token], text: str, at: int) -> bool:
    """Whether the token at ``at`` is the power operator: "**" written after an operand
    ("x**2", "n ** 2"; not "f(**opts)", "{**a, **b}"), or "star star" said before a number.
    (Where the exponent is plain, "x ** 2", the tokens already say "power", not "star star".)"""
    token = tokens[at]
    said = text[token.start:token.end]
    if said == "**":
        return bool(_OPERAND_END.search(text, max(0, token.start - 40), token.start))
    return said.lower() in ("star star", "double star") and at + 1 < len(tokens) \
        and tokens[at + 1].text.isdigit()


def match_expected(transcript: Transcript | str, expects: Sequence[str],
                   rubric: Rubric) -> list[Evidence]:
    """Which of ``expects`` (ideas a good follow-up answer mentions) were said."""
    if isinstance(transcript, str):
        transcript = Transcript(transcript)
    said = without_fillers(transcript.text)
    index = _Index(said, tokenize(said, rubric.term_map))
    found = []
    for expected in expects:
        idea = (parse_idea if "+" in expected else phrase_as_idea)(expected, rubric.term_map)
        score, used, _ = index.match(idea)
        if used:
            found.append(index.evidence(transcript, expected, idea.text,
                                        min(o[0] for o in used), max(o[1] for o in used), score))
    return found
