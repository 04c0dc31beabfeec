"""Normalise spoken or typed answers into canonical tokens that keep their source spans.

Rubric ideas and transcripts go through the same pipeline, so "**kwargs", "star star kwargs"
and "double asterisk kwargs" all become ``star star kwarg``, "don't" becomes ``do not``,
"one thread" becomes ``1 thread``, the shared thesaurus folds "executes" onto ``run`` and a
rubric's term aliases ("gill", "global interpreter lock") collapse to the term itself
(``gil``). Every token remembers the character span of the ORIGINAL text it came from (also
after characters that Unicode normalisation expands: "ß", "ﬁ", full-width forms, combining
accents), so evidence quotes exactly what the speaker said.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import Stemmer

from . import thesaurus
from .thesaurus import NEGATIONS, SPOKEN_FORMS, THESAURUS

# Raw pieces of text: a word (letters/digits, with an inner apostrophe for contractions) or one
# of the code symbols that people say out loud. Underscores and dots separate words, so
# `functools.wraps`, "functools dot wraps" and `__name__` / "dunder name" line up.
_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|\*\*|==|[*@=%+]")

# what stands around "**" used as the power operator: "x ** 2", "2**n" (not "f(**opts)",
# "{**a, **b}", nor "**" named in prose: "use ** to unpack", "the ** syntax")
_OPERAND_BEFORE = re.compile(r"[\w)\]]\s*$")
_SHORT_BEFORE = re.compile(r"(\b[a-z_]\w?|[\d)\]])\s*$", re.I)
_NUMBER_AFTER = re.compile(r"\s*[\d(]")
_NAME_AFTER = re.compile(r"\s*[a-z_]\w?\b", re.I)


def _raises_to_a_power(text: str, start: int, end: int) -> bool:
    """Whether the "**" at ``text[start:end]`` raises to a power: after an operand, before a
    number ("x ** 2"), or between two short names ("2**n", "x**y")."""
    before = max(0, start - 40)
    return bool(_OPERAND_BEFORE.search(text, before, start) and _NUMBER_AFTER.match(text, end)
                or _SHORT_BEFORE.search(text, before, start) and _NAME_AFTER.match(text, end))

_SYMBOLS: dict[str, tuple[str, ...]] = {
    "**": ("star", "star"),
    "*": ("star",),
    "@": ("at",),
    "==": ("equals",),
    "=": ("equals",),
    "%": ("mod",),
    "+": ("plus",),
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

_IRREGULAR_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
    # typed without the apostrophe
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"),
    "cant": ("can", "not"), "wont": ("will", "not"), "isnt": ("is", "not"),
    "arent": ("are", "not"), "wasnt": ("was", "not"), "werent": ("were", "not"),
    "shouldnt": ("should", "not"), "wouldnt": ("would", "not"), "couldnt": ("could", "not"),
    "hasnt": ("has", "not"), "havent": ("have", "not"), "mustnt": ("must", "not"),
}
_SUFFIX_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'m", "am"),
    ("'d", "would"),
)
# "'s" is "is" after these words and a possessive (dropped) after anything else.
_IS_BEFORE_S = frozenset(
    "it that there what where who how here he she this which everything something".split()
)

_NUMBERS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBERS.update(
    thirty="30", forty="40", fifty="50", sixty="60", seventy="70", eighty="80", ninety="90",
    hundred="100", thousand="1000", million="1000000", single="1",
)

# Spoken names of symbols and separators, folded onto the canonical token or dropped.
_SYNONYMS = {"asterisk": "star", "modulo": "mod", "modulus": "mod", "equal": "equals"}
_DOUBLED = frozenset({"star", "equals", "underscore"})
# What a speaker fills a pause with: no word of the answer.
FILLERS = ("um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm")
_DROPPED = frozenset(("dunder", "underscore", "dash", "hyphen", "dot", *FILLERS))
# ... with the commas a recogniser writes around it; "like" and "you know" are fillers only
# between commas or opening a sentence ("Like, it wraps it", "a class is, like, a blueprint"),
# and after "is like" only the pause is ("a class is like, a blueprint"); a hedge is one between
# commas ("decorators, I guess, wrap ...")
_FILLER = r"\b(?:" + "|".join(FILLERS) + r")\b"
_HEDGES = ("i guess", "i think", "i mean", "i believe", "i suppose", "i'd say", "of course",
           "you see", "so to speak", "so to say", "if you will", "in a sense", "in a way",
           "sort of", "kind of")
_SYMBOL_WORDS = (r"(?:star|asterisk|equals?|dot|slash|backslash|colon|comma|bracket|paren|brace"
                 r"|underscore|dash|minus|plus|times|quote|space)")
_PAUSE = re.compile(r"(,\s*)?" + _FILLER + r"\s*,|,\s*" + _FILLER  # (not "er = 1" in code)
                    + r"|(,\s*|(?:^|(?<=[.!?])\s+))(like|you know)\s*,"
                    # a hedge between commas: "what matters about decorators, I guess, is ..."
                    + r"|,\s*(" + "|".join(_HEDGES) + r")\s*,"
                    # a word said again after a comma, the speaker starting over: "a, a name",
                    # "each venv, venv takes" (no other name of one letter: "lambda x, x times x";
                    # nor a symbol dictated twice: "asterisk, asterisk, kwargs")
                    + r"|\b(?!" + _SYMBOL_WORDS + r"\b)(?P<again>[a-z]\w+|a|i)\s*,\s+(?=(?P=again)\b)"
                    + r"|\b(?P<name>[a-z])\s*,\s+(?=(?P=name)\s+in\b)"  # "for n, n in numbers"
                    r"|(?:(?<=\bis like)|(?<=\bare like)|(?<=\bwas like))\s*,", re.IGNORECASE)


# Emphasis in typed notes, "**Comprehensions** are a way to ...": its stars are no code
# ("**kwargs", "x**2", "2 ** 10" are: a word or a space on their outer side)
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*?)([^\s*][^*\n]*?(?<=[^\s*]))\1(?![\w*])")


def without_emphasis(text: str) -> str:
    """``text`` with the stars of markdown emphasis blanked out, every other character where it
    was: "**Comprehensions** are" reads as "  Comprehensions   are"."""
    return _EMPHASIS.sub(lambda m: " " * len(m[1]) + m[2] + " " * len(m[1]), text)


def without_fillers(text: str) -> str:
    """``text`` with each filler and the commas around it blanked out, and a word the speaker
    started over with, every other character where it was (so a span of the result is the same
    span of ``text``): "a class is, uh, a blueprint" reads as "a class is       a blueprint"."""
    return _PAUSE.sub(lambda m: " " * len(m.group()), text)

# Words that carry no evidence on their own. Negations are deliberately absent: "threads do
# not speed up CPU-bound work" must never be matched by "threads speed up CPU-bound work".
STOPWORDS = frozenset(
    """a an the and or but so if then than of to in on at for from with by as into onto about
    is are was were be been being am it its this that these those there here
    i you we they he she me us them my your our their his her
    do does did doing can could would should will shall may might must
    just really very quite also too some
    like well actually basically okay ok yeah right thing things stuff
    what which who whom whose how when where why let""".split()
)

class Token(NamedTuple):
    """One canonical token and the character span ``[start, end)`` of its source text (a named
    tuple: an answer makes hundreds, and a frozen dataclass is several times slower to build)."""

    text: str
    start: int
    end: int
    word: str = ""  # the word before stemming ("immutable" for "immut"), for antonym checks
    alias: bool = False  # folded from another spoken form or mishearing ("gill" for gil)


_STEMMER = Stemmer.Stemmer("english")  # Snowball (Porter2), in C: ~0.1 us a word


# Words whose Snowball stem is another word with another meaning: "useful" is not "use", a
# "customer" is not "custom", "in production" is not "in itertools.product", a "final" result
# is no "finally" clause, "responsibility" is no "response".
_OWN_STEM = {"useful": "useful", "usefulness": "useful", "customer": "customer",
             "customers": "customer", "production": "production", "finally": "finally",
             "finale": "finale", "productivity": "productivity", "productive": "productive",
             "specified": "specified", "unspecified": "unspecified",
             "responsibility": "responsibl", "responsibilities": "responsibl",
             "responsible": "responsibl",
             # "be careful" is a warning; "the thing I really care about" is none
             "careful": "careful", "carefully": "careful",
             # "coding challenges" are nothing "challenging"
             "challenge": "challenge", "challenges": "challenge",
             # "I hardly ever write one" says nothing "hard"
             "hardly": "hardly",
             # "from lower to upper case" says nothing "slower"
             "lower": "lower", "lowercase": "lowercase", "lowered": "lower",
             # "cons" are downsides; "con" is a recogniser's piece of "conda" or "condition"
             "cons": "cons",
             # "generate a million rows" names no generator
             "generate": "generate", "generates": "generate", "generated": "generate",
             "generating": "generate", "generation": "generation",
             # what a thing does ("it alters the functionality"), not a function
             "functionality": "functionality", "functionalities": "functionality",
             # "applicable to that environment only" names no application
             "applicable": "applicable", "inapplicable": "inapplicable"}


# ... and what they stand apart from, no fuzzy match finds them again ("generate" is ~0.9 of
# "generator", which their shared stem was)
OWN_STEMS = frozenset(_OWN_STEM.values())


def _stem(word: str) -> str:
    """Fold inflections so "threads"/"thread", "waiting"/"wait", "cached"/"cache" agree."""
    if word in _OWN_STEM:
        return _OWN_STEM[word]
    return _STEMMER.stemWord(word) if word.isalpha() else word


def _expand(piece: str) -> tuple[str, ...]:
    if piece in _SYMBOLS:
        return _SYMBOLS[piece]
    if piece in _IRREGULAR_CONTRACTIONS:
        return _IRREGULAR_CONTRACTIONS[piece]
    if "'" in piece:
        for suffix, word in _SUFFIX_CONTRACTIONS:
            if piece.endswith(suffix) and len(piece) > len(suffix):
                return (*_expand(piece[: -len(suffix)]), word)
        head, _, tail = piece.partition("'")
        if tail == "s":
            return (head, "is") if head in _IS_BEFORE_S else (head,)
        return (head + tail,)
    return (piece,)


@functools.lru_cache(maxsize=16384)
def _canonical(word: str) -> str | None:
    if word in _DROPPED:
        return None
    word = _NUMBERS.get(word, word)
    return _stem(word)


def _folded(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` case-folded and NFKC-normalised, with the original span of every output char.

    Normalisation can expand a character ("ß" -> "ss", "ﬁ" -> "fi") or merge a letter with its
    combining accents, so offsets into the folded text are mapped back through ``starts`` and
    ``ends``: folded char ``i`` came from ``text[starts[i]:ends[i]]``.
    """
    if text.isascii():
        folded = text.translate(_APOSTROPHES).lower()
        return folded, list(range(len(text))), list(range(1, len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j]).translate(_APOSTROPHES).casefold()
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


