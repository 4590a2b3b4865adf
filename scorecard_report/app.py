"""The commands' work: validate, build, publish, commentary init and init, each taking one resolved Job."""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from scorecard_report.authoring.commentary_file import update_words, write_commentary_drafts
from scorecard_report.authoring.rebases_file import record_decided_on
from scorecard_report.clock import produced_at
from scorecard_report.format.periods import month_words
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import NO_COMMENTARY, Commentary
from scorecard_report.inputs.periods import FinancialCalendar, Month, PeriodError
from scorecard_report.inputs.spc import NO_REBASES
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import default_commentary_path, load_commentary
from scorecard_report.load.derived_values import with_derived
from scorecard_report.load.editions import unknown_edition_sections
from scorecard_report.load.periods import parse_period
from scorecard_report.load.rebases import load_rebases
from scorecard_report.load.snapshot import read_snapshot
from scorecard_report.load.template_folder import templates_folder
from scorecard_report.load.values import load_values, require_a_value
from scorecard_report.load.word_template import load_word_template
from scorecard_report.messages import build_progress, log, progress, report_problems
from scorecard_report.model.build import build_report
from scorecard_report.model.commentary_check import stale_commentary_problems
from scorecard_report.model.edition import Edition, Inputs, only_sections, unknown_sections
from scorecard_report.model.period import LATEST, report_period
from scorecard_report.model.report import Report
from scorecard_report.model.snapshot import report_snapshot
from scorecard_report.problems import ExitCode, InputError, Problem, UsageError
from scorecard_report.publish.lock import publish_lock
from scorecard_report.publish.output import write_all_atomically
from scorecard_report.publish.policy import PublishJob, dated_file_name, edition_name, publish_job
from scorecard_report.publish.publish import PublishResult, already_published, publish_locked
from scorecard_report.publish.snapshots import (
    SNAPSHOT,
    check_comparable,
    snapshot_file_name,
    snapshot_to_compare,
)
from scorecard_report.render.chart_cache import DrawnCharts
from scorecard_report.render.outputs import (
    DOCUMENTS,
    RenderOptions,
    chart_cache_folder,
    check_document_size,
    render_editions,
    render_outputs,
)
from scorecard_report.render.snapshot import snapshot_json
from scorecard_report.settings import Command, InputsJob, Job, OutputJob, edition_jobs
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
        inputs.values.read_count,
    )
    derived = [indicator.ref for indicator in inputs.catalogue.indicators if indicator.derived]
    if derived:
        computed = len(inputs.values.observations) - inputs.values.read_count
        named = ", ".join(derived[:10]) + (f" and {len(derived) - 10:,} more" if len(derived) > 10 else "")
        log.info("ok: computed %d values for %d derived indicators (%s)", computed, len(derived), named)
    if inputs.rebases.path is not None:
        count = len(inputs.rebases.entries)
        log.info("ok: %s (%d rebase%s)", inputs.rebases.path, count, "" if count == 1 else "s")
    check_sections(job, inputs.catalogue)
    if job.editions:
        count = len(job.editions)
        log.info("ok: %s (%d edition%s)", job.config_file, count, "" if count == 1 else "s")
    return ExitCode.OK


def sections(job: Job) -> ExitCode:
    """List the catalogue's section ids, titles and number of indicators, for ``[[edition]]`` tables and
    ``--section``: on standard output, the one command that writes there, so that it can be piped."""
    catalogue = load_catalogue(job.inputs.catalogue)
    report_problems(list(catalogue.warnings))
    sys.stdout.write("".join(f"{line}\n" for line in section_lines(catalogue)))
    return ExitCode.OK


