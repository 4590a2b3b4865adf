"""A rebase kept with the data it was decided on: when a month of that data has since been revised or
withdrawn, the row's rebase carries a sentence asking for a review; a month recorded without a value that
has one now is the data catching up, and asks for none (docs/spc-rules.md, "Rebases and their data").

R's values now, Jun to Oct 2025: 96.1, 97.0, 94.0, 96.5, 95.0; the report is for October 2025 and the
rebase is from June 2025.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import DecidedOn, Rebase, Rebases
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import SpcRebase

D = Decimal
JUN, JUL, AUG, SEP, OCT = (Month(2025, month) for month in range(6, 11))
CATALOGUE = """\
title: Rebase review
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: R, title: Referrals decided in a day, unit: percent, polarity: high, target: ">=95%"}
"""
VALUES = "ref,period,value\n" + "".join(
    f"R,{month.iso()},{value}\n"
    for month, value in zip(
        [Month(2025, m) for m in range(1, 11)],
        ["90", "91", "90.5", "92", "91", "96.1", "97.0", "94.0", "96.5", "95.0"],
        strict=True,
    )
)
AS_NOW: DecidedOn = ((JUN, D("96.1")), (JUL, D("97.0")), (AUG, D("94.0")), (SEP, D("96.5")), (OCT, D("95.0")))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    return folder


def rebase_as_shown(folder: Path, decided_on: DecidedOn | None) -> SpcRebase:
    catalogue = load_catalogue(folder / "catalogue.yaml")
    values = load_values(folder / "values.csv", catalogue)
    rebases = Rebases((Rebase("R", JUN, "Same-day decisions", 7, decided_on),))
    (row,) = build_report(catalogue, values, OCT, rebases=rebases).rows
    (rebase,) = row.spc.rebases
    return rebase


def recorded(**changed: Decimal | None) -> DecidedOn:
    """The data as it is now, with the months named (``aug=D("95.2")``) as they were recorded."""
    names = {"jun": JUN, "jul": JUL, "aug": AUG, "sep": SEP, "oct": OCT}
    by_month = dict(AS_NOW) | {names[name]: value for name, value in changed.items()}
    return tuple(sorted(by_month.items()))


def test_aug_2025_recorded_as_95_2_and_now_94_0_asks_for_a_review(folder: Path) -> None:
    rebase = rebase_as_shown(folder, recorded(aug=D("95.2")))
    assert rebase == SpcRebase(
        JUN,
        "Jun 2025",
        "Same-day decisions",
        "The rebase in Jun 2025 was decided on figures since revised (Aug 2025 was 95.2, now 94.0): "
        "review it.",
    )


def test_the_same_figures_ask_for_none_even_written_with_other_digits(folder: Path) -> None:
    """Recorded 97.00 for July, now 97.0: the same number, compared as a Decimal."""
    assert rebase_as_shown(folder, AS_NOW).review_text == ""
    assert rebase_as_shown(folder, recorded(jul=D("97.00"))).review_text == ""


def test_a_month_recorded_without_a_value_that_has_one_now_is_the_data_catching_up(folder: Path) -> None:
    """September was null when the rebase was recorded and is 96.5 now: no review."""
    assert rebase_as_shown(folder, recorded(sep=None)).review_text == ""


def test_a_month_recorded_after_the_data_now_ends_asks_for_none_when_null(folder: Path) -> None:
    assert rebase_as_shown(folder, (*AS_NOW, (Month(2025, 11), None))).review_text == ""


def test_a_value_since_withdrawn_asks_for_a_review(folder: Path) -> None:
    """November 2025 was recorded as 96.0 and the values now stop at October: it was withdrawn."""
    rebase = rebase_as_shown(folder, (*AS_NOW, (Month(2025, 11), D("96.0"))))
    assert rebase.review_text == (
        "The rebase in Jun 2025 was decided on figures since revised (Nov 2025 was 96.0, now missing): "
        "review it."
    )


def test_three_months_are_named_and_the_rest_counted(folder: Path) -> None:
    """Jun, Jul, Aug, Sep and Oct all revised: the first three named, oldest first, then "and 2 more"."""
    changed = recorded(jun=D("96"), jul=D("97.5"), aug=D("95.2"), sep=D("96.4"), oct=D("95.1"))
    assert rebase_as_shown(folder, changed).review_text == (
        "The rebase in Jun 2025 was decided on figures since revised (Jun 2025 was 96, now 96.1; "
        "Jul 2025 was 97.5, now 97.0; Aug 2025 was 95.2, now 94.0; and 2 more): review it."
    )


def test_a_rebase_without_its_data_recorded_asks_for_none(folder: Path) -> None:
    assert rebase_as_shown(folder, None).review_text == ""
