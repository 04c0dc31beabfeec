"""What reaches the terminal. Text from a transcript or a rubric is shown, never obeyed: its
control characters (an escape sequence that recolours, moves the cursor or retitles the window,
a carriage return or backspaces that rewrite a line, C1 controls) are dropped on output, and
brackets are never read as rich markup. Rich's own styling and the live view's cursor control
are kept."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 (but newline and tab), DEL, C1


def printable(text: str) -> str:
    """``text`` without control characters (they take no cells, so layout does not change)."""
    return CONTROL.sub("", text)


class SafeConsole(Console):
    """A rich console that prints text as text, whatever it holds."""

    def __init__(self, **options: Any) -> None:
        super().__init__(markup=False, **options)

    def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and CONTROL.search(segment.text):
                segment = Segment(printable(segment.text), segment.style)
            yield segment
