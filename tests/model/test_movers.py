"""The summary's largest movers: ranked by relative change, and that change shown as the rules round.

Rules text: "Rounding is half away from zero, as in Excel (`70.5` at 0 decimals is `71`), never
Python's round-half-to-even." A mover whose value rose by 12.5% of its comparator shows 13%.
"""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.model.report import Mover
from scorecard_report.model.summary import relative_change_text

D = Decimal


def mover(relative: str) -> Mover:
    return Mover("FD1", "Contacts", "Front Door", "80", "90", "+10", D(relative))


def test_a_relative_change_of_twelve_and_a_half_percent_shows_thirteen() -> None:
    # 80 → 90 is 10 / 80 = 0.125: 12.5% rounds half away from zero to 13%, as every other number does.
    assert relative_change_text(mover("0.125")) == "13%"


def test_a_relative_change_rounds_down_below_the_half() -> None:
    # 83 → 93 is 10 / 83 = 0.1205
    assert relative_change_text(mover(str(D(10) / D(83)))) == "12%"
