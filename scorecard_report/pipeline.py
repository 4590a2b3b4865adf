"""The steps build, publish and commentary init share: load the inputs, choose the edition and the period,
read the commentary and build the report model."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

from scorecard_report.inputs.benchmarks import BenchmarkTable
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import NO_COMMENTARY, Commentary
from scorecard_report.inputs.periods import Month, PeriodError, parse_period
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import default_commentary_path, load_commentary
from scorecard_report.load.values import load_values, require_a_value
from scorecard_report.messages import log, report_problems
from scorecard_report.model.build import build_report, default_report_period
from scorecard_report.model.edition import edition_name, only_sections, unknown_sections
from scorecard_report.model.report import Report
from scorecard_report.problems import InputError, Problem, UsageError
from scorecard_report.render.outputs import FORMATS
from scorecard_report.settings import with_marking

LATEST = "latest"


@dataclass(frozen=True)
class Inputs:
    catalogue: Catalogue
    values: ValueTable
    benchmarks: BenchmarkTable | None


@dataclass(frozen=True)
class Edition:
    """One report to build: the (possibly cut-down) catalogue, its period, commentary and file-name stem."""

    inputs: Inputs
    catalogue: Catalogue
    period: Month
    commentary: Commentary
    commentary_file: Path | None
    name: str
    section_ids: tuple[str, ...] = ()  # in catalogue order; none for the whole scorecard

    def report(self) -> Report:
        return build_report(
            self.catalogue, self.inputs.values, self.period, self.inputs.benchmarks, self.commentary
        )


def load_inputs(arguments: argparse.Namespace) -> Inputs:
    """The catalogue (with the config's marking), the values and any benchmarks; warnings are logged."""
    catalogue = with_marking(load_catalogue(arguments.catalogue), arguments.marking)
    data = arguments.data or catalogue.data
    if data is None:
        raise UsageError(
            f"no values file: give --data FILE, data in the config or data: in {arguments.catalogue}"
        )
    sheet = getattr(arguments, "sheet", None)
    values = load_values(data, catalogue, encoding=arguments.encoding, strict=arguments.strict, sheet=sheet)
    require_a_value(values)
    benchmarks = None
    if arguments.benchmarks is not None:
        benchmarks = load_benchmarks(
            arguments.benchmarks, catalogue, encoding=arguments.encoding, strict=arguments.strict
        )
    report_problems([*catalogue.warnings, *values.warnings, *(benchmarks.warnings if benchmarks else ())])
    return Inputs(catalogue, values, benchmarks)


def parse_formats(text: str) -> tuple[str, ...]:
    formats = [name.strip().lower() for name in text.split(",") if name.strip()]
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}'; available: {', '.join(FORMATS)}")
    if not formats:
        raise UsageError("--format needs at least one format")
    return tuple(dict.fromkeys(formats))


def prepare_edition(arguments: argparse.Namespace) -> Edition:
    """Load everything one build or publish needs, for the sections asked for (all of them by default)."""
    inputs = load_inputs(arguments)
    sections = tuple(getattr(arguments, "section", None) or ())
    problems = unknown_sections(inputs.catalogue, sections)
    if problems:
        raise UsageError("; ".join(problems))
    catalogue = only_sections(inputs.catalogue, sections)
    period = report_period(arguments.period, inputs, catalogue)
    commentary, path = period_commentary(arguments, inputs.catalogue, period)
    name = edition_name(arguments.name or catalogue.name, sections, catalogue)
    section_ids = tuple(section.id for section in catalogue.sections) if sections else ()
    return Edition(inputs, catalogue, period, commentary, path, name, section_ids)


def report_period(written: str | None, inputs: Inputs, catalogue: Catalogue) -> Month:
    """The month asked for, or the latest month in which at least half the monthly indicators have a value."""
    if written is None or written == LATEST:
        return _latest_period(inputs, catalogue)
    try:
        period = parse_period(written, catalogue.calendar)
    except PeriodError as error:
        raise UsageError(f"--period: {error}") from None
    if not any(o.period == period for o in inputs.values.observations):
        raise UsageError(f"--period {period.iso()}: {inputs.values.path} has no values for {period.words()}")
    return period


def _latest_period(inputs: Inputs, catalogue: Catalogue) -> Month:
    period = default_report_period(catalogue, inputs.values)
    if period is None:
        raise UsageError(
            f"{inputs.values.path}: no month has values for at least half the monthly indicators, so there "
            "is no latest period to report; give --period YYYY-MM"
        )
    log.info(
        "period: %s (the latest month in which at least half the monthly indicators have a value)",
        period.words(),
    )
    return period


def commentary_file(arguments: argparse.Namespace, catalogue: Catalogue, period: Month) -> Path:
    """``--commentary``, else ``YYYY-MM.yaml`` in the config's commentary folder or beside the catalogue."""
    given: Path | None = getattr(arguments, "commentary", None)
    return given or default_commentary_path(catalogue, period, arguments.commentary_folder)


def period_commentary(
    arguments: argparse.Namespace, catalogue: Catalogue, period: Month
) -> tuple[Commentary, Path | None]:
    """The period's commentary and its file; none when no file was named and the default is absent."""
    path = commentary_file(arguments, catalogue, period)
    if getattr(arguments, "commentary", None) is None and not path.exists():
        return NO_COMMENTARY, None
    _check_commentary_month(path, period)
    commentary, warnings = load_commentary(path, catalogue)
    report_problems(warnings)
    return commentary, path


def _check_commentary_month(path: Path, period: Month) -> None:
    """A commentary file named for another month (``2026-09.yaml`` in an October report) was written
    against other figures: refuse it rather than print September's words beside October's numbers."""
    written = re.fullmatch(r"(\d{4})-(\d{2})", path.stem)
    try:
        named = Month(int(written[1]), int(written[2])) if written else None
    except ValueError:
        named = None
    if named is None:
        return  # not named by month: nothing to check it against
    if named != period:
        problem = Problem(
            path,
            f"this commentary is for {named.words()}, but the report is for {period.words()}",
            hint=f"give --commentary with the file for {period.words()} ({period.iso()}.yaml), "
            f"or --period {named.iso()}",
        )
        raise InputError([problem])
