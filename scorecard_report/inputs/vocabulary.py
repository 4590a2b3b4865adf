"""The vocabulary every stage shares (units, polarity, frequency, comparators, statuses, judgements)."""

# Values only: how each is written for a reader ("High is good", "↑") is format/'s business.

from __future__ import annotations

from enum import StrEnum


class Polarity(StrEnum):
    HIGH = "high"
    LOW = "low"
    NEUTRAL = "neutral"


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    RATE = "rate"
    DAYS = "days"
    AVERAGE = "average"
    CURRENCY = "currency"

    @property
    def default_decimals(self) -> int:
        return {"count": 0, "percent": 0, "rate": 1, "days": 1, "average": 1, "currency": 0}[self.value]


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "annual": 12}[self.value]

    @property
    def default_lag(self) -> int:
        """Months after a period ends by which its value is normally in hand (docs/scorecard-rules.md):
        a month-end extract at once, a quarterly return two months on, an annual return six."""
        return {"monthly": 0, "quarterly": 2, "annual": 6}[self.value]


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    NONE = "none"


class Judgement(StrEnum):
    IMPROVING = "improving"
    DECLINING = "declining"
    INCREASED = "increased"
    DECREASED = "decreased"
    NO_CHANGE = "no change"
    NONE = "none"


class Comparator(StrEnum):
    PREVIOUS_PERIOD = "previous_period"
    PREVIOUS_YEAR = "previous_year"


class Comparison(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"


class Timeliness(StrEnum):
    """Whether an indicator's data reaches as far as it should by the report period."""

    ON_TIME = "on_time"
    LATE = "late"  # the latest value due has not arrived
    STALE = "stale"  # two or more values due have not arrived: the latest held is older than it should be


class RagStatus(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NONE = "none"
