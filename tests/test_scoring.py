from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest

from rehearse.rubric import Rubric, parse_rubric
from rehearse.scoring import Transcript, Word, _in_order, score
from rehearse.shapes import looks_like_code, segment
from rehearse.text import normalize, tokenize

GIL_ANSWER = ("So the GIL is a mutex in CPython. Only one thread can run Python bytecode at a "
              "time. Threads don't speed up CPU-bound work, so use multiprocessing.")


def test_evidence_quotes_the_words_said_and_their_span(gil: Rubric) -> None:
    result = score(GIL_ANSWER, gil)
    concept = result.layers["concept"]
    assert concept.covered and concept.score == 1.0
    for evidence in concept.matched:
        assert GIL_ANSWER[evidence.start:evidence.end] == evidence.said
        assert evidence.time is None
    assert "GIL is a mutex in CPython" in [e.said for e in concept.matched]


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
    said = f"threads {filler} do not speed up {filler} cpu bound work"
    # no rubric idea spans the filler ("do not speed up" alone is still a cost the shape hears)
    assert not [e for e in score(said, gil).layers["trade_off"].matched
                if not e.phrase.startswith("(")]


def test_word_timings_give_evidence_times(gil: Rubric) -> None:
    words = [Word(" So", 0.0, 0.3), Word(" the", 0.3, 0.5), Word(" GIL", 0.5, 0.9),
             Word(" is", 0.9, 1.0), Word(" a", 1.0, 1.1), Word(" mutex", 4.2, 4.6),
             Word(" in", 4.6, 4.7), Word(" CPython.", 4.7, 5.3)]
    transcript = Transcript.from_words(words)
    assert transcript.text == "So the GIL is a mutex in CPython."
    evidence = score(transcript, gil).layers["concept"].matched[0]
    assert evidence.said == "GIL is a mutex in CPython"
    assert evidence.time == 0.5
    assert score(transcript, gil).layers["concept"].first_time == 0.5
    late = Transcript.from_words([Word(" Threads", 0.0, 0.4), Word(" wait.", 0.4, 0.8),
                                  *(Word(w.text, w.start + 3.0, w.end + 3.0) for w in words)])
    assert score(late, gil).layers["concept"].matched[0].time == 3.5


def test_words_whisper_split_off_a_mark_are_joined_back() -> None:
    """Whisper times "read-only" as " read" + "-only" and "x.append(y)" as " x" + ".append(y)":
    the transcript the user reads, and the judge scores, has them whole."""
    words = [Word(" Tuples", 0.0, 0.4), Word(" are", 0.4, 0.5), Word(" read", 0.5, 0.7),
             Word("-only,", 0.7, 1.0), Word(" so", 1.2, 1.3), Word(" items", 1.3, 1.6),
             Word(".append(4)", 1.6, 2.2), Word(" fails", 2.2, 2.6), Word("after", 3.0, 3.3),
             Word(" 490", 3.4, 3.8), Word(".1", 3.8, 4.0)]
    transcript = Transcript.from_words(words)
    assert transcript.text == "Tuples are read-only, so items.append(4) fails after 490.1"
    # a chunk's first word that comes without its space is spaced, whatever it starts with
    assert Transcript.from_words([Word(" It", 0, 0.2), Word(" costs", 0.2, 0.5),
                                  Word("$5.", 0.6, 1.0), Word('"Next', 1.2, 1.5)]).text \
        == 'It costs $5. "Next'
    for word in words:  # every word still starts where its time says
        at = transcript.text.index(word.text.strip())
        assert transcript.time_at(at) == word.start


def test_in_order_choices_skip_dead_ends() -> None:
    """The in-order search of an ordered idea's occurrences yields each order once, and never
    walks the product of choices that no later term can follow (a word said sixty times, seven
    terms long, and the last term heard only at the start: nothing, at once)."""

    a, b, c = (0, 0, 1.0), (2, 2, 1.0), (4, 4, 1.0)
    assert list(_in_order([[a, b], [a, b, c]])) == [(a, b), (a, c), (b, c)]
    many = [(i, i, 1.0) for i in range(60)]
    assert list(_in_order([many] * 7 + [[a]])) == []
    assert len(list(itertools.islice(_in_order([many] * 7), 1000))) == 1000


def test_every_item_of_a_list_opened_by_the_topic_is_about_it(catalog) -> None:
    notes = ("What to know about generators:\n- Hand back one value and pause\n"
             "- Are lazy: each value is made on demand\n")
    concept = score(notes, catalog.get("generators")).layers["concept"]
    assert concept.covered and concept.matched[0].said == "Are lazy"
    # a list that follows a list item, not the sentence naming the topic, carries nothing
    plain = "Shopping:\n- Buy milk\n- Are lazy days good for you\n"
    assert not score(plain, catalog.get("generators")).layers["concept"].covered


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


# What a new user said, and the layer it was said for (issue 10's opening examples).
ISSUE_EXAMPLES = [
    ("gil", "concept", "Only one thread runs bytecode at a time in CPython."),
    ("args-kwargs", "trade_off", "In a public API I'd prefer explicit parameters, because kwargs "
                                 "hides what the function accepts."),
    ("lambda", "trade_off", "If the logic needs explaining, I'd write a named def instead."),
    ("decorators", "example", "We used one for timing our API handlers."),
    ("decorators", "trade_off", "stacked decorators make stack traces harder to debug"),
    ("generators", "concept", "A generator is a function that uses yield instead of return; it "
                              "pauses and keeps its state."),
]


@pytest.mark.parametrize(("topic", "layer", "text"), ISSUE_EXAMPLES)
def test_plain_textbook_sentences_cover_their_layer(catalog, topic, layer, text) -> None:
    assert score(text, catalog.get(topic)).layers[layer].covered


@pytest.mark.parametrize("text", ["", "Thank you.", "   ", "Um. Uh, okay. Thank you!"])
def test_nothing_said_covers_nothing(catalog, text) -> None:
    for rubric in catalog:
        assert score(text, rubric).covered == 0, rubric.id


def test_ideas_are_order_free_and_use_the_shared_thesaurus() -> None:
    rubric = parse_rubric({"id": "cache", "title": "Caching", "question": "Why cache?",
                           "layers": {"why": {"cue": "speed", "ideas": ["cache + speedup"]}}})
    for said in ("A cache speeds things up.", "Things run faster with a cache.",
                 "You get a quicker page when the result is cached."):
        assert score(said, rubric).layers["why"].covered, said
    assert not score("A cache does not make it faster.", rubric).layers["why"].covered
    assert not score("The cache is small. We talked about lunch. Later, something else was "
                     "faster.", rubric).layers["why"].covered  # not in one sentence
    # ... except that the sentence right after one naming the topic is about it too
    assert score("We added a cache. Pages got much faster.", rubric).layers["why"].covered


def test_direction_and_clauses_keep_a_swapped_claim_out() -> None:
    rubric = parse_rubric({"id": "sets", "title": "Sets", "question": "Set or list?",
                           "layers": {"concept": {"cue": "unique", "shape": "none",
                                                  "ideas": ["set > unique"]}}})
    assert score("A set keeps only unique items.", rubric).layers["concept"].covered
    assert not score("Unique items go in a list, and a set keeps order.",
                     rubric).layers["concept"].covered
    assert not score("A list holds anything, and a set... no, unique ones.",
                     rubric).layers["concept"].covered
    # the subject said again after a comma ("a set, it ...") is one claim, as people speak
    assert score("The set type in Python, it keeps only unique items.",
                 rubric).layers["concept"].covered


def test_an_idea_split_over_two_clauses_is_no_wrong_claim(catalog) -> None:
    # "decorator > wrap > call": the "call" after "and" is another claim, not a swapped one,
    # so the sentence still defines the topic by its shape
    said = "I use decorators a lot. A decorator can wrap any callable and run code around each call."
    assert score(said, catalog.get("decorators")).layers["concept"].covered
    # (a function is no functionality: "the decorator changed the function room")
    assert normalize("function") != normalize("functionality")
    # a swapped claim still keeps the shape out
    assert not score("Args is a dict, and kwargs is a tuple.",
                     catalog.get("args-kwargs")).layers["concept"].covered


def test_a_name_in_a_line_of_code_names_no_topic(gil, catalog) -> None:
    # "jill" stands for a misheard GIL in speech; in code it is somebody's name
    snippet = ("Keyword arguments arrive as a dict.\ndef show(**ages):\n    print(ages)\n"
               "show(john=10, jill=12, david=15)\nshow(jill=3)\n")
    assert not any(layer.covered for layer in score(snippet, gil).layers.values())
    # ... and a keyword argument named "args" is no *args
    snippet = ("Threads share memory, so I guard the counter with a lock.\nimport threading\n"
               "t = threading.Thread(target=work, args=(1,))\nt.start()\nt.join()\n")
    assert not score(snippet, catalog.get("args-kwargs")).layers["code"].covered
    # ... nor when the line is read aloud
    said = ("Threads share memory, so I guard the counter with a lock. Import threading, t "
            "equals threading dot thread, target equals work, args equals one. T dot start.")
    assert not score(said, catalog.get("args-kwargs")).layers["code"].covered


def test_the_question_is_what_the_first_it_stands_for(catalog) -> None:
    # an answer that opens "So it's ..." answers the question asked, which named the topic
    said = "It's a for loop that makes a new list, all on one line."
    assert score(said, catalog.get("comprehensions")).layers["concept"].covered
    said = "So this is a quick way to make a new list out of an old one."
    assert score(said, catalog.get("comprehensions")).layers["concept"].covered
    # ... and nothing of another topic's ideas is in it
    said = "It's a lock inside CPython that lets only one thread run bytecode at a time."
    assert not score(said, catalog.get("lambda")).layers["concept"].covered
    # a pronoun after a word or two of lead-in still opens the sentence
    said = ("Generators come up a lot in my work. I reach for them daily. And then it's lazy, "
            "nothing runs early.")
    assert score(said, catalog.get("generators")).layers["concept"].covered


def test_a_comment_in_words_at_the_end_of_a_line_of_code_may_define(catalog) -> None:
    rubric = catalog.get("args-kwargs")
    said = ("def total(*args):\n    return sum(args)\n"
            "total(1, 2, 3)    # args holds every extra value in one tuple inside the function\n")
    assert score(said, rubric).layers["concept"].covered
    # (what a line prints is no claim)
    said = "def show(*args):\n    print(args)\nshow(1, 2)    # (1, 2) a tuple\n"
    assert not score(said, rubric).layers["concept"].covered


def test_sentences_put_in_a_fence_are_prose(catalog) -> None:
    # a learner's notes fenced as if they were code still define the topic
    said = ("# Exceptions\n```\n    The try clause runs its statements until an exception "
            "stops them, and then the except clause catches it.\n```\n")
    assert score(said, catalog.get("exceptions")).layers["concept"].covered
    assert not score(said, catalog.get("exceptions")).layers["code"].covered
    # (code in a fence is code)
    said = "# Exceptions\n```\ntry:\n    risky()\nexcept ValueError:\n    pass\n```\n"
    assert score(said, catalog.get("exceptions")).layers["code"].covered


def test_generating_names_no_generator(catalog) -> None:
    # the verb is English, not the construct, however close the words are
    said = ("With a comprehension you generate the whole list in one line:\n"
            "squares = [n * n for n in range(10)]\nI generated our test fixtures that way.")
    assert not any(layer.covered for layer in score(said, catalog.get("generators")).layers.values())
    # (the construct itself still names the topic)
    said = ("A generator gives values one at a time.\ndef numbers():\n    yield 1\n    yield 2\n")
    assert score(said, catalog.get("generators")).layers["code"].covered


def test_a_shape_needs_the_topic_nearby(gil) -> None:
    code = "def area(r):\n    return 3.14 * r * r\n"
    assert not score(code, gil).layers["code"].covered
    named = ("The GIL lets one thread run Python code at a time, so threads take turns.\n"
             "import threading\nt = threading.Thread(target=work)\nt.start()\n")
    assert score(named, gil).layers["code"].covered
    assert not score("For example, in my last project we stored users in a database and the "
                     "dashboard got slower.", gil).covered


def test_private_attributes_are_about_encapsulation(catalog) -> None:
    # the oop question asks about encapsulation: "private" names the topic
    said = ("Python has no truly private attributes. A name with a leading underscore is private "
            "by convention only, and the downside is that nothing stops a caller from using it.")
    assert score(said, catalog.get("oop")).layers["trade_off"].covered
    # ... but a private namespace is no encapsulation
    said = ("When you call a function, it gets a private namespace for its locals. A later call "
            "creates a new private namespace. Generators keep theirs:\n\n"
            "def count(n):\n    for i in range(n):\n        yield i\n")
    assert not score(said, catalog.get("oop")).layers["code"].covered


def test_a_misheard_virtualenv_still_names_the_topic(catalog) -> None:
    said = ("We keep one virtual lens per repo. A virtual lens is a folder with its own "
            "interpreter and site packages.")
    assert score(said, catalog.get("venv")).layers["concept"].covered
    # what Whisper base wrote for answers read aloud: "landa", "catsulation"
    said = "I write landas all the time. A landa is a small function with no name."
    assert score(said, catalog.get("lambda")).layers["concept"].covered
    said = ("Catsulation is key. Catsulation means the object keeps its data private and "
            "exposes methods instead.")
    assert score(said, catalog.get("oop")).layers["concept"].covered


def test_misheard_jargon_is_found_through_aliases(catalog) -> None:
    assert score("The gill means only one friend runs at a time.",
                 catalog.get("gil")).layers["concept"].covered
    assert score("You put funk tools dot wraps on the inner function so the wrapper keeps "
                 "the original name.", catalog.get("decorators")).layers["trade_off"].covered


def test_a_near_spelling_counts_but_not_a_word_that_only_stems_alike() -> None:
    rubric = parse_rubric({"id": "outage", "title": "Outages", "question": "What failed?",
                           "layers": {"story": {"cue": "what broke", "shape": "none",
                                                "ideas": ["server + error"]}}})
    assert score("The sever threw an error at noon.", rubric).layers["story"].covered  # misheard
    # "several" and "server" share the stem-like "sever", not the word
    assert not score("We saw several errors at noon.", rubric).layers["story"].covered


def test_an_old_form_rubric_still_loads_and_says_how_to_convert(tmp_path) -> None:
    rubric = parse_rubric({"id": "news", "title": "News", "question": "What happened?",
                           "layers": {"story": {"cue": "who did what", "evidence": [
                               {"idea": "bite", "phrases": ["dog bites? man"]}]}}})
    assert rubric.notes and "ideas = [" in rubric.notes[0]
    assert score("Yesterday the dog bit a man.", rubric).layers["story"].covered


def test_a_longer_form_of_a_topic_term_names_the_topic_fully(catalog) -> None:
    # "generator expression" is folded onto its own term; it still names the topic as surely
    # as "generator" does, so the rubric-free shapes are heard (a mishearing counts half).
    answer = ("A generator expression looks like a list comprehension in round brackets.\n"
              "total = sum(size for size in sizes)\n"
              "The generator expression saves memory compared with building the list first.")
    layers = score(answer, catalog.get("generators")).layers
    assert layers["code"].covered and layers["trade_off"].covered


def test_a_comment_in_a_snippet_is_read_as_a_sentence(catalog) -> None:
    answer = ("The GIL means only one thread runs Python bytecode at a time.\n"
              "t = threading.Thread(target=count, args=(10**8,))\n"
              "t.start()\n"
              "# cpu-bound threads take longer than running the same work in one thread\n")
    assert score(answer, catalog.get("gil")).layers["trade_off"].covered
    assert not score(answer.replace("take longer than running", "and"),
                     catalog.get("gil")).layers["trade_off"].covered


def test_stems_that_collide_keep_their_own_meaning() -> None:
    assert [t.text for t in tokenize("customers")] != [t.text for t in tokenize("custom")]
    assert [t.text for t in tokenize("useful")] != [t.text for t in tokenize("uses")]
    assert [t.text for t in tokenize("production")] != [t.text for t in tokenize("product")]
    # "applicable to that environment only" names no application; a function is no
    # functionality ("the decorator changed the function room")
    assert normalize("applicable") != normalize("application")
    assert normalize("function") != normalize("functionality")


def test_the_quote_is_the_same_on_every_run() -> None:
    # Python orders a set differently from one run to the next (the hash seed): where a short
    # and a long cost phrase start on the same word, the longer one is quoted, every time
    code = ("from rehearse import Catalog, builtin_rubrics_dir, score\n"
            "said = ('A decorator wraps a function and returns a new one. '\n"
            "        'Their reach is limited to the functions you mark.')\n"
            "rubric = Catalog([(builtin_rubrics_dir(), 'built-in')]).get('decorators')\n"
            "print([e.said for e in score(said, rubric).layers['trade_off'].matched])")
    quotes = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
              for seed in (1, 2, 3, 4)}
    assert quotes == {"['limited to']\n"}


def test_threads_are_about_the_gil_only_once_the_gil_is_named(catalog) -> None:
    gil = catalog.get("gil")
    # a neighbouring subject: threads, locks and races, and never the GIL
    threads = ("Two threads bump a shared counter, and without a lock the count comes out wrong. "
               "A race condition like that is hard to debug, so we wrap each update in a lock. "
               "Imagine a web server handling requests on many threads: the same thing happens.")
    assert not any(layer.covered for layer in score(threads, gil).layers.values())
    named = ("The GIL lets one thread run Python bytecode at a time. " + threads)
    layers = score(named, gil).layers
    assert layers["trade_off"].covered and layers["example"].covered


def test_pip_alone_is_no_answer_about_virtual_environments(catalog) -> None:
    venv = catalog.get("venv")
    pip = ("Pip fetches packages from PyPI. Pip resolves versions slowly on big projects, which "
           "is a real downside.")
    assert not score(pip, venv).layers["trade_off"].covered
    named = "A virtual environment, a venv, gives each project its own packages. " + pip
    assert score(named, venv).layers["trade_off"].covered


def test_mutability_alone_is_no_answer_about_tuples(catalog) -> None:
    tuples = catalog.get("lists-tuples")
    sets = ("A set is mutable: you can add to it with s.add(4), and a frozenset is immutable. "
            "Sets ignore duplicates.")
    assert not score(sets, tuples).layers["code"].covered
    assert score("A tuple is an immutable sequence. " + sets, tuples).layers["code"].covered


def test_denying_a_failure_is_no_negation_of_the_claim(catalog) -> None:
    exceptions = catalog.get("exceptions")
    said = "Exception handling lets a program deal with an error without breaking the normal flow."
    assert score(said, exceptions).layers["concept"].covered
    # the idea's own word denied is still a wrong claim
    gil = catalog.get("gil")
    assert score("Processes have overhead.", gil).layers["trade_off"].covered
    assert not score("Processes have no overhead.", gil).layers["trade_off"].covered


def test_idea_words_too_far_apart_do_not_block_the_definition_shape(catalog) -> None:
    # "exception handling ... flow" is too far apart to be the rubric idea, which is no reason
    # to distrust the sentence: it still defines the topic.
    said = ("Exception handling is the way by which a programmer can control an error within "
            "the program without breaking out the flow of execution. I learned about exceptions "
            "in my first Python course.")
    assert score(said, catalog.get("exceptions")).layers["concept"].covered


@pytest.mark.parametrize(("said", "code"), [
    ("You write at log calls above def add, and every call goes through the decorator.", True),
    ("We put at require auth on top of each view, so the decorator checks the token.", True),
    ("In Flask the decorator is at app dot route with the URL, right above the view.", True),
    ("Look at the decorator above the function to see what it adds.", False),
])
def test_a_decorator_said_aloud_is_code(catalog, said, code) -> None:
    answer = "A decorator is a function that wraps another function. " + said
    assert score(answer, catalog.get("decorators")).layers["code"].covered is code


@pytest.mark.parametrize(("topic", "said", "code"), [
    ("args-kwargs", "So you write the function, parenthesis, star, comma, name, and name has to be "
     "passed by keyword.", True),
    ("venv", "You run python with the dash M V E N V and a folder name.", True),
    ("decorators", "Each view function gets at app.route with its URL above it.", True),
    ("generators", "Drop the square brackets and pass the generator to sum instead.", False),
    ("venv", "Then you type python minus minus version to check which one runs.", True),
    ("venv", "You say source, then the folder, bin activate, and you are in it.", True),
    ("lambda", "So you sort by lambda, c goes to c dot last name.", True),
    ("lambda", "A lambda function returns the value of its one expression.", False),
    ("decorators", "You can just put an at cache on the function and it remembers results.", True),
    ("exceptions", "People write try except colon and then pass, which hides everything.", True),
    ("exceptions", "When you try, except for a typo, it works.", False),
    ("exceptions", "With open the config file as f, and if it is missing we raise value error.",
     True),
    ("generators", "For i in range a million, yield i, and nothing is stored.", True),
    ("generators", "The generator keeps going in a range of situations.", False),
    ("args-kwargs", "You might think of star args as a bag that anything can come into.", False),
    ("venv", "Then you pip install requests and it lands in the venv only.", True),
    ("args-kwargs", "In the IDE you hit open parenthesis and it lists the parameters.", False),
    ("exceptions", "You write try, then the exception as e bit, and print e.", True),
    ("exceptions", "If the input is bad we raise an error and stop.", False),
    ("exceptions", "Try, open the file, except OS error, and carry on without it.", True),
    ("exceptions", "Everything works except for this one error in the logs.", False),
    ("lists-tuples", "It is like saying x equals four, then y equals fred.", True),
    ("lists-tuples", "And you could write total equals x plus one, in one line.", True),
    ("lists-tuples", "A tuple takes four or five fields and that is all.", False),
    ("lists-tuples", "Tuples are lists with parens, and a one-element one needs a comma.",
     False),
    ("exceptions", "So try, read the config, except file not found error, use defaults.", True),
    ("exceptions", "It all ran except the nightly batch job error report.", False),
    ("lambda", "So it is lambda x, x times x, and you call it.", True),
    ("args-kwargs", "Most functions never need asterisk args or asterisk asterisk kwargs.", False),
    ("args-kwargs", "Then deaf merge self, asterisk, asterisk, quarks, and it takes the rest.",
     True),
    ("exceptions", "We build with open source libraries such as Flask and never crash.", False),
    ("decorators", "Then you put functools dot wraps on the wrapper function.", True),
    ("venv", "So it is python3-m venv venv, and the folder appears.", True),
    ("args-kwargs", "So def log, open paren, star args, close paren.", True),
    ("venv", "If you pip install while the venv is active, it stays in there.", False),
    ("lambda", "What I've done is lambda x one divided by the cost of x.", True),
    ("lambda", "Then a lambda is short plus it sits inline, which is nice.", False),
    # the parameter said again after it: the body has begun
    ("lambda", "You filter the orders with lambda o, o not shipped yet.", True),
    ("lambda", "A lambda, lambda functions are just small functions.", False),
    ("lists-tuples", "Here we look at tup at index zero, and tup at index minus one.", True),
    ("lists-tuples", "The first element is at index zero, the last item at index minus one.",
     False),
    ("lists-tuples", "So when they initialize it they say self.point = xy, just that.", True),
    ("generators", "The expression would be the x * x operation we square with.", True),
    ("lists-tuples", "So pair equals alice, 42, and we pass that around.", True),
    ("lists-tuples", "The total equals fun, honestly, for a tuple.", False),
    # a lecturer reading the board: a short name assigned or called (not "e.g.", a site)
    ("lists-tuples", "So p2 is equal to ten, twenty, and that is our pair.", True),
    ("lists-tuples", "Then I do q.append spam, and the list has grown.", True),
    ("lists-tuples", "Lists grow, e.g. by appending, i.e. in place; see x.com for more.", False),
    ("lists-tuples", "The length is equal to the number of items in it.", False),
    # a transcript that writes what was typed, and a recogniser gluing "m" to "venv"
    ("venv", "To make one, run python minus mvenv and give it a folder name.", True),
    ("args-kwargs", "So I call it with extra=3, level=9 and both land in the dict.", True),
    ("lists-tuples", "The loop builds result_rows= [ ] and appends each pair.", True),
    ("lists-tuples", "Then the check is if row.kind==today before we keep it.", True),
    ("lists-tuples", "The docs at example.com/search?page=2 list every tuple method.", False),
    # a def as a recogniser hears it, followed by what a body or a signature holds
    ("generators", "So it is deaf count, yield one, yield two, and you loop over it.", True),
    ("decorators", "Under it comes death fetch, print the page, and the wrapper times it.", True),
    ("generators", "If the body of a def contains yield, it becomes a generator.", False),
    ("decorators", "The death of the old API, return codes everywhere, pushed us to them.", False),
    ("decorators", "Debugging without them was death by print statements.", False),
    ("decorators", "Our error codes fell on deaf ears, return values went unread.", False),
    ("generators", "You write a def, then yield values instead of return.", False),
    # keyword arguments typed, not a number in prose; a web address is no decorator
    ("decorators", "It was version=2 of the API that first used them.", False),
    ("decorators", "Look at docs.python.org for more on how they nest.", False),
    # code dictated a line at a time, each line a short sentence of its own
    ("decorators", "Def log calls. Print calling now. Return wrapper.", True),
    ("decorators", "Return values matter. Print statements are gone.", False),
    ("generators", "Yield pauses the function. Return ends it for good.", False),  # remarks
    ("generators", "Yield will pause the function. Return will end it.", False),
    ("generators", "Yield can pause a function. Return cannot.", False),
    ("lists-tuples", "Two tuples are compared item for item and then by length.", False),
    # "in" heard as "and" in a loop said aloud (not "step for step and page by page")
    ("comprehensions", "Evens equals num for num and numbers if num mod two equals zero.", True),
    ("comprehensions", "We went step for step and page by page if the docs were unclear.",
     False),
])
def test_code_said_aloud_in_speech(catalog, topic, said, code) -> None:
    rubric = catalog.get(topic)
    opening = {"args-kwargs": "Star args and star star kwargs collect extra arguments. ",
               "venv": "A virtual environment, a venv, isolates a project's packages. ",
               "decorators": "A decorator wraps a function in another function. ",
               "generators": "A generator expression is a generator written inline. ",
               "lambda": "A lambda is a small function without a name. ",
               "exceptions": "An exception is raised when something fails and except catches it. ",
               "lists-tuples": "A tuple is an immutable sequence and a list a mutable one. ",
               "comprehensions": "A comprehension builds a list from a loop in one line. ",
               }[topic]
    assert score(opening + said, rubric).layers["code"].covered is code