# names written in CamelCase that are one word however they are written ("GitHub" is "github")
_ONE_WORD_NAMES = frozenset({"github", "gitlab", "fastapi", "tensorflow", "javascript",
                             "typescript", "sqlalchemy", "postgresql", "mysql", "mongodb",
                             "youtube", "ipython"})
# where CamelCase is cut: "ValueError", "HTTPServer" (not an acronym's plural: "CPUs", "APIs")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])(?![A-Z]s$)")


@functools.lru_cache(maxsize=16384)
def _piece_words(original: str, piece: str) -> tuple[tuple[str, int, int], ...]:
    """The words of one piece of text (``piece`` is ``original`` folded), each with its span
    relative to the piece: split where the original writes CamelCase ("ValueError" is "value
    error", a recogniser's "ExceptionHandling" two words), contractions expanded, synonyms
    folded. Cached: an answer repeats its words, and so do answers."""
    if len(original) != len(piece) or original.islower() or not original.isascii() \
            or piece in _ONE_WORD_NAMES:
        parts = [(piece, 0, len(original))]
    else:
        cuts = [0, *(m.start() for m in _CAMEL.finditer(original)), len(original)]
        parts = [(piece[a:b], a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
        if any(original[a:b] == "Py" for _, a, b in parts):
            parts = [(piece, 0, len(original))]  # a Python library's name: "NumPy", "PyTorch"
    return tuple((_SYNONYMS.get(word, word), a, b) for part, a, b in parts
                 for word in _expand(part))


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"'`]+")


def _base_tokens(text: str) -> list[Token]:
    folded, starts, ends = _folded(text)
    # a web address is no words said: "read more at https://.../python-exception-handling"
    plain = _URL.sub(lambda m: " " * len(m.group()), without_emphasis(folded))
    words: list[tuple[str, int, int]] = []
    for m in _PIECE.finditer(plain):
        start, end = starts[m.start()], ends[m.end() - 1]
        if m.group() == "**" and _raises_to_a_power(plain, m.start(), m.end()):
            words.append(("power", start, end))  # "x ** 2" raises x to a power: no star star
            continue
        words.extend((word, start + a, start + b)
                     for word, a, b in _piece_words(text[start:end], m.group()))
    tokens: list[Token] = []
    for i, (word, start, end) in enumerate(words):
        if word == "double" and i + 1 < len(words) and words[i + 1][0] in _DOUBLED:
            # "double star" is "**" (two stars); "double equals", "double underscore" are one.
            word = "star" if words[i + 1][0] == "star" else "underscore"
        canonical = _canonical(word)
        if canonical:
            tokens.append(Token(canonical, start, end, word))
    return tokens


def _aliases(table: Mapping[str, Iterable[str]]) -> dict[tuple[str, ...], tuple[str, str]]:
    """{alias as canonical tokens: (the term's canonical text, its words)} of one table."""
    by_alias: dict[tuple[str, ...], tuple[str, str]] = {}
    for term, aliases in table.items():
        base = _base_tokens(term)
        canonical = " ".join(t.text for t in base)
        if not canonical:
            continue
        word = " ".join(t.word for t in base)
        for alias in (term, *aliases):
            words = tuple(t.text for t in _base_tokens(alias))
            if words and words != (canonical,):
                by_alias[words] = (canonical, word)
    return by_alias


# The shared tables, parsed once: every rubric's TermMap starts from them.
_SHARED_TABLE: dict[str, tuple[str, ...]] = {**SPOKEN_FORMS, **THESAURUS}
_SHARED = {**_aliases(SPOKEN_FORMS), **_aliases(THESAURUS)}


class TermMap:
    """Spoken forms, synonyms and mishearings folded onto one canonical term token.

    Built from ``{term: [alias, ...]}`` tables, later tables winning over earlier ones for the
    same alias; the longest alias wins where several start at the same place ("global
    interpreter lock" before "global").
    """

    def __init__(self, *tables: Mapping[str, Iterable[str]]) -> None:
        by_alias: dict[tuple[str, ...], tuple[str, str]] = {}
        for table in tables or (_SHARED_TABLE,):
            by_alias.update(_SHARED if table is _SHARED_TABLE else _aliases(table))
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for words, (canonical, word) in by_alias.items():
            self._by_first.setdefault(words[0], []).append((words, canonical, word))
        for options in self._by_first.values():
            options.sort(key=lambda option: len(option[0]), reverse=True)

    @classmethod
    def with_terms(cls, terms: Mapping[str, Iterable[str]]) -> TermMap:
        """The shared spoken forms and thesaurus plus a rubric's own ``terms`` (which win)."""
        return TermMap(_SHARED_TABLE, terms)

    def apply(self, tokens: Sequence[Token]) -> list[Token]:
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            for words, canonical, word in self._by_first.get(tokens[i].text, ()):
                n = len(words)
                if tuple(t.text for t in tokens[i : i + n]) == words:
                    out.append(Token(canonical, tokens[i].start, tokens[i + n - 1].end, word,
                                     True))
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out


_DEFAULT_TERMS = TermMap()


def tokenize(text: str, terms: TermMap | None = None) -> list[Token]:
    """Canonical tokens of ``text``, term aliases folded; stopwords are kept (see ``is_content``)."""
    return _how_often((terms or _DEFAULT_TERMS).apply(_base_tokens(text)), text)


_AVOID = _canonical("avoid")
_HOW_OFTEN = frozenset(c for w in ("much", "often", "lot", "frequently") if (c := _canonical(w)))
_SELDOM = "seldom"  # (its own stem)


def _how_often(tokens: list[Token], text: str) -> list[Token]:
    """``tokens`` with a "don't use" that tells how often ("I don't use them that much") no
    advice to avoid: it becomes "seldom"."""
    for i, token in enumerate(tokens):
        if token.text == _AVOID and token.alias \
                and text[token.start:token.end].lower().endswith("use") \
                and not _HOW_OFTEN.isdisjoint(t.text for t in tokens[i + 1:i + 4]):
            tokens[i] = token._replace(text=_SELDOM)
    return tokens


def unfolded(text: str) -> list[str]:
    """Canonical tokens of ``text`` with no alias folded ("can't be changed" stays three words,
    not "immutable")."""
    return [t.text for t in _base_tokens(text)]


_NEGATING_PREFIXES = ("im", "un", "in", "non", "dis", "ir", "il")


def negated(a: str, b: str) -> bool:
    """Whether one word is the other with a negating prefix: "mutable"/"immutable"."""
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) and long_[: len(long_) - len(short)] in _NEGATING_PREFIXES


