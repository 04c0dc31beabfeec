"""Rubrics: one TOML file per topic, loaded with tomllib and validated key by key.

The format is documented in the README ("Rubric format"). A rubric names its own layers, so the
four of a technical answer (concept, example, code, trade_off) are a convention of the shipped
rubrics, not a limit: a user's rubric may use situation/task/action/result.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RubricError, UnknownTopic, UsageError

if TYPE_CHECKING:  # the tokenizer is imported when a rubric is checked in full or scored
    from .text import TermMap

STANDARD_LAYERS = ("concept", "example", "code", "trade_off")
SHAPES = STANDARD_LAYERS  # each standard layer has a rubric-free shape (rehearse.shapes)

# Words the command line uses itself; a topic may not take them (`rehearse topics` must list
# topics, not practise one called "topics").
RESERVED_TOPIC_IDS = frozenset(
    """topics card rubric practice devices doctor mic history show play compare progress plan
    rescore retry delete export help version""".split()
)

_TOPIC_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_WORD = re.compile(r"[^\W_]")
_TERMS = re.compile(r"[+>]")  # what separates an idea's terms (as rehearse.text parses them)
_LAYER_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
MAX_RUBRIC_BYTES = 1_000_000


@dataclass(frozen=True)
class Idea:
    """One piece of evidence: an idea and how to hear it.

    New form: one ``phrases`` entry, the idea's key terms ("gil + lock/mutex"). Old form
    (``legacy``): several phrases whose words must all be heard in order.
    """

    idea: str
    phrases: tuple[str, ...]
    legacy: bool = False


@dataclass(frozen=True)
class Layer:
    name: str
    label: str
    cue: str
    next_step: str
    needed: int
    evidence: tuple[Idea, ...]
    shape: str | None = None  # the rubric-free shape that also covers it (rehearse.shapes)


@dataclass(frozen=True)
class FollowUp:
    question: str
    answer: str
    expects: tuple[str, ...]
    needed: int
    layer: str | None


@dataclass(frozen=True)
class Rubric:
    id: str
    title: str
    question: str
    version: int
    digest: str
    layers: Mapping[str, Layer]
    terms: Mapping[str, tuple[str, ...]]
    follow_ups: tuple[FollowUp, ...]
    vocabulary: tuple[str, ...] = ()  # jargon to prime the speech recogniser with
    topic: tuple[str, ...] = ()  # terms that make a sentence about this topic (shape gate)
    # terms that do so only once the answer has named a ``topic`` term: a neighbouring subject
    # ("thread" for the GIL) that an answer about something else talks about too; in ideas too,
    # they are heard only then ("pip install" is a venv's code once the venv is named)
    context: tuple[str, ...] = ()
    # words other topics use as much ("memory" for generators): an idea's alternative that is
    # one of them is heard only once the answer has named a ``topic`` term, and they make no
    # sentence about the topic (an answer about lists held in memory is no generator's)
    shared: tuple[str, ...] = ()
    # words that show the topic's own word names something else ("aws" for lambda: AWS Lambda,
    # the cloud service): an answer that says one covers nothing unless its code uses the topic
    elsewhere: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # advice for the author (`rehearse rubric check` prints it)
    path: Path | None = None
    source: str = "built-in"

    @cached_property
    def term_map(self) -> TermMap:
        """The shared spoken forms and thesaurus plus this rubric's ``terms`` (which win).

        Built on first use (`parse_rubric` hands over the one it checked the phrases with), so
        that listing the topics needs no tokenizer."""
        from .text import TermMap

        return TermMap.with_terms(self.terms)

    @property
    def ref(self) -> str:
        """What a stored score records: ``gil@1#3f2a9c0d1b2e`` (id, version, content hash)."""
        return f"{self.id}@{self.version}#{self.digest}"

    def to_dict(self) -> dict[str, Any]:
        """The topic as ``topics --json`` lists it."""
        return {"id": self.id, "title": self.title, "question": self.question,
                "source": self.source, "layers": list(self.layers), "rubric": self.ref,
                "path": str(self.path) if self.path else None}

    def card_dict(self) -> dict[str, Any]:
        """The cue card (``card --json``): the question, each layer's cue, one follow-up."""
        return {"topic": self.id, "question": self.question,
                "layers": {n: {"label": layer.label, "cue": layer.cue}
                           for n, layer in self.layers.items()},
                "follow_up": self.follow_ups[0].question if self.follow_ups else None}


