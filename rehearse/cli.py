"""The `rehearse` command line. It only wires the core modules together.

Kept light on purpose: `rehearse --help`, `topics`, `card` and `--transcript` scoring import
neither torch nor whisper. Each command imports what it uses when it runs: `--help` loads no
rubric, scorer or rich, `topics` no scorer (nor, for the shipped rubrics, the tokenizer; with
--json no rich), `TOPIC --transcript FILE --json` no rich. (typer reads the commands' parameter
annotations when it builds the app: the types they name are imported at the top.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .cligroup import RehearseGroup, WrappingGroup, confirm
from .defaults import DEFAULT_MODEL, DEFAULT_SECONDS, ENV_MODEL, FOLLOW_UP_SECONDS, MAX_SECONDS
from .errors import RehearseError, RubricError, UsageError
from .paths import data_home

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from .attempts import Outcome
    from .store import Attempt, Store

app = typer.Typer(
    cls=RehearseGroup,
    name="rehearse",
    help="Practise spoken answers to interview questions, offline: concept, example, code, "
         "trade-off.\n\n`rehearse gil` asks the question and listens; `rehearse gil "
         "--transcript FILE` scores a written answer; `rehearse topics` lists the topics.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # click's plain help: wrapped to the terminal, never cut or boxed
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rubric_app = typer.Typer(cls=WrappingGroup, help="Validate rubric files.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(rubric_app, name="rubric")

RubricsOption = Annotated[Path | None, typer.Option(
    "--rubrics", metavar="DIR", help="A folder of your own rubrics (adds topics or overrides shipped ones).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]
AttemptId = Annotated[int, typer.Argument(metavar="ID", help="Attempt id (see `rehearse history`).")]
OneAttempt = Annotated[int | None, typer.Argument(metavar="ID", help="One attempt.")]
AllOption = Annotated[bool, typer.Option("--all", help="Every attempt.")]
TopicFilter = Annotated[str | None, typer.Argument(help="Only this topic.")]
InputOption = Annotated[str | None, typer.Option(
    "--device", "-d", metavar="NAME|INDEX", help="Input device (see `rehearse devices`).")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", "-m", metavar="NAME|PATH", envvar=ENV_MODEL, show_envvar=True,
    help=f"Whisper model name, .pt checkpoint or CTranslate2 model folder [default: {DEFAULT_MODEL}].")]


def _print_json(data: dict[str, Any]) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _emit(as_json: bool, data: dict[str, Any], view: RenderableType) -> None:
    """``--json``: the object on stdout; else the view in the terminal."""
    if as_json:
        _print_json(data)
    else:
        from .report import make_console

        make_console().print(view)


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
        "--seconds", "-s", min=1, max=MAX_SECONDS, metavar="SECONDS",
        help="Time limit for the spoken answer.")] = DEFAULT_SECONDS,
    device: InputOption = None,
    model: ModelOption = None,
    cue: Annotated[bool, typer.Option("--cue", help="Show the cue card before you speak.")] = False,
    follow_up: Annotated[bool | None, typer.Option(
        "--follow-up/--no-follow-up",
        help="Ask one of the topic's follow-ups afterwards [default: when in a terminal].")] = None,
    follow_up_seconds: Annotated[int, typer.Option(
        "--follow-up-seconds", min=1, max=MAX_SECONDS, metavar="SECONDS",
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
    from . import attempts
    from .rubric import load_catalog
    from .store import Store

    rubric = load_catalog(rubrics).get(topic)
    if transcript is not None and audio is not None:
        raise UsageError("use --transcript or --audio, not both")
    store = Store(data_home())
    if transcript is not None:
        from .transcript_input import read_transcript

        def ask() -> None:  # typed in a terminal: the question first, as when speaking
            from . import report

            console = report.make_console(stderr=True)
            console.print(report.question_header(rubric, seconds, report.TYPED))
            if cue:
                console.print(report.card(rubric, with_question=False))

        _report(store, attempts.save_typed(store, rubric, read_transcript(transcript, ask)),
                as_json)
        return
    from .transcribe import Transcriber, resolve_model

    transcriber = Transcriber(resolve_model(model))
    if audio is not None:
        attempt_id, samples = attempts.import_audio(store, rubric, audio)
        _report(store, attempts.transcribe_attempt(store, store.get(attempt_id), rubric, transcriber,
                                                   samples, _transcribing(attempt_id, as_json)),
                as_json)
        return
    from . import report
    from .session import SpeakOptions, speak

    options = SpeakOptions(seconds, device, cue, follow_up, follow_up_seconds, coach)
    console = report.make_console(stderr=as_json)
    outcome = speak(store, rubric, transcriber, options, console,
                    report=None if as_json else lambda done: _report(store, done, False))
    if as_json:
        _print_json(outcome.to_dict(store))
    elif outcome.follow_up is not None:
        console.print(report.follow_up_lines(outcome.follow_up))


def _transcribing(attempt_id: int, as_json: bool) -> Callable[[float], None] | None:
    from . import report  # (--json says nothing: stdout is the one object, stderr errors)

    return None if as_json else lambda seconds: report.make_console().print(
        report.transcribing(attempt_id, seconds))


def _report(store: Store, outcome: Outcome, as_json: bool) -> None:
    if as_json:
        _print_json(outcome.to_dict(store))
    else:
        from . import report

        attempt = store.get(outcome.attempt_id)
        report.make_console().print(report.attempt_report(attempt, outcome.score, outcome.latency))


@app.command("history")
def history(
    topic: TopicFilter = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many to show.")] = 20,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Your attempts, newest first: when, topic, layers covered, duration."""
    from . import report
    from .store import Store, process_alive

    listed, total = Store(data_home()).newest(topic, limit)
    if topic is not None and not listed:
        from .rubric import load_catalog

        load_catalog(rubrics).require(topic)  # a typo, or a topic not practised yet
    alive = {a.id: process_alive(a.pid) for a in listed if a.state == "recording"}
    _emit(as_json, {"attempts": [a.to_dict(alive.get(a.id, False)) for a in listed]},
          report.history_table(listed, alive, topic, total))


