"""Targets and band thresholds read from their written (``85-90%``) or structured (``{min: 85}``) forms."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target, threshold
from scorecard_report.inputs.vocabulary import Polarity
from scorecard_report.rules.numbers import NumberError, parse_number

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
# Each operator as (is it a lower bound, is it inclusive).
_OPERATORS = {
    ">": (True, False),
    "above": (True, False),
    ">=": (True, True),
    "=>": (True, True),
    "≥": (True, True),
    "<": (False, False),
    "below": (False, False),
    "<=": (False, True),
    "=<": (False, True),
    "≤": (False, True),
}
_STRUCTURED_KEYS = {"value", "above", "below", "min", "max", "inclusive", "label"}
TARGET_FORMS = "85%, >65%, >=65, Above 65, <7%, <=7, Below 7, 85-90% or 16 - 18"


class TargetError(ValueError):
    """A target or band threshold that is not one of the written or structured forms."""


def parse_target(written: Any) -> Target:
    """Read a target from its text (``85-90%``) or structured (``{min: 85, max: 90}``) form."""
    if isinstance(written, dict):
        return _parse_structured(written)
    text = str(written).strip()
    money_free = text.replace("£", "")  # "£900" and "900" are the same target for a currency indicator
    if match := _RANGE.fullmatch(money_free):
        return _range(match, text)
    if match := _INEQUALITY.fullmatch(money_free):
        return _inequality(match, text)
    if match := _SINGLE.fullmatch(money_free):
        return SingleValue(_number(match["a"]), text, bool(match["pa"]), _label(match))
    raise TargetError(f"'{text}' is not a target; write it as one of {TARGET_FORMS}")


def band_threshold(target: Target, polarity: Polarity) -> Decimal:
    """A band's threshold (its lower bound for polarity high, upper for low), or ``TargetError``
    for an inequality on the other side."""
    bound = threshold(target, polarity)
    if bound is None:
        raise TargetError(
            f"'{target.written}' has no {'lower' if polarity is Polarity.HIGH else 'upper'}"
            f" bound, so it cannot be a band threshold for polarity {polarity}"
        )
    return bound


def _number(text: str) -> Decimal:
    try:
        return parse_number(text)[0]
    except NumberError as error:
        raise TargetError(str(error)) from None


def _range(match: re.Match[str], text: str) -> Range:
    a, b = _number(match["a"]), _number(match["b"])
    return Range(min(a, b), max(a, b), text, bool(match["pa"] or match["pb"]), _label(match))


def _inequality(match: re.Match[str], text: str) -> Above | Below:
    lower, inclusive = _OPERATORS[match["op"].lower()]
    bound, percent, label = _number(match["a"]), bool(match["pa"]), _label(match)
    if lower:
        return Above(bound, inclusive, text, percent, label)
    return Below(bound, inclusive, text, percent, label)


def _label(match: re.Match[str]) -> str:
    return (match["label"] or "").strip()


def _parse_structured(spec: dict[str, Any]) -> Target:
    unknown = set(spec) - _STRUCTURED_KEYS
    if unknown:
        raise TargetError(
            f"unknown target key(s) {', '.join(sorted(unknown))}; use value, above, "
            "below, min and max (with inclusive: true for >= and <=)"
        )
    inclusive = _inclusive(spec)
    written = _structured_text(spec)
    label = str(spec.get("label", "")).strip()
    if set(spec) & {"min", "max"}:
        if "min" not in spec or "max" not in spec:
            raise TargetError("a range target needs both min and max")
        a, b = _number(str(spec["min"])), _number(str(spec["max"]))
        return Range(min(a, b), max(a, b), written, label=label)
    present = [key for key in ("value", "above", "below") if key in spec]
    if len(present) != 1:
        raise TargetError("a structured target has exactly one of value, above, below, or min with max")
    bound = _number(str(spec[present[0]]))
    if present[0] == "above":
        return Above(bound, inclusive, written, label=label)
    if present[0] == "below":
        return Below(bound, inclusive, written, label=label)
    return SingleValue(bound, written, label=label)


def _inclusive(spec: dict[str, Any]) -> bool:
    # Strict YAML gives every scalar as text, so "true" arrives as a word; Python callers pass True.
    return str(spec.get("inclusive", "false")).lower() in ("true", "yes", "1")


def _structured_text(spec: dict[str, Any]) -> str:
    """The structured target as it would be written: ``{above: 65, inclusive: true}`` is ``>=65``."""
    if "min" in spec or "max" in spec:
        return f"{spec.get('min')}-{spec.get('max')}"
    if "above" in spec:
        return f"{'>=' if _inclusive(spec) else '>'}{spec['above']}"
    if "below" in spec:
        return f"{'<=' if _inclusive(spec) else '<'}{spec['below']}"
    return str(spec.get("value", ""))