def antonyms(words: Iterable[str]) -> frozenset[str]:
    """Every word that is one of ``words`` with a negating prefix added or taken away."""
    out: set[str] = set()
    for word in words:
        if len(word) < 3:
            continue
        out.update(prefix + word for prefix in _NEGATING_PREFIXES)
        out.update(word[len(prefix):] for prefix in _NEGATING_PREFIXES
                   if word.startswith(prefix) and len(word) > len(prefix))
    return frozenset(out)


_STOPWORDS_CANONICAL = frozenset(c for w in STOPWORDS if (c := _canonical(w)))
EXCESS = frozenset(c for w in thesaurus.EXCESS if (c := _canonical(w)))  # as tokens hold them


def is_content(word: str) -> bool:
    """Whether a canonical token can count as evidence (stopwords and fillers cannot)."""
    return word not in _STOPWORDS_CANONICAL


def normalize(text: str, terms: TermMap | None = None) -> str:
    """The canonical form of ``text`` as one space-separated string (for display and tests)."""
    return " ".join(t.text for t in tokenize(text, terms))


_OPTIONAL = re.compile(r"(?<!\S)(\S+)\?(?!\S)")


def parse_phrase(text: str, terms: TermMap | None = None) -> Phrase:
    """Split a rubric phrase into its display text, required tokens and optional ones.

    A word ending in "?" is optional: "only one thread runs? python? bytecode at a time".
    """
    required: list[Token] = []
    optional: list[Token] = []
    for i, part in enumerate(_OPTIONAL.split(text)):
        tokens = [t for t in tokenize(part, terms) if is_content(t.text)]
        (optional if i % 2 else required).extend(tokens)
    return Phrase(" ".join(_OPTIONAL.sub(r"\1", text).split()),
                  tuple(t.text for t in required), tuple(t.text for t in optional),
                  frozenset(t.word or t.text for t in required))