@app.command("show")
def show(
    attempt_id: AttemptId,
    as_json: JsonOption = False,
) -> None:
    """Show an attempt's full report again, the evidence highlighted in its transcript."""
    from .store import Store, process_alive

    attempt = Store(data_home()).get(attempt_id)
    if as_json:
        _print_json(attempt.to_dict(process_alive(attempt.pid), full=True))
        return
    from . import attempts, report

    stored = attempts.stored_score(attempt)
    if stored is None and attempt.transcript is None:
        status, _ = report.attempt_status(attempt, process_alive(attempt.pid))
        raise RehearseError(f"attempt {attempt_id} has no transcript yet ({status})")
    report.make_console().print(report.attempt_report(attempt, stored, show_transcript=True,
                                                      again=True))


@app.command("play")
def play(
    attempt_id: AttemptId,
    start: Annotated[float | None, typer.Option("--from", metavar="SECONDS", min=0,
                                                help="Start this many seconds in.")] = None,
    layer: Annotated[str | None, typer.Option(
        "--layer", metavar="LAYER", help="Start where this layer was first heard, e.g. trade_off.")] = None,
    device: Annotated[str | None, typer.Option("--device", "-d", metavar="NAME|INDEX",
                                               help="Output device.")] = None,
) -> None:
    """Play an attempt's recording (Ctrl-C stops)."""
    from rich.text import Text

    from . import attempts, report
    from .playback import play_file
    from .store import Store

    attempt = Store(data_home()).get(attempt_id)
    start = attempts.playback_start(attempt, start, layer)
    seconds = play_file(attempt.audio_path, start, device, attempt_id)  # type: ignore[arg-type]
    report.make_console().print(Text(f"Played {report.clock(seconds)} of attempt {attempt_id}", style="dim"))


@app.command("compare")
def compare(
    first: Annotated[str | None, typer.Argument(metavar="ID1|TOPIC", help="An attempt id, or a "
                                                "topic to compare its last two attempts.")] = None,
    second: Annotated[int | None, typer.Argument(metavar="ID2")] = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """What changed between two attempts (or the last two of a topic)."""
    from . import attempts, report
    from .rubric import load_catalog
    from .store import Store

    change = attempts.compare_attempts(Store(data_home()), load_catalog(rubrics), first, second)
    _emit(as_json, change.to_dict(), report.comparison(change))


@app.command("progress")
def progress(
    topic: TopicFilter = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Per topic: attempts, trend, best and latest layers, weakest layer, last practised."""
    from datetime import UTC, datetime

    from . import report
    from .progress import all_progress, overall, progress_dict
    from .rubric import load_catalog
    from .store import Store

    layers = load_catalog(rubrics).layers(topic)
    items = all_progress(layers, Store(data_home()).layer_history(topic))
    _emit(as_json, progress_dict(items),
          report.progress_table(items, layers, datetime.now(UTC), overall(items)))


@app.command("plan")
def plan_command(as_json: JsonOption = False, rubrics: RubricsOption = None) -> None:
    """Your topics by how you answer them (well / inconsistent / tried once / avoid) and what to
    practise next."""
    from . import report
    from .progress import all_progress, plan
    from .rubric import load_catalog
    from .store import Store

    layers = load_catalog(rubrics).layers()
    result = plan(all_progress(layers, Store(data_home()).layer_history()))
    _emit(as_json, result.to_dict(), report.plan_view(result))


def _one_or_all(attempt_id: int | None, all_attempts: bool) -> tuple[Store, list[Attempt]]:
    """The store and the attempts a command was given: one id, or --all."""
    if (attempt_id is None) == (not all_attempts):
        raise UsageError("give an attempt id or --all")
    from .store import Store

    store = Store(data_home())
    return store, [store.get(attempt_id)] if attempt_id is not None else store.list(full=True)


@app.command("export")
def export_command(
    attempt_id: OneAttempt = None,
    all_attempts: AllOption = False,
    html: Annotated[Path, typer.Option(
        "--html", metavar="DIR", help="Folder for the pages (created if needed).")] = Path("review"),
) -> None:
    """Write static review pages (audio player, highlighted transcript, progress chart)."""
    from . import report
    from .export import export

    store, chosen = _one_or_all(attempt_id, all_attempts)
    report.make_console().print(report.exported(export(store, chosen, html)))


@app.command("rescore")
def rescore(
    attempt_id: OneAttempt = None,
    all_attempts: AllOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Score stored transcripts again with the current rubrics (after editing a rubric)."""
    from . import attempts, report
    from .rubric import load_catalog

    store, targets = _one_or_all(attempt_id, all_attempts)
    done = attempts.rescore_all(store, load_catalog(rubrics), targets)
    report.make_console().print(report.rescored(done))


@app.command("delete")
def delete(
    attempt_id: AttemptId,
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help="Do not ask (needed when stdin is not a terminal).")] = False,
) -> None:
    """Delete an attempt and its recording."""
    from . import report
    from .store import Store

    store = Store(data_home())
    attempt = store.get(attempt_id)
    if not yes:
        confirm(f"Delete {report.describe(attempt)}?", "--yes")
    store.delete(attempt_id)
    report.make_console().print(f"Deleted attempt {attempt_id}")