def _default_next_step(name: str, label: str, cue: str) -> str:
    return {
        "concept": f"Open with one plain sentence that defines it: {cue}",
        "example": f"Name one real situation where you would use it: {cue}",
        "code": f"Say one short snippet out loud, symbol by symbol: {cue}",
        "trade_off": f"Close with when you would not use it, and why: {cue}",
    }.get(name, f"Add the {label} part: {cue}")


class _Reader:
    """Typed access to a TOML table that reports problems as ``file: key: what is wrong``."""

    def __init__(self, path: object, table: Mapping[str, Any], key: str = "") -> None:
        self.path = path
        self.table = table
        self.key = key

    def fail(self, problem: str, key: str | None = None) -> RubricError:
        return RubricError(self.path, problem, key if key is not None else (self.key or None))

    def _sub(self, name: str) -> str:
        return f"{self.key}.{name}" if self.key else name

    def check_keys(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for name in self.table:
            if name not in allowed:
                import difflib

                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
                raise self.fail(f"unknown key ({hint})", self._sub(name))

    def _get(self, name: str, required: bool) -> Any:
        if self.table.get(name) is None:  # TOML has no null; a parsed dict from elsewhere may
            if required:
                raise self.fail("missing (required)", self._sub(name))
            return None
        return self.table[name]

    def text(self, name: str, required: bool = True) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"expected non-empty text, got {_describe(value)}", self._sub(name))
        return " ".join(value.split())

    def integer(self, name: str, default: int, minimum: int = 1) -> int:
        value = self._get(name, False)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(
                f"expected a whole number >= {minimum}, got {_describe(value)}", self._sub(name)
            )
        return value

    def texts(self, name: str, required: bool = True) -> tuple[str, ...]:
        value = self._get(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not value:
            raise self.fail(f"expected a non-empty list of text, got {_describe(value)}", self._sub(name))
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"expected non-empty text, got {_describe(item)}", f"{self._sub(name)}[{i}]")
        return tuple(" ".join(item.split()) for item in value)

    def table_at(self, name: str, required: bool = True) -> _Reader | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(f"expected a table, got {_describe(value)}", self._sub(name))
        return _Reader(self.path, value, self._sub(name))

    def tables(self, name: str) -> list[_Reader]:
        value = self._get(name, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"expected a list of tables, got {_describe(value)}", self._sub(name))
        return [_Reader(self.path, v, f"{self._sub(name)}[{i}]") for i, v in enumerate(value)]


def _describe(value: Any) -> str:
    kind = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)
    shown = json.dumps(value, default=str)
    return f"{kind} {shown[:40] + '...' if len(shown) > 40 else shown}"


def _check_phrases(reader: _Reader, key: str, phrases: Sequence[str], terms: TermMap | None,
                   new_form: bool = False) -> None:
    """``terms`` None: only the checks that need no tokenizer (see ``parse_rubric``)."""
    for i, phrase in enumerate(phrases):
        if new_form and not _WORD.search(phrase):  # what parse_idea would find no term in
            raise reader.fail(f"idea {phrase!r} has no words to listen for", f"{key}[{i}]")
        if new_form and any(not term.strip() for term in _TERMS.split(phrase)):
            raise reader.fail(f"idea {phrase!r} has an empty term (two signs in a row, or one "
                              "at an end?)", f"{key}[{i}]")
        silent = _silent_alternative(phrase, terms) if new_form and terms is not None else None
        if silent is not None:
            raise reader.fail(f"idea {phrase!r}: {silent!r} leaves no word to listen for (the "
                              "judge drops underscore, dot, dash, dunder and fillers): say it "
                              "in words a speaker would use, or leave it out", f"{key}[{i}]")
        if new_form and terms is not None and not _has_a_content_term(phrase, terms):
            raise reader.fail(f"idea {phrase!r} is only stopwords, which almost every sentence "
                              "holds: add a word that carries the idea", f"{key}[{i}]")
        if not new_form and terms is not None and not _has_required_words(phrase, terms):
            raise reader.fail(
                f"phrase {phrase!r} has no required words that can count as evidence "
                "(only stopwords, fillers or optional words?)",
                f"{key}[{i}]",
            )


