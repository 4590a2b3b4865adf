"""Performance bands (Ofsted-style): which named band a value falls in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.inputs.vocabulary import Polarity
from scorecard_report.rules.targets import Target, TargetKind

DEFAULT_BAND_LABELS = {
    "inadequate": "Inadequate",
    "requires_improvement": "Requires improvement",
    "good": "Good",
    "outstanding": "Outstanding",
}


@dataclass(frozen=True)
class Band:
    """One named band: ``key`` as in the catalogue, ``label`` as shown, and its threshold."""

    key: str
    label: str
    threshold: Target


def band_label(key: str, labels: dict[str, str]) -> str:
    """The label for a band key: the catalogue's, a known default, or the key made readable."""
    if key in labels:
        return labels[key]
    return DEFAULT_BAND_LABELS.get(key, key.replace("_", " ").capitalize())


def meets_threshold(band: Band, value: Decimal, polarity: Polarity) -> bool:
    """``v ≥`` lower bound for high, ``v ≤`` upper bound for low; a strict inequality stays strict."""
    bound = band.threshold.threshold(polarity)
    strict = band.threshold.kind in (TargetKind.ABOVE, TargetKind.BELOW) and not band.threshold.inclusive
    if polarity is Polarity.HIGH:
        return value > bound if strict else value >= bound
    return value < bound if strict else value <= bound


def band_of(bands: tuple[Band, ...], value: Decimal, polarity: Polarity) -> Band | None:
    """The best band (bands run worst to best) whose threshold ``value`` meets; None below them all."""
    for band in reversed(bands):
        if meets_threshold(band, value, polarity):
            return band
    return None


def performance_band(
    bands: tuple[Band, ...], value: Decimal | None, polarity: Polarity, below_bands: str
) -> str | None:
    """The label of the band ``value`` falls in.

    A value in a gap between two bands meets only the lower one; a value meeting none is below
    the worst band and gets the catalogue's ``below_bands`` label. No bands or no value: ``None``.
    """
    if not bands or value is None:
        return None
    band = band_of(bands, value, polarity)
    return band.label if band else below_bands


BELOW_BANDS_KEY = "inadequate"


def performance_band_key(bands: tuple[Band, ...], value: Decimal | None, polarity: Polarity) -> str | None:
    """The band's catalogue key (``good``), ``inadequate`` below every band: what picks its colour."""
    if not bands or value is None:
        return None
    band = band_of(bands, value, polarity)
    return band.key if band else BELOW_BANDS_KEY
