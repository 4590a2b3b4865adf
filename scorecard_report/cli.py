"""The ``scorecard`` command: parse arguments, run the pipeline, map problems to exit codes."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from scorecard_report import __version__
from scorecard_report.authoring.commentary_file import write_commentary_drafts
from scorecard_report.file_names import FILE_NAME_HINT, name_problem, shown
from scorecard_report.load.config import Config, find_config
from scorecard_report.load.template_folder import templates_folder
from scorecard_report.load.word_template import load_word_template
from scorecard_report.messages import (
    OutputStyle,
    log,
    progress,
    report_problems,
    report_tally,
    setup_logging,
)
from scorecard_report.model.build import build_report
from scorecard_report.pipeline import (
    LATEST,
    Edition,
    commentary_file,
    load_inputs,
    parse_formats,
    prepare_edition,
    report_period,
)
from scorecard_report.problems import ExitCode, InputError, UsageError
from scorecard_report.publish.manifest import MANIFEST_NAME
from scorecard_report.publish.output import OutputError, write_all_atomically
from scorecard_report.publish.publish import PublishJob, publish
from scorecard_report.render.outputs import DOCUMENTS, RenderOptions, chart_cache_folder, render_outputs
from scorecard_report.settings import with_config
from scorecard_report.starter import create_project

EXIT_CODES = """\
exit codes:
  0   done (publish: also when everything was already up to date)
  2   usage: an unknown option, format or section, a bad --period
  65  the catalogue, the data, the commentary, the config or a template is wrong (every problem is listed)
  66  an input file is missing or unreadable
  73  an output cannot be written
  75  another publish is running in the output folder; try again later
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorecard",
        description="Council performance scorecards.",
        epilog=EXIT_CODES,
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
    init = _command(commands, "init", "create a new project folder that builds at once", common)
    init.add_argument("folder", type=Path, metavar="DIR", help="the new (or empty) project folder")
    _commentary_commands(commands, common)
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
    return commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        parents=[common],
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


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
        metavar="LIST",
        help="comma-separated formats: pdf, html, docx, csv (default: the config's, else all)",
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    style = OutputStyle(-1 if arguments.quiet else int(arguments.verbose), arguments.log_format == "json")
    setup_logging(style)
    command = " ".join(filter(None, (arguments.command, getattr(arguments, "action", None))))
    try:
        with _sigterm_raises():
            _check_name_option(arguments)
            config = find_config(arguments.config) if command != "init" else Config()
            return int(_COMMANDS[command](with_config(arguments, config), style))
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


def _stopped(what: str, command: str, code: ExitCode) -> int:
    """One line, whatever was running: every temporary file is already removed on the way out."""
    log.error("%s%s", what, _OUTCOMES.get(command, ""))
    return int(code)


_OUTCOMES = {
    "build": ": nothing was written",
    "publish": ": nothing was published",
    "init": ": nothing was written",
    "commentary init": ": nothing was changed",
}


def _check_name_option(arguments: argparse.Namespace) -> None:
    name: str | None = getattr(arguments, "name", None)
    problem = name_problem(name) if name is not None else None
    if name is not None and problem is not None:
        hint = FILE_NAME_HINT.replace("NAME", "--name scorecard")
        raise UsageError(f"--name '{shown(name)}' cannot be a file name: {problem} ({hint})")


def _report_failure(error: InputError, command: str) -> None:
    report_problems(error.problems)
    errors = sum(not problem.warning for problem in error.problems)
    outcome = _OUTCOMES.get(command, "") if command in ("build", "publish") else ""
    if isinstance(error, OutputError) and error.outcome is not None and outcome:
        outcome = f": {error.outcome}"
    if (errors > 1 or outcome) and error.exit_code is not ExitCode.LOCKED:
        report_tally("%d error%s%s", errors, "s" if errors != 1 else "", outcome)


def _validate(arguments: argparse.Namespace, _style: OutputStyle) -> ExitCode:
    inputs = load_inputs(arguments)
    log.info(
        "ok: %s (%d indicators) and %s (%d values)",
        arguments.catalogue,
        len(inputs.catalogue.indicators),
        inputs.values.path,
        len(inputs.values.observations),
    )
    return ExitCode.OK


