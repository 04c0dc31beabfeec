"""The `rehearse` command group: `rehearse TOPIC` as a shorthand for `rehearse practice TOPIC`,
and every error turned into one line on stderr and an exit code at this one edge."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

try:  # recent typer vendors click as typer._click; older releases use click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:  # pragma: no cover
    from click.exceptions import (  # type: ignore[assignment]
        ClickException,
        NoArgsIsHelpError,
    )
    from click.exceptions import UsageError as ClickUsageError  # type: ignore[assignment]

from .errors import RehearseError, UsageError
from .workers import exit_process


class WrappingGroup(TyperGroup):
    """Each command's summary in full, wrapped to the terminal, where click would cut it."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [(name, command.get_short_help_str(limit=1_000))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class RehearseGroup(WrappingGroup):
    """`rehearse TOPIC ...` runs `practice TOPIC ...`; every error is one line on stderr."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["practice", *args]
        return super().parse_args(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args=args, prog_name=prog_name or "rehearse",
                              complete_var=complete_var, standalone_mode=False,
                              windows_expand_args=windows_expand_args, **extra)
            if rv == 130:  # typer's silent exit for a Ctrl-C that no stage caught and explained
                typer.echo("rehearse: interrupted", err=True)
        except NoArgsIsHelpError as exc:  # `rehearse`, `rehearse rubric`: the help, as --help
            typer.echo(exc.format_message())
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
        exit_process(rv if isinstance(rv, int) else 0)


def _fail(message: str, code: int) -> int:
    from .terminal import printable  # imports rich, which the help and most runs never need

    typer.echo(f"rehearse: {printable(' '.join(message.split()))}", err=True)
    return code


def confirm(question: str, flag: str) -> None:
    """Ask in a terminal; without one nobody can answer, so the command needs ``flag``."""
    if not sys.stdin.isatty():
        raise UsageError(f"not asking without a terminal; pass {flag} to go ahead")
    if not typer.confirm(question):
        raise typer.Exit(1)