def section_lines(catalogue: Catalogue) -> list[str]:
    """``front-door  Front Door        3 indicators``: one line a section, in catalogue order, aligned."""
    rows = [(section.id, section.title, len(section.indicators)) for section in catalogue.sections]
    widths = [max((len(str(row[column])) for row in rows), default=0) for column in range(3)]
    return [
        f"{section_id:<{widths[0]}}  {title:<{widths[1]}}  {count:>{widths[2]}} indicator{_s(count)}"
        for section_id, title, count in rows
    ]


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def build(job: Job) -> ExitCode:
    """Write every format of every edition into the output folder, all of them or none.

    Every edition is checked (its sections, commentary, earlier snapshot and size) before any is rendered,
    and every one is rendered before any file is written: a bad input or template writes nothing, and the
    files of all the editions appear together.
    """
    with build_progress(job.style) as steps:
        steps.step("reading the inputs")
        said: set[Problem] = set()
        planned = [_planned(one, edition, said) for one, edition in prepare_editions(job)]
        options = _render_options(job.output, _every_format(one for one, _, _ in planned))
        for one, _, report in planned:
            say_changes(report, _label(one))
        rendered = render_editions(
            [(report, one.output.formats) for one, _, report in planned], options, steps
        )
        files: dict[str, bytes] = {}
        for (one, edition, report), outputs in zip(planned, rendered, strict=True):
            files.update(_edition_files(one, edition, report, outputs))
        steps.step("writing the files")
        write_all_atomically(job.output.folder, files, job.output.file_mode)
    for name in files:
        log.info("wrote %s", job.output.folder / name)
    return ExitCode.OK


def _planned(job: Job, edition: Edition, said: set[Problem]) -> tuple[Job, Edition, Report]:
    """The edition compared with its earlier snapshot, and its report, once everything it can be refused
    for before rendering has been checked."""
    edition = compared(edition, earlier_snapshot(job, edition))
    report = edition.report()
    check_commentary(job, edition, report, said)
    check_document_size(report, job.output.formats)
    return job, edition, report


def _edition_files(
    job: Job, edition: Edition, report: Report, rendered: dict[str, bytes]
) -> dict[str, bytes]:
    """The edition's files by name: every format, and its snapshot under ``--record``."""
    files = {
        dated_file_name(edition.name, edition.period, extension): rendered[extension]
        for extension in job.output.formats
    }
    if job.record:
        files[snapshot_file_name(edition.name, edition.period)] = edition_snapshot(edition, report)
    return files


def publish(job: Job) -> ExitCode:
    """Build, check and publish every edition, each unless its last publish was made from the same inputs.

    Every edition is checked before the first is published, and the output folder's lock is held from
    the first to the last. Each edition is published whole or not at all, with its own manifest; should
    one fail, those before it stay published (each matching its manifest) and the message says which.
    """
    said: set[Problem] = set()
    planned = [_publish_plan(one, edition, said) for one, edition in prepare_editions(job)]
    options = _render_options(job.output, _every_format(one for one, *_ in planned))
    done: list[str] = []
    with publish_lock(job.output.folder), progress(job.style, total=3 * len(planned) + 1) as step:
        step("building the editions not yet published")
        try:
            together = _rendered_together(planned, options)
        except InputError as error:
            raise _partly_published(error, done, [plan.name for *_, plan in planned]) from None
        for index, (one, edition, earlier, plan) in enumerate(planned):
            render = functools.partial(_published_files, edition, earlier, one, options)
            try:
                result = publish_locked(plan, together.get(index, render), step)
            except InputError as error:
                raise _partly_published(error, done, [plan.name for *_, plan in planned]) from None
            _say_published(one, plan, edition, result)
            done.append(plan.name)
    return ExitCode.OK


