"""rehearse: practise spoken answers to technical interview questions, offline.

The core is importable without a microphone, a model or a terminal::

    from rehearse import Catalog, builtin_rubrics_dir, score
    rubric = Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil")
    result = score("The GIL is a mutex in CPython ...", rubric)

The rubric and scoring names are imported on first use (PEP 562), so ``rehearse --help`` does
not pay for the scorer.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import RehearseError, RubricError, UnknownTopic, UsageError

if TYPE_CHECKING:
    from .rubric import Catalog, Rubric, builtin_rubrics_dir, load_rubric
    from .scoring import Score, Transcript, Word, score

__version__ = "0.1.0"

__all__ = [
    "Catalog", "RehearseError", "Rubric", "RubricError", "Score", "Transcript", "UnknownTopic",
    "UsageError", "Word", "builtin_rubrics_dir", "load_rubric", "score", "__version__",
]

_LAZY = {
    "Catalog": "rubric", "Rubric": "rubric", "builtin_rubrics_dir": "rubric", "load_rubric": "rubric",
    "Score": "scoring", "Transcript": "scoring", "Word": "scoring", "score": "scoring",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
