"""The commands' work: validate, build, publish, commentary init and init, each taking one resolved Job."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from scorecard_report.authoring.commentary_file import write_commentary_drafts
from scorecard_report.format.periods import month_words
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import NO_COMMENTARY, Commentary
from scorecard_report.inputs.periods import FinancialCalendar, Month, PeriodError
from scorecard_report.inputs.spc import NO_REBASES
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import default_commentary_path, load_commentary
from scorecard_report.load.periods import parse_period
from scorecard_report.load.rebases import load_rebases
from scorecard_report.load.template_folder import templates_folder
from scorecard_report.load.values import load_values, require_a_value
from scorecard_report.load.word_template import load_word_template
from scorecard_report.messages import log, progress, report_problems
from scorecard_report.model.build import build_report
from scorecard_report.model.edition import Edition, Inputs, only_sections, unknown_sections
from scorecard_report.model.period import LATEST, report_period
from scorecard_report.problems import ExitCode, InputError, Problem, UsageError
from scorecard_report.publish.output import write_all_atomically
from scorecard_report.publish.policy import dated_file_name, edition_name, publish_job
from scorecard_report.publish.publish import publish as publish_edition
from scorecard_report.render.outputs import DOCUMENTS, RenderOptions, chart_cache_folder, render_outputs
from scorecard_report.settings import Command, InputsJob, Job, OutputJob
from scorecard_report.starter import create_project


def run(job: Job) -> ExitCode:
    """Do what ``job.command`` says."""
    return _USE_CASES[job.command](job)


def validate(job: Job) -> ExitCode:
    """Check the catalogue, the values and how they join; every problem is raised at once."""
    inputs = load_inputs(job.inputs)
    log.info(
        "ok: %s (%d indicators) and %s (%d values)",
        job.inputs.catalogue,
        len(inputs.catalogue.indicators),
        inputs.values.path,
        len(inputs.values.observations),
    )
    if inputs.rebases.path is not None:
        count = len(inputs.rebases.entries)
        log.info("ok: %s (%d rebase%s)", inputs.rebases.path, count, "" if count == 1 else "s")
    return ExitCode.OK


def build(job: Job) -> ExitCode:
    """Write every format of the edition into the output folder, all of them or none."""
    edition = prepare_edition(job)
    rendered = render_outputs(edition.report(), job.output.formats, _render_options(job.output))
    files = {
        dated_file_name(edition.name, edition.period, extension): rendered[extension]
        for extension in job.output.formats
    }
    write_all_atomically(job.output.folder, files, job.output.file_mode)
    for name in files:
        log.info("wrote %s", job.output.folder / name)
    return ExitCode.OK


def publish(job: Job) -> ExitCode:
    """Build, check and publish the edition, unless the last publish was made from the same inputs."""
    edition = prepare_edition(job)
    plan = publish_job(job, edition)
    options = _render_options(job.output)
    formats = job.output.formats
    with progress(job.style, total=3) as step:
        result = publish_edition(plan, lambda: render_outputs(edition.report(), formats, options), step)
    if result.up_to_date:
        log.info(
            "up to date: %s for %s is already published from these inputs",
            plan.name,
            month_words(edition.period),
        )
        return ExitCode.OK
    for path in result.published:
        log.debug("published %s", path)
    log.info("published %s for %s to %s", ", ".join(formats), month_words(edition.period), plan.output)
    return ExitCode.OK


def commentary_init(job: Job) -> ExitCode:
    """Write the period's commentary file with a drafted slot for every text, or add the missing slots."""
    inputs = load_inputs(job.inputs)
    period = _report_period(job, inputs, inputs.catalogue)
    path = commentary_file(job, inputs.catalogue, period)
    report = build_report(inputs.catalogue, inputs.values, period, inputs.benchmarks, rebases=inputs.rebases)
    existed = path.exists()
    added = write_commentary_drafts(path, inputs.catalogue, report, job.update)
    if not existed:
        log.info("wrote %s with a draft in each of its %d slots", path, added)
    elif added:
        log.info("added %d slot%s to %s", added, "s" if added != 1 else "", path)
    else:
        log.info("%s already has every slot; nothing was changed", path)
    return ExitCode.OK


def init(job: Job) -> ExitCode:
    """Write a new project folder that builds at once."""
    folder = job.init_folder
    if folder is None:  # argparse requires DIR, so only a Job made by hand can lack it
        raise UsageError("init needs the new project's folder: scorecard init DIR")
    for path in create_project(folder):
        log.info("wrote %s", path)
    log.info("next: cd %s && scorecard build", folder)
    return ExitCode.OK


