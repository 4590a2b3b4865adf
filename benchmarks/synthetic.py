"""Synthetic scorecards of any size, seeded so the same size always gives the same files.

``write_synthetic(folder, 150, 25)`` writes ``catalogue.yaml``, ``values.csv`` (long form) and
``commentary/YYYY-MM.yaml`` into ``folder``, with every feature of the catalogue in use: each written
and structured target form, bands, benchmarks, quarterly and annual indicators, missing values and
``Not Yet Available``, highlighted charts, and commentary for the report, each section and half the
indicators. Run it alone to look at the files: ``python benchmarks/synthetic.py 150x25 DIR``.
"""

from __future__ import annotations

import csv
import math
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPORT_MONTH = (2026, 10)
YEAR_START_MONTH = 4  # April: quarters end in June, September, December and March
SECTION_SIZE = 20
HIGHLIGHTS_PER_SECTION = 3
BENCHMARKS = (
    ("subregion", "Partnership Average", "2023/24"),
    ("region", "Regional Average", "2022/23"),
    ("neighbours", "Statistical Neighbours Average", "2022/23"),
    ("england", "England Average", "2022/23"),
)
MISSING_MARKER = "Not Yet Available"
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SECTION_TITLES = (
    "Front Door",
    "Early Help",
    "Assessment",
    "Children in Need",
    "Child Protection",
    "Children in Care",
    "Care Leavers",
    "Fostering",
    "Adoption",
    "Youth Justice",
    "Special Educational Needs",
    "Quality Assurance",
    "Workforce",
    "Adult Social Care Front Door",
    "Reablement",
    "Safeguarding Adults",
    "Housing Support",
    "Corporate Health",
)
MEASURES = (
    "Assessments completed within 45 working days",
    "Visits completed within timescale",
    "Plans reviewed on time",
    "Referrals received",
    "Re-referrals within 12 months",
    "Cases with an up-to-date plan",
    "Average days from referral to decision",
    "Placements lasting two years or more",
    "Staff turnover",
    "Spend against budget",
    "Complaints resolved at stage 1",
    "Audits rated good or better",
    "Rate of open cases",
    "Contacts converted to referrals",
    "Average caseload per worker",
)
GROUPS = ("children under 5", "young people aged 16-17", "all ages", "families", "adults over 65", "")


@dataclass(frozen=True)
class SyntheticInputs:
    """The files of one synthetic scorecard and the month to report."""

    catalogue: Path
    data: Path
    commentary: Path
    period: str
    indicators: int
    months: int


@dataclass
class _Indicator:
    ref: str
    unit: str
    level: float
    frequency: str = "monthly"
    spec: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- months


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def iso(index: int) -> str:
    year, month = month_of(index)
    return f"{year:04d}-{month:02d}"


def report_period() -> str:
    return iso(month_index(*REPORT_MONTH))


def ends_period(index: int, frequency: str) -> bool:
    """Whether a month is the last of its quarter (or financial year) for that frequency."""
    month = month_of(index)[1]
    if frequency == "quarterly":
        return (month - YEAR_START_MONTH + 1) % 3 == 0
    if frequency == "annual":
        return month == (YEAR_START_MONTH - 2) % 12 + 1
    return True


# ---------------------------------------------------------------- the catalogue


def _level(unit: str, rng: random.Random) -> float:
    low, high = {
        "percent": (35, 92),
        "count": (40, 4000),
        "rate": (20, 700),
        "days": (8, 120),
        "average": (3, 40),
        "currency": (50_000, 2_000_000),
    }[unit]
    return rng.uniform(low, high)


def _number(value: float) -> str:
    """A target or threshold as written by an analyst: whole when large, one decimal when small."""
    return f"{value:.0f}" if abs(value) >= 20 else f"{value:.1f}"


def _met_above(level: float, rng: random.Random) -> float:
    """A lower bound near the level: some values meet it, some fall short (amber or red)."""
    return level * rng.uniform(0.9, 1.08)


def _met_below(level: float, rng: random.Random) -> float:
    return level * rng.uniform(0.93, 1.1)


def _percent(value: float) -> str:
    return f"{min(value, 99.0):.0f}"


# Each form gives the target as written and the polarity it goes with; the flag says it has a % sign,
# so the indicator must be a percentage.
TargetForm = Callable[[float, random.Random], tuple[Any, str]]


