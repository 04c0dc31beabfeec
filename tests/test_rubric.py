from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rehearse.errors import RubricError, UnknownTopic
from rehearse.rubric import (
    RESERVED_TOPIC_IDS,
    STANDARD_LAYERS,
    Catalog,
    builtin_rubrics_dir,
    load_folder,
    load_rubric,
)
from rehearse.scoring import score

SEED_TOPICS = {"lists-tuples", "decorators", "comprehensions", "gil", "args-kwargs",
               "generators", "exceptions", "oop", "lambda", "venv"}

MINIMAL = '''
id = "star"
title = "Conflict"
question = "Tell me about a conflict at work."
[layers.situation]
cue = "where and when"
[[layers.situation.evidence]]
idea = "team"
phrases = ["on my team"]
'''


IDEAS = '''
id = "star"
title = "Conflict"
question = "Tell me about a conflict at work."
[layers.situation]
cue = "where and when"
ideas = ["team + project"]
'''


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_the_ten_seed_topics_ship_and_validate(catalog: Catalog) -> None:
    assert not catalog.errors
    assert set(catalog.rubrics) == SEED_TOPICS


@pytest.mark.parametrize("topic", sorted(SEED_TOPICS))
def test_shipped_rubric_shape(catalog: Catalog, topic: str) -> None:
    rubric = catalog.get(topic)
    assert rubric.path == builtin_rubrics_dir() / f"{topic}.toml"
    assert tuple(rubric.layers) == STANDARD_LAYERS
    assert rubric.question.endswith("?")
    for layer in rubric.layers.values():
        assert len(layer.cue) <= 60, layer.cue  # a cue is one short line
        assert layer.next_step and len(layer.evidence) + (layer.shape is not None) >= 2
    assert len(rubric.follow_ups) >= 2
    assert all(f.expects for f in rubric.follow_ups)


def test_a_user_rubric_adds_a_topic_with_its_own_layers(tmp_path: Path) -> None:
    write(tmp_path, "star.toml", MINIMAL)
    catalog = Catalog([(builtin_rubrics_dir(), "built-in"), (tmp_path, "user")])
    star = catalog.get("star")
    assert list(star.layers) == ["situation"] and star.source == "user"
    assert len(catalog) == len(SEED_TOPICS) + 1


def test_a_user_rubric_overrides_a_shipped_one(tmp_path: Path) -> None:
    write(tmp_path, "gil.toml", MINIMAL.replace('"star"', '"gil"'))
    catalog = Catalog([(builtin_rubrics_dir(), "built-in"), (tmp_path, "user")])
    assert catalog.get("gil").source == "user"


def test_asking_for_one_shipped_topic_reads_only_its_file(tmp_path: Path, monkeypatch) -> None:
    # start-up: `rehearse gil` parses gil.toml, not all ten; a listing still shows them all,
    # in file order, a user's override in the shipped topic's place
    from rehearse import rubric as rubric_module

    read: list[str] = []
    real = rubric_module.load_rubric
    monkeypatch.setattr(rubric_module, "load_rubric", lambda path, source="user", *more:
                        read.append(path.stem) or real(path, source, *more))
    write(tmp_path, "gil.toml", MINIMAL.replace('"star"', '"gil"'))
    write(tmp_path, "star.toml", MINIMAL)
    catalog = Catalog([(builtin_rubrics_dir(), "built-in"), (tmp_path, "user")])
    assert catalog.get("lambda").id == "lambda" and catalog.get("gil").source == "user"
    assert sorted(read) == ["gil", "lambda", "star"]  # the user's two, and the one asked for
    shipped = sorted(p.stem for p in builtin_rubrics_dir().glob("*.toml"))
    assert [r.id for r in catalog] == [*shipped, "star"]
    assert all(p.stem == load_rubric(p).id for p in builtin_rubrics_dir().glob("*.toml"))


