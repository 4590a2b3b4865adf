"""Rule: statistical process control (docs: /work/shared/spc-rules.md), every expectation by hand.

Decimal, not float: the project's values are Decimal, and the rules turn on exact equalities (a point
exactly on the centre line breaks a shift, a target exactly on a limit is pass/fail or hit-or-miss by
preset). In binary floats 10.2 - 10 is not 0.2, so such ties would be decided by rounding noise.

Most rule tests use hand-made limits CL = 10, MR̄ = 1: UPL = 10 + 2.66 = 12.66, LPL = 7.34, two-sigma
lines 10 ± 5.32/3 = 11.7733… and 8.2266….
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Preset, SpcSettings, preset_settings
from scorecard_report.inputs.targets import Above, Band, Below, Range, SingleValue
from scorecard_report.inputs.vocabulary import Polarity, RagStatus
from scorecard_report.rules.spc import (
    Assurance,
    Flag,
    Limits,
    ReadingKind,
    Rule,
    Side,
    Variation,
    assurance,
    assurance_target,
    capable_band,
    judge,
    judge_points,
    limits,
    reading,
    run_length,
    segments,
    special_causes,
    variation,
)

D = Decimal
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL
NHSE, PTD = preset_settings(Preset.NHSE), preset_settings(Preset.PTD)
TEN = Limits(D(10), D(1), D("12.66"), D("7.34"), D(10) + D("5.32") / 3, D(10) - D("5.32") / 3, (), ())
SPIKE = [
    D(x)
    for x in ("10", "10.2", "9.9", "10.1", "40", "10.0", "9.8", "10.1", "10.0", "9.9", "10.2", "10.1", "9.9")
]


JAN = Month(2023, 1)


def ds(*xs: str | int) -> list[Decimal]:
    return [D(x) for x in xs]


def rules_of(values: list[Decimal], settings: SpcSettings = NHSE) -> list[set[Rule]]:
    return [{f.rule for f in p.flags} for p in special_causes(values, TEN, settings)]


def monthly(values: list[Decimal | None], start: Month = JAN) -> list[tuple[Month, Decimal | None]]:
    return [(start.plus(i), v) for i, v in enumerate(values)]


def test_preset_defaults() -> None:
    assert (NHSE.shift_points, NHSE.trend_points, NHSE.screen_moving_ranges, NHSE.min_points) == (
        6,
        6,
        False,
        13,
    )
    assert (PTD.shift_points, PTD.trend_points, PTD.screen_moving_ranges, PTD.min_points) == (7, 7, True, 13)
    with pytest.raises(ValueError):
        SpcSettings(Preset.NHSE, shift_points=5)


def test_nhse_screening_reproduces_the_worked_example() -> None:
    # MRs: .2 .3 .2 29.9 30 .2 .3 .1 .1 .3 .1 .2, sum 61.9, MR̄ 61.9/12 = 5.158…, 3.267 × = 16.85…:
    # 29.9 and 30 go; the ten kept sum to 2.0, MR̄ = 0.2. Centre: the first point and every point
    # whose own MR was kept, i.e. all but 40 and the 10.0 after it: 160.2 - 40 - 10.0 = 110.2 over 11.
    lim = limits(SPIKE, SpcSettings(Preset.NHSE, screen_moving_ranges=True))
    assert lim.centre == D("110.2") / 11
    assert lim.mean_moving_range == D("0.2")
    assert lim.kept == (True, True, True, False, False, *[True] * 7)
    assert lim.upper == D("110.2") / 11 + D("0.532")  # 2.66 × 0.2
    assert lim.lower == D("110.2") / 11 - D("0.532")


def test_ptd_screening_keeps_the_centre() -> None:
    # ptd keeps MRs strictly below 16.85…: the same ten, MR̄ = 0.2; the centre stays the mean of all 13.
    lim = limits(SPIKE, PTD)
    assert lim.centre == D("160.2") / 13
    assert lim.mean_moving_range == D("0.2")


def test_unscreened_limits_and_no_clipping_at_zero() -> None:
    # 0, 1: CL 0.5, MR̄ 1, LPL 0.5 - 2.66 = -2.16 (not clipped at zero).
    lim = limits(ds(0, 1), NHSE)
    assert (lim.centre, lim.mean_moving_range, lim.lower) == (D("0.5"), D(1), D("-2.16"))
    with pytest.raises(ValueError):
        limits(ds(1), PTD)


def test_baseline_limits_apply_to_the_whole_segment() -> None:
    # baseline 4: 10 12 10 12 → CL 11, MRs 2 2 2, MR̄ 2, UPL 11 + 5.32 = 16.32; the 50s lie beyond it.
    values = ds(10, 12, 10, 12, 50, 50)
    lim = limits(values, SpcSettings(baseline_points=4))
    assert (lim.centre, lim.mean_moving_range, lim.upper) == (D(11), D(2), D("16.32"))
    flags = special_causes(values, lim, NHSE)
    assert [Flag(Rule.OUTSIDE_LIMITS, Side.HIGH) in p.flags for p in flags] == [False] * 4 + [True] * 2


def test_a_point_on_the_centre_line_breaks_a_shift() -> None:
    # 11 ×3, 10 (on CL), 11 ×6: only the six after the break make a run of 6.
    assert rules_of(ds(11, 11, 11, 10, *[11] * 6)) == [set()] * 4 + [{Rule.SHIFT}] * 6


def test_shift_is_6_points_for_nhse_and_7_for_ptd() -> None:
    values = ds(*[11] * 6, 10)
    assert rules_of(values, NHSE) == [{Rule.SHIFT}] * 6 + [set()]
    assert rules_of(values, PTD) == [set()] * 7


def test_a_tie_breaks_a_trend() -> None:
    # 8.5 9 9.5 | 9.5 10.5 11 11.5: rising runs of 3 and 4 points, never 6. No other rule fires.
    assert rules_of(ds("8.5", 9, "9.5", "9.5", "10.5", 11, "11.5")) == [set()] * 7


def test_a_trend_may_cross_the_centre_line() -> None:
    # 8.5 … 11.5 by 0.5: 7 points each above the last, through CL at 10; all flagged rising.
    flags = special_causes(ds("8.5", 9, "9.5", 10, "10.5", 11, "11.5"), TEN, NHSE)
    assert all(p.flags == (Flag(Rule.TREND, Side.HIGH),) for p in flags)


def test_two_of_three_never_counts_a_point_outside_the_limits() -> None:
    # 10.5 13 12: 13 > 12.66 is outside, not "close"; only 12 is close (11.77… < 12 ≤ 12.66): 1 of 3.
    for settings in (NHSE, PTD):
        assert rules_of(ds("10.5", 13, 12), settings) == [set(), {Rule.OUTSIDE_LIMITS}, set()]
    # 10.5 12 12: two close points on the high side; only those two are flagged.
    assert rules_of(ds("10.5", 12, 12)) == [set(), {Rule.TWO_OF_THREE}, {Rule.TWO_OF_THREE}]


def test_conflicting_flags_nhse_shows_improvement_ptd_takes_the_strongest_rule() -> None:
    # 9.0 … 9.6: all below CL (low shift, improvement for polarity low) and rising (high trend,
    # concern for low). nhse shows improvement; ptd's priority puts trend over shift: concern_high.
    values = ds("9.0", "9.1", "9.2", "9.3", "9.4", "9.5", "9.6")
    last_nhse = special_causes(values, TEN, NHSE)[-1]
    last_ptd = special_causes(values, TEN, PTD)[-1]
    assert set(last_nhse.flags) == {Flag(Rule.TREND, Side.HIGH), Flag(Rule.SHIFT, Side.LOW)}
    assert last_nhse.label(LOW, Preset.NHSE) is Variation.IMPROVEMENT_LOW
    assert last_ptd.label(LOW, Preset.PTD) is Variation.CONCERN_HIGH
    assert last_ptd.label(HIGH, Preset.PTD) is Variation.IMPROVEMENT_HIGH


def test_neutral_polarity_gives_neither() -> None:
    # six 11s: a high shift; 7: below LPL 7.34.
    assert special_causes(ds(*[11] * 6), TEN, NHSE)[-1].label(NEUTRAL, Preset.NHSE) is Variation.NEITHER_HIGH
    assert special_causes(ds(10, 7), TEN, PTD)[-1].label(NEUTRAL, Preset.PTD) is Variation.NEITHER_LOW


ALTERNATING = ds(*[10, 11] * 6, 10)  # 13 points: CL 136/13 = 10.46…, MR̄ 1, UPL 13.12…, no rule fires


def test_twelve_points_give_none_thirteen_a_judgement() -> None:
    series = monthly(list(ALTERNATING))
    p = series[-1][0]
    assert variation(series, p, [], HIGH, NHSE) is Variation.COMMON_CAUSE
    short = judge(series[1:], p, [], HIGH, NHSE)  # 12 points: nhse draws neither limits nor icon
    assert (short.variation, short.limits, short.points) == (Variation.NONE, None, 12)
    trial = judge(series[1:], p, [], HIGH, PTD)  # ptd draws limits from 2 points, the icon from 13
    assert trial.variation is Variation.NONE and trial.limits is not None and trial.points == 12
    assert variation(series, p, [], HIGH, NHSE, enabled=False) is Variation.NONE
    assert variation(series[:-1], p, [], HIGH, NHSE) is Variation.NONE  # no value at P


def test_missing_months_are_left_out() -> None:
    # 12 values and a missing month are 12 points (none); 13 values and a gap are 13 (common cause).
    twelve = monthly([*ALTERNATING[:6], None, *ALTERNATING[6:12]])
    assert variation(twelve, twelve[-1][0], [], HIGH, NHSE) is Variation.NONE
    thirteen = monthly([*ALTERNATING[:6], None, *ALTERNATING[6:]])
    assert variation(thirteen, thirteen[-1][0], [], HIGH, NHSE) is Variation.COMMON_CAUSE
    # a gap neither breaks nor counts in a run: 11 ×3, gap, 11 ×3 is a shift of 6.
    (segment,) = segments(monthly([*ds(11, 11, 11), None, *ds(11, 11, 11)]), [])
    assert rules_of([v for _, v in segment]) == [{Rule.SHIFT}] * 6


def test_a_rebase_splits_the_limits() -> None:
    # Jan–Feb 10 12 (CL 11, MR̄ 2); rebase at Mar: 20 22 20 22 (CL 21, MR̄ 2); no MR across the rebase.
    series = monthly(list(ds(10, 12, 20, 22, 20, 22)))
    first, second = segments(series, [Month(2023, 3)])
    assert [v for _, v in first] == ds(10, 12) and second[0][0] == Month(2023, 3)
    assert limits([v for _, v in second], NHSE).centre == D(21)
    assert limits([v for _, v in second], NHSE).moving_ranges == (D(2),) * 3


def test_a_rebase_at_a_month_without_a_value_moves_to_the_next() -> None:
    series = monthly([D(10), D(12), None, D(20), D(22)])
    first, second = segments(series, [Month(2023, 3)])
    assert [m for m, _ in first] == [Month(2023, 1), Month(2023, 2)]
    assert [m for m, _ in second] == [Month(2023, 4), Month(2023, 5)]


@pytest.mark.parametrize(
    ("target", "polarity", "nhse", "ptd"),
    [
        ("12.66", HIGH, Assurance.FAIL, Assurance.HIT_OR_MISS),  # on UPL
        ("7.34", HIGH, Assurance.PASS, Assurance.HIT_OR_MISS),  # on LPL
        ("12.66", LOW, Assurance.PASS, Assurance.HIT_OR_MISS),
        ("7.34", LOW, Assurance.FAIL, Assurance.HIT_OR_MISS),
        ("13", HIGH, Assurance.FAIL, Assurance.FAIL),  # beyond UPL
        ("7", HIGH, Assurance.PASS, Assurance.PASS),  # beyond LPL
        ("10", HIGH, Assurance.HIT_OR_MISS, Assurance.HIT_OR_MISS),
        ("10", NEUTRAL, Assurance.NONE, Assurance.NONE),
    ],
)
def test_assurance_target_on_a_limit(
    target: str, polarity: Polarity, nhse: Assurance, ptd: Assurance
) -> None:
    assert assurance(TEN, D(target), polarity, Preset.NHSE) is nhse
    assert assurance(TEN, D(target), polarity, Preset.PTD) is ptd


def test_assurance_target_from_the_target_union() -> None:
    assert assurance(TEN, None, HIGH, Preset.NHSE) is Assurance.NONE
    assert assurance_target(SingleValue(D(85)), HIGH) == D(85)
    assert assurance_target(Above(D(65)), HIGH) == D(65)
    assert assurance_target(Below(D(7), inclusive=True), LOW) == D(7)
    assert assurance_target(Range(D(85), D(90)), HIGH) == D(85)
    assert assurance_target(Range(D(85), D(90)), LOW) == D(90)
    assert assurance_target(SingleValue(D(85)), NEUTRAL) is None
    assert assurance_target(None, HIGH) is None


def test_capable_band() -> None:
    # LPL 7.34, UPL 12.66: 5 and 7 reliably reached, 12 some months, 13 never.
    bands = tuple(Band(k, k, SingleValue(D(t))) for k, t in [("ri", 5), ("good", 7), ("out", 12), ("ex", 13)])
    best, sometimes = capable_band(TEN, bands, HIGH)
    assert best == bands[1] and sometimes == (bands[2],)


G, A, R = RagStatus.GREEN, RagStatus.AMBER, RagStatus.RED
CC, UP, WORSE = Variation.COMMON_CAUSE, Variation.IMPROVEMENT_HIGH, Variation.CONCERN_LOW
PASS, FAIL, HOM, NO = Assurance.PASS, Assurance.FAIL, Assurance.HIT_OR_MISS, Assurance.NONE


@pytest.mark.parametrize(
    ("status", "var", "assured", "kind", "attention"),
    [
        (G, WORSE, PASS, ReadingKind.GETTING_WORSE, True),
        (R, CC, FAIL, ReadingKind.WILL_NOT_MEET, True),
        (A, CC, FAIL, ReadingKind.WILL_NOT_MEET, True),
        (G, CC, FAIL, ReadingKind.MET_BUT_USUALLY_MISS, True),
        (G, CC, HOM, ReadingKind.MET_SOME_MONTHS_MISS, False),
        (R, CC, HOM, ReadingKind.MISSED_WITHIN_NORMAL, False),
        (R, UP, FAIL, ReadingKind.IMPROVING_NOT_YET_RELIABLE, False),
        (G, Variation.IMPROVEMENT_LOW, HOM, ReadingKind.IMPROVING_NOT_YET_RELIABLE, False),
        (G, UP, PASS, ReadingKind.IMPROVING, False),
        (RagStatus.NONE, UP, NO, ReadingKind.IMPROVING, False),
        (R, CC, PASS, ReadingKind.RELIABLY_MEETING, False),
        (RagStatus.NONE, CC, NO, ReadingKind.NO_SIGNIFICANT_CHANGE, False),
        (G, Variation.NONE, FAIL, ReadingKind.NO_SPC, False),
    ],
)
def test_reading_table(
    status: RagStatus, var: Variation, assured: Assurance, kind: ReadingKind, attention: bool
) -> None:
    result = reading(status, var, assured)
    assert result is not None and (result.kind, result.attention) == (kind, attention)


@pytest.mark.parametrize(
    ("status", "var", "assured", "kind", "attention"),
    [
        # where the binding table is silent, the project's own rows (docs/spc.md)
        (RagStatus.NONE, Variation.NEITHER_HIGH, NO, ReadingKind.UNUSUAL, False),
        (G, Variation.NEITHER_LOW, NO, ReadingKind.UNUSUAL, False),
        (RagStatus.NONE, CC, FAIL, ReadingKind.WILL_USUALLY_MISS, True),
        (RagStatus.NONE, CC, Assurance.HIT_OR_MISS, ReadingKind.SOME_MONTHS, False),
    ],
)
def test_rows_of_our_own(
    status: RagStatus, var: Variation, assured: Assurance, kind: ReadingKind, attention: bool
) -> None:
    result = reading(status, var, assured)
    assert (result.kind, result.attention) == (kind, attention)


def test_each_point_is_judged_in_its_own_segment() -> None:
    # 13 points at 10/11 alternating, then a rebase and 3 points: the new segment is too short for
    # nhse's limits (its points are none) but ptd draws trial limits from them.
    series = monthly([*ALTERNATING, 20, 21, 20])
    rebase = [series[13][0]]
    points = judge_points(series, series[-1][0], rebase, NHSE)
    assert [p.segment for p in points] == [0] * 13 + [1] * 3
    assert {p.label(HIGH, Preset.NHSE) for p in points[:13]} == {(Variation.COMMON_CAUSE, None)}
    assert [(p.label(HIGH, Preset.NHSE)[0], p.limits) for p in points[13:]] == [(Variation.NONE, None)] * 3
    trial = judge_points(series, series[-1][0], rebase, PTD)[13:]
    assert trial[0].limits is not None and trial[0].limits.centre == D(61) / 3
    assert {p.label(HIGH, Preset.PTD) for p in trial} == {(Variation.COMMON_CAUSE, None)}


def test_run_length_counts_back_from_the_last_point() -> None:
    assert run_length(ds(5, 11, 12, 11, 13, 12, 14), Rule.SHIFT, D(10)) == 6
    assert run_length(ds(5, 11, 12, 12, 13, 14, 15), Rule.TREND, D(10)) == 4  # the tie at 12 breaks it
    assert run_length(ds(9, 8, 7, 6), Rule.TREND, D(10)) == 4
    assert run_length(ds(1, 2, 30), Rule.OUTSIDE_LIMITS, D(10)) == 1


PEAK = ds(0, 10, 0, 10, 0, 10, 0, 10, 3, 4, 5, 6, 7, 8, 9, 8, 7, 6, 5, 4, 3)


def test_ptd_labels_a_peak_by_the_trend_it_starts() -> None:
    # 3 … 9 rises for 7 points and 9 … 3 falls for 7: the 9 is in both trends. NHSRplotthedots takes the
    # step to the next point when that point is in a trend too (9 → 8, a fall), so under ptd the peak
    # is a falling trend: concern where high is good. nhse keeps both flags and shows the improvement.
    # CL = 115/21 = 5.476…; MR̄ = (7 × 10 + 12 × 1 + 7) / 20 = 4.45 (ptd keeps every range: 10 < 14.5);
    # UPL = 17.31…, so no point is outside and none beyond the two-sigma line (13.37…).
    peak = PEAK.index(D(9))
    ptd_lim, nhse_lim = limits(PEAK, PTD), limits(PEAK, NHSE)
    assert ptd_lim.mean_moving_range == D("4.45") and ptd_lim.centre == D(115) / 21
    ptd_flags = special_causes(PEAK, ptd_lim, PTD)[peak]
    assert ptd_flags.flags == (Flag(Rule.TREND, Side.LOW), Flag(Rule.SHIFT, Side.HIGH))
    assert ptd_flags.label(HIGH, Preset.PTD) is Variation.CONCERN_LOW
    nhse_flags = special_causes(PEAK, nhse_lim, NHSE)[peak]
    assert nhse_flags.flags[:2] == (Flag(Rule.TREND, Side.HIGH), Flag(Rule.TREND, Side.LOW))
    assert nhse_flags.label(HIGH, Preset.NHSE) is Variation.IMPROVEMENT_HIGH


def test_ptd_counts_a_tie_to_the_next_trend_as_a_fall() -> None:
    # 1 … 7 rises; the next 7 ties it and starts 7 … 13. The first 7 ends one trend, and its next point
    # is in a trend too, so NHSRplotthedots reads the step to it (0, not a rise) as decreasing.
    values = ds(*[10, 0] * 5, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13)
    lim = limits(values, PTD)
    flags = special_causes(values, lim, PTD)
    first_seven = values.index(D(7))
    trends = [next((f.side for f in p.flags if f.rule is Rule.TREND), None) for p in flags]
    assert trends[first_seven - 6 : first_seven] == [Side.HIGH] * 6
    assert trends[first_seven] is Side.LOW
    assert trends[first_seven + 1 :] == [Side.HIGH] * 7