def _range_percent(level: float, rng: random.Random) -> tuple[Any, str]:
    low = _met_above(level, rng)
    return f"{_percent(low - 5)}-{_percent(low)}%", "high"  # 85-90%


def _range_percent_spaced(level: float, rng: random.Random) -> tuple[Any, str]:
    high = _met_below(level, rng)
    return f"{high + 4:.0f}% - {high:.0f}%", "low"  # 20% - 16%: written high to low


TARGET_FORMS: tuple[tuple[bool, TargetForm], ...] = (
    (True, lambda v, r: (f"{_percent(_met_above(v, r))}%", "high")),  # 85%
    (True, lambda v, r: (f">{_percent(_met_above(v, r))}%", "high")),  # >65%
    (False, lambda v, r: (f">={_number(_met_above(v, r))}", "high")),  # >=65
    (False, lambda v, r: (f"Above {_number(_met_above(v, r))}", "high")),  # Above 65
    (True, lambda v, r: (f"<{_percent(_met_below(v, r))}%", "low")),  # <7%
    (False, lambda v, r: (f"<={_number(_met_below(v, r))}", "low")),  # <=7
    (False, lambda v, r: (f"Below {_number(_met_below(v, r))}", "low")),  # Below 7
    (True, _range_percent),
    (True, _range_percent_spaced),
    (False, lambda v, r: ({"value": _number(_met_above(v, r))}, "high")),
    (False, lambda v, r: ({"value": _number(_met_below(v, r))}, "low")),
    (False, lambda v, _r: ({"min": _number(v * 0.95), "max": _number(v * 1.05)}, "neutral")),
    (False, lambda v, r: ({"above": _number(_met_above(v, r)), "inclusive": "true"}, "high")),
    (False, lambda v, r: ({"below": _number(_met_below(v, r))}, "low")),
)
UNITS = ("count", "percent", "rate", "days", "average", "currency", "percent", "count")


def _bands(level: float, polarity: str, unit: str) -> dict[str, str]:
    """Worst band first: rising thresholds for polarity high, falling for low."""
    if polarity == "high":
        return {
            "requires_improvement": f"{level * 0.8:.0f}-{level * 0.9 - 1:.0f}",
            "good": f"{level * 0.9:.0f}-{level - 1:.0f}",
            "outstanding": f"Above {level:.0f}",
        }
    label = " days" if unit == "days" else ""
    return {
        "requires_improvement": f"{level * 1.1 + 1:.0f}-{level * 1.2:.0f}{label}",
        "good": f"{level + 1:.0f}-{level * 1.1:.0f}{label}",
        "outstanding": f"Below {level:.0f}",
    }


