"""Service-level editions: a catalogue cut down to some of its sections, and the edition's file-name stem."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence

from scorecard_report.inputs.catalogue import Catalogue


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


def edition_name(name: str, section_ids: Sequence[str], catalogue: Catalogue) -> str:
    """``scorecard-front-door``: the stem with the edition's section ids, in catalogue order."""
    wanted = set(section_ids)
    ids = [section.id for section in catalogue.sections if section.id in wanted]
    return "-".join([name, *ids])
