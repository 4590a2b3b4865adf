"""Read and check the indicator catalogue (YAML), reporting every problem with its file and line."""

from __future__ import annotations

import bisect
import dataclasses
import re
from pathlib import Path
from typing import Any

from scorecard_report.file_names import MAX_NAME_BYTES
from scorecard_report.inputs.catalogue import (
    DEFAULT_BENCHMARK_MAX_AGE,
    BenchmarkSource,
    Catalogue,
    Indicator,
    ReportSettings,
    Section,
)
from scorecard_report.inputs.derived import Population
from scorecard_report.inputs.periods import FinancialCalendar
from scorecard_report.inputs.spc import SpcSettings
from scorecard_report.inputs.vocabulary import Comparator
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import IndicatorSchema, SettingsSchema
from scorecard_report.load.clean_text import (
    REMOVABLE,
    REMOVED_HINT,
    TO_SPACE,
    removed_message,
    restore_breaks,
    safe_for_yaml,
)
from scorecard_report.load.derived import check_derived, read_populations
from scorecard_report.load.indicators import parse_default_tolerance
from scorecard_report.load.report_settings import report_settings
from scorecard_report.load.sections import check_file_name, read_sections
from scorecard_report.load.spc_settings import spc_settings
from scorecard_report.load.strict_yaml import YamlDocument, YamlPath, read_yaml
from scorecard_report.load.text_files import read_text
from scorecard_report.load.timeliness import benchmark_max_age, benchmark_year_ends, check_default_lag
from scorecard_report.problems import InputError, Problem


def load_catalogue(path: Path) -> Catalogue:
    """Read ``path`` into a ``Catalogue``; raise ``InputError`` listing every problem found."""
    reader, data = _read(path)
    settings = reader.validate(SettingsSchema, data, ())
    benchmarks: tuple[BenchmarkSource, ...] = ()
    max_age = DEFAULT_BENCHMARK_MAX_AGE
    if settings is not None:
        _check_settings(reader, settings)
        benchmarks = _benchmark_sources(reader, settings)
        max_age = benchmark_max_age(reader, settings.benchmark_max_age)
    spc = spc_settings(reader, _block(reader, data, "spc"))
    sections = read_sections(reader, data, settings)
    populations: tuple[Population, ...] = ()
    if settings is not None:
        _check_field_names(reader, settings)
        _check_has_indicators(reader, sections)
        calendar = FinancialCalendar(settings.year_start_month)
        written = _block(reader, data, "populations")
        populations = read_populations(reader, written, calendar)
        check_derived(reader, sections, populations, set(written) if isinstance(written, dict) else set())
    report = report_settings(reader, path, settings, sections) if settings else None
    warnings = sorted(reader.warnings, key=lambda problem: problem.line or 0)
    if reader.problems or settings is None or report is None or spc is None:
        raise InputError([*reader.problems, *warnings])
    catalogue = _catalogue(path, settings, sections, report, spc, benchmarks)
    return dataclasses.replace(
        catalogue,
        benchmark_max_age=max_age,
        populations=populations,
        sources=_sources(catalogue),
        warnings=tuple(warnings),
    )


def _sources(catalogue: Catalogue) -> tuple[Indicator, ...]:
    """Every indicator a derived indicator reads, in catalogue order."""
    read = {
        name for indicator in catalogue.indicators if indicator.derived for name in indicator.derived.inputs
    }
    return tuple(indicator for indicator in catalogue.indicators if indicator.ref in read)


def _block(reader: CatalogueReader, data: Any, key: str) -> Any:
    """The top-level block ``key`` as written, also under a misspelt key reported as meaning it."""
    if not isinstance(data, dict):
        return None
    written = reader.respelt.get((key,), (key,))
    return data.get(written[0])


def _read(path: Path) -> tuple[CatalogueReader, Any]:
    """The catalogue's reader and its data, every text cleaned to one line, with a warning for each
    character removed."""
    text = read_text(path, "catalogue", hint="YAML files must be UTF-8: save the catalogue as UTF-8")
    safe, removed = safe_for_yaml(text)
    document = read_yaml(path, safe)
    reader = CatalogueReader(document)
    data = _cleaned(reader, restore_breaks(document.data, " "), ())
    _warn_removed(reader, removed)
    return reader, data


def _cleaned(reader: CatalogueReader, data: Any, at: YamlPath) -> Any:
    """Every catalogue text is one line: a line break pasted into it is a space, and a control
    character a YAML escape made (``"\\0"``) is removed, with a warning, as in commentary."""
    if isinstance(data, str):
        found = REMOVABLE.findall(data)
        if found:
            reader.problem(
                at, removed_message(found), REMOVED_HINT, _ref_at(reader.document, at), warning=True
            )
        return REMOVABLE.sub("", data).translate(TO_SPACE)
    if isinstance(data, list):
        return [_cleaned(reader, item, (*at, index)) for index, item in enumerate(data)]
    if isinstance(data, dict):
        return {
            _cleaned(reader, key, (*at, key)): _cleaned(reader, value, (*at, key))
            for key, value in data.items()
        }
    return data