def _has_a_content_term(idea: str, terms: TermMap) -> bool:
    """Whether some term of ``idea`` has a word that is no stopword ("for > in > args" has;
    "the + a" has not)."""
    from .text import is_content, parse_idea

    return any(is_content(word) for term in parse_idea(idea, terms).terms
               for option in term.options for word in option)


def _silent_alternative(idea: str, terms: TermMap) -> str | None:
    """An alternative of ``idea`` that the tokenizer drops whole ("double underscore", "dot"):
    it could never be heard, so the author's intent would be silently lost."""
    from .text import idea_alternatives, tokenize

    return next((alternative for alternative in idea_alternatives(idea)
                 if not tokenize(alternative, terms)), None)


def _has_required_words(phrase: str, terms: TermMap) -> bool:
    from .text import parse_phrase

    return bool(parse_phrase(phrase, terms).required)


def parse_rubric(data: Mapping[str, Any], path: object = "<rubric>", default_id: str | None = None,
                 source: str = "built-in", check_phrases: bool = True) -> Rubric:
    """Validate a parsed TOML document and build a :class:`Rubric`. Raises :class:`RubricError`.

    ``check_phrases=False`` leaves out the one check that needs the tokenizer and the rubric's
    term map (that each old-form phrase and follow-up ``expects`` has a word that can count as
    evidence): what ``Catalog.listing`` does for a shipped rubric not used yet. Every other
    check is made, in the same order.
    """
    root = _Reader(path, data)
    root.check_keys(["id", "title", "question", "version", "vocabulary", "topic", "context",
                     "shared", "elsewhere", "terms", "layers", "follow_ups"])
    topic = root.text("id", required=default_id is None) or default_id
    assert topic is not None
    if not _TOPIC_ID.fullmatch(topic):
        raise root.fail(
            f"{topic!r} is not a valid topic id (lowercase letters, digits, '-' and '_'; "
            "it must start with a letter or digit)", "id")
    if topic in RESERVED_TOPIC_IDS:
        raise root.fail(f"{topic!r} is a rehearse command; choose another topic id", "id")

    terms: dict[str, tuple[str, ...]] = {}
    term_reader = root.table_at("terms", required=False)
    if term_reader:
        for name in term_reader.table:
            terms[name] = term_reader.texts(name)
    term_map: TermMap | None = None
    if check_phrases:
        from .text import TermMap

        term_map = TermMap.with_terms(terms)

    layers_reader = root.table_at("layers")
    assert layers_reader is not None
    if not layers_reader.table:
        raise root.fail("needs at least one layer, e.g. [layers.concept]", "layers")
    layers: dict[str, Layer] = {}
    legacy: list[str] = []
    for name in layers_reader.table:
        if not _LAYER_NAME.fullmatch(name):
            raise root.fail("layer names are lowercase letters, digits and '_'", f"layers.{name}")
        lr = layers_reader.table_at(name)
        assert lr is not None
        lr.check_keys(["label", "cue", "next_step", "needed", "ideas", "shape", "evidence"])
        label = lr.text("label", required=False) or name.replace("_", "-")
        cue = lr.text("cue")
        assert cue is not None
        ideas: list[Idea] = []
        anchors = lr.texts("ideas", required=False)
        _check_phrases(lr, f"layers.{name}.ideas", anchors, term_map, new_form=True)
        ideas.extend(Idea(anchor, (anchor,)) for anchor in anchors)
        for er in lr.tables("evidence"):
            er.check_keys(["idea", "phrases"])
            phrases = er.texts("phrases")
            _check_phrases(er, f"{er.key}.phrases", phrases, term_map)
            ideas.append(Idea(er.text("idea") or "", phrases, legacy=True))
        if lr.table.get("evidence"):
            legacy.append(name)
        shape = lr.text("shape", required=False) or (name if name in SHAPES else "none")
        if shape not in (*SHAPES, "none"):
            raise lr.fail(f"unknown shape {shape!r} (one of: {', '.join(SHAPES)}, none)",
                          f"layers.{name}.shape")
        if not ideas and shape == "none":
            raise lr.fail("needs ideas = [...] (or a shape)", f"layers.{name}.ideas")
        needed = lr.integer("needed", 1)
        count = len(ideas) + (shape != "none")  # a shape counts as one idea
        if needed > count:
            plural = "" if count == 1 else "s"
            shaped = " (its shape counts as one)" if shape != "none" else ""
            raise lr.fail(f"is {needed} but the layer has only {count} idea{plural}{shaped}",
                          f"layers.{name}.needed")
        next_step = lr.text("next_step", required=False) or _default_next_step(name, label, cue)
        layers[name] = Layer(name, label, cue, next_step, needed, tuple(ideas),
                             None if shape == "none" else shape)

    follow_ups: list[FollowUp] = []
    for fr in root.tables("follow_ups"):
        fr.check_keys(["question", "answer", "expects", "needed", "layer"])
        expects = fr.texts("expects")
        _check_phrases(fr, f"{fr.key}.expects", expects, term_map)
        layer = fr.text("layer", required=False)
        if layer is not None and layer not in layers:
            raise fr.fail(f"names layer {layer!r}, which this rubric does not define", f"{fr.key}.layer")
        needed = fr.integer("needed", 1)
        if needed > len(expects):
            raise fr.fail(f"is {needed} but only {len(expects)} phrases are expected", f"{fr.key}.needed")
        follow_ups.append(FollowUp(fr.text("question") or "", fr.text("answer", required=False) or "",
                                   expects, needed, layer))

    vocabulary = root.texts("vocabulary", required=False) or tuple(terms)
    topic_terms = root.texts("topic", required=False) or _default_topic(topic, terms)
    context_terms = root.texts("context", required=False) or ()
    shared_terms = root.texts("shared", required=False) or ()
    elsewhere_terms = root.texts("elsewhere", required=False) or ()
    notes: tuple[str, ...] = ()
    if legacy:
        notes = (f"layers {', '.join(legacy)} use the old [[evidence]] phrase lists: they still "
                 "work (each phrase's words in order), but the short form hears more ways of "
                 "saying it. Convert each [[layers.X.evidence]] table into one line of "
                 "layers.X.ideas, its key words joined by ' + ' and synonyms by '/': "
                 "phrases = [\"only one thread runs python bytecode at a time\", \"threads take "
                 "turns holding the gil\"] becomes ideas = [\"one thread + at a time\", "
                 "\"thread + turns + gil\"] (see the README, \"How an idea matches\").",)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    rubric = Rubric(
        id=topic,
        title=root.text("title") or "",
        question=root.text("question") or "",
        version=root.integer("version", 1),
        digest=hashlib.sha256(canonical.encode()).hexdigest()[:12],
        layers=layers,
        terms=terms,
        follow_ups=tuple(follow_ups),
        vocabulary=vocabulary,
        topic=topic_terms,
        context=context_terms,
        shared=shared_terms,
        elsewhere=elsewhere_terms,
        notes=notes,
        path=path if isinstance(path, Path) else None,
        source=source,
    )
    if term_map is not None:  # the cached_property's value: built once
        vars(rubric)["term_map"] = term_map
    return rubric


