"""Errors a user can cause and fix. The CLI prints each as one line; none shows a traceback."""

from __future__ import annotations


class RehearseError(Exception):
    """A failure with a one-line, actionable message. ``exit_code`` follows the CLI contract."""

    exit_code = 1


class UsageError(RehearseError):
    """The command line asked for something that does not exist (unknown topic, bad value)."""

    exit_code = 2


class RubricError(RehearseError):
    """A rubric file is broken. The message names the file, the key and what is wrong."""

    def __init__(self, path: object, problem: str, key: str | None = None) -> None:
        where = f"{path}: {key}: " if key else f"{path}: "
        super().__init__(where + problem)
        self.path = path
        self.key = key
        self.problem = problem


class UnknownTopic(UsageError):
    def __init__(self, topic: str, suggestions: list[str], available: list[str]) -> None:
        if suggestions:
            hint = "did you mean " + " or ".join(suggestions) + "?"
        else:
            hint = "run 'rehearse topics' to list them (" + ", ".join(available) + ")"
        super().__init__(f"unknown topic {topic!r}: {hint}")
        self.topic = topic
        self.suggestions = suggestions


class Interrupted(RehearseError):
    """Ctrl-C: the message says what was kept and the command that finishes the job."""

    exit_code = 130