def test_content_hash_changes_with_content_not_layout(tmp_path: Path) -> None:
    a = load_rubric(write(tmp_path, "a.toml", MINIMAL))
    b = load_rubric(write(tmp_path, "b.toml", "# a comment\n" + MINIMAL.replace(" = ", "=")))
    c = load_rubric(write(tmp_path, "c.toml", MINIMAL.replace("on my team", "in my team")))
    assert a.digest == b.digest != c.digest
    assert a.ref == f"star@1#{a.digest}"


def test_context_words_are_read(tmp_path: Path) -> None:
    rubric = load_rubric(write(tmp_path, "star.toml", MINIMAL.replace(
        'question = ', 'topic = ["conflict"]\ncontext = ["team", "coworker"]\nquestion = ')))
    assert rubric.topic == ("conflict",) and rubric.context == ("team", "coworker")


def test_unknown_topic_suggests_the_nearest(catalog: Catalog) -> None:
    with pytest.raises(UnknownTopic, match="did you mean gil"):
        catalog.get("gill")
    with pytest.raises(UnknownTopic, match="did you mean decorators"):
        catalog.get("decorator")


@pytest.mark.parametrize("idea", ["** + dictionary + keyword", "@ + decorator", "for > in > team"])
def test_ideas_of_symbols_and_short_words_are_valid(tmp_path: Path, idea: str) -> None:
    # "**" is said "star star", "@" "at": terms, though they are no letters
    rubric = load_rubric(write(tmp_path, "star.toml", IDEAS.replace("team + project", idea)))
    assert rubric.layers["situation"].evidence[0].idea == idea


@pytest.mark.parametrize(("text", "key", "problem"), [
    (MINIMAL.replace('title = "Conflict"\n', ""), "title", "missing"),
    (MINIMAL.replace('cue = "where and when"', "cue = 3"), "layers.situation.cue", "expected non-empty text"),
    (MINIMAL + "needed = 2\n", None, None),  # checked below: lands in the evidence table
    (MINIMAL.replace("[layers.situation]", "[layers.situation]\nneeded = \"two\""),
     "layers.situation.needed", "whole number"),
    (MINIMAL.replace("[layers.situation]", "[layers.situation]\nneeded = 2"),
     "layers.situation.needed", "only 1 idea"),
    (MINIMAL.replace('phrases = ["on my team"]', 'phrases = ["the of a"]'),
     "layers.situation.evidence[0].phrases[0]", "no required words"),
    (MINIMAL.replace('phrases = ["on my team"]', "phrases = []"),
     "layers.situation.evidence[0].phrases", "non-empty list"),
    (MINIMAL.replace("idea = ", "idae = "), "layers.situation.evidence[0].idae", "did you mean 'idea'"),
    (MINIMAL.replace('id = "star"', 'id = "../../etc/passwd"'), "id", "not a valid topic id"),
    (MINIMAL.replace('id = "star"', 'id = "topics"'), "id", "is a rehearse command"),
    (MINIMAL.replace('question = ', 'context = "team"\nquestion = '), "context", "list"),
    (MINIMAL + '[[follow_ups]]\nquestion = "Why?"\nexpects = ["a reason"]\nlayer = "result"\n',
     "follow_ups[0].layer", "does not define"),
    # an idea with a sign too many, or made of words every sentence has
    (IDEAS.replace("team + project", "team + + project"), "layers.situation.ideas[0]",
     "empty term"),
    (IDEAS.replace("team + project", "team > project >"), "layers.situation.ideas[0]",
     "empty term"),
    (IDEAS.replace("team + project", "the + a"), "layers.situation.ideas[0]", "only stopwords"),
    # an alternative the judge cannot hear: underscores and dots are dropped from what is said
    (IDEAS.replace("team + project", "double underscore/private + attribute"),
     "layers.situation.ideas[0]", "'double underscore' leaves no word to listen for"),
    (IDEAS.replace("team + project", "team + dot/project"), "layers.situation.ideas[0]",
     "'dot' leaves no word"),
])
def test_broken_rubrics_name_file_key_and_problem(tmp_path: Path, text: str, key: str | None,
                                                  problem: str | None) -> None:
    path = write(tmp_path, "star.toml", text)
    if key is None:
        with pytest.raises(RubricError) as info:
            load_rubric(path)
        assert info.value.key == "layers.situation.evidence[0].needed"
        return
    with pytest.raises(RubricError) as info:
        load_rubric(path)
    assert info.value.key == key
    assert problem in info.value.problem
    assert str(info.value).startswith(f"{path}: {key}: ")


