import pytest
from hypothesis import given
from hypothesis import strategies as st

from rehearse.text import (
    TermMap,
    normalize,
    parse_idea,
    parse_phrase,
    tokenize,
    without_emphasis,
    without_fillers,
)


def test_case_punctuation_and_contractions() -> None:
    assert normalize("It's FAST, isn't it? Don't; can't; won't.") == (
        "it is fast is not it do not can not will not")


def test_possessive_s_is_dropped_but_pronoun_s_is_is() -> None:
    assert normalize("the interpreter's lock") == "the interpret lock"
    assert normalize("that's it") == "that is it"


def test_numbers_as_words_and_digits_agree() -> None:
    assert normalize("one thread") == normalize("1 thread") == normalize("a single thread")[2:]


def test_spoken_and_typed_code_agree() -> None:
    assert normalize("**kwargs") == normalize("star star kwargs") == normalize("double asterisk kwargs")
    assert normalize("@log_calls") == normalize("at log calls") == normalize("at log underscore calls")
    assert normalize("functools.wraps") == normalize("functools dot wraps")
    assert normalize("python -m venv") == normalize("python dash m venv")
    assert normalize("__name__") == normalize("dunder name")
    assert normalize("n % 2 == 0") == normalize("n modulo two double equals zero")
    assert normalize("__init__") == normalize("double underscore init double underscore")


def test_inflections_fold() -> None:
    assert normalize("threads waiting") == normalize("thread waits")
    # irregular forms, which no stemmer folds, are listed in the thesaurus
    assert normalize("thrown then caught") == normalize("throw then catch")
    assert normalize("details hidden and state kept") == normalize("details hide and state keep")


def test_fillers_are_dropped() -> None:
    assert normalize("um so uh the erm GIL") == "so the gil"


def test_terms_fold_aliases_and_keep_the_source_span() -> None:
    terms = TermMap.with_terms({"gil": ["gill", "global interpreter lock"]})
    text = "The Global Interpreter Lock, or gill."
    tokens = tokenize(text, terms)
    assert [t.text for t in tokens] == ["the", "gil", "or", "gil"]
    assert text[tokens[1].start:tokens[1].end] == "Global Interpreter Lock"
    assert text[tokens[3].start:tokens[3].end] == "gill"


def test_global_terms_cover_common_spoken_forms() -> None:
    assert normalize("see python, I/O") == "cpython io"


def test_optional_words_in_phrases() -> None:
    phrase = parse_phrase("only one thread runs? python? bytecode")
    assert phrase.text == "only one thread runs python bytecode"
    assert phrase.required == ("onli", "1", "thread", "bytecod")
    assert phrase.optional == ("run", "python")
    assert phrase.words == {"only", "one", "thread", "bytecode"}


def test_code_parentheses_are_not_optional_marks() -> None:
    phrase = parse_phrase("pool.map(square, nums)")
    assert phrase.text == "pool.map(square, nums)" and phrase.optional == ()
    assert phrase.required == ("pool", "map", "squar", "num")


# Characters that Unicode normalisation expands or merges: "ß" -> "ss", "ﬁ" -> "fi", a
# full-width "Ｐ" -> "p", "e" + combining acute -> "é", "İ" -> "i̇" (two characters).
_TRICKY = "aßﬁﬂＰｙ\u00e9e\u0301İ\u2019Ωx"
_WORDS = st.text(alphabet=_TRICKY + "bcdthon", min_size=1, max_size=8)


@given(st.lists(st.tuples(_WORDS, st.sampled_from([" ", ", ", ". ", "\n", " — "])),
                min_size=1, max_size=12))
def test_spans_index_the_original_text_after_expanding_characters(parts) -> None:
    text = "".join(word + sep for word, sep in parts)
    plain = TermMap({})
    for token in tokenize(text, plain):
        # Re-reading the quoted slice of the ORIGINAL text gives back the same token (a
        # contraction, "a'd", gives two tokens for one span).
        assert token.text in [t.text for t in tokenize(text[token.start:token.end], plain)]


def test_evidence_after_expanding_characters_quotes_the_words_said(gil) -> None:
    from rehearse.scoring import score

    text = "Straße, ﬁne: in ＣＰython only one thread runs bytecode at a time."
    evidence = score(text, gil).layers["concept"].matched[0]
    assert evidence.said == "one thread runs bytecode at a time"
    assert text[evidence.start:evidence.end] == evidence.said


