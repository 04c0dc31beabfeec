"""Numbers as block characters (▁▂▃▄▅▆▇█): the live input meter and the progress trend."""

from __future__ import annotations

_BARS = "▁▂▃▄▅▆▇█"


def bars(fractions: list[float]) -> str:
    """Each value in 0..1 (clamped) as a bar character."""
    top = len(_BARS) - 1
    return "".join(_BARS[round(min(1.0, max(0.0, f)) * top)] for f in fractions)
