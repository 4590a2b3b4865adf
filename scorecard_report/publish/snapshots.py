"""Where snapshots live, and which one an edition is compared with.

A snapshot is ``<edition name>-<YYYY-MM>-snapshot.json`` beside the manifest in the output folder,
written by ``publish`` and by ``build --record``. The comparison is with ``--compare-with`` (a snapshot
file, or ``YYYY-MM`` for that period's snapshot of this edition), else with the latest snapshot of this
edition whose period is on or before the report's: republishing October after a revised extract
compares with the October published before.
"""

from __future__ import annotations

import re
from pathlib import Path

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import Snapshot
from scorecard_report.problems import InputError, InputMissing, Problem, UsageError

SNAPSHOT = "snapshot"  # the key of the snapshot's bytes among a publish's rendered files
SNAPSHOT_ENDING = "-snapshot.json"
_PERIOD = re.compile(r"([0-9]{4})-([0-9]{2})")
_NAMED = re.compile(r".*-([0-9]{4})-([0-9]{2})" + re.escape(SNAPSHOT_ENDING))


def snapshot_file_name(stem: str, period: Month) -> str:
    """``scorecard-2026-10-snapshot.json``."""
    return f"{stem}-{period.iso()}{SNAPSHOT_ENDING}"


def recorded_snapshots(folder: Path, stem: str) -> dict[Month, Path]:
    """Every snapshot of the edition ``stem`` in ``folder``, by the period its name gives; another
    edition's (``scorecard-front-door-…`` beside ``scorecard-…``) is not one of them."""
    pattern = re.compile(re.escape(stem) + r"-([0-9]{4})-([0-9]{2})" + re.escape(SNAPSHOT_ENDING))
    found: dict[Month, Path] = {}
    try:
        names = sorted(path.name for path in folder.iterdir())
    except OSError:
        return found  # no output folder yet: nothing recorded
    for name in names:
        match = pattern.fullmatch(name)
        if match and 1 <= int(match[2]) <= 12:
            found[Month(int(match[1]), int(match[2]))] = folder / name
    return found


def snapshot_to_compare(folder: Path, stem: str, period: Month, compare_with: str | None) -> Path | None:
    """The snapshot the edition ``stem`` for ``period`` is compared with; None when nothing was recorded."""
    if compare_with is None:
        earlier = [month for month in recorded_snapshots(folder, stem) if month <= period]
        return folder / snapshot_file_name(stem, max(earlier)) if earlier else None
    asked = compare_with_period(compare_with)
    if asked is None:
        return Path(compare_with)
    if asked > period:
        raise UsageError(
            f"--compare-with {compare_with} is after the report's period {period.iso()}: compare with an "
            "earlier edition"
        )
    path = folder / snapshot_file_name(stem, asked)
    if not path.exists() and not path.is_symlink():
        raise InputMissing(path, "snapshot", hint=_recorded_hint(folder, stem, compare_with))
    return path


def compare_with_period(written: str) -> Month | None:
    """``--compare-with 2026-09`` as a month; None for a file. A ``YYYY-MM`` is always a period (write
    ``./2026-09`` for a file of that name); a month that is not one is a usage error."""
    match = _PERIOD.fullmatch(written)
    if match is None:
        return None
    if not 1 <= int(match[2]) <= 12:
        raise UsageError(f"--compare-with {written}: month {int(match[2])} is not 1-12; write YYYY-MM")
    return Month(int(match[1]), int(match[2]))


def _recorded_hint(folder: Path, stem: str, written: str) -> str:
    recorded = sorted(recorded_snapshots(folder, stem))
    have = (
        f"{folder} has snapshots of {stem} for {', '.join(month.iso() for month in recorded)}"
        if recorded
        else f"{folder} has no snapshot of {stem} yet"
    )
    return f"--compare-with {written} names no recorded edition: {have}; or give a snapshot file"


def named_period(path: Path) -> Month | None:
    """The period a snapshot's file name gives (``…-2026-09-snapshot.json``); None for another name."""
    match = _NAMED.fullmatch(path.name)
    return Month(int(match[1]), int(match[2])) if match and 1 <= int(match[2]) <= 12 else None


def check_comparable(snapshot: Snapshot, path: Path, period: Month) -> None:
    """The earlier edition may not be later than the report, since nothing dated after the report's
    period may appear in it; a file named for a period must hold that period."""
    problems = []
    named = named_period(path)
    if named is not None and snapshot.period != named:
        problems.append(f"its name says {named.iso()}, but it holds the snapshot of {snapshot.period.iso()}")
    if snapshot.period > period:
        problems.append(
            f"it is the snapshot of {snapshot.period.iso()}, after the report's period {period.iso()}, and "
            "nothing dated after the report's period may appear in it"
        )
    if problems:
        hint = "give --compare-with an earlier edition, or delete the file"
        raise InputError([Problem(path, message, hint=hint) for message in problems])