def _rendered_together(
    planned: Sequence[tuple[Job, Edition, Path | None, PublishJob]], options: RenderOptions
) -> dict[int, Callable[[], dict[str, bytes]]]:
    """The files of every edition not already published, made together before the first is published
    (so the workers lay out all their documents at once), by the edition's place in ``planned``; none
    when at most one edition needs them, which is then made as it is published."""
    stale = [
        (index, one, compared(edition, earlier))
        for index, (one, edition, earlier, plan) in enumerate(planned)
        if not already_published(plan)
    ]
    if len(stale) < 2:
        return {}
    reports = [(index, one, edition, edition.report()) for index, one, edition in stale]
    for _, one, _, report in reports:
        say_changes(report, _label(one))
    rendered = render_editions([(report, one.output.formats) for _, one, _, report in reports], options)
    return {
        index: functools.partial(_with_snapshot, outputs, edition, report)
        for (index, _, edition, report), outputs in zip(reports, rendered, strict=True)
    }


def _with_snapshot(outputs: dict[str, bytes], edition: Edition, report: Report) -> dict[str, bytes]:
    return {**outputs, SNAPSHOT: edition_snapshot(edition, report)}


def _publish_plan(
    job: Job, edition: Edition, said: set[Problem]
) -> tuple[Job, Edition, Path | None, PublishJob]:
    """What publishing the edition writes, once its commentary has been checked (it may refuse)."""
    # Read only once the publish builds: the up-to-date check depends on no snapshot.
    earlier = earlier_snapshot(job, edition)
    check_commentary(job, edition, edition.report(), said)
    return job, edition, earlier, publish_job(job, edition)


def _say_published(job: Job, plan: PublishJob, edition: Edition, result: PublishResult) -> None:
    if result.up_to_date:
        log.info(
            "up to date: %s for %s is already published from these inputs",
            plan.name,
            month_words(edition.period),
        )
        return
    for path in result.published:
        log.debug("published %s", path)
    formats = ", ".join(plan.formats)
    of = f" of {job.edition}" if job.edition else ""
    log.info("published %s%s for %s to %s", formats, of, month_words(edition.period), plan.output)


def _partly_published(error: InputError, done: list[str], names: list[str]) -> InputError:
    """``error``, saying which editions were published before it and which were not, when some were."""
    if not done:
        return error
    rest = ", ".join(names[len(done) :])
    were = "was" if len(done) == 1 else "were"
    error.outcome = (
        f"{error.outcome or 'nothing was published'} for {rest}; {', '.join(done)} {were} published"
    )
    return error


def _published_files(
    edition: Edition, earlier: Path | None, job: Job, options: RenderOptions
) -> dict[str, bytes]:
    """Every format of the edition, and its snapshot, which publish writes beside the manifest."""
    edition = compared(edition, earlier)
    report = edition.report()
    say_changes(report, _label(job))
    return _with_snapshot(render_outputs(report, job.output.formats, options), edition, report)


def edition_snapshot(edition: Edition, report: Report) -> bytes:
    """The snapshot of what ``report`` shows, recorded now (or at SOURCE_DATE_EPOCH)."""
    return snapshot_json(report_snapshot(report, edition.name, produced_at()))


def say_changes(report: Report, label: str = "") -> None:
    """One line on what changed since the earlier edition, or that there is none to compare with;
    ``label`` names the edition when a run makes several."""
    if report.changes is None:  # said with -v only: a CSV build needs no word on it
        log.debug(
            "%sno earlier edition to compare with: no changes page (build --record or publish keeps one)",
            label,
        )
    else:
        count = len(report.changes.changes)
        earlier = report.changes.earlier
        log.info(
            "%s%d change%s since %s (%s)",
            label,
            count,
            "" if count == 1 else "s",
            earlier.file_name,
            earlier.period_text,
        )


def commentary_init(job: Job) -> ExitCode:
    """Write the period's commentary file with a drafted slot for every text, or add the missing slots."""
    inputs = load_inputs(job.inputs)
    period = _report_period(job, inputs, inputs.catalogue)
    path = commentary_file(job, inputs.catalogue, period)
    report = build_report(inputs.catalogue, inputs.values, period, inputs.benchmarks, rebases=inputs.rebases)
    existed = path.exists()
    updated = write_commentary_drafts(path, inputs.catalogue, report, job.update)
    if not existed:
        log.info("wrote %s with a draft in each of its %d slots", path, updated.slots)
    elif updated.changed:
        log.info("%s in %s", update_words(updated), path)
    else:
        log.info("%s already has every slot and records its figures; nothing was changed", path)
    return ExitCode.OK


