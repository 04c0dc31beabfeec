"""Model code (torch, CTranslate2) running in threads, and ending the process safely around it.

When the interpreter exits while a daemon thread is inside native model code, CPython ends that
thread with ``pthread_exit`` as soon as it asks for the GIL back. The unwinding crosses C++
frames that must not throw, and the whole process aborts ("terminate called without an active
exception", exit 134) instead of exiting with its own code. So model code is marked while it
runs, and a process that ends while some is still running leaves with ``os._exit`` after
flushing its output: nothing else is pending by then (recordings are on disk, and every store
write commits at once).
"""

from __future__ import annotations

import os
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")

_running: Counter[int] = Counter()  # thread ident -> model calls it is inside
_lock = threading.Lock()


@contextmanager
def model_code() -> Iterator[None]:
    """Mark the calling thread as running model code until the block ends."""
    ident = threading.get_ident()
    with _lock:
        _running[ident] += 1
    try:
        yield
    finally:
        with _lock:
            _running[ident] -= 1
            if not _running[ident]:
                del _running[ident]


def model_code_running() -> bool:
    """Whether another thread is inside model code right now."""
    me = threading.get_ident()
    with _lock:
        return any(ident != me for ident in _running)


def run_aside(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a worker thread; the caller waits, and Ctrl-C interrupts the wait
    (the worker is left to :func:`exit_process`)."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="rehearse-model-call", daemon=True)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def exit_process(code: int) -> NoReturn:
    """End the process with ``code``; never under a thread that is inside model code."""
    if model_code_running():
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)
