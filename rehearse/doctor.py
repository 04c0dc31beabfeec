"""`rehearse doctor`: check everything rehearse needs, and say how to fix what is missing.

Each check returns a :class:`Check`: ok or not, what was found, and (when not ok) the fix in
one line. Nothing is downloaded; the only change is that the data home (and its empty
database) is created if it does not exist yet, which is how its writability is checked.
"""

from __future__ import annotations

import shutil
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .defaults import DEFAULT_MODEL, ENV_ENGINE, ENV_MODEL, SILENCE_DBFS
from .errors import RehearseError
from .paths import data_home, user_rubrics_dir
from .rubric import RubricError, builtin_rubrics_dir, load_folder

MIN_FREE_BYTES = 200_000_000  # a few hundred answers; a model download needs more
MIC_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    found: str
    fix: str = ""
    warning: bool = False  # not broken, but worth knowing

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def checks_dict(checks: list[Check]) -> dict[str, Any]:
    """``doctor --json``: all passed or not, and each check."""
    return {"ok": all(c.ok for c in checks), "checks": [c.to_dict() for c in checks]}


def check_portaudio() -> Check:
    from .capture import AudioError, sounddevice

    try:
        sd = sounddevice()
    except AudioError as exc:
        return Check("PortAudio", False, "not found", str(exc).split(": ", 1)[-1])
    return Check("PortAudio", True, sd.get_portaudio_version()[1].split(",")[0])


def check_microphone(listen: bool = True) -> Check:
    import tempfile

    from .capture import AudioError, Capture, pick_device

    try:
        device = pick_device(None)
    except AudioError as exc:
        return Check("microphone", False, "no input device",
                     "connect a microphone or enable it in the system's sound settings; "
                     "'rehearse devices' lists what PortAudio sees" if "no input" in str(exc)
                     else str(exc))
    if not listen:
        return Check("microphone", True, device.name)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            capture = Capture(Path(tmp) / "doctor.wav", device, MIC_CHECK_SECONDS)
            capture.start()
            capture.wait(MIC_CHECK_SECONDS + 5)
            result = capture.result()
        except AudioError as exc:
            return Check("microphone", False, device.name, str(exc))
    loudest = capture.loudest
    if result.seconds == 0:
        return Check("microphone", False, f"{device.name}: no audio arrived",
                     "check the device with 'rehearse mic' and the system's sound settings")
    if loudest < SILENCE_DBFS:
        return Check("microphone", True, f"{device.name}: only silence in {MIC_CHECK_SECONDS:.0f} s",
                     "if you spoke, the mic may be muted; try 'rehearse mic'", warning=True)
    return Check("microphone", True, f"{device.name}: heard sound (loudest {loudest:.0f} dBFS)")


def check_models() -> Check:
    from .ct2convert import PACKAGES
    from .transcribe import FASTER_WHISPER, MODEL_NAMES, cache_dir, pick_engine, resolve_model

    folder = cache_dir()
    ready = [name for name in MODEL_NAMES if (folder / f"{name}.pt").is_file()]
    installed = [name for name, package in PACKAGES.items() if package.installed()]
    try:
        chosen = resolve_model(None)
        engine = pick_engine(chosen)
    except RehearseError as exc:
        return Check("Whisper model", False, f"${ENV_MODEL} or ${ENV_ENGINE} is not usable",
                     str(exc))
    how = "CTranslate2, int8" if engine == FASTER_WHISPER else "PyTorch"
    found = f"{chosen.name} ({'ready' if chosen.ready else 'not downloaded'}); cached in " \
            f"{folder}: {', '.join(ready) or 'none'}; installed weights: " \
            f"{', '.join(installed) or 'none'}; engine: {engine} ({how})"
    if chosen.ready:
        return Check("Whisper model", True, found)
    other = f" (installed here: {', '.join(installed)})" if installed else ""
    return Check("Whisper model", False, found,
                 f"answer once with network access (e.g. 'rehearse gil') to download {chosen.name}"
                 f"{' (~140 MB)' if chosen.name == DEFAULT_MODEL else ''}, or pass --model NAME"
                 f"{other} or --model PATH to a .pt file or CTranslate2 model folder; typed "
                 "answers (--transcript) need no model")


def check_data_home() -> Check:
    home = data_home()
    try:
        from .store import Store, ensure_private_dir

        ensure_private_dir(home)  # a Store alone would open a read-only folder for reading
        Store(home).close()
    except RehearseError as exc:
        return Check("data home", False, str(home), str(exc))
    free = shutil.disk_usage(home).free
    mode = stat.S_IMODE(home.stat().st_mode)
    found = f"{home} ({free / 1e9:.1f} GB free, mode {mode:o})"
    if mode & 0o077:
        return Check("data home", True, found, f"others can read your recordings: chmod 700 {home}",
                     warning=True)
    if free < MIN_FREE_BYTES:
        return Check("data home", False, found,
                     "less than 200 MB free: free some space or set REHEARSE_HOME elsewhere")
    return Check("data home", True, found)


def check_rubrics() -> Check:
    folders = [builtin_rubrics_dir(), user_rubrics_dir()]
    counted, broken = 0, []
    for folder in folders:
        if folder.is_dir():
            for item in load_folder(folder).values():
                counted += 1
                if isinstance(item, RubricError):
                    broken.append(str(item))
    if broken:
        return Check("rubrics", False, f"{len(broken)} of {counted} broken",
                     broken[0] + (f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""))
    return Check("rubrics", True, f"{counted} valid in " + ", ".join(
        str(f) for f in folders if f.is_dir()))


def run_checks(listen: bool = True) -> list[Check]:
    """Every check in order; the microphone is only tried once PortAudio loads."""
    results = [check_portaudio()]
    results.append(check_microphone(listen) if results[0].ok else
                   Check("microphone", False, "not checked", "install PortAudio first (above)"))
    return results + [check_models(), check_data_home(), check_rubrics()]
