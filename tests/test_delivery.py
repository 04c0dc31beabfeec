"""Delivery and structure on transcripts with word timings built for the purpose."""

from __future__ import annotations

from collections import Counter

from rich.console import Console

from rehearse.delivery import analyse, count_fillers, long_pauses
from rehearse.followup import choose, score_answer
from rehearse.report import attempt_report, card
from rehearse.rubric import Rubric
from rehearse.scoring import Transcript, Word, score
from rehearse.store import Attempt


def timed(text: str, start: float = 0.0, step: float = 0.4,
          pauses: dict[int, float] | None = None) -> Transcript:
    """Words ``step`` seconds apart; ``pauses`` adds silence before word i."""
    words, t = [], start
    for i, w in enumerate(text.split()):
        t += (pauses or {}).get(i, 0.0)
        words.append(Word(" " + w, round(t, 2), round(t + step * 0.8, 2)))
        t += step
    return Transcript.from_words(words)


def test_words_per_minute_and_pace_band(gil: Rubric) -> None:
    steady = analyse(score(timed("word " * 150, step=0.4), gil))
    assert steady.wpm == 150 and steady.pace == "ok"  # 150 words in 60 s (first to last word)
    fast = analyse(score(timed("word " * 100, step=0.3), gil))
    assert fast.wpm == 200 and fast.pace == "fast"
    typed = analyse(score("The GIL is a mutex.", gil))
    assert typed.wpm is None and typed.pace == "" and typed.words == 5


def test_pace_drift_says_where(gil: Rubric) -> None:
    slow_then_fast = timed("word " * 60, step=0.5).words + timed(
        "word " * 100, start=30.5, step=0.25).words
    result = analyse(score(Transcript.from_words(slow_then_fast), gil))
    assert result.drift == [(30.0, 236)]  # rushed in the second half minute


def test_long_pauses_with_where_they_fell(gil: Rubric) -> None:
    transcript = timed("one two three four five six", pauses={3: 3.0})
    assert long_pauses(transcript.words) == [
        __import__("rehearse.delivery", fromlist=["Pause"]).Pause(1.12, 3.08)]
    result = analyse(score(transcript, gil))
    assert result.longest_pause == 3.08


def test_fillers_count_um_you_know_and_like_as_a_filler_only() -> None:
    text = ("Um, so the GIL is, like, a mutex. I like threads. It looks like a lock, uh, "
            "you know, for the interpreter. Do you know what a mutex is? Like, it's simple. "
            "So, um, threads. So I would use processes.")
    assert count_fillers(Transcript(text)) == {"um": 2, "like": 2, "uh": 1, "you know": 1,
                                               "so": 1}
    assert count_fillers(Transcript("I like Python and I would like to like it.")) == {}


def test_time_used_and_repeated_words(gil: Rubric) -> None:
    text = "threads threads threads and the GIL and threads again with the GIL lock GIL"
    result = analyse(score(timed(text), gil), duration=90, limit=120)
    assert result.time_used == 0.75
    assert result.repeated == [("threads", 4), ("gil", 3)]


def test_layer_timeline_order_and_rushing(gil: Rubric) -> None:
    words = (timed("The GIL is a mutex in CPython.").words
             + timed("A web service waiting on the database is fine with threads.", start=30).words
             + timed("Threads don't speed up CPU-bound work.", start=115).words)
    result = analyse(score(Transcript.from_words(words), gil), duration=118, limit=120)
    assert [name for name, _ in result.timeline] == ["concept", "example", "trade_off"]
    assert result.timeline[0][1] == 0.4 and result.in_order is True  # "GIL", word 2
    assert any("trade-off came only at 1:5" in note for note in result.structure_notes)
    backwards = (timed("Threads don't speed up CPU-bound work.").words
                 + timed("The GIL is a mutex in CPython.", start=10).words)
    flipped = analyse(score(Transcript.from_words(backwards), gil))
    assert flipped.in_order is False
    assert "out of the usual order (trade-off → concept)" in flipped.structure_notes[0]


def test_lingering_on_the_concept_is_noted(gil: Rubric) -> None:
    words = (timed("The GIL is a mutex in CPython.").words
             + timed("and more " * 120, start=3).words
             + timed("Threads don't speed up CPU-bound work.", start=100).words)
    notes = analyse(score(Transcript.from_words(words), gil)).structure_notes
    assert any(note.startswith("concept took 1:") for note in notes)


def test_follow_up_choice_prefers_a_missed_layer(gil: Rubric) -> None:
    answered = score("The GIL is a mutex in CPython. Threads don't speed up CPU-bound work.", gil)
    assert choose(gil, answered).layer == "example"
    full = score("The GIL is a mutex in CPython. A web service waiting on the database. "
                 "with Pool() as pool: pool.map(square, nums). Threads don't speed up "
                 "CPU-bound work.", gil)
    first = choose(gil, full)
    assert first is gil.follow_ups[0]
    assert choose(gil, full, Counter({first.question: 2})) is gil.follow_ups[1]


def test_follow_up_scoring(gil: Rubric) -> None:
    question = gil.follow_ups[0]
    good = score_answer(question, "No, it's mainly a CPython thing. Jython has no GIL.", gil)
    assert good.covered and {m["idea"] for m in good.matched} == {"mainly cpython",
                                                                   "jython has no gil"}
    assert not score_answer(question, "Yes, every Python has it.", gil).covered


def test_cue_card_is_one_short_line_per_layer(gil: Rubric) -> None:
    console = Console(width=80, record=True)
    console.print(card(gil))
    lines = console.export_text().rstrip("\n").splitlines()
    assert len(lines) == 1 + 1 + 4 + 1  # the question (2 lines at 80 columns), 4 layers, follow-up
    assert lines[2].startswith("concept") and lines[-1].startswith("follow-up")


def test_full_answer_report_fits_one_80x24_screen(gil: Rubric) -> None:
    text = ("So the GIL is a mutex in CPython, which means only one thread runs Python bytecode "
            "at a time. Um, for example a web service waiting on the database is fine with "
            "threads, like, because the GIL is released while waiting for I/O. In code I'd say "
            "with Pool() as pool: pool.map(square, nums). The trade-off: threads don't speed up "
            "CPU-bound work, so use multiprocessing, which costs memory. ") * 3
    transcript = timed(text, step=0.42, pauses={40: 3.1})
    result = score(transcript, gil)
    delivery = analyse(result, duration=112, limit=120).to_dict()
    attempt = Attempt(id=17, topic="gil", rubric=gil.ref, started_at="2026-11-23T10:00:00+00:00",
                      duration_s=112.0, source="microphone", audio_path=None,
                      transcript=transcript.text, words=None, model="base.en", result=None,
                      delivery=delivery, follow_ups=None, state="scored", error=None, pid=None,
                      overflows=0)
    console = Console(width=80, record=True, color_system=None)
    console.print(attempt_report(attempt, result, latency=2.1))
    lines = console.export_text().rstrip("\n").splitlines()
    assert len(lines) <= 24, "\n".join(lines)
    assert all(len(line) <= 80 for line in lines)
    out = "\n".join(lines)
    assert "Covered 4 of 4 layers in 1:52" in out and "report 2.1 s after you stopped" in out
    assert "Delivery:" in out and "wpm" in out and "fillers" in out and "Structure:" in out
    assert "lower bound" in out