@dataclass(frozen=True)
class Phrase:
    text: str  # as shown to the user, without the optional-word marks
    required: tuple[str, ...]  # canonical content tokens that must all be heard, in order
    optional: tuple[str, ...]  # tokens marked with '?': widen the quote, never needed
    words: frozenset[str]  # the required words before stemming, for antonym checks


@dataclass(frozen=True)
class Term:
    """One key term of an idea: any of ``options`` (each a run of canonical tokens)."""

    options: tuple[tuple[str, ...], ...]
    after: bool  # must be heard after the term before it (written "a > b")


@dataclass(frozen=True)
class Idea:
    """A rubric idea as a few key terms heard together in one sentence."""

    text: str  # as written in the rubric, shown to the user
    terms: tuple[Term, ...]
    words: frozenset[str]  # the terms' words before stemming, for antonym checks
    negative: bool  # the idea itself holds a negation ("threads + not + speedup")
    span: int = 0  # most tokens the match may spread over (0: the default for its size)
    antonyms: frozenset[str] = frozenset()  # words that flip one of ``words`` ("immutable")
    clauses: bool = True  # ordered terms must be in one clause (old-form phrases: no)


_NEGATION_OPTIONS = {("not",), ("no",), ("never",), ("can", "not")}
_TERM_SPLIT = re.compile(r"\s*([+>])\s*")
# "lock/mutex", "other/2", "single/1/concise", "2/3", but not "I/O" (one letter on each side)
_OPTION_SPLIT = re.compile(r"(?<!\b[^\W\d])/|/(?![^\W\d]\b)")


