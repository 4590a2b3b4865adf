"""The ``scorecard`` command: parse the command line, run the job, map problems to exit codes."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from scorecard_report import __version__, app
from scorecard_report.completion import INSTALL, SHELLS, completion_script
from scorecard_report.messages import log, report_problems, report_tally, setup_logging
from scorecard_report.model.period import LATEST
from scorecard_report.problems import ExitCode, InputError, UsageError
from scorecard_report.settings import Command, command_of, job_from_command_line, output_style

EXIT_CODES = """\
exit codes:
  0   done (publish: also when everything was already up to date)
  2   usage: an unknown option, format or section, a bad --period
  65  the catalogue, the data, the commentary, the config or a template is wrong (every problem is listed)
  66  an input file is missing or unreadable
  73  an output cannot be written
  75  another publish is running in the output folder; try again later
  130 interrupted with Ctrl-C: nothing was written
  143 stopped by SIGTERM: nothing was written
"""

# A few ways each command is used, in its --help ("" is the tool's own --help).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (
        "scorecard init scorecard && cd scorecard && scorecard build",
        "scorecard build --period 2026-10 --format pdf,csv",
        "scorecard publish --config /srv/scorecard/scorecard.toml -q",
        "scorecard build --help",
    ),
    "validate": (
        "scorecard validate",
        "scorecard validate --catalogue indicators.yaml --data values.xlsx --sheet Values",
        "scorecard validate --strict --log-format json",
    ),
    "build": (
        "scorecard build",
        "scorecard build --period 2026-10 --format pdf,csv",
        "scorecard build --section front-door --final --out committee",
        "scorecard build --edition front-door    (one [[edition]] of scorecard.toml; default: every one)",
        "scorecard build --data extract.csv --encoding cp1252 --format csv",
    ),
    "publish": (
        "scorecard publish --config /srv/scorecard/scorecard.toml -q",
        "scorecard publish --period 2026-09    (republish an earlier month)",
        "scorecard publish --section front-door --strict-commentary",
    ),
    "init": ("scorecard init scorecard && cd scorecard && scorecard build",),
    "commentary init": (
        "scorecard commentary init --period 2026-10",
        "scorecard commentary init --update    (add the missing slots, record the figures)",
    ),
    "rebases record": ("scorecard rebases record --rebases rebases.yaml",),
    "sections": ("scorecard sections", "scorecard sections --catalogue indicators.yaml"),
}


def command_line_parser() -> argparse.ArgumentParser:
    """Every command and its options; -h prints examples and the exit codes too."""
    parser = argparse.ArgumentParser(
        prog="scorecard",
        description="Council performance scorecards.",
        epilog=_examples(EXAMPLES[""]) + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"scorecard-report {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    common = _common_options()
    validate = _command(
        commands, "validate", "check the catalogue and the values, listing every problem", common
    )
    build = _command(commands, "build", "build the scorecard for a period", common)
    publish = _command(
        commands,
        "publish",
        "build, check and publish every configured format to the output folder, for cron",
        common,
    )
    for command in (validate, build, publish):
        _input_options(command)
    for command in (build, publish):
        _output_options(command)
    build.add_argument(
        "--commentary",
        type=Path,
        metavar="FILE",
        help="commentary file (default: YYYY-MM.yaml in the config's commentary folder, else in "
        "commentary/ beside the catalogue)",
    )
    build.add_argument("--final", action="store_true", help="leave commentary placeholders and drafts out")
    build.add_argument(
        "--record",
        action="store_true",
        help="also write the edition's snapshot, NAME-YYYY-MM-snapshot.json, for later builds to compare",
    )
    publish.add_argument(
        "--strict-commentary",
        action="store_true",
        help="refuse to publish commentary written against other figures than the report's",
    )
    init = _command(commands, "init", "create a new project folder that builds at once", common)
    init.add_argument("folder", type=Path, metavar="DIR", help="the new (or empty) project folder")
    _commentary_commands(commands, common)
    _rebases_commands(commands, common)
    _sections_command(commands, common)
    completion = commands.add_parser(
        "completion",
        help="print the shell completion script for bash, zsh or fish",
        description="Print the shell completion script for bash, zsh or fish, to save where the shell "
        "reads it.",
        epilog=INSTALL,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell")
    return parser


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, metavar="FILE", help="settings file (default: ./scorecard.toml if present)"
    )
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="say only what went wrong")
    loudness.add_argument("-v", "--verbose", action="store_true", help="say each step as well")
    common.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="json: one JSON object a line, for logs",
    )
    return common


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    common: argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.epilog = _examples(EXAMPLES.get(command.prog.split(" ", 1)[1], ())) + EXIT_CODES
    return command


def _examples(lines: Sequence[str]) -> str:
    """The ``examples:`` block of a command's --help, above its exit codes."""
    return "examples:\n" + "".join(f"  {line}\n" for line in lines) + "\n" if lines else ""


