"""Terminal rendering (rich) of scores, cue cards and topic lists. Short, calm, scannable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from .bars import bars
from .defaults import SILENCE_DBFS
from .errors import RubricError
from .terminal import SafeConsole
from .timefmt import clock

if TYPE_CHECKING:  # `rehearse topics` renders without the scorer (rapidfuzz) loaded
    from collections.abc import Sequence
    from datetime import datetime
    from pathlib import Path

    from .attempts import Rescored
    from .capture import CaptureResult, InputDevice
    from .doctor import Check
    from .export import Exported
    from .followup import FollowUpResult
    from .progress import Comparison, Overall, Plan, TopicProgress
    from .rubric import Rubric
    from .scoring import LayerResult, Score
    from .store import Attempt

LAYER_STYLES = ("cyan", "green", "magenta", "yellow", "blue", "red")
QUOTE_WIDTH = 48  # characters of a quote shown in the checklist


def layer_styles(rubric: Rubric) -> dict[str, str]:
    return {name: LAYER_STYLES[i % len(LAYER_STYLES)] for i, name in enumerate(rubric.layers)}


def _shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _checklist(score: Score) -> Table:
    styles = layer_styles(score.rubric)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    for name, result in score.layers.items():
        label = Text(result.label, style=styles[name])
        if result.covered:
            quote = Text(f'"{_shorten(result.matched[0].said)}"')
            if len(result.matched) > 1:
                quote.append(f" +{len(result.matched) - 1}", style="dim")
            when = result.first_time
            grid.add_row(Text("✓", style="bold green"), label, quote,
                         Text(clock(when), style="dim") if when is not None else "")
        else:
            grid.add_row(Text("✗", style="bold red"), label, _missed(result), "")
    return grid


def _missed(result: LayerResult) -> Text:
    text = Text()
    text.append("cue: ", style="dim")
    text.append(result.cue)
    text.append("\nnext: ", style="dim")
    text.append(result.next_step, style="italic")
    return text


def highlighted_transcript(score: Score) -> Text:
    """The transcript with each piece of evidence styled in its layer's colour."""
    styles = layer_styles(score.rubric)
    text = Text(score.transcript.text)
    for name, result in score.layers.items():
        for evidence in result.matched:
            text.stylize(f"bold underline {styles[name]}", evidence.start, evidence.end)
    return text