def test_the_question_put_aloud_and_answered_defines_a_topic_named_once(catalog) -> None:
    said = ("So what is the GIL? Well it's basically one switch inside the interpreter that "
            "everybody has to hold.")
    assert score(said, catalog.get("gil")).layers["concept"].covered
    assert not score("So what is the GIL? I'd have to look that up, honestly.",
                     catalog.get("gil")).layers["concept"].covered


def test_a_spoken_definition_opener_defines_the_topic(catalog) -> None:
    generators = catalog.get("generators")
    said = ("So a generator, what it does is, it hands you one value, then it waits until you "
            "ask for the next one. I use generators all the time.")
    assert score(said, generators).layers["concept"].covered


@pytest.mark.parametrize(("topic", "said", "concept"), [
    ("generators", "A generator can walk a huge log file without loading it all.", True),
    ("lambda", "A lambda can sit right inside the call to sorted as the key.", True),
    ("lambda", "A lambda can be really handy as a sort key in a pinch.", False),
    ("decorators", "Decorators can help you check who is logged in on every page.", False),
])
def test_what_the_topic_can_do_is_how_it_works(catalog, topic, said, concept) -> None:
    # (a topic named twice: "I use them a lot", then what they can do)
    opening = {"generators": "I use generators a lot. ", "decorators": "I use decorators a lot. ",
               "lambda": "I use lambdas a lot. "}[topic]
    assert score(opening + said, catalog.get(topic)).layers["concept"].covered is concept


@pytest.mark.parametrize(("said", "concept"), [
    ("In the billing code we lean heavily on decorators which are basically little shells "
     "around the real code.", True),
    ("In the billing code we lean heavily on decorators in Python that are basically little "
     "shells around the real code.", True),
    ("In the billing code I would add decorators because that does the job, honestly.", False),
])
def test_a_relative_clause_defines_the_term_before_it(catalog, said, concept) -> None:
    answer = "Decorators show up everywhere. " + said
    assert score(answer, catalog.get("decorators")).layers["concept"].covered is concept


@pytest.mark.parametrize(("said", "concept"), [
    ("Input can be junk and the program must not die. And that's what the try and except "
     "are for.", True),
    ("Input can be junk and the program must not die. I still wonder what try and except "
     "are for.", False),
])
def test_that_is_what_it_is_for_points_back_at_a_definition(catalog, said, concept) -> None:
    answer = "Exceptions come up in every review. " + said
    assert score(answer, catalog.get("exceptions")).layers["concept"].covered is concept


@pytest.mark.parametrize(("topic", "said", "concept"), [
    ("venv", "Each repo gets its own little corner of the disk for its libraries. That's what we "
     "call a virtual environment.", True),
    ("decorators", "You pass a function in and get a dressed-up one back. This is called a "
     "decorator.", True),
    ("decorators", "This is called a decorator.", False),  # names it, explains nothing
])
def test_a_sentence_that_names_what_came_before_defines_it(catalog, topic, said,
                                                          concept) -> None:
    assert score(said, catalog.get(topic)).layers["concept"].covered is concept


@pytest.mark.parametrize(("topic", "said", "concept"), [
    ("decorators", "A decorator is a small helper that records every call to a file.", True),
    ("decorators", "The @audit decorator is a small helper that records every call to a file.",
     False),
    ("decorators", "Our decorator is a small helper that records every call to a file.", False),
    ("generators", "A generator function produces the names of the servers in the inventory "
     "file.", True),
    ("generators", "In the script below, this generator function produces the names of the "
     "servers in the inventory file.", False),
    # ... but a sentence opened by "this" in speech is as general as one opened by "a"
    ("venv", "So this virtual environment is basically a folder tree that one project owns.",
     True),
    # one such thing made or told to be made, not the kind: "a decorator that ...", "... to ..."
    ("decorators", "You can write a decorator that can print a lot of useful information "
     "about each call.", False),
    ("decorators", "We wrote a decorator to compute the time taken by a function.", False),
    ("decorators", "Decorate your functions to keep track of how many times you call them.",
     False),
    ("lambda", "A lambda means we can drop the def for a one-off sort key.", False),
    ("lambda", "We will use the lambda function to create a maximum function that finds the "
     "larger of two numbers.", False),
    # where it is, or how often it is judged so, not what it is
    ("exceptions", "The exception class is defined below and should be added to the api module.",
     False),
    ("exceptions", "Catch-all except blocks are almost always a terrible idea.", False),
    ("generators", "A generator is the ideal solution to this problem.", False),
    ("exceptions", "Except blocks are a way to handle the errors raised in the try block.", True),
    # its size, not what it is
    ("venv", "A virtual environment can amount to many megabytes on disk.", False),
])
def test_what_one_instance_does_is_no_definition_of_the_kind(catalog, topic, said,
                                                             concept) -> None:
    answer = f"I use {topic} a lot. {said}"
    assert score(answer, catalog.get(topic)).layers["concept"].covered is concept


def test_a_clause_after_the_term_is_not_what_the_term_does(catalog) -> None:
    said = ("Decorators come up a lot. You write a decorator, but then you apply it to a method "
            "and the name of the method gets lost.")
    assert not score(said, catalog.get("decorators")).layers["concept"].covered


def test_a_topic_named_once_is_defined_in_that_sentence_only(catalog) -> None:
    decorators = catalog.get("decorators")
    said = "A decorator is basically a little shell around the real code, nothing more."
    assert score(said, decorators).layers["concept"].covered
    story = "We added a decorator last year. It is basically a little shell around the real code."
    assert not score(story, decorators).layers["concept"].covered


def test_a_definition_in_unpunctuated_speech_runs_on_past_the_cut(catalog) -> None:
    # a caption track with no full stops is cut every MAX_UNIT_WORDS words; a definition that
    # straddles the cut still reads as one
    decorators = catalog.get("decorators")
    lead = "so we had this slow report and " * 3 + "it took an hour "  # 25 words
    said = lead + "we fixed it with a decorator and what a decorator does is it wraps the " \
        "function in another function so it adds a cache in front of the call"
    assert said.split()[39] == "the" and "." not in said  # cut after "it wraps the"
    assert score(said, decorators).layers["concept"].covered


def test_a_spoken_answer_stays_on_its_topic_for_a_few_sentences(catalog) -> None:
    # people name the topic once and go on with "it" and "they"; a cost said five sentences
    # later is still about it, but not one said much further on
    decorators = catalog.get("decorators")
    said = ("Decorators wrap a function in another function. We had a billing service. "
            "Every call went to the database. So I cached the results. It took a day. "
            "The downside is all the extra work it gives the team.")
    assert score(said, decorators).layers["trade_off"].covered
    far = said.replace("It took a day.", "It took a day. " + "Then we went home. " * 6)
    assert not score(far, decorators).layers["trade_off"].covered


@pytest.mark.parametrize("cost", [
    "Building the whole list up front takes a lot of memory.",
    "A list of every row gives you memory problems once the file grows.",
    "A generator expression inside a one-element call gets ugly fast.",
    "Iterating the same generator twice gives an unexpected empty result.",
    "A generator shared by two threads can corrupt its state.",
    "The old advice was not to use generators in hot loops.",
    "Use generators only where you need lazy evaluation or memory savings.",
    "Sharing one generator between two loops is an issue: the second sees what is left.",
    # as said in conversation
    "The only problem is a generator you already looped over just gives you nothing.",
    "Honestly, I'm not a huge fan of long generator pipelines, they are hard to step through.",
    "Once two consumers share it, the whole thing falls apart.",
    "Getting send and throw right on generators is challenging.",
    "A generator pipeline hides a lot of work behind one innocent loop.",
    "Generators are handy, but they are not transparent to a debugger.",
    "For anything with side effects, don't bother with a generator, a plain loop is clearer.",
    "Reading the file this way has one weakness: the generator is spent after one pass.",
    "Using a generator for a side effect is using it for a purpose it wasn't intended for.",
    "A generator pipeline can be less performant than a plain list for tiny inputs.",
    "Once a generator is wired into the pipeline, you can't test its stages one at a time.",
    "The benefit of a list is that you can index it, instead of having to loop over a generator.",
    "Caching every value a generator yields in a module-level dict is a memory leak in a worker.",
    "Joining the generator's pieces with += on a string is quadratic for long streams.",
])
def test_everyday_cost_phrases_are_trade_offs(catalog, cost) -> None:
    answer = "A generator uses yield and hands back one value at a time. " + cost
    assert score(answer, catalog.get("generators")).layers["trade_off"].covered


# ... but a chore spared, or a problem solved, is no cost
@pytest.mark.parametrize(("topic", "said"), [
    ("venv", "A venv keeps packages per project. With a venv you don't bother with sudo pip "
     "install anymore, it all goes into the project's own folder."),
    ("decorators", "A decorator wraps a function. The only problem decorators solve is repetition."),
    # a warning that names no danger
    ("generators", "A generator yields values lazily. You should be careful when using them."),
])
def test_a_chore_spared_is_no_trade_off(catalog, topic, said) -> None:
    assert not score(said, catalog.get(topic)).layers["trade_off"].covered


@pytest.mark.parametrize("thing", ["a hard drive you mounted read-only",
                                   "the hard-coded field names of a record",
                                   "the ids of unread messages"])
def test_a_hard_drive_is_no_difficulty(catalog, thing) -> None:
    tuples = catalog.get("lists-tuples")
    said = f"A tuple is immutable. Think of {thing}."
    assert not score(said, tuples).layers["trade_off"].covered
    said = "A tuple is immutable. Think of a hard drive you mounted read-only."
    assert score(said.replace("a hard drive you mounted", "it is hard to extend, so"),
                 tuples).layers["trade_off"].covered


def test_an_except_clause_said_aloud_is_code(catalog) -> None:
    answer = ("Exception handling means you try the risky call and catch what goes wrong. "
              "So we say except connection error as e, and look inside the exception.")
    assert score(answer, catalog.get("exceptions")).layers["code"].covered


def test_an_answer_under_its_question_heading_is_about_the_topic(catalog) -> None:
    # "What is *args?" / "Answer:" / a sentence with no subject: the subject is the heading's.
    notes = ("## What is `*args`?\n\n**Answer:**\n\n"
             "Allows passing multiple positional arguments as a tuple.\n")
    assert score(notes, catalog.get("args-kwargs")).layers["concept"].covered


def test_a_subheading_stays_in_its_section_but_the_next_section_does_not(catalog) -> None:
    lambdas = catalog.get("lambda")
    filler = "* a lambda is a small function with no name.\n" + "".join(
        f"* note {n}: nothing much to add here.\n" for n in range(8))
    cost = "Past one line they get harder to debug than a plain def.\n"
    notes = "### Lambdas\n\n" + filler + "\n#### Style\n\n" + cost
    assert score(notes, lambdas).layers["trade_off"].covered
    notes = "### Lambdas\n\n" + filler + "\n### Style\n\n" + cost
    assert not score(notes, lambdas).layers["trade_off"].covered


@pytest.mark.parametrize(("topic", "said", "example"), [
    ("exceptions", "Exceptions are commonly used for turning a failed payment into a clear "
     "message.", True),
    ("lambda", "Lambdas are good for sort keys, like ordering customers by their last order.",
     True),
    ("lambda", "Lambdas are good for plugins that register a tiny callback.", True),
    # "used for" inside a sentence opens no scenario in the next one; an opener at the end does
    ("decorators", "A common one is a property, used for computed attributes. However, the "
     "syntax allows for user-defined decorators as well.", False),
    ("decorators", "Here is a real case, for example:\nWe retry every payment call three "
     "times.", True),
])
def test_what_the_topic_is_used_for_is_an_example(catalog, topic, said, example) -> None:
    opening = {"exceptions": "An exception is raised when something fails. ",
               "lambda": "A lambda is a small function with no name. ",
               "decorators": "A decorator wraps a function and returns a new one. "}[topic]
    assert score(opening + said, catalog.get(topic)).layers["example"].covered is example


def test_where_i_have_used_it_is_a_story(catalog) -> None:
    generators = catalog.get("generators")
    said = ("A generator hands out one value at a time. The place I've used generators most is "
            "walking a tree, one node after another, with yield from.")
    assert score(said, generators).layers["example"].covered
    assert not score(said.replace("I've used generators most is", "you meet generators is"),
                     generators).layers["example"].covered


# An experience recalled the way people tell it out loud opens a story.
@pytest.mark.parametrize(("topic", "said"), [
    ("gil", "The GIL lets one thread run bytecode at a time. We noticed it when our thumbnail "
     "service got no faster with eight threads."),
    ("generators", "A generator yields lazily. It came in handy when we had to follow a log file "
     "that kept growing."),
    ("args-kwargs", "Kwargs gathers keyword arguments into a dict. Where it helped me was a chart "
     "helper that hands extra options through to matplotlib."),
])
def test_an_experience_recalled_is_a_story(catalog, topic, said) -> None:
    assert score(said, catalog.get(topic)).layers["example"].covered


def test_a_named_tool_in_a_story_is_concrete_but_not_in_a_command(catalog) -> None:
    gil = catalog.get("gil")
    intro = "The GIL lets one thread run Python bytecode at a time, so threads take turns. "
    story = "For example, I run Dask with four threads, because NumPy releases the GIL."
    assert score(intro + story, gil).layers["example"].covered
    venv = catalog.get("venv")
    command = ("A virtual environment is your own little Python install, a venv. For example:\n"
               "python -m pip install pandas\n")
    assert not score(command, venv).layers["example"].covered


@pytest.mark.parametrize(("said", "cost"), [
    ("To avoid reinstalling packages every time you switch projects, each one gets a venv.", False),
    ("There are good reasons to avoid a venv inside a Docker image that already isolates it.", True),
    ("You put the risky code in the venv activate hook.", False),
    ("The problem without virtual environments is that two projects fight over Django.", False),
    ("The problem with a venv is that it never isolates system libraries.", True),
    ("Someone filed an issue about the venv docs last week.", False),  # a ticket
    ("When you upgrade Django for one project, you hit a problem in the other.", False),  # met
    ("A package you install into the venv goes only into that one, for Python.", False),
    ("But a venv isolates only Python packages, not system libraries.", True),
])
def test_what_a_venv_is_for_is_no_cost(catalog, said, cost) -> None:
    answer = "A virtual environment, a venv, gives each project its own packages. " + said
    assert score(answer, catalog.get("venv")).layers["trade_off"].covered is cost


def test_a_two_word_alternative_keeps_its_small_word() -> None:
    # "too long" is not "long": without "too" the idea would hear any long comprehension
    rubric = parse_rubric({"id": "comp", "title": "Comprehensions", "question": "When?",
                           "layers": {"limit": {"cue": "length",
                                                "ideas": ["comprehension + too long/even if"]}}})
    assert score("That comprehension is too long to read.", rubric).layers["limit"].covered
    assert not score("A comprehension can build a long list.", rubric).layers["limit"].covered


def test_markdown_answers_are_read_by_their_structure(catalog) -> None:
    notes = ("### Lambda best practices:\n\n"
             "```python\nkey = lambda row: row[1]\n# keep it short\n```\n\n"
             "- Keep them to one expression\n"
             "- If the logic gets complex, use a regular def instead\n")
    units = [(notes[u.start:u.end], u.code, u.heading) for u in segment(notes)]
    assert ("### Lambda best practices:", False, True) in units  # a title, not a sentence
    assert ("key = lambda row: row[1]", True, False) in units  # fenced: code
    assert ("- Keep them to one expression", False, False) in units  # a bullet is no title
    assert not any("```" in text for text, _, _ in units)  # a fence is markup
    # the bullets sit under a title that names the topic: their cost is about lambdas
    assert score(notes, catalog.get("lambda")).layers["trade_off"].covered


def test_typed_emphasis_is_no_code_and_hides_no_definition(catalog) -> None:
    said = "**Comprehensions** in Python are a short way to write a loop that collects values."
    concept = score(said, catalog.get("comprehensions")).layers["concept"]
    assert concept.covered and "Comprehensions" in concept.matched[0].said
    # the stars of code stay code: "**kwargs" in a signature
    sig = "In *my* helpers I write def send(*args, **kwargs) and pass them on."
    assert score(sig, catalog.get("args-kwargs")).layers["code"].covered


def test_a_pinned_requirement_is_code_and_a_cost_kept_away_is_no_cost(catalog) -> None:
    venv = catalog.get("venv")
    pins = ("A virtual environment keeps each project's packages apart. In the venv:\n"
            "- `django==4.2`\n- `requests==2.31`\n")
    assert score(pins, venv).layers["code"].covered
    oop = catalog.get("oop")
    said = ("Encapsulation bundles data with the methods that use it. Encapsulation prevents "
            "accidental misuse of the internal state.")
    assert not score(said, oop).layers["trade_off"].covered


@pytest.mark.parametrize(("line", "code"), [
    ("Functions are first class objects (can be passed around and used as arguments).", False),
    ("A tuple is an acceptable (albeit questionable) type for a key in a dictionary.", False),
    ("Lists allow for resizing(changing the number of elements they hold).", False),
    ("class Account(Base):", True),
    ("squares = [n * n for n in numbers]", True),
    ("print('hello world how are you')", True),
    ("Threads still wait on the GIL (Global Interpreter Lock) for bytecode.", False),
    ("Threads still wait on the GIL(Global Interpreter Lock) for bytecode.", False),
    ("GIL(Lock)", True),
    ("Your code stays DRY(Don't Repeat Yourself).", False),  # an acronym spelled out
    ("Each process creates a key resource(GIL) that a thread must hold.", False),
    ("print(MAX)", True),
    ("visits[(patient_id, day)] += 1", True),  # a subscript that holds a tuple, assigned to
    ("<span style='color: blue'>Object Oriented Programming</span>", False),  # markup
    ("DefGen, yield 1, yield 2.", True),  # a recogniser glues "def gen" together
    ("Defload rows, file name.", True),  # ... and "def load_rows" in lower case
    ("Class Point, definite self, x, y.", True),  # "def __init__(self" as it is heard
    ("Default values are evaluated once.", False),
    ("The definite answer is defined in the docs and defended by the deft reviewer.", False),
    ("We return the right person, then close the part of the file we read.", False),
    ("except: catches the error raised in the try block", False),  # a note's label
    ("try: run the risky part first", False),
    ("except ValueError: print('not a number')", True),
    ("except:", True),
    ("Don't pip-install anything into the system Python.", False),
    ("Don't pip install anything into the system Python.", False),
    ("pip install requests", True),
    ("Membership tests run in fast O(1) time, unions in O(n).", False),  # big-O
    ("venv uses whichever version(s) of Python you have installed.", False),  # a plural
    ("You define them with the def keyword, but use the yield keyword instead of return to "
     "produce values.", False),  # keywords named
    ("Tune it with sys.setswitchinterval(s) if you must.", True),
    ("If s is your list, len(s) gives you its length.", True),  # a builtin called on s
    ("Choose a tuple where a full class would be too heavy, a list for a set of data.", False),
    ("We've written expressions like list1 = empty square brackets to make a list.", True),
    ("Then x = 5, and y = x plus one.", True),
    # a recogniser's comma for a pause after "equals"
    ("You put a retry with attempts equals, three on any function.", True),
    ("preemptive multithreading = one thread takes control of a program", False),  # a note
    ("lambda expressions:", False),  # a note's label, and no lambda: its body is missing
    ("Lambda functions: small anonymous functions", False),
    ("key=lambda row: row[1]", True),
    ("Superclasses are listed in parentheses in a class header.", False),
    ("Then you can pip install any available package within that environment.", False),
    # a line of code quoted in backticks inside a sentence (not a keyword or a name quoted)
    ("To catch every program error, use ``except Exception:`` rather than a bare except.", True),
    ("Sort them by age with `sorted(people, key=lambda p: p.age)` and move on.", True),
    ("A generator function is one that uses the `yield` keyword somewhere.", False),
    ("The ``try`` statement and the exception mechanism in Python is object-oriented: an "
     "exception is a ``class``.", False),
    # a comprehension said aloud whose expression opens with its loop variable, "in" heard "and"
    ("Then x times two for x and numbers.", True),
    ("So line dot strip for line in lines.", True),
    ("We read it word by word for word in the text.", False),
    # a lambda named in a sentence, a note's "lambda:" label, words quoted in brackets
    ("Consider alternatives to assigning a lambda to a variable: 1. readability.", False),
    ("lambda: Python provides the ability to create a small anonymous function.", False),
    ("It assumed the groups (\"Precancerous\", \"NMSC\", and \"Melanoma\") were present.",
     False),
    ("callbacks.append(lambda: callback(label))", True),
    # a comprehension calling a method, a loop with its body on one line, a versioned python
    ("[line.strip() for line in lines if line.strip()]", True),
    ("for shape in shapes: print(shape.area())", True),
    ("python3.11 -m venv --upgrade-deps env", True),
    ("They are handy (for example in web apps) and cheap.", False),
    ("For each item in the list: we add it if needed.", False),
    # a person addressed in a thread, not a decorator (but a decorator line still is one)
    ("@mumrah: thank you for the follow-up.", False),
    ("Should it extend ValueError? @tfmorris + @hornc?", False),
    ("@app.route('/users')", True),
    # a note's label ends in a colon too, its prose capitalised
    ("except block: If an exception occurs in the try block, it is handled here.", False),
    ("except KeyError: return None", True),
    # an acronym after its capitalised words, a statement named, the symbol named, not multiplied
    ("Complaining about the Global Interpreter Lock(GIL) is a rite of passage.", False),
    ("The try..except statement works as follows.", False),
    ("except ValueError as err: print(err)", True),
    ("So we say except connection error as e and log it.", True),
    ("The syntax is lambda, argument, s, expression.", True),  # "lambda argument(s): expression"
    ("The accept clause as specify one or more exception handlers.", False),  # "clauses" heard
    ("The single asterisk form *args is used to pass a non-keyworded argument list.", False),
    ("Then you say width asterisk height.", True),
    ("You could have also written asterisk var and asterisk asterisk vars.", False),  # names
])
def test_remarks_and_labels_in_prose_are_not_code(line, code) -> None:
    assert looks_like_code(line) is code


