"""The "How to read this scorecard" page: what each colour, band, arrow and word means."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.derived import kind_words, listed
from scorecard_report.format.spc import assurance_word, noise_note, reading_words, variation_word
from scorecard_report.format.words import direction_arrow, judgement_word, polarity_words
from scorecard_report.inputs.commentary import Run
from scorecard_report.inputs.spc import Assurance, Preset, ReadingKind, SpcSettings, Variation
from scorecard_report.inputs.vocabulary import Comparator, Direction, Judgement, Polarity
from scorecard_report.model.report import Report
from scorecard_report.present.commentary import DRAFT, Prose, prose
from scorecard_report.present.icons import Icon, assurance_icon, variation_icon
from scorecard_report.present.palette import Tone
from scorecard_report.present.table import compared_with_text, most_common


@dataclass(frozen=True)
class KeyEntry:
    """A sample in its tone (a filled cell or a coloured arrow), then the entry's other cells."""

    tone: Tone | None
    sample: str
    cells: tuple[str, ...]
    icon: Icon | None = None  # an SPC icon, shown before the sample word


@dataclass(frozen=True)
class KeyTable:
    heading: str
    columns: tuple[str, ...]
    entries: tuple[KeyEntry, ...]
    intro: str = ""


@dataclass(frozen=True)
class KeyView:
    anchor: str
    title: str
    statuses: KeyTable
    bands: KeyTable
    arrows: KeyTable
    comparator: Prose | None  # what each arrow compares with, and where that value is on the page
    polarity: Prose
    values: Prose
    values_note: str  # shown under the values paragraph where the layout has room
    polarity_and_values: str  # one heading over both paragraphs, where they are run together
    drafts: Prose  # how commentary that is still a draft is marked: said after the mark
    draft_mark: str = DRAFT
    spc: SpcKey | None = None  # where any row has statistical process control
    data: tuple[Prose, ...] = ()  # late and stale data, benchmarks too old: where the report has any


@dataclass(frozen=True)
class SpcKey:
    """The icons of variation and assurance, the rules in words, and what an arrow means beside them."""

    heading: str
    variation: KeyTable
    assurance: KeyTable
    rules: Prose
    arrows: Prose
    readings: Prose


TITLE = "How to read this scorecard"


def key_view(report: Report) -> KeyView:
    return KeyView(
        anchor="how-to-read",
        title=TITLE,
        statuses=_statuses(report.missing_label),
        bands=_bands(report.below_bands, report.settings.columns),
        arrows=_arrows(),
        comparator=_comparator(report),
        polarity=_polarity(),
        values=_values(report.missing_label),
        values_note="Quarterly and annual values name their period under the value, for example Q3 2022/23.",
        polarity_and_values="Polarity and values",
        drafts=_drafts(),
        spc=_spc(report) if report.has_spc else None,
        data=_data(report),
    )


def _data(report: Report) -> tuple[Prose, ...]:
    """What the timeliness marks and "Too old" mean, each only where the report shows it."""
    parts = []
    if report.data_notes:
        parts.append(prose("Late and stale data", Run(report.timeliness_key)))
    if any(benchmark.too_old for row in report.rows for benchmark in row.benchmarks):
        parts.append(prose("Benchmarks too old to compare", Run(report.benchmark_age_key)))
    computed = _computed(report)
    if computed:
        parts.append(prose("Figures computed from others", Run(computed)))
    return tuple(parts)


def _computed(report: Report) -> str:
    """Which figures the tool computes, by kind (``FD2 and CIN2 (12-month rolling rates per 10,000)``):
    short enough to stay in its column of the key; each appendix page gives the rule and the working."""
    kinds: dict[str, list[str]] = {}
    for row in report.rows:
        if row.derived is not None:
            kinds.setdefault(kind_words(row.derived, row.frequency), []).append(row.ref)
    if not kinds:
        return ""
    each = [f"{listed(refs)} ({kind})" for kind, refs in kinds.items()]
    return (
        "Computed by this tool from other indicators, not read from the data: "
        + listed(each)
        + ". Each one's appendix page says exactly how, with the working for the period reported. A "
        "figure made over a window of months has none where a month in the window has no value."
    )


