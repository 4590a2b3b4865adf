"""The scorecard table: which columns the catalogue asks for, and every cell's text, word and tone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from scorecard_report.format.bands import band_scale_text
from scorecard_report.format.display import format_count, label_with_year
from scorecard_report.format.periods import quarter_heading
from scorecard_report.format.words import DASH, STATUS_WORDS, direction_arrow, judgement_word
from scorecard_report.inputs.vocabulary import Comparator, Direction, Frequency, RagStatus
from scorecard_report.model.report import BenchmarkComparison, Figure, QuarterFigure, Report, Row
from scorecard_report.present.anchors import anchor
from scorecard_report.present.commentary import commentary_view, placeholder_text, plain_text
from scorecard_report.present.icons import Icon, assurance_icon, variation_icon
from scorecard_report.present.palette import Tone, band_tone, judgement_tone, status_tone


@dataclass(frozen=True)
class ValueCell:
    """A figure as shown, the word that goes with its fill (so colour is never the only signal), its
    period where that is not the report's month, and the fill."""

    text: str
    note: str = ""
    tone: Tone | None = None
    word: str = ""
    icon: Icon | None = None
    flag: str = ""  # "Late †", "Stale ‡": the data is not as recent as it should be (the data notes say why)


@dataclass(frozen=True)
class DirectionCell:
    arrow: str
    word: str
    tone: Tone


@dataclass(frozen=True)
class Column:
    key: str  # "current", or kind:detail for one of a family ("benchmark:region", "quarter:3")
    kind: str
    heading: str
    width_mm: float
    numeric: bool = False
    emphasised: bool = False  # the row's headline figure, set in bold
    subheading: str = ""  # the period the column holds or compares with: "Sep 2026", "vs Sep 2026"


@dataclass(frozen=True)
class TableCell:
    """One cell: its text, the word that goes with its colour, a small note (period), its tone."""

    text: str
    word: str = ""
    note: str = ""
    tone: Tone | None = None
    arrow: str = ""
    header: bool = False  # the row's ref or number: a row header for screen readers
    placeholder: bool = False
    mark: str = ""  # before the text: "Draft" on commentary not yet approved
    lines: tuple[str, ...] = ()  # after the text, one under another: a band scale, "Good ≥ 85%"
    icon: Icon | None = None  # before the text: a variation or assurance icon, its word the text
    link: str = ""  # the anchor this cell links to: a ref's appendix page
    anchor: str = ""  # this cell's own anchor: where the appendix page links back to
    flag: str = ""  # after the note: "Late †" on a current value whose data is behind
    check: str = ""  # above a comment written against other figures: "Check", then ``warning``
    warning: str = ""  # "Written against 93% (Green); the figure is now 91% (Amber)."


@dataclass(frozen=True)
class TableLine:
    """A row of the table, or (with ``group`` set and no cells) a themed heading spanning it."""

    cells: tuple[TableCell, ...] = ()
    group: str | None = None


def current_cell(row: Row) -> ValueCell:
    """Coloured by RAG where there is a target, else by band; the word always goes with the colour. A
    late or stale value carries its word and mark, which the summary's data notes explain."""
    note = row.current.period_text if row.frequency is not Frequency.MONTHLY else ""
    flag = timeliness_flag(row)
    if row.status is not RagStatus.NONE:
        return ValueCell(row.current.text, note, status_tone(row.status), STATUS_WORDS[row.status], flag=flag)
    if row.band_key is not None and row.band is not None:
        return ValueCell(row.current.text, note, band_tone(row.band_key), row.band, flag=flag)
    return ValueCell(row.current.text, note, Tone.NONE if row.current.missing else None, flag=flag)


def timeliness_flag(row: Row) -> str:
    """``Late †``, ``Stale ‡``; nothing for data on time."""
    timeliness = row.timeliness
    return f"{timeliness.word} {timeliness.mark}" if timeliness.flagged else ""


def benchmark_cell(benchmark: BenchmarkComparison | None) -> TableCell:
    """A benchmark's value; one too old to compare says so under it."""
    if benchmark is None:
        return TableCell("")
    return TableCell(benchmark.text, note=benchmark.too_old_text)


def direction_cell(row: Row) -> DirectionCell:
    if row.direction is Direction.NONE:
        return DirectionCell(direction_arrow(Direction.NONE), "", Tone.NEUTRAL)
    return DirectionCell(
        direction_arrow(row.direction), judgement_word(row.judgement), judgement_tone(row.judgement)
    )


