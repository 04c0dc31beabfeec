"""Text from a transcript or a rubric never drives the terminal: escape sequences and other
control characters are neutralised wherever such text is printed."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from rehearse.cli import app

# what a hostile or broken answer or rubric may hold: colour, a window title, clearing the
# screen, a carriage return and backspaces that rewrite a line, a bell, a C1 CSI
NASTY = "\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b[2J\r\x08\x08\a \x9b1;1H"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

RUBRIC = f'''
id = "star"
title = "Conflict {NASTY}"
question = "Tell me about a conflict at work. {NASTY}"
[layers.situation]
cue = "where and when [b]list[int][/b] {NASTY}"
next_step = "Say where {NASTY}"
[[layers.situation.evidence]]
idea = "team"
phrases = ["on my team"]
[[follow_ups]]
question = "And then? {NASTY}"
expects = ["it ended"]
'''


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(app, list(args), input=input)


def flat(output: str) -> str:
    return " ".join(output.split())


def assert_clean(output: str) -> None:
    assert not CONTROL.findall(output), repr(output)


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    rubrics = tmp_path / "rubrics"
    rubrics.mkdir()
    (rubrics / "star.toml").write_text(RUBRIC.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
                                       .replace("\r", "\\r").replace("\x08", "\\b")
                                       .replace("\x9b", "\\u009b"), "utf-8")
    answer = f"It was on my team. {NASTY} And gil [bold]markup[/bold] list[int] stays."
    typed = run("star", "--rubrics", str(rubrics), "--transcript", "-", input=answer)
    assert typed.exit_code == 0, typed.output
    assert_clean(typed.output)
    assert "[bold]markup[/bold] list[int]" in flat(typed.output)  # as typed, not as markup
    for args in (["show", "1"], ["card", "star", "--rubrics", str(rubrics)],
                 ["topics", "--rubrics", str(rubrics)], ["history"],
                 ["rubric", "check", str(rubrics)]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert_clean(result.output)
    assert "[bold]markup[/bold] list[int]" in flat(run("show", "1").output)
    assert "[b]list[int][/b]" in run("card", "star", "--rubrics", str(rubrics)).output