class _CatalogueMaker:
    """Chooses each indicator's unit, frequency, target or bands, benchmarks and extras."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.targets = 0

    def indicator(self, ref: str, number: int) -> _Indicator:
        rng = self.rng
        kind = rng.random()
        frequency = "annual" if kind < 0.03 else "quarterly" if kind < 0.13 else "monthly"
        choice = rng.random()
        if choice < 0.1:
            indicator = self._banded(ref, frequency)
        elif choice < 0.65:
            indicator = self._targeted(ref, frequency)
        else:
            unit = UNITS[number % len(UNITS)]
            polarity = rng.choice(("neutral", "neutral", "high", "low"))
            indicator = _Indicator(ref, unit, _level(unit, rng), frequency, {"polarity": polarity})
        self._describe(indicator, number)
        return indicator

    def _targeted(self, ref: str, frequency: str) -> _Indicator:
        percent_sign, form = TARGET_FORMS[self.targets % len(TARGET_FORMS)]
        self.targets += 1
        unit = "percent" if percent_sign else UNITS[self.targets % len(UNITS)]
        level = _level(unit, self.rng)
        target, polarity = form(level, self.rng)
        spec: dict[str, Any] = {"polarity": polarity, "target": target}
        if self.rng.random() < 0.15:
            spec["tolerance"] = "2" if unit == "percent" else _number(level * 0.03)
        return _Indicator(ref, unit, level, frequency, spec)

    def _banded(self, ref: str, frequency: str) -> _Indicator:
        unit = self.rng.choice(("percent", "days"))
        level = self.rng.uniform(40, 80) if unit == "percent" else self.rng.uniform(20, 60)
        polarity = "high" if unit == "percent" else "low"
        return _Indicator(
            ref, unit, level, frequency, {"polarity": polarity, "bands": _bands(level, polarity, unit)}
        )

    def _describe(self, indicator: _Indicator, number: int) -> None:
        rng, unit = self.rng, indicator.unit
        group = GROUPS[number % len(GROUPS)]
        measure = MEASURES[number % len(MEASURES)]
        suffix = {"percent": "(%)", "count": "(No.)", "rate": "(per 10,000)", "currency": "(£)"}.get(unit, "")
        title = " ".join(part for part in (measure, f"– {group}" if group else "", suffix) if part)
        spec: dict[str, Any] = {
            "ref": indicator.ref,
            "title": title,
            "description": f"How {measure.lower()} is changing{f' for {group}' if group else ''}, "
            "reported to the performance board each month.",
            "unit": unit,
            **indicator.spec,
        }
        if unit == "rate":
            spec |= {"multiplier": "10000", "unit_label": "per 10,000"}
        if indicator.frequency != "monthly":
            spec["frequency"] = indicator.frequency
        if rng.random() < 0.1:
            spec["decimals"] = "1"
        if rng.random() < 0.1:
            spec["direction_of_travel"] = "previous_year"
        if rng.random() < 0.3:
            chosen = sorted(rng.sample(range(len(BENCHMARKS)), rng.randint(2, 4)))
            level = indicator.level
            spec["benchmarks"] = {BENCHMARKS[i][0]: _number(level * rng.uniform(0.85, 1.15)) for i in chosen}
        indicator.spec = spec


def _section_sizes(indicators: int) -> list[int]:
    count = max(1, round(indicators / SECTION_SIZE))
    return [indicators // count + (1 if i < indicators % count else 0) for i in range(count)]


def _section_title(number: int) -> str:
    title = SECTION_TITLES[number % len(SECTION_TITLES)]
    round_ = number // len(SECTION_TITLES)
    return f"{title} {round_ + 1}" if round_ else title


def _sections(indicators: int, rng: random.Random) -> tuple[list[dict[str, Any]], list[_Indicator]]:
    maker = _CatalogueMaker(rng)
    sections: list[dict[str, Any]] = []
    made: list[_Indicator] = []
    for number, size in enumerate(_section_sizes(indicators)):
        rows = [maker.indicator(f"S{number + 1}I{i + 1}", len(made) + i) for i in range(size)]
        for index in rng.sample(range(size), min(HIGHLIGHTS_PER_SECTION, size)):
            rows[index].spec["highlight"] = True
        title = _section_title(number)
        sections.append(
            {
                "id": f"section-{number + 1:02d}",
                "title": title,
                "owner": f"Head of Service – {title}",
                "indicators": [row.spec for row in rows],
            }
        )
        made.extend(rows)
    return sections, made


def catalogue_document(indicators: int, months: int, sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "title": f"Synthetic Performance Scorecard ({indicators} indicators, {months} months)",
        "organisation": "Benchmark Borough Council",
        "name": f"synthetic-{indicators}x{months}",
        "data": "values.csv",
        "year_start_month": str(YEAR_START_MONTH),
        "default_tolerance": "5%",
        "direction_of_travel": "previous_period",
        "missing_label": "Not yet available",
        "missing_markers": [MISSING_MARKER, "NYA", "N/A", "-"],
        "below_bands": "Inadequate",
        "benchmarks": [{"id": i, "label": label, "year": year} for i, label, year in BENCHMARKS],
        "sections": sections,
    }


# ---------------------------------------------------------------- the values


def _series(indicator: _Indicator, months: int, rng: random.Random) -> Iterator[tuple[int, float]]:
    """A seasonal random walk around the indicator's level, on the months its frequency reports."""
    end = month_index(*REPORT_MONTH)
    phase, drift, walk = rng.uniform(0, 2 * math.pi), rng.uniform(-0.006, 0.006), 0.0
    for index in range(end - months + 1, end + 1):
        walk += rng.gauss(0, 0.015)
        if not ends_period(index, indicator.frequency):
            continue
        t = index - end
        value = indicator.level * (1 + 0.06 * math.sin(2 * math.pi * index / 12 + phase) + drift * t + walk)
        if indicator.unit == "percent":
            value = min(max(value, 1.0), 100.0)
        yield index, max(value, 0.0)


