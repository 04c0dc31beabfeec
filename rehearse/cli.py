"""The `rehearse` command line. It only wires the core modules together.

Kept light on purpose: `rehearse --help`, `topics`, `card` and `--transcript` scoring import
neither torch nor whisper.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text
from typer.core import TyperGroup

from . import __version__

try:  # recent typer vendors click as typer._click; older releases use click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException, NoArgsIsHelpError  # type: ignore[no-redef]
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[no-redef]
from .attempts import Outcome, save_typed
from .defaults import DEFAULT_MODEL, DEFAULT_SECONDS, ENV_MODEL, MAX_SECONDS
from .errors import RehearseError, UsageError
from .followup import DEFAULT_SECONDS as FOLLOW_UP_SECONDS
from .paths import data_home, user_rubrics_dir
from .report import (
    attempt_report,
    attempt_status,
    card,
    clock,
    comparison,
    devices_table,
    follow_up_lines,
    history_table,
    make_console,
    mic_verdict,
    plan_view,
    progress_table,
    topics_table,
)
from .rubric import Catalog, Rubric, RubricError, builtin_rubrics_dir, load_folder, load_rubric
from .scoring import score
from .store import Attempt, Store, process_alive
from .transcript_input import read_transcript

if TYPE_CHECKING:
    import numpy as np

    from .session import SpeakOptions
    from .transcribe import Transcriber


class RehearseGroup(TyperGroup):
    """`rehearse TOPIC ...` runs `practice TOPIC ...`; every error is one line on stderr."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["practice", *args]
        return super().parse_args(ctx, args)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args=args, prog_name=prog_name or "rehearse",
                              complete_var=complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError:  # the help was printed while raising it
            rv = 0
        except ClickUsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            rv = _fail(exc.format_message() + hint, 2)
        except ClickException as exc:
            rv = _fail(exc.format_message(), exc.exit_code)
        except RehearseError as exc:
            rv = _fail(str(exc), exc.exit_code)
        except (KeyboardInterrupt, typer.Abort):
            typer.echo("rehearse: interrupted", err=True)
            rv = 130
        except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback on request
            if os.environ.get("REHEARSE_DEBUG"):
                raise
            rv = _fail(f"unexpected error ({type(exc).__name__}: {exc}); run with "
                       "REHEARSE_DEBUG=1 for the traceback, and please report it", 1)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


def _fail(message: str, code: int) -> int:
    typer.echo(f"rehearse: {' '.join(message.split())}", err=True)
    return code