@pytest.mark.parametrize("cost", [
    "Forking many processes instead doesn't work on Windows.",
    "With the GIL, true parallel computation in threads is not possible.",
    "Honestly the GIL is a bit of a hack.",
    "With multiprocessing you can have actual parallel execution.",
    "Thread-heavy code can cause strange behaviours in debuggers and profilers.",
    "The GIL can be disabled to improve multi-threaded performance.",
    "That subtle difference trips up lots of folks who start with threads.",
])
def test_plain_limits_are_trade_offs(catalog, cost) -> None:
    answer = "The GIL lets only one thread run Python bytecode at a time in CPython. " + cost
    assert score(answer, catalog.get("gil")).layers["trade_off"].covered


def test_only_one_cpu_at_work_under_the_gil_is_how_it_works(catalog) -> None:
    said = "Because of the GIL, only one CPU is working effectively in a threaded program."
    assert score(said, catalog.get("gil")).layers["concept"].covered


@pytest.mark.parametrize(("said", "cost"), [
    ("Passing star star kwargs through every layer does hurt readability.", True),
    ("You sacrifice the signature, your editor can't autocomplete anything.", True),
    ("Spelling out every parameter by hand is a lot of work.", True),
    ("A dict of options here would not hurt readability at all.", False),
    ("For a public API a catch-all signature is too vague for the caller.", True),
    ("Honestly, reading a signature with kwargs is not too bad.", False),
    # "not only ... but also" denies no quality; a cost word inside a name is no cost
    ("Forwarding them this way is not only efficient but also readable.", False),
    ("Our client raises `TooManyRequests` when the server pushes back.", False),
    ("Reading a key out of the kwargs dict by hand is not a recommended approach.", True),
    ("There isn't really any good reason to take kwargs in a function this small.", True),
])
def test_a_quality_harmed_or_given_up_is_a_trade_off(catalog, said, cost) -> None:
    answer = "Kwargs collects the keyword arguments into a dictionary. " + said
    assert score(answer, catalog.get("args-kwargs")).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("said", "cost"), [
    ("Abstraction is about hiding the complexity of the implementation.", False),
    ("Encapsulation: information hiding, or system complexity hiding.", False),
    ("Encapsulation manages complexity by keeping the data with its methods.", False),
    ("Deep inheritance trees add a lot of complexity.", True),
])
def test_complexity_kept_in_hand_is_no_cost(catalog, said, cost) -> None:
    answer = "Inheritance lets a subclass reuse the methods of its parent class. " + said
    assert score(answer, catalog.get("oop")).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("said", "cost"), [
    # what the topic spares is a benefit, not advice against it
    ("Why use them?\n- Avoids building the whole result list at once", False),
    ("Avoid them when you need to index into the results twice.", True),
])
def test_avoids_said_of_the_topic_is_a_benefit(catalog, said, cost) -> None:
    answer = "A generator yields its values one at a time, lazily. " + said
    assert score(answer, catalog.get("generators")).layers["trade_off"].covered is cost


# A benchmark's two readings of one kind are a measured comparison: the cost shown, not said.
@pytest.mark.parametrize(("topic", "said", "cost"), [
    ("generators", "A generator yields values lazily.\n"
     "big = [n * n for n in range(10**6)]\n"
     "print(sys.getsizeof(big))  # 8448728 bytes\n"
     "lazy = (n * n for n in range(10**6))\n"
     "print(sys.getsizeof(lazy))  # 104 bytes\n", True),
    ("gil", "The GIL lets one thread run bytecode at a time. My two threads counting down took "
     "6.2 seconds, the same count in one thread took 3.1 seconds, and in two processes 1.7 s.",
     True),
    # one reading, the same reading twice, two of different kinds, a setting: no comparison
    ("generators", "A generator yields values lazily. Reading the file this way stays under "
     "20 MB.", False),
    ("generators", "A generator yields values lazily. Each batch uses 64 KB, and the next batch "
     "uses 64 KB again.", False),
    ("generators", "A generator yields values lazily. The job streams 2 GB of logs in about "
     "40 seconds.", False),
    ("decorators", "A decorator wraps a function in another. Our retry decorator waits after "
     "1 second, then with a delay of 2 seconds, then 4 seconds.", False),
    # ... or one way measured against the other as a ratio
    ("gil", "The GIL lets one thread run bytecode at a time. With the thread pool the "
     "extractor used one core; the GIL-free build was about 6x faster in a test run.", True),
    ("generators", "A generator yields values lazily. The generator version of the loader used "
     "three times less memory.", True),
    ("gil", "The GIL lets one thread run bytecode at a time. We ran one more test with threads.",
     False),
])
def test_two_measurements_of_one_kind_are_a_trade_off(catalog, topic, said, cost) -> None:
    assert score(said, catalog.get(topic)).layers["trade_off"].covered is cost


def test_letters_with_dots_end_no_sentence(catalog) -> None:
    # a transcript writes "I/O" as "I.O."; the sentence goes on after it
    said = "Any call that does blocking I.O. releases the GIL first."
    assert score(said, catalog.get("gil")).layers["concept"].covered
    text = "It was the U.S. Then we left."  # ... but a capital after them starts one
    assert [text[u.start:u.end] for u in segment(text)] == ["It was the U.S.", "Then we left."]


# Speech and notes define a term in more ways than "X is a ...": a sentence that names what
# enforces the mechanism just described, a question answered in the next units, "think of X as".
@pytest.mark.parametrize(("topic", "said", "concept"), [
    ("gil", "Two threads never run Python code at the same moment. That is enforced by the global "
     "interpreter lock.", True),
    ("generators", "Each value is computed when the loop asks for it. This is handled by a "
     "generator.", True),
    # a trouble and its cause, or the name first: no mechanism described before it
    ("gil", "My web scraper got slower with more threads. This is caused by the GIL.", False),
    ("gil", "This is enforced by the GIL.", False),
    # the question asked, then answered
    ("decorators", "## What are decorators?\n- Callables taking a callable\n- Hand back a "
     "replacement\n\nDecorators show up all over Flask.\n", True),
    ("gil", "So what is the GIL? Basically the thing CPython holds while running bytecode. I ran "
     "into the GIL last year.", True),
    ("generators", "What exactly is a generator? In short, a resumable function body. I like "
     "generators.", True),
    # ... the answer put off, or not known
    ("generators", "So what is a generator? Let me show you some code with one first. A "
     "generator can be handy.", False),
    ("generators", "What is a generator? Honestly I do not remember the details of a generator.",
     False),
    # "think of X as ...", as sure as "X is ..."
    ("generators", "You can think of a generator as a function that remembers where it stopped.",
     True),
    ("gil", "I think of the GIL as one big mutex around the CPython interpreter state.", True),
    ("lambda", "I think of a lambda like a sticky note with one formula written on it.", True),
    # (its relative clause after a comma goes on)
    ("decorators", "Think of a decorator as a plain function, that accepts one more callable "
     "and hands out a new one.", True),
    ("generators", "I think of generators all the time.", False),
    # ... not a verdict on it, nor no kind named
    ("lambda", "I'd think of lambdas as a last resort, honestly, a named function reads better.",
     False),
    ("decorators", "Think of decorators as something you'll see in every Flask app.", False),
])
def test_a_definition_as_speech_and_notes_give_it(catalog, topic, said, concept) -> None:
    assert score(said, catalog.get(topic)).layers["concept"].covered is concept


# A recogniser writes code dictated a word at a time with commas between the words; they hide
# no code. A comma between two clauses of prose makes none. An import or a subscript said is code.
@pytest.mark.parametrize(("topic", "said", "code"), [
    ("venv", "A virtual environment keeps each project's packages apart. Then you type source, "
     "venv, slash, bin, slash, activate, and pip installs go in there.", True),
    ("exceptions", "Exceptions stop the normal flow until something handles them. Try, open the "
     "file, except, FileNotFoundError, as e, print e.", True),
    ("exceptions", "Exceptions stop the normal flow until something handles them. We wrap it in "
     "try and except, error messages go to the log.", False),
    ("lists-tuples", "Tuples are immutable and lists are mutable. Lists, tuples, and dicts, all "
     "hold references to objects.", False),
    # an import and a subscript, said aloud (not "from the old import tool", "tax bracket")
    ("decorators", "A decorator wraps a function. First, from functools import wraps, and you "
     "use it on the inner function.", True),
    ("exceptions", "Exceptions get raised on a missing key. You write prices, square bracket, "
     "the sku, close square bracket, inside a try.", True),
    ("decorators", "A decorator wraps a function. We moved from the old import tool last year.",
     False),
    # a list of short phrases is no dictation, and "dot, well" goes on in English
    ("generators", "A generator yields lazily. I picked most of it up from work, import scripts, "
     "that kind of thing.", False),
    ("decorators", "A decorator wraps a view. I learned it from a guy at Stripe dot, uh, well, "
     "he was at Stripe then.", False),
    ("exceptions", "An exception stops the program. The top tax bracket is high, close to half, "
     "so the parser raised one.", False),
    # an item indexed or an expression compared, written inside a sentence, is code (not a
    # footnote mark)
    ("lists-tuples", "A tuple is immutable. Now we try t[0], we assign the letter B, and we get "
     "an error.", True),
    ("lambda", "A lambda is a small anonymous function. We test if n % 2 == 1 for the odd "
     "ones.", True),
    ("lists-tuples", "A tuple is immutable, as the docs say [1], and a list is not.", False),
    # a def heard as "dev" with a recogniser's comma, then a star parameter (not a dev team)
    ("args-kwargs", "Star args collects the extra positional arguments. Dev, print arguments, "
     "asterisk, args, print args.", True),
    ("args-kwargs", "Star args collects the extra positional arguments. Our dev team loves "
     "asterisk args.", False),
    # a venv made with uv, or "-m venv" written together by a recogniser
    ("venv", "A virtual environment isolates packages. I make one with uv venv, then activate "
     "the virtual environment.", True),
    ("venv", "A virtual environment isolates packages. Python dash MVNV makes one in a folder, "
     "then you activate the virtual environment.", True),
    # an index and a one-tuple said aloud
    ("lists-tuples", "Lists are mutable and tuples are not. T bracket two gets a tuple's third "
     "item.", True),
    ("lists-tuples", "Lists are mutable and tuples are not. A one tuple is parentheses, email, "
     "comma.", True),
    ("lists-tuples", "Lists are mutable and tuples are not. Both are written with brackets and "
     "commas.", False),
])
def test_code_dictated_aloud_is_code(catalog, topic, said, code) -> None:
    assert score(said, catalog.get(topic)).layers["code"].covered is code


# A speaker's pause (a filler between commas, "like,", a word said twice) splits no claim in
# two; a clause word still does.
@pytest.mark.parametrize(("topic", "said", "concept"), [
    ("oop", "Um, so a child class like, uh, inherits the methods of its parent.", True),
    ("oop", "A child class inherits, inherits the methods of its parent.", True),
    ("oop", "A child class inherits like, the methods of its parent.", True),
    ("lists-tuples", "Um, a list is, uh, changeable, and a tuple, er, stays fixed.", True),
    ("args-kwargs", "So args is, uh, a dict, and kwargs is, um, a tuple.", False),
])
def test_a_speakers_pause_splits_no_claim(catalog, topic, said, concept) -> None:
    assert score(said, catalog.get(topic)).layers["concept"].covered is concept


# The subject said again after a pause starts the claim over: a negation before it belongs to
# the clause it closed, not to the claim that follows.
@pytest.mark.parametrize(("said", "concept"), [
    ("So tuples, they can't grow once you make them, they are basically immutable.", True),
    ("So tuples, well, they are not immutable at all.", False),
])
def test_the_subject_said_again_starts_the_claim_over(catalog, said, concept) -> None:
    assert score(said, catalog.get("lists-tuples")).layers["concept"].covered is concept


# "You don't know how many" says an amount is unknown; it denies nothing.
@pytest.mark.parametrize("said", [
    "Star args is for when you don't know how many positional arguments you get.",
    "So kwargs, that's for when you're not sure how many keyword arguments come in.",
])
def test_not_knowing_how_many_is_no_denial(catalog, said) -> None:
    assert score(said, catalog.get("args-kwargs")).layers["concept"].covered


# "Don't overuse it" (and how people say it: "don't go overboard with", "go crazy with") is a
# limit, not the limit denied.
@pytest.mark.parametrize(("topic", "said"), [
    ("lambda", "Lambdas are anonymous functions. My advice, don't go overboard with lambdas."),
    ("oop", "Classes bundle data with behaviour. Just don't go crazy with inheritance."),
    ("lambda", "Lambdas are anonymous functions. Please do not overuse lambdas."),
])
def test_advice_against_too_much_is_a_trade_off(catalog, topic, said) -> None:
    assert score(said, catalog.get(topic)).layers["trade_off"].covered


@pytest.mark.parametrize("said", ["Tuples are unmutable.", "A tuple is inmutable, you know.",
                                  "Tuples are non-mutable.", "Tuples are not mutable.",
                                  "A tuple isn't mutable, a list is."])
def test_immutable_as_people_and_recognisers_say_it(catalog, said) -> None:
    assert score(said, catalog.get("lists-tuples")).layers["concept"].covered


def test_prose_hard_wrapped_in_comment_lines_is_one_sentence() -> None:
    notes = ("# Encapsulation is used to refer to\n"
             "# one of two related notions.\n"
             "# A Second sentence here.\n")
    sentences = [notes[u.start:u.end] for u in segment(notes)]
    assert sentences[0] == "# Encapsulation is used to refer to\n# one of two related notions."
    # the same after a line of code: the comment is one sentence of prose, not three
    snippet = ("f = open(path)\n"
               "# The else clause is better than more code in the try\n"
               "# because it avoids catching an exception\n"
               "# that the protected code never raised.\n")
    units = segment(snippet)
    assert [snippet[u.start:u.end].count("\n") for u in units] == [0, 2]
    assert units[1].prose and not units[0].prose
    # ... and a comment line that ends in a comma goes on in the next one
    snippet = ("t.join()\n"
               "# A program whose threads are all busy computing, say,\n"
               "# one that resizes images in parts with threads,\n"
               "# runs no faster than with one thread.\n")
    assert [snippet[u.start:u.end].count("\n") for u in segment(snippet)] == [0, 2]
    # ... and one cut after a word no sentence ends on, though a name opens the next line
    snippet = ("add = lambda x, y: x + y\n"
               "# Lambda functions cannot use the\n"
               "# Python statements, so no loops.\n")
    assert [snippet[u.start:u.end].count("\n") for u in segment(snippet)] == [0, 1]
    # ... not across a blank line
    snippet = "f()\n# the decorator logs each call\n\n# tracebacks get harder to read today\n"
    assert len(segment(snippet)) == 3


def test_a_note_that_opens_with_code_and_goes_on_in_prose_is_sentences() -> None:
    notes = ("@cache runs once, when the module loads. The wrapper then stands in for the "
             "function and every call goes through it.\n"
             ">>> f(2). Then f(3) and f(4) come from the cache\n"
             "@app.route('/users')\n"
             "log.error(\"Payment failed. Retrying the charge in five seconds\")\n")
    units = [(notes[u.start:u.end], u.prose) for u in segment(notes)]
    assert units == [("@cache runs once, when the module loads.", True),
                     ("The wrapper then stands in for the function and every call goes through"
                      " it.", True),
                     (">>> f(2). Then f(3) and f(4) come from the cache", False),
                     ("@app.route('/users')", False),
                     ('log.error("Payment failed. Retrying the charge in five seconds")', False)]


def test_a_comment_in_words_is_prose_though_it_holds_an_acronym() -> None:
    snippet = ("import threading\n"
               "# With the GIL only ONE CPU core runs our threads\n"
               "# x = counter + 1\n"
               "t = threading.Thread(target=work)\n")
    units = [(snippet[u.start:u.end], u.prose) for u in segment(snippet)]
    assert ("# With the GIL only ONE CPU core runs our threads", True) in units
    assert ("# x = counter + 1", False) in units  # code commented out stays code


GEN = "A generator is a function that uses yield to hand back values one at a time. "
DECO = "A decorator wraps a function and returns a new one. "
EXC = "An exception is raised when something goes wrong, and except catches it. "
VENV = "A virtual environment, a venv, gives each project its own packages. "


