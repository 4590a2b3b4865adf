"""The data a rebase was decided on, and which of it has since been revised (docs/spc-rules.md, "Rebases
and the data they were decided on")."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import RevisedFigure
from scorecard_report.rules.rebase_review import data_since, revised_figures

D = Decimal
MAR, APR, MAY, JUN, JUL, AUG = (Month(2026, month) for month in range(3, 9))


def test_the_data_runs_from_the_rebase_to_the_last_value_each_gap_as_none() -> None:
    """Mar 10, Apr 11, May missing, no row for Jun, Jul 12, Aug missing; from Apr: Apr to Jul."""
    series = {MAR: D("10"), APR: D("11"), MAY: None, JUL: D("12"), AUG: None}
    assert data_since(series, APR) == ((APR, D("11")), (MAY, None), (JUN, None), (JUL, D("12")))


def test_no_value_from_the_rebase_on_gives_no_data() -> None:
    assert data_since({MAR: D("10"), APR: None}, APR) == ()


def test_a_changed_or_withdrawn_value_is_revised_and_a_gap_filled_in_is_not() -> None:
    """Recorded Apr 11, May none, Jun 12.0, Jul 13; now Apr 11.5, May 9, Jun 12, no Jul."""
    recorded = ((JUL, D("13")), (APR, D("11")), (MAY, None), (JUN, D("12.0")))
    now = {APR: D("11.5"), MAY: D("9"), JUN: D("12")}
    assert revised_figures(recorded, now) == (
        RevisedFigure(APR, D("11"), D("11.5")),
        RevisedFigure(JUL, D("13"), None),
    )
