"""The "How to read this scorecard" page: what each colour, band, arrow and word means."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.words import direction_arrow, judgement_word, polarity_words
from scorecard_report.inputs.commentary import Run
from scorecard_report.inputs.vocabulary import Direction, Judgement, Polarity
from scorecard_report.model.report import Report
from scorecard_report.present.commentary import Prose, prose
from scorecard_report.present.palette import Tone


@dataclass(frozen=True)
class KeyEntry:
    """A sample in its tone (a filled cell or a coloured arrow), then the entry's other cells."""

    tone: Tone | None
    sample: str
    cells: tuple[str, ...]


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
    polarity: Prose
    values: Prose
    values_note: str  # shown under the values paragraph where the layout has room
    polarity_and_values: str  # one heading over both paragraphs, where they are run together


TITLE = "How to read this scorecard"


def key_view(report: Report) -> KeyView:
    return KeyView(
        anchor="how-to-read",
        title=TITLE,
        statuses=_statuses(report.missing_label),
        bands=_bands(report.below_bands),
        arrows=_arrows(),
        polarity=_polarity(),
        values=_values(report.missing_label),
        values_note="Quarterly and annual values name their period under the value, for example Q3 2022/23.",
        polarity_and_values="Polarity and values",
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


def _bands(below_bands: str) -> KeyTable:
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
        intro="Some indicators are judged against named bands instead of a target. "
        "The cell shows the band's colour and its name.",
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
        Run(" means the figure is not available yet; it has no status and no direction."),
    )