STANDARD_BANDS = ("requires_improvement", "good", "outstanding")
TABLE_WIDTH_MM = 273.0
FIXED_WIDTHS_MM = {
    # Sized so that the monthly preset's widest table (four benchmarks, both comparators, a banded
    # target, variation and assurance) leaves the indicator's title about 45 mm.
    "number": 9.0,
    "ref": 13.0,
    "target": 18.0,
    "band": 19.0,
    "current": 20.0,
    "previous_period": 18.0,
    "previous_year": 18.0,
    "benchmark": 17.0,
    "quarter": 17.0,
    "annual": 22.0,
    "direction": 23.0,
    "field": 16.0,
    "variation": 22.0,
    "assurance": 21.0,
}
BANDED_TARGET_MM = 26.0
FLEXIBLE_WEIGHTS = {"title": 3.0, "description": 3.0, "comment": 4.0}
MIN_FLEXIBLE_MM = 22.0
NUMERIC = {"target", "band", "current", "previous_period", "previous_year", "benchmark", "quarter", "annual"}
EMPHASISED = {"current", "annual"}
COMPARATORS = {"previous_period": Comparator.PREVIOUS_PERIOD, "previous_year": Comparator.PREVIOUS_YEAR}
# Where a comparator's column goes when a section needs it: after the first of these the table has, else
# just before the direction of travel.
COMPARATOR_PLACES = {
    "previous_period": ("current", "annual"),
    "previous_year": ("previous_period", "current", "annual"),
}


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _fixed_width(key: str, heading: str, banded: bool) -> float | None:
    """A field headed by one short word ("Rec") stays narrow; a longer heading needs room to read. A
    target column beside banded rows holds their thresholds, "Outstanding ≥ 95%", unbroken."""
    if _kind(key) == "field" and len(heading) > 6:
        return 24.0
    if key == "target" and banded:
        return BANDED_TARGET_MM
    return FIXED_WIDTHS_MM.get(_kind(key))


@dataclass(frozen=True)
class SectionTable:
    """One section's table: its columns (a comparator's column added where a row needs it) and lines."""

    columns: tuple[Column, ...]
    lines: tuple[TableLine, ...]


def compared_with_text(row: Row) -> str:
    """``vs Sep 2026``: the period the row's direction of travel was judged against."""
    return f"vs {row.compared_with.period_text}"


def most_common(texts: list[str]) -> str:
    """The text most rows share (the first of equals), or none for no rows."""
    return Counter(texts).most_common(1)[0][0] if texts else ""