@pytest.mark.parametrize(("topic", "layer", "said", "heard"), [
    # code said in plain words
    ("generators", "code", GEN + "For each n in numbers, if it is odd, yield n.", True),
    ("generators", "code", GEN + "For each user in the database we send an email.", False),
    # a benefit denied is a cost
    ("decorators", "trade_off",
     DECO + "Stacking a dozen decorators gives no real benefit in a script.", True),
    ("decorators", "trade_off",
     DECO + "Stacking a dozen decorators gives a real benefit in a script.", False),
    # a story from the speaker's own work is a scenario; tutorial talk is not
    ("exceptions", "example",
     EXC + "I remember a billing job where a bare except hid every failed payment for a week.",
     True),
    ("exceptions", "example",
     EXC + "We install packages to our application instead of writing every utility.", False),
    ("gil", "concept", "In short the GIL wont let 2 threads run at same time.", True),
    # a misspelling in code still names the topic; a mishearing used as a name does not
    ("lambda", "code", "square = lamda x: x * x", True),
    # each line that a plain loop goes over is no value a generator yields
    ("generators", "concept", "Generators have the yield keyword, and at work I go over each "
     "line of the log with a plain for loop.", False),
    # a web address read out is no code; "pip 3 install" as a recogniser writes it is
    ("venv", "code", VENV + "The docs are at https colon slash slash docs dot python dot org "
     "slash venv, which I read once.", False),
    ("venv", "code", VENV + "Then I run pip 3 install flask inside it.", True),
    # a project's own function named after a marker is its case; a toy, the standard library
    # or the instance is not
    ("args-kwargs", "example", "Star star kwargs collects extra keyword arguments into a dict. "
     "For example, our fitting.fit_curve wrapper forwards them untouched to the solver.", True),
    ("args-kwargs", "example", "Star star kwargs collects extra keyword arguments into a dict. "
     "For example, foo_bar.my_func forwards them untouched to another function.", False),
    ("decorators", "example", DECO + "For example, functools.wraps copies the name over.", False),
    ("decorators", "example", DECO + "For example self.count goes up by one each time the "
     "decorated method runs.", False),
    # a real-world word inside a name in code ("log_event") is no real-world thing
    ("args-kwargs", "example", "Star args and star star kwargs let a function take extra "
     "arguments, for example:\ndef log_event(event_name, *args, **kwargs):\n"
     "    print(event_name, args, kwargs)\n", False),
    # "address" is a verb far more often than a street: no real-world thing
    ("decorators", "example", DECO + "Decorators neglect to address another use case: the "
     "person who calls the decorated code.", False),
    # "I have worked out that ..." is no story from work
    ("lambda", "example", "A lambda is a small anonymous function. I have worked out that a "
     "lambda holds one expression after reading the docs on the website.", False),
    # an exception class or a file is no real product
    ("exceptions", "example", EXC + "A bare except also traps exits like SystemExit, so the "
     "script cannot be stopped.", False),
    ("exceptions", "example", EXC + "Some errors like BrokenPipeError should not be caught.",
     False),
    ("decorators", "example", DECO + "Keep the decorator in a module like helpers.py and import "
     "it where needed.", False),
    ("lambda", "example", "A lambda is a small anonymous function. I have been working on a "
     "dashboard where each chart takes a lambda as its formatter.", True),
    # a positive isolation claim is no venv limit; "does not isolate" is
    ("venv", "trade_off", VENV + "Virtual environments keep projects self-contained without "
     "affecting the global install.", False),
    ("venv", "trade_off",
     VENV + "But a venv does not isolate system libraries, so Docker still matters.", True),
    # "don't commit the venv" is a habit with a cost; a repo with its own venv is no such thing
    ("venv", "trade_off",
     VENV + "Every repo has its own venv so the Django versions don't clash.", False),
    # a reminder is no cost
    ("args-kwargs", "trade_off", "Star args collects extra positional arguments into a tuple. "
     "One thing to keep in mind is that args is only a naming convention for the tuple.", False),
    # a plain cost of a topic named once counts; a comparison needs a surer topic
    ("lambda", "trade_off", "A lambda is syntactically limited to a single expression.", True),
    ("comprehensions", "trade_off",
     "Comprehensions are always better than loops, so I use them everywhere.", False),
    # "at that point" is no place in a scenario
    ("generators", "example", GEN + "We had generators everywhere, and at some point we "
     "stopped counting them.", False),
    # a tool that a project runs is a real-world setting
    ("venv", "example", VENV + "For example, you want the same formatter and linter in every "
     "project's venv.", True),
    # a story told right after the one sentence naming the topic is its example; a marker
    # two sentences on is not enough for a topic named once
    ("generators", "example", "Generators are handy. We had a log file that was forty "
     "gigabytes and we streamed through it line by line.", True),
    ("generators", "example", "Generators are handy. That is all. I like it. We had a log "
     "file that was forty gigabytes and we streamed through it line by line.", False),
    # an idea of the topic heard names the topic, said by name or not ...
    ("gil", "example", "Only one thread can run Python bytecode at a time in CPython. At my "
     "last job our report builder ran on a thread pool, and the server never used more than "
     "one core.", True),
    ("generators", "example", "The one I wrote at work tails a log file. It yields each new "
     "line, and the alerting script loops over it and posts errors to Slack.", True),
    # ... and a case told around the one sentence naming the topic is its example, marked or not
    ("lists-tuples", "example", "Say you wanted to store a binary tree. I kept each node as a "
     "tuple of the left subtree, the value and the right subtree. Dicts felt heavy for that.",
     True),
    # a negation in a clause of its own denies nothing of the claim after it
    ("oop", "trade_off", "Inheritance gives a subclass the methods of its parent. I don't nest "
     "them, since a deep class tree makes every change harder.", True),
    # real-world things beyond the web: a warehouse's shipments, a game's enemies
    ("generators", "example", "A generator yields values one at a time and keeps its state. We "
     "had one that walked every shipment in the warehouse.", True),
    ("oop", "example", "Inheritance gives a subclass its parent's methods. In our game each "
     "enemy and each villager inherits from one base.", True),
    # well-known costs in the words people use for them
    ("exceptions", "trade_off", "Exceptions propagate up until something catches them. A bare "
     "except also catches KeyboardInterrupt, so Ctrl C stops nothing.", True),
    ("oop", "trade_off", "Inheritance gives a subclass its parent's methods. We moved to "
     "composition and every piece got easier to test.", True),
    ("lambda", "trade_off", "A lambda is a small anonymous function. For anything longer I write "
     "a def, because people cannot read a long lambda.", True),
    ("venv", "trade_off", "A virtual environment is a folder with its own packages. You cannot "
     "rename a venv folder, it breaks the scripts inside.", True),
    ("venv", "trade_off", "A virtual environment is a folder with its own packages. Inside a "
     "container a venv is mostly redundant.", True),
    ("decorators", "trade_off", "A decorator wraps a function and returns a new one. What I don't "
     "like is the extra frame in every traceback.", True),
    # "not cheap" denies a good quality
    ("exceptions", "trade_off", "Exceptions propagate up until something catches them. Raising "
     "one in a hot loop is not cheap.", True),
    # a warning the speaker gives is a cost; a tool's warning is not
    ("comprehensions", "trade_off", "A comprehension builds a list in one expression. What I "
     "warn people about is building one only to call print in it.", True),
    ("comprehensions", "trade_off", "A comprehension builds a list in one expression. A linter "
     "can warn about one that only calls print.", False),
    # "open paren" said aloud names no parent class
    ("args-kwargs", "example", "Star args gathers extra positional arguments into a tuple. You "
     "write def total open paren star args close paren and sum them.", False),
    # a mishearing whose stem is a common word names nothing: "fine" is no "finally",
    # "inherently" no inheritance
    ("exceptions", "concept", "Threads are fine for I/O bound work, because the file gets "
     "closed while they wait.", False),
    ("oop", "example", "Python is inherently dynamic, so a script can change as it runs, and "
     "we had a payment service that did exactly that.", False),
    # the GIL described without its name: one lock around the interpreter
    ("gil", "concept", "CPython keeps one big lock around the interpreter, and whichever thread "
     "holds it is the only one running bytecode.", True),
    # ... and a decorator, a comprehension and *args, each described without its name
    ("decorators", "concept", "You write a function that takes another function and hands back "
     "a new version of it with logging around the call.", True),
    ("comprehensions", "concept", "It is an expression that builds a new list while looping over "
     "the input.", True),
    ("args-kwargs", "concept", "The single star packs the leftover positional values into a "
     "tuple.", True),
    ("exceptions", "concept", "When something fails, an error object is raised and climbs the "
     "call stack until a handler catches it.", True),
    ("venv", "concept", "You get a folder with a private Python and its own libraries.", True),
    # the GIL's cost in cores: more cores, no more speed
    ("gil", "trade_off", "Only one thread runs Python bytecode at a time. With eight cores and "
     "eight threads of pure Python math you do not get eight times the speed.", True),
    # costs said as people say them: found out late, a venv's limit to Python packages, the
    # race between a check and the act
    ("exceptions", "trade_off", "An exception climbs the stack until something catches it. "
     "Nothing in a signature says what it raises, so you only find out from the crash.", True),
    ("venv", "trade_off", "A virtual environment is a folder with its own packages. It only "
     "handles Python packages, so the compiled tools your pipeline needs are yours to "
     "install.", True),
    ("exceptions", "trade_off", "An exception climbs the stack until something catches it. I "
     "check that the port is open, but it can drop between the check and the read.", True),
    # "hardly" is no "hard"
    ("lambda", "trade_off", "I hardly ever write a lambda.", False),
    # what a generator does not store is its mechanism, not a cost
    ("generators", "trade_off", "A generator doesn't store all values in memory; it computes "
     "each value only when asked. Generators are lazy.", False),
    # generic words are no scenario
    ("args-kwargs", "example", "Star star kwargs collects keyword arguments into a dict. It is "
     "used with the double star because it allows us to pass through any number of keyword "
     "arguments.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. When classes "
     "have a diamond shaped hierarchy, super follows the method resolution order.", False),
    # the textbook toys are no real-world scenario; a believable design is
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. For example a "
     "Dog class inherits from Animal and a Cat overrides speak.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. For example a "
     "SavingsAccount inherits from Account and only adds interest.", True),
    # a rubric word that names the mechanism is no evidence of a cost or a scenario
    ("exceptions", "trade_off", "The try block holds risky code, and the except block catches "
     "a specific exception such as KeyError.", False),
    ("exceptions", "trade_off", "The finally block always runs. With finally you can be sure "
     "the socket gets closed, which is better for cleanup.", False),
    ("generators", "example", "A generator produces a stream of values with yield, one at a "
     "time.", False),
    ("comprehensions", "trade_off", "A list comprehension is a for loop in brackets with an "
     "optional if clause acting as a branch that filters items.", False),
    ("comprehensions", "trade_off", "Besides list comprehensions there are dict and set "
     "comprehensions, and a generator expression uses the same syntax.", False),
    ("venv", "trade_off", "A virtual environment is a directory on disk with its own Python and "
     "its own packages.", False),
    ("args-kwargs", "trade_off", "Star star kwargs is for named arguments instead of positional "
     "ones.", False),
    ("args-kwargs", "trade_off", "Star args packs the extra positional arguments into a tuple, "
     "and you can break the tuple apart again with a star.", False),
    ("gil", "example", "The GIL lets only one thread run bytecode. CPU-bound work like "
     "calculating prime numbers gets no help from threads.", False),
    ("args-kwargs", "example", "Star args collects positional arguments. With star args, "
     "whatever you pass, everything ends up in one tuple.", False),
    ("lists-tuples", "example", "A tuple is immutable and a list is not. These days I reach for "
     "a tuple whenever the values belong together.", False),
    ("lists-tuples", "example", "A tuple is immutable and a list is not. Tuples have been in "
     "every version of Python.", False),
    ("lists-tuples", "example", "A list is mutable, so a list is the right tool when your task "
     "needs to add items later.", False),
    ("oop", "trade_off", "Inheritance lets a class reuse a parent. Python supports multiple "
     "inheritance, and it uses the MRO to decide which parent's method runs.", False),
    ("oop", "trade_off", "Inheritance lets a class reuse a parent. Multiple inheritance can "
     "get confusing when two parents define the same method.", True),
    ("venv", "trade_off", "A virtual environment is just a folder with its own Python "
     "interpreter and pip, separate from the system one.", False),
    ("venv", "trade_off", "A venv only isolates Python packages, not the system libraries they "
     "link against.", True),
    # a limit in plain words
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments into a dict. In "
     "a public API I'd spell out the parameters instead.", True),
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments into a dict. With "
     "kwargs you get no help from the editor about what the function accepts.", True),
    ("lambda", "trade_off", "A lambda is a small anonymous function. Once it grows I'd write a "
     "normal function instead, so it's easier to test.", True),
    ("venv", "trade_off", "A venv gives each project its own packages. Each venv folder takes a "
     "few hundred megabytes.", True),
    # layers in plain words a candidate uses (a helper's probe found them missed)
    ("gil", "trade_off", "The GIL lets one thread run bytecode at a time. For I/O bound work, "
     "threads still help despite the GIL.", True),
    ("gil", "trade_off", "The GIL lets one thread run bytecode at a time. For heavy number "
     "crunching, threads are pointless.", True),
    ("lambda", "trade_off", "A lambda is a small anonymous function. Naming a lambda with an "
     "assignment is a bad habit.", True),
    ("exceptions", "trade_off", "Exception handling stops a crash. An except that only says "
     "pass is asking for trouble.", True),
    ("exceptions", "concept", "When nobody handles an exception, it bubbles up to the caller, "
     "then to that caller's caller.", True),
    ("generators", "trade_off", "A generator yields one value at a time. If you need the values "
     "multiple times, keep a list instead.", True),
    ("oop", "concept", "Python gets polymorphism from duck typing: the object just needs the "
     "right method.", True),
    # a comprehension explained by the loop it stands for, or by its parts
    ("comprehensions", "concept", "You could write that loop out, but a list comprehension is "
     "shorthand for it.", True),
    ("comprehensions", "concept", "Inside a list comprehension you write an expression first, "
     "then a for clause over the collection.", True),
    ("comprehensions", "concept", "In that pull request we rewrote two list comprehensions as "
     "plain loops.", False),
    # laziness said as what a generator does not do, or holds
    ("generators", "concept", "A generator doesn't compute all the values up front; it waits "
     "until you ask for the next one.", True),
    ("generators", "concept", "Only one line sits in memory at a time with the generator.", True),
    ("generators", "concept", "Yield from lets one generator delegate to another generator.", True),
    ("generators", "concept", "The generator team waits for the next bus every morning.", False),
    ("generators", "concept", "I waited for the next release before trying generators.", False),
    ("generators", "concept", "With asyncio, an async function can pause at each await and "
     "resume when the data arrives.", False),
    ("generators", "concept", "You get functions whose frame is kept, so they can pause and "
     "resume.", True),
    # a decorator's work said with other verbs, and a venv's isolation
    ("decorators", "concept", "The decorator intercepts every call to the function.", True),
    ("decorators", "concept", "Numba's jit decorator transforms your function into machine "
     "code.", True),
    ("decorators", "concept", "We replaced the decorator with a plain function call because "
     "nobody understood it.", False),
    ("venv", "concept", "Isolation means the environment only sees the packages installed in "
     "it.", True),
    # polymorphism by its textbook definition, or by what it lets one function do
    ("oop", "concept", "Polymorphism: one function like len can handle many different kinds of "
     "objects.", True),
    ("oop", "concept", "Polymorphism literally means many forms.", True),
    ("oop", "concept", "I've worked with polymorphism in different kinds of projects.", False),
    ("oop", "concept", "Polymorphism shows up in many forms of interview questions.", False),
    # encapsulation said through its parts: attribute access and getters/setters
    ("oop", "concept", "Every attribute in Python is public, so code outside the class can "
     "reach it.", True),
    ("oop", "concept", "A getter hands back an attribute's value, and a setter validates a new "
     "value first.", True),
    ("oop", "concept", "I keep my environment variables private and access them through the "
     "vault.", False),
    ("oop", "concept", "He's a real go-getter who adds a lot of value to the team.", False),
    ("oop", "concept", "um the public variable names in our style guide follow the pep8 convention",
     False),
    ("args-kwargs", "concept", "Star star kwargs holds the key value pairs the caller passed "
     "by name.", True),
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments. A misspelled "
     "keyword slips into kwargs without a word.", True),
    ("decorators", "trade_off", DECO + "Each decorator adds a layer of indirection to step "
     "through.", True),
    ("generators", "concept", "The generator remembers where it left off, so its local "
     "variables survive between calls.", True),
    ("lambda", "concept", "A lambda basically makes a function on the fly.", True),
    ("exceptions", "example", "Exception handling keeps a program alive. When an upload file is "
     "malformed we catch the error, log it and go on.", True),
    ("venv", "code", "A venv isolates packages. On Windows you run dot venv backslash Scripts "
     "backslash activate.", True),
    ("venv", "code", 'A venv isolates packages. On Windows you say "venv\\scripts\\activate".', True),
    ("args-kwargs", "code", "Kwargs gathers keyword arguments into a dict. The other way round, "
     "we can say star star md to spread a dict out again.", True),
    ("args-kwargs", "code", "Kwargs gathers keyword arguments into a dict. To take them you "
     "write star star kwargs.", False),
    # a syntax template and an idiom read out, as a recogniser writes them
    ("lambda", "code", "A lambda has one expression. The syntax is lambda parameters, "
     "expression.", True),
    ("generators", "code", "A generator yields lazily. The script ends with if name equals "
     "equals main, then it runs the pipeline.", True),
    ("generators", "code", "A generator expression is lazy: item for item and item, in "
     "round brackets.", True),
    # a built-in called aloud is code; "call" that gives a name is not
    ("generators", "code", "A generator yields lazily. You just call next of gen to get the "
     "next value.", True),
    # "return" as the verb of a sentence is no return statement said
    ("generators", "code", "Generators help methods that return list of results, so a long "
     "search does not take a long time to return.", False),
    ("comprehensions", "code", "A list comprehension builds a list. Calling sorted of names "
     "on the result gives a new list.", True),
    ("lists-tuples", "code", "A tuple is immutable. Some teams call list of values a record.",
     False),
    ("decorators", "example", "A decorator wraps a function. We used them in airflow to mark "
     "each step of a nightly job.", True),
    # an example the speaker announces is one, unless a toy follows
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. The best "
     "example I know is the family of error classes in an HTTP library.", True),
    ("comprehensions", "example", "A list comprehension builds a list in one line. The use "
     "case I had in mind is cleaning up the names in a mailing list export.", True),
    ("comprehensions", "example", "A list comprehension builds a list in one line. A classic "
     "example is squaring the numbers from one to ten.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. A good example "
     "is a Dog class that inherits from Animal.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. Here is a "
     "good example.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. Honestly I "
     "cannot come up with a good example at the moment.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. It has plenty "
     "of use cases in big codebases.", False),
    ("oop", "example", "Inheritance lets a subclass reuse its parent's methods. Let me show you "
     "a good example of how it behaves.", False),
    ("generators", "example", "A generator yields values lazily. A good example is a generator "
     "that yields 4, 5 and 6.", False),
    # a definition after a fronted phrase; a bare "the strategy should yield" is none
    ("comprehensions", "concept", "I use comprehensions daily. To put it in plain words, "
     "comprehensions are basically a compact notation borrowed from set-builder math.", True),
    # the sentence after one that names a pillar goes on about that pillar
    ("oop", "concept", "Polymorphism and encapsulation are the other pillars. Encapsulation "
     "refers to two things. A mechanism for restricting direct access to an object's "
     "components.", True),
    # a cost adjective describing what the sentence is about is no cost; said of it, it is
    ("decorators", "trade_off", DECO + "An adapter decorator can supply most arguments when a "
     "call needs some complex object.", False),
    ("decorators", "trade_off", DECO + "Stacking them is a dangerous habit.", True),
    ("decorators", "trade_off", DECO + "Stacking five of them ends up with a very fragile "
     "design.", True),
    ("venv", "trade_off", VENV + "With one per project there is a complex setup to keep.", True),
    ("decorators", "trade_off", DECO + "A tracing one makes it easier to debug complex programs.",
     False),
    ("oop", "trade_off", "Encapsulation keeps an object's data behind its methods. It hides "
     "complicated internals behind a small interface.", False),
    ("decorators", "trade_off", DECO + "Stacked ones get complicated quickly.", True),
    # "dict" as a recogniser hears it
    ("args-kwargs", "concept", "Inside the function, kwargs turns out to be a dick.", True),
    # a marker is no case of its own: "in production" needs the thing that ran there
    ("gil", "example", "The GIL lets only one thread run Python bytecode at a time. That is "
     "what you will see in production.", False),
    ("gil", "example", "The GIL lets only one thread run Python bytecode at a time. In "
     "production, our image resizer used threads and got no faster.", True),
    # what it is for is no cost of it
    ("oop", "trade_off", "Encapsulation keeps an object's data behind its methods. "
     "Encapsulation is used to restrict access to the internals.", False),
    ("oop", "trade_off", "Encapsulation keeps an object's data behind its methods. "
     "Encapsulation can restrict you more than it helps in a small script.", True),
    # a quality denied in a condition is a case for it, not a cost of it
    ("args-kwargs", "trade_off", "Star args collects extra positional arguments into a tuple. "
     "It is handy if you can't predict the number of values a caller sends.", False),
    ("args-kwargs", "trade_off", "Star args collects extra positional arguments into a tuple. "
     "Star args is not very readable when every function takes it.", True),
    # the speaker's own surprise is no cost; a surprising behaviour is one
    ("decorators", "trade_off", DECO + "To my surprise, stacking them was simple to learn.",
     False),
    ("decorators", "trade_off", DECO + "The order in which stacked ones run is surprising.",
     True),
    ("generators", "trade_off", GEN + "It behaves surprisingly when you loop over it twice.",
     True),
    ("generators", "trade_off", GEN + "It cuts memory use at the cost of speed.", True),
    ("decorators", "trade_off", DECO + "It removes boilerplate but is slower.", True),
    # a trouble it resolves is what it is for
    ("venv", "trade_off", VENV + "It goes a long way to resolving dependency headaches.", False),
    ("venv", "trade_off", VENV + "The more complex layout I ended up with keeps one per "
     "checkout.", False),
    ("decorators", "trade_off", DECO + "A stack of five of them is a really fragile design.",
     True),
    # costs as people say them aloud; a problem the topic solves is none
    ("venv", "trade_off", VENV + "Beginners forget to activate it, which is super frustrating.",
     True),
    ("venv", "trade_off", VENV + "Without a venv we would hit a problem when two projects pin "
     "different Django versions.", False),
    ("lambda", "trade_off", "A lambda is a small function without a name. Lambdas are great "
     "for a sort key. They are not so beautiful for writing your whole program.", True),
    ("decorators", "trade_off", DECO + "Decorators are handy, just don't overuse them.", True),
    ("exceptions", "trade_off", EXC + "The finally block takes care of closing the file.", False),
    # a real library named as an instance is a concrete setting; a language is not
    ("exceptions", "example", EXC + "Retry libraries like Tenacity catch the error and call the "
     "function again after a pause.", True),
    ("exceptions", "example", EXC + "Languages like Java make you declare what a method "
     "throws.", False),
    # ... nor is one of Python's own modules
    ("decorators", "example", DECO + "Decorators keep the name of what they wrap only with "
     "helpers like functools, and tools like pydoc show the wrapper otherwise.", False),
    # "large datasets" is the generic phrase the labelling rules name: no case
    ("generators", "example", "A generator yields values one at a time. Generators are useful "
     "for handling large datasets.", False),
    # ... nor one of its builtins
    ("lambda", "example", "Lambdas are anonymous one-expression functions. They are used with "
     "tools like map, filter, and sorted.", False),
    # a term of the topic itself is no instance of it: "tools like virtualenv" about venvs
    ("venv", "example", VENV + "Tools like virtualenv and conda keep each project's packages "
     "apart.", False),
    # the costs people name most for these topics, in their own words
    ("decorators", "trade_off", DECO + "Mine dropped the original's docstring: the decorated "
     "function's name was replaced too.", True),
    ("decorators", "trade_off", DECO + "In the stack trace every decorated function is listed "
     "as wrapper.", True),
    ("lambda", "trade_off", "A lambda is a small anonymous function. Lambdas in a loop suffer "
     "from late binding.", True),
    # a hedge between commas keeps the subject with its claim
    ("decorators", "concept", "What I find neat about decorators, I guess, is that they modify "
     "the behaviour of a function.", True),
    # "how it behaves" is its behaviour
    ("decorators", "concept", "Decorators change how a function behaves without editing it.",
     True),
    # the real trouble told right before the topic is named as its fix is the case it is for
    ("venv", "example", "Last spring I bumped pandas for a reporting job and our billing "
     "service broke overnight. A venv fixes exactly this: each project gets its own "
     "packages.", True),
    ("venv", "example", "Installing everything globally leads to clashes between projects. "
     "A venv fixes this: each project gets its own packages.", False),
    # the topic in a clause about another noun, or one instance named, is not what is defined
    ("lambda", "concept", "I use lambdas in sorts. Binding one to a name throws away the sole "
     "advantage a lambda expression can offer over a def statement.", False),
    ("venv", "concept", "I keep a venv for every project. Create a fresh virtual environment "
     "called scratch_env and switch to it.", False),
    # a load spared, a word in a string of the code, a trouble the topic is then said to fix
    ("generators", "trade_off", GEN + "They let you walk a log without loading the whole file "
     "into memory.", False),
    ("comprehensions", "trade_off", "A list comprehension builds a list from a loop. "
     'lengths = [len(w) for w in "six impossible things before breakfast".split()]', False),
    ("venv", "trade_off", "One project needs an old release of requests, but the problem is we "
     "cannot install two versions side by side. To solve this problem we use a virtual "
     "environment per project.", False),
    # "unexpected" describing what exceptions are is no cost; behaviour that surprises is
    ("exceptions", "trade_off", EXC + "An exception is an unexpected event while the program "
     "runs.", False),
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments into a dict. Pass "
     "one the function does not know and it can lead to unexpected behaviour much later.", True),
    ("venv", "trade_off", VENV + "The thing that still catches people is that you cannot "
     "move one to another folder.", True),
    ("venv", "trade_off", VENV + "When a typosquatted package ran its install hook, the venv did "
     "nothing to stop it.", True),
    # a link to a site is no real-world case
    ("oop", "example", "Inheritance lets a subclass reuse code. Read about super() "
     "[here, for example](https://realpython.com/python-super/).", False),
    # a denial in the reason ("because ... without loading") denies nothing of the claim
    ("generators", "example", "Generators are useful for reading big exports because they let "
     "you process one line at a time without loading the entire file.", True),
    # when a story happened, and what the speaker was doing then
    ("venv", "example", VENV + "Years ago on a shared build server someone upgraded the system "
     "packages and the deploys broke.", True),
    ("venv", "example", VENV + "I learned this the hard way. I was deploying a client's booking "
     "site and the cron job could not import anything.", True),
    ("venv", "example", VENV + "Early in my career we deployed a Flask service straight into "
     "the system Python.", True),
    # what the speaker did, in a past tense of any verb, is a story; what they thought is not
    ("generators", "example", GEN + "We refactored the billing export into a generator, and the "
     "worker stopped running out of memory.", True),
    ("generators", "example", GEN + "We were wondering whether a generator would suit the log "
     "file.", False),
    ("generators", "example", GEN + "I wanted to show one here that reads a log file.", False),
    # what the speaker remembers from reading is no story of theirs
    ("decorators", "example", DECO + "One thing I remember from reading about it is that a "
     "logging decorator hides the real name in every traceback.", False),
    # an inheritance tree is a class hierarchy, a directory tree a real thing
    ("oop", "example", "Inheritance lets a subclass reuse code. In practice I prefer composition, "
     "deep inheritance trees get brittle.", False),
    ("oop", "example", "Inheritance lets a subclass reuse code. For example, walking a directory "
     "tree with a Node class and subclasses for File and Folder.", True),
    # the job or project a story happened in, however it is named
    ("venv", "example", VENV + "At a previous job the build server broke after someone "
     "upgraded the system Python.", True),
    # "or" between two verbs keeps one claim
    ("decorators", "concept", "In short, decorators wrap or augment a call.", True),
    ("venv", "trade_off", VENV + "One thing: they are non-portable, so copy the requirements, "
     "never the folder.", True),
    # a harm said as a verb, a cost the speaker never met, robustness compared
    ("gil", "trade_off", "The GIL lets one thread run bytecode at a time. It mostly hurts "
     "number crunching spread over threads.", True),
    ("decorators", "trade_off", DECO + "Honestly I don't really see a downside there.", False),
    ("generators", "trade_off", GEN + "We never ran into any problems with ours.", False),
    ("lambda", "trade_off", "A lambda is a small anonymous function. Bound to a name it is less "
     "robust than a def, because errors only show the word lambda.", True),
    ("oop", "trade_off", "Inheritance lets a subclass reuse its parent's code. Deep hierarchies "
     "get out of hand fast.", True),
    ("decorators", "trade_off", DECO + "Our public endpoints get one for rate limiting, a hundred "
     "calls a minute.", False),
    # "slow" said of the thing a decorator works on is no cost of the decorator
    ("decorators", "trade_off", "Our billing code has decorators such as functools.lru_cache, "
     "which we use to keep the results of really slow database lookups.", False),
    # "only one expression" is the limit a lambda has, however textbook the wording
    ("lambda", "trade_off", "A lambda is an anonymous function. It accepts any number of "
     "arguments but can only have one expression.", True),
    ("lambda", "trade_off", "A lambda is an anonymous function. It can only hold a single "
     "expression, so anything longer needs a def.", True),
    # a trade said as one: "it trades away ..." (not "you trade stocks")
    ("gil", "trade_off", "The GIL is one lock around the interpreter. It trades away thread "
     "parallelism for a simpler runtime.", True),
    ("lists-tuples", "trade_off", "A tuple is a fixed sequence. In the app you trade stocks, and "
     "each order is kept as a tuple.", False),
    # a quality harmed: how easy the code is to debug
    ("decorators", "trade_off", DECO + "Piling five of them onto one view quickly hurts "
     "debuggability.", True),
    # a comparison only judges: "a bit less robust than ..."
    ("venv", "concept", "I keep one per project. A virtualenv is a bit of a tricky compromise "
     "between OS packages and pip.", False),
    ("lambda", "concept", "I reach for lambdas in sorts. Naming a lambda like that is a bit "
     "less robust than writing a small def.", False),
    # what goes wrong in a world without the topic is why to use it, no cost of it
    ("venv", "trade_off", "Virtual environments give each project its own packages. Without a "
     "virtual environment, every install goes into one shared site-packages. That seems fine "
     "at first, but it soon becomes a problem.", False),
    ("generators", "trade_off", GEN + "Without generators you would build the whole list up "
     "front. But you can only walk through it once.", True),
    ("venv", "trade_off", "Without a virtual environment, installs land in the system Python. "
     "Virtual environments, though, cost disk space for every project.", True),
    # a term after a preposition, or followed by "I/we ...", is not what the sentence defines
    ("lambda", "concept", "I use lambdas with pandas. Mapping with a lambda is basically a "
     "Python loop over every row.", False),
    ("decorators", "concept", "I use decorators daily. The decorator I like most is the one "
     "that caches our lookups.", False),
    ("lists-tuples", "concept", "I use tuples a lot. A list of tuples is a handy table of "
     "records.", False),
    # the sentence after one naming the topic stands for it, unless it defines another thing
    # that sentence named
    ("decorators", "concept", "Before decorators you need closures, so first closures. A "
     "closure is an inner function that keeps the variables of the function that returns "
     "it.", False),
    # a name reached with a dot said aloud is code, no word of a claim
    ("lists-tuples", "concept", "Tuples hold our colours. The readings go in a list, readings "
     "dot append of the value, each time.", False),
    # a test on the data, a coding challenge and a venv's scope are no costs
    ("generators", "trade_off", GEN + "The last stage checks whether the reading is too high "
     "and raises an alert.", False),
    ("generators", "trade_off", GEN + "The next stage filters out the laps that are too short "
     "and yields the rest.", False),
    # restricting access is what a decorator does; "the limit" is one it has
    ("venv", "trade_off", "A virtual environment gives each project its own packages. Let's "
     "start from the problem they solve.", False),
    ("args-kwargs", "trade_off", "Args gathers the extra positional values into a tuple, so "
     "you write def log, aster-risk args, and call it with anything.", False),
    ("oop", "trade_off", "Encapsulation bundles data with its methods and restricts direct "
     "access to an object's attributes.", False),
    ("decorators", "trade_off", "A decorator wraps a function. The login_required decorator "
     "restricts access to the view it decorates.", False),
    ("lambda", "trade_off", "A lambda is a small anonymous function. The limit: you only get one "
     "expression.", True),
    # advice against it, with its reason, is a when-not-to; no need of it is none
    ("decorators", "trade_off", "A decorator wraps a function in another one. Don't stack more "
     "than two on one function, otherwise a reader has to work out which one runs first.", True),
    ("decorators", "trade_off", "A decorator wraps a function in another one. You don't really "
     "need to write them yourself, because frameworks ship the common ones.", False),
    # when to use it, and so when not to; how it works is no such restriction
    ("args-kwargs", "trade_off", "**kwargs gathers the keyword arguments into a dict. I keep "
     "named parameters, and use kwargs only when I forward calls to another function.", True),
    ("lambda", "trade_off", "A lambda is an anonymous function of one expression. I'd only use "
     "a lambda if it reads at a glance.", True),
    ("generators", "trade_off", GEN + "The generator only uses memory when you ask it for the "
     "next value.", False),
    ("lambda", "trade_off", "A lambda is an anonymous function of one expression. You can use "
     "them not only when sorting but also when filtering.", False),
    # a loop's header opens its line, a decorator line is no sentence, and a starred name in
    # brackets is only named
    ("decorators", "code", "A decorator wraps a function and returns a new one.\n\nCommon uses "
     "for decorators in Python include:\n\n- logging each call\n\n@log_calls syntax is how "
     "you apply one to a function.", False),
    ("args-kwargs", "code", "Kwargs gathers the keyword arguments. A parameter with two stars "
     "(**kwargs) takes them as a dict.", False),
    ("args-kwargs", "code", "Kwargs gathers the keyword arguments:\n\ndef report(**kwargs):\n"
     "    print(kwargs)", True),
    # what it suits and, at once, what it does not
    ("generators", "trade_off", GEN + "They're handy for streaming a log, not for data you "
     "need to sort.", True),
    ("generators", "trade_off", GEN + "They're handy for big files, not to mention endless "
     "streams.", False),
    # what the language does not allow is how it works, no cost of it
    ("lists-tuples", "trade_off", "A tuple is fixed once built; assigning to one of its items "
     "is impossible, Python raises a TypeError.", False),
    ("comprehensions", "trade_off", "A comprehension builds a new list from a loop in one line. "
     "We wrote dozens of them in the course challenges.", False),
    ("venv", "trade_off", VENV + "It's a folder with its own Python only for that project, so "
     "packages don't mix.", False),
    ("venv", "trade_off", VENV + "It only isolates Python packages, the system C libraries "
     "stay shared.", True),
    # what it is used to do defines it; how much it is used does not
    ("lambda", "concept", "Lambdas are used to pass a small function inline, right where it is "
     "needed.", True),
    ("lambda", "concept", "Lambdas are used quite a lot in data science notebooks.", False),
    # both of a topic's terms as the subject of one definition
    ("args-kwargs", "concept", "Args and kwargs are the usual names for catch-all parameters "
     "in a signature.", True),
    # an aside between commas keeps the subject with its verb
    ("lists-tuples", "concept", "A tuple, usually written with round brackets, can't be "
     "changed once it's made.", True),
    # a tool's command said as a verb of the sentence is no command
    ("venv", "code", VENV + "Tools like Poetry or pipenv create and manage one for you.", False),
    ("venv", "code", VENV + "Then you run pipenv install requests in the project.", True),
    # a thing the speaker had at work tells a case; what they had to do, or had in mind, none
    ("comprehensions", "example", "A comprehension builds a list from a loop in one line. We "
     "had a loop over grid cells that I turned into one.", True),
    ("comprehensions", "example", "A comprehension builds a list from a loop in one line. At "
     "work, we had a loop over grid cells that I turned into one.", True),
    ("comprehensions", "example", "A comprehension builds a list from a loop in one line. In "
     "class, we had an exercise that turned a loop into one.", False),
    ("comprehensions", "example", "A comprehension builds a list from a loop in one line. If I "
     "had a loop like that, I would turn it into one.", False),
    ("comprehensions", "example", "A comprehension builds a list from a loop in one line. I "
     "had some trouble reading the nested ones.", False),
    # "your use case" and the copula of "you're" announce no case
    ("lists-tuples", "example", "A tuple is immutable. It depends on your use case and what "
     "you're trying to build in the end.", False),
    ("venv", "example", VENV + "It also helps reproducibility for your teammates and the CI "
     "server.", False),
    # costs as people say them aloud: "the flip side", "one thing to watch", "it doesn't
    # cover", "where it bit us"; "the thing I really care about" is no warning to be careful
    ("generators", "trade_off", GEN + "The flip side: once it has run out you cannot start "
     "over.", True),
    ("decorators", "trade_off", DECO + "One thing to watch, the stack of wrappers grows with "
     "every layer.", True),
    ("venv", "trade_off", VENV + "What it doesn't cover is the C libraries your packages link "
     "against.", True),
    ("decorators", "trade_off", DECO + "Where it bit us was a cache stacked above an auth "
     "check.", True),
    ("exceptions", "trade_off", EXC + "What I really care about is that the log shows the "
     "traceback.", False),
    # a separate space is what a venv is, not the disk space it costs
    ("venv", "trade_off", VENV + "Think of it as a separate space for each project.", False),
    ("venv", "trade_off", VENV + "Each one takes up disk space, a few hundred megabytes.", True),
    # timing a call is a use
    ("decorators", "example", DECO + "We wrote one to time our slowest API handlers.", True),
    # ... nor is one said important, or slow, or praised in a clause of its own
    ("gil", "concept", "I've read about the GIL. So the GIL is, uh, it's a hugely important "
     "topic for anyone doing performance work.", False),
    ("lambda", "concept", "I've used lambdas. Mapping with a lambda is actually pretty slow on "
     "big inputs.", False),
    ("decorators", "concept", "I reach for decorators often. Decorators are a handy feature, "
     "um, they're everywhere and they wrap most views in web frameworks.", False),
    ("comprehensions", "concept", "I like comprehensions. A list comprehension is a neat, short "
     "way to build a list from another one.", True),
    # the difference said as a contrast; swapped, it is a wrong claim
    ("lists-tuples", "concept", "Tuples come up a lot. You can modify a list after you make "
     "it, but not a tuple.", True),
    ("lists-tuples", "concept", "Tuples come up a lot. You can modify a tuple after you make "
     "it, but not a list.", False),
    # costs said in the words people use in reviews and talks
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments into a dict. With "
     "bare kwargs my editor's code completion can't list the parameters.", True),
    ("exceptions", "trade_off", EXC + "Order the handlers from the most specific error to the "
     "most general one, or the broad one placed first catches everything.", True),
    ("generators", "trade_off", GEN + "I turned it into a list so it could be iterated several "
     "times.", True),
    # "but they ..." in a sentence that named the topic stands for it
    ("decorators", "concept", "I could say a lot about decorators, but basically they take a "
     "function as their input.", True),
    # how the speaker came to know the topic is no use of it
    ("generators", "example", "Quick story, I first saw generators in a conference video. A "
     "generator hands out one value at a time.", False),
    # "on the flip side" only turns to the other side; "the flip side is" names a cost
    ("lists-tuples", "trade_off", "A tuple stays fixed once built. On the flip side, a list you "
     "can grow and shrink as you like.", False),
    # the answer's own limit is no limit of the topic
    ("exceptions", "trade_off", "This answer doesn't cover exception groups. The try block "
     "holds the risky code and except catches what it raises.", False),
    # "no problem" is all well, not a problem denied
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments. Code completion "
     "is no problem with kwargs once you annotate them.", False),
    # a story announced before the topic is named
    ("venv", "example", "So, quick story. Back at the bootcamp everything went in globally, "
     "then a friend's Flask app wanted an older Flask. That's when I learned about virtual "
     "environments. A venv is a folder with its own packages.", True),
    # what the speaker did or ran into is a story; a run of a toy snippet is not
    ("generators", "example", GEN + "I switched our importer to one and memory dropped for "
     "sixty thousand records.", True),
    ("gil", "example", "The GIL lets one thread run at a time. I encountered it running a test "
     "suite on PyPy, where the processes ate gigabytes.", True),
    ("generators", "example", GEN + "We ran the snippet above and it printed 1, 2 and 3.",
     False),
    # "too much" said of the talk itself is no excess of the topic
    ("oop", "trade_off", "Inheritance lets a child class reuse its parent. I could talk too "
     "much about the base class.", False),
    ("oop", "trade_off", "Inheritance lets a child class reuse its parent. Too much "
     "inheritance gets hard to follow.", True),
    # "that is to say" opens no case; "say you ..." does
    ("lists-tuples", "example", "A tuple is immutable. Nobody can change it, which is to say "
     "you never worry about a caller editing your coordinates or the prices in it.", False),
    # a kind praised or faulted is no definition; one that says what it does is
    ("decorators", "concept", "I reach for decorators often. Decorators are a really handy but "
     "overused language feature.", False),
    ("decorators", "concept", "I reach for decorators often. Decorators are a handy feature "
     "that lets you wrap a function in extra behaviour.", True),
    # a tool in the speaker's small talk is no scenario
    ("venv", "example", VENV + "Honestly, I love Django.", False),
    # the operator itself, said as a star, and "varied length" for "any number"
    ("args-kwargs", "concept", "People think the magic is in the name args. It is the star: "
     "the star passes a varied length of arguments.", True),
    # a definition by a plural category with no article, or "nothing but"
    ("generators", "concept", "I use generators a lot. Generators are functions that hand out "
     "one value per call.", True),
    ("exceptions", "concept", "Custom exceptions come up a lot. A custom exception is nothing "
     "but a class you derive from Exception.", True),
    # a name in backticks is an identifier in the code, not a product, unless a kind of tool
    # or a known one names it
    ("exceptions", "example", EXC + "Libraries like `tenacity` call the function again when "
     "it raises.", True),
    ("exceptions", "example", EXC + "A bare except also swallows exits like `SystemExit` that "
     "should end the program.", False),
    ("exceptions", "example", EXC + "There are retry libraries like tenacity that catch the "
     "error and call again.", True),  # a recogniser writes the name in lower case
    # a word inside a path is no real-world noun
    ("venv", "example", VENV + "The venv copies the interpreter into the project, e.g. "
     "/home/user/project/bin, with its own site-packages.", False),
    # "when you stack decorators, the route() decorator is ...": the later one is the subject
    ("decorators", "concept", "When adding more decorators, always remember that the login() "
     "decorator is the innermost one in the stack.", False),
    ("decorators", "concept", "Stacking decorators, the route decorator is the outermost one "
     "in the stack.", False),
    # a cost noun after an article is a cost ("a limitation of ..."), an adjective describes
    ("lambda", "trade_off", "A lambda is a small function without a name. A limitation of "
     "lambdas is that they hold one expression.", True),
    # "better" alone is a comparison only with a second way in view
    ("decorators", "trade_off", DECO + "Put a jit decorator on the hot loop, it will work better "
     "once compiled.", False),
    ("oop", "trade_off", "Inheritance lets a subclass reuse its parent. Copying the same fields "
     "into every class, a better way is a shared base class that the others inherit from.", True),
    ("args-kwargs", "trade_off", "Star star kwargs collects keyword arguments into a dict. With "
     "kwargs everywhere you better pass the right keys.", True),
    # a spoken form of the code names the topic fully, however it is misheard
    ("args-kwargs", "trade_off", "Star star quarks takes anything, and the caller's star star "
     "quarks too. Oh yeah. Then you have got a problem.", True),
    # what something is for is no cost; "performs" is no judgement of performance
    ("venv", "trade_off", VENV + "People use a venv to avoid conflicting versions between "
     "projects.", False),
    # "models a relationship" defines nothing unless it says which: "is a" or "has a"
    ("oop", "concept", "Composition and inheritance both come up. Inheritance models a "
     "relationship.", False),
    ("oop", "concept", "Composition and inheritance both come up. Inheritance models an is-a "
     "relationship between classes.", True),
    ("oop", "trade_off", "Inheritance lets a subclass override a parent's method. The method "
     "keeps its name, but it performs a different action.", False),
    # "once the consuming code asks" is when, not a single pass
    ("generators", "trade_off", GEN + "Once the consuming loop needs another value, the "
     "generator resumes.", False),
    ("generators", "trade_off", GEN + "Once it is consumed, the generator is exhausted.", True),
    # a spoken answer's sentences are short: a scenario three sentences on is still about it
    ("generators", "example", "A generator hands out values one at a time. Generators keep "
     "very little in memory. That matters. Really a lot. For example, we email every customer "
     "in the billing database.", True),
    # a story from the speaker's own work, as people tell it
    ("args-kwargs", "example", "Star args collects extra positional arguments and star star "
     "kwargs the keyword ones. I got a message that their library took star star kwargs and "
     "silently dropped a field.", True),
    ("decorators", "example", "A decorator wraps a function. In my company every Celery task "
     "has a retry decorator.", True),
    # "at some point" is no (x, y) point
    ("lists-tuples", "example", "Tuples are immutable. At some point you will want a tuple.", False),
    ("lists-tuples", "example", "Tuples are immutable. I would store a 2D point as a tuple.", True),
    # "either" is no misheard "neither": a negation is heard exactly or not at all
    ("generators", "trade_off", "A generator yields a value and pauses. Calling next on the "
     "generator, either explicitly or in a for loop, runs it again.", False),
    # defining a neighbour of the topic is not defining what the question asks about
    ("venv", "concept", "The requirements.txt file is a plain list of packages, one per line, "
     "that pip installs.", False),
    ("venv", "concept", "A virtual environment is a plain folder of packages, one per project, "
     "that pip installs into.", True),
    # a kind of thing with a clause that says which is a definition; what someone thinks of it
    # is not
    ("exceptions", "concept", "Exceptions are signals which tell the caller that a step went "
     "wrong.", True),
    ("exceptions", "concept", "Exceptions are signals that we ignore too often at work.", False),
    ("lambda", "concept", "Lambdas are something that I avoid in code reviews.", False),
    # a marker word in another sense opens no case ("considered", "supposed", "use for each"),
    # and productivity is no product
    ("oop", "example", "Encapsulation hides state behind methods. This is widely considered "
     "good practice because the users of a class only see its interface.", False),
    ("oop", "example", "Encapsulation hides state behind methods. Consider a bank account "
     "whose balance only changes through deposit().", True),
    ("decorators", "example", DECO + "The wrapper is supposed to hand the user the same "
     "result.", False),
    ("venv", "example", VENV + "You can configure what version of Python you want to use for each "
     "environment.", False),
    ("gil", "example", "The GIL lets one thread run bytecode at a time. The ideal scenario "
     "keeps Python's productivity and runs code in parallel.", False),
    ("gil", "concept", "The GIL is annoying, which is why people keep trying to remove it.",
     False),
    ("exceptions", "concept", "Exceptions are signals that something went wrong at runtime.",
     True),
    ("lists-tuples", "example", "I use tuples a lot. Alright, imagine a shop where each product "
     "is stored as a tuple.", True),
    # a recogniser's comma after the subject starts no clause of its own
    ("decorators", "concept", "Decorators, wrap a function so you can add logging to it.", True),
    # "in Python" heard as "and Python" leaves the term the subject (not "X and Y are ...")
    ("decorators", "concept", "Decorators and Python are a neat shortcut for reusing behaviour "
     "across many views.", True),
    ("decorators", "concept", "Decorators and closures are a neat shortcut for reusing "
     "behaviour across many views.", False),
    ("venv", "concept", "Venvs and Python versions are a mess that confuses every beginner.",
     False),
    # a second reviewer's edges: a negated or limited "protect ... from" keeps no cost off; the
    # GIL named in the sentence before carries "one thread at a time"; a lock of one's own is
    # no GIL; naming EAFP, or a class beside a template, explains nothing; "X and Python is"
    # is no "X in Python is"
    ("gil", "trade_off", "The GIL was never meant to protect your lists from corruption; it only "
     "guards the interpreter.", True),
    ("gil", "concept", "So, the GIL. Only one thread at a time, even with sixteen cores.", True),
    ("gil", "trade_off", "The GIL is a mutex inside CPython. A lock of your own is another "
     "matter. Locks are easy to misuse.", False),
    ("exceptions", "concept", "EAFP and LBYL, I mix those two up. I catch errors where I can.",
     False),
    ("oop", "concept", "In Django, a class based view renders a template with the object you "
     "hand it.", False),
    # what a class is answers another question than OOP's pillars ("a class is a blueprint")
    ("oop", "concept", "A class is like a cookie cutter and each object it stamps out keeps its "
     "own data.", False),
    ("venv", "concept", "Venvs and Python is a combo every beginner fights with.", False),
    # a denial or a "too" in another clause says nothing of what follows it
    ("lists-tuples", "trade_off", "Tuples cannot change, they safely hold fixed records.", False),
    ("args-kwargs", "trade_off", "Kwargs packs keyword arguments into a dict. Args packs "
     "positional ones too, except into a tuple.", False),
    ("lambda", "trade_off", "A lambda is not very readable once it grows.", True),
    ("lambda", "trade_off", "A lambda is a tiny function. Honestly, not very readable once "
     "you nest two.", True),  # a comma before the negation, not between
    ("lambda", "trade_off", "A lambda is a tiny function. Cram logic in and it gets too, uh, "
     "clever to debug.", True),  # a filler between "too" and its word
    ("gil", "trade_off", "The GIL stops threads from corrupting reference counts, so module "
     "authors don't need a lock on every object.", False),  # the "don't" of another clause
    ("oop", "concept", "A child class inherits the methods of its parent, and it can override "
     "any of them.", True),
    # "e.g." opens what follows it; "for example" may look back at the case before it
    ("args-kwargs", "example", "Kwargs collects keyword arguments into a dict. A user of the "
     "function may misspell a keyword, e.g. colr=3, and nothing complains.", False),
    ("args-kwargs", "example", "Kwargs collects keyword arguments into a dict. A customer "
     "record, for example, can be passed on with two stars.", True),
    # a short "# ..." line beside code is the code's comment, read as a sentence, not a title
    ("generators", "example", "# our generator\ndef read_lines(name):\n    with open(name) as f:\n"
     "        for line in f:\n            yield line.rstrip()\n# Imagine scanning a huge file\n"
     "for line in read_lines(\"big_dump.txt\"):\n    print(line)\n", True),
    # ... but a title after a fenced snippet stays a title
    ("lambda", "trade_off", "A lambda is a small anonymous function, and a lambda returns its "
     "expression.\n```python\nusers.sort(key=lambda u: u.age)\n```\n# Downsides\n"
     "Honestly I have not run into any.\n", False),
    # the topic named in other words or as a recogniser hears it
    ("gil", "concept", "Python has a global lock, so threads take turns running bytecode.", True),
    ("lists-tuples", "concept", "A list is mutable. A topple is immutable, so you can use it as "
     "a dictionary key.", True),
    # what a child class has from its parent is how inheritance works
    ("oop", "concept", "A child class has all the methods of its parent class, plus its own.",
     True),
    ("oop", "concept", "A subclass does not have all the methods of the parent.", False),
    # a name assigned, said aloud as a recogniser writes it (not a placeholder, not prose)
    ("lists-tuples", "code", "So I wrote colors equals red, green, blue, and that is a tuple.",
     True),
    ("lists-tuples", "code", "In the end one tuple equals another when every item does.", False),
    # costs said in a speaker's own words
    ("comprehensions", "trade_off", "A comprehension three fors deep is one line, and nobody "
     "could follow it.", True),
    ("exceptions", "trade_off", "Exceptions jump straight to a handler; the price you pay is "
     "that the exit points are many.", True),
    ("generators", "trade_off", "A generator works for exactly one pass only, and the next "
     "loop is empty.", True),
    ("comprehensions", "trade_off", "A comprehension that totals the price is quick to write, "
     "and the price is stored as a float.", False),  # a price stored, no price paid
    # how often the speaker uses them is no reason not to
    ("lambda", "trade_off", "A lambda is an anonymous function, like lambda x colon x plus one. "
     "Honestly I don't use lambdas that much.", False),
    ("lambda", "trade_off", "A lambda is an anonymous function, like lambda x colon x plus one. "
     "I don't use them very often.", False),
    ("lambda", "trade_off", "A lambda is an anonymous function, like lambda x colon x plus one. "
     "I don't use them for anything longer than one line.", True),
    # a name half remembered defines nothing; the topic blamed is not defined by the next clause
    ("gil", "concept", "The GIL, it's the, um, global something lock.", False),
    ("gil", "concept", "The GIL, it's the, um, global lock every thread must hold.", True),
    ("gil", "concept", "Adding threads did nothing for our PDF workers because of the GIL. "
     "Someone said, oh, it's the GIL, so we switched the worker pool to processes.", False),
    ("gil", "concept", "The GIL, it's a lock every thread must hold to run bytecode.", True),
    # "applicable" names no application; "functionality" is behaviour
    ("venv", "example", "A virtual environment is a folder with its own interpreter. Packages "
     "installed in the virtual env are applicable to that environment only. The virtual env "
     "still shares the host's kernel and filesystem with the rest of the machine.", False),
    ("decorators", "concept", "Decorator functions are a design pattern. They dynamically alter "
     "the functionality of a function without changing the source code of the decorated "
     "function.", True),
    # a signature said aloud is no tuple; a tuple literal said aloud is
    ("lists-tuples", "code", "Args come in as a tuple. I wrote a retry decorator, so it was like "
     "def wrapper open paren star args comma star star kwargs close paren, and then a loop.",
     False),
    ("lists-tuples", "code", "A tuple can't change after you make it, like point equals open "
     "paren ten comma twenty close paren.", True),
    ("oop", "trade_off", "Every enemy in the game was its own subclass of a base enemy. By the "
     "time we had twenty enemy types, the subclasses were a mess.", True),
    # a trouble avoided in a list of gains is no cost; advice to avoid something is
    ("venv", "trade_off", "venv is a tool that creates virtual environments. With a venv you "
     "can:\n- Keep projects with different versions of libraries apart\n- Avoid conflicts "
     "between dependencies.\n", False),
    ("venv", "trade_off", "A virtual environment keeps one project's packages apart. Avoid sudo "
     "pip installs in it: they end up in the system Python.", True),
    # threads that take turns are the GIL's mechanism; a tool that turns code parallel is not
    ("gil", "concept", "The GIL is a pain with threads, but Dask makes it easy to turn a groupby "
     "into parallel work.", False),
    # who may reach the data is encapsulation's rule, not a cost of it
    ("oop", "trade_off", "Encapsulation hides data. Private members can only be accessed "
     "through the class, restricting the access of other classes.", False),
    ("generators", "trade_off", "A generator is lazy. It can only be used once.", True),
    # what a thing is done for ("handle it to avoid a crash") is no cost
    ("exceptions", "trade_off", "Dividing by zero raises an exception, and we handle it to avoid "
     "termination of the program.", False),
    ("exceptions", "trade_off", "With exceptions, it is best to avoid a bare except, because it "
     "hides bugs.", True),
    # how often a thing is done is no single use ("a generator works only once" is one)
    ("venv", "trade_off", "A virtual environment isolates a project's packages; you create it "
     "only once per project.", False),
    ("generators", "trade_off", "A generator is lazy, and it works only once.", True),
    # a limit is a bound or a doing ("limited", "its limits" are costs)
    ("generators", "trade_off", "A generator is lazy: this one yields even numbers up to a "
     "specified limit.", False),
    ("generators", "trade_off", "A generator is lazy, but it is limited: it can be read once.",
     True),
    # the rubric's own rule of choice, and how notes phrase it; immutability is what a tuple is,
    # not a cost; a lambda has no return statement because it returns its expression
    ("lists-tuples", "trade_off", "Use a list when the data will change, and a tuple when it "
     "should stay fixed.", True),
    ("lists-tuples", "trade_off", "Once built, it is not possible to modify which object sits in "
     "each slot of a tuple.", False),
    ("lambda", "trade_off", "A lambda is an inline function that does not contain a return "
     "statement.", False),
    ("generators", "trade_off", "Generator expressions store no values, so we cannot get the len "
     "of generator expressions.", True),
    ("gil", "trade_off", "Threads are not an optimization for CPU bound functions, because of "
     "the GIL.", True),
    ("gil", "trade_off", "The GIL lets one thread use the CPU at a time. However I/O bound tasks "
     "are not affected.", True),
    ("generators", "trade_off", "A generator pauses at yield and does not run until it is called "
     "again.", False),
    # a limit of a tuple's immutability, what a comprehension cannot replace
    ("lists-tuples", "trade_off", "Tuples are immutable, but an immutable sequence may still "
     "change if it contains a mutable list.", True),
    ("comprehensions", "trade_off", "In some cases we can't substitute a for loop with a list "
     "comprehension, like logging from its body.", True),
    # costs and preferences as candidates say them
    ("lambda", "trade_off", "A lambda is an anonymous function. With a lambda in map and "
     "filter, I'd rather use a comprehension, it reads better.", True),
    ("exceptions", "trade_off", "Exceptions are raised on errors. I try not to wrap fifty lines "
     "in one try block, because then you can't tell which line failed.", True),
    ("generators", "trade_off", "Printing a generator shows the object, not the values, which is "
     "clumsy when debugging.", True),
    ("gil", "trade_off", "The GIL does not make your code thread-safe: count += 1 is several "
     "bytecodes, so you still need your own lock.", True),
    ("decorators", "code", "Decorators wrap functions. Then you put the at sign above the "
     "function.", False),
    # picked out among others is not defined
    ("lambda", "concept", "Honestly lambdas are one of those features that look scary but aren't "
     "that bad.", False),
    ("args-kwargs", "concept", "kwargs is the one with two stars and args is the one with one "
     "star.", False),
    ("decorators", "concept", "Decorators are the things with the at symbol on top of "
     "functions.", False),
    # ... nor placed among others
    ("oop", "concept", "Encapsulation is one of the main principles of object-oriented design.",
     False),
    ("venv", "concept", "The venv is a module in the standard library.", False),
    ("gil", "concept", "The GIL is the reason people say Python is slow at threads.", False),
    ("oop", "concept", "Encapsulation is the principle of bundling data with the methods that "
     "change it.", True),
    ("comprehensions", "concept", "A comprehension is a feature that lets you build a list from "
     "an iterable in one expression.", True),
    # a note's "Ex:" opens a case as "e.g." does
    ("lists-tuples", "example", "Tuples are hashable. Ex: chess engine transposition table, the "
     "board position as a tuple key.", True),
    # a kind praised is no definition
    ("comprehensions", "concept", "List comprehensions are a very Pythonic feature that people "
     "like.", False),
    # a sentence that opens in a real setting (not "in fact", "in a list")
    ("oop", "example", "Polymorphism matters here. In a game every enemy type has an update "
     "method, and the main loop calls update on all of them.", True),
    ("oop", "example", "Polymorphism matters here. In fact, every subclass has an update method "
     "that the loop calls.", False),
    # a price named in plain words
    ("venv", "trade_off", "Virtual environments are great, but each environment installs its own "
     "copy of heavy packages, so a dozen projects eat a lot of disk.", True),
    ("lists-tuples", "trade_off", "With tuples there is a price you pay: you cannot append to "
     "them.", True),
    ("oop", "trade_off", "Encapsulation in Python: privacy is only a convention, nothing stops "
     "anyone reaching into _balance.", True),
    ("args-kwargs", "trade_off", "The names args and kwargs are just a convention; the stars do "
     "the work.", False),
    # the seed's habit, as notes put it
    ("exceptions", "trade_off", "Catch all except blocks are almost always a terrible idea: the "
     "traceback is informative.", True),
    ("exceptions", "trade_off", "We should not catch every error. Sometimes it is okay to let the "
     "application crash.", True),
    ("exceptions", "trade_off", "except Exception catches all errors. Normally you'd want specific "
     "errors.", True),
    ("lists-tuples", "trade_off", "Change the list inside a tuple and the tuple shows it, though "
     "the memory address stays the same.", False),
])
def test_what_a_sentence_is_heard_as(catalog, topic, layer, said, heard) -> None:
    assert score(said, catalog.get(topic)).layers[layer].covered is heard