def _written_value(value: float, unit: str, rng: random.Random) -> str:
    """Values as a spreadsheet export writes them: some with a % sign or thousands separators."""
    if unit == "percent":
        return f"{value:.1f}%" if rng.random() < 0.3 else f"{value:.1f}"
    if unit in ("count", "currency"):
        return f"{value:,.0f}" if rng.random() < 0.3 else f"{value:.0f}"
    return f"{value:.2f}"


def _written_period(index: int, rng: random.Random) -> str:
    if rng.random() < 0.05:
        year, month = month_of(index)
        return f"{MONTH_ABBREVIATIONS[month - 1]}-{year % 100:02d}"
    return iso(index)


def value_rows(indicators: list[_Indicator], months: int, rng: random.Random) -> Iterator[list[str]]:
    """``ref, period, value, note`` rows: about 2% missing, a few of those ``Not Yet Available``."""
    for indicator in indicators:
        for index, value in _series(indicator, months, rng):
            draw = rng.random()
            if draw < 0.003:
                written, note = MISSING_MARKER, "awaiting the quarterly return"
            elif draw < 0.02:
                written, note = "", ""
            else:
                written, note = _written_value(value, indicator.unit, rng), ""
            yield [indicator.ref, _written_period(index, rng), written, note]


# ---------------------------------------------------------------- the commentary


def _indicator_text(ref: str, rng: random.Random) -> Any:
    text = rng.choice(
        (
            f"{ref} moved **further from target** this month; the service has a recovery plan.",
            "Performance is *stable*. The team expects the next quarter to show the effect of the new "
            "triage rota.",
            "Two changes explain the figure:\n\n- a backlog cleared in the first week\n- one team at "
            "full strength again",
        )
    )
    return {"text": text, "draft": "true"} if rng.random() < 0.1 else text


def commentary_document(
    sections: list[dict[str, Any]], indicators: list[_Indicator], rng: random.Random
) -> dict[str, Any]:
    """Report blocks, every section's text and half the indicators' texts, some still drafts."""
    return {
        "report": [
            {
                "title": "Key messages",
                "text": "Demand **rose** for the third month.\n\n- Timeliness is *improving*\n"
                "- Two sections remain below target\n",
            },
            {"title": "Discussion points", "text": "Whether the new rota should be extended to all teams."},
        ],
        "sections": {
            section["id"]: f"{section['title']}: most measures are on target; see the exceptions below.\n"
            for section in sections
        },
        "indicators": {
            indicator.ref: _indicator_text(indicator.ref, rng)
            for indicator in indicators
            if rng.random() < 0.5
        },
    }


# ---------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    """No anchors or aliases (the catalogue reader refuses them); multi-line text as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002
        return True


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_Dumper.add_representer(str, _text)


def _write_yaml(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    path.write_text(text, encoding="utf-8")


def write_synthetic(folder: Path, indicators: int, months: int, seed: int = 7) -> SyntheticInputs:
    """Write one scorecard of ``indicators`` × ``months`` into ``folder``; the same arguments, the same
    bytes."""
    rng = random.Random(f"scorecard {indicators}x{months} seed {seed}")
    sections, made = _sections(indicators, rng)
    catalogue = folder / "catalogue.yaml"
    _write_yaml(catalogue, catalogue_document(indicators, months, sections))
    data = folder / "values.csv"
    with data.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["ref", "period", "value", "note"])
        writer.writerows(value_rows(made, months, rng))
    commentary = folder / "commentary" / f"{report_period()}.yaml"
    _write_yaml(commentary, commentary_document(sections, made, rng))
    return SyntheticInputs(catalogue, data, commentary, report_period(), indicators, months)


def parse_size(written: str) -> tuple[int, int]:
    """``150x25`` (or ``150×25``) as (indicators, months)."""
    indicators, months = written.lower().replace("×", "x").split("x")
    return int(indicators), int(months)


if __name__ == "__main__":
    size, where = sys.argv[1:3]
    made_inputs = write_synthetic(Path(where), *parse_size(size))
    print(f"wrote {made_inputs.catalogue}, {made_inputs.data} and {made_inputs.commentary}")
