"""Where rehearse keeps its data: recordings, the attempt database and the user's rubrics.

``REHEARSE_HOME`` wins. Run from a checkout, the default is the checkout's top-level
``recordings/`` (its contents are git-ignored); an installed package uses the platform's user
data folder (``~/.local/share/rehearse`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "REHEARSE_HOME"


def _checkout_root() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "rubrics").is_dir():
        return root
    return None


def data_home() -> Path:
    """The data home folder (not created here: see :func:`ensure_private_dir`)."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    root = _checkout_root()
    if root is not None:
        return root / "recordings"
    from platformdirs import user_data_path

    return user_data_path("rehearse", appauthor=False)


def user_rubrics_dir() -> Path:
    return data_home() / "rubrics"