@pytest.mark.parametrize(("said", "trade_off"), [
    # a comprehension written is one named ...
    ("I find [x for x in rows if x.ok] harder to read once it grows a second if.", True),
    ("I find list(filter(is_ok, rows)) harder to read once it grows a second if.", False),
    # ... but not words in a string
    ('I find labels = ["ready for use in production"] harder to read once it grows.', False),
])
def test_a_written_comprehension_names_its_topic(catalog, said, trade_off) -> None:
    assert score(said, catalog.get("comprehensions")).layers["trade_off"].covered is trade_off


@pytest.mark.parametrize(("topic", "snippet", "code"), [
    # a starred parameter is *args / **kwargs whatever its name ...
    ("args-kwargs", "def send(to, *attachments, **headers):\n    for a in attachments:\n"
     "        attach(a)\n", True),
    ("args-kwargs", "mail = dict(to='ops')\nsend(*recipients, **mail)\n", True),
    # ... but a starred target of an assignment is unpacking, not a parameter, and markdown's
    # bold is no star
    ("args-kwargs", "first, *rest = line.split()\nprint(first, rest)\n", False),
    ("args-kwargs", "Always pass key=len to sorted (**always** stable) when you sort names.\n",
     False),
    ("args-kwargs", "Sort with sorted(names, key=len) (**really important**) and move on.\n",
     False),
    # a tuple written is "open paren ... comma ... close paren" in an answer about tuples ...
    ("lists-tuples", "# a tuple\npoint = (10, 20)\nprint(point[0])\n", True),
    ("lists-tuples", "# a tuple\npoint = make_point(10, 20)\nprint(point[0])\n", False),
    # ... not in one about something else that happens to hold one, nor a comma in a string,
    # nor a clause's parenthesis
    ("lists-tuples", "seen = {(1, 2), (3, 4)}\nprint(len(seen))\n", False),
    ("lists-tuples", '# a tuple\nlabel = ("a, b")\nprint(label)\n', False),
    ("lists-tuples", "# a tuple\ntry:\n    run()\nexcept (ValueError, KeyError):\n    pass\n",
     False),
    # a decorator applied names the topic, even where no sentence says "decorator", also with a
    # call that goes on below the "@" line (not a matrix product)
    ("decorators", "from functools import lru_cache\n\n@lru_cache(maxsize=128)\n"
     "def price(sku):\n    return fetch(sku)\n", True),
    ("decorators", "import numpy as np\n\nc = a @ b\nprint(c.sum())\n", False),
    ("decorators", '@app.route(\n    "/users",\n    methods=["GET"],\n)\ndef users():\n'
     "    return list_users()\n", True),
    # a data class or a property is what such an answer shows, not a decorator of its own
    ("decorators", "from dataclasses import dataclass\n\n@dataclass(frozen=True)\n"
     "class Money:\n    amount: int\n", False),
])
def test_a_construct_in_written_code_is_its_topic_code(catalog, topic, snippet, code) -> None:
    assert score(snippet, catalog.get(topic)).layers["code"].covered is code


