"""Statistical process control in words: each variation and assurance, each rule, each reading.

The words of docs/spc-rules.md's reading table, with the rule that named a special cause said in words
("6 months above the average"), so no reader needs to know the rules to follow the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from scorecard_report.format.periods import month_short
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import (
    Assurance,
    PointKind,
    ReadingKind,
    RevisedFigure,
    Rule,
    Side,
    Variation,
)

_VARIATION_WORDS = {
    Variation.COMMON_CAUSE: "Common cause",
    Variation.IMPROVEMENT_HIGH: "Improving",
    Variation.IMPROVEMENT_LOW: "Improving",
    Variation.CONCERN_HIGH: "Concern",
    Variation.CONCERN_LOW: "Concern",
    Variation.NEITHER_HIGH: "Unusually high",
    Variation.NEITHER_LOW: "Unusually low",
    Variation.NONE: "No SPC",
}

_ASSURANCE_WORDS = {
    Assurance.PASS: "Pass",
    Assurance.FAIL: "Fail",
    Assurance.HIT_OR_MISS: "Hit or miss",
    Assurance.NONE: "No assurance",
}


def variation_word(variation: Variation) -> str:
    """The word shown beside the variation icon: "Improving", "Concern", "Common cause"."""
    return _VARIATION_WORDS[variation]


def assurance_word(assurance: Assurance) -> str:
    """The word shown beside the assurance icon: "Pass", "Fail", "Hit or miss"."""
    return _ASSURANCE_WORDS[assurance]


def variation_side(variation: Variation) -> Side | None:
    """Which side of the average a special cause lies: high for ``*_high``, low for ``*_low``."""
    if variation.value.endswith("_high"):
        return Side.HIGH
    if variation.value.endswith("_low"):
        return Side.LOW
    return None


_RULE_NAMES = {
    Rule.OUTSIDE_LIMITS: "Beyond a limit",
    Rule.SHIFT: "Run on one side",
    Rule.TREND: "Rising or falling run",
    Rule.TWO_OF_THREE: "2 of 3 near a limit",
}


def rule_name(rule: Rule) -> str:
    """The rule by name, without its side or run: a heading's or a filter's word, "Beyond a limit"."""
    return _RULE_NAMES[rule]


def rule_words(rule: Rule, side: Side, run: int) -> str:
    """The rule that flagged the latest point, as a reader would say it."""
    upper = side is Side.HIGH
    if rule is Rule.SHIFT:
        return f"{run} months {'above' if upper else 'below'} the average"
    if rule is Rule.TREND:
        return f"{run} months {'rising' if upper else 'falling'}"
    if rule is Rule.OUTSIDE_LIMITS:
        return f"beyond the {'upper' if upper else 'lower'} limit"
    return f"2 of the last 3 months near the {'upper' if upper else 'lower'} limit"


_READINGS = {
    ReadingKind.GETTING_WORSE: "Getting worse: special cause ({rule})",
    ReadingKind.WILL_NOT_MEET: "Will not meet the target without a change in the process",
    ReadingKind.MET_BUT_USUALLY_MISS: "Met this month, but the process will usually miss",
    ReadingKind.MET_SOME_MONTHS_MISS: "Met this month; the process will miss it some months",
    ReadingKind.MISSED_WITHIN_NORMAL: "Missed this month, within normal variation",
    ReadingKind.IMPROVING_NOT_YET_RELIABLE: "Improving ({rule}), not yet reliably meeting the target",
    ReadingKind.IMPROVING: "Improving: special cause ({rule})",
    ReadingKind.RELIABLY_MEETING: "Reliably meeting the target",
    ReadingKind.NO_SIGNIFICANT_CHANGE: "No significant change",
    ReadingKind.NO_SPC: "{absent}",
    ReadingKind.UNUSUAL: "Unusual: special cause ({rule}), neither better nor worse",
    ReadingKind.WILL_USUALLY_MISS: "The process will usually miss the target",
    ReadingKind.SOME_MONTHS: "The process will meet the target only some months",
}


def reading_words(kind: ReadingKind, rule: str = "", absent: str = "") -> str:
    """The row's one plain-English reading; ``rule`` is :func:`rule_words`' text, ``absent`` why SPC is
    not shown."""
    return _READINGS[kind].format(rule=rule, absent=absent)


def too_few_points(points: int, needed: int, since: str | None) -> str:
    """Why a monthly indicator has no SPC yet: "No SPC: 8 months since the rebase in May 2026 (13 needed)"."""
    counted = f"{points} month{'s' if points != 1 else ''}"
    where = f" since the rebase in {since}" if since else " of data"
    return f"No SPC: {counted}{where} ({needed} needed)"


NOT_MONTHLY = "No SPC: only monthly indicators are charted"
SPC_OFF = "No SPC: turned off for this indicator"


def no_value(period: str) -> str:
    return f"No SPC: no value for {period}"


def noise_note(judgement_word: str, since: str) -> str:
    """An arrow inside common-cause variation is not a change: "Declining since last month, but within
    normal variation"."""
    return f"{judgement_word} since {since}, but within normal variation"


