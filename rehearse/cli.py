"""The `rehearse` command line. It only wires the core modules together.

Kept light on purpose: `rehearse --help`, `topics`, `card` and `--transcript` scoring import
neither torch nor whisper.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

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
from .errors import RehearseError, UsageError
from .paths import user_rubrics_dir
from .report import card, make_console, score_report, topics_table
from .rubric import Catalog, Rubric, RubricError, builtin_rubrics_dir, load_folder, load_rubric
from .scoring import score
from .transcript_input import read_transcript


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
         "trade-off.\n\nRun `rehearse TOPIC --transcript FILE` to score an answer; "
         "`rehearse topics` lists the topics.",
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
    as_json: JsonOption = False,
    rubrics: RubricsOption = None,
) -> None:
    """Answer TOPIC and see which layers you covered (`rehearse TOPIC` is the same)."""
    rubric = _catalog(rubrics).get(topic)
    if transcript is None:
        raise UsageError(
            "speaking into the microphone is not available in this version yet; "
            f"score a written answer with: rehearse {rubric.id} --transcript FILE")
    result = score(read_transcript(transcript), rubric)
    if as_json:
        _print_json(result.to_dict())
    else:
        make_console().print(score_report(result))


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
