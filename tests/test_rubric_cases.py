"""Data-driven scoring cases: tests/cases/<topic>.toml holds answers and the layers each covers.

Each ``[[case]]`` is an answer (typed, spoken, misheard, off-topic, ...) and the *exact* set of
layers it must cover, so a case fails on a missed layer (recall) and on a spurious one
(precision). The seed answers of every topic are also scored against every other topic: they
must cover nothing there, except what a case file declares in ``[cross_topic]``.
"""

from __future__ import annotations

import json
import random
import re
import tomllib
from pathlib import Path

import pytest

from rehearse.rubric import Catalog, builtin_rubrics_dir
from rehearse.scoring import score

CASES_DIR = Path(__file__).parent / "cases"
CATALOG = Catalog([(builtin_rubrics_dir(), "built-in")])


def _case_files() -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in sorted(CASES_DIR.glob("*.toml"))}


CASES = _case_files()


def _params():
    for topic, data in CASES.items():
        for i, case in enumerate(data["case"]):
            yield pytest.param(topic, case, id=f"{topic}-{i}-{case['name']}")


@pytest.mark.parametrize(("topic", "case"), list(_params()))
def test_case_covers_exactly(topic: str, case: dict) -> None:
    result = score(case["text"], CATALOG.get(topic))
    covered = sorted(name for name, layer in result.layers.items() if layer.covered)
    evidence = {n: [(e.phrase, e.said) for e in layer.matched] for n, layer in result.layers.items()}
    assert covered == sorted(case["covers"]), evidence


# How people pause while they answer, as a recogniser primed for disfluencies writes it.
_PAUSES = (", um,", ", uh,", ", like,", ", you know,")