_USE_CASES: dict[Command, Callable[[Job], ExitCode]] = {
    Command.VALIDATE: validate,
    Command.BUILD: build,
    Command.PUBLISH: publish,
    Command.INIT: init,
    Command.COMMENTARY_INIT: commentary_init,
}


def load_inputs(job: InputsJob) -> Inputs:
    """The catalogue (with the config's marking), the values, any benchmarks and any rebases (``--rebases``,
    else the config's, else the catalogue's); warnings are logged."""
    catalogue = _with_marking(load_catalogue(job.catalogue), job.marking)
    data = job.data or catalogue.data
    if data is None:
        raise UsageError(f"no values file: give --data FILE, data in the config or data: in {job.catalogue}")
    values = load_values(data, catalogue, encoding=job.encoding, strict=job.strict, sheet=job.sheet)
    require_a_value(values)
    benchmarks = None
    if job.benchmarks is not None:
        benchmarks = load_benchmarks(job.benchmarks, catalogue, encoding=job.encoding, strict=job.strict)
    rebases_file = job.rebases or catalogue.rebases
    rebases = load_rebases(rebases_file, catalogue, values) if rebases_file is not None else NO_REBASES
    report_problems(
        [
            *catalogue.warnings,
            *values.warnings,
            *(benchmarks.warnings if benchmarks else ()),
            *rebases.warnings,
        ]
    )
    return Inputs(catalogue, values, benchmarks, rebases)


def _with_marking(catalogue: Catalogue, marking: str | None) -> Catalogue:
    """The catalogue with the config's protective marking in place of its ``report.marking``."""
    if marking is None:
        return catalogue
    return dataclasses.replace(catalogue, report=dataclasses.replace(catalogue.report, marking=marking))


def prepare_edition(job: Job) -> Edition:
    """Load everything one build or publish needs, for the sections asked for (all of them by default)."""
    inputs = load_inputs(job.inputs)
    problems = unknown_sections(inputs.catalogue, job.sections)
    if problems:
        raise UsageError("; ".join(problems))
    catalogue = only_sections(inputs.catalogue, job.sections)
    period = _report_period(job, inputs, catalogue)
    commentary, path = period_commentary(job, inputs.catalogue, period)
    name = edition_name(job.output.name or catalogue.name, job.sections, catalogue)
    section_ids = tuple(section.id for section in catalogue.sections) if job.sections else ()
    return Edition(inputs, catalogue, period, commentary, path, name, section_ids)


def _report_period(job: Job, inputs: Inputs, catalogue: Catalogue) -> Month:
    """The period asked for; when it is the latest, say which month that is."""
    period = report_period(asked_period(job.period, catalogue.calendar), catalogue, inputs.values)
    if job.period == LATEST:
        log.info(
            "period: %s (the latest month in which at least half the monthly indicators have a value)",
            month_words(period),
        )
    return period


def asked_period(written: str, calendar: FinancialCalendar) -> Month | None:
    """``--period`` read: the month it spells (else a usage error), or ``None`` for the latest."""
    if written == LATEST:
        return None
    try:
        return parse_period(written, calendar)
    except PeriodError as error:
        raise UsageError(f"--period: {error}") from None


def commentary_file(job: Job, catalogue: Catalogue, period: Month) -> Path:
    """``--commentary``, else ``YYYY-MM.yaml`` in the config's commentary folder or beside the catalogue."""
    return job.commentary or default_commentary_path(catalogue, period, job.commentary_folder)


def period_commentary(job: Job, catalogue: Catalogue, period: Month) -> tuple[Commentary, Path | None]:
    """The period's commentary and its file; none when no file was named and the default is absent."""
    path = commentary_file(job, catalogue, period)
    if job.commentary is None and not path.exists():
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
            f"this commentary is for {month_words(named)}, but the report is for {month_words(period)}",
            hint=f"give --commentary with the file for {month_words(period)} ({period.iso()}.yaml), "
            f"or --period {named.iso()}",
        )
        raise InputError([problem])


def _render_options(job: OutputJob) -> RenderOptions:
    """The options, with the templates checked now: a bad one fails before anything is rendered."""
    charts = bool(set(DOCUMENTS) & set(job.formats))  # the summary CSV has none, so needs no cache
    return RenderOptions(
        templates=templates_folder(job.templates) if job.templates else None,
        final=job.final,
        docx_template=load_word_template(job.docx_template) if job.docx_template else None,
        cache=chart_cache_folder(False, job.cache) if charts else None,
    )