class TableMaker:
    """Turns report rows into table lines for the catalogue's columns (or its layout's preset).

    Every arrow's comparator is on the page: where a section's row is judged against a period the
    columns do not show, that period's column is added to the section's table, headed with the period
    it holds; the direction column's heading names the comparator most rows share, and a cell judged
    against another period names its own.
    """

    def __init__(self, report: Report, final: bool) -> None:
        self.report, self.final = report, final
        self.field_headings = dict(report.fields)
        self.numbers = {row.ref: index for index, row in enumerate(report.rows, 1)}
        self.band_labels = self._band_labels()
        self.names = self._expanded()

    def _band_labels(self) -> dict[str, str]:
        labels: dict[str, str] = {}
        for row in self.report.rows:
            for key, label, _threshold in row.bands:
                labels.setdefault(key, label)
        ordered = [key for key in STANDARD_BANDS if key in labels]
        return {key: labels[key] for key in (*ordered, *(k for k in labels if k not in ordered))}

    def _expanded(self) -> list[tuple[str, str]]:
        columns: list[tuple[str, str]] = []
        for name in self.report.settings.columns:
            if name == "bands":
                columns += [(f"band:{key}", label) for key, label in self.band_labels.items()]
            elif name == "benchmarks":
                columns += [
                    (f"benchmark:{source.id}", label_with_year(source.label, source.year))
                    for source in self.report.benchmarks
                ]
            elif name == "quarters":
                columns += [(f"quarter:{number}", quarter_heading(number)) for number in range(1, 5)]
            elif name in self.field_headings:
                columns.append((f"field:{name}", self.field_headings[name]))
            else:
                columns.append((name, self._heading(name)))
        return columns

    def _heading(self, name: str) -> str:
        quarterly = self.report.settings.layout == "quarterly"
        return {
            "number": "No",
            "ref": "Ref",
            "title": "Measure" if quarterly else "Indicator",
            "description": "What it Shows",
            "target": "Target",
            "current": "Current",
            "previous_period": "Previous Period",
            "previous_year": "Previous Year",
            "annual": self.report.year_label,
            "direction": "Direction of Travel",
            "variation": "Variation",
            "assurance": "Assurance",
            "comment": "Comment",
        }[name]

    def table(self, rows: tuple[Row, ...]) -> SectionTable:
        """The section's columns and its lines, with a themed heading line wherever the group changes.

        A column with nothing in it for any of the section's rows (no target, no benchmark, no SPC) is
        left out, so the room goes to the columns that say something; an empty cell in a column kept
        shows the dash, which the key explains.
        """
        names = self._with_comparators(rows)
        cells = {
            key: [self._cell(_unsized(key, heading, rows), row) for row in rows] for key, heading in names
        }
        kept = [
            (key, heading)
            for key, heading in names
            if _kind(key) not in DROPPABLE or any(map(_says, cells[key]))
        ]
        columns = self._sized(kept, rows)
        lines: list[TableLine] = []
        group: str | None = None
        for index, row in enumerate(rows):
            if row.group and row.group != group:
                lines.append(TableLine(group=row.group))
            group = row.group
            line = (_dashed(cells[column.key][index], column) for column in columns)
            lines.append(TableLine(tuple(line)))
        return SectionTable(columns, tuple(lines))

    # ------------------------------------------------------------ columns

    def _with_comparators(self, rows: tuple[Row, ...]) -> list[tuple[str, str]]:
        """The columns, with the previous period or year added where a row's arrow is judged on it."""
        columns = list(self.names)
        keys = [key for key, _ in columns]
        if "direction" not in keys:
            return columns
        for key, after in COMPARATOR_PLACES.items():
            if key not in keys and any(_judged_on(row, key, keys) for row in rows):
                places = [keys.index(name) + 1 for name in after if name in keys]
                index = places[0] if places else keys.index("direction")
                columns.insert(index, (key, self._heading(key)))
                keys.insert(index, key)
        return columns

    def _sized(self, columns: list[tuple[str, str]], rows: tuple[Row, ...]) -> tuple[Column, ...]:
        banded = any(row.band_scale is not None for row in rows)
        fixed = sum(_fixed_width(key, heading, banded) or 0.0 for key, heading in columns)
        weights = sum(FLEXIBLE_WEIGHTS.get(key, 0.0) for key, _ in columns)
        room = max(TABLE_WIDTH_MM - fixed, MIN_FLEXIBLE_MM * max(weights, 1.0) / 3)
        return tuple(
            Column(
                key,
                _kind(key),
                heading,
                _fixed_width(key, heading, banded)
                or max(room * FLEXIBLE_WEIGHTS.get(key, 1.0) / (weights or 1.0), MIN_FLEXIBLE_MM),
                _kind(key) in NUMERIC,
                _kind(key) in EMPHASISED,
                _subheading(key, rows),
            )
            for key, heading in columns
        )

    # ------------------------------------------------------------ cells

    def _cell(self, column: Column, row: Row) -> TableCell:
        kind, _, detail = column.key.partition(":")
        if kind in ("number", "ref"):
            text = format_count(self.numbers[row.ref]) if kind == "number" else row.ref
            link = anchor("indicator", row.ref) if row.in_appendix else ""
            return TableCell(text, header=True, link=link, anchor=anchor("row", row.ref))
        if kind == "band":
            return TableCell(next((written for k, _label, written in row.bands if k == detail), ""))
        if kind == "benchmark":
            return benchmark_cell(next((b for b in row.benchmarks if b.source.id == detail), None))
        if kind == "quarter":
            return quarter_cell(row.quarters[int(detail) - 1], bool(row.bands))
        if kind == "field":
            return TableCell(dict(row.fields).get(detail, ""))
        if kind == "direction":
            return _direction_table_cell(row, column.subheading)
        if kind == "variation":
            return variation_cell(row)
        if kind == "assurance":
            return assurance_cell(row)
        return self._simple(kind, row)

    def _simple(self, kind: str, row: Row) -> TableCell:
        if kind in ("current", "annual"):
            if kind == "annual" and row.frequency is not Frequency.ANNUAL:
                return _figure_cell(row.annual, row)
            value = current_cell(row)
            return TableCell(value.text, value.word, value.note, value.tone, flag=value.flag)
        if kind in ("previous_period", "previous_year"):
            return _figure_cell(row.previous_period if kind == "previous_period" else row.previous_year, row)
        if kind == "comment":
            return self._comment(row)
        if kind == "target":
            return target_cell(row)
        if kind == "title":
            return TableCell(row.title, lines=reading_lines(row))
        return TableCell(row.description)

    def _comment(self, row: Row) -> TableCell:
        text = row.commentary
        if text is None or text.empty or (text.draft and self.final):
            return TableCell("" if self.final else placeholder_text(row.ref), placeholder=not self.final)
        view = commentary_view(text, "", self.final, row.commentary_check)
        return TableCell(plain_text(text), mark=view.draft, check=view.check, warning=view.warning)


# Columns left out of a section's table when no row has anything in them; the rest are always there (a
# quarterly scorecard keeps its four quarters, the later ones blank until they come).
DROPPABLE = {"target", "benchmark", "variation", "assurance", "field"}


