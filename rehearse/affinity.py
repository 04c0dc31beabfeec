"""Which topic an answer is about when it never names one: by each rubric's own words.

A candidate answering "what are *args and **kwargs?" aloud may never say either name: "in a
public function I stay away from them, spelled-out parameters document themselves, and a mistyped
keyword fails at once". The words are still plainly the topic's. Each rubric's words (its topic
terms, vocabulary, term aliases and the key terms of its ideas) are weighed by how few of the
known topics share them. An answer is about the asked topic by its words when:

* that topic's words weigh at least MIN_WEIGHT (four or so words no other topic uses) and
  outweigh every other topic's by MARGIN;
* it says a word of the topic's own jargon (its topic terms, ``vocabulary`` and ``[terms]``): a
  story about reading a whole file into a list is no answer about generators;
* it says none of the topic's ``context`` words, which are the topic's only once it is named
  (threads for I/O alone are no GIL, pip alone no virtual environment; heard through the
  rubric's ``[terms]``, so "random number generator" is generators' ``rng``, no generator);
* it names no other topic ("tuple", "decorator", "venv" ...).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .rubric import Rubric, builtin_rubrics_dir, load_rubric
from .text import TermMap, is_content, tokenize

MIN_WEIGHT = 8.0
MARGIN = 1.3

_IDEA_TERMS = re.compile(r"[/+>]")


@dataclass(frozen=True)
class _Topic:
    names: frozenset[tuple[str, ...]]  # its topic terms and their aliases, word by word
    words: frozenset[str]  # every content word of the rubric but its context words
    jargon: frozenset[str]  # ... of them, those of its topic terms, vocabulary and [terms]
    context: frozenset[tuple[str, ...]]  # its context terms, word by word (through its terms)
    terms: TermMap | None  # the rubric's [terms], which an answer's context words are heard through


class Affinity:
    """The words of several topics, weighed against each other."""

    def __init__(self, rubrics: Iterable[Rubric]) -> None:
        self.topics = {rubric.id: _topic(rubric) for rubric in rubrics}
        shared = Counter(word for topic in self.topics.values() for word in topic.words)
        n = len(self.topics)
        self.weights: Mapping[str, Mapping[str, float]] = {
            id_: {word: math.log(n / shared[word]) for word in topic.words if shared[word] < n}
            for id_, topic in self.topics.items()}

    def about(self, text: str, asked: str) -> bool:
        """Whether ``text`` is about the topic ``asked`` by its words alone."""
        topic = self.topics.get(asked)
        if topic is None or len(self.topics) < 2:
            return False
        words = [t.text for t in tokenize(text)]
        heard = set(words)
        if heard.isdisjoint(topic.jargon):
            return False
        if topic.context:
            folded = [t.text for t in tokenize(text, topic.terms)]
            if _says(folded, set(folded), topic.context):
                return False
        weight = {id_: sum(w for word, w in weights.items() if word in heard)
                  for id_, weights in self.weights.items()}
        others = max(w for id_, w in weight.items() if id_ != asked)
        if weight[asked] < MIN_WEIGHT or weight[asked] < MARGIN * others:
            return False
        return not any(_says(words, heard, other.names) for id_, other in self.topics.items()
                       if id_ != asked)

    def named_elsewhere(self, text: str, asked: str) -> int:
        """How many times ``text`` names the topic it names most, ``asked`` aside."""
        words = [t.text for t in tokenize(text)]
        heard = set(words)
        return max((sum(_times(words, heard, name) for name in topic.names)
                    for id_, topic in self.topics.items() if id_ != asked), default=0)


def _topic(rubric: Rubric) -> _Topic:
    named = [form for term in rubric.topic for form in (term, *rubric.terms.get(term, ()))]
    own = [*rubric.topic, *rubric.vocabulary,
           *(form for term, aliases in rubric.terms.items() for form in (term, *aliases))]
    ideas = [part.strip() for layer in rubric.layers.values() for idea in layer.evidence
             for phrase in idea.phrases for part in _IDEA_TERMS.split(phrase)]
    context = _content(rubric.context)
    jargon = _content(own) - context
    terms = rubric.term_map if rubric.context else None  # (built only where it is read)
    return _Topic(_sequences(named), jargon | (_content(ideas) - context), jargon,
                  _sequences(rubric.context, terms), terms)


def _content(phrases: Iterable[str]) -> frozenset[str]:
    """The content words of ``phrases`` (not a number: "one" is no word of a topic)."""
    return frozenset(t.text for phrase in set(phrases) for t in tokenize(phrase)
                     if is_content(t.text) and not t.text.isdigit())


def _sequences(phrases: Iterable[str], terms: TermMap | None = None
               ) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(t.text for t in tokenize(phrase, terms)) for phrase in phrases)


def _says(words: Sequence[str], heard: set[str],
          names: Iterable[tuple[str, ...]]) -> bool:
    """Whether ``words`` (the set of which is ``heard``) hold one of ``names`` in order."""
    return any(_times(words, heard, name) for name in names)


def _times(words: Sequence[str], heard: set[str], name: tuple[str, ...]) -> int:
    """How many times ``words`` (the set of which is ``heard``) say ``name``, word by word."""
    if not name or not heard.issuperset(name):
        return 0
    n = len(name)
    if n == 1:
        return words.count(name[0])
    return sum(tuple(words[i:i + n]) == name for i in range(len(words) - n + 1))


@functools.cache
def _shipped() -> dict[str, Rubric]:
    # (their phrases are checked by the tests: reading them is a third of the time)
    rubrics = (load_rubric(path, check_phrases=False)
               for path in sorted(builtin_rubrics_dir().glob("*.toml")))
    return {rubric.id: rubric for rubric in rubrics}


_WITH_SHIPPED: dict[str, Affinity] = {}


def with_shipped(rubric: Rubric) -> Affinity:
    """The shipped topics' words weighed against each other, ``rubric`` in place of its own
    id's (a user's rubric overrides a shipped one, or joins them). Built the first time an
    answer names no topic: the other topics are read then."""
    if rubric.ref not in _WITH_SHIPPED:
        _WITH_SHIPPED[rubric.ref] = Affinity({**_shipped(), rubric.id: rubric}.values())
    return _WITH_SHIPPED[rubric.ref]