def _render_options(arguments: argparse.Namespace, final: bool, formats: tuple[str, ...]) -> RenderOptions:
    """The options, with the templates checked now: a bad one fails before anything is rendered."""
    charts = bool(set(DOCUMENTS) & set(formats))  # the summary CSV has none, so needs no cache
    return RenderOptions(
        templates=templates_folder(arguments.templates) if arguments.templates else None,
        final=final,
        docx_template=load_word_template(arguments.docx_template) if arguments.docx_template else None,
        cache=chart_cache_folder(arguments.no_cache, arguments.cache_setting) if charts else None,
    )


def _build(arguments: argparse.Namespace, _style: OutputStyle) -> ExitCode:
    formats = parse_formats(arguments.format)
    edition = prepare_edition(arguments)
    rendered = render_outputs(edition.report(), formats, _render_options(arguments, arguments.final, formats))
    stem = f"{edition.name}-{edition.period.iso()}"
    files = {f"{stem}.{extension}": rendered[extension] for extension in formats}
    write_all_atomically(arguments.out, files, arguments.file_mode)  # all of them, or none
    for name in files:
        log.info("wrote %s", arguments.out / name)
    return ExitCode.OK


def _publish(arguments: argparse.Namespace, style: OutputStyle) -> ExitCode:
    formats = parse_formats(arguments.format)
    edition = prepare_edition(arguments)
    job = _publish_job(arguments, edition, formats)
    options = _render_options(arguments, final=True, formats=formats)
    with progress(style, total=3) as step:
        result = publish(job, lambda: render_outputs(edition.report(), formats, options), step)
    if result.up_to_date:
        log.info(
            "up to date: %s for %s is already published from these inputs", job.name, edition.period.words()
        )
        return ExitCode.OK
    for path in result.published:
        log.debug("published %s", path)
    log.info("published %s for %s to %s", ", ".join(formats), edition.period.words(), job.output)
    return ExitCode.OK


def _publish_job(arguments: argparse.Namespace, edition: Edition, formats: tuple[str, ...]) -> PublishJob:
    settings = {
        "formats": list(formats),
        "sections": list(edition.section_ids),
        "name": edition.name,
        "marking": edition.catalogue.report.marking,
        "file_mode": f"{arguments.file_mode:04o}",
        # Another sheet of the same workbook is another report; recorded only when named, so the
        # manifests of publishes that name none stay as they were.
        **({"sheet": arguments.sheet} if arguments.sheet else {}),
    }
    manifest = f"manifest-{'-'.join(edition.section_ids)}.json" if edition.section_ids else MANIFEST_NAME
    return PublishJob(
        output=arguments.out,
        name=edition.name,
        period=edition.period,
        formats=formats,
        inputs=_input_files(arguments, edition),
        inputs_relative_to=arguments.config_file.parent if arguments.config_file else Path(),
        settings=settings,
        file_mode=arguments.file_mode,
        manifest_name=manifest,
    )


def _input_files(arguments: argparse.Namespace, edition: Edition) -> tuple[Path, ...]:
    """Every file the published outputs depend on, so a change to any of them publishes again."""
    named = (
        arguments.config_file,
        arguments.catalogue,
        edition.inputs.values.path,
        arguments.benchmarks,
        edition.commentary_file,
        edition.catalogue.report.logo,
        arguments.docx_template,
    )
    templates = (
        sorted(p for p in arguments.templates.rglob("*") if p.is_file()) if arguments.templates else []
    )
    return tuple(dict.fromkeys(path for path in (*named, *templates) if path is not None))


def _init(arguments: argparse.Namespace, _style: OutputStyle) -> ExitCode:
    for path in create_project(arguments.folder):
        log.info("wrote %s", path)
    log.info("next: cd %s && scorecard build", arguments.folder)
    return ExitCode.OK


def _commentary_init(arguments: argparse.Namespace, _style: OutputStyle) -> ExitCode:
    inputs = load_inputs(arguments)
    period = report_period(arguments.period, inputs, inputs.catalogue)
    path = commentary_file(arguments, inputs.catalogue, period)
    report = build_report(inputs.catalogue, inputs.values, period, inputs.benchmarks)
    existed = path.exists()
    added = write_commentary_drafts(path, inputs.catalogue, report, arguments.update)
    if not existed:
        log.info("wrote %s with a draft in each of its %d slots", path, added)
    elif added:
        log.info("added %d slot%s to %s", added, "s" if added != 1 else "", path)
    else:
        log.info("%s already has every slot; nothing was changed", path)
    return ExitCode.OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, OutputStyle], ExitCode]] = {
    "validate": _validate,
    "build": _build,
    "publish": _publish,
    "init": _init,
    "commentary init": _commentary_init,
}
