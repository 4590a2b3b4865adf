"""The Job: the command line, ``scorecard.toml`` and the defaults, merged once into one frozen object."""

from __future__ import annotations

import argparse
import dataclasses
import difflib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from scorecard_report.file_names import FILE_NAME_HINT, name_problem, shown
from scorecard_report.load.config import Config, find_config
from scorecard_report.load.editions import ConfigEdition
from scorecard_report.messages import OutputStyle, log
from scorecard_report.model.period import LATEST
from scorecard_report.problems import UsageError
from scorecard_report.publish.output import PUBLISHED_MODE
from scorecard_report.render.formats import FORMATS

DEFAULT_CATALOGUE = Path("indicator_specs.yaml")
DEFAULT_OUTPUT = Path("output")
DEFAULT_FORMATS = ("pdf", "html", "docx", "csv", "changes", "xlsx")


class Command(StrEnum):
    VALIDATE = "validate"
    BUILD = "build"
    PUBLISH = "publish"
    INIT = "init"
    COMMENTARY_INIT = "commentary init"
    REBASES_RECORD = "rebases record"
    SECTIONS = "sections"


@dataclass(frozen=True)
class InputsJob:
    """What to read, and how: the catalogue, the values and any benchmarks."""

    catalogue: Path = DEFAULT_CATALOGUE
    data: Path | None = None  # None: the catalogue's ``data:``
    sheet: str | None = None  # None: the workbook's first visible sheet
    benchmarks: Path | None = None
    rebases: Path | None = None  # --rebases, else the config's; None: the catalogue's ``rebases:``
    encoding: str = "utf-8"
    strict: bool = False
    marking: str | None = None  # the config's, in place of the catalogue's ``report.marking``
    title: str | None = None  # an edition's, in place of the catalogue's ``title``


@dataclass(frozen=True)
class OutputJob:
    """What to write, and where."""

    folder: Path = DEFAULT_OUTPUT
    formats: tuple[str, ...] = DEFAULT_FORMATS
    name: str | None = None  # the file-name stem; None: the catalogue's name
    templates: Path | None = None
    docx_template: Path | None = None
    cache: Path | bool | None = None  # the charts' folder; False: none; None: the default folder
    file_mode: int = PUBLISHED_MODE
    final: bool = False  # leave commentary placeholders and drafts out
    csv_bom: bool = True  # a UTF-8 byte-order mark at the start of each CSV, so Excel reads it right


@dataclass(frozen=True)
class Job:
    """One command, with every setting it needs resolved."""

    command: Command
    inputs: InputsJob = field(default_factory=InputsJob)
    output: OutputJob = field(default_factory=OutputJob)
    period: str = LATEST  # as written: ``latest`` or a month
    sections: tuple[str, ...] = ()  # as given; none for the whole scorecard
    commentary: Path | None = None  # --commentary; None: the period's file, if there is one
    commentary_folder: Path | None = None  # the config's; None: commentary/ beside the catalogue
    update: bool = False  # commentary init --update
    strict_commentary: bool = False  # publish --strict-commentary: refuse text written against other figures
    record: bool = False  # build --record: write the edition's snapshot with its files
    compare_with: str | None = None  # --compare-with FILE|YYYY-MM; None: the last recorded edition
    config_file: Path | None = None
    init_folder: Path | None = None  # the new project folder init writes
    style: OutputStyle = field(default_factory=OutputStyle)
    # The config's [[edition]] tables to make (those --edition names, else all), formats resolved; none: the
    # one edition the options above describe. See ``edition_jobs``.
    editions: tuple[ConfigEdition, ...] = ()
    edition: str | None = None  # the [[edition]] this job makes, by name; None: the command line's one


def command_of(arguments: argparse.Namespace) -> Command:
    """``build``, or ``commentary init`` for a command with an action."""
    return Command(" ".join(filter(None, (arguments.command, getattr(arguments, "action", None)))))


def output_style(arguments: argparse.Namespace) -> OutputStyle:
    """-q, -v and --log-format, known before anything else so that every message can follow them."""
    return OutputStyle(-1 if arguments.quiet else int(arguments.verbose), arguments.log_format == "json")


def job_from_command_line(arguments: argparse.Namespace) -> Job:
    """The command's job, with the config it names, else ``./scorecard.toml`` (init reads none)."""
    check_name_option(arguments)
    config = find_config(arguments.config) if command_of(arguments) is not Command.INIT else Config()
    return resolve_job(arguments, config)


def check_name_option(arguments: argparse.Namespace) -> None:
    """A ``--name`` that cannot be a file name is a usage error, found before the config is read."""
    name: str | None = getattr(arguments, "name", None)
    problem = name_problem(name) if name is not None else None
    if name is not None and problem is not None:
        hint = FILE_NAME_HINT.replace("NAME", "--name scorecard")
        raise UsageError(f"--name '{shown(name)}' cannot be a file name: {problem} ({hint})")


def resolve_job(arguments: argparse.Namespace, config: Config) -> Job:
    """Each setting from the command line, else ``config``, else its default: the one place they meet."""
    command = command_of(arguments)
    return Job(
        command=command,
        inputs=_inputs_job(arguments, config),
        output=_output_job(arguments, config, command),
        period=getattr(arguments, "period", LATEST),
        sections=tuple(getattr(arguments, "section", None) or ()),
        commentary=getattr(arguments, "commentary", None),
        commentary_folder=config.commentary,
        update=getattr(arguments, "update", False),
        strict_commentary=getattr(arguments, "strict_commentary", False),
        record=getattr(arguments, "record", False),
        compare_with=getattr(arguments, "compare_with", None),
        config_file=config.path,
        init_folder=getattr(arguments, "folder", None),
        style=output_style(arguments),
        editions=_editions(arguments, config),
    )


