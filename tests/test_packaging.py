"""The built wheel, installed into a fresh virtualenv, carries the rubrics and runs."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("rehearse-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_contains_every_rubric(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {p.name for p in (ROOT / "rubrics").glob("*.toml")}
    assert len(shipped) == 10
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("rehearse/_rubrics/")} == shipped
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_its_rubrics_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300)
    # The dependencies (torch and friends) come from this test run's environment, appended after
    # the fresh site-packages, so the installed wheel's own `rehearse` is the one imported.
    fresh_site = next((env_dir / "lib").glob("python*/site-packages"))
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (fresh_site / "deps.pth").write_text("\n".join(deps) + "\n")
    env = {**os.environ, "REHEARSE_HOME": str(tmp_path / "home")}
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([env_dir / "bin" / "rehearse", "topics", "--json"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    topics = json.loads(proc.stdout)["topics"]
    assert len(topics) == 10
    for topic in topics:
        assert Path(topic["path"]).is_relative_to(fresh_site / "rehearse" / "_rubrics")


@pytest.mark.slow
def test_set_up_leaves_out_triton_on_a_cpu_torch_and_whisper_still_works() -> None:
    """openai-whisper asks for triton (about 1 GB) for its CUDA kernels only; the CPU build of
    torch never uses it, so scripts/setup removes it. Whisper and its word timing still load."""
    import importlib.util

    import torch

    if torch.version.cuda is not None:
        pytest.skip("a CUDA build of torch keeps triton")
    assert importlib.util.find_spec("triton") is None
    proc = subprocess.run([sys.executable, "-c", "import whisper, whisper.timing, whisper.model"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