def test_toml_syntax_errors_give_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "star.toml", MINIMAL.replace('cue = "where and when"', "cue = where"))
    with pytest.raises(RubricError, match=r"TOML syntax error: .*line 6"):
        load_rubric(path)


def test_non_utf8_and_huge_files_are_refused(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(b'title = "caf\xe9"')
    with pytest.raises(RubricError, match="not UTF-8"):
        load_rubric(latin1)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 2_000_000)
    with pytest.raises(RubricError, match="larger than"):
        load_rubric(big)


def test_duplicate_topic_ids_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", MINIMAL)
    write(tmp_path, "b.toml", MINIMAL)
    results = load_folder(tmp_path)
    assert not isinstance(results[tmp_path / "a.toml"], RubricError)
    error = results[tmp_path / "b.toml"]
    assert isinstance(error, RubricError) and "already defined in a.toml" in str(error)


def test_a_broken_user_rubric_does_not_hide_other_topics(tmp_path: Path) -> None:
    write(tmp_path, "gil.toml", "this is not toml")
    catalog = Catalog([(builtin_rubrics_dir(), "built-in"), (tmp_path, "user")])
    assert catalog.get("generators")
    with pytest.raises(RubricError, match="gil.toml"):
        catalog.get("gil")


def test_the_listing_is_what_the_full_catalog_lists(tmp_path: Path) -> None:
    write(tmp_path, "gil.toml", MINIMAL.replace('"star"', '"gil"'))
    write(tmp_path, "star.toml", MINIMAL)
    write(tmp_path, "bad.toml", "this is not toml")
    folders = [(builtin_rubrics_dir(), "built-in"), (tmp_path, "user")]
    listed, broken = Catalog(folders).listing()
    full = Catalog(folders)
    assert [r.to_dict() for r in listed] == [r.to_dict() for r in full]
    assert [str(e) for e in broken] == [str(e) for e in full.errors.values()]
    assert listed == list(full)  # every field but the term map, built when first used
    answer = ("A generator yields values lazily, one at a time, so it saves memory: "
              "def count(n): for i in range(n): yield i. But you can only iterate it once.")
    generators = next(r for r in listed if r.id == "generators")
    assert score(answer, generators).to_dict() == score(answer, full.get("generators")).to_dict()


def test_the_listing_skips_a_broken_shipped_rubric(tmp_path: Path) -> None:
    shipped = tmp_path / "rubrics"
    shutil.copytree(builtin_rubrics_dir(), shipped)
    gil = shipped / "gil.toml"
    gil.write_text(gil.read_text().replace("[layers.concept]", "[layers.concept]\nneeded = 0"))
    (shipped / "venv.toml").write_text("this is not toml")
    lam = shipped / "lambda.toml"
    lam.write_text(lam.read_text().replace('expects = ["', 'expects = ["the of a", "', 1))
    catalog = Catalog([(shipped, "built-in")])
    listed, broken = catalog.listing()
    assert [(Path(str(e.path)).name, e.key) for e in broken] == [
        ("gil.toml", "layers.concept.needed"), ("venv.toml", None)]
    # the one check a listing leaves out (it needs the tokenizer) is made when it is used
    assert "lambda" in [r.id for r in listed]
    with pytest.raises(RubricError, match="no required words"):
        catalog.get("lambda")
    assert set(catalog.errors) == {"gil", "venv", "lambda"}


def test_reserved_ids_cover_every_command() -> None:
    import typer.main

    from rehearse.cli import app

    commands = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert commands <= RESERVED_TOPIC_IDS