def plural(n: int, noun: str) -> str:
    """``1 layer``, ``4 layers``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def score_report(score: Score, show_transcript: bool = True, detail: str = "") -> RenderableType:
    parts: list[RenderableType] = [Text(score.rubric.question, style="bold")]
    total = len(score.layers)
    summary = Text(f"Covered {score.covered} of {plural(total, 'layer')}",
                   style="bold green" if score.covered == total else "bold")
    if detail:
        summary.append(f" {detail}", style="dim")
    parts += [summary, _checklist(score)]
    if show_transcript:
        parts += [Text(""), Text("Your answer", style="dim"), highlighted_transcript(score)]
    return Group(*parts)


def delivery_lines(delivery: dict[str, Any], labels: dict[str, str]) -> list[Text]:
    """Pace, fillers, pauses, time used; then when each layer came. From the stored figures."""
    first = Text("Delivery: ", style="bold")
    parts: list[tuple[str, str]] = []
    if delivery.get("wpm"):
        pace = delivery["pace"]
        parts.append((f"{delivery['wpm']:.0f} wpm" + ("" if pace == "ok" else f" ({pace})"),
                      "" if pace == "ok" else "yellow"))
    fillers = delivery.get("fillers") or {}
    if fillers:
        detail = ", ".join(f"{word} ×{n}" for word, n in list(fillers.items())[:3])
        parts.append((f"{plural(sum(fillers.values()), 'filler')} ({detail})", ""))
    else:
        parts.append(("no fillers heard", "dim"))
    pauses = delivery.get("pauses") or []
    if pauses:
        longest = max(pauses, key=lambda p: p["seconds"])
        parts.append((f"longest pause {longest['seconds']:.1f} s at {clock(longest['at'])}", ""))
    for i, (part, style) in enumerate(parts):
        first.append((" · " if i else "") + part, style=style)
    lines = [first]
    extra = Text("          ")
    drift = delivery.get("drift") or []
    bits = []
    if delivery.get("time_used") is not None:
        bits.append(f"used {delivery['time_used']:.0%} of the time")
    bits += [f"{'fast' if wpm > 160 else 'slow'} from {clock(at)} ({wpm:.0f} wpm)"
             for at, wpm in drift[:2]]
    repeated = delivery.get("repeated") or []
    if repeated:
        bits.append("repeated: " + ", ".join(f"{w} ×{n}" for w, n in repeated))
    if bits:
        extra.append(" · ".join(bits), style="dim")
        lines.append(extra)
    timeline = delivery.get("timeline") or []
    if timeline:
        order = Text("Structure: ", style="bold")
        order.append(" → ".join(f"{labels.get(name, name)} {clock(at)}" for name, at in timeline))
        if delivery.get("in_order"):
            order.append(" · in order", style="dim")
        lines.append(order)
    for note in delivery.get("structure_notes") or []:
        lines.append(Text(f"           ! {note}", style="yellow"))
    if fillers:
        from .delivery import FILLER_NOTE

        lines.append(Text(f"Filler counts are {FILLER_NOTE}.", style="dim"))
    return lines


def attempt_report(attempt: Attempt, score: Score | None, latency: float | None = None,
                   show_transcript: bool | None = None, again: bool = False) -> RenderableType:
    """The report after an answer: the score (or why there is none) and where it is kept;
    ``again``: an attempt shown again (``rehearse show``), saved long ago.

    A spoken answer's transcript is left out (a two-minute answer would push the report off
    one screen); ``rehearse show ID`` prints it with the evidence highlighted.
    """
    details = []
    if attempt.duration_s is not None and attempt.source != "transcript":
        details.append(f"in {clock(attempt.duration_s)}")
    extra = [attempt.model] if attempt.model else []
    if latency is not None:
        extra.append(f"report {latency:.1f} s after you stopped")
    if extra:
        details.append(f"({', '.join(extra)})")
    if again:
        footer = Text(f"Attempt {attempt.id}, {_when(attempt.started_at)}", style="dim")
        if attempt.audio_path is not None:
            footer.append(f" · rehearse play {attempt.id}", style="dim")
    else:
        footer = Text(f"Saved as attempt {attempt.id}", style="dim")
        if attempt.audio_path is not None:
            footer.append(f" · rehearse play {attempt.id} · rehearse show {attempt.id}",
                          style="dim")
    if show_transcript is None:
        show_transcript = attempt.source == "transcript"
    if score is None and attempt.source == "transcript":
        return Group(Text("Nothing typed, not counted: the answer is empty.", style="bold yellow"),
                     footer)
    if score is None:
        heard = Text("No speech detected", style="bold yellow")
        if attempt.duration_s:
            heard.append(f" in {clock(attempt.duration_s)} of audio")
        heard.append(": nothing heard, not counted. The recording is kept.")
        check = "Check the microphone with: rehearse mic" if attempt.source == "microphone" \
            else "Check that the file holds the spoken answer (rehearse play " \
            f"{attempt.id} plays it)."
        return Group(heard, Text(check, style="dim"), footer)
    parts: list[RenderableType] = [score_report(score, show_transcript, " ".join(details))]
    if attempt.delivery and attempt.source != "transcript":
        labels = {name: layer.label for name, layer in score.layers.items()}
        parts += delivery_lines(attempt.delivery, labels)
    if attempt.state == "scored" and attempt.error:  # e.g. how the transcript was had
        parts.append(Text(f"Note: {attempt.error}", style="yellow"))
    return Group(*parts, footer)


START_PROMPT = Text("Press Enter to start speaking.", style="italic")


SPOKEN_IN_A_TERMINAL = "Enter/Ctrl-C to stop"
SPOKEN = "Ctrl-C to stop"
TYPED = "Ctrl-D on an empty line to finish"


def question_header(rubric: Rubric, seconds: float, how: str) -> RenderableType:
    """What the candidate sees before answering: the question, the time budget and how to
    finish (``SPOKEN``, ``SPOKEN_IN_A_TERMINAL``, ``TYPED``), the layer cue line."""
    head = Text(rubric.question, style="bold")
    head.append(f"   ({clock(seconds)}, {how})", style="dim")
    cue = Text("cue: ", style="dim")
    cue.append(" · ".join(layer.label for layer in rubric.layers.values()))
    return Group(head, cue)


def recording_summary(result: CaptureResult, attempt_id: int) -> Text:
    """One line after recording: how long, how it ended, anything the user must know."""
    text = Text(f"Recorded {clock(result.seconds)}", style="bold")
    endings = {"limit": "time limit reached", "device-lost": "the microphone stopped",
               "disk-full": "the disk is full", "write-failed": "could not write the file"}
    if result.reason in endings:
        text.append(f" ({endings[result.reason]}; what was captured is kept)",
                    style="yellow" if result.reason != "limit" else "dim")
    if result.overflows:
        text.append(f"  {result.overflows} audio blocks were dropped (the machine was too busy)",
                    style="yellow")
    text.append(f"  transcribing attempt {attempt_id}...", style="dim")
    return text


def transcribing(attempt_id: int, seconds: float) -> Text:
    """One line before a recording from a file (``--audio``, ``retry``) is transcribed: the
    wait is the length of a transcription, and the terminal should not look stuck."""
    return Text(f"Transcribing {clock(seconds)} of audio as attempt {attempt_id}...", style="dim")


def rescored(done: Rescored) -> str:
    return (f"Rescored {plural(done.changed + done.unchanged, 'attempt')}: {done.changed} "
            f"changed, {done.unchanged} unchanged, {done.skipped} without a transcript or rubric")


def devices_table(devices: list[InputDevice]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="dim")
    for column in ("", "index", "name", "channels", "rate", "host API"):
        table.add_column(column, no_wrap=column != "name")
    for d in devices:
        table.add_row("*" if d.is_default else "", str(d.index), d.name, str(d.channels),
                      f"{d.default_rate:.0f}", d.hostapi)
    return table


def doctor_report(checks: list[Check]) -> RenderableType:
    """One line per check (✓, ! for a warning, ✗), and the fix under any that is not fine."""
    lines = []
    for check in checks:
        mark = ("✓ ", "green") if check.ok and not check.warning else \
            ("! ", "yellow") if check.ok else ("✗ ", "bold red")
        lines.append(Text.assemble(mark, (f"{check.name}: ", "bold"), check.found))
        if check.fix:
            lines.append(Text(f"  fix: {check.fix}", style="yellow" if check.ok else "red"))
    return Group(*lines)


def rubric_check_report(results: dict[Path, Rubric | RubricError]) -> RenderableType:
    """Each rubric file: ✓ and what it holds, or ✗ and what is wrong."""
    lines = []
    for file, item in results.items():
        if isinstance(item, RubricError):
            lines.append(Text.assemble(("✗ ", "bold red"), str(item)))
            continue
        ideas = sum(len(layer.evidence) for layer in item.layers.values())
        lines.append(Text.assemble(
            ("✓ ", "green"), str(file),
            (f"  {item.id} · {plural(len(item.layers), 'layer')} · {plural(ideas, 'idea')} · "
             f"{plural(len(item.follow_ups), 'follow-up')} · {item.ref}", "dim")))
        lines.extend(Text(f"  note: {note}", style="yellow") for note in item.notes)
    return Group(*lines)


def mic_verdict(result: CaptureResult, peak_dbfs: float) -> tuple[Text, bool]:
    """Whether a microphone check heard anything, as a line and a pass/fail."""
    if result.error:
        return Text(f"✗ {result.error}", style="bold red"), False
    if result.seconds == 0:
        return Text("✗ no audio arrived from the device", style="bold red"), False
    if peak_dbfs < SILENCE_DBFS:
        return Text(f"✗ only silence (loudest {peak_dbfs:.0f} dBFS): is the mic muted or the "
                    "wrong device? see 'rehearse devices'", style="bold red"), False
    return Text(f"✓ heard you: loudest {peak_dbfs:.0f} dBFS over {clock(result.seconds)}",
                style="bold green"), True


def _when(iso: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def attempt_status(attempt: Attempt, recording_alive: bool) -> tuple[str, str]:
    """A short word for where an attempt stands, and its style."""
    if attempt.state == "scored":
        return "", ""
    if attempt.state == "recording":
        if recording_alive:
            return "recording now", "yellow"
        return f"interrupted: rehearse retry {attempt.id}", "yellow"
    if attempt.state == "recorded":
        return f"not transcribed: rehearse retry {attempt.id}", "yellow"
    if attempt.state == "transcribed":
        return attempt.error or "transcribed", "dim"
    if attempt.state == "empty":
        return "nothing heard, not counted", "dim"
    return f"failed: {attempt.error or 'unknown'}", "red"


def exported(done: Exported) -> str:
    """What ``export`` wrote, and what the index now lists."""
    replaced = f" ({done.replaced} replaced from an earlier export)" if done.replaced else ""
    return (f"Wrote {done.written} attempt page{'s' if done.written != 1 else ''}{replaced}; "
            f"{done.index} lists {done.listed} page{'s' if done.listed != 1 else ''}")


def describe(attempt: Attempt) -> str:
    """``attempt 3 (gil, 2026-01-02T10:00) and its recording``: what ``delete`` removes."""
    what = f"attempt {attempt.id} ({attempt.topic}, {attempt.started_at[:16]})"
    return what + (" and its recording" if attempt.audio_path is not None else "")


def history_table(attempts: list[Attempt], alive: dict[int, bool],
                  topic: str | None = None, total: int | None = None) -> RenderableType:
    """Newest first, one line each: when, topic, layers as ✓/✗, duration, state; and, when
    ``total`` says more are kept than listed, how to see them."""
    if not attempts:
        return Text("No attempts yet. Try: rehearse gil" if topic is None
                    else f"No attempts at {topic} yet. Try: rehearse {topic}")
    table = Table(box=None, pad_edge=False, header_style="dim")
    for column in ("id", "when", "topic", "layers", "time", ""):
        table.add_column(column, no_wrap=column != "")
    for attempt in attempts:
        marks = Text()
        for covered in attempt.covered.values():
            marks.append("✓" if covered else "✗", style="green" if covered else "red")
        status, style = attempt_status(attempt, alive.get(attempt.id, False))
        duration = clock(attempt.duration_s) if attempt.duration_s is not None else (
            "typed" if attempt.source == "transcript" else "")
        table.add_row(str(attempt.id), _when(attempt.started_at), attempt.topic, marks,
                      duration, Text(status, style=style))
    if total is None or total <= len(attempts):
        return table
    where = f" {topic}" if topic is not None else ""
    return Group(table, Text(f"The newest {len(attempts)} of {total}; rehearse history{where} "
                             f"--limit {total} lists them all.", style="dim"))


def card(rubric: Rubric, with_question: bool = True) -> RenderableType:
    """The cue card: the question, one short line per layer, and one follow-up."""
    styles = layer_styles(rubric)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for name, layer in rubric.layers.items():
        grid.add_row(Text(layer.label, style=styles[name]), layer.cue)
    if rubric.follow_ups:
        grid.add_row(Text("follow-up", style="dim"), rubric.follow_ups[0].question)
    return Group(Text(rubric.question, style="bold"), grid) if with_question else grid


def follow_up_lines(answer: FollowUpResult) -> RenderableType:
    """How the follow-up went: the points made, and what a good answer mentions."""
    if answer.skipped:
        return Text("Follow-up skipped.", style="dim")
    got = {m["idea"] for m in answer.matched}
    head = Text("Follow-up: ", style="bold")
    if answer.covered:
        head.append(f"✓ made {len(got)} of {len(answer.follow_up.expects)} points", style="green")
    else:
        head.append("✗ not yet", style="red")
    lines: list[RenderableType] = [head]
    for expect in answer.follow_up.expects:
        mark = ("  ✓ ", "green") if expect in got else ("  · ", "dim")
        lines.append(Text.assemble(mark, (expect, "" if expect in got else "dim")))
    if not answer.covered and answer.follow_up.answer:
        lines.append(Text(f"  e.g. {answer.follow_up.answer}", style="italic"))
    return Group(*lines)


def topics_table(rubrics: Sequence[Rubric]) -> Table:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
    table.add_column("topic", no_wrap=True, style="bold")
    table.add_column("question", ratio=1, min_width=30)
    if any(r.source != "built-in" for r in rubrics):  # a long folder path folds, not the question
        table.add_column("from", max_width=40, overflow="fold", style="dim")
    for rubric in rubrics:
        row = [rubric.id, rubric.question]
        if len(table.columns) == 3:
            row.append(rubric.source)
        table.add_row(*row)
    return table


def make_console(stderr: bool = False, width: int | None = None) -> Console:
    """Every command prints through this: transcripts and rubrics are shown, never obeyed."""
    return SafeConsole(stderr=stderr, width=width, highlight=False, soft_wrap=False)


def sparkline(values: tuple[int, ...], top: int, width: int = 12) -> str:
    """Layers covered per attempt (0..top) as bars, the latest on the right."""
    return bars([v / top for v in values[-width:]]) if top else ""


def ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    days = (now - when).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def layer_marks(covered: dict[str, bool], names: list[str]) -> Text:
    marks = Text()
    for name in names:
        if name in covered:
            ok = covered[name]
            marks.append("✓" if ok else "✗", style="green" if ok else "red")
        else:
            marks.append("·", style="dim")
    return marks


def progress_table(progress: list[TopicProgress], layers: dict[str, list[str]], now: datetime,
                   overall: Overall) -> RenderableType:
    table = Table(box=None, pad_edge=False, header_style="dim")
    for column in ("topic", "tries", "trend", "best", "latest", "weakest", "last practised"):
        table.add_column(column, no_wrap=True)
    for p in progress:
        table.add_row(
            p.topic, str(p.attempts), Text(sparkline(p.trend, p.total), style="cyan"),
            f"{p.best}/{p.total}" if p.scored else "", layer_marks(p.latest, layers[p.topic]),
            (p.weakest or "").replace("_", "-"), ago(p.last_practised, now))
    every = f"all {overall.topics} topics" if overall.topics != 1 else "your one topic"
    summary = Text(f"Overall: {overall.coverage:.0%} of the layers of {every} covered in your "
                   "latest answers", style="bold")
    never = overall.topics - overall.tried
    if never:
        summary.append(f" ({never} never tried count as 0; {overall.tried_coverage:.0%} in the "
                       f"{overall.tried} topic{'s' if overall.tried != 1 else ''} tried)", style="dim")
    return Group(table, Text(""), summary)


def plan_view(plan: Plan) -> RenderableType:
    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True, style="dim")
    rows.add_column()
    rows.add_row("answer well", ", ".join(plan.well) or "none yet")
    rows.add_row("inconsistent", ", ".join(plan.inconsistent) or "none")
    rows.add_row("tried once", ", ".join(plan.once) or "none")
    rows.add_row("avoid / new", ", ".join(plan.avoid) or "none")
    parts: list[RenderableType] = [rows, Text("")]
    if plan.next_topic:
        nxt = Text("Next: ", style="bold")
        nxt.append(f"rehearse {plan.next_topic}", style="bold cyan")
        nxt.append(f"  ({plan.reason})", style="dim")
        parts.append(nxt)
    return Group(*parts)


def comparison(change: Comparison) -> Text:
    """What changed between two attempts: layers gained and lost, fillers, pace, time."""
    text = Text(f"{change.after.topic}: attempt {change.before.id} → {change.after.id}  ",
                style="bold")
    label = lambda items: ", ".join(n.replace("_", "-") for n in items)  # noqa: E731
    parts = []
    if change.gained:
        parts.append(("new: " + label(change.gained), "green"))
    if change.dropped:
        parts.append(("dropped: " + label(change.dropped), "red"))
    if change.missing:
        parts.append(("still missing: " + label(change.missing), "yellow"))
    if not change.gained and not change.dropped:
        parts.append(("same layers", "dim"))
    if None not in change.fillers:
        parts.append((f"fillers {change.fillers[0]} → {change.fillers[1]}", ""))
    if None not in change.wpm:
        parts.append((f"{change.wpm[0]:.0f} → {change.wpm[1]:.0f} wpm", ""))
    if None not in change.duration_s:
        before, after = change.duration_s
        parts.append((f"{clock(before)} → {clock(after)}", ""))  # type: ignore[arg-type]
    for i, (part, style) in enumerate(parts):
        text.append(("; " if i else "") + part, style=style)
    return text