def _input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--catalogue",
        type=Path,
        metavar="FILE",
        help="indicator catalogue (default: the config's, else indicator_specs.yaml)",
    )
    command.add_argument(
        "--data",
        type=Path,
        metavar="FILE",
        help="values file, CSV or XLSX (default: the config's, else the catalogue's data:)",
    )
    command.add_argument(
        "--sheet",
        metavar="NAME",
        help="the sheet of an XLSX values file to read (default: the config's, else the first visible one)",
    )
    command.add_argument(
        "--benchmarks",
        type=Path,
        metavar="FILE",
        help="benchmark values: ref,benchmark,value[,year] (CSV or XLSX)",
    )
    command.add_argument(
        "--rebases",
        type=Path,
        metavar="FILE",
        help="SPC rebases: a YAML list of {ref, from: YYYY-MM, reason} (default: the config's, else the "
        "catalogue's rebases:)",
    )
    command.add_argument(
        "--encoding", default="utf-8", metavar="ENC", help="encoding of a CSV values file (default: utf-8)"
    )
    command.add_argument(
        "--strict", action="store_true", help="treat refs missing from the catalogue as errors"
    )


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--period",
        default=LATEST,
        metavar="YYYY-MM",
        help="report month, YYYY-MM, or latest: the latest month in which at least half the monthly "
        "indicators have a value (the default)",
    )
    command.add_argument(
        "--format",
        action="append",
        metavar="LIST",
        help="comma-separated formats: pdf, html, docx, csv, series, changes, xlsx (repeatable; default: "
        "the config's, else pdf, html, docx, csv, changes and xlsx)",
    )
    command.add_argument(
        "--section",
        action="append",
        metavar="ID",
        help="only this section, for a service-level edition named NAME-ID-YYYY-MM (repeatable)",
    )
    command.add_argument(
        "--templates", type=Path, metavar="DIR", help="folder of templates overriding the built-in ones"
    )
    command.add_argument(
        "--docx-template", type=Path, metavar="FILE", help="the council's Word template (.docx or .dotx)"
    )
    command.add_argument(
        "--no-cache", action="store_true", help="draw every chart afresh (default: reuse unchanged charts)"
    )
    command.add_argument(
        "--out", type=Path, metavar="DIR", help="output folder (default: the config's, else ./output)"
    )
    command.add_argument(
        "--name", metavar="NAME", help="file-name stem (default: the config's, else the catalogue's name)"
    )
    command.add_argument(
        "--edition",
        action="append",
        metavar="NAME",
        help="only this [[edition]] of scorecard.toml (repeatable; default: every one)",
    )
    command.add_argument(
        "--compare-with",
        metavar="FILE|YYYY-MM",
        help="the earlier edition to list changes since: a snapshot file, or the month of one in the output "
        "folder (default: the latest recorded on or before the report's month)",
    )


def _commentary_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    commentary = commands.add_parser("commentary", help="draft the commentary file for a period")
    actions = commentary.add_subparsers(dest="action", required=True)
    init = _command(actions, "init", "write a commentary file with a drafted slot for every text", common)
    _input_options(init)
    init.add_argument(
        "--period", default=LATEST, metavar="YYYY-MM", help="report month, YYYY-MM, or latest (the default)"
    )
    init.add_argument(
        "--update", action="store_true", help="add the missing slots to an existing file, keeping every line"
    )


def _rebases_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    rebases = commands.add_parser("rebases", help="keep the SPC rebases file")
    actions = rebases.add_subparsers(dest="action", required=True)
    record = _command(
        actions, "record", "record in each rebase that lacks it the data it was decided on", common
    )
    _input_options(record)


def _sections_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    listing = _command(
        commands, "sections", "list the catalogue's section ids, titles and indicators (on stdout)", common
    )
    listing.add_argument(
        "--catalogue",
        type=Path,
        metavar="FILE",
        help="indicator catalogue (default: the config's, else indicator_specs.yaml)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = command_line_parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if arguments.command == "completion":  # the one command that writes to standard output
        sys.stdout.write(completion_script(command_line_parser(), arguments.shell))
        return int(ExitCode.OK)
    setup_logging(output_style(arguments))
    command = command_of(arguments)
    try:
        with _sigterm_raises():
            return int(app.run(job_from_command_line(arguments)))
    except InputError as error:
        _report_failure(error, command)
        return int(error.exit_code)
    except UsageError as error:
        log.error("%s", error)
        return int(ExitCode.USAGE)
    except KeyboardInterrupt:
        return _stopped("interrupted", command, ExitCode.INTERRUPTED)
    except Stopped:
        return _stopped("stopped by SIGTERM", command, ExitCode.TERMINATED)


class Stopped(BaseException):
    """SIGTERM, raised where the program is, so that every ``finally`` removes its temporary files."""


def _raise_stopped(_signal: int, _frame: object) -> None:
    raise Stopped


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_stopped)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stopped(what: str, command: Command, code: ExitCode) -> int:
    """One line, whatever was running: every temporary file is already removed on the way out.

    A pool whose workers were stopped at once can leave Python's own exit waiting on its queue threads
    (or complaining as they close), so with such threads still alive the process ends here.
    """
    log.error("%s%s", what, _OUTCOMES.get(command, ""))
    if threading.active_count() > 1:
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(int(code))
    return int(code)


_OUTCOMES = {
    Command.BUILD: ": nothing was written",
    Command.PUBLISH: ": nothing was published",
    Command.INIT: ": nothing was written",
    Command.COMMENTARY_INIT: ": nothing was changed",
    Command.REBASES_RECORD: ": nothing was changed",
}


def _report_failure(error: InputError, command: Command) -> None:
    report_problems(error.problems)
    errors = sum(not problem.warning for problem in error.problems)
    outcome = _OUTCOMES.get(command, "") if command in (Command.BUILD, Command.PUBLISH) else ""
    if error.outcome is not None and outcome:
        outcome = f": {error.outcome}"
    if (errors > 1 or outcome) and error.exit_code is not ExitCode.LOCKED:
        report_tally("%d error%s%s", errors, "s" if errors != 1 else "", outcome)
