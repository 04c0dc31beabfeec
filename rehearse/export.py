"""Static HTML review pages: one per attempt, and an index with a progress chart.

Self-contained and offline: CSS and JS are inline, the recording is copied next to the page,
and every piece of user text (transcripts, topics, evidence) is escaped.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .errors import RehearseError, UsageError
from .scoring import Score
from .store import Attempt, Store, StoreError
from .timefmt import clock

_PAGE = re.compile(r"attempt-(\d+)\.html")
LAYER_COLOURS = ("#0e7490", "#15803d", "#a21caf", "#b45309", "#1d4ed8", "#b91c1c")

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}
.layers{list-style:none;padding:0}.layers li{margin:.3rem 0}
.ok{color:#15803d;font-weight:bold}.miss{color:#b91c1c;font-weight:bold}
.cue{color:#6b7280}.t{font:inherit;font-size:.85rem;border:1px solid #d1d5db;border-radius:4px;
background:#f9fafb;cursor:pointer;padding:0 .3rem;margin-left:.4rem}
.transcript{white-space:pre-wrap;background:#f9fafb;padding:1rem;border-radius:6px}
mark{background:none;border-bottom:3px solid;cursor:pointer}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#6b7280}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}
audio{width:100%}
"""

_SEEK = """
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-time]');
  if (!target) return;
  var audio = document.querySelector('audio');
  if (!audio) return;
  audio.currentTime = parseFloat(target.dataset.time);
  audio.play().catch(function () {});
});
"""


def _page(title: str, body: str, script: str = "") -> str:
    js = f"<script>{script}</script>" if script else ""
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{body}{js}</body></html>\n")


