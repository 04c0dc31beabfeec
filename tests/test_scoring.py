from __future__ import annotations

from rehearse.rubric import Rubric, parse_rubric
from rehearse.scoring import Transcript, Word, score

GIL_ANSWER = ("So the GIL is a mutex in CPython. Only one thread can run Python bytecode at a "
              "time. Threads don't speed up CPU-bound work, so use multiprocessing.")


def test_evidence_quotes_the_words_said_and_their_span(gil: Rubric) -> None:
    result = score(GIL_ANSWER, gil)
    concept = result.layers["concept"]
    assert concept.covered and concept.score == 1.0
    for evidence in concept.matched:
        assert GIL_ANSWER[evidence.start:evidence.end] == evidence.said
        assert evidence.time is None
    assert "mutex in CPython" in [e.said for e in concept.matched]


def test_missed_layers_carry_their_cue_and_next_step(gil: Rubric) -> None:
    code = score(GIL_ANSWER, gil).layers["code"]
    assert not code.covered and code.score == 0.0 and code.matched == ()
    assert code.cue == gil.layers["code"].cue
    assert code.next_step


def test_short_tokens_need_an_exact_match(gil: Rubric) -> None:
    # partial_ratio("gil", "gilbert") is 100: the scorer must not fall for it.
    result = score("Gilbert holds the gilded key: only Gilbert can run at a time.", gil)
    assert result.covered == 0


def test_an_opposite_claim_is_not_evidence(gil: Rubric) -> None:
    assert not score("Threads speed up CPU-bound work.", gil).layers["trade_off"].covered
    assert score("Threads don't speed up CPU-bound work.", gil).layers["trade_off"].covered


def test_a_lock_is_not_the_gil_concept(gil: Rubric) -> None:
    result = score("I put a lock around the counter so threads don't corrupt it.", gil)
    assert not result.layers["concept"].covered


def test_words_spread_too_far_apart_do_not_match(gil: Rubric) -> None:
    filler = " ".join(["banana"] * 30)
    assert not score(f"threads {filler} do not speed up {filler} cpu bound work", gil).layers[
        "trade_off"].covered


def test_word_timings_give_evidence_times(gil: Rubric) -> None:
    words = [Word(" So", 0.0, 0.3), Word(" the", 0.3, 0.5), Word(" GIL", 0.5, 0.9),
             Word(" is", 0.9, 1.0), Word(" a", 1.0, 1.1), Word(" mutex", 4.2, 4.6),
             Word(" in", 4.6, 4.7), Word(" CPython.", 4.7, 5.3)]
    transcript = Transcript.from_words(words)
    assert transcript.text == "So the GIL is a mutex in CPython."
    evidence = score(transcript, gil).layers["concept"].matched[0]
    assert evidence.said == "mutex in CPython"
    assert evidence.time == 4.2
    assert score(transcript, gil).layers["concept"].first_time == 4.2


def test_scoring_is_deterministic(gil: Rubric) -> None:
    assert score(GIL_ANSWER, gil).to_dict() == score(GIL_ANSWER, gil).to_dict()


def test_layer_score_grows_with_ideas_up_to_needed() -> None:
    rubric = parse_rubric({
        "id": "star", "title": "STAR", "question": "Tell me about a conflict.",
        "layers": {
            "situation": {"cue": "where and when", "needed": 2, "evidence": [
                {"idea": "team", "phrases": ["on my team"]},
                {"idea": "deadline", "phrases": ["a tight deadline"]},
            ]},
            "result": {"cue": "what changed", "evidence": [
                {"idea": "outcome", "phrases": ["we shipped on time"]}]},
        },
    })
    one = score("On my team we argued a lot.", rubric)
    assert list(one.layers) == ["situation", "result"]
    assert not one.layers["situation"].covered and one.layers["situation"].score == 0.5
    both = score("On my team, under a tight deadline, we shipped on time.", rubric)
    assert both.layers["situation"].covered and both.layers["situation"].score == 1.0
    assert both.covered == 2


def test_json_shape(gil: Rubric) -> None:
    data = score(GIL_ANSWER, gil).to_dict()
    assert data["topic"] == "gil"
    assert list(data["layers"]) == ["concept", "example", "code", "trade_off"]
    assert data["rubric"] == {"id": "gil", "version": gil.version, "hash": gil.digest,
                              "source": "built-in"}
    concept = data["layers"]["concept"]
    assert set(concept) == {"covered", "score", "label", "matched", "cue", "next_step"}
    assert set(concept["matched"][0]) == {"idea", "phrase", "said", "start", "end", "time", "score"}
    assert data["layers"]["code"]["next_step"] and concept["next_step"] is None


def test_negations_and_antonyms_inside_the_match_break_it(catalog) -> None:
    lists = catalog.get("lists-tuples")
    assert score("Lists are mutable and tuples are immutable.", lists).layers["concept"].covered
    assert not score("Lists are immutable and tuples are mutable.", lists).layers["concept"].covered
    assert not score("Lists are not mutable.", lists).layers["concept"].covered


def test_phrase_words_must_come_in_order() -> None:
    rubric = parse_rubric({"id": "news", "title": "News", "question": "What happened?",
                           "layers": {"story": {"cue": "who did what", "evidence": [
                               {"idea": "bite", "phrases": ["dog bites man"]}]}}})
    assert score("A dog bites a man.", rubric).layers["story"].covered
    assert not score("A man bites a dog.", rubric).layers["story"].covered
