"""Read monthly values (long or wide, CSV or XLSX) against the catalogue, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from scorecard_report.format.display import plain
from scorecard_report.format.periods import month_short
from scorecard_report.inputs.catalogue import Catalogue, Indicator
from scorecard_report.inputs.periods import Month, PeriodError
from scorecard_report.inputs.values import Observation, ValueTable
from scorecard_report.inputs.vocabulary import Frequency, Unit
from scorecard_report.load.periods import month_of, parse_period
from scorecard_report.load.tables import Cell, RawRow, RawTable, read_table
from scorecard_report.problems import InputError, Problem, unknown_ref
from scorecard_report.rules.numbers import (
    MAX_MAGNITUDE,
    NumberError,
    checked_number,
    parse_number,
    written_decimals,
)
from scorecard_report.rules.selection import is_period_of

DESCRIPTIVE_COLUMNS = {"title", "indicator", "section", "unit", "description", "name", "measure"}
LONG_COLUMNS = {"ref", "period", "value", "numerator", "denominator", "note"}
Series = MappingProxyType[Month, Decimal | None]


@dataclass(frozen=True)
class _Entry:
    """A value cell with its ref and period, before it is turned into a number."""

    ref: str
    period_cell: Cell
    value: Cell
    row: RawRow
    numerator: Cell | None = None
    denominator: Cell | None = None


def load_values(
    path: Path,
    catalogue: Catalogue,
    *,
    encoding: str = "utf-8",
    strict: bool = False,
    sheet: str | None = None,
) -> ValueTable:
    """Read ``path`` (``sheet`` of a workbook); raise ``InputError`` with every problem, or return the
    values and warnings."""
    table = read_table(path, encoding, sheet)
    reader = _ValueReader(table, catalogue, strict)
    observations = reader.read()
    if reader.errors:
        raise InputError(reader.errors)
    return ValueTable(path, tuple(observations), tuple(reader.warnings))


def require_a_value(values: ValueTable) -> None:
    """Refuse a values file whose every cell for the catalogue's refs is missing: it has nothing to
    report, and without this a build would fail later for want of a period."""
    observations = values.observations
    if observations and all(observation.value is None for observation in observations):
        problem = Problem(
            values.path,
            f"every value is missing: all {len(observations):,} cells for the catalogue's refs are empty "
            "or a missing marker",
            hint="export the values again; this file has nothing to report",
        )
        raise InputError([problem])


class _ValueReader:
    def __init__(self, table: RawTable, catalogue: Catalogue, strict: bool) -> None:
        self.table, self.catalogue, self.strict = table, catalogue, strict
        self.indicators = {indicator.ref: indicator for indicator in catalogue.indicators}
        self.markers = {marker.strip().lower() for marker in catalogue.missing_markers}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.columns = {cell.text.strip().lower(): i for i, cell in table.header.cells.items()}

    def error(
        self,
        message: str,
        row: RawRow | None = None,
        ref: str | None = None,
        hint: str | None = None,
        place: str | None = None,
    ) -> None:
        self.errors.append(
            Problem(
                self.table.path, message, row=row.number if row else None, place=place, ref=ref, hint=hint
            )
        )

    def read(self) -> list[Observation]:
        entries = self._long_entries() if "period" in self.columns else self._wide_entries()
        seen: dict[tuple[str, Month], Observation] = {}
        unknown: dict[str, RawRow] = {}
        computed: dict[str, list[RawRow]] = {}
        known = 0
        for entry in entries:
            indicator = self.indicators.get(entry.ref)
            if indicator is None:
                unknown.setdefault(entry.ref, entry.row)
                continue
            known += 1
            if indicator.derived is not None:
                computed.setdefault(entry.ref, []).append(entry.row)
                continue
            observation = self._observation(entry, indicator)
            if observation is not None:
                self._keep(observation, seen)
        if known == 0 and not self.errors:
            self._report_nothing_to_read(unknown)
        else:
            self._report_unknown(unknown)
        self._report_computed(computed)
        self._warn_fractions(list(seen.values()))
        return list(seen.values())

    def _report_computed(self, computed: dict[str, list[RawRow]]) -> None:
        """A derived indicator's values come from the tool: values for it in the data would be a second,
        disagreeing source, so they are refused, once for each ref, at its first row."""
        for ref, rows in computed.items():
            indicator = self.indicators[ref]
            line = indicator.derived.line if indicator.derived else indicator.line
            more = f" (and {len(rows) - 1} more rows)" if len(rows) > 1 else ""
            self.error(
                f"{ref} is computed by the tool (derived: in {self.catalogue.path.name}, line {line}), "
                f"so the data may not give it values{more}",
                rows[0],
                ref,
                hint="delete its rows from the data, or take derived: out of the catalogue to read them",
            )

    def _report_nothing_to_read(self, unknown: dict[str, RawRow]) -> None:
        """A file with only a header, or only refs the catalogue lacks, is the wrong file: say so once."""
        if not unknown:
            self.error(
                "the file has a header but no values",
                self.table.header,
                hint="export the values again, one row per ref",
            )
            return
        refs = list(unknown)
        listed = ", ".join(refs[:5]) + (f" and {len(refs) - 5} more" if len(refs) > 5 else "")
        self.error(
            f"none of its refs ({listed}) is in the catalogue {self.catalogue.path.name}",
            next(iter(unknown.values())),
            hint="check that this values file belongs to this catalogue",
        )

    def _keep(self, observation: Observation, seen: dict[tuple[str, Month], Observation]) -> None:
        key = (observation.ref, observation.period)
        first = seen.get(key)
        if first is not None:
            self.errors.append(
                Problem(
                    self.table.path,
                    f"{month_short(observation.period)} appears twice for this ref, in rows "
                    f"{first.row} and {observation.row}",
                    row=observation.row,
                    ref=observation.ref,
                    hint="keep one row: values are never silently overwritten",
                )
            )
            return
        seen[key] = observation

    def _long_entries(self) -> Iterator[_Entry]:
        if "value" not in self.columns and not {"numerator", "denominator"} <= set(self.columns):
            self.error(
                "a long-form file needs a 'value' column (or numerator and denominator)",
                self.table.header,
                hint="header: ref,period,value[,numerator,denominator,note]",
            )
            return
        column = self.columns.get
        for row in self._data_rows():
            yield _Entry(
                ref=self._ref(row),
                period_cell=row.cell(self.columns["period"]),
                value=row.cell(column("value", 10_000)),
                row=row,
                numerator=row.cell(column("numerator", 10_000)) if "numerator" in self.columns else None,
                denominator=row.cell(column("denominator", 10_000))
                if "denominator" in self.columns
                else None,
            )

    def _wide_entries(self) -> Iterator[_Entry]:
        period_columns = dict(self._period_columns())
        for row in self._data_rows():
            ref = self._ref(row)
            for index, cell in sorted(row.cells.items()):  # the cells the row has, not every column
                header = period_columns.get(index)
                # A wide sheet is blank wherever a quarterly or annual indicator has no period:
                # a blank there is no value at all, not a missing one.
                if header is not None and (cell.text.strip() or cell.number is not None):
                    yield _Entry(ref, header, cell, row)

    def _period_columns(self) -> list[tuple[int, Cell]]:
        columns = []
        with_text = {
            index for row in self.table.rows for index, cell in row.cells.items() if cell.text.strip()
        }
        for index in self.table.columns:
            cell = self.table.header.cell(index)
            name = cell.text.strip().lower()
            if name == "ref" or name in DESCRIPTIVE_COLUMNS:
                continue
            if not name and cell.date is None:
                if index in with_text:
                    self.error(
                        f"column {index + 1} has values but no header (a merged or empty header cell)",
                        self.table.header,
                        place=self.table.place(self.table.header, index),
                        hint="give every period column its own header",
                    )
                continue
            columns.append((index, cell))
        return columns

    def _data_rows(self) -> Iterator[RawRow]:
        for row in self.table.rows:
            if row.is_blank:
                continue
            if not self._ref(row):
                self.error("a row with values but no ref", row, hint="fill in the ref or delete the row")
                continue
            yield row

    def _ref(self, row: RawRow) -> str:
        return row.cell(self.columns["ref"]).text.strip()

    def _period(self, entry: _Entry, indicator: Indicator) -> Month | None:
        cell = entry.period_cell
        try:
            month = month_of(cell.date) if cell.date else parse_period(cell.text, self.catalogue.calendar)
        except PeriodError as error:
            self.error(str(error), entry.row, entry.ref, place=cell.place)
            return None
        if not is_period_of(indicator.frequency, month, self.catalogue.calendar):
            self.error(
                f"{indicator.frequency} values are dated to the last month of their "
                f"{'quarter' if indicator.frequency is Frequency.QUARTERLY else 'financial year'}; "
                f"{month_short(month)} is not one",
                entry.row,
                entry.ref,
                place=cell.place,
                hint="date the value to the period's last month, e.g. 2022/23 Q3 for Oct-Dec",
            )
            return None
        return month

    def _observation(self, entry: _Entry, indicator: Indicator) -> Observation | None:
        period = self._period(entry, indicator)
        read = self._value(entry, indicator)
        if period is None or read is None:
            return None
        value, numerator, denominator = read
        return Observation(
            entry.ref, period, value, entry.row.number, entry.value.place, numerator, denominator
        )

    def _value(
        self, entry: _Entry, indicator: Indicator
    ) -> tuple[Decimal | None, Decimal | None, Decimal | None] | None:
        """``(value, numerator, denominator)`` as read, the value computed where it is left empty; None
        (after recording an error) when the row cannot be read."""
        value = self._number(entry.value, entry, indicator)
        if isinstance(value, bool):
            return None  # False: the cell's error is recorded
        numerator = self._part(entry.numerator, entry, indicator)
        denominator = self._part(entry.denominator, entry, indicator)
        if isinstance(numerator, bool) or isinstance(denominator, bool):
            return None
        if numerator is None and denominator is None:
            return value, None, None
        if numerator is None or denominator is None:
            if value is not None:
                return value, numerator, denominator  # as written: half a ratio has nothing to check
            present, lacking = (
                ("numerator", "denominator") if denominator is None else ("denominator", "numerator")
            )
            self.error(
                f"a {present} but no {lacking}, and no value",
                entry.row,
                entry.ref,
                hint=f"give the {lacking} too, or the value; leave all three empty if there is none",
            )
            return None
        ratio = self._ratio(entry, indicator, numerator, denominator, value)
        if isinstance(ratio, bool):
            return None
        return ratio, numerator, denominator

    def _part(self, cell: Cell | None, entry: _Entry, indicator: Indicator) -> Decimal | bool | None:
        """A numerator or denominator: None when its column is absent or the cell is missing."""
        return None if cell is None else self._number(cell, entry, indicator, percent_allowed=False)

    def _ratio(
        self,
        entry: _Entry,
        indicator: Indicator,
        numerator: Decimal,
        denominator: Decimal,
        value: Decimal | None,
    ) -> Decimal | bool | None:
        if denominator == 0:
            self.error(
                "the denominator is 0", entry.row, entry.ref, hint="leave both empty if there is no value"
            )
            return False
        scale = self._scale(indicator, entry)
        if scale is None:
            return False
        try:
            computed = numerator / denominator * scale
        except ArithmeticError:  # Decimal's Overflow: a denominator of 0.000…1 with a million zeros
            computed = MAX_MAGNITUDE
        if abs(computed) >= MAX_MAGNITUDE:
            self.error(
                f"numerator/denominator ({plain(numerator)}/{plain(denominator)}) gives 10^15 or more",
                entry.row,
                entry.ref,
                hint="check the numerator and denominator",
            )
            return False
        if value is None:
            return computed
        allowed = Decimal("0.5").scaleb(-written_decimals(value))
        if abs(computed - value) > allowed:
            self.error(
                f"value {value} disagrees with numerator/denominator ({numerator}/{denominator} gives "
                f"{computed:.4f})",
                entry.row,
                entry.ref,
                hint="correct one of the three, or leave value empty",
            )
            return False
        return value

    def _scale(self, indicator: Indicator, entry: _Entry) -> Decimal | None:
        if indicator.unit is Unit.PERCENT:
            return Decimal(100)
        if indicator.unit is Unit.RATE:
            if indicator.multiplier is None:
                self.error(
                    "numerator and denominator need the indicator's multiplier (e.g. 10000 for per 10,000)",
                    entry.row,
                    entry.ref,
                    hint="add multiplier: to the indicator in the catalogue",
                )
            return indicator.multiplier
        return Decimal(1)

    def _number(
        self, cell: Cell, entry: _Entry, indicator: Indicator, percent_allowed: bool = True
    ) -> Decimal | bool | None:
        """The cell's number, None when missing, False (after recording an error) when unreadable."""
        if cell.number is not None:
            scaled = cell.percent_format and indicator.unit is Unit.PERCENT
            try:
                return checked_number(cell.number * 100 if scaled else cell.number, cell.text)
            except NumberError as error:
                self.error(str(error), entry.row, entry.ref, place=cell.place, hint=error.hint)
                return False
        text = cell.text.strip()
        if not text or text.lower() in self.markers:
            return None
        try:
            number, had_percent = parse_number(text)
        except NumberError as error:
            markers = ", ".join(self.catalogue.missing_markers)
            self.error(
                str(error),
                entry.row,
                entry.ref,
                place=cell.place,
                hint=error.hint or f"write a number, leave it empty, or use a missing marker ({markers})",
            )
            return False
        if had_percent and (indicator.unit is not Unit.PERCENT or not percent_allowed):
            self.error(
                f"'{text}' has a % sign but {entry.ref} is a {indicator.unit} indicator",
                entry.row,
                entry.ref,
                place=cell.place,
                hint="remove the % sign or check the ref",
            )
            return False
        return number

    def _report_unknown(self, unknown: dict[str, RawRow]) -> None:
        for ref, row in unknown.items():
            problem = unknown_ref(
                self.table.path, ref, row.number, self.catalogue.path, self.strict, "values are"
            )
            (self.warnings if problem.warning else self.errors).append(problem)

    def _warn_fractions(self, observations: list[Observation]) -> None:
        by_ref: dict[str, list[Decimal]] = {}
        for observation in observations:
            if observation.value is not None:
                by_ref.setdefault(observation.ref, []).append(observation.value)
        for ref, values in by_ref.items():
            if self.indicators[ref].unit is Unit.PERCENT and all(abs(value) <= 1 for value in values):
                self.warnings.append(
                    Problem(
                        self.table.path,
                        "every value is 1 or less: these look like fractions, not percentages",
                        ref=ref,
                        warning=True,
                        hint="percent indicators hold 0-100, e.g. 93 for 93%",
                    )
                )