def rebases_record(job: Job) -> ExitCode:
    """Record in each rebase that lacks it the data it was decided on, from the values as they are now."""
    inputs = load_inputs(job.inputs)
    path = inputs.rebases.path
    if path is None:
        where = f"rebases in the config or rebases: in {job.inputs.catalogue}"
        raise UsageError(f"no rebases file: give --rebases FILE, {where}")
    if not inputs.rebases.entries:
        log.info("%s has no rebases; nothing was changed", path)
        return ExitCode.OK
    recorded = record_decided_on(path, inputs.catalogue, inputs.values)
    if recorded:
        log.info("recorded the data behind %d rebase%s in %s", recorded, "s" if recorded != 1 else "", path)
    else:
        log.info("%s: every rebase already records its data; nothing was changed", path)
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
    Command.REBASES_RECORD: rebases_record,
    Command.SECTIONS: sections,
}


def load_inputs(job: InputsJob) -> Inputs:
    """The catalogue (with the config's marking), the values, any benchmarks and any rebases (``--rebases``,
    else the config's, else the catalogue's); warnings are logged."""
    catalogue = _with_marking(load_catalogue(job.catalogue), job.marking)
    data = job.data or catalogue.data
    if data is None:
        raise UsageError(f"no values file: give --data FILE, data in the config or data: in {job.catalogue}")
    read = load_values(data, catalogue, encoding=job.encoding, strict=job.strict, sheet=job.sheet)
    require_a_value(read)
    values = with_derived(catalogue, read)
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
    check_sections(job, inputs.catalogue)
    period = _report_period(job, inputs, edition_catalogue(job, inputs.catalogue))
    return _edition(job, inputs, period, *period_commentary(job, inputs.catalogue, period))


def prepare_editions(job: Job) -> list[tuple[Job, Edition]]:
    """Every edition the run makes (the config's ``[[edition]]`` tables, else the one the options say),
    each with its own job, from inputs loaded once and commentary read once for each period."""
    inputs = load_inputs(job.inputs)
    check_sections(job, inputs.catalogue)
    jobs = edition_jobs(job)
    periods = [
        _report_period(one, inputs, edition_catalogue(one, inputs.catalogue), say=False) for one in jobs
    ]
    _say_periods(job, jobs, periods)
    commentaries = {
        period: period_commentary(job, inputs.catalogue, period) for period in dict.fromkeys(periods)
    }
    return [
        (one, _edition(one, inputs, period, *commentaries[period]))
        for one, period in zip(jobs, periods, strict=True)
    ]


def check_sections(job: Job, catalogue: Catalogue) -> None:
    """Every section id the catalogue lacks: ``--section``'s are a usage error, as today; the config's
    editions' are errors at their lines in the config, all of them at once."""
    problems = unknown_sections(catalogue, job.sections)
    if problems:
        raise UsageError("; ".join(problems))
    known = [section.id for section in catalogue.sections]
    found = unknown_edition_sections(job.config_file or Path(), job.editions, known, catalogue.path)
    if found:
        raise InputError(found)


def edition_catalogue(job: Job, catalogue: Catalogue) -> Catalogue:
    """The catalogue as the edition shows it: its sections only, with its marking and title."""
    edition = _with_marking(only_sections(catalogue, job.sections), job.inputs.marking)
    return dataclasses.replace(edition, title=job.inputs.title) if job.inputs.title else edition


def _edition(
    job: Job, inputs: Inputs, period: Month, commentary: Commentary, commentary_file: Path | None
) -> Edition:
    catalogue = edition_catalogue(job, inputs.catalogue)
    name = job.edition or edition_name(job.output.name or catalogue.name, job.sections, catalogue)
    section_ids = tuple(section.id for section in catalogue.sections) if job.sections else ()
    return Edition(inputs, catalogue, period, commentary, commentary_file, name, section_ids)


