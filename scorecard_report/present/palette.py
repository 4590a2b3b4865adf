"""Tones and the palette: what a fill or an arrow means, and the council's colour and readable text for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from scorecard_report.inputs.vocabulary import Judgement, RagStatus
from scorecard_report.rules.contrast import text_colour_on


class Tone(StrEnum):
    """What a coloured cell, arrow or surface means. Each renderer turns a tone into its own colour
    syntax (a CSS class, a Word shading), always from the same ``Palette``.

    The values are the names of the catalogue's ``report.colours``, except ``group``, which has no setting.
    """

    # Fills: a cell's RAG status, or its performance band.
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"  # no status: no target, or no value
    INADEQUATE = "inadequate"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    GOOD = "good"
    OUTSTANDING = "outstanding"
    # Arrows: the judgement on the direction of travel.
    IMPROVING = "improving"
    DECLINING = "declining"
    NEUTRAL = "neutral"
    # Surfaces: headings, rules and table headers; the themed group rows of a table.
    ACCENT = "accent"
    GROUP = "group"


FILL_TONES = (
    Tone.GREEN,
    Tone.AMBER,
    Tone.RED,
    Tone.NONE,
    Tone.INADEQUATE,
    Tone.REQUIRES_IMPROVEMENT,
    Tone.GOOD,
    Tone.OUTSTANDING,
)
ARROW_TONES = (Tone.IMPROVING, Tone.DECLINING, Tone.NEUTRAL)
GROUP_FILL = "#dee0e2"  # a light grey that sets a group's heading row apart without meaning anything


@dataclass(frozen=True)
class Swatch:
    """A tone's colour (the fill, or the arrow's own colour) and the text colour that reads on it."""

    colour: str  # #rrggbb
    text: str


@dataclass(frozen=True)
class Palette:
    """Every tone's swatch, from the catalogue's colours."""

    swatches: tuple[tuple[Tone, Swatch], ...]

    def swatch(self, tone: Tone) -> Swatch:
        return next(swatch for known, swatch in self.swatches if known is tone)


def palette(colours: Mapping[str, str]) -> Palette:
    """The palette for the catalogue's ``report.colours`` (each a validated #rrggbb)."""
    chosen = {**colours, Tone.GROUP.value: GROUP_FILL}
    return Palette(
        tuple((tone, Swatch(chosen[tone.value], text_colour_on(chosen[tone.value]))) for tone in Tone)
    )


def status_tone(status: RagStatus) -> Tone:
    return Tone(status.value)


def band_tone(band_key: str) -> Tone | None:
    """The fill of a band by its catalogue key; a band of the council's own naming has none."""
    try:
        tone = Tone(band_key)
    except ValueError:
        return None
    return tone if tone in FILL_TONES else None


def judgement_tone(judgement: Judgement) -> Tone:
    """Only a judgement of better or worse has a colour: increased, decreased and no change are neutral."""
    return {Judgement.IMPROVING: Tone.IMPROVING, Judgement.DECLINING: Tone.DECLINING}.get(
        judgement, Tone.NEUTRAL
    )