def _ref_at(document: YamlDocument, at: YamlPath) -> str | None:
    """The ref of the indicator ``at`` lies in, if any."""
    if len(at) < 4 or at[0] != "sections" or at[2] != "indicators":
        return None
    try:
        ref = document.data["sections"][at[1]]["indicators"][at[3]].get("ref")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return ref if isinstance(ref, str) else None


def _warn_removed(reader: CatalogueReader, removed: list[tuple[int, list[str]]]) -> None:
    """Warn about the characters removed before the YAML was read, each with the ref of the indicator
    its line falls in."""
    # A section and its first indicator may share a line (a flow mapping): the indicator, which comes
    # later in the document, wins, so the sort is by line and then by depth, never by ref.
    starts = sorted(
        (
            (line, len(location), _ref_at(reader.document, location) if len(location) == 4 else None)
            for location, line in reader.document.lines.items()
            if location[:1] == ("sections",)
            and len(location) in (2, 4)
            and location[2:3] in ((), ("indicators",))
        ),
        key=lambda start: (start[0], start[1]),
    )
    lines = [line for line, _depth, _ref in starts]
    for line, found in removed:
        before = bisect.bisect_right(lines, line)
        ref = starts[before - 1][2] if before else None
        reader.warnings.append(
            Problem(
                reader.document.path,
                removed_message(found),
                line=line,
                ref=ref,
                hint=REMOVED_HINT,
                warning=True,
            )
        )


def _check_settings(reader: CatalogueReader, settings: SettingsSchema) -> None:
    """The catalogue-wide settings the schema cannot check: the default tolerance and lag, and the name."""
    _check_default_tolerance(reader, settings.default_tolerance)
    check_default_lag(reader, settings.default_lag)
    if settings.name is not None:
        check_file_name(reader, settings.name, ("name",), "name", "childrens-scorecard")


def _benchmark_sources(reader: CatalogueReader, settings: SettingsSchema) -> tuple[BenchmarkSource, ...]:
    """The catalogue's benchmarks, each with the last month of its year where it gives one."""
    ends = benchmark_year_ends(reader, settings, FinancialCalendar(settings.year_start_month))
    return tuple(
        BenchmarkSource(b.id, b.label, b.year, end) for b, end in zip(settings.benchmarks, ends, strict=True)
    )


def _check_field_names(reader: CatalogueReader, settings: SettingsSchema) -> None:
    """An extra field may not take the name of an indicator key."""
    for name in settings.fields:
        if name in IndicatorSchema.model_fields:
            reader.problem(
                ("fields", name),
                f"field '{name}' is already an indicator key",
                hint="give the extra field another name, such as rec or theme",
            )


def _check_has_indicators(reader: CatalogueReader, sections: tuple[Section, ...]) -> None:
    """A catalogue that reads without a problem must have at least one indicator."""
    if not reader.problems and not any(section.indicators for section in sections):
        reader.problem(
            ("sections",),
            "the catalogue has no indicators",
            hint="add a section with at least one indicator under sections:",
        )


def _check_default_tolerance(reader: CatalogueReader, written: str) -> None:
    tolerance = parse_default_tolerance(written)
    if tolerance is None:
        reader.problem(
            ("default_tolerance",),
            f"default_tolerance '{written}' must be a percentage such as 5%",
            hint="it is relative to the target; 0 means red or green only",
        )
    elif tolerance.amount < 0:
        reader.problem(
            ("default_tolerance",),
            f"default_tolerance '{written}' cannot be negative",
            hint="write a percentage such as 5%, or 0 for red or green only",
        )


def _catalogue(
    path: Path,
    settings: SettingsSchema,
    sections: tuple[Section, ...],
    report: ReportSettings,
    spc: SpcSettings,
    benchmarks: tuple[BenchmarkSource, ...],
) -> Catalogue:
    tolerance = parse_default_tolerance(settings.default_tolerance)
    if tolerance is None:
        raise InputError(
            [
                Problem(
                    path,
                    f"default_tolerance '{settings.default_tolerance}' must be a percentage such as 5%",
                    hint="it is relative to the target",
                )
            ]
        )
    return Catalogue(
        path=path,
        title=settings.title,
        organisation=settings.organisation,
        name=settings.name or slug(settings.title),
        data=(path.parent / settings.data) if settings.data else None,
        commentary=(path.parent / settings.commentary) if settings.commentary else None,
        calendar=FinancialCalendar(settings.year_start_month),
        default_tolerance=tolerance,
        comparator=Comparator(settings.direction_of_travel),
        missing_label=settings.missing_label,
        missing_markers=tuple(settings.missing_markers),
        below_bands=settings.below_bands,
        trend_length=settings.trend_periods,
        benchmarks=benchmarks,
        sections=sections,
        report=report,
        fields=tuple(settings.fields.items()),
        spc=spc,
        rebases=(path.parent / settings.rebases) if settings.rebases else None,
        band_labels=dict(settings.band_labels),
    )


def slug(title: str) -> str:
    """A file-name stem from a title: ``Children's Scorecard`` → ``childrens-scorecard``."""
    words = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", ""))[:MAX_NAME_BYTES].strip("-")
    return words or "scorecard"
