"""The HTML export, checked in a real headless Chromium (Debian's chromium + chromedriver)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from typer.testing import CliRunner

from rehearse.cli import app
from rehearse.rubric import Rubric
from rehearse.scoring import Transcript, Word, score
from rehearse.store import Store

runner = CliRunner()
XSS = "The GIL is a mutex in CPython <script>window.hacked = 1</script> & more."


def _browser(tmp_path: Path):
    from selenium import webdriver

    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.fail("chromium and chromium-driver are missing: run scripts/setup")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture
def exported(tmp_path: Path, data_home: Path, gil: Rubric) -> Path:
    store = Store(data_home)
    (data_home / "recordings").mkdir()
    wav = data_home / "recordings" / "gil-1.wav"
    tone = (np.sin(np.arange(16_000 * 8) / 8) * 8000).astype("int16")
    sf.write(wav, tone, 16_000, subtype="PCM_16")
    words = [[w, i * 0.5, i * 0.5 + 0.4] for i, w in enumerate(XSS.split(" "))]
    text = " ".join(w for w, _, _ in words)
    spoken = score(Transcript.from_words([Word(*w) for w in words]), gil)
    store.add("gil", "microphone", audio_path=wav, transcript=text, words=words,
              state="scored", duration_s=8.0, model="base.en", result=spoken.to_dict())
    typed = "Threads don't speed up CPU-bound work."
    store.add("gil", "transcript", transcript=typed, state="scored",
              result=score(typed, gil).to_dict())
    out = tmp_path / "review"
    result = runner.invoke(app, ["export", "--all", "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_export_files_are_self_contained(exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == [
        "attempt-1.html", "attempt-2.html", "audio", "index.html"]
    page = (exported / "attempt-1.html").read_text()
    assert "<script>window.hacked" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page  # works offline
    assert (exported / "audio" / "attempt-1.wav").is_file()


@pytest.mark.slow
def test_pages_in_a_headless_browser(exported: Path, tmp_path: Path) -> None:
    driver = _browser(tmp_path)
    try:
        driver.get((exported / "attempt-1.html").as_uri())
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        audio = driver.find_element("css selector", "audio")
        assert audio.get_attribute("src").endswith("/audio/attempt-1.wav")
        # the transcript's <script> is text on the page, and it never ran
        transcript = driver.find_element("css selector", ".transcript").text
        assert "<script>window.hacked = 1</script>" in transcript
        assert driver.execute_script("return window.hacked === undefined")
        # clicking an evidence time seeks the recording there
        button = driver.find_element("css selector", "button.t")
        target = float(button.get_attribute("data-time"))
        assert target > 0
        driver.execute_script("""
            const audio = document.querySelector('audio');
            return new Promise(resolve => {
              if (audio.readyState >= 1) resolve(); else audio.onloadedmetadata = resolve;
            });""")
        button.click()
        now = driver.execute_script("return document.querySelector('audio').currentTime")
        assert abs(now - target) < 0.3
        driver.get((exported / "index.html").as_uri())
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
        assert len(driver.find_elements("css selector", "table a")) == 2
    finally:
        driver.quit()


def test_exporting_one_attempt_keeps_the_earlier_pages_in_the_index(exported: Path) -> None:
    before = (exported / "index.html").read_text()
    assert 'href="attempt-1.html"' in before and 'href="attempt-2.html"' in before
    result = runner.invoke(app, ["export", "1", "--html", str(exported)])
    assert result.exit_code == 0, result.output
    after = (exported / "index.html").read_text()
    assert 'href="attempt-1.html"' in after and 'href="attempt-2.html"' in after
    assert "replaced" in result.stdout and "2 pages" in result.stdout


def test_exported_files_are_private_like_the_store(exported: Path) -> None:
    import stat

    for path in [exported, *exported.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_export_into_a_file_says_it_wants_a_folder(exported: Path, tmp_path: Path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("mine")
    result = runner.invoke(app, ["export", "1", "--html", str(taken)])
    assert result.exit_code == 2 and "is a file; --html takes a folder" in result.stderr
    assert taken.read_text() == "mine"
