"""The formatter's words for a period: a month, a quarter, a financial year and a step of a trend.

Rules text (Display): "Periods are shown as `Jan 2023` (months), `Q3 2022/23` (quarters), `2022/23`
(years)"; a cover page and a title spell the month or quarter out (`January 2023`, `Quarter 3 2022/23`).
"""

from __future__ import annotations

import pytest

from scorecard_report.format.periods import month_short, month_words, period_noun, quarter_words
from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency

APRIL = FinancialCalendar()
JANUARY = FinancialCalendar(year_start_month=1)


@pytest.mark.parametrize(
    ("month", "short", "words"),
    [
        pytest.param(Month(2023, 1), "Jan 2023", "January 2023", id="January"),
        pytest.param(Month(2022, 9), "Sep 2022", "September 2022", id="September: Sep, not Sept"),
        pytest.param(Month(2022, 12), "Dec 2022", "December 2022", id="December"),
    ],
)
def test_a_month_shown_and_spelt_out(month: Month, short: str, words: str) -> None:
    assert month_short(month) == short
    assert month_words(month) == words


def test_a_quarter_in_a_title() -> None:
    assert quarter_words(APRIL, Month(2022, 12)) == "Quarter 3 2022/23"
    assert quarter_words(APRIL, Month(2016, 3)) == "Quarter 4 2015/16"
    assert quarter_words(JANUARY, Month(2023, 3)) == "Quarter 1 2023"


@pytest.mark.parametrize(
    ("frequency", "one", "many"),
    [
        (Frequency.MONTHLY, "month", "months"),
        (Frequency.QUARTERLY, "quarter", "quarters"),
        (Frequency.ANNUAL, "year", "years"),
    ],
)
def test_one_step_of_a_trend(frequency: Frequency, one: str, many: str) -> None:
    assert period_noun(frequency, plural=False) == one
    assert period_noun(frequency, plural=True) == many
