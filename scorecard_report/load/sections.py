"""The catalogue's sections and their indicators: unique ids and refs, names fit for files, extra fields."""

from __future__ import annotations

from typing import Any

from scorecard_report.file_names import FILE_NAME_HINT, name_problem, shown
from scorecard_report.inputs.catalogue import Indicator, Section
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import IndicatorSchema, SectionSchema, SettingsSchema
from scorecard_report.load.indicators import checked_indicator
from scorecard_report.load.strict_yaml import YamlPath


def read_sections(reader: CatalogueReader, data: Any, settings: SettingsSchema | None) -> tuple[Section, ...]:
    """Every section that reads, in order, each with the indicators in it that pass their checks."""
    raw_sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(raw_sections, list):
        return ()
    sections = _Sections(reader, settings)
    read = (sections.section(raw, ("sections", i)) for i, raw in enumerate(raw_sections))
    return tuple(section for section in read if section is not None)


def check_file_name(reader: CatalogueReader, name: str, at: YamlPath, what: str, example: str) -> None:
    """Names and section ids become parts of file names: each must be one safe file name."""
    problem = name_problem(name)
    if problem is not None:
        reader.problem(
            at,
            f"{what} '{shown(name)}' cannot be part of a file name: {problem}",
            hint=FILE_NAME_HINT.replace("NAME", example),
        )


class _Sections:
    """Reads sections one after another, remembering the section ids and refs seen so far."""

    def __init__(self, reader: CatalogueReader, settings: SettingsSchema | None) -> None:
        self.reader, self.settings = reader, settings
        self.seen_refs: dict[str, int | None] = {}
        self.seen_ids: dict[str, int | None] = {}
        # The catalogue's extra fields (``fields:``), kept apart from the indicator keys they would shadow.
        self.declared = (
            {name for name in settings.fields if name not in IndicatorSchema.model_fields}
            if settings
            else set()
        )

    def section(self, raw: Any, at: YamlPath) -> Section | None:
        schema = self.reader.validate(SectionSchema, raw, at, skip=())
        if schema is None:
            return None
        self._check_unique(self.seen_ids, schema.id, (*at, "id"), "section id")
        check_file_name(self.reader, schema.id, (*at, "id"), "section id", "front-door")
        read = (
            self.indicator(raw, (*at, "indicators", j), schema.id) for j, raw in enumerate(schema.indicators)
        )
        indicators = tuple(indicator for indicator in read if indicator is not None)
        return Section(schema.id, schema.title, schema.owner, indicators)

    def indicator(self, raw: Any, at: YamlPath, section_id: str) -> Indicator | None:
        ref = raw.get("ref") if isinstance(raw, dict) and isinstance(raw.get("ref"), str) else None
        if ref is not None:
            self._check_unique(self.seen_refs, ref, (*at, "ref"), "ref", ref=ref)
        extra = {k: v for k, v in raw.items() if k in self.declared} if isinstance(raw, dict) else {}
        if isinstance(raw, dict):
            raw = {k: v for k, v in raw.items() if k not in self.declared}
        schema = self.reader.validate(IndicatorSchema, raw, at, ref=ref)
        if schema is None or self.settings is None:
            return None
        fields = tuple(
            (name, "" if extra.get(name) is None else str(extra[name]))
            for name in self.settings.fields
            if name in self.declared
        )
        return checked_indicator(self.reader, schema, at, self.settings, section_id, fields)

    def _check_unique(
        self, seen: dict[str, int | None], key: str, at: YamlPath, what: str, ref: str | None = None
    ) -> None:
        line = self.reader.document.line_of(at)
        if key in seen:
            self.reader.problem(
                at,
                f"duplicate {what} '{key}' (first on line {seen[key]})",
                hint=f"each {what} must be unique in the catalogue",
                ref=ref,
            )
        else:
            seen[key] = line
