"""The Python API for notebooks: the report a build makes, and its summary, series and changes as frames.

``build_report`` loads and judges exactly as ``scorecard build`` does (the same loaders, rules and
problems); ``to_frame`` gives the CSVs' columns and values as a pandas DataFrame, typed rather than text.
pandas is an optional extra, imported only by ``to_frame``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from scorecard_report import app
from scorecard_report.model.period import LATEST
from scorecard_report.model.report import Report
from scorecard_report.render.changes_csv import CHANGES_COLUMNS, changes_lines
from scorecard_report.render.summary_csv import (
    Cell,
    series_columns,
    series_lines,
    summary_columns,
    summary_lines,
)
from scorecard_report.settings import Command, InputsJob, Job

if TYPE_CHECKING:
    import pandas

Frame = Literal["summary", "series", "changes"]

PANDAS_NEEDED = "to_frame needs pandas: pip install 'scorecard-report[pandas]'"


def build_report(
    catalogue: str | Path,
    data: str | Path | None = None,
    *,
    period: str | None = None,
    sections: str | Sequence[str] = (),
    benchmarks: str | Path | None = None,
    rebases: str | Path | None = None,
    commentary: str | Path | None = None,
    compare_with: str | Path | None = None,
    sheet: str | None = None,
    encoding: str = "utf-8",
    strict: bool = False,
) -> Report:
    """The frozen report ``scorecard build`` would make from these files, as the command line's options
    name them: ``period`` is ``YYYY-MM`` (None: the latest, as ``--period latest``), ``data`` None is the
    catalogue's ``data:``, ``commentary`` None is the period's file beside the catalogue if there is one,
    and ``compare_with`` is an earlier edition's snapshot file. No ``scorecard.toml`` is read.

    Bad input raises ``InputError`` listing every problem (``str(error)``, or ``error.problems``); an
    unknown section or a bad period raises ``UsageError``. Warnings go to the ``scorecard_report`` logger.
    """
    job = Job(
        Command.BUILD,
        InputsJob(
            catalogue=Path(catalogue),
            data=_path(data),
            sheet=sheet,
            benchmarks=_path(benchmarks),
            rebases=_path(rebases),
            encoding=encoding,
            strict=strict,
        ),
        period=period or LATEST,
        # One id written alone is one section, not the letters of one.
        sections=(sections,) if isinstance(sections, str) else tuple(sections),
        commentary=_path(commentary),
    )
    edition = app.prepare_edition(job)
    if compare_with is not None:
        edition = app.compared(edition, Path(compare_with))
    report = edition.report()
    app.check_commentary(job, edition, report)
    return report


def _path(written: str | Path | None) -> Path | None:
    return None if written is None else Path(written)


def to_frame(report: Report, which: Frame = "summary") -> pandas.DataFrame:
    """The summary (a row per indicator), the series (a row per indicator per month of its trend) or the
    changes since the edition compared with, as a DataFrame with the CSV's columns and values.

    Numbers are float64 (NaN where the CSV is empty), counts int64, yes and no nullable booleans, words
    and periods (``YYYY-MM``) strings, with ``<NA>`` where the CSV is empty.
    """
    try:
        import pandas
    except ImportError:
        raise ImportError(PANDAS_NEEDED) from None
    if which not in _TABLES:
        raise ValueError(f"to_frame: which must be one of {', '.join(_TABLES)}, not {which!r}")
    columns, lines = _TABLES[which](report)
    return pandas.DataFrame(
        {
            name: _column([line[index] for line in lines], kind)
            for index, (name, kind) in enumerate(columns.items())
        }
    )


def _column(cells: list[Cell], kind: type) -> pandas.Series[Any]:
    """One column of cells, with the dtype of what it holds; nothing is NaN or ``<NA>``."""
    import pandas  # already imported by to_frame, which said what to do without it

    if kind is Decimal:
        # float, not Decimal: pandas sums, means and plots floats. The judgements were made on the exact
        # figures before this, so nothing is decided on a float.
        return pandas.Series([float(cell) if cell is not None else None for cell in cells], dtype="float64")
    if kind is int:
        return pandas.Series(cells, dtype="int64")
    if kind is bool:
        return pandas.Series(cells, dtype="boolean")
    return pandas.Series(cells, dtype="string")


_Table = tuple[dict[str, type], Sequence[Sequence[Cell]]]

_TABLES: dict[str, Callable[[Report], _Table]] = {
    "summary": lambda report: (summary_columns(report), summary_lines(report)),
    "series": lambda report: (series_columns(), series_lines(report)),
    "changes": lambda report: (dict.fromkeys(CHANGES_COLUMNS, str), changes_lines(report)),
}