def _spc(report: Report) -> SpcKey:
    def variation(kind: Variation, meaning: str) -> KeyEntry:
        word = variation_word(kind)
        return KeyEntry(None, word, (meaning,), variation_icon(kind, word))

    def assurance(kind: Assurance, meaning: str) -> KeyEntry:
        word = assurance_word(kind)
        return KeyEntry(None, word, (meaning,), assurance_icon(kind, word))

    return SpcKey(
        "Statistical process control",
        KeyTable(
            "Variation: has the process changed?",
            ("Shown as", "Meaning"),
            (
                variation(
                    Variation.IMPROVEMENT_HIGH,
                    "A special cause in the better direction (the chevron points the way the values moved)",
                ),
                variation(
                    Variation.CONCERN_LOW,
                    "A special cause in the worse direction (the triangle points the way the values moved)",
                ),
                variation(
                    Variation.NEITHER_HIGH,
                    "A special cause in an indicator with no better direction: unusually high or low",
                ),
                variation(
                    Variation.COMMON_CAUSE,
                    "Only the ordinary ups and downs of the process: no significant change",
                ),
            ),
        ),
        KeyTable(
            "Assurance: will it reliably meet the target?",
            ("Shown as", "Meaning"),
            (
                assurance(
                    Assurance.PASS,
                    "Both process limits are on the target's good side: the "
                    "target will be met almost every month",
                ),
                assurance(
                    Assurance.FAIL,
                    "Both process limits are on the wrong side: the target will "
                    "be missed almost every month without a change in the process",
                ),
                assurance(
                    Assurance.HIT_OR_MISS,
                    "The target lies between the limits: it will be met in some months and missed in others",
                ),
            ),
        ),
        _spc_rules(report.spc_settings),
        prose(
            "Arrows and normal variation",
            Run(
                "An arrow compares this month with one other month. Inside common-cause variation a "
                "rise or fall is the ordinary up and down of the process, not a change, so the row "
                "says so: "
            ),
            Run(noise_note("Declining", "last month"), italic=True),
            Run(
                ". RAG, band, arrow, variation and assurance answer different questions; none "
                "recolours another."
            ),
        ),
        prose(
            "Readings",
            Run("The reading under each indicator's title says what RAG and SPC mean together, for example "),
            Run(reading_words(ReadingKind.MET_BUT_USUALLY_MISS), italic=True),
            Run(". Rows whose reading needs action are listed under Needs attention on the summary page."),
        ),
    )


def _spc_rules(settings: SpcSettings) -> Prose:
    preset = "NHS England's Making Data Count" if settings.preset is Preset.NHSE else "NHSRplotthedots 0.2.2"
    return prose(
        "How it is worked out",
        Run(
            f"Each monthly indicator's values are charted with their average and process limits "
            f"(the average ± 2.66 × the average month-to-month movement), by the rules of {preset}. A "
            "month is a special cause when it is beyond a limit; when "
            f"{settings.shift_points} or more months in a row are on one side of the average; when "
            f"{settings.trend_points} or more months in a row each rise (or each fall); or when 2 of 3 "
            "months in a row are near the same limit (beyond two thirds of the way to it). A rebase, "
            "marked on the chart with its reason, starts the limits afresh. SPC needs "
            f"{settings.min_points} months since the start or the last rebase; quarterly and annual "
            "indicators have none."
        ),
    )


def _statuses(missing_label: str) -> KeyTable:
    return KeyTable(
        "Status against target",
        ("Shown as", "Word", "Meaning"),
        (
            KeyEntry(Tone.GREEN, "Green", ("Green", "Target met or exceeded")),
            KeyEntry(Tone.AMBER, "Amber", ("Amber", "Target not met, but within tolerance of it")),
            KeyEntry(Tone.RED, "Red", ("Red", "Target not met, beyond tolerance")),
            KeyEntry(Tone.NONE, "", ("No status", f"No target, or no value ({missing_label})")),
        ),
    )


def _bands(below_bands: str, columns: tuple[str, ...]) -> KeyTable:
    """The band colours and how their thresholds are written, wherever the table shows them."""
    where = (
        ", and the Target column each band's threshold"
        if "target" in columns
        else ", and the band columns their thresholds"
        if "bands" in columns
        else ""
    )
    return KeyTable(
        "Performance bands",
        ("Shown as", "Meaning"),
        (
            KeyEntry(Tone.OUTSTANDING, "Outstanding", ("Meets the best band's threshold",)),
            KeyEntry(Tone.GOOD, "Good", ("Meets the Good threshold",)),
            KeyEntry(
                Tone.REQUIRES_IMPROVEMENT,
                "Requires improvement",
                ("Meets the Requires improvement threshold",),
            ),
            KeyEntry(Tone.INADEQUATE, below_bands, ("Below every band",)),
        ),
        intro="Some indicators are judged against named bands instead of a target. The cell shows the "
        f"band's colour and its name{where}. A threshold is written as where its band starts: Good ≥ 85% "
        "means 85% or more is Good; where low is good, Good ≤ 15 means 15 or less. A value that meets "
        f"no band is {below_bands}.",
    )


