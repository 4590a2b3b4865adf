"""Targets as a tagged union (single value, above, below, range), tolerances and named bands."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.inputs.vocabulary import Polarity


@dataclass(frozen=True)
class SingleValue:
    """``85%`` or ``{value: 85}``: met at or above 85 for polarity high, at or below for low."""

    value: Decimal
    written: str = ""  # as the author wrote it, for display
    percent_sign: bool = False  # the text carried a %, which only a percent indicator may have
    label: str = ""  # words after the number ("working days" in "5 working days"), shown after it

    @property
    def bounds(self) -> tuple[Decimal, ...]:
        return (self.value,)


@dataclass(frozen=True)
class Above:
    """``>65%``, ``>=65``, ``Above 65`` or ``{above: 65}``: ``inclusive`` for ``>=``."""

    bound: Decimal
    inclusive: bool = False
    written: str = ""
    percent_sign: bool = False
    label: str = ""

    @property
    def bounds(self) -> tuple[Decimal, ...]:
        return (self.bound,)


@dataclass(frozen=True)
class Below:
    """``<7%``, ``<=7``, ``Below 7`` or ``{below: 7}``: ``inclusive`` for ``<=``."""

    bound: Decimal
    inclusive: bool = False
    written: str = ""
    percent_sign: bool = False
    label: str = ""

    @property
    def bounds(self) -> tuple[Decimal, ...]:
        return (self.bound,)


@dataclass(frozen=True)
class Range:
    """``85-90%`` or ``{min: 85, max: 90}``: both ends inclusive; ``low`` is never above ``high``."""

    low: Decimal
    high: Decimal
    written: str = ""
    percent_sign: bool = False
    label: str = ""

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"a range runs from low to high, not {self.low} to {self.high}")

    @property
    def bounds(self) -> tuple[Decimal, ...]:
        return (self.low, self.high)


Target = SingleValue | Above | Below | Range


@dataclass(frozen=True)
class Tolerance:
    """How far short of the boundary still counts as amber: an amount in the indicator's own units, or
    (``relative``) a share of the boundary's size."""

    amount: Decimal
    relative: bool


@dataclass(frozen=True)
class Band:
    """One named performance band: ``key`` as in the catalogue, ``label`` as shown, and its threshold."""

    key: str
    label: str
    threshold: Target


def threshold(target: Target, polarity: Polarity) -> Decimal | None:
    """A band's threshold: its lower bound for polarity high, its upper bound for low.

    None for an inequality on the other side (``Below 10`` has no lower bound): the loader refuses
    such a band.
    """
    high = polarity is Polarity.HIGH
    match target:
        case SingleValue(value=value):
            return value
        case Range(low=low, high=top):
            return low if high else top
        case Above(bound=bound):
            return bound if high else None
        case Below(bound=bound):
            return None if high else bound
