from __future__ import annotations

import signal
from pathlib import Path

import pytest

from rehearse.rubric import Catalog, Rubric, builtin_rubrics_dir

HEAVY_FIXTURES = {"tiny", "speech"}  # a Whisper checkpoint, speech synthesis (and what uses them)

# The suite presses Ctrl-C on the rehearse processes it starts. A shell that runs it in the
# background (a CI runner, `nohup ... &`) starts it with SIGINT ignored, which every child would
# inherit, and a Python started so never raises KeyboardInterrupt: take Ctrl-C back here (a
# handler, unlike "ignore", is reset to the default in a child).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs a model or synthesised speech runs the whole stack: it is slow. The
    fast loop (``pytest -m "not slow"``) leaves these out, and every test that starts another
    process or a browser is marked ``slow`` where it is written."""
    for item in items:
        if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data home; nothing touches the checkout's recordings/."""
    home = tmp_path / "home"
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog([(builtin_rubrics_dir(), "built-in")])


@pytest.fixture(scope="session")
def gil(catalog: Catalog) -> Rubric:
    return catalog.get("gil")


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised Whisper checkpoint (see audio_support)."""
    from .audio_support import build_tiny_checkpoint

    return build_tiny_checkpoint(tmp_path_factory.mktemp("model") / "tiny-random.pt")


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spoken answer about the GIL, made by espeak-ng."""
    from .audio_support import ANSWER_TEXT, espeak

    return espeak(ANSWER_TEXT, tmp_path_factory.mktemp("speech") / "answer.wav")


@pytest.fixture(scope="session")
def real_tiny() -> Path:
    """The real tiny.en weights (installed by scripts/setup) as an openai-whisper checkpoint,
    converted once into ~/.cache/rehearse/ (the same file `scripts/test-model` prints)."""
    from rehearse.ct2convert import ConversionError, cached_checkpoint

    try:
        return cached_checkpoint("tiny.en")
    except ConversionError as exc:
        pytest.fail(f"{exc}: the real-model tests need the weights of scripts/test-models.txt")