def _say_periods(job: Job, jobs: Sequence[Job], periods: Sequence[Month]) -> None:
    """Which month ``latest`` is: once when every edition has the same, else for each edition."""
    if job.period != LATEST:
        return
    if len(set(periods)) == 1:
        log.info("period: %s (%s)", month_words(periods[0]), LATEST_WORDS)
        return
    for one, period in zip(jobs, periods, strict=True):
        log.info("%speriod: %s (%s)", _label(one), month_words(period), LATEST_WORDS)


def _label(job: Job) -> str:
    """``front-door: `` before a message about one of a run's configured editions; nothing otherwise."""
    return f"{job.edition}: " if job.edition else ""


def earlier_snapshot(job: Job, edition: Edition) -> Path | None:
    """The snapshot the edition is compared with: ``--compare-with``, else the last one recorded in the
    output folder; None when nothing was recorded. A ``--compare-with`` that names none fails here."""
    return snapshot_to_compare(job.output.folder, edition.name, edition.period, job.compare_with)


def compared(edition: Edition, earlier: Path | None) -> Edition:
    """The edition with the snapshot ``earlier`` to compare with, read now; as it was with none."""
    if earlier is None:
        return edition
    snapshot = read_snapshot(earlier)
    check_comparable(snapshot, earlier, edition.period)
    return dataclasses.replace(edition, earlier=snapshot, earlier_file=earlier.name)


LATEST_WORDS = "the latest month in which at least half the monthly indicators have a value"


def _report_period(job: Job, inputs: Inputs, catalogue: Catalogue, *, say: bool = True) -> Month:
    """The period asked for; when it is the latest, say which month that is (unless ``say`` is off)."""
    period = report_period(asked_period(job.period, catalogue.calendar), catalogue, inputs.values)
    if job.period == LATEST and say:
        log.info("period: %s (%s)", month_words(period), LATEST_WORDS)
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
    commentary, warnings = load_commentary(path, catalogue, period)
    report_problems(warnings)
    return commentary, path


def check_commentary(job: Job, edition: Edition, report: Report, said: set[Problem] | None = None) -> None:
    """Warn of each text shown beside figures other than those it was written against; under
    ``publish --strict-commentary`` refuse to publish any, listing them all. ``said``: the problems an
    earlier edition of the run reported, which are not said again (a slot shown in two editions)."""
    if edition.commentary_file is None:
        return
    strict = job.strict_commentary
    file, final = edition.commentary_file, job.output.final
    problems = stale_commentary_problems(report, file, final=final, strict=strict)
    if said is not None:
        problems = [problem for problem in problems if problem not in said]
        said.update(problems)
    if strict and problems:
        raise InputError(problems)
    report_problems(problems)


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


def _every_format(jobs: Iterable[Job]) -> tuple[str, ...]:
    """The formats of all the run's editions, each once."""
    return tuple(dict.fromkeys(name for job in jobs for name in job.output.formats))


def _render_options(job: OutputJob, formats: Sequence[str] | None = None) -> RenderOptions:
    """The options every edition of the run shares, with the templates checked now: a bad one fails
    before anything is rendered. ``formats``: the run's (all its editions'), else the job's."""
    made = job.formats if formats is None else formats
    charts = bool(set(DOCUMENTS) & set(made))  # the summary CSV has none, so needs no cache
    return RenderOptions(
        templates=templates_folder(job.templates) if job.templates else None,
        final=job.final,
        docx_template=load_word_template(job.docx_template) if job.docx_template else None,
        cache=chart_cache_folder(False, job.cache) if charts else None,
        csv_bom=job.csv_bom,
        drawn=DrawnCharts() if charts else None,  # each chart drawn once, however many editions show it
    )