def capable_band_words(reliably: str | None, sometimes: tuple[str, ...], first: str | None) -> str:
    """ "reliably Good; Outstanding some months": the best band the process reliably reaches, and those
    it reaches only some months; "not reliably Requires improvement" when it reliably reaches none."""
    parts = [f"reliably {reliably}" if reliably else f"not reliably {first}" if first else ""]
    if sometimes:
        parts.append(f"{' or '.join(sometimes)} some months")
    return "; ".join(part for part in parts if part)


def limits_words(centre: str, lower: str, upper: str) -> str:
    """The sentence of the drafts and the alt text: "average 84%, usually between 78% and 90%"."""
    return f"average {centre}, usually between {lower} and {upper}"


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_words(count: int) -> str:
    """ "six" for 6, as a sentence says a small count; 11 and more as figures."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def run_sentence(rule: Rule, side: Side, run: int, since: str, limits: str) -> str:
    """The drafts' sentence for a special cause: "Six months in a row above the average since May 2026"."""
    upper = side is Side.HIGH
    if rule is Rule.SHIFT:
        where = "above" if upper else "below"
        return f"{number_words(run).capitalize()} months in a row {where} the average since {since}"
    if rule is Rule.TREND:
        moved = "rising" if upper else "falling"
        return f"{number_words(run).capitalize()} months in a row {moved} since {since}"
    if rule is Rule.OUTSIDE_LIMITS:
        return f"{'Above the upper' if upper else 'Below the lower'} process limit ({limits})"
    return f"Two of the last three months near the {'upper' if upper else 'lower'} limit ({limits})"


def assurance_sentence(assurance: Assurance, target: str) -> str:
    """ "The process will meet the 85% target only some months"; none without assurance."""
    return {
        Assurance.PASS: f"The process will reliably meet the {target} target",
        Assurance.FAIL: f"The process will not meet the {target} target without a change",
        Assurance.HIT_OR_MISS: f"The process will meet the {target} target only some months",
        Assurance.NONE: "",
    }[assurance]


_POINT_WORDS = {
    PointKind.COMMON_CAUSE: "Common cause",
    PointKind.IMPROVEMENT: "Improvement",
    PointKind.CONCERN: "Concern",
    PointKind.NEITHER_HIGH: "Unusually high",
    PointKind.NEITHER_LOW: "Unusually low",
    PointKind.NONE: "–",
}


def point_word(point: PointKind) -> str:
    """One month's label on an XmR chart, as its data table says it."""
    return _POINT_WORDS[point]


REVISIONS_NAMED = 3  # a review sentence names this many revised months, then counts the rest


def recorded_number(value: Decimal) -> str:
    """A value as the values file had it, digits and all (``94.0`` stays ``94.0``), never in exponent form:
    how a rebase's recorded data is written and quoted."""
    return format(value, "f")


def rebase_review_words(rebase: Month, revised: Sequence[RevisedFigure]) -> str:
    """ "The rebase in Jun 2025 was decided on figures since revised (Aug 2025 was 95.2, now 94.0): review
    it." — the first three months revised, then how many more; "" when none was."""
    if not revised:
        return ""
    named = [
        f"{month_short(figure.month)} was {recorded_number(figure.was)}, now "
        + (recorded_number(figure.now) if figure.now is not None else "missing")
        for figure in revised[:REVISIONS_NAMED]
    ]
    if len(revised) > REVISIONS_NAMED:
        named.append(f"and {len(revised) - REVISIONS_NAMED} more")
    since = "; ".join(named)
    return f"The rebase in {month_short(rebase)} was decided on figures since revised ({since}): review it."
