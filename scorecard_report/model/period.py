"""The report period: the month asked for, else the latest month with enough values to report."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from scorecard_report.format.periods import month_words
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.problems import UsageError
from scorecard_report.rules.selection import latest_reportable_month

LATEST = "latest"


def report_period(period: Month | None, catalogue: Catalogue, values: ValueTable) -> Month:
    """The month asked for, if the values have it (else a usage error); with none asked for, the latest."""
    if period is None:
        return latest_period(catalogue, values)
    if not any(observation.period == period for observation in values.observations):
        raise UsageError(f"--period {period.iso()}: {values.path} has no values for {month_words(period)}")
    return period


def latest_period(catalogue: Catalogue, values: ValueTable) -> Month:
    """The latest month in which at least half the monthly indicators have a value."""
    period = latest_reportable_period(catalogue, values)
    if period is None:
        raise UsageError(
            f"{values.path}: no month has values for at least half the monthly indicators, so there "
            "is no latest period to report; give --period YYYY-MM"
        )
    return period


def latest_reportable_period(catalogue: Catalogue, values: ValueTable) -> Month | None:
    """The latest month in which at least half the monthly indicators have a value; with no monthly
    indicators, the latest month with any value; ``None`` when there is no such month."""
    monthly: list[Mapping[Month, Decimal | None]] = [
        values.series(i.ref) for i in catalogue.indicators if i.frequency is Frequency.MONTHLY
    ]
    if monthly:
        return latest_reportable_month(monthly)
    return max((o.period for o in values.observations if o.value is not None), default=None)
