"""Editions: the one report a build or publish makes, from the whole catalogue or some of its sections."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scorecard_report.inputs.benchmarks import BenchmarkTable
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import Commentary
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import Snapshot
from scorecard_report.inputs.spc import NO_REBASES, Rebases
from scorecard_report.inputs.values import ValueTable
from scorecard_report.model.build import build_report
from scorecard_report.model.compare import compare
from scorecard_report.model.report import Report


@dataclass(frozen=True)
class Inputs:
    """The loaded catalogue (with the config's marking), values and benchmarks."""

    catalogue: Catalogue
    values: ValueTable
    benchmarks: BenchmarkTable | None
    rebases: Rebases = NO_REBASES


@dataclass(frozen=True)
class Edition:
    """One report to build: the (possibly cut-down) catalogue, its period, commentary and file-name stem."""

    inputs: Inputs
    catalogue: Catalogue
    period: Month
    commentary: Commentary
    commentary_file: Path | None
    name: str
    section_ids: tuple[str, ...] = ()  # in catalogue order; none for the whole scorecard
    earlier: Snapshot | None = None  # the earlier edition compared with; None: nothing recorded to compare
    earlier_file: str = ""  # the snapshot's file name: "scorecard-2026-09-snapshot.json"

    def report(self) -> Report:
        """The report, with what changed since the earlier edition where there is one."""
        report = build_report(
            self.catalogue,
            self.inputs.values,
            self.period,
            self.inputs.benchmarks,
            self.commentary,
            self.inputs.rebases,
        )
        return compare(self.earlier, report, self.earlier_file) if self.earlier is not None else report


def unknown_sections(catalogue: Catalogue, section_ids: Sequence[str]) -> list[str]:
    """A sentence for each id the catalogue lacks, with the closest id it has."""
    known = [section.id for section in catalogue.sections]
    sentences = []
    for section_id in section_ids:
        if section_id in known:
            continue
        close = difflib.get_close_matches(section_id, known, n=1, cutoff=0.6)
        suggestion = f"did you mean '{close[0]}'?" if close else f"the sections are {', '.join(known)}"
        sentences.append(f"--section {section_id}: no such section in {catalogue.path.name} ({suggestion})")
    return sentences


def only_sections(catalogue: Catalogue, section_ids: Sequence[str]) -> Catalogue:
    """The catalogue with only the sections named, in catalogue order; all of it when none are named."""
    if not section_ids:
        return catalogue
    wanted = set(section_ids)
    sections = tuple(section for section in catalogue.sections if section.id in wanted)
    return dataclasses.replace(catalogue, sections=sections)
