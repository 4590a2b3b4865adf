"""A snapshot of what one edition showed, as read back: every row's words and every value it showed, so
that the next edition can say what changed since (model/compare.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Frequency, Unit

SNAPSHOT_FORMAT = 1  # the version render/snapshot.py writes
READ_FORMATS = (1,)  # the versions load/snapshot.py reads


@dataclass(frozen=True)
class ShownValue:
    """One period's value as the edition showed it: the number (None where it showed the missing label)
    and its text."""

    value: Decimal | None
    text: str  # "93%", "£1.2m", "Not yet available"


@dataclass(frozen=True)
class SnapshotRow:
    """One indicator as the edition showed it. A word the row did not show is "" (no band, no SPC)."""

    ref: str
    title: str
    section: str  # the section's title
    frequency: Frequency
    unit: Unit
    decimals: int
    status: str  # "Amber", "No status"
    band: str  # "Good"; "" without a band
    variation: str  # "Common cause"; "" without SPC
    assurance: str  # "Hit or miss"; "" without an assurance judgement
    in_attention: bool  # listed under "Needs attention"
    current_period: Month  # the period of the row's current figure
    values: Mapping[Month, ShownValue] = field(default_factory=dict)  # every period shown, oldest first

    @property
    def current(self) -> ShownValue | None:
        """The row's current figure as shown."""
        return self.values.get(self.current_period)


@dataclass(frozen=True)
class Snapshot:
    """What one edition showed: its name and period, when it was recorded, its rows in catalogue order."""

    format_version: int
    tool_version: str
    name: str  # the edition's file-name stem: "scorecard", "scorecard-front-door"
    period: Month
    recorded: str  # ISO 8601 UTC: "2026-10-08T06:00:00Z"
    rows: tuple[SnapshotRow, ...] = ()
