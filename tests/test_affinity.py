"""An answer that never names its topic is judged by whose words it speaks (rehearse.affinity)."""

from __future__ import annotations

import pytest

from rehearse.affinity import Affinity
from rehearse.rubric import Catalog
from rehearse.scoring import score

# Said in answer to "what are *args and **kwargs?", never naming either.
UNNAMED_ARGS = ("Honestly, in a public function I stay away from them. Spelled-out parameters "
                "document themselves, the editor can autocomplete every one, and a mistyped "
                "keyword fails at once instead of being swallowed.")
UNNAMED_VENV = ("Each project gets its own folder with its own interpreter link and packages, so "
                "installing into it never touches the system Python. The downside is it is not "
                "portable: copy the folder to another machine and the paths inside break.")


@pytest.fixture(scope="module")
def affinity(catalog: Catalog) -> Affinity:
    return Affinity(catalog.rubrics.values())


@pytest.mark.parametrize(("text", "topic"), [(UNNAMED_ARGS, "args-kwargs"),
                                             (UNNAMED_VENV, "venv")])
def test_an_answer_in_its_topics_words_is_about_it_and_no_other(affinity, text, topic) -> None:
    assert affinity.about(text, topic)
    assert [other for other in affinity.topics if other != topic
            and affinity.about(text, other)] == []


def test_an_answer_that_names_another_topic_is_that_ones(affinity) -> None:
    # parameters and the editor are kwargs words, but a decorator is named: not kwargs by words
    said = UNNAMED_ARGS + " That is why every decorator I write copies the signature over."
    assert not affinity.about(said, "args-kwargs")


def test_a_few_shared_words_are_about_nothing(affinity) -> None:
    assert not affinity.about("I would avoid it in a public function, honestly.", "args-kwargs")
    assert not affinity.about("", "venv")


def test_an_unnamed_answer_covers_what_it_says_of_its_topic(catalog) -> None:
    assert score(UNNAMED_ARGS, catalog.get("args-kwargs")).layers["trade_off"].covered
    assert score(UNNAMED_VENV, catalog.get("venv")).layers["trade_off"].covered
    for other in ("gil", "exceptions", "lists-tuples"):
        assert score(UNNAMED_ARGS, catalog.get(other)).covered == 0
        assert score(UNNAMED_VENV, catalog.get(other)).covered == 0


def test_an_unnamed_answer_shows_no_code_by_its_words_alone(catalog) -> None:
    # its costs and cases are the topic's; a signature shown is the topic's code only where a
    # rubric idea says so (the words make it no more about kwargs than about the function shown)
    said = ("A function is a promise about what it takes. " + UNNAMED_ARGS
            + " So I write def connect(host, port, timeout=5) and nothing clever.")
    layers = score(said, catalog.get("args-kwargs")).layers
    assert layers["trade_off"].covered
    assert not layers["code"].covered


def test_a_story_in_a_topics_words_but_none_of_its_jargon_is_about_nothing(affinity) -> None:
    # a whole file read into a list, looped over twice: the trouble generators fix, not them
    said = ("I read the whole file into memory, every row stored in one big list, and looped "
            "over it twice to build the report, which took most of the night.")
    assert not affinity.about(said, "generators")


def test_a_topics_context_words_keep_an_unnamed_answer_off_it(affinity) -> None:
    # threads for waiting on the network are threads, not the GIL, until the GIL is named
    said = ("For I/O-bound work, downloading pages from a web server while the others wait, "
            "threads help a lot, and a pool of them is simple to run.")
    assert not affinity.about(said, "gil")