def _said_with_pauses(text: str, seed: int) -> str:
    """``text`` with a pause after about one word in eight (a filler between commas, or the word
    said again: "is, is"), never next to punctuation or inside a line of code."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i, word in enumerate(words[:-1]):
        if rng.random() < 0.12 and re.fullmatch(r"[A-Za-z']+", word):
            words[i] = word + (rng.choice(_PAUSES) if rng.random() < 0.6 else f", {word}")
    return " ".join(words)


@pytest.mark.parametrize("topic", sorted(CASES))
def test_pauses_and_fillers_change_no_verdict(topic: str) -> None:
    """A spoken answer is judged on what it says: "a class is, uh, a blueprint" is the same claim
    as "a class is a blueprint", and "I, like, use it" the same story."""
    changed = []
    for case in CASES[topic]["case"]:
        if case["kind"] not in ("seed", "typed", "spoken", "partial"):
            continue
        for seed in range(10):
            said = _said_with_pauses(case["text"], seed)
            result = score(said, CATALOG.get(topic))
            covered = sorted(name for name, layer in result.layers.items() if layer.covered)
            if covered != sorted(case["covers"]):
                changed.append((case["name"], covered, said))
    assert not changed


def test_every_shipped_topic_has_cases() -> None:
    assert set(CASES) == set(CATALOG.rubrics)


def test_each_topic_has_positive_negative_spoken_and_misheard_cases() -> None:
    for topic, data in CASES.items():
        kinds = {case["kind"] for case in data["case"]}
        assert {"seed", "spoken", "misheard", "off-topic", "negative"} <= kinds, topic


def _seed_answers():
    for topic, data in CASES.items():
        for case in data["case"]:
            if case["kind"] == "seed":
                yield topic, case


@pytest.mark.parametrize("other", sorted(CASES))
def test_seed_answers_of_other_topics_cover_nothing_here(other: str) -> None:
    rubric = CATALOG.get(other)
    for topic, case in _seed_answers():
        if topic == other:
            continue
        allowed = set(CASES[topic].get("cross_topic", {}).get(other, []))
        result = score(case["text"], rubric)
        spurious = {n: [(e.phrase, e.said) for e in layer.matched]
                    for n, layer in result.layers.items() if layer.covered and n not in allowed}
        assert not spurious, f"{topic} seed answer {case['name']!r} covers {other}: {spurious}"


@pytest.mark.parametrize("topic", sorted(CASES))
def test_following_a_next_step_covers_its_layer(topic: str) -> None:
    # The advice shown for a missed layer, said as written, must earn that layer: a cue that
    # asks for something the judge does not hear (a toy example, code without the topic) would
    # send the user round in circles.
    rubric = CATALOG.get(topic)
    for name, layer in rubric.layers.items():
        assert score(layer.next_step, rubric).layers[name].covered, (name, layer.next_step)


def test_code_pattern_gates_never_hide_a_match() -> None:
    # Each spoken-code pattern is tried only when its gate words are in the sentence (a substring
    # test is far cheaper than a pattern tried at every character), so a gate must be something
    # the pattern cannot match without: on every case sentence, a pattern that matches has its
    # gate open, and a line of code has one of the line marks.
    from rehearse import shapes

    code = shapes._code()
    checked = 0
    for cases in CASES.values():
        for case in cases.get("case", []):
            text = case["text"]
            for piece in [text[u.start:u.end] for u in shapes.segment(text)] + text.splitlines():
                spoken = piece.lower().replace("-", " ")
                opened = {p.pattern for p in code.opened(code.strong + code.weak,
                                                         code.present(spoken))}
                for _gate, pattern in code.strong + code.weak:
                    if re.search(pattern, spoken):
                        checked += 1
                        assert pattern in opened, (pattern, piece)
                if shapes._line_patterns().search(piece):
                    assert any(mark in piece for mark in shapes._LINE_GATE), piece
    assert checked > 50  # the cases do say code aloud


# How candidates phrase each layer: tests/cases/phrasings.jsonl holds short statements a careful
# interviewer would accept for a layer (``covers``) and near misses that should not count,
# written from the seed article by six helpers who had not read the judge (the later batches
# half as said aloud: fillers, restarts, code in words; the last two as second-language speakers
# and senior engineers put it, avoiding the textbook wording). Each is heard inside an answer
# that has named its topic, as a real answer does. The ones the judge still gets wrong are
# marked ``known_miss``: they are expected to fail (and reported if one starts to pass), so this
# list is both a guard for what is heard today and the judge's open list.
_NAMED = {
    "args-kwargs": "*args and **kwargs. Let me explain *args and **kwargs.",
    "comprehensions": "List comprehensions. Let me explain comprehensions.",
    "decorators": "Decorators. Let me explain decorators.",
    "exceptions": "Exceptions. Let me explain exceptions.",
    "generators": "Generators. Let me explain generators.",
    "gil": "The GIL. Let me explain the GIL.",
    "lambda": "Lambda functions. Let me explain lambdas.",
    "lists-tuples": "Lists and tuples. Let me explain tuples.",
    "oop": "Inheritance, polymorphism and encapsulation. Let me explain inheritance.",
    "venv": "Virtual environments. Let me explain virtual environments.",
}
PHRASINGS = [json.loads(line) for line in
             (CASES_DIR / "phrasings.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _phrasings():
    for i, row in enumerate(PHRASINGS):
        marks = [pytest.mark.xfail(reason="a known miss", strict=False)] \
            if row.get("known_miss") else []
        kind = "covers" if row["covers"] else "near-miss"
        yield pytest.param(row, id=f"{row['topic']}-{row['layer']}-{kind}-{i}", marks=marks)


@pytest.mark.parametrize("row", list(_phrasings()))
def test_a_phrasing_is_heard_as_its_layer(row: dict) -> None:
    said = f"{_NAMED[row['topic']]} {row['text']}"
    heard = score(said, CATALOG.get(row["topic"])).layers[row["layer"]].covered
    assert heard is row["covers"], row["why"]


def test_phrasings_cover_every_topic_and_layer_and_most_are_heard() -> None:
    kinds = {(row["topic"], row["layer"], row["covers"]) for row in PHRASINGS}
    assert len(kinds) == len(_NAMED) * 4 * 2
    assert sum(bool(row.get("known_miss")) for row in PHRASINGS) <= len(PHRASINGS) * 15 // 100
