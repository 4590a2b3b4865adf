"""What changed since an earlier edition, as the report carries it: the kinds of change, one change, a
revised value on its row, and the whole comparison. Worked out by model/compare.py; the changes page,
the changes CSV and the chart's revision marks only lay these out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from scorecard_report.inputs.periods import Month


class ChangeKind(StrEnum):
    """The kinds of change, in the order the changes page and CSV list them."""

    STATUS = "status"  # RAG: Amber → Red, Green → No status
    BAND = "band"  # performance band: Good → Requires improvement
    VARIATION = "variation"  # SPC variation: Common cause → Concern (high)
    ASSURANCE = "assurance"  # SPC assurance: Hit or miss → Fail
    ATTENTION = "attention"  # newly in "Needs attention"
    NEW = "new"  # an indicator the earlier edition did not have
    DROPPED = "dropped"  # an indicator the earlier edition had and this one does not
    REVISION = "revision"  # a value the earlier edition showed that is now different


@dataclass(frozen=True)
class Change:
    """One line of the changes page and of the changes CSV, every word already decided."""

    kind: ChangeKind
    ref: str
    title: str  # this edition's title; the earlier one's for a dropped indicator
    section: str  # the section's title, likewise
    was: str  # as the earlier edition showed it: "Amber", "93%"; "" for a new indicator
    now: str  # as this edition shows it: "Red", "91%", "No data"; "" for a dropped indicator
    period: Month | None = None  # a revision's period; None for the other kinds
    period_text: str = ""  # "Aug 2026", "Q1 2026/27": a revision's period in the indicator's words


@dataclass(frozen=True)
class Revision:
    """A value of the row the earlier edition showed otherwise: drawn on the chart, listed under it."""

    period: Month
    period_text: str
    was: Decimal | None  # None: the earlier edition had a value the data now lacks, or the reverse
    now: Decimal | None
    was_text: str  # as the earlier edition showed it
    now_text: str


@dataclass(frozen=True)
class EarlierEdition:
    """The edition compared with: what the page says it was."""

    name: str  # its file-name stem, "scorecard" or "scorecard-front-door"
    period: Month
    period_text: str  # "Sep 2026"
    recorded: str  # when its build or publish recorded it, ISO 8601 UTC: "2026-10-08T06:00:00Z"
    file_name: str  # the snapshot it was read from: "scorecard-2026-09-snapshot.json"


@dataclass(frozen=True)
class Changes:
    """Every change since ``earlier``, grouped by kind in ``ChangeKind`` order and, within a kind, in this
    edition's catalogue order (dropped indicators in the earlier one's); revisions oldest period first."""

    earlier: EarlierEdition
    changes: tuple[Change, ...] = ()

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.kind is kind)

    @property
    def none(self) -> bool:
        return not self.changes