# ... and said aloud, in an answer that names its topic once: the construct names it faintly
# too, so the code counts; a construct said claims no definition.
@pytest.mark.parametrize(("topic", "said", "code"), [
    ("comprehensions", "A comprehension builds a list. You would say, names equals u dot name "
     "for u in users if u dot active.", True),
    ("args-kwargs", "Kwargs collects keyword arguments. So you call it as settings of star star "
     "overrides.", True),
    ("decorators", "A decorator wraps a view. On top you put at app dot route, slash login.", True),
    # English with "for" twice, and "at" in English, are no construct
    ("comprehensions", "A comprehension builds a list. We did it word for word in the docs.", False),
    ("decorators", "A decorator wraps a view. Look at the top of the file for the imports.",
     False),
])
def test_a_construct_said_aloud_is_its_topic_code(catalog, topic, said, code) -> None:
    assert score(said, catalog.get(topic)).layers["code"].covered is code


def test_a_decorator_applied_aloud_names_its_topic(catalog) -> None:
    # "I used one": the answer never says "decorator", but applying one aloud names it as
    # "@timer" above a def does in writing; how it is applied tells no case
    rubric = catalog.get("decorators")
    said = ("I used one when my game stuttered. I wrote a small timer and put at timer on the "
            "render function.")
    assert score(said, rubric).layers["code"].covered
    said = ("I used one for retries. You put at retry, open paren, attempts equals five, close "
            "paren, above the upload function.")
    assert score(said, rubric).layers["code"].covered
    applied = "You just put at timer over a function and it prints how long the call took."
    assert not score(applied, rubric).layers["example"].covered


def test_a_construct_said_aloud_claims_no_definition(catalog) -> None:
    said = "You can merge them, config equals star star defaults, star star overrides, done."
    assert not score(said, catalog.get("args-kwargs")).layers["concept"].covered
    # ... nor does code read out whose verb happens to follow the topic's name
    said = "I use kwargs a lot. Kwargs accept exception as x, print f x, then return."
    assert not score(said, catalog.get("args-kwargs")).layers["concept"].covered


def test_the_evidence_for_spoken_code_is_the_code_said(catalog) -> None:
    # the quote a user sees is the code, not the words before it in the sentence
    said = ("The GIL lets one thread run bytecode at a time. For heavy number crunching threads "
            "will not help, so you reach for processes, from multiprocessing import Pool.")
    code = score(said, catalog.get("gil")).layers["code"]
    assert code.covered and [e.said for e in code.matched] == ["from multiprocessing import Pool"]


def test_a_construct_in_code_lends_no_pronoun_its_topic(catalog) -> None:
    # "@dataclass" names a decorator (faintly), but "It" after it is the data class
    said = ("@dataclass\nclass Point:\n    x: int\n    y: int\n\n"
            "It saves a lot of boilerplate, but it is slower to import.\n")
    assert not score(said, catalog.get("decorators")).layers["trade_off"].covered


def test_code_in_another_order_than_an_idea_is_still_code(catalog) -> None:
    # "for > in > if > mod/equals" does not hold in order here ("=" comes first); that is
    # no wrong claim that would hide the snippet from the code shape
    answer = ("A list comprehension builds a list from a loop and a condition:\n\n"
              "kept = [ g(x) for x in items if keep(x) ]\n")
    assert score(answer, catalog.get("comprehensions")).layers["code"].covered


def test_a_list_or_a_title_that_opens_examples_opens_each_item(catalog) -> None:
    decorators = catalog.get("decorators")
    intro = "A decorator runs extra code before and after every call to the function it wraps.\n"
    listed = "Useful for:\n * access checks\n * debugging\n * and so on\n"
    assert score(intro + listed, decorators).layers["example"].covered
    unopened = "Written as:\n * access checks\n * debugging\n * and so on\n"
    assert not score(intro + unopened, decorators).layers["example"].covered
    titled = "### Example 1\nWe want to see each call to the payment service.\n"
    assert score(intro + titled, decorators).layers["example"].covered
    untitled = "### Step 1\nWe want to see each call to the payment service.\n"
    assert not score(intro + untitled, decorators).layers["example"].covered


@pytest.mark.parametrize("said", [
    "For debugging it can print the inputs and the return value of each call.",
    "It can print out the name and the return type of the function it wraps.",
])
def test_english_about_printing_and_returning_is_not_spoken_code(catalog, said) -> None:
    intro = "A decorator wraps a function to add behaviour around every call. "
    assert not score(intro + said, catalog.get("decorators")).layers["code"].covered


def test_a_thing_it_has_no_of_is_a_claim_not_a_denial(catalog) -> None:
    lam = catalog.get("lambda")
    said = "A lambda is a small anonymous function. The downside: a lambda has no name in a traceback."
    assert score(said, lam).layers["trade_off"].covered
    assert not score("A lambda is a small anonymous function. Lambdas are not hard to read.",
                     lam).layers["trade_off"].covered
    assert not score("A lambda is a small anonymous function. Lambdas have no overhead.",
                     lam).layers["trade_off"].covered  # "no" denies the idea's own word


@pytest.mark.parametrize("said", [
    "Type python3m venv env and you get a fresh folder.",
    "Type python 3 m venv env and you get a fresh folder.",
    "Activate it with source, env slash bin slash activate.",
    "You activate it with source, venv slash activate.",
])
def test_venv_commands_as_a_recogniser_writes_them_are_code(catalog, said) -> None:
    answer = "A virtual environment gives each project its own packages. " + said
    assert score(answer, catalog.get("venv")).layers["code"].covered


def test_a_clause_without_its_own_subject_keeps_the_one_before(catalog) -> None:
    tuples = catalog.get("lists-tuples")
    said = "Two tuples can be added into a fresh one, but cannot be modified in place."
    assert score(said, tuples).layers["concept"].covered
    # a clause with a subject of its own is still a claim of its own
    swapped = "A list is for records, and a tuple is mutable, and a list is not."
    assert not score(swapped, tuples).layers["concept"].covered


def test_like_if_opens_a_scenario(catalog) -> None:
    said = ("A finally block always runs, error or not. Put the clean-up there, like if a "
            "database connection must be closed.")
    assert score(said, catalog.get("exceptions")).layers["example"].covered
    toy = "A finally block always runs, error or not. Like if you want to print a number."
    assert not score(toy, catalog.get("exceptions")).layers["example"].covered


@pytest.mark.parametrize(("said", "code"), [
    ("Then you just write at xfail on the line above the test function.", True),
    ("You put at property on the method and read it like an attribute.", True),
    ("It can put at risk the whole release, and you write at least one test.", False),
    # a recogniser writes the "at" it hears as "@"
    ("So we add @require_admin on every page that only staff may open.", True),
    ("We put @cache on the slow lookup and the second call is instant.", True),
    # an address, a link, and a name in markdown's backticks, are no decorator said
    ("Questions go to team@example.com on the mailing list.", False),
    ("I read about it on https://blog.example.org/@ana.lee/wrapping-calls once.", False),
    ("Remember to decorate the wrapper with `@functools.wraps` too.", False),
])
def test_a_decorator_line_said_as_write_at_name(catalog, said, code) -> None:
    answer = "A decorator wraps a function to add behaviour around every call. " + said
    assert score(answer, catalog.get("decorators")).layers["code"].covered is code


def test_a_phrase_put_in_front_is_no_clause_of_its_own(catalog) -> None:
    tuples = catalog.get("lists-tuples")
    said = "Why pick a tuple? And tuple, you cannot assign to an item or append to it."
    assert score(said, tuples).layers["concept"].covered
    assert not score("Why pick a tuple? And tuple, list, you cannot assign to an item.",
                     tuples).layers["concept"].covered  # a phrase in front, then a clause
    assert not score("Why pick a tuple? Tuple, list, you cannot assign to an item.",
                     tuples).layers["concept"].covered  # not a phrase put in front


# Whole answers, each judged a trade-off or not as a careful reader would: a cost said, or a
# cost word that says none (a story, a name, a task, a size, a trouble kept off).
_LAMBDA = "A lambda is a small anonymous function written in one expression. "
_DECORATOR = "A decorator wraps a function to add behaviour around every call. "
_VENV = "A virtual environment, a venv, gives each project its own packages. "
_GENERATOR = "A generator yields one value at a time and keeps its state in between. "


