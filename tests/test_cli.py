from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehearse.cli import app

from .test_rubric import MINIMAL, SEED_TOPICS

runner = CliRunner()
ANSWER = ("The GIL is a mutex in CPython, so only one thread runs Python bytecode at a time. "
          "A web service waiting on the database still gains from threads. "
          "But threads don't speed up CPU-bound work.")


def run(*args: str, input: str | None = None):  # noqa: A002
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, "utf-8")
    return path


def assert_one_line_error(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("rehearse: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_topics_lists_the_ten() -> None:
    result = run("topics")
    assert result.exit_code == 0
    for topic in SEED_TOPICS:
        assert topic in result.stdout
    data = json.loads(run("topics", "--json").stdout)
    assert {t["id"] for t in data["topics"]} == SEED_TOPICS


def test_card_has_one_line_per_layer_and_a_follow_up() -> None:
    result = run("card", "gil")
    assert result.exit_code == 0
    for label in ("concept", "example", "code", "trade-off", "follow-up"):
        assert label in result.stdout
    assert "pool.map(square, nums)" in result.stdout
    data = json.loads(run("card", "gil", "--json").stdout)
    assert list(data["layers"]) == ["concept", "example", "code", "trade_off"]
    assert data["follow_up"].startswith("Does the GIL")


def test_transcript_json_is_exactly_one_object_with_the_contract(answer_file: Path) -> None:
    result = run("gil", "--transcript", str(answer_file), "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)  # the whole of stdout is one JSON document
    assert data["topic"] == "gil"
    assert data["transcript"] == ANSWER
    assert list(data["layers"]) == ["concept", "example", "code", "trade_off"]
    covered = {name for name, layer in data["layers"].items() if layer["covered"]}
    assert covered == {"concept", "example", "trade_off"}
    for layer in data["layers"].values():
        assert set(layer) >= {"covered", "score", "matched", "cue"}
        assert 0.0 <= layer["score"] <= 1.0
    evidence = data["layers"]["concept"]["matched"][0]
    assert ANSWER[evidence["start"]:evidence["end"]] == evidence["said"]


def test_practice_is_the_same_as_naming_the_topic(answer_file: Path) -> None:
    a = json.loads(run("gil", "-t", str(answer_file), "--json").stdout)
    b = json.loads(run("practice", "gil", "-t", str(answer_file), "--json").stdout)
    assert b.pop("attempt") == a.pop("attempt") + 1  # each answer is kept as its own attempt
    assert a == b


def test_stdin_answer() -> None:
    result = run("gil", "--transcript", "-", "--json", input=ANSWER)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["covered"] == 3


def test_human_report_checklist_evidence_and_next_steps(answer_file: Path) -> None:
    result = run("gil", "-t", str(answer_file))
    assert result.exit_code == 0
    out = result.stdout
    assert "Covered 3 of 4 layers" in out
    assert "✓" in out and "✗" in out
    said = json.loads(run("gil", "-t", str(answer_file), "--json").stdout)
    quote = said["layers"]["concept"]["matched"][0]["said"]  # the words that proved it
    concept_row = next(line for line in out.splitlines() if line.startswith("✓  concept"))
    assert f'"{quote}' in concept_row and quote in ANSWER
    assert "cue: with Pool() as pool: pool.map(square, nums)" in out
    assert "next: " in out
    assert "Your answer" in out


def test_empty_answer_says_so() -> None:
    result = run("gil", "-t", "-", input="   \n")
    assert result.exit_code == 0
    assert "the answer is empty" in result.stdout
    data = json.loads(run("gil", "-t", "-", "--json", input="").stdout)
    assert data["covered"] == 0


def test_unknown_topic() -> None:
    assert_one_line_error(run("gill", "-t", "-", input="x"), 2, "unknown topic 'gill'",
                          "did you mean gil?")
    assert_one_line_error(run("card", "decorator"), 2, "did you mean decorators?")


@pytest.mark.parametrize("command", ["history", "compare"])
def test_a_mistyped_topic_in_history_or_compare_is_caught(command: str) -> None:
    assert_one_line_error(run(command, "gill"), 2, "unknown topic 'gill'", "did you mean gil")
    known = run(command, "gil")  # a real topic not practised yet is no error of the user's
    assert "unknown topic" not in known.output and "gil" in known.output


def test_retry_of_a_typed_answer_says_why_before_any_transcribing(answer_file: Path) -> None:
    assert run("gil", "--transcript", str(answer_file)).exit_code == 0
    assert_one_line_error(run("retry", "1"), 1, "was typed, not recorded")


def test_history_of_a_topic_from_rubrics_not_practised_yet(tmp_path: Path) -> None:
    (tmp_path / "star.toml").write_text(MINIMAL)
    listed = run("history", "star", "--rubrics", str(tmp_path))
    assert listed.exit_code == 0 and "No attempts at star yet" in listed.stdout


def test_missing_unreadable_and_binary_transcripts(tmp_path: Path) -> None:
    assert_one_line_error(run("gil", "-t", str(tmp_path / "nope.txt")), 2, "does not exist")
    assert_one_line_error(run("gil", "-t", str(tmp_path)), 2, "is a folder")
    binary = tmp_path / "a.wav"
    binary.write_bytes(b"RIFF\x00\x00WAVEfmt \x00\xff")
    assert_one_line_error(run("gil", "-t", str(binary)), 1, "binary")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9".encode("latin-1"))
    assert_one_line_error(run("gil", "-t", str(latin1)), 1, "not UTF-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 100_000)
    assert_one_line_error(run("gil", "-t", str(huge)), 1, "larger than")


def test_bad_option_is_one_line() -> None:
    assert_one_line_error(run("gil", "--bogus"), 2, "No such option: --bogus")


def test_user_rubric_in_data_home(data_home: Path) -> None:
    (data_home / "rubrics").mkdir(parents=True)
    (data_home / "rubrics" / "star.toml").write_text(MINIMAL, "utf-8")
    result = run("star", "-t", "-", "--json", input="On my team we disagreed.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["layers"]["situation"]["covered"] is True
    assert "user" in run("topics").stdout


def test_rubrics_option_and_broken_rubric(tmp_path: Path) -> None:
    broken = MINIMAL.replace("[layers.situation]", "[layers.situation]\nneeded = 0")
    (tmp_path / "gil.toml").write_text(broken)
    result = run("gil", "-t", "-", "--rubrics", str(tmp_path), input="x")
    assert_one_line_error(result, 1, "gil.toml", "layers.situation.needed", "whole number >= 1")
    assert_one_line_error(run("topics", "--rubrics", str(tmp_path / "nope")), 2, "is not a folder")


def test_topics_skips_each_broken_rubric_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "gil.toml").write_text(MINIMAL.replace('"star"', '"gil"'))  # an override
    (tmp_path / "bad.toml").write_text("this is not toml")
    (tmp_path / "oop.toml").write_text(MINIMAL.replace('"star"', '"oop"').replace(
        "[layers.situation]", "[layers.situation]\nneeded = 0"))
    (tmp_path / "words.toml").write_text(MINIMAL.replace('"star"', '"words"').replace(
        '"on my team"', '"the of a"'))  # a phrase with nothing to listen for
    for args in ((), ("--json",)):
        result = run("topics", *args, "--rubrics", str(tmp_path))
        assert result.exit_code == 0, result.output
        warnings = result.stderr.splitlines()
        assert [w.split(": ")[1] for w in warnings] == ["warning"] * 3
        assert "bad.toml: TOML syntax error" in warnings[0]
        assert "oop.toml: layers.situation.needed" in warnings[1]
        assert "words.toml: layers.situation.evidence[0].phrases[0]" in warnings[2]
    listed = json.loads(result.stdout)["topics"]
    assert [t["id"] for t in listed] == sorted(SEED_TOPICS - {"oop"})  # a broken override hides
    assert {t["id"]: t["source"] for t in listed}["gil"] == str(tmp_path)
    text = run("topics", "--rubrics", str(tmp_path)).stdout  # 80 columns: rows may wrap
    rows = [line.split()[0] for line in text.splitlines()[1:] if not line.startswith(" ")]
    assert rows == [t["id"] for t in listed]
    assert "What is the difference between" in text  # a long folder path does not crush questions


def test_topics_builds_no_term_map_and_a_used_topic_is_checked_in_full(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up time: listing the topics builds none of the ten term maps (with the tokenizer
    they need, they were most of `rehearse topics`); `card` builds its topic's."""
    from rehearse.text import TermMap

    built: list[object] = []
    with_terms = TermMap.with_terms.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(TermMap, "with_terms",
                        classmethod(lambda cls, terms: built.append(terms) or with_terms(cls, terms)))
    assert run("topics").exit_code == 0
    assert run("topics", "--json").exit_code == 0
    assert built == []
    assert run("card", "gil").exit_code == 0
    assert len(built) == 1


def test_rubric_check(tmp_path: Path) -> None:
    ok = run("rubric", "check")
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.count("✓") == len(SEED_TOPICS)
    (tmp_path / "star.toml").write_text(MINIMAL)
    (tmp_path / "bad.toml").write_text(MINIMAL.replace('title = "Conflict"\n', ""))
    result = run("rubric", "check", str(tmp_path))
    assert result.exit_code == 1
    assert "✓" in result.stdout and "✗" in result.stdout
    assert "bad.toml: title: missing" in result.stdout
    single = run("rubric", "check", str(tmp_path / "star.toml"))
    assert single.exit_code == 0
    assert "star · 1 layer · 1 idea · 0 follow-ups" in " ".join(single.stdout.split())
    typed = run("star", "--rubrics", str(tmp_path), "-t", "-", input="On my team we disagreed.")
    assert "Covered 1 of 1 layer" in typed.stdout and "layers" not in typed.stdout


def _modules_after(*args: str) -> set[str]:
    code = ("import sys; from rehearse.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sorted(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          input=ANSWER, timeout=60)
    return set(proc.stderr.split())


@pytest.mark.slow
@pytest.mark.parametrize("args", [("--help",), ("topics",), ("card", "gil"), ("history",),
                                  ("progress",), ("plan",), ("gil", "--transcript", "-", "--json")])
def test_fast_paths_do_not_import_torch_or_whisper(args: tuple[str, ...]) -> None:
    modules = _modules_after(*args)
    assert "rehearse.cli" in modules
    assert not {"torch", "whisper", "numba", "numpy", "sounddevice", "faster_whisper",
                "ctranslate2"} & modules


SCORER = {"rehearse.scoring", "rehearse.shapes", "rehearse.delivery", "rapidfuzz"}
RENDERING = {"rehearse.report", "rich.console", "rich.table"}


@pytest.mark.slow
@pytest.mark.parametrize(("args", "unused"), [
    (("--help",), SCORER | RENDERING | {"rehearse.rubric", "rehearse.text", "Stemmer",
                                         "rehearse.store", "sqlite3", "rehearse.attempts"}),
    (("topics",), SCORER | {"rehearse.store", "sqlite3", "rehearse.attempts", "rehearse.text",
                            "Stemmer"}),
    (("topics", "--json"), SCORER | RENDERING | {"rehearse.text", "Stemmer"}),
    (("gil", "--transcript", "-", "--json"), RENDERING),
])
def test_each_command_imports_only_what_it_uses(args: tuple[str, ...], unused: set[str]) -> None:
    """Start-up time: `--help` loads no rubric, scorer or rich; `topics` no scorer or
    tokenizer (--json: no rich); a --json answer no rich rendering (README: Speed)."""
    modules = _modules_after(*args)
    assert "rehearse.cli" in modules
    assert not unused & modules


@pytest.mark.slow
def test_python_dash_m_and_console_script() -> None:
    proc = subprocess.run([sys.executable, "-m", "rehearse", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("rehearse ")


@pytest.mark.parametrize("args", [(), ("rubric",)])
def test_a_bare_command_shows_its_help(args: tuple[str, ...]) -> None:
    # a new user's first command: `rehearse` alone shows what it can do, as --help does
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout == run(*args, "--help").stdout and "Usage: rehearse" in result.stdout


def test_typed_answers_are_kept_in_history(answer_file: Path) -> None:
    assert "No attempts yet" in run("history").stdout
    run("gil", "-t", str(answer_file))
    run("decorators", "-t", "-", input="A decorator wraps a function.")
    listed = json.loads(run("history", "--json").stdout)["attempts"]
    assert [a["topic"] for a in listed] == ["decorators", "gil"]  # newest first
    assert listed[1]["covered"] == {"concept": True, "example": True, "code": False,
                                    "trade_off": True}
    assert listed[1]["source"] == "transcript" and listed[1]["state"] == "scored"
    table = run("history", "gil").stdout
    assert "gil" in table and "decorators" not in table and "✓✓✗✓" in table


def test_every_command_is_documented_in_help_and_readme() -> None:
    import typer.main

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert run(name, "--help").exit_code == 0
        if name != "practice":
            assert f"rehearse {name}" in readme, name


def test_show_a_scored_attempt_after_its_rubric_was_deleted(data_home: Path) -> None:
    rubric = data_home / "rubrics" / "star.toml"
    rubric.parent.mkdir(parents=True)
    rubric.write_text(MINIMAL, "utf-8")
    assert run("star", "-t", "-", input="On my team we disagreed.").exit_code == 0
    rubric.unlink()
    shown = run("show", "1")
    assert shown.exit_code == 0, shown.output
    assert "Covered 1 of" in shown.stdout and "On my team we disagreed." in shown.stdout
    assert json.loads(run("show", "1", "--json").stdout)["result"]["layers"]["situation"]["covered"]


def test_the_core_answers_without_the_command_line(data_home: Path, catalog) -> None:
    """Re-scoring, picking what to compare and every JSON shape live with the core objects."""
    from rehearse.attempts import compare_attempts, rescore_all, save_typed
    from rehearse.store import Store

    store = Store(data_home)
    gil = catalog.get("gil")
    save_typed(store, gil, "The GIL is a mutex in CPython.")
    save_typed(store, gil, ANSWER)
    change = compare_attempts(store, catalog, "gil", None)
    assert change.to_dict()["gained"] == ["example", "trade_off"]
    done = rescore_all(store, catalog, store.list(full=True))
    assert (done.changed, done.unchanged, done.skipped) == (0, 2, 0)
    assert store.get(2).to_dict()["covered"]["trade_off"] is True


def test_cli_is_wiring_only() -> None:
    """Counted without imports and blank lines: each command imports what it uses in its body
    (start-up time), which is wiring too. (300 such lines when the whole file was 387.)"""
    cli = Path(__file__).resolve().parent.parent / "rehearse" / "cli.py"
    code = [line for line in cli.read_text("utf-8").splitlines()
            if line.strip() and not re.match(r"\s*(from \S+ import |import \w)", line)]
    assert len(code) < 315


def _help_texts(command) -> list[str]:
    texts = [command.help or ""]
    texts += [getattr(p, "help", None) or "" for p in command.params]
    for sub in getattr(command, "commands", {}).values():
        texts.append((sub.help or "").split("\n\n")[0])
    return [t for t in texts if t]


def test_every_help_wraps_at_80_columns_and_nothing_is_cut() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = {"": group, **group.commands}  # type: ignore[attr-defined]
    commands.update({f"rubric {n}": c for n, c in group.commands["rubric"].commands.items()})  # type: ignore[attr-defined]
    for name, command in commands.items():
        result = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "80"})
        assert result.exit_code == 0, name
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= 80, name
        assert "…" not in result.stdout and "..." not in result.stdout.replace("[ARGS]...", ""), name
        flat = " ".join(result.stdout.split())
        for text in _help_texts(command):  # every sentence whole, wrapped, not cut
            assert " ".join(text.split()) in flat, (name, text)
