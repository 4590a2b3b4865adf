"""Targets in every written form, whether a value meets them, and its RAG status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from scorecard_report.inputs.vocabulary import Polarity, RagStatus
from scorecard_report.rules.numbers import NumberError, parse_number, plain

_NUM = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A label follows a space and starts with a letter or bracket ("5 working days", "70 per 10,000",
# "7 (days)"), so a dangling "85-" is still refused rather than read as 85.
_LABEL = r"(?:\s+(?P<label>[A-Za-z(].*))?"
_RANGE = re.compile(
    rf"(?P<a>{_NUM})\s*(?P<pa>%?)\s*(?:-|–|—|to)\s*(?P<b>{_NUM})\s*(?P<pb>%?){_LABEL}", re.IGNORECASE
)
_INEQUALITY = re.compile(
    rf"(?P<op>>=|=>|≥|>|<=|=<|≤|<|above|below)\s*(?P<a>{_NUM})\s*(?P<pa>%?){_LABEL}", re.IGNORECASE
)
_SINGLE = re.compile(rf"(?P<a>{_NUM})\s*(?P<pa>%?){_LABEL}")
_OPERATORS = {
    ">": ("above", False),
    "above": ("above", False),
    ">=": ("above", True),
    "=>": ("above", True),
    "≥": ("above", True),
    "<": ("below", False),
    "below": ("below", False),
    "<=": ("below", True),
    "=<": ("below", True),
    "≤": ("below", True),
}
TARGET_FORMS = "85%, >65%, >=65, Above 65, <7%, <=7, Below 7, 85-90% or 16 - 18"


class TargetError(ValueError):
    """A target or band threshold that is not one of the written or structured forms."""


class TargetKind(StrEnum):
    VALUE = "value"
    ABOVE = "above"
    BELOW = "below"
    RANGE = "range"


@dataclass(frozen=True)
class Target:
    """A parsed target: ``low`` is the value/above/min bound, ``high`` the below/max bound."""

    kind: TargetKind
    low: Decimal | None
    high: Decimal | None
    inclusive: bool = True
    written: str = ""
    percent_sign: bool = False

    @property
    def implied_polarity(self) -> Polarity | None:
        return {TargetKind.ABOVE: Polarity.HIGH, TargetKind.BELOW: Polarity.LOW}.get(self.kind)

    def threshold(self, polarity: Polarity) -> Decimal:
        """A band's threshold: its lower bound for polarity high, its upper bound for low."""
        bound = self.low if polarity is Polarity.HIGH else self.high
        if bound is None:
            raise TargetError(
                f"'{self.written}' has no {'lower' if polarity is Polarity.HIGH else 'upper'}"
                f" bound, so it cannot be a band threshold for polarity {polarity}"
            )
        return bound


def parse_target(written: Any) -> Target:
    """Read a target from its text (``85-90%``) or structured (``{min: 85, max: 90}``) form."""
    if isinstance(written, dict):
        return _parse_structured(written)
    text = str(written).strip()
    money_free = text.replace("£", "")  # "£900" and "900" are the same target for a currency indicator
    for pattern, build in ((_RANGE, _range), (_INEQUALITY, _inequality), (_SINGLE, _single)):
        match = pattern.fullmatch(money_free)
        if match:
            return build(match, text)
    raise TargetError(f"'{text}' is not a target; write it as one of {TARGET_FORMS}")


def _number(text: str) -> Decimal:
    try:
        return parse_number(text)[0]
    except NumberError as error:
        raise TargetError(str(error)) from None


def _range(match: re.Match[str], text: str) -> Target:
    a, b = _number(match["a"]), _number(match["b"])
    low, high = min(a, b), max(a, b)
    return Target(TargetKind.RANGE, low, high, True, text, bool(match["pa"] or match["pb"]))


def _inequality(match: re.Match[str], text: str) -> Target:
    side, inclusive = _OPERATORS[match["op"].lower()]
    bound = _number(match["a"])
    if side == "above":
        return Target(TargetKind.ABOVE, bound, None, inclusive, text, bool(match["pa"]))
    return Target(TargetKind.BELOW, None, bound, inclusive, text, bool(match["pa"]))


def _single(match: re.Match[str], text: str) -> Target:
    value = _number(match["a"])
    return Target(TargetKind.VALUE, value, value, True, text, bool(match["pa"]))


_STRUCTURED_KEYS = {"value", "above", "below", "min", "max", "inclusive", "label"}


