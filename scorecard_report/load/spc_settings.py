"""The catalogue's ``spc:`` block and an indicator's ``spc:`` switch, read: the preset's defaults filled in.

The strict YAML reader keeps every scalar as written, so the words and numbers are read here, strictly:
``true`` or ``false`` (not ``yes``), whole numbers of points (not ``6.0``). The floors:

- ``min_points`` at least 2: limits need one moving range;
- ``baseline_points`` at least 12: Making Data Count advises a baseline of 12 points or more;
- ``shift_points`` and ``trend_points`` 6 to 8 for ``nhse``, as NHS England's tools allow, and at least 5
  for ``ptd``: NHSRplotthedots lets any length be set, but a shorter run of points on one side or one way
  is too often chance (5 is the trend of the IHI's run-chart rules, the shortest run rule in wide use).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from scorecard_report.inputs.spc import Preset, SpcSettings, preset_settings
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import SpcSchema
from scorecard_report.load.strict_yaml import YamlPath
from scorecard_report.load.suggest import quoted

FEWEST_POINTS = 2
FEWEST_BASELINE_POINTS = 12
NHSE_RUNS = (6, 8)
FEWEST_PTD_RUN = 5
MAX_DIGITS = 6  # a million months is far beyond any series; longer numbers are not read at all
TRUE_WORDS = ("true", "True", "TRUE")  # YAML 1.2's booleans; yes, on and 1 are refused as ambiguous
FALSE_WORDS = ("false", "False", "FALSE")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_EXAMPLES = {"min_points": 13, "baseline_points": 12, "shift_points": 7, "trend_points": 7}
_RULE_SETS = "nhse (NHS England's Making Data Count) or ptd (NHSRplotthedots)"


def spc_settings(reader: CatalogueReader, raw: Any) -> SpcSettings | None:
    """The ``spc:`` block as SpcSettings, every unset key the preset's default; None after reporting
    every problem in it. No block (or an empty one) is the ``nhse`` preset as it stands."""
    if raw is None:
        return preset_settings(Preset.NHSE)
    schema = reader.validate(SpcSchema, raw, ("spc",))
    if schema is None:
        return None
    return _SpcChecks(reader, schema).settings()


def indicator_spc(reader: CatalogueReader, written: Any, at: YamlPath, ref: str) -> bool | None:
    """An indicator's ``spc:``: true (also when not given) or false; None after reporting anything else."""
    if written is None:
        return True
    switch = read_switch(written)
    if switch is None:
        reader.problem(
            (*at, "spc"),
            f"spc must be true or false, not {quoted(written)}",
            hint="write spc: false to leave this indicator out of statistical process control",
            ref=ref,
        )
    return switch


def read_switch(written: Any) -> bool | None:
    """``true`` or ``false`` as YAML 1.2 writes them; None for anything else."""
    if written in TRUE_WORDS:
        return True
    if written in FALSE_WORDS:
        return False
    return None


class _SpcChecks:
    """Each key of one ``spc:`` block read, its problems reported at its line."""

    def __init__(self, reader: CatalogueReader, schema: SpcSchema) -> None:
        self.reader, self.schema = reader, schema
        self.failed = False

    def problem(self, key: str, message: str, hint: str) -> None:
        self.failed = True
        self.reader.problem(("spc", key), message, hint)

    def settings(self) -> SpcSettings | None:
        preset = self._preset()
        defaults = preset_settings(preset or Preset.NHSE)
        min_points = self._count(
            "min_points",
            FEWEST_POINTS,
            "limits need at least 2 points; both rule sets show icons from 13, the default",
        )
        baseline_points = self._count(
            "baseline_points",
            FEWEST_BASELINE_POINTS,
            "Making Data Count advises a baseline of at least 12 points; leave baseline_points out "
            "to work the limits out from every point",
        )
        screen = self._switch("screen_moving_ranges")
        shift_points = self._run("shift_points", preset)
        trend_points = self._run("trend_points", preset)
        if self.failed or preset is None:
            return None
        return SpcSettings(
            preset=preset,
            min_points=defaults.min_points if min_points is None else min_points,
            baseline_points=defaults.baseline_points if baseline_points is None else baseline_points,
            screen_moving_ranges=defaults.screen_moving_ranges if screen is None else screen,
            shift_points=defaults.shift_points if shift_points is None else shift_points,
            trend_points=defaults.trend_points if trend_points is None else trend_points,
        )

    def _preset(self) -> Preset | None:
        written = self.schema.rules
        if written is None:
            return Preset.NHSE
        word = written.strip().lower() if isinstance(written, str) else ""
        if word in tuple(Preset):
            return Preset(word)
        close = difflib.get_close_matches(word, list(Preset), n=1, cutoff=0.6)
        self.problem(
            "rules",
            f"rules must be nhse or ptd, not {quoted(written)}",
            f"did you mean '{close[0]}'?" if close else f"use {_RULE_SETS}",
        )
        return None

    def _run(self, key: str, preset: Preset | None) -> int | None:
        """A shift or trend length: 6 to 8 points for nhse, at least 5 for ptd."""
        if preset is Preset.NHSE:
            low, high = NHSE_RUNS
            hint = (
                "Making Data Count's runs are 6 points by default, or 7 or 8; for a run of 5, or of more "
                "than 8, use rules: ptd"
            )
            return self._count(key, low, hint, high, preset)
        hint = "a run of fewer than 5 points is too often chance; NHSRplotthedots counts 7 by default"
        # Under rules that are not known (and so reported), only the floor of every run is checked.
        return self._count(key, FEWEST_PTD_RUN if preset is Preset.PTD else FEWEST_POINTS, hint, None, preset)

    def _count(
        self,
        key: str,
        floor: int,
        hint: str,
        ceiling: int | None = None,
        preset: Preset | None = None,
    ) -> int | None:
        """A whole number of points from ``floor`` (to ``ceiling``), or None: not given, or reported."""
        written = getattr(self.schema, key)
        if written is None:
            return None
        text = written.strip() if isinstance(written, str) else None
        if text is None or not _WHOLE_NUMBER.fullmatch(text):
            self.problem(
                key,
                f"{key} must be a whole number of points, not {quoted(written)}",
                f"write it in digits, without quotes or a decimal point, such as {key}: {_EXAMPLES[key]}",
            )
            return None
        negative, digits = text.startswith("-"), text.lstrip("+-").lstrip("0")
        if len(digits) > MAX_DIGITS and not negative:
            self.problem(key, f"{key} {_cut(text)} is far more points than any series has", hint)
            return None
        if negative or int(text) < floor or (ceiling is not None and int(text) > ceiling):
            bound = f"at least {floor}" if ceiling is None else f"{floor} to {ceiling}"
            rules = f" for rules: {preset}" if preset is not None else ""
            self.problem(key, f"{key} must be {bound}{rules}, not {_cut(text)}", hint)
            return None
        return int(text)

    def _switch(self, key: str) -> bool | None:
        written = getattr(self.schema, key)
        if written is None:
            return None
        switch = read_switch(written)
        if switch is None:
            self.problem(
                key,
                f"{key} must be true or false, not {quoted(written)}",
                f"write {key}: true to screen out moving ranges above 3.267 times their mean, or false",
            )
        return switch


def _cut(text: str) -> str:
    return text if len(text) <= 12 else f"{text[:12]}…"