def _option(text: str, terms: TermMap | None) -> tuple[tuple[str, ...], set[str]]:
    """One alternative's words. Stopwords are left out ("without a name" is heard as "without
    ... name"), unless that would leave one word that means something else: "too long",
    "even if", "check in" keep every word."""
    tokens = tokenize(text, terms)
    content = [t for t in tokens if is_content(t.text)]
    if len(content) <= 1:
        content = tokens
    return tuple(t.text for t in content), {t.word or t.text for t in content if is_content(t.text)}


def _idea_terms(text: str) -> list[tuple[bool, list[str]]]:
    """An idea's terms as written: (ordered after the one before, its alternatives)."""
    parts = _TERM_SPLIT.split(text.strip())
    return [(i > 0 and parts[i - 1] == ">", _OPTION_SPLIT.split(parts[i]))
            for i in range(0, len(parts), 2)]


def idea_alternatives(text: str) -> list[str]:
    """Every alternative of every term of an idea, as written ("lock/mutex + gil" gives lock,
    mutex, gil)."""
    return [alternative for _, alternatives in _idea_terms(text) for alternative in alternatives]


def parse_idea(text: str, terms: TermMap | None = None) -> Idea:
    """Parse "key + term/synonym + other term": terms heard in any order within one sentence
    (``>`` instead of ``+``: after the term before it); ``/`` separates alternatives; each
    alternative may be several words, heard together."""
    parsed: list[Term] = []
    words: set[str] = set()
    for ordered, alternatives in _idea_terms(text):
        options = []
        for alternative in alternatives:
            option, raw = _option(alternative, terms)
            # "not" stands for every negation: "never", "no", "without" ...
            expanded = [(w,) for w in sorted(NEGATIONS)] if option in _NEGATION_OPTIONS \
                else [option]
            for one in expanded:
                if one and one not in options:
                    options.append(one)
            words |= raw
        if options:
            parsed.append(Term(tuple(options), ordered))
    negative = any(w in NEGATIONS for term in parsed for option in term.options for w in option)
    return Idea(" ".join(text.split()), tuple(parsed), frozenset(words), negative,
                antonyms=antonyms(words))


def phrase_as_idea(text: str, terms: TermMap | None = None) -> Idea:
    """An old-form rubric phrase ("only one thread runs? python? bytecode") as an idea whose
    required words must come in order; "?" words were only ever optional and are dropped."""
    phrase = parse_phrase(text, terms)
    parsed = tuple(Term(((word,),), i > 0) for i, word in enumerate(phrase.required))
    negative = any(w in NEGATIONS for w in phrase.required)
    n = len(phrase.required)
    return Idea(phrase.text, parsed, phrase.words, negative, span=2 * (n + max(2, n)),
                antonyms=antonyms(phrase.words),
                clauses=False)