def _time_button(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f'<button class="t" data-time="{seconds:.2f}">{clock(seconds)}</button>'


def attempt_page(attempt: Attempt, score: Score | None, audio_name: str | None) -> str:
    """The review page of one attempt."""
    parts = [f"<h1>{escape(score.rubric.question if score else attempt.topic)}</h1>",
             f'<p class="cue">Attempt {attempt.id} · {escape(attempt.topic)} · '
             f"{escape(attempt.started_at)}</p>"]
    if audio_name:
        parts.append(f'<audio controls preload="metadata" src="{escape(audio_name)}"></audio>')
    if score is None:
        parts.append("<p>No transcript: nothing to score.</p>")
        return _page(f"rehearse · attempt {attempt.id}", "".join(parts), _SEEK)
    colours = {name: LAYER_COLOURS[i % len(LAYER_COLOURS)] for i, name in enumerate(score.layers)}
    items = []
    for name, layer in score.layers.items():
        label = f'<span style="color:{colours[name]}">{escape(layer.label)}</span>'
        if layer.covered:
            quote = escape(layer.matched[0].said)
            items.append(f'<li><span class="ok">✓</span> {label} “{quote}”'
                         f"{_time_button(layer.first_time)}</li>")
        else:
            items.append(f'<li><span class="miss">✗</span> {label} '
                         f'<span class="cue">cue: {escape(layer.cue)}</span></li>')
    parts.append(f"<h2>Covered {score.covered} of {len(score.layers)} layers</h2>"
                 f'<ul class="layers">{"".join(items)}</ul>')
    parts.append(f'<h2>Transcript</h2><div class="transcript">{_highlight(score, colours)}</div>')
    parts.append("<h2>Delivery</h2>" + _delivery(attempt, score))
    return _page(f"rehearse · attempt {attempt.id}", "".join(parts), _SEEK)


def _highlight(score: Score, colours: dict[str, str]) -> str:
    text = score.transcript.text
    spans = sorted((e.start, e.end, name, e.time) for name, layer in score.layers.items()
                   for e in layer.matched)
    out, position = [], 0
    for start, end, name, time in spans:
        if start < position:  # overlapping evidence of two layers: the first one wins
            continue
        out.append(escape(text[position:start]))
        data = f' data-time="{time:.2f}"' if time is not None else ""
        out.append(f'<mark class="layer-{escape(name)}" style="border-color:{colours[name]}"'
                   f'{data} title="{escape(name)}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def _delivery(attempt: Attempt, score: Score) -> str:
    delivery = attempt.delivery or {}
    rows = [("words", str(len(score.transcript.text.split())))]
    if attempt.duration_s:
        rows.append(("time", clock(attempt.duration_s)))
    if delivery.get("wpm"):
        rows.append(("pace", f"{delivery['wpm']:.0f} words per minute"))
    if delivery.get("fillers"):
        rows.append(("fillers", ", ".join(f"{w} ×{n}" for w, n in delivery["fillers"].items())))
    if attempt.model:
        rows.append(("model", attempt.model))
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"


def index_page(attempts: Sequence[Attempt], pages: dict[int, str]) -> str:
    """Every exported attempt, newest first, and layers covered over time as a chart."""
    rows = []
    for a in attempts:
        covered = sum(a.covered.values())
        link = (f'<a href="{escape(pages[a.id])}">attempt {a.id}</a>' if a.id in pages
                else f"attempt {a.id}")
        rows.append(f"<tr><td>{link}</td><td>{escape(a.started_at[:16])}</td>"
                    f"<td>{escape(a.topic)}</td><td>{covered}/{len(a.covered) or 4}</td></tr>")
    body = ("<h1>rehearse · your attempts</h1>" + _chart(attempts)
            + "<table><tr><th>attempt</th><th>when</th><th>topic</th><th>layers</th></tr>"
            + "".join(rows) + "</table>")
    return _page("rehearse · attempts", body)


def _chart(attempts: Sequence[Attempt]) -> str:
    """Layers covered per scored attempt, oldest to newest, as an inline SVG line."""
    scored = [a for a in sorted(attempts, key=lambda a: a.started_at) if a.covered]
    if len(scored) < 2:
        return ""
    width, height = 640, 120
    step = width / (len(scored) - 1)
    points = " ".join(
        f"{i * step:.1f},{height - sum(a.covered.values()) / len(a.covered) * (height - 10):.1f}"
        for i, a in enumerate(scored))
    return (f'<svg role="img" aria-label="layers covered over time" viewBox="-5 -5 {width + 10} '
            f'{height + 10}" width="100%" height="{height + 10}"><polyline fill="none" '
            f'stroke="#0e7490" stroke-width="2" points="{points}"/></svg>')


@dataclass(frozen=True)
class Exported:
    index: Path
    written: int
    replaced: int  # of those, pages that an earlier export had written for the same attempts
    listed: int  # pages the index links: this export's and the earlier ones still in the store


def export(store: Store, attempts: Sequence[Attempt], folder: Path) -> Exported:
    """Write each attempt's page (and a copy of its recording) into ``folder``, from its stored
    score, and an index of every attempt page in the folder, earlier exports' included. The
    folder and files are readable by you alone, like the data home. Fails in one line if the
    folder cannot be written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{str(folder)!r} is a file; --html takes a folder to write the pages "
                         "into")
    try:
        return _write(store, attempts, folder)
    except OSError as exc:
        raise RehearseError(f"cannot write to {str(folder)!r}: {exc.strerror or exc}") from None


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_uid == os.getuid():
        path.chmod(0o700)
    return path


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an earlier export's page may have been world-readable
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def _write(store: Store, attempts: Sequence[Attempt], folder: Path) -> Exported:
    from .attempts import stored_score

    _private_dir(folder)
    earlier = {int(m[1]) for p in folder.iterdir() if (m := _PAGE.fullmatch(p.name))}
    pages: dict[int, str] = {}
    for attempt in attempts:
        audio_name = None
        if attempt.audio_path is not None and attempt.audio_path.is_file():
            target = _private_dir(folder / "audio") / f"attempt-{attempt.id}{attempt.audio_path.suffix}"
            shutil.copyfile(attempt.audio_path, target)
            target.chmod(0o600)
            audio_name = f"audio/{target.name}"
        pages[attempt.id] = f"attempt-{attempt.id}.html"
        _write_private(folder / pages[attempt.id],
                       attempt_page(attempt, stored_score(attempt), audio_name))
    listed = list(attempts)
    for attempt_id in sorted(earlier - pages.keys()):
        try:
            listed.append(store.get(attempt_id))
        except StoreError:  # deleted since: its page stays, unlisted
            continue
        pages[attempt_id] = f"attempt-{attempt_id}.html"
    listed.sort(key=lambda a: (a.started_at, a.id), reverse=True)
    index = folder / "index.html"
    _write_private(index, index_page(listed, pages))
    return Exported(index, len(attempts), len(earlier & {a.id for a in attempts}), len(listed))