@app.command("retry")
def retry(
    attempt_id: AttemptId,
    model: ModelOption = None,
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Transcribe and score a recording that was not finished (no model, crash, kill)."""
    from . import attempts
    from .rubric import load_catalog
    from .store import Store
    from .transcribe import Transcriber, resolve_model

    store = Store(data_home())
    attempt = store.get(attempt_id)
    rubric = load_catalog(rubrics).get(attempt.topic)
    transcriber = Transcriber(resolve_model(model))
    _report(store, attempts.transcribe_attempt(store, attempt, rubric, transcriber,
                                               starting=_transcribing(attempt_id, as_json)),
            as_json)


@app.command("doctor")
def doctor(
    listen: Annotated[bool, typer.Option("--listen/--no-listen",
                                         help="Record one second to check the microphone hears.")] = True,
    as_json: JsonOption = False,
) -> None:
    """Check PortAudio, the microphone, the Whisper model, the data home and the rubrics."""
    from . import report
    from .doctor import checks_dict, run_checks

    checks = run_checks(listen)
    _emit(as_json, checks_dict(checks), report.doctor_report(checks))
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("devices")
def devices(as_json: JsonOption = False) -> None:
    """List input devices; the default one is marked with *."""
    from . import report
    from .capture import input_devices

    found = input_devices()
    if as_json:
        _print_json({"devices": [d.to_dict() for d in found]})
    elif not found:
        raise RehearseError("no input device found: connect a microphone and try again")
    else:
        report.make_console().print(report.devices_table(found))


@app.command("mic")
def mic(
    device: InputOption = None,
    seconds: Annotated[int, typer.Option(
        "--seconds", "-s", min=1, max=30, metavar="SECONDS", help="How long to listen.")] = 3,
) -> None:
    """Check the microphone: record a few seconds and say whether it heard anything."""
    from . import report
    from .live import check_microphone

    console = report.make_console()
    verdict, ok = check_microphone(device, seconds, console)
    console.print(verdict)
    if not ok:
        raise typer.Exit(1)


@app.command("topics")
def topics(as_json: JsonOption = False, rubrics: RubricsOption = None) -> None:
    """List the topics you can rehearse."""
    from .rubric import load_catalog

    listed, broken = load_catalog(rubrics).listing()
    for error in broken:
        typer.echo(f"rehearse: warning: skipped a broken rubric: {error}", err=True)
    if as_json:
        _print_json({"topics": [r.to_dict() for r in listed]})
    else:
        from . import report

        report.make_console().print(report.topics_table(listed))


@app.command("card")
def card_command(
    topic: Annotated[str, typer.Argument(help="Topic id, e.g. gil.")],
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Show the cue card: one short line per layer, and a follow-up."""
    from . import report
    from .rubric import load_catalog

    rubric = load_catalog(rubrics).get(topic)
    _emit(as_json, rubric.card_dict(), report.card(rubric))


@rubric_app.command("check")
def rubric_check(
    path: Annotated[Path | None, typer.Argument(
        help="A rubric file or folder. Default: the shipped rubrics and yours.")] = None,
    rubrics: RubricsOption = None,
) -> None:
    """Validate rubrics; each problem names the file, the key and what is wrong."""
    from . import report
    from .rubric import load_catalog, load_for_check

    results = load_for_check(path, load_catalog(rubrics).folders if path is None else [])
    report.make_console().print(report.rubric_check_report(results))
    if any(isinstance(item, RubricError) for item in results.values()):
        raise typer.Exit(1)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    typer.main.get_command(app).main(args=argv, prog_name="rehearse")
