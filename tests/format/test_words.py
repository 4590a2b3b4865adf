"""The formatter's words for the vocabulary, labels, relative changes and report periods.

House style: "Format numbers in one place"; rules text (Direction of travel): "Equal: no change (`↔`).
Otherwise up (`↑`) or down (`↓`) ... Either value missing: no direction (shown as a dash, not an
arrow)"; (Display) "Periods are shown as `Jan 2023` (months), `Q3 2022/23` (quarters), `2022/23`
(years)"; rounding is half away from zero everywhere, as in Excel.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.format.display import band_label, format_count, label_with_year
from scorecard_report.format.periods import quarter_heading, report_period_text
from scorecard_report.format.words import (
    DASH,
    comparison_word,
    direction_arrow,
    judgement_word,
    moved_word,
    polarity_words,
)
from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Comparison, Direction, Judgement, Polarity

D = Decimal
APRIL = FinancialCalendar(4)


@pytest.mark.parametrize(
    ("polarity", "words"),
    [
        (Polarity.HIGH, "High is good"),
        (Polarity.LOW, "Low is good"),
        (Polarity.NEUTRAL, "No better direction"),
    ],
)
def test_polarity_words(polarity: Polarity, words: str) -> None:
    assert polarity_words(polarity) == words


@pytest.mark.parametrize(
    ("key", "labels", "shown"),
    [
        pytest.param("requires_improvement", {}, "Requires improvement", id="a known key → its label"),
        pytest.param("needs_focus", {}, "Needs focus", id="another key → underscores as spaces"),
        pytest.param("good", {"good": "Strong"}, "Strong", id="the catalogue's band_labels win"),
    ],
)
def test_band_label(key: str, labels: dict[str, str], shown: str) -> None:
    assert band_label(key, labels) == shown


def test_label_with_year_and_counts() -> None:
    assert label_with_year("Regional Average", "2022/23") == "Regional Average (2022/23)"
    assert label_with_year("England", None) == "England"
    assert format_count(1238) == "1,238"
    assert quarter_heading(3) == "Q3"


@pytest.mark.parametrize(
    ("period", "layout", "shown"),
    [
        pytest.param(Month(2023, 1), "monthly", "January 2023", id="monthly → the month in words"),
        pytest.param(Month(2016, 3), "quarterly", "Quarter 4 2015/16", id="quarterly at a quarter end"),
        pytest.param(Month(2016, 2), "quarterly", "February 2016", id="quarterly between quarter ends"),
        pytest.param(Month(2016, 3), "annual", "2015/16", id="annual at the year end"),
        pytest.param(Month(2016, 1), "annual", "January 2016", id="annual before the year end"),
    ],
)
def test_report_period_text(period: Month, layout: str, shown: str) -> None:
    assert report_period_text(period, layout, APRIL) == shown


@pytest.mark.parametrize(
    ("judgement", "word"),
    [
        (Judgement.IMPROVING, "Improving"),
        (Judgement.DECLINING, "Declining"),
        (Judgement.INCREASED, "Increased"),
        (Judgement.DECREASED, "Decreased"),
        (Judgement.NO_CHANGE, "No change"),
    ],
)
def test_the_word_beside_an_arrow(judgement: Judgement, word: str) -> None:
    assert judgement_word(judgement) == word


def test_how_we_stand_against_a_benchmark() -> None:
    assert [comparison_word(c) for c in (Comparison.BETTER, Comparison.WORSE, Comparison.HIGHER)] == [
        "Better",
        "Worse",
        "Higher",
    ]


def test_how_a_value_moved_and_the_dash_for_no_direction() -> None:
    assert [moved_word(d) for d in (Direction.UP, Direction.DOWN, Direction.SAME)] == [
        "rose",
        "fell",
        "stayed",
    ]
    assert direction_arrow(Direction.NONE) == DASH == "–"
