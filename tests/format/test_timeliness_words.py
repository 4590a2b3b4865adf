"""Timeliness and benchmark age in words: the sentence's three forms, the marks, lags and the key."""

from __future__ import annotations

from scorecard_report.format.timeliness import (
    benchmark_age_key,
    benchmark_age_reason,
    lag_words,
    timeliness_mark,
    timeliness_sentence,
    timeliness_word,
)
from scorecard_report.inputs.vocabulary import Timeliness


def test_the_sentence_in_each_case() -> None:
    assert timeliness_sentence("Oct 2026", "", "", overdue=False) == "Data to Oct 2026"
    assert timeliness_sentence("Sep 2026", "Oct 2026", "Nov 2026", overdue=False) == (
        "Data to Sep 2026; Oct 2026 is due by Nov 2026"
    )
    assert timeliness_sentence("Aug 2026", "Sep 2026", "Oct 2026", overdue=True) == (
        "Data to Aug 2026; Sep 2026 was due by Oct 2026"
    )
    assert (
        timeliness_sentence("", "2025/26", "Sep 2026", overdue=True)
        == "No data yet; 2025/26 was due by Sep 2026"
    )


def test_every_state_has_a_word_and_the_flagged_ones_a_mark() -> None:
    assert [timeliness_word(t) for t in Timeliness] == ["On time", "Late", "Stale"]
    assert [timeliness_mark(t) for t in Timeliness] == ["", "†", "‡"]


def test_lags_and_ages_in_words() -> None:
    assert [lag_words(months) for months in (0, 1, 2, 12)] == ["0 months", "1 month", "2 months", "12 months"]
    assert benchmark_age_reason("2025/26", "2026/27", 1) == "2025/26 is 1 year before 2026/27"
    assert benchmark_age_reason("2022/23", "2026/27", 4) == "2022/23 is 4 years before 2026/27"


def test_the_benchmark_key_follows_the_maximum_age() -> None:
    assert benchmark_age_key(0).startswith("Too old: the benchmark's financial year is any year before")
    assert benchmark_age_key(1).startswith(
        "Too old: the benchmark's financial year is more than 1 year before"
    )
    assert "more than 2 years before" in benchmark_age_key(2)