def test_camel_case_is_words_and_exception_classes_are_one() -> None:
    # A recogniser glues words ("ExceptionHandling"); code names classes in CamelCase.
    assert normalize("ExceptionHandling") == normalize("exception handling")
    text = "SavingsAccount raises KeyError"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["store", "account", "rais", "keyerror"]  # save = store
    assert [text[t.start:t.end] for t in tokens] == ["Savings", "Account", "raises", "KeyError"]
    assert normalize("key error") == normalize("KeyError") == "keyerror"
    # an acronym's plural is one word, not "CP" and "Us"; many CPUs run in parallel
    assert normalize("APIs and URLs") == "api and url"
    assert normalize("CPUs") == normalize("CPU") == "cpu"
    assert normalize("on multiple CPUs") == normalize("on multiple cores") == "on parallel"
    # a library's name is one word however it is cased: "NumPy", "PyTorch", "GitHub"
    assert normalize("NumPy and PyTorch on GitHub") == normalize("numpy and pytorch on github")


def test_a_one_character_alternative_is_an_alternative_of_its_own() -> None:
    # "other/2" and "short/1/concise" are alternatives; "I/O" is one word
    idea = parse_idea("project + different/other/2 + version")
    assert ("2",) in idea.terms[1].options and ("other",) in idea.terms[1].options
    assert [len(t.options) for t in parse_idea("short/1/concise + line").terms] == [3, 1]
    io_or_cpu = parse_idea("i/o bound/cpu bound + thread").terms[0].options
    assert len(io_or_cpu) == 2 and io_or_cpu[0] == ("io bound",)  # "I/O bound" is the term
    # digits are alternatives even side by side: "2/3/4" is three numbers, no "2 3 4"
    assert parse_idea("tuple + return + 2/3/4 + value").terms[2].options == (("2",), ("3",), ("4",))


def test_fillers_are_blanked_with_their_commas_and_code_is_left_alone() -> None:
    said = "A class is, uh, a blueprint, like, for objects."
    blank = without_fillers(said)
    assert len(blank) == len(said)  # every other character where it was
    assert blank.split() == ["A", "class", "is", "a", "blueprint", "for", "objects."]
    # a name in code that looks like a filler is a name
    assert without_fillers("er = compute()\nfor er in errors:") == "er = compute()\nfor er in errors:"
    # a word the speaker starts over with goes, a symbol dictated twice or a variable stays
    assert without_fillers("each venv, venv has a, a copy").split() == ["each", "venv", "has", "a",
                                                                        "copy"]
    assert without_fillers("n times n for n, n in nums").split() == ["n", "times", "n", "for",
                                                                     "n", "in", "nums"]
    for kept in ("star, star, kwargs", "lambda x, x times x"):
        assert without_fillers(kept) == kept
    # a hedge between commas goes with them; said as a claim of its own, it stays
    assert without_fillers("Generators, I guess, pause between values.").split() == [
        "Generators", "pause", "between", "values."]
    kept = "I think generators are lazy, sort of like a tap."
    assert without_fillers(kept) == kept



def test_emphasis_stars_are_blanked_and_code_stars_kept() -> None:
    said = "**Tuples** are *fixed* in size; 2 ** 10, x**2, f(*args, **kwargs)"
    plain = without_emphasis(said)
    assert len(plain) == len(said)  # every other character where it was
    assert plain.split() == ["Tuples", "are", "fixed", "in", "size;", "2", "**", "10,", "x**2,",
                             "f(*args,", "**kwargs)"]


@pytest.mark.parametrize(("text", "power"), [
    ("squared = list(map(lambda x: x ** 2, items))", True),
    ("sizes = [2**n for n in range(8)]", True),
    ("f(**opts)", False),
    ("merged = {**a, **b}", False),
    ("def f(a, **kwargs): ...", False),
    ("You use ** to go from a dictionary to keyword arguments.", False),
])
def test_the_power_operator_is_no_star_star(text, power) -> None:
    words = [t.text for t in tokenize(text)]
    assert ("power" in words) is power
    assert ("star" in words) is not power