def _arrows() -> KeyTable:
    moved = f"{direction_arrow(Direction.UP)} {direction_arrow(Direction.DOWN)}"
    either_way = f"{judgement_word(Judgement.INCREASED)} / {judgement_word(Judgement.DECREASED)}"
    return KeyTable(
        "Direction of travel",
        ("Arrow", "Word", "Meaning"),
        (
            KeyEntry(
                Tone.IMPROVING, moved, (judgement_word(Judgement.IMPROVING), "Moved in the better direction")
            ),
            KeyEntry(
                Tone.DECLINING, moved, (judgement_word(Judgement.DECLINING), "Moved in the worse direction")
            ),
            KeyEntry(Tone.NEUTRAL, moved, (either_way, "Moved; neither direction is better")),
            KeyEntry(
                Tone.NEUTRAL,
                direction_arrow(Direction.SAME),
                (judgement_word(Judgement.NO_CHANGE), "The same at the precision shown"),
            ),
            KeyEntry(
                Tone.NEUTRAL, direction_arrow(Direction.NONE), ("", "No comparison: a value is missing")
            ),
        ),
    )


def _comparator(report: Report) -> Prose | None:
    """What an arrow compares with, and where that value is: none for a table without arrows."""
    if "direction" not in report.settings.columns or not report.rows:
        return None
    comparators = {row.comparator for row in report.rows}
    earlier = {
        Comparator.PREVIOUS_PERIOD: "the previous period (the month before; for a quarterly or annual "
        "indicator, the quarter or year before)",
        Comparator.PREVIOUS_YEAR: "the same period a year earlier",
    }
    if len(comparators) == 1:
        compared = earlier[comparators.pop()]
    else:
        period, year = earlier[Comparator.PREVIOUS_PERIOD], earlier[Comparator.PREVIOUS_YEAR]
        compared = f"{period}, or for some indicators with {year}"
    texts = [compared_with_text(row) for row in report.rows]
    usual = most_common(texts)
    other = next((text for text in texts if text != usual), None)
    runs = [
        Run(
            f"Each arrow compares the current value with {compared}. That value is in the table, and the "
            "Direction of Travel heading names the period it is from, for example "
        ),
        Run(usual, bold=True),
    ]
    if other is not None:
        runs += [
            Run("; a row compared with another period names it under its arrow, for example "),
            Run(other, bold=True),
        ]
    return prose("Compared with", *runs, Run("."))


def _drafts() -> Prose:
    """Said after the mark itself (``draft_mark``), shown as the documents show it."""
    return prose(
        "Draft commentary",
        Run(
            "marks commentary that has not been approved yet. It is set in a dashed box, and the final "
            "edition leaves drafts out."
        ),
    )


def _polarity() -> Prose:
    return prose(
        "Polarity",
        Run(polarity_words(Polarity.HIGH), bold=True),
        Run(": a higher value is better. "),
        Run(polarity_words(Polarity.LOW), bold=True),
        Run(
            ": a lower value is better. Counts such as contacts received have no better direction, "
            "so they say only "
        ),
        Run("increased", italic=True),
        Run(" or "),
        Run("decreased", italic=True),
        Run("."),
    )


def _values(missing_label: str) -> Prose:
    return prose(
        "Values",
        Run("Values are compared as shown, rounded half away from zero. "),
        Run(missing_label, bold=True),
        Run(" means the figure is not available yet; it has no status and no direction. "),
        Run(
            "Where two values would look the same but are judged different, they are shown with more "
            "precision (£1.38m against £1.35m). Changes and differences are signed: + is higher, − is "
            "lower; for percentages they are in percentage points (pp): 85% to 88% is +3pp, not a 3% rise. "
            "Targets: ≥ at least · > more than · ≤ at most · < less than · 85–90% from 85% to 90%, both "
            "included. A dash (–) in a cell means the figure does not apply to that indicator (no "
            "target, no benchmark, no SPC yet); a column with no figure for any indicator of a "
            "section is left out of that section's table."
        ),
    )
