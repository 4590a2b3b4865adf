"""The ``scorecard`` command: parse arguments, run the pipeline, map problems to exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scorecard_report import __version__
from scorecard_report.catalogue import Catalogue
from scorecard_report.load.benchmarks import BenchmarkTable, load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import default_commentary_path, load_commentary
from scorecard_report.load.values import ValueTable, load_values
from scorecard_report.model.build import build_report, default_report_period
from scorecard_report.model.commentary import NO_COMMENTARY, Commentary
from scorecard_report.periods import Month, PeriodError, parse_period
from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import write_atomically
from scorecard_report.render.outputs import FORMATS, RenderOptions, render_outputs

DEFAULT_CATALOGUE = Path("indicator_specs.yaml")
DEFAULT_OUTPUT = Path("output")


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit 2)."""


@dataclass(frozen=True)
class Inputs:
    catalogue: Catalogue
    values: ValueTable
    benchmarks: BenchmarkTable | None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scorecard", description="Council performance scorecards.")
    parser.add_argument("--version", action="version", version=f"scorecard-report {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate", help="check the catalogue and the values, listing every problem"
    )
    build = commands.add_parser("build", help="build the scorecard for a period")
    for command in (validate, build):
        command.add_argument(
            "--catalogue",
            type=Path,
            default=DEFAULT_CATALOGUE,
            help="indicator catalogue (default: indicator_specs.yaml)",
        )
        command.add_argument(
            "--data", type=Path, help="values file, CSV or XLSX (default: the catalogue's data:)"
        )
        command.add_argument(
            "--benchmarks", type=Path, help="benchmark values: ref,benchmark,value[,year] (CSV or XLSX)"
        )
        command.add_argument(
            "--encoding", default="utf-8", help="encoding of a CSV values file (default: utf-8)"
        )
        command.add_argument(
            "--strict", action="store_true", help="treat refs missing from the catalogue as errors"
        )
    build.add_argument(
        "--period", help="report month, YYYY-MM (default: the latest month with enough values)"
    )
    build.add_argument(
        "--format",
        default="pdf,html,docx,csv",
        help="comma-separated formats: pdf, html, docx, csv (default: all)",
    )
    build.add_argument(
        "--commentary",
        type=Path,
        help="commentary file (default: commentary/YYYY-MM.yaml beside the catalogue)",
    )
    build.add_argument("--templates", type=Path, help="folder of templates overriding the built-in ones")
    build.add_argument("--final", action="store_true", help="leave commentary placeholders out")
    build.add_argument("--docx-template", type=Path, help="the council's Word template (.docx or .dotx)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="output folder (default: ./output)")
    build.add_argument("--name", help="file-name stem (default: the catalogue's name)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        return int(_COMMANDS[arguments.command](arguments))
    except InputError as error:
        _report(error.problems, arguments.command)
        return int(error.exit_code)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return int(ExitCode.USAGE)


def _report(problems: Sequence[Problem], command: str = "build") -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(not problem.warning for problem in problems)
    if errors:
        outcome = ": nothing was written" if command == "build" else ""
        print(f"{errors} error{'s' if errors != 1 else ''}{outcome}", file=sys.stderr)


def _load(arguments: argparse.Namespace) -> Inputs:
    catalogue = load_catalogue(arguments.catalogue)
    data = arguments.data or catalogue.data
    if data is None:
        raise UsageError(f"no values file: give --data FILE or add data: to {arguments.catalogue}")
    values = load_values(data, catalogue, encoding=arguments.encoding, strict=arguments.strict)
    benchmarks = None
    if arguments.benchmarks is not None:
        benchmarks = load_benchmarks(
            arguments.benchmarks, catalogue, encoding=arguments.encoding, strict=arguments.strict
        )
    _report([*values.warnings, *(benchmarks.warnings if benchmarks else ())])
    return Inputs(catalogue, values, benchmarks)


def _validate(arguments: argparse.Namespace) -> ExitCode:
    inputs = _load(arguments)
    indicators = len(inputs.catalogue.indicators)
    print(
        f"ok: {arguments.catalogue} ({indicators} indicators) and {inputs.values.path} "
        f"({len(inputs.values.observations)} values)"
    )
    return ExitCode.OK


def _formats(text: str) -> list[str]:
    formats = [name.strip().lower() for name in text.split(",") if name.strip()]
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}'; available: {', '.join(FORMATS)}")
    if not formats:
        raise UsageError("--format needs at least one format")
    return formats


def _report_period(arguments: argparse.Namespace, inputs: Inputs) -> Month:
    if arguments.period is None:
        period = default_report_period(inputs.catalogue, inputs.values)
        if period is None:
            raise UsageError(f"{inputs.values.path} has no values, so there is no period to report")
        print(
            f"period: {period.words()} (the latest month in which at least half the monthly indicators "
            "have a value)"
        )
        return period
    try:
        period = parse_period(arguments.period, inputs.catalogue.calendar)
    except PeriodError as error:
        raise UsageError(f"--period: {error}") from None
    if not any(o.period == period for o in inputs.values.observations):
        raise UsageError(f"--period {period.iso()}: {inputs.values.path} has no values for {period.words()}")
    return period


def _commentary(arguments: argparse.Namespace, catalogue: Catalogue, period: Month) -> Commentary:
    path = arguments.commentary or default_commentary_path(catalogue, period)
    if arguments.commentary is None and not path.exists():
        return NO_COMMENTARY
    commentary, warnings = load_commentary(path, catalogue)
    _report(warnings)
    return commentary


def _build(arguments: argparse.Namespace) -> ExitCode:
    formats = _formats(arguments.format)
    inputs = _load(arguments)
    period = _report_period(arguments, inputs)
    commentary = _commentary(arguments, inputs.catalogue, period)
    report = build_report(inputs.catalogue, inputs.values, period, inputs.benchmarks, commentary)
    name = arguments.name or report.name
    options = RenderOptions(
        templates=arguments.templates, final=arguments.final, docx_template=arguments.docx_template
    )
    rendered = render_outputs(report, formats, options)
    outputs = {arguments.out / f"{name}-{period.iso()}.{fmt}": rendered[fmt] for fmt in formats}
    for path, content in outputs.items():
        write_atomically(path, content)
        print(f"wrote {path}")
    return ExitCode.OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], ExitCode]] = {"validate": _validate, "build": _build}