@pytest.mark.parametrize(("topic", "said", "cost"), [
    # running out is how "yield from" moves on; a generator that stays empty is a limit
    ("generators", "A generator pauses at each yield and keeps its state. Say outer delegates to "
     "first and second: outer runs first, and when first is exhausted, outer moves to second.",
     False),
    ("generators", "A generator pauses at each yield. Once a generator is exhausted, it stays "
     "empty.", True),
    # announced or used as a name
    ("lambda", _LAMBDA + "I'll come back to the pros and cons at the end.", False),
    ("lambda", _LAMBDA + "Pros and cons: it is short, but it has no name.", True),
    ("lambda", _LAMBDA + "Then total cost equals the sum of the line prices.", False),
    ("lambda", _LAMBDA + "The cons: a lambda has no name in a traceback.", True),
    # one more thing, or a story
    ("decorators", _DECORATOR + "Simple idea: it hands back a wrapper function, but it also "
     "logs every single call.", False),
    ("decorators", _DECORATOR + "A decorator takes a function and returns a wrapper, but stacked "
     "ones are hard to debug.", True),
    ("decorators", _DECORATOR + "Decorators? I avoided writing my own during my first year at "
     "work.", False),
    ("decorators", _DECORATOR + "Decorators are fine, but avoid them when a plain function call "
     "would do.", True),
    # a trouble kept off stays kept off to the end of its phrase, up to a contrast
    ("venv", _VENV + "We lock the counter to avoid it getting hit by race conditions.", False),
    ("venv", _VENV + "A venv reduces the risk of shipping unnecessary extras to production.",
     False),
    # advice against, a cost with the speaker's way round it, a cost had "otherwise"
    ("decorators", "A decorator wraps a function and returns a new one. Stacking five "
     "decorators on one function is something to avoid.", True),
    ("lists-tuples", "A tuple is an immutable sequence. The limitation is that once it is "
     "created you cannot add an item. You can fix that by building a new tuple or using a "
     "list.", True),
    ("exceptions", "the except block runs when the try block raises and ive never used finally "
     "to be honest", False),
    ("generators", "A generator is a function that uses yield to hand back values one at a "
     "time. Only reach for a generator when the data is big, otherwise it is just extra "
     "complexity for a reader.", True),
    # a list's cost in memory is a generator's trade-off once a generator is named, and no
    # cost of anything in an answer that names none (rubric ``shared`` words)
    ("generators", "A generator is lazy. A list comprehension stores the entire list in memory, "
     "a generator expression one item.", True),
    ("generators", "A list comprehension stores the entire list in memory, so a tuple is "
     "what I keep for fixed records.", False),
    # the troubles the topic spares, told before its name or listed after "it helps with"
    ("venv", "Installing globally means one version of a library for every app. These issues "
     "may be avoided by creating a virtual environment per project.", False),
    ("venv", "A virtual environment is a folder with its own interpreter and packages. It "
     "helps with a number of issues:\n- a messy system installation\n- breaking core system "
     "tools", False),
    # what points at a failing snippet is a demo, not a cost
    ("lists-tuples", "A tuple's values cannot be changed once it is defined. The following "
     "will not work:\n\npoint = (10, 20)\npoint[0] = 15\n", False),
    # an advantage over an alternative compares the two
    ("generators", "A generator yields one value at a time. Its big advantage over a list is "
     "that the whole thing never sits in memory. Generators are lazy.", True),
    # why the topic exists is no cost of it
    ("gil", "The GIL is a lock around the interpreter. It exists because CPython's reference "
     "counting is not thread-safe.", False),
    # what is denied, told before the denial, is no wrong claim that keeps the sentence out
    ("venv", "A venv keeps packages apart per project. A container is heavier, but it also "
     "pins the C libraries, which a venv cannot do.", True),
    # a condition, a case of letters, a name in code said aloud, a recogniser's "con": no cost
    ("comprehensions", "A comprehension builds a new list from a loop. You can "
     "uppercase the words, but only for words longer than three letters.", False),
    ("comprehensions", "A comprehension can loop over the names and convert them "
     "from lower to upper case in one line.", False),
    ("generators", GEN + "Def odd numbers limit. Num equals one. Yield num, while num "
     "stays below it.", False),
    ("venv", "A virtual environment keeps one project's packages. With con, da, "
     "you make one from an environment file.", False),
    # used up: "can not be looped anymore"
    ("generators", GEN + "After one pass the generator can not be looped over anymore.", True),
    # where it turned bad; what exceptions are is no such turn
    ("oop", "Inheritance lets a subclass reuse a parent's methods. We kept adding levels, and "
     "then it went bad.", True),
    ("exceptions", "Exceptions are things that go wrong while the program runs, and try catches "
     "them.", False),
    # the other side of a good part, a compromise, a thing that does not help
    ("oop", "Polymorphism lets one call work on many classes. That's the good part. The bad "
     "part is every subclass must really support each method.", True),
    ("venv", "A virtual environment is a folder with its own packages for one project. Sharing "
     "the system packages with it is a compromise.", True),
    # a harm said as a verb or an effect, advice to keep a thing rare, "more secure"
    ("generators", "A generator is a function that uses yield to hand back values one at a "
     "time. Long chains of generators hinder debugging.", True),
    ("gil", "The GIL is one lock around the interpreter. Taking it out had a negative impact "
     "on single-threaded speed.", True),
    ("decorators", "A decorator wraps a function and returns a new one. Keep stacked "
     "decorators to a minimum.", True),
    ("oop", "Composition gives an object other objects to use. It is more secure compared to "
     "inheritance, which hands a child class every parent attribute.", True),
    # an alternative with a purpose is a reasoned choice
    ("comprehensions", "A list comprehension builds a list in one expression. Sometimes I write "
     "a plain for loop instead of a comprehension in order to add logging in the middle.", True),
    # ... but a cost in the next clause after a reason is a cost all the same
    ("gil", "CPython added the GIL because it kept the C API simple, and the downside is that "
     "threads never run Python code in parallel.", True),
    # the name of a style is no comparison
    ("exceptions", "With try and except you catch the error after it happens. That style is "
     "called EAFP, easier to ask forgiveness than permission.", False),
    # a manner is no quality compared: "explicitly released" (but "more efficiently" compares)
    ("gil", "The GIL is a lock the interpreter holds whenever bytecode runs, unless it is "
     "explicitly released. The GIL is held by default.", False),
    # a cost spared is no cost; not knowing what a thing does is no quality of it
    ("decorators", "A decorator wraps a function and returns a new one. One decorator can "
     "serve many views that would otherwise repeat the same tedious checks.", False),
    ("args-kwargs", "Star args collects extra positional arguments into a tuple. You have seen "
     "star args in code before, but it is not clear what it does at first.", False),
    # the trouble told before "... solve this problem" is what the topic is for, not its cost
    ("venv", "A venv is a folder with its own Python and packages. One project needed an old "
     "Django and another a new one, and switching between them was a real headache. Virtual "
     "environments solve this problem by giving each project its own packages.", False),
    ("venv", "A venv is a folder with its own Python and packages. Creating one is slow on a "
     "Raspberry Pi. Virtual environments solve this problem of clashing versions by giving "
     "each project its own packages.", True),
    ("gil", "CPython has one big lock, the GIL, and it is there to prevent two threads from "
     "corrupting the reference counts of shared objects.", False),
    ("gil", "The GIL lets one thread run bytecode at a time. It does not protect you from race "
     "conditions in your own code, though.", True),
    ("exceptions", "The except clause catches the error. Give the request a timeout to avoid "
     "hanging forever.", False),
    ("exceptions", "The except clause catches the error. It is best to avoid a bare except, "
     "though.", True),
    ("venv", _VENV + "It helps avoid version conflicts but is slower to set up in CI.", True),
    ("venv", _VENV + "A venv reduces clutter, but it is slower to set up in CI.", True),
    # improper use is a cost, an improper way a thing
    ("lambda", _LAMBDA + "Using a lambda only for a side effect, like printing, is improper.",
     True),
    ("lambda", _LAMBDA + "Kill the script in an improper way and the lambda never runs.", False),
    ("venv", "A venv keeps each project's packages apart. Building pandas inside one takes "
     "forever on a Raspberry Pi.", True),
    # a task set or a size
    ("generators", _GENERATOR + "Say we consider a problem where we need the squares of a "
     "million numbers.", False),
    ("generators", _GENERATOR + "The end of a slice is one larger than the position you stop "
     "at.", False),
    ("generators", _GENERATOR + "The trouble is that a generator can be consumed only once.",
     True),
    # a problem the topic will hit
    ("exceptions", "A bare except catches everything. A bare except will hit an issue: it also "
     "catches KeyboardInterrupt.", True),
    # "one time" is no single use: "yields 1 the first time"; "one time only" is
    ("generators", "A generator yields 1 the first time you call next on it, then 2.", False),
    ("generators", _GENERATOR + "And you can walk through it one time only.", True),
    ("generators", "A generator is single use: once you loop over it, it is empty.", True),
    # comprehensions nest as loops do; nested deep, they are a cost
    ("comprehensions", "A list comprehension builds a list in one line. Comprehensions give a "
     "syntax for nested loops: two for clauses, the second inside the first.", False),
    ("comprehensions", "A list comprehension builds a list in one line. Comprehensions nested "
     "three deep are unreadable.", True),
    ("comprehensions", "A list comprehension builds a list in one line. Comprehensions that "
     "are deeply nested make a reviewer squint.", True),
    # a cost the topic removes, lowers or recovers from is a benefit
    ("decorators", _DECORATOR + "Decorators remove boilerplate: the wrapper adds the logging "
     "for you.", False),
    ("exceptions", "Exception handling lets the program recover from a problem instead of "
     "crashing.", False),
    ("oop", "Encapsulation hides an object's state. It lowers the risk that outside code breaks "
     "an object.", False),
    # plain cost words (not "unsafe": what the topic keeps from being unsafe is no cost of it)
    ("gil", "The GIL exists because reference counting in CPython would be unsafe otherwise.",
     False),
    ("lists-tuples", "A tuple is immutable: to change one item you build a whole new tuple, "
     "which is inconvenient in a loop.", True),
    ("oop", "Everything a base class defines is inherited by the subclass, which is often "
     "undesirable when the base class has helpers nobody should call.", True),
    ("lambda", _LAMBDA + "Packing a whole rule into one lambda comes at the cost of "
     "readability.", True),
    # a hierarchy is what inheritance builds; a deep one is its cost
    ("oop", "Inheritance builds a class hierarchy, where each subclass gets its parent's "
     "methods.", False),
    ("oop", "Inheritance reuses a parent's code. A good example is the exception hierarchy of a "
     "web framework.", False),
    ("oop", "Inheritance reuses a parent's code, but deep hierarchies get hard to follow.", True),
    # a verdict or advice with no cost noun
    ("lambda", "Lambdas should not be used for anything with branches.", True),
    ("generators", "Generators are bad for code that needs random access.", True),
    ("exceptions", "If you raise a fresh exception in the handler, you lose the original "
     "traceback.", True),
    ("venv", "Creating the virtual environment is not enough; you also activate it.", False),
    # a lambda cannot be pickled: multiprocessing cannot send it to a worker
    ("lambda", "A lambda can't be pickled, so multiprocessing refuses to send it to a worker.",
     True),
    ("lambda", "The worker pool broke because our lambdas are non-pickleable.", True),
    # a cost word that is a piece of a name
    ("gil", "Our thread pool is called hard_worker_pool and it serves the requests.", False),
    ("oop", "In our trading app LimitOrder is a subclass of Order and overrides validate.",
     False),
    ("oop", "Inheritance at work: the OrderLimit class is a subclass of Order.", False),
    ("lambda", "Lambdas are _expensive_ to debug when they grow.", True),
    # a loss under a condition, an instruction, a way to tell: no cost of the topic
    ("exceptions", "If you lose the connection, requests raises a ConnectionError and you catch "
     "it.", False),
    ("venv", "There is no way to explain a virtual environment without showing pip first.",
     False),
    ("generators", "Do not scale the image inside the generator; yield it as it is.", False),
    # a negation typed without its apostrophe is still one
    ("gil", "Threads under the GIL dont scale across cores for number crunching.", True),
    ("oop", "Polymorphism: the same save method on the floppyDisk class and the hardDisk "
     "class.", False),
    # a gain denied across an amount, a cost measured, a limit on what it may hold, and when
    # (so when not) to use it
    ("gil", "The GIL lets one thread run bytecode at a time. If the work keeps hopping back "
     "into Python, you won't get much of a speedup from threads.", True),
    ("gil", "The GIL lets one thread run bytecode at a time. You won't regret it, it's a big "
     "improvement.", False),
    ("exceptions", EXC + "Looking the key up first takes about three times as long when it is "
     "nearly always there.", True),
    ("lambda", _LAMBDA + "Its body has to be a single expression, nothing more.", True),
    ("lists-tuples", "A tuple is a fixed sequence. Tuples should only be used when the fields "
     "never change.", True),
    ("generators", _GENERATOR + "The values are made only when needed.", False),
    # a judgement with its reason compares two ways; without one it is praise
    ("comprehensions", "A comprehension builds a list from a loop. A comprehension performs "
     "better here because it skips the append lookup.", True),
    ("comprehensions", "A comprehension builds a list from a loop. A comprehension would read "
     "better if you named the parts.", False),
    # how well the speaker knows it, "better known as", a "no" that answers, a cost spared
    ("gil", "I know the GIL well. The global interpreter lock, better known as the GIL, exists "
     "because reference counting is not thread safe.", False),
    ("decorators", "I use decorators a lot. I understand decorators much better now because I "
     "had to write a retry decorator at work.", False),
    ("generators", "I use generators a lot. So no, you will get a big benefit from a generator "
     "here.", False),
    ("decorators", "I use decorators a lot. Without the decorator, every view function would be "
     "twice as long.", False),
    ("generators", "I use generators a lot. You're not going to see much of an improvement.",
     True),
    # "except" and "finally" said as English words name no exception handling
    ("exceptions", "Tuples suit fixed records. Except, you do need a class once the data has a "
     "schema. Tuples should only be used when you pass data between two functions.", False),
    ("exceptions", "Finally, we shipped it. Tuples should only be used when you pass data "
     "between two functions.", False),
    # "specified" is not "specific" (catch specific exceptions, not all)
    ("exceptions", EXC + "The finally block, if specified, runs whether or not an error was "
     "raised.", False),
])
def test_cost_or_not_in_a_whole_answer(catalog, topic, said, cost) -> None:
    assert score(said, catalog.get(topic)).layers["trade_off"].covered is cost


# Whole answers (their own opening sentence), each judged code or not as a careful reader would.
@pytest.mark.parametrize(("topic", "said", "code"), [
    # words side by side in brackets are no call: a call's arguments are split by commas
    ("exceptions", "The EAFP style catches the error with try/except. Compare the LBYL "
     "approach(Look Before You Leap), in which every condition gets checked up front.",
     False),
    ("oop", "With inheritance the parent name goes inside the child class parentheses, and the "
     "class object keeps a link to it.", False),
    ("exceptions", "The EAFP style catches the error with try/except: except KeyError, then "
     "handle(key) instead.", True),
    # code said in a lecture, and English close to it
    ("comprehensions", "A list comprehension maps each player to a team: teams X for X in "
     "player names.", True),
    ("comprehensions", "A list comprehension is for a range of simple loops.", False),
    ("generators", "A generator yields lazily. First we build the values for Iron Range ten, then "
     "sum them.", True),
    ("decorators", "On top of the function you write at retry, and the decorator tries it again.",
     True),
    ("comprehensions", "A comprehension builds a list. I translated the page word for word in "
     "the docs.", False),
    ("comprehensions", "A comprehension builds a list. The model is good for long range "
     "forecasts.", False),
    ("decorators", "A decorator wraps a function. You can add at index zero or put at risk the "
     "release.", False),
    # a try statement read out line by line, the line breaks heard as commas
    ("exceptions", "The except block lets you handle the error. Try, print hello except, print "
     "something went wrong.", True),
    ("exceptions", "Exceptions stop the program. Try, if you can, to accept the defaults.", False),
    # ... or its skeleton, and a comprehension's (its "in" heard "and")
    ("exceptions", "You handle the error with this syntax: try statements except exception name, "
     "statements.", True),
    ("exceptions", "You handle the error with try slash except around the call.", False),
    ("comprehensions", "A list comprehension builds a list. The syntax is expression for item and "
     "iterable.", True),
    ("comprehensions", "A list comprehension builds a list from an expression for each item in "
     "the source.", False),
    # "def __init__(self)" as a recogniser hears it
    ("oop", "With inheritance the subclass gets the parent's methods, and the dog class has deaf "
     "in itself, then calls the parent.", True),
    ("oop", "Inheritance reuses the parent's code. Death in itself is no bug of the parent.",
     False),
    # a stray dot a recogniser left before a contraction is no attribute ("at app.route" is)
    ("gil", "The GIL lets one thread run bytecode. Adding cores at Python .doesn't make CPU-bound "
     "threads faster.", False),
    ("decorators", "A decorator wraps a view: at app .route slash home.", True),
    # code read aloud, as a recogniser punctuates the pauses
    ("args-kwargs", "Args collects the extra positional arguments. Def, area, star, args.",
     True),
    ("lambda", "A lambda is an expression, whereas def, class, and import are statements.", False),
    # a recogniser often hears the "in" of a comprehension said aloud as "and"
    ("comprehensions", "A comprehension builds a list, and it reads like this: n for n "
     "and users if it is short.", True),
    ("comprehensions", "A comprehension matches a loop point for point and is often faster.",
     False),
    ("comprehensions", "A comprehension builds a list. The teacher graded it one for one and "
     "moved on.", False),
    # written code is read as it is said: the bracket that opens a literal is "open bracket"
    ("comprehensions", "Notes from the workshop:\nprices = [9.5, 12.0, 3.25]\n"
     "cheap = [round(p) for p in prices if p < 10]\nprint(cheap)", True),
    ("comprehensions", "Here are my notes.\nby_sku = {item.sku: item for item in stock}\n",
     True),
    # a rubric's context words are its topic's only once the topic is named: pip alone is no
    # venv code, threads alone no GIL code
    ("venv", "Handy pip commands:\npip install requests\npip freeze > requirements.txt\n", False),
    ("venv", "A virtual environment keeps each project's packages apart:\n"
     "pip install requests\n", True),
    ("gil", "Two threads share a counter here:\nimport threading\n"
     "t = threading.Thread(target=work)\n", False),
    ("decorators", "A closure keeps the variables of the function around it:\n"
     "def outer():\n    count = 0\n    def inner():\n        return count\n    return inner\n",
     False),
    # a comment on a line of code is no code
    ("comprehensions", "Some notes.\nsizes = [3, 5]  # for each in grid\n", False),
    # a "#" in a string starts no comment; brackets in a string and an empty literal are no
    # comprehension
    ("comprehensions", "Here is how I clean tags with a comprehension.\n"
     "tags = [t.strip(\"#\") for t in raw_tags]\n", True),
    ("comprehensions", "Comprehensions are great.\nfor path in paths:\n"
     "    print(f\"Found {n} matches for {pattern} in {path}\")\n", False),
    ("comprehensions", "Some notes.\nresult = []; for n in nums: result.append(n * 2)\n", False),
])
def test_code_or_not_in_a_whole_answer(catalog, topic, said, code) -> None:
    assert score(said, catalog.get(topic)).layers["code"].covered is code


def test_a_chained_call_in_notes_is_code(catalog) -> None:
    said = ("Inheritance lets a class reuse a parent's methods - in the child, "
            "super().__init__() runs the parent's constructor first.")
    assert score(said, catalog.get("oop")).layers["code"].covered


def test_an_idea_in_any_order_is_no_contested_claim(catalog) -> None:
    # "thread + not + CPU-bound" holds in either order; an ordered idea would have called this
    # sentence a swapped claim and hidden its cost from the trade-off shape too
    said = "The GIL lets one thread run at a time. Several CPU-heavy threads cannot work together."
    assert score(said, catalog.get("gil")).layers["trade_off"].covered


def test_a_problem_that_occurs_is_what_exceptions_are_for(catalog) -> None:
    said = "When a problem occurs at runtime, an exception is raised and the program stops."
    result = score(said, catalog.get("exceptions"))
    assert result.layers["concept"].covered and not result.layers["trade_off"].covered


def test_a_snippet_far_down_an_answer_about_the_topic_is_code(catalog) -> None:
    # notes that name the topic up front, talk on for a while, then show the snippet: the
    # snippet is still about the topic (an answer that never names it covers nothing: see the
    # off-topic tests)
    said = ("List comprehensions are worth learning. A list comprehension has three parts. "
            "The first part is what to compute. The second is the name of each item. "
            "The third is where the items come from. You may add a filter at the end. "
            "Nested loops read left to right. Keep each one short. "
            "Here is one I wrote for a report. "
            "initials = [city[0] for city in cities]")
    assert score(said, catalog.get("comprehensions")).layers["code"].covered


def test_a_snippet_far_from_a_topic_named_in_passing_is_not_its_code(catalog) -> None:
    # named twice in passing, then a long talk about something else and its snippet: that
    # code shows the other thing, not a lambda
    said = ("I hardly ever write a lambda, and a lambda is not what I know best. "
            "What I know best is logging. Loggers form a tree. Handlers send records out. "
            "Formatters shape each line. Levels filter the noise. Config can come from a file. "
            "This is how I set it up in a service. "
            "logging.basicConfig(level=logging.INFO)")
    assert not score(said, catalog.get("lambda")).layers["code"].covered


def test_code_read_out_piece_by_piece_is_code_not_a_claim(catalog) -> None:
    # a voice reading a snippet: each piece between commas, no sentence of its own
    said = ("Decorators. Def decorator, funct, def wrapper, asterisk, args, kwargs, print "
            "before, result equals funct, asterisk, args, kwargs, print after, return result, "
            "return wrapper, return decorator.")
    result = score(said, catalog.get("decorators"))
    assert result.layers["code"].covered
    assert not result.layers["concept"].covered


# Another subject under the topic's word, or an answer to another question, covers nothing
@pytest.mark.parametrize(("topic", "said"), [
    ("lambda", "We moved the thumbnail job to AWS Lambda. For example, each upload to the bucket "
     "starts a resize. AWS Lambda has cold starts, which makes the first call slower, and AWS "
     "Lambda bills per request. def handler(event, context): return resize(event)"),
    # "Lambda" alone, in an answer about AWS: the service, not an anonymous function
    ("lambda", "We run the pipeline on AWS. Lambda functions there are small functions that each "
     "do one job, for example a resize that starts when an upload lands in S3. The downside is "
     "cold starts."),
    # ... and its handler's name holds the word but uses no lambda
    ("lambda", "def lambda_handler(event, context): is the entry point. When Lambda invokes it, "
     "the lambda runtime passes the event and a context object, for example an S3 upload."),
    # settings kept in environment variables: a .env file, no virtual environment
    ("venv", "Last week, one of my apprentices asked me if I knew how to load a .env file in the "
     "Django web framework. A .env file is used to store environment variables for a project. "
     "These typically include settings such as database connection strings, API keys, or other "
     "configuration parameters. The purpose of a .env file is to separate configuration from "
     "code and to keep secrets out of version control."),
    # "object-oriented" alone is classes and objects, another question
    ("oop", "Object-oriented programming organizes code around objects and classes. It helps in "
     "designing code that is easier to understand and reuse. For example, a Student object "
     "holds a name and grades."),
])
def test_another_subject_under_the_topic_word_covers_nothing(catalog, topic, said) -> None:
    result = score(said, catalog.get(topic))
    assert not any(layer.covered for layer in result.layers.values())


# ... while the topic itself, once its code uses it or a pillar is named, is heard
@pytest.mark.parametrize(("topic", "said", "layers"), [
    ("lambda", "A lambda is a small anonymous function. In our AWS job we sort the rows with "
     "sorted(rows, key=lambda row: row.date).", ("concept", "code")),
    ("oop", "Object-oriented code reuses behaviour through inheritance: a child class gets its "
     "parent's methods. For example, a SavingsAccount subclass of Account.",
     ("concept", "example")),
])
def test_the_topic_is_heard_beside_the_other_subject(catalog, topic, said, layers) -> None:
    result = score(said, catalog.get(topic))
    assert all(result.layers[layer].covered for layer in layers)


def test_no_private_attributes_in_python_said_in_any_order(catalog) -> None:
    # "python + no + private + attribute" is order-free: an ordered idea would call this
    # sentence a swapped claim
    said = ("Encapsulation bundles data with the methods that use it. No method or attribute is "
            "private in Python.")
    assert score(said, catalog.get("oop")).layers["trade_off"].covered


@pytest.mark.parametrize(("said", "concept"), [
    ("Functions are what a decorator takes as its input.", True),
    ("A function takes a decorator as its argument.", False),  # the other way round: wrong
    ("A decorator is a function that takes no arguments.", False),
])
def test_what_a_decorator_takes_said_function_first(catalog, said, concept) -> None:
    assert score(said, catalog.get("decorators")).layers["concept"].covered is concept