app = typer.Typer(
    cls=RehearseGroup,
    name="rehearse",
    help="Practise spoken answers to interview questions, offline: concept, example, code, "
         "trade-off.\n\n`rehearse gil` asks the question and listens; `rehearse gil "
         "--transcript FILE` scores a written answer; `rehearse topics` lists the topics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rubric_app = typer.Typer(help="Validate rubric files.", no_args_is_help=True)
app.add_typer(rubric_app, name="rubric")

RubricsOption = Annotated[
    Path | None,
    typer.Option("--rubrics", metavar="DIR",
                 help="A folder of your own rubrics (adds topics or overrides shipped ones)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", "-m", metavar="NAME|PATH", envvar=ENV_MODEL, show_envvar=True,
    help=f"Whisper model name or checkpoint file [default: {DEFAULT_MODEL}].")]


def _catalog(extra: Path | None) -> Catalog:
    folders = [(builtin_rubrics_dir(), "built-in"), (user_rubrics_dir(), "user")]
    if extra is not None:
        if not extra.is_dir():
            raise UsageError(f"--rubrics {str(extra)!r} is not a folder")
        folders.append((extra, str(extra)))
    return Catalog(folders)


def _print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rehearse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    pass


@app.command("practice")
def practice(
    topic: Annotated[str, typer.Argument(help="Topic id, e.g. gil (see `rehearse topics`).")],
    transcript: Annotated[str | None, typer.Option(
        "--transcript", "-t", metavar="FILE",
        help="Score a written answer from FILE ('-' reads stdin; in a terminal, type it).")] = None,
    audio: Annotated[Path | None, typer.Option(
        "--audio", "-a", metavar="FILE",
        help="Score a recording made elsewhere (WAV, FLAC, OGG; any rate; mono or stereo).")] = None,
    seconds: Annotated[int, typer.Option(
        "--seconds", "-s", min=1, max=MAX_SECONDS,
        help="Time limit for the spoken answer.")] = DEFAULT_SECONDS,
    device: Annotated[str | None, typer.Option(
        "--device", "-d", metavar="NAME|INDEX", help="Input device (see `rehearse devices`).")] = None,
    model: ModelOption = None,
    cue: Annotated[bool, typer.Option("--cue", help="Show the cue card before you speak.")] = False,
    follow_up: Annotated[bool | None, typer.Option(
        "--follow-up/--no-follow-up",
        help="Ask one of the topic's follow-ups afterwards [default: when in a terminal].")] = None,
    follow_up_seconds: Annotated[int, typer.Option(
        "--follow-up-seconds", min=1, max=MAX_SECONDS,
        help="Time limit for the follow-up.")] = FOLLOW_UP_SECONDS,
    coach: Annotated[bool, typer.Option(
        "--coach", help="A quiet hint at 1:30 naming a layer not heard yet.")] = False,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Answer TOPIC out loud and see which layers you covered (`rehearse TOPIC` is the same).

    Shows the question, records from the microphone until Enter, Ctrl-C or the time limit,
    transcribes locally with Whisper, scores, reports and keeps the attempt.
    """
    rubric = _catalog(rubrics).get(topic)
    if transcript is not None and audio is not None:
        raise UsageError("use --transcript or --audio, not both")
    store = Store(data_home())
    if transcript is not None:
        outcome = save_typed(store, rubric, read_transcript(transcript))
        _report(store, outcome, as_json)
        return
    from .attempts import import_audio
    from .transcribe import Transcriber, resolve_model

    transcriber = Transcriber(resolve_model(model))
    if audio is not None:
        attempt_id, samples = import_audio(store, rubric, audio)
        _transcribe_and_report(store, store.get(attempt_id), rubric, transcriber, as_json,
                               samples)
        return
    from .session import SpeakOptions

    options = SpeakOptions(seconds, device, cue, follow_up, follow_up_seconds, coach)
    _speak(store, rubric, transcriber, options, as_json)


def _speak(store: Store, rubric: Rubric, transcriber: Transcriber, options: SpeakOptions,
           as_json: bool) -> None:
    from .session import speak

    done: dict[str, Any] = {}

    def report(outcome: Outcome, latency: float) -> None:
        done.update(outcome=outcome, latency=latency)
        if not as_json:
            _report(store, outcome, False, latency)

    console = make_console(stderr=as_json)
    answer = speak(store, rubric, transcriber, options, console, report)
    if as_json:
        data = done["outcome"].to_dict(store)
        data["report_latency_s"] = round(done["latency"], 2)
        data["follow_up"] = answer.to_dict() if answer else None
        _print_json(data)
    elif answer is not None:
        console.print(follow_up_lines(answer))


def _transcribe_and_report(store: Store, attempt: Attempt, rubric: Rubric,
                           transcriber: Transcriber, as_json: bool,
                           samples: np.ndarray | None = None) -> None:
    from .attempts import transcribe_attempt

    try:
        outcome = transcribe_attempt(store, attempt, rubric, transcriber, samples)
    except RehearseError as exc:
        store.update(attempt.id, error=str(exc))
        raise RehearseError(f"{exc}. The recording is kept (attempt {attempt.id}); try again "
                            f"with: rehearse retry {attempt.id}") from None
    _report(store, outcome, as_json)


def _report(store: Store, outcome: Outcome, as_json: bool, latency: float | None = None) -> None:
    if as_json:
        data = outcome.to_dict(store)
        if latency is not None:
            data["report_latency_s"] = round(latency, 2)
        _print_json(data)
        return
    attempt = store.get(outcome.attempt_id)
    make_console().print(attempt_report(attempt, outcome.score, latency))


@app.command("history")
def history(
    topic: Annotated[str | None, typer.Argument(help="Only this topic.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Your attempts, newest first: when, topic, layers covered, duration."""
    store = Store(data_home())
    attempts = store.list(topic, limit)
    alive = {a.id: process_alive(a.pid) for a in attempts if a.state == "recording"}
    if as_json:
        _print_json({"attempts": [
            {"id": a.id, "topic": a.topic, "started_at": a.started_at, "source": a.source,
             "duration_s": a.duration_s, "state": a.state, "error": a.error,
             "interrupted": a.state == "recording" and not alive.get(a.id, False),
             "covered": a.covered, "model": a.model, "rubric": a.rubric,
             "audio": str(a.audio_path) if a.audio_path else None} for a in attempts]})
        return
    if not attempts:
        make_console().print("No attempts yet. Try: rehearse gil" if topic is None
                             else f"No attempts at {topic} yet. Try: rehearse {topic}")
        return
    make_console().print(history_table(attempts, alive))


def _topic_layers(catalog: Catalog) -> dict[str, list[str]]:
    return {r.id: list(r.layers) for r in catalog}


@app.command("show")
def show(
    attempt_id: Annotated[int, typer.Argument(metavar="ID", help="Attempt id (see `rehearse history`).")],
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Show an attempt's full report again, the evidence highlighted in its transcript."""
    from .attempts import stored_transcript

    store = Store(data_home())
    attempt = store.get(attempt_id)
    if as_json:
        data = {"attempt": attempt.id, "topic": attempt.topic, "state": attempt.state,
                "started_at": attempt.started_at, "duration_s": attempt.duration_s,
                "source": attempt.source, "model": attempt.model, "error": attempt.error,
                "audio": str(attempt.audio_path) if attempt.audio_path else None,
                "result": attempt.result}
        _print_json(data)
        return
    console = make_console()
    if attempt.transcript is None:
        status, _ = attempt_status(attempt, process_alive(attempt.pid))
        raise RehearseError(f"attempt {attempt_id} has no transcript yet ({status})")
    rubric = _catalog(rubrics).get(attempt.topic)
    result = score(stored_transcript(attempt), rubric) if attempt.transcript else None
    console.print(attempt_report(attempt, result, show_transcript=True))
    if attempt.rubric and attempt.rubric != rubric.ref:
        console.print(Text(f"Scored with rubric {attempt.rubric}; shown with {rubric.ref}. "
                           f"Store the new score with: rehearse rescore {attempt_id}", style="dim"))


@app.command("play")
def play(
    attempt_id: Annotated[int, typer.Argument(metavar="ID", help="Attempt id.")],
    start: Annotated[float | None, typer.Option("--from", metavar="SECONDS", min=0,
                                                help="Start this many seconds in.")] = None,
    layer: Annotated[str | None, typer.Option(
        "--layer", metavar="LAYER", help="Start where this layer was first heard, e.g. trade_off.")] = None,
    device: Annotated[str | None, typer.Option("--device", "-d", metavar="NAME|INDEX",
                                               help="Output device.")] = None,
) -> None:
    """Play an attempt's recording (Ctrl-C stops)."""
    from .playback import play_file

    store = Store(data_home())
    attempt = store.get(attempt_id)
    if attempt.audio_path is None:
        raise RehearseError(f"attempt {attempt_id} was typed: there is no recording to play")
    if start is not None and layer is not None:
        raise UsageError("use --from or --layer, not both")
    if layer is not None:
        start = _layer_start(attempt, layer)
    seconds = play_file(attempt.audio_path, start or 0.0, device)
    make_console().print(Text(f"Played {clock(seconds)} of attempt {attempt_id}", style="dim"))


def _layer_start(attempt: Attempt, layer: str) -> float:
    key = layer.replace("-", "_")
    layers = (attempt.result or {}).get("layers", {})
    if key not in layers:
        raise UsageError(f"attempt {attempt.id} has no layer {layer!r}; its layers: "
                         + ", ".join(layers))
    times = [e["time"] for e in layers[key]["matched"] if e.get("time") is not None]
    if not times:
        raise RehearseError(f"{layer} was not heard in attempt {attempt.id}, so there is "
                            "nowhere to start from")
    return max(0.0, min(times) - 0.5)  # half a second of lead-in


@app.command("compare")
def compare(
    first: Annotated[str | None, typer.Argument(metavar="ID1|TOPIC", help="An attempt id, or a "
                                                "topic to compare its last two attempts.")] = None,
    second: Annotated[int | None, typer.Argument(metavar="ID2")] = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """What changed between two attempts (or the last two of a topic)."""
    store = Store(data_home())
    if first is not None and first.isdigit():
        if second is None:
            raise UsageError("give two attempt ids, or a topic")
        before, after = store.get(int(first)), store.get(second)
    else:
        if second is not None:
            raise UsageError("give two attempt ids, or one topic")
        if first is None:  # the topic practised last
            newest = store.list(limit=1)
            first = newest[0].topic if newest else None
        scored = [a for a in store.list(first, limit=200, full=True) if a.covered]
        if len(scored) < 2:
            where = f" of {first}" if first else ""
            raise RehearseError(f"need two scored attempts{where} to compare; "
                                f"'rehearse history' lists them")
        after, before = scored[0], scored[1]
    from .progress import compare as compare_attempts

    catalog = _catalog(rubrics)
    names = list(catalog.rubrics[after.topic].layers) if after.topic in catalog.rubrics else \
        list(after.covered)
    change = compare_attempts(before, after, names)
    if as_json:
        _print_json({"before": before.id, "after": after.id, "topic": after.topic,
                     "gained": change.gained, "dropped": change.dropped,
                     "missing": change.missing, "duration_s": change.duration_s,
                     "fillers": change.fillers, "wpm": change.wpm})
        return
    make_console().print(comparison(change))


@app.command("progress")
def progress(
    topic: Annotated[str | None, typer.Argument(help="Only this topic.")] = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Per topic: attempts, trend, best and latest layers, weakest layer, last practised."""
    from .progress import all_progress, overall_coverage

    catalog = _catalog(rubrics)
    layers = _topic_layers(catalog)
    if topic is not None:
        layers = {catalog.get(topic).id: layers[topic]}
    items = all_progress(layers, Store(data_home()).layer_history(topic))
    now = datetime.now(UTC)
    if as_json:
        _print_json({"overall_coverage": round(overall_coverage(items), 3), "topics": [
            {"topic": p.topic, "attempts": p.attempts, "trend": list(p.trend), "best": p.best,
             "total": p.total, "latest": p.latest, "weakest": p.weakest,
             "last_practised": p.last_practised.isoformat() if p.last_practised else None,
             "layer_rates": p.layer_rates} for p in items]})
        return
    make_console().print(progress_table(items, layers, now, overall_coverage(items)))


@app.command("plan")
def plan_command(as_json: JsonOption = False, rubrics: RubricsOption = None) -> None:
    """Three buckets from your history (answer well / inconsistent / avoid) and what to do next."""
    from .progress import all_progress, plan

    catalog = _catalog(rubrics)
    result = plan(all_progress(_topic_layers(catalog), Store(data_home()).layer_history()))
    if as_json:
        _print_json({"well": result.well, "inconsistent": result.inconsistent,
                     "avoid": result.avoid, "next": result.next_topic, "reason": result.reason})
        return
    make_console().print(plan_view(result))


def _one_or_all(attempt_id: int | None, all_attempts: bool,
                rubrics: Path | None) -> tuple[Store, Catalog, list[Attempt]]:
    """The store, the rubrics and the attempts a command was given: one id, or --all."""
    if (attempt_id is None) == (not all_attempts):
        raise UsageError("give an attempt id or --all")
    store = Store(data_home())
    attempts = [store.get(attempt_id)] if attempt_id is not None else store.list(full=True)
    return store, _catalog(rubrics), attempts


@app.command("export")
def export_command(
    attempt_id: Annotated[int | None, typer.Argument(metavar="ID", help="One attempt.")] = None,
    all_attempts: Annotated[bool, typer.Option("--all", help="Every attempt.")] = False,
    html: Annotated[Path, typer.Option(
        "--html", metavar="DIR", help="Folder for the pages (created if needed).")] = Path("review"),
    rubrics: RubricsOption = None,
) -> None:
    """Write static review pages (audio player, highlighted transcript, progress chart)."""
    from .attempts import stored_transcript
    from .export import export

    store, catalog, attempts = _one_or_all(attempt_id, all_attempts, rubrics)
    scores = {a.id: score(stored_transcript(a), catalog.rubrics[a.topic])
              for a in attempts if a.transcript and a.topic in catalog.rubrics}
    try:
        index = export(attempts, scores, html)
    except OSError as exc:
        raise RehearseError(f"cannot write to {str(html)!r}: {exc.strerror or exc}") from None
    make_console().print(f"Wrote {len(attempts)} attempt page(s): {index}")


@app.command("rescore")
def rescore(
    attempt_id: Annotated[int | None, typer.Argument(metavar="ID", help="One attempt.")] = None,
    all_attempts: Annotated[bool, typer.Option("--all", help="Every transcribed attempt.")] = False,
    rubrics: RubricsOption = None,
) -> None:
    """Score stored transcripts again with the current rubrics (after editing a rubric)."""
    from .attempts import stored_transcript

    store, catalog, targets = _one_or_all(attempt_id, all_attempts, rubrics)
    from .delivery import analyse

    changed = unchanged = skipped = 0
    for attempt in targets:
        if not attempt.transcript or attempt.topic not in catalog.rubrics:
            skipped += 1
            continue
        rubric = catalog.rubrics[attempt.topic]
        scored = score(stored_transcript(attempt), rubric)
        result = scored.to_dict()
        if attempt.result == result and attempt.rubric == rubric.ref:
            unchanged += 1
            continue
        # the structure notes come from the layers' times: measure delivery again too
        limit = (attempt.delivery or {}).get("limit_s")
        store.update(attempt.id, result=result, rubric=rubric.ref, state="scored",
                     delivery=analyse(scored, attempt.duration_s, limit).to_dict())
        changed += 1
    make_console().print(f"Rescored {changed + unchanged} attempts: {changed} changed, "
                         f"{unchanged} unchanged, {skipped} without a transcript or rubric")


@app.command("delete")
def delete(
    attempt_id: Annotated[int, typer.Argument(metavar="ID", help="Attempt id.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete an attempt and its recording."""
    store = Store(data_home())
    attempt = store.get(attempt_id)
    if not yes and sys.stdin.isatty():
        what = f"attempt {attempt_id} ({attempt.topic}, {attempt.started_at[:16]})"
        if attempt.audio_path is not None:
            what += " and its recording"
        if not typer.confirm(f"Delete {what}?"):
            raise typer.Exit(1)
    store.delete(attempt_id)
    make_console().print(f"Deleted attempt {attempt_id}")


@app.command("retry")
def retry(
    attempt_id: Annotated[int, typer.Argument(metavar="ID", help="Attempt id (see `rehearse history`).")],
    model: ModelOption = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Transcribe and score a recording that was not finished (no model, crash, kill)."""
    store = Store(data_home())
    attempt = store.get(attempt_id)
    if attempt.state == "recording" and process_alive(attempt.pid):
        raise RehearseError(f"attempt {attempt_id} is still being recorded (process {attempt.pid})")
    if attempt.audio_path is None:
        raise RehearseError(f"attempt {attempt_id} was typed, not recorded: nothing to transcribe")
    from .transcribe import Transcriber, resolve_model

    rubric = _catalog(rubrics).get(attempt.topic)
    _transcribe_and_report(store, attempt, rubric, Transcriber(resolve_model(model)), as_json)


@app.command("doctor")
def doctor(
    listen: Annotated[bool, typer.Option("--listen/--no-listen",
                                         help="Record one second to check the microphone hears.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Check PortAudio, the microphone, the Whisper model, the data home and the rubrics."""
    from .doctor import run_checks

    checks = run_checks(listen)
    if as_json:
        _print_json({"ok": all(c.ok for c in checks), "checks": [c.__dict__ for c in checks]})
    else:
        console = make_console()
        for check in checks:
            mark = ("✓ ", "green") if check.ok and not check.warning else \
                ("! ", "yellow") if check.ok else ("✗ ", "bold red")
            console.print(Text.assemble(mark, (f"{check.name}: ", "bold"), check.found))
            if check.fix:
                console.print(Text(f"  fix: {check.fix}", style="yellow" if check.ok else "red"))
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("devices")
def devices(as_json: JsonOption = False) -> None:
    """List input devices; the default one is marked with *."""
    from .capture import input_devices

    found = input_devices()
    if as_json:
        _print_json({"devices": [d.__dict__ for d in found]})
        return
    if not found:
        raise RehearseError("no input device found: connect a microphone and try again")
    make_console().print(devices_table(found))


@app.command("mic")
def mic(
    device: Annotated[str | None, typer.Option("--device", "-d", metavar="NAME|INDEX")] = None,
    seconds: Annotated[int, typer.Option("--seconds", "-s", min=1, max=30)] = 3,
) -> None:
    """Check the microphone: record a few seconds and say whether it heard anything."""
    from .capture import Capture, pick_device
    from .live import record

    chosen = pick_device(device)
    console = make_console()
    console.print(f"Listening on {chosen.name} for {seconds} s: say something...")
    with tempfile.TemporaryDirectory() as tmp:
        capture = Capture(Path(tmp) / "mic.wav", chosen, seconds)
        result = record(capture, seconds, console, interactive=False)
        peak = capture.loudest
    verdict, ok = mic_verdict(result, peak)
    console.print(verdict)
    if not ok:
        raise typer.Exit(1)


@app.command("topics")
def topics(as_json: JsonOption = False, rubrics: RubricsOption = None) -> None:
    """List the topics you can rehearse."""
    catalog = _catalog(rubrics)
    for error in catalog.errors.values():
        typer.echo(f"rehearse: warning: skipped a broken rubric: {error}", err=True)
    if as_json:
        _print_json({"topics": [
            {"id": r.id, "title": r.title, "question": r.question, "source": r.source,
             "layers": list(r.layers), "rubric": r.ref, "path": str(r.path) if r.path else None}
            for r in catalog]})
    else:
        make_console().print(topics_table(catalog))


@app.command("card")
def card_command(
    topic: Annotated[str, typer.Argument(help="Topic id, e.g. gil.")],
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Show the cue card: one short line per layer, and a follow-up."""
    rubric = _catalog(rubrics).get(topic)
    if as_json:
        follow = rubric.follow_ups[0].question if rubric.follow_ups else None
        _print_json({"topic": rubric.id, "question": rubric.question,
                     "layers": {n: {"label": lay.label, "cue": lay.cue}
                                for n, lay in rubric.layers.items()},
                     "follow_up": follow})
    else:
        make_console().print(card(rubric))


@rubric_app.command("check")
def rubric_check(
    path: Annotated[Path | None, typer.Argument(
        help="A rubric file or folder. Default: the shipped rubrics and yours.")] = None,
    rubrics: RubricsOption = None,
) -> None:
    """Validate rubrics; each problem names the file, the key and what is wrong."""
    results: dict[Path, Rubric | RubricError] = {}
    if path is None:
        for folder, source in _catalog(rubrics).folders:
            if folder.is_dir():
                results.update(load_folder(folder, source))
    elif path.is_dir():
        results = load_folder(path)
        if not results:
            raise UsageError(f"no .toml rubric files in {str(path)!r}")
    elif path.exists():
        try:
            results[path] = load_rubric(path, "user")
        except RubricError as exc:
            results[path] = exc
    else:
        raise UsageError(f"{str(path)!r} does not exist")

    console = make_console()
    for file, item in results.items():
        if isinstance(item, RubricError):
            console.print(Text.assemble(("✗ ", "bold red"), str(item)))
            continue
        ideas = sum(len(layer.evidence) for layer in item.layers.values())
        console.print(Text.assemble(
            ("✓ ", "green"), str(file),
            (f"  {item.id} · {len(item.layers)} layers · {ideas} ideas · "
             f"{len(item.follow_ups)} follow-ups · {item.ref}", "dim")))
    if any(isinstance(item, RubricError) for item in results.values()):
        raise typer.Exit(1)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    typer.main.get_command(app).main(args=argv, prog_name="rehearse")
