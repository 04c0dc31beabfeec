"""Model code (torch, CTranslate2) running in threads, and ending the process safely around it.

Ctrl-C must reach the main thread whatever it waits for. The kernel may hand the signal to any
thread that does not block it (numpy's OpenBLAS threads, started on import, never do); Python
then only notes it, and a main thread blocked for good (reading the keyboard, joining a thread)
never gets back to run the handler. So the threads started here block SIGINT and SIGTERM
(:func:`background`), and the main thread waits in short steps (:func:`read_line`,
:func:`join`), getting back to Python between two.

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
import select
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")

_running: Counter[int] = Counter()  # thread ident -> model calls it is inside
_lock = threading.Lock()
_MAIN_THREAD_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})
STEP_SECONDS = 0.1  # how long the main thread waits before it looks for Ctrl-C again


def background(target: Callable[..., object], name: str, *args: Any) -> threading.Thread:
    """Start a daemon thread running ``target(*args)`` that never takes Ctrl-C or SIGTERM, nor
    do the native threads it starts (torch's, CTranslate2's): a new thread inherits the signal
    mask of the one that starts it, so the mask is set around the start. (A process started from
    such a thread would inherit it too: none is.)"""
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX
        thread.start()
        return thread
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _MAIN_THREAD_SIGNALS)
    try:
        thread.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    return thread


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

    join(background(work, "rehearse-model-call"))
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def join(thread: threading.Thread) -> None:
    """``thread.join()`` that Ctrl-C interrupts, whichever thread the kernel gave it to."""
    while thread.is_alive():
        thread.join(STEP_SECONDS)


def read_line() -> str:
    """``input()`` that Ctrl-C interrupts, whichever thread the kernel gave it to: a terminal
    is polled (a line arrives whole there); anything else is read as ``input()`` reads it."""
    try:
        polled = sys.stdin.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        polled = False
    try:
        while polled and not select.select([sys.stdin], [], [], STEP_SECONDS)[0]:
            pass
    except OSError:  # a terminal select() cannot watch (Windows)
        polled = False
    if not polled:
        return input()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


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
