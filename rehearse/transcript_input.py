"""Reading a written answer from a file or stdin, refusing what cannot be one."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import RehearseError, UsageError

MAX_TRANSCRIPT_BYTES = 200_000  # a two-minute answer is ~2 kB; an hour of speech ~60 kB


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise RehearseError(
            f"{name} is larger than {MAX_TRANSCRIPT_BYTES // 1000} kB; a spoken answer is a few kB "
            "of text: pass the answer itself")
    if b"\0" in data:
        raise RehearseError(f"{name} looks binary, not text; pass a plain-text answer")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RehearseError(f"{name} is not UTF-8 text; save it as UTF-8 and try again") from None


def _read_stream(stream: BinaryIO) -> bytes:
    return stream.read(MAX_TRANSCRIPT_BYTES + 1)


def read_transcript(source: str, before_typing: Callable[[], None] | None = None) -> str:
    """The answer text from ``source``: a file path, or ``-`` for stdin. When stdin is a
    terminal, ``before_typing()`` shows what to answer, then the answer is typed."""
    if source == "-":
        if sys.stdin.isatty():
            if before_typing is not None:
                before_typing()
            print("Type or paste your answer, then press Ctrl-D on an empty line.",
                  file=sys.stderr)
        return _decode(_read_stream(sys.stdin.buffer), "stdin")
    path = Path(source)
    try:
        with path.open("rb") as stream:
            return _decode(_read_stream(stream), f"{source!r}")
    except FileNotFoundError:
        raise UsageError(f"transcript file {source!r} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"{source!r} is a folder; pass a text file with the answer") from None
    except PermissionError:
        raise RehearseError(f"cannot read {source!r}: permission denied") from None
    except OSError as exc:
        raise RehearseError(f"cannot read {source!r}: {exc.strerror or exc}") from None
