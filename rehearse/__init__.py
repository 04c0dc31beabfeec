"""rehearse: practise spoken answers to technical interview questions, offline.

The core is importable without a microphone, a model or a terminal::

    from rehearse import Catalog, builtin_rubrics_dir, score
    rubric = Catalog([(builtin_rubrics_dir(), "built-in")]).get("gil")
    result = score("The GIL is a mutex in CPython ...", rubric)
"""

from .errors import RehearseError, RubricError, UnknownTopic, UsageError
from .rubric import Catalog, Rubric, builtin_rubrics_dir, load_rubric
from .scoring import Score, Transcript, Word, score

__version__ = "0.1.0"

__all__ = [
    "Catalog", "RehearseError", "Rubric", "RubricError", "Score", "Transcript", "UnknownTopic",
    "UsageError", "Word", "builtin_rubrics_dir", "load_rubric", "score", "__version__",
]