def _says(cell: TableCell) -> bool:
    """Whether a cell shows anything but the dash: a figure, a word, an icon or a band scale."""
    return bool((cell.text and cell.text != DASH) or cell.lines or cell.icon or cell.placeholder)


def _dashed(cell: TableCell, column: Column) -> TableCell:
    """An empty cell in a kept column says so with the dash: the figure does not apply to the row."""
    if cell.text or cell.lines or cell.placeholder or column.kind not in DROPPABLE:
        return cell
    return replace(cell, text=DASH)


def _unsized(key: str, heading: str, rows: tuple[Row, ...]) -> Column:
    """A column as the cells need it, before the table knows which columns it keeps."""
    kind = _kind(key)
    return Column(key, kind, heading, 0.0, kind in NUMERIC, kind in EMPHASISED, _subheading(key, rows))


def _judged_on(row: Row, key: str, keys: list[str]) -> bool:
    """Whether the row's arrow is judged on the figure ``key`` names, and no other column shows it.

    An annual row's previous period is its previous year: either column shows it.
    """
    if row.comparator is not COMPARATORS[key]:
        return False
    other = "previous_year" if key == "previous_period" else "previous_period"
    return not (other in keys and row.previous_period.period == row.previous_year.period)


def _subheading(key: str, rows: tuple[Row, ...]) -> str:
    """The period a column holds (that of its monthly rows: others name their own in the cell), or for
    the direction column the comparator most of its rows share."""
    if key == "direction":
        return most_common([compared_with_text(row) for row in rows])
    if key not in ("previous_period", "previous_year"):
        return ""

    def period(row: Row) -> str:
        return (row.previous_period if key == "previous_period" else row.previous_year).period_text

    texts = {period(row) for row in rows if row.frequency is Frequency.MONTHLY} or {
        period(row) for row in rows
    }
    return texts.pop() if len(texts) == 1 else ""


def _direction_table_cell(row: Row, heading: str) -> TableCell:
    """The arrow and its word; the period compared with, where it is not the one the heading names."""
    direction = direction_cell(row)
    compared = compared_with_text(row)
    return TableCell(
        direction.word,
        arrow=direction.arrow,
        tone=direction.tone,
        note="" if compared == heading else compared,
    )


def band_thresholds(row: Row) -> tuple[str, ...]:
    """``Good ≥ 85%``, ``Outstanding ≥ 95%``: each band's threshold, worst to best, one to a line so
    that a narrow column breaks between bands, not inside one."""
    scale = row.band_scale
    if scale is None:
        return ()
    parts = (band_scale_text((band,), row.polarity, row.unit, row.decimals) for band in scale.bands)
    return tuple(part for part in parts if part)


def target_cell(row: Row) -> TableCell:
    """The target as written and, for a banded indicator, its band scale, so its band can be checked."""
    return TableCell(row.target_text, lines=band_thresholds(row))


def _figure_cell(figure: Figure | None, row: Row) -> TableCell:
    if figure is None:
        return TableCell("")
    return TableCell(figure.text, note=figure.period_text if row.frequency is not Frequency.MONTHLY else "")


def quarter_cell(quarter: QuarterFigure, banded: bool) -> TableCell:
    """A quarter's value filled with its own band and carrying the band's word; a future one is blank."""
    if quarter.figure is None:
        return TableCell("")
    if quarter.figure.missing or not banded or quarter.band_key is None:
        return TableCell(quarter.figure.text)
    return TableCell(quarter.figure.text, word=quarter.band or "", tone=band_tone(quarter.band_key))


def reading_lines(row: Row) -> tuple[str, ...]:
    """The row's SPC reading under its title, and what its arrow means inside normal variation; for a
    row whose limits a rebase started afresh, how many months it has had since. Nothing for the rest:
    their Variation cell's dash, and the key ("SPC needs 13 months"), say it."""
    spc = row.spc
    if not spc.shown and not (spc.points and spc.rebases):
        return ()
    return tuple(line for line in (spc.reading_text, spc.note) if line)


def variation_cell(row: Row) -> TableCell:
    """The variation icon, its word and (for a special cause) the rule in words."""
    spc = row.spc
    if not spc.shown:
        return TableCell(DASH)
    return TableCell(
        spc.variation_text, note=spc.rule_text, icon=variation_icon(spc.variation, spc.variation_text)
    )


def assurance_cell(row: Row) -> TableCell:
    """The assurance icon and word, and the band the process reliably reaches where it has bands."""
    spc = row.spc
    icon = assurance_icon(spc.assurance, spc.assurance_text)
    if icon is None and not spc.capable_text:
        return TableCell(DASH)
    return TableCell(spc.assurance_text if icon else DASH, note=spc.capable_text, icon=icon)