def _default_topic(topic: str, terms: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """With no ``topic`` list: the topic id's words and the rubric's ``[terms]``."""
    return tuple(dict.fromkeys([*topic.replace("_", "-").split("-"), *terms]))


def load_rubric(path: Path, source: str = "built-in", check_phrases: bool = True) -> Rubric:
    """Read and validate one rubric file (``check_phrases``: see ``parse_rubric``). Raises
    :class:`RubricError` naming the file."""
    try:
        if path.stat().st_size > MAX_RUBRIC_BYTES:
            raise RubricError(path, f"larger than {MAX_RUBRIC_BYTES // 1000} kB; is this a rubric?")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RubricError(path, "no such file") from None
    except IsADirectoryError:
        raise RubricError(path, "is a folder, not a .toml file") from None
    except OSError as exc:
        raise RubricError(path, f"cannot read it ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RubricError(path, "not UTF-8 text; save it as UTF-8 TOML") from None
    except tomllib.TOMLDecodeError as exc:
        raise RubricError(path, f"TOML syntax error: {exc}") from None
    return parse_rubric(data, path, default_id=path.stem, source=source,
                        check_phrases=check_phrases)


def builtin_rubrics_dir() -> Path:
    """The shipped rubrics: inside the installed wheel, or the checkout's top-level ``rubrics/``."""
    packaged = Path(__file__).with_name("_rubrics")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "rubrics"


def load_folder(folder: Path, source: str = "user") -> dict[Path, Rubric | RubricError]:
    """Every ``*.toml`` in ``folder``: the rubric, or why it is broken (a topic id defined twice
    in one folder is an error on the second file)."""
    results: dict[Path, Rubric | RubricError] = {}
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            rubric = load_rubric(path, source)
        except RubricError as exc:
            results[path] = exc
            continue
        if rubric.id in seen:
            results[path] = RubricError(
                path, f"topic {rubric.id!r} is already defined in {seen[rubric.id].name}", "id")
            continue
        seen[rubric.id] = path
        results[path] = rubric
    return results


def load_for_check(path: Path | None, folders: Sequence[tuple[Path, str]]) -> dict[
        Path, Rubric | RubricError]:
    """What ``rubric check`` validates: a file, a folder, or (``path`` None) every folder."""
    if path is None:
        results: dict[Path, Rubric | RubricError] = {}
        for folder, source in folders:
            if folder.is_dir():
                results.update(load_folder(folder, source))
        return results
    if path.is_dir():
        results = load_folder(path)
        if not results:
            raise UsageError(f"no .toml rubric files in {str(path)!r}")
        return results
    if not path.exists():
        raise UsageError(f"{str(path)!r} does not exist")
    try:
        return {path: load_rubric(path, "user")}
    except RubricError as exc:
        return {path: exc}


def load_catalog(extra: Path | None = None) -> Catalog:
    """The shipped rubrics, then the user's (data home), then ``extra`` (``--rubrics DIR``)."""
    from .paths import user_rubrics_dir

    folders = [(builtin_rubrics_dir(), "built-in"), (user_rubrics_dir(), "user")]
    if extra is not None:
        if not extra.is_dir():
            raise UsageError(f"--rubrics {str(extra)!r} is not a folder")
        folders.append((extra, str(extra)))
    return Catalog(folders)


class Catalog:
    """All known topics. Later folders override earlier ones topic by topic.

    A broken file does not hide the other topics: its error is kept (by file name) and raised
    when its topic is asked for. The shipped rubrics (a first folder of source "built-in") are
    read only when asked for: `rehearse gil` parses gil.toml, not all ten (their file names are
    their ids), and `rehearse topics` (``listing``) builds no term map and loads no tokenizer.
    """

    def __init__(self, folders: Sequence[tuple[Path, str]]) -> None:
        self.folders = list(folders)
        self._rubrics: dict[str, Rubric] = {}
        self._errors: dict[str, RubricError] = {}
        self._pending: dict[str, tuple[Path, str]] = {}  # shipped files not read yet, by id
        self._shipped: list[str] = []  # their ids in order, for a stable listing
        for i, (folder, source) in enumerate(self.folders):
            if not folder.is_dir():
                continue
            if i == 0 and source == "built-in":
                for path in sorted(folder.glob("*.toml")):
                    self._pending[path.stem] = (path, source)
                self._shipped = list(self._pending)
                continue
            for path, item in load_folder(folder, source).items():
                if isinstance(item, RubricError):
                    self._errors[path.stem] = item
                    self._rubrics.pop(path.stem, None)
                    self._pending.pop(path.stem, None)
                else:
                    self._errors.pop(item.id, None)
                    self._pending.pop(item.id, None)
                    self._rubrics[item.id] = item

    @property
    def rubrics(self) -> dict[str, Rubric]:
        """Every topic's rubric (reads the shipped ones not read yet)."""
        self._load_all()
        return self._rubrics

    @property
    def errors(self) -> dict[str, RubricError]:
        """Why each broken file is broken, by file name."""
        self._load_all()
        return self._errors

    def _read_shipped(self, topic: str, check_phrases: bool = True) -> Rubric | RubricError:
        path, source = self._pending[topic]
        try:
            rubric = load_rubric(path, source, check_phrases)
        except RubricError as exc:
            return exc
        if rubric.id != topic:  # a shipped file named for another topic: never lazily
            raise RubricError(path, f"the shipped file's id {rubric.id!r} is not its name", "id")
        return rubric

    def _load(self, topic: str) -> None:
        item = self._read_shipped(topic)
        del self._pending[topic]
        if isinstance(item, RubricError):
            self._errors[topic] = item
        else:
            self._rubrics[topic] = item

    def _with_pending(self, check_phrases: bool) -> tuple[dict[str, Rubric], dict[str, RubricError]]:
        """The topics and broken files once the shipped rubrics not read yet are read too."""
        rubrics, errors = dict(self._rubrics), dict(self._errors)
        for topic in self._pending:
            item = self._read_shipped(topic, check_phrases)
            if isinstance(item, RubricError):
                errors[topic] = item
            else:
                rubrics[topic] = item
        # the shipped topics first, in file order (a user's override keeps its place), as if
        # they had all been read up front
        order = [t for t in self._shipped if t in rubrics]
        return {**{t: rubrics[t] for t in order}, **rubrics}, errors

    def _load_all(self) -> None:
        if self._pending:
            self._rubrics, self._errors = self._with_pending(check_phrases=True)
            self._pending.clear()

    def listing(self) -> tuple[list[Rubric], list[RubricError]]:
        """What `rehearse topics` shows: the topics and the broken files, as ``rubrics`` and
        ``errors`` give them, without building what only practising a topic needs.

        A shipped rubric not used yet is read and checked like any other except for its
        phrases' words (that check needs the tokenizer and the topic's term map; it is made
        when the topic is used, and by ``rubric check``). Your own rubrics are checked in full
        when the catalog is made, as before. Nothing is kept: ``get`` still checks in full.
        """
        rubrics, errors = self._with_pending(check_phrases=False)
        return list(rubrics.values()), list(errors.values())

    def get(self, topic: str) -> Rubric:
        if topic in self._pending:
            self._load(topic)
        if topic in self._rubrics:
            return self._rubrics[topic]
        if topic in self._errors:
            raise self._errors[topic]
        import difflib

        known = sorted(self.rubrics)
        wanted = topic.lower()
        ratios = {t: difflib.SequenceMatcher(None, wanted, t).ratio() for t in known}
        best = max(ratios.values(), default=0.0)
        close = [t for t in known if ratios[t] >= max(0.6, best - 0.05)]
        if not close:
            close = [t for t in known if wanted and (wanted in t or t in wanted)][:3]
        raise UnknownTopic(topic, close, known)

    def require(self, topic: str) -> None:
        """Raise :class:`UnknownTopic` (naming the close ones) unless a rubric, even a broken
        one, has ``topic``: what a command that lists a topic's attempts checks when it found
        none, so "rehearse history nope" is a typo caught, not an empty list."""
        if topic not in self._pending and topic not in self._rubrics \
                and topic not in self._errors:
            self.get(topic)

    def layers(self, topic: str | None = None) -> dict[str, list[str]]:
        """Each topic's layer names (only ``topic``'s when given)."""
        rubrics = [self.get(topic)] if topic is not None else list(self.rubrics.values())
        return {r.id: list(r.layers) for r in rubrics}

    def __iter__(self) -> Iterator[Rubric]:
        return iter(self.rubrics.values())

    def __len__(self) -> int:
        return len(self.rubrics)