def _parse_structured(spec: dict[str, Any]) -> Target:
    unknown = set(spec) - _STRUCTURED_KEYS
    if unknown:
        raise TargetError(
            f"unknown target key(s) {', '.join(sorted(unknown))}; use value, above, "
            "below, min and max (with inclusive: true for >= and <=)"
        )
    inclusive = str(spec.get("inclusive", "false")).lower() in ("true", "yes", "1")
    written = _structured_text(spec)
    if set(spec) & {"min", "max"}:
        if "min" not in spec or "max" not in spec:
            raise TargetError("a range target needs both min and max")
        a, b = _number(str(spec["min"])), _number(str(spec["max"]))
        return Target(TargetKind.RANGE, min(a, b), max(a, b), True, written)
    present = [key for key in ("value", "above", "below") if key in spec]
    if len(present) != 1:
        raise TargetError("a structured target has exactly one of value, above, below, or min with max")
    bound = _number(str(spec[present[0]]))
    if present[0] == "above":
        return Target(TargetKind.ABOVE, bound, None, inclusive, written)
    if present[0] == "below":
        return Target(TargetKind.BELOW, None, bound, inclusive, written)
    return Target(TargetKind.VALUE, bound, bound, True, written)


def _structured_text(spec: dict[str, Any]) -> str:
    inclusive = str(spec.get("inclusive", "false")).lower() in ("true", "yes", "1")
    if "min" in spec or "max" in spec:
        return f"{spec.get('min')}-{spec.get('max')}"
    if "above" in spec:
        return f"{'>=' if inclusive else '>'}{spec['above']}"
    if "below" in spec:
        return f"{'<=' if inclusive else '<'}{spec['below']}"
    return str(spec.get("value", ""))


def meets(target: Target, value: Decimal, polarity: Polarity) -> bool:
    """Whether ``value`` (already rounded to display decimals) meets ``target`` for ``polarity``."""
    if target.kind is TargetKind.ABOVE:
        return value >= target.low if target.inclusive else value > target.low  # type: ignore[operator]
    if target.kind is TargetKind.BELOW:
        return value <= target.high if target.inclusive else value < target.high  # type: ignore[operator]
    if target.kind is TargetKind.VALUE:
        return value >= target.low if polarity is Polarity.HIGH else value <= target.low  # type: ignore[operator]
    return target.low <= value <= target.high  # type: ignore[operator]


def exceeds(target: Target, value: Decimal, polarity: Polarity) -> bool:
    """A range target beaten on its better side: above max for high, below min for low."""
    if target.kind is not TargetKind.RANGE:
        return False
    if polarity is Polarity.HIGH:
        return value > target.high  # type: ignore[operator]
    if polarity is Polarity.LOW:
        return value < target.low  # type: ignore[operator]
    return False


def nearest_boundary(target: Target, value: Decimal) -> Decimal:
    """The boundary a value that misses ``target`` has to reach."""
    if target.kind is TargetKind.RANGE:
        return target.low if value < target.low else target.high  # type: ignore[return-value,operator]
    return target.low if target.low is not None else target.high  # type: ignore[return-value]


@dataclass(frozen=True)
class Tolerance:
    """How far short of the boundary still counts as amber: absolute, or relative to the boundary."""

    amount: Decimal
    relative: bool

    def allowance(self, boundary: Decimal) -> Decimal:
        return abs(boundary) * self.amount if self.relative else self.amount

    def __str__(self) -> str:
        return f"{plain(self.amount * 100)}%" if self.relative else plain(self.amount)


def rag_status(
    target: Target | None, value: Decimal | None, polarity: Polarity, tolerance: Tolerance
) -> RagStatus:
    """Green when met or exceeding; amber within tolerance of the nearest boundary; else red."""
    if target is None or value is None:
        return RagStatus.NONE
    if meets(target, value, polarity) or exceeds(target, value, polarity):
        return RagStatus.GREEN
    boundary = nearest_boundary(target, value)
    allowance = tolerance.allowance(boundary)
    if allowance > 0 and abs(value - boundary) <= allowance:
        return RagStatus.AMBER
    return RagStatus.RED


def variance_from_target(target: Target | None, value: Decimal | None) -> Decimal | None:
    """Signed distance from the target (value minus the boundary it is judged against).

    0 inside a range; for a range, the distance to the nearest boundary outside it. A value
    target or an inequality: value minus the bound. No target or no value: None.
    """
    if target is None or value is None:
        return None
    if target.kind is TargetKind.RANGE:
        if value < target.low:  # type: ignore[operator]
            return value - target.low  # type: ignore[operator]
        if value > target.high:  # type: ignore[operator]
            return value - target.high  # type: ignore[operator]
        return Decimal(0)
    return value - nearest_boundary(target, value)
