from __future__ import annotations

from pathlib import Path

import pytest

from rehearse.rubric import Catalog, Rubric, builtin_rubrics_dir


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