@pytest.mark.parametrize(("names", "example"), [
    # what the code's names are about adds up to a real case: an invoice mailed to a customer
    (("send_invoice", "customer_email", "invoice_total", "mail_server", "retry_queue"), True),
    (("safe_divide", "first_number", "second_number", "result_value", "backup_value"), False),
])
def test_the_names_in_code_can_tell_a_case(catalog, names, example) -> None:
    func, a, b, server, queue = names
    said = ("Exceptions, the way I use them:\n\n"
            f"def {func}({a}, {b}):\n"
            "    try:\n"
            f"        {server}.send({a}, {b})\n"
            "    except OSError:\n"
            f"        {queue}.append({a})\n")
    assert score(said, catalog.get("exceptions")).layers["example"].covered is example


@pytest.mark.parametrize(("things", "example"), [
    # two real-world things the snippet handles, each a name of its own: a login lookup
    (("users", "user", "password"), True),
    # what any program handles (a file read, a message printed) is no case
    (("files", "file", "message"), False),
])
def test_the_things_a_snippet_handles_can_tell_a_case(catalog, things, example) -> None:
    many, one, field = things
    said = ("A dict comprehension builds a dict from any iterable.\n\n"
            f"lookup = {{{one}['id']: {one}['{field}'] for {one} in {many}}}\n")
    assert score(said, catalog.get("comprehensions")).layers["example"].covered is example


def test_a_case_told_over_the_lines_of_a_snippet(catalog) -> None:
    # a timing decorator, told by its names over several lines, is the rubric's timing case
    timing = ("A decorator wraps a function in another one.\n\n"
              "def timer(function):\n"
              "    def wrapper(*args, **kwargs):\n"
              "        start = time.perf_counter()\n"
              "        result = function(*args, **kwargs)\n"
              "        print(function.__name__, 'took', time.perf_counter() - start)\n"
              "        return result\n"
              "    return wrapper\n")
    example = score(timing, catalog.get("decorators")).layers["example"]
    assert example.covered and "timer" in example.matched[0].said
    # Python's own names in a snippet tell no case: input() read and ValueError caught
    textbook = ("Exceptions let you handle errors where you can deal with them.\n\n"
                "try:\n    n = int(input('How many? '))\nexcept ValueError:\n"
                "    print('That is not a number')\n")
    assert not score(textbook, catalog.get("exceptions")).layers["example"].covered
    # nor do they name the topic: a snippet that reads like a case of another topic is none
    listing = ("Comprehensions build lists.\n\nresult = [\n    is_valid(row)\n"
               "    for row in rows\n]\n")
    assert not score(listing, catalog.get("decorators")).layers["example"].covered


def test_countries_and_their_capitals_in_code_are_a_real_case(catalog) -> None:
    said = ("A dict comprehension turns one mapping into another in a single expression.\n\n"
            "by_capital = {capital: country for country, capital in capitals.items()}\n"
            "big = [country for country, population in census if population > 50_000_000]\n")
    assert score(said, catalog.get("comprehensions")).layers["example"].covered


def test_an_alternative_then_what_it_does_better_is_a_comparison(catalog) -> None:
    lam = catalog.get("lambda")
    said = ("A lambda is a small anonymous function. For sort keys I use operator.itemgetter "
            "instead. It is quicker, since it runs in C.")
    assert score(said, lam).layers["trade_off"].covered
    # the alternative alone, then a plain fact about it, weighs nothing
    said = ("A lambda is a small anonymous function. For sort keys I use operator.itemgetter "
            "instead. It lives in the operator module.")
    assert not score(said, lam).layers["trade_off"].covered
    # the other way named, then the topic's way judged against it in the next sentence
    exc = catalog.get("exceptions")
    said = ("An exception jumps to the nearest except block that matches it. The alternative is "
            "to test every input before using it. Catching the error is usually simpler.")
    assert score(said, exc).layers["trade_off"].covered
    said = ("An exception jumps to the nearest except block that matches it. The alternative is "
            "to test every input before using it. Catching the error is simple.")
    assert not score(said, exc).layers["trade_off"].covered


def test_records_written_out_as_data_are_a_case(catalog) -> None:
    comp = catalog.get("comprehensions")
    said = ("A comprehension builds a new list from an iterable in one expression.\n\n"
            "loans = [\n"
            "    {\"title\": \"Dune\", \"due\": \"2024-03-01\", \"returned\": False},\n"
            "    {\"title\": \"Emma\", \"due\": \"2024-02-11\", \"returned\": True},\n"
            "]\n"
            "overdue = [loan[\"title\"] for loan in loans if not loan[\"returned\"]]\n")
    example = score(said, comp).layers["example"]
    assert example.covered and example.matched[0].said.startswith('{"title": "Dune"')
    # keys of a toy, or a dict printed in a comment, are no records
    toy = ("A comprehension builds a new list from an iterable in one expression.\n\n"
           "pairs = [{\"one\": 1, \"two\": 2}, {\"one\": 3, \"two\": 4}]\n"
           "sums = [p[\"one\"] + p[\"two\"] for p in pairs]  # {'x_val': 3, 'y_val': 7}\n")
    assert not score(toy, comp).layers["example"].covered




def test_a_wrapped_line_quoting_code_in_backticks_is_prose(catalog) -> None:
    notes = ("Generators are iterators and not iterables.\n"
             "This means that `iter(gen) == gen`, and you can\n"
             "only iterate over a generator once.\n")
    units = segment(notes)
    assert [notes[u.start:u.end] for u in units][1] == (
        "This means that `iter(gen) == gen`, and you can\nonly iterate over a generator once.")
    assert units[1].prose and units[1].code
    found = score(notes, catalog.get("generators")).layers
    assert found["trade_off"].covered and found["code"].covered
    # a line of code quoted whole is still a line of code
    assert not segment("`squares = [x * x for x in xs]`")[0].prose




def test_code_under_an_example_heading_tells_the_case_by_its_names(catalog) -> None:
    tuples = catalog.get("lists-tuples")
    notes = ("Tuples are immutable: their shape is fixed once they are made.\n\n"
             "### Example use case\n\n"
             "```python\n"
             "def get_user_info():\n"
             "    return (\"Alice\", 30, \"Engineer\")  # a tuple for a fixed structure\n"
             "```\n")
    assert score(notes, tuples).layers["example"].covered
    # ... a heading that announces nothing is no case
    assert not score(notes.replace("Example use case", "Returning several values"),
                     tuples).layers["example"].covered


def test_a_web_address_is_no_words_said(catalog) -> None:
    said = ("Catch the exceptions you expect. To learn more about exception handling read this "
            "article: https://www.example.com/sheena/python-exception-handling-ogr0a41t7 "
            "(shameless plug)")
    assert not score(said, catalog.get("exceptions")).layers["concept"].covered


@pytest.mark.parametrize(("topic", "said", "layer", "covered"), [
    # a library's name in CamelCase is its name: "NumPy" is "numpy"
    ("venv", "Each project gets its own virtual environment. My old project pins NumPy 1.21.",
     "example", True),
    # ... and NumPy, like SciPy, is what numeric code runs on, no setting of use
    ("gil", "The GIL is a lock around the interpreter. Many numpy calculations are unaffected by "
     "the GIL, but not all.", "example", False),
])
def test_a_library_named_in_camel_case(catalog, topic, said, layer, covered) -> None:
    assert score(said, catalog.get(topic)).layers[layer].covered is covered


@pytest.mark.parametrize("said", [
    "Virtual environments matter. When one is activated, any packages you install go only into "
    "that environment.",
    "Virtual environments are isolated sandboxes. An environment contains a specific version of "
    "Python and a specific set of packages.",
])
def test_what_a_virtual_environment_holds_is_its_concept(catalog, said) -> None:
    assert score(said, catalog.get("venv")).layers["concept"].covered


def test_a_parenthesis_heard_as_parent_is_no_parent_class(catalog) -> None:
    # "(" read out is heard "parent": no parent class the arguments are passed up to
    said = ("I use star args a lot. You write def total, parent asterisk args, close parent, "
            "and it sums them.")
    assert not score(said, catalog.get("args-kwargs")).layers["example"].covered


@pytest.mark.parametrize(("said", "cost"), [
    ("Simple, but useful.", False),
    ("Clean, but very readable.", False),
    ("Simple, but slow on big inputs.", True),
])
def test_praise_on_both_sides_of_a_but_is_no_comparison(catalog, said, cost) -> None:
    answer = "Star args collect extra positional arguments into a tuple: total(*prices). " + said
    assert score(answer, catalog.get("args-kwargs")).layers["trade_off"].covered is cost


def test_a_note_glossing_each_block_keyword_shows_no_code(catalog) -> None:
    exceptions = catalog.get("exceptions")
    notes = ("try: The block of code that might raise an exception.\n\n"
             "finally: The block of code that will always run, whatever happened.")
    assert not score(notes, exceptions).layers["code"].covered
    assert score("Exceptions are caught like this.\ntry: connect()\nfinally: close()",
                 exceptions).layers["code"].covered


@pytest.mark.parametrize(("said", "case"), [
    # the reason venvs exist, said in general, is no case of one
    ("Separate projects often rely on the same package but need different versions of it.",
     False),
    ("It lets you move between environments for other projects or other versions.", False),
    # ... a case names the versions, the library, or pictures the projects
    ("Our billing app needs version 1.4 of the library, the other app needs version 2.1.", True),
    ("One project is pinned to Django 3 while another runs on Django 4.", True),
    ("Suppose two projects use different versions of Python and an upgrade breaks one.", True),
])
def test_a_version_conflict_is_a_case_when_it_is_concrete(catalog, said, case) -> None:
    answer = "A virtual environment gives each project its own packages. " + said
    assert score(answer, catalog.get("venv")).layers["example"].covered is case


@pytest.mark.parametrize(("code", "case"), [
    # code that goes through real things and picks them by what they are gives a case
    ("active = [c.email for c in customers if c.is_active]", True),
    ("by_sku = {p.sku: p for p in products}", True),
    ("passed = [g for g in grades if g >= 50]", True),
    # ... not toy data, not what any program goes through, nor real things only listed
    ("evens = [n for n in numbers if n % 2 == 0]", False),
    ("sizes = [len(chunk) for chunk in chunks if chunk]", False),
    ("names = [c for c in customers]", False),
    ("emails = {c.email for c in customers if c is not None}", False),
])
def test_code_that_picks_real_things_is_an_example(catalog, code, case) -> None:
    answer = "A list comprehension builds a new list from an iterable in one line:\n" + code
    assert score(answer, catalog.get("comprehensions")).layers["example"].covered is case


@pytest.mark.parametrize(("said", "cost"), [
    ("Comprehensions allow complex expressions, even nested functions.", False),
    ("They support complicated conditions as well.", False),
    ("They get complex fast once you nest two loops.", True),
])
def test_what_comprehensions_make_possible_is_no_complexity_of_theirs(catalog, said,
                                                                       cost) -> None:
    answer = "A list comprehension builds a new list from an iterable. " + said
    assert score(answer, catalog.get("comprehensions")).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("topic", "said", "cost"), [
    # who may reach a thing and how is the rule the topic makes, no cost of it
    ("oop", "The balance is private: you can only change it through deposit() and withdraw().",
     False),
    ("args-kwargs", "Parameters after *args are keyword-only: they can only be passed by name.",
     False),
    ("generators", "A generator can only be iterated once, then it is exhausted.", True),
])
def test_only_reached_through_a_way_in_is_a_rule_not_a_cost(catalog, topic, said,
                                                             cost) -> None:
    answer = {"oop": "Encapsulation keeps an object's data behind its methods. ",
              "args-kwargs": "*args collects the extra positional arguments into a tuple. ",
              "generators": "A generator function uses yield to produce values lazily. "}[topic]
    assert score(answer + said, catalog.get(topic)).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("said", "cost"), [
    # a "but" inside words quoted is the quote's, not the speaker's turn to a judgement
    ('It ends the "my app needs Django 3 but yours needs Django 4" fight and keeps the system '
     'Python clean.', False),
    ("It keeps each project apart, but activating it every time is a bit annoying.", True),
    # "surprisingly" that makes praise stronger is no surprise met
    ("It is a surprisingly effective way to keep projects apart.", False),
    ("Activating it behaves surprisingly when you switch shells.", True),
])
def test_a_quoted_but_or_praise_made_stronger_is_no_cost(catalog, said, cost) -> None:
    answer = "A virtual environment gives a project its own interpreter and packages. " + said
    assert score(answer, catalog.get("venv")).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("said", "case"), [
    # cleaning up after the work, the case the finally block is for
    ("The finally block is typically used for releasing resources.", True),
    ("That is useful to close objects and clean up resources when a write fails.", True),
    # ... not code that only closes a handle
    ("def __exit__(self, *exc):\n    self.handle_obj.close()", False),
])
def test_cleanup_in_finally_is_the_case_it_is_for(catalog, said, case) -> None:
    answer = "With try and except you catch an exception and handle it. " + said
    assert score(answer, catalog.get("exceptions")).layers["example"].covered is case


def test_a_dash_starts_the_claim_over_as_a_comma_does(catalog) -> None:
    said = ("A list comprehension builds a new list in one expression. It is not just shorter "
            "\u2014 it is also often faster than the loop, because the loop runs in C.")
    assert score(said, catalog.get("comprehensions")).layers["trade_off"].covered


@pytest.mark.parametrize(("said", "cost"), [
    ("- Warning: the parent's __init__ no longer runs once the child defines its own.", True),
    ("Caution: a deep hierarchy is hard to follow.", True),
    ("Warnings: Python's warnings module reports deprecated calls.", False),
])
def test_a_caveat_labelled_as_one_is_a_trade_off(catalog, said, cost) -> None:
    answer = "Inheritance lets a child class reuse and override the parent's methods.\n" + said
    assert score(answer, catalog.get("oop")).layers["trade_off"].covered is cost


@pytest.mark.parametrize(("said", "case"), [
    # chaining generators is a way to use them, not yet a case of one
    ("You can chain small generators together into a pipeline.", False),
    ("Our log pipeline chains three generators: read, parse, filter.", True),
])
def test_a_pipeline_is_a_case_when_it_says_what_flows_through(catalog, said, case) -> None:
    answer = "A generator function uses yield to produce values one at a time. " + said
    assert score(answer, catalog.get("generators")).layers["example"].covered is case


@pytest.mark.parametrize(("comment", "concept"), [
    # a short remark in words, with a bracket, still says what the thing is
    ("# tuples are immutable (cannot change them)", True),
    # ... output shown in a comment says nothing
    ("# tuples are (1, 2) -> 'immutable'", False),
])
def test_a_short_remark_in_a_comment_can_say_what_it_is(catalog, comment, concept) -> None:
    snippet = "## Tuples\npoint = (4, 5)\n" + comment + "\nprint(point[0])"
    assert score(snippet, catalog.get("lists-tuples")).layers["concept"].covered is concept


def test_a_wrapper_that_passes_arguments_on_is_the_use_of_both(catalog) -> None:
    said = ("*args collects extra positional arguments into a tuple. You need it when you write "
            "wrapper functions that pass every argument on to the function they wrap.")
    assert score(said, catalog.get("args-kwargs")).layers["example"].covered


def test_a_python_type_written_with_a_capital_is_no_named_setting(catalog) -> None:
    said = "Tuples are immutable sequences, just like Lists, except that you cannot change them."
    assert not score(said, catalog.get("lists-tuples")).layers["example"].covered


def test_an_editor_that_supports_the_topic_is_no_use_of_it(catalog) -> None:
    said = ("A virtual environment keeps each project's packages apart. Good IDEs like Pycharm "
            "and Thonny offer support for working with them.")
    assert not score(said, catalog.get("venv")).layers["example"].covered


@pytest.mark.parametrize(("said", "cost"), [
    # processes costing memory is the GIL's workaround's price; data processed in little
    # memory is a generator's merit, said in an answer about something else
    ("With multiprocessing each process has its own memory, more than a thread needs.", True),
    ("Generators can process endless data streams in a constant amount of memory.", False),
])
def test_processes_cost_memory_but_processing_in_little_memory_is_no_cost(catalog, said,
                                                                          cost) -> None:
    assert score(said, catalog.get("gil")).layers["trade_off"].covered is cost


def test_an_answer_about_another_topic_lends_a_passing_mention_no_shapes(catalog) -> None:
    # an args answer that says once that args arrive "as a tuple" shows no code of tuples ...
    args = ("*args lets a function take any number of positional arguments and hands them over "
            "as a tuple: def total(*args): return sum(args), called as total(4, 5, 6). **kwargs "
            "takes any number of keyword arguments as a dict: def show(**kwargs): print(kwargs). "
            "Pass both on with def wrapper(*args, **kwargs).")
    assert score(args, catalog.get("args-kwargs")).layers["code"].covered
    assert not score(args, catalog.get("lists-tuples")).layers["code"].covered
    # ... nor a tuples answer whose snippet notes the TypeError any code of exceptions
    tuples = ("Tuples are sequences like lists, but a tuple is immutable.\n\n"
              "pair = (2, 'two')\nprint(pair[1])   # two\n"
              "pair[0] = 3      # TypeError: 'tuple' object does not support item assignment\n"
              "single = (7,)    # a tuple of one needs the comma\n")
    assert score(tuples, catalog.get("lists-tuples")).layers["code"].covered
    assert not score(tuples, catalog.get("exceptions")).layers["code"].covered
    # named once, with another topic named in passing, the topic's own code still counts
    caught = ("Catch the one exception you expect. Reading a tuple of settings:\n\n"
              "try:\n    host, port = settings['server']\nexcept KeyError:\n"
              "    host, port = DEFAULTS\n")
    assert score(caught, catalog.get("exceptions")).layers["code"].covered


def test_hard_only_at_first_is_a_learning_curve_not_a_cost(catalog) -> None:
    decorators = catalog.get("decorators")
    said = ("Decorators can be a little confusing at first. A decorator takes a function and "
            "returns a new function that wraps it.")
    assert not score(said, decorators).layers["trade_off"].covered
    said = ("List comprehensions are hard to read in the beginning, but they grow on you. A "
            "comprehension builds a new list from an iterable in one expression.")
    assert not score(said, catalog.get("comprehensions")).layers["trade_off"].covered
    # a cost of using them is one, said beside it or not
    said += " Nested ones with two conditions get hard to read, so I write a loop instead."
    assert score(said, catalog.get("comprehensions")).layers["trade_off"].covered
    said = ("A decorator takes a function and returns a new function that wraps it. The "
            "downside is hidden behaviour: stack traces show the wrapper.")
    assert score(said, decorators).layers["trade_off"].covered
    said = ("A decorator takes a function and returns a new one that wraps it. At first glance "
            "it's not easy to see where you would use one.")
    assert not score(said, decorators).layers["trade_off"].covered
    # what looks simple at first and then turns costly is a cost
    said = ("A comprehension builds a list in one expression. It looks simple at first, but "
            "nested comprehensions quickly become hard to read.")
    assert score(said, catalog.get("comprehensions")).layers["trade_off"].covered


def test_try_catch_is_the_construct_not_the_catch(catalog) -> None:
    said = ("Exceptions are errors raised while a program runs. Try catch is useful for when an "
            "error occurs, so the program does not stop.")
    assert not score(said, catalog.get("exceptions")).layers["trade_off"].covered
    said = ("Exceptions are errors raised while a program runs. The catch is that a bare except "
            "also swallows KeyboardInterrupt.")
    assert score(said, catalog.get("exceptions")).layers["trade_off"].covered


def test_a_class_hierarchy_of_vehicles_or_devices_is_a_modelled_case(catalog) -> None:
    oop = catalog.get("oop")
    said = ("Inheritance lets a subclass reuse and extend its parent.\n\n"
            "class Car:\n    def __init__(self, brand):\n        self.brand = brand\n\n"
            "class ElectricCar(Car):\n    def __init__(self, brand, battery=100):\n"
            "        super().__init__(brand)\n        self.battery = battery\n")
    assert score(said, oop).layers["example"].covered
    said = ("Inheritance lets a class reuse another's code: bicycles, buses and trucks inherit "
            "from a Vehicle class, and each overrides max_speed().")
    assert score(said, oop).layers["example"].covered
    said = ("Inheritance passes a parent's methods to its children.\n\n"
            "class emp:\n    def __init__(self, name):\n        self.name = name\n\n"
            "class manager(emp):\n    def __init__(self, name, salary):\n"
            "        emp.__init__(self, name)\n        self.salary = salary\n")
    assert score(said, oop).layers["example"].covered
    # (talking animals stay a toy, and a car that has an engine is composition's own toy)
    said = "Inheritance lets a subclass reuse its parent: a Dog class says woof, a Cat meow."
    assert not score(said, oop).layers["example"].covered
    said = "I'd favour composition: a car has an engine instead of inheriting one."
    assert not score(said, oop).layers["example"].covered


def test_another_topics_answer_covers_nothing_by_idea_either(catalog) -> None:
    # a decorators answer whose wrapper happens to use a comprehension shows no comprehension
    said = ("A decorator takes a function and returns a wrapper around it. This decorator "
            "converts every argument before the call, so the decorated function always gets "
            "floats:\n\n"
            "def as_floats(func):\n    def wrapper(*args):\n"
            "        return func(*[float(a) for a in args])\n    return wrapper\n\n"
            "@as_floats\ndef mean(*xs):\n    return sum(xs) / len(xs)\n")
    assert score(said, catalog.get("decorators")).layers["code"].covered
    assert not score(said, catalog.get("comprehensions")).layers["code"].covered


def test_yield_resuming_its_state_is_how_a_generator_works(catalog) -> None:
    said = ("def reverse(data):\n    for index in range(len(data) - 1, -1, -1):\n"
            "        yield data[index]  # yield hands back one item per next() call and "
            "resumes from the last state\n")
    assert score(said, catalog.get("generators")).layers["concept"].covered


def test_a_cost_told_in_a_comment_line_of_a_snippet_is_one(catalog) -> None:
    said = ("List comprehensions replace a for loop that appends.\n\n"
            "    squares = []\n    for n in nums:\n        squares.append(n * n)\n\n"
            "    print([n * n for n in nums])  # list comprehension\n    \n"
            "    # Doing a map + lambda, but less readable\n"
            "    print(list(map(lambda n: n * n, nums)))\n")
    assert score(said, catalog.get("comprehensions")).layers["trade_off"].covered
    # (a comment that gives no judgement is none: what a line does)
    said = said.replace(", but less readable", " instead")
    assert not score(said, catalog.get("comprehensions")).layers["trade_off"].covered


def test_one_thread_at_a_time_even_on_many_cores_is_the_gils_cost(catalog) -> None:
    gil = catalog.get("gil")
    said = ("The GIL is a lock in CPython. Even if your laptop has eight cores, Python still runs "
            "one thread at a time.")
    assert score(said, gil).layers["trade_off"].covered
    # (many threads, not many cores: the definition again)
    said = ("The GIL is a lock in CPython. Even if you start several threads, Python runs one "
            "thread at a time.")
    assert not score(said, gil).layers["trade_off"].covered


def test_what_the_topic_lacks_is_a_limit(catalog) -> None:
    said = ("A virtual environment gives a project its own interpreter and site-packages. "
            "Plain venv lacks a lock file, so two installs a month apart can differ.")
    assert score(said, catalog.get("venv")).layers["trade_off"].covered
