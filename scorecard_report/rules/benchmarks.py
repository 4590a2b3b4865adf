"""Comparing an indicator's value with a benchmark (region, neighbours, England)."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.inputs.vocabulary import Comparison, Polarity


def compare_with_benchmark(ours: Decimal | None, benchmark: Decimal | None, polarity: Polarity) -> Comparison:
    """Better / worse by polarity (higher / lower when neutral); values already at display precision."""
    if ours is None or benchmark is None:
        return Comparison.NONE
    if ours == benchmark:
        return Comparison.SAME
    higher = ours > benchmark
    if polarity is Polarity.NEUTRAL:
        return Comparison.HIGHER if higher else Comparison.LOWER
    better = higher if polarity is Polarity.HIGH else not higher
    return Comparison.BETTER if better else Comparison.WORSE