def _inputs_job(arguments: argparse.Namespace, config: Config) -> InputsJob:
    data: Path | None = getattr(arguments, "data", None)
    sheet: str | None = getattr(arguments, "sheet", None)
    if sheet is None and data is None:
        sheet = config.sheet  # the config's sheet is one of the config's data, not of --data's file
    return InputsJob(
        catalogue=getattr(arguments, "catalogue", None) or config.catalogue or DEFAULT_CATALOGUE,
        data=data or config.data,
        sheet=sheet,
        benchmarks=getattr(arguments, "benchmarks", None),
        rebases=getattr(arguments, "rebases", None) or config.rebases,
        encoding=getattr(arguments, "encoding", "utf-8"),
        strict=getattr(arguments, "strict", False),
        marking=config.marking,
    )


def _output_job(arguments: argparse.Namespace, config: Config, command: Command) -> OutputJob:
    return OutputJob(
        folder=getattr(arguments, "out", None) or config.output or DEFAULT_OUTPUT,
        formats=parse_formats(_written_formats(arguments, config)),
        name=getattr(arguments, "name", None) or config.name,
        templates=getattr(arguments, "templates", None) or config.templates,
        docx_template=getattr(arguments, "docx_template", None) or config.docx_template,
        cache=False if getattr(arguments, "no_cache", False) else config.cache,
        file_mode=config.file_mode if config.file_mode is not None else PUBLISHED_MODE,
        # Everything publish writes is final: a draft is never published.
        final=command is Command.PUBLISH or getattr(arguments, "final", False),
        csv_bom=config.csv_bom is not False,
    )


def _written_formats(arguments: argparse.Namespace, config: Config) -> str:
    """``--format`` as written, else the config's formats, else all four."""
    written = format_option(arguments)
    return written if written is not None else ",".join(config.formats or DEFAULT_FORMATS)


def format_option(arguments: argparse.Namespace) -> str | None:
    """Every ``--format`` given, as one list: ``--format pdf --format csv`` is ``--format pdf,csv``."""
    given: list[str] | None = getattr(arguments, "format", None)
    return ",".join(given) if given is not None else None


def parse_formats(text: str) -> tuple[str, ...]:
    """``pdf, CSV,pdf`` as ``("pdf", "csv")``; an unknown or missing format is a usage error."""
    formats = [name.strip().lower() for name in text.split(",") if name.strip()]
    for name in formats:
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}'; available: {', '.join(FORMATS)}")
    if not formats:
        raise UsageError("--format needs at least one format")
    return tuple(dict.fromkeys(formats))


def _editions(arguments: argparse.Namespace, config: Config) -> tuple[ConfigEdition, ...]:
    """The config's editions to make: those ``--edition`` names, else every one; none when ``--section``
    makes an edition of its own in their place."""
    chosen: list[str] = getattr(arguments, "edition", None) or []
    where = config.path or "scorecard.toml"
    if not config.editions:
        if chosen:
            raise UsageError(f"--edition {chosen[0]}: {where} has no [[edition]] tables to choose from")
        return ()
    if getattr(arguments, "section", None):
        if chosen:
            raise UsageError(
                "--edition and --section cannot be used together: --edition makes editions of "
                f"{where}, --section one of your own"
            )
        log.info(
            "--section: one edition of its own, in place of the %d editions in %s",
            len(config.editions),
            where,
        )
        return ()
    if getattr(arguments, "name", None):
        raise UsageError(
            f"--name would give every edition in {where} the same file names: each [[edition]] has its "
            "own name (give --edition NAME to make one of them, or --section ID for an edition of your own)"
        )
    return tuple(_with_formats(edition, arguments, config) for edition in _chosen(config, chosen))


def _chosen(config: Config, chosen: list[str]) -> tuple[ConfigEdition, ...]:
    """The editions ``--edition`` names, in the config's order; every one when it names none."""
    names = [edition.name for edition in config.editions]
    for name in chosen:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            suggestion = f"did you mean '{close[0]}'?" if close else f"the editions are {', '.join(names)}"
            raise UsageError(f"--edition {shown(name)}: no such edition in {config.path} ({suggestion})")
    return tuple(edition for edition in config.editions if not chosen or edition.name in chosen)


def _with_formats(edition: ConfigEdition, arguments: argparse.Namespace, config: Config) -> ConfigEdition:
    """``--format`` for every edition, else the edition's own formats, else the config's, else the default."""
    written = format_option(arguments)
    if written is None:
        written = ",".join(edition.formats or config.formats or DEFAULT_FORMATS)
    return dataclasses.replace(edition, formats=parse_formats(written))


def edition_jobs(job: Job) -> tuple[Job, ...]:
    """The job of each edition to make: one for each of ``job.editions``, else ``job`` itself. Each is the
    job a single-edition run would have: its sections, file-name stem, formats, marking and title."""
    if not job.editions:
        return (job,)
    return tuple(_edition_job(job, edition) for edition in job.editions)


def _edition_job(job: Job, edition: ConfigEdition) -> Job:
    return dataclasses.replace(
        job,
        inputs=dataclasses.replace(
            job.inputs, marking=edition.marking or job.inputs.marking, title=edition.title
        ),
        output=dataclasses.replace(
            job.output, name=edition.name, formats=edition.formats or job.output.formats
        ),
        sections=edition.sections,
        editions=(),
        edition=edition.name,
    )
