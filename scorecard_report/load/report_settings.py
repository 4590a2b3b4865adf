"""The catalogue's report: block checked: marking, logo, colours, font, columns and the appendix."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from scorecard_report.inputs.catalogue import (
    COLUMN_VOCABULARY,
    DEFAULT_COLOURS,
    Picture,
    ReportSettings,
    Section,
    preset_columns,
)
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import ReportSchema, SettingsSchema
from scorecard_report.rules.contrast import PAGE, TEXT_CONTRAST, contrast_ratio, text_colour_on

MAX_LOGO_SIDE = 4000
LOGO_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


def report_settings(
    reader: CatalogueReader, path: Path, settings: SettingsSchema, sections: tuple[Section, ...]
) -> ReportSettings:
    """The report block as the renderers use it, each problem in it reported."""
    schema = settings.report
    logo = path.parent / schema.logo if schema.logo else None
    picture = _checked_logo(reader, schema, logo)
    appendix = _appendix(reader, schema, sections)
    columns = _columns(reader, schema, settings)
    colours = {**DEFAULT_COLOURS, **schema.colours}
    _check_contrast(reader, schema.colours)
    return ReportSettings(
        schema.marking,
        logo,
        tuple(colours.items()),
        appendix,
        schema.font,
        schema.layout,
        columns,
        logo_picture=picture,
        committee=schema.committee,
        meeting_date=schema.meeting_date,
        contact=schema.contact,
    )


# Colours drawn as text on the white page (headings, arrows) and fills that carry their word.
TEXT_ON_PAGE = ("accent", "improving", "declining", "neutral")


def _check_contrast(reader: CatalogueReader, colours: dict[str, str]) -> None:
    """A council's colour that no reader could read is refused, as WCAG 2.2 AA asks (1.4.3): text
    colours at 4.5:1 against the white page, fills with black or white text at 4.5:1 on them."""
    for name, colour in colours.items():
        if name in TEXT_ON_PAGE:
            ratio, against, hint = contrast_ratio(colour, PAGE), "the white page", "choose a darker shade"
        else:
            ratio = contrast_ratio(colour, text_colour_on(colour))
            against, hint = "its black or white text", "choose a lighter or a darker shade"
        if ratio < TEXT_CONTRAST:
            reader.problem(
                ("report", "colours", name),
                f"colour {name} {colour} has a contrast of {int(ratio * 100) / 100:.2f}:1 against {against}; "
                f"WCAG 2.2 AA needs {TEXT_CONTRAST:g}:1",
                hint=hint,
            )


def _checked_logo(reader: CatalogueReader, schema: ReportSchema, logo: Path | None) -> Picture | None:
    """The logo read, or None: none is named, or what is wrong with the file is reported."""
    picture = read_logo(logo) if logo is not None else None
    if isinstance(picture, str):
        reader.problem(
            ("report", "logo"),
            f"logo '{schema.logo}': {picture}",
            hint="give a PNG or JPEG (at most 4,000 pixels a side) beside the catalogue",
        )
        return None
    return picture


def _appendix(
    reader: CatalogueReader, schema: ReportSchema, sections: tuple[Section, ...]
) -> str | tuple[str, ...]:
    """``all``, ``highlighted`` or ``none``, or the refs listed, each checked against the catalogue."""
    if isinstance(schema.appendix, str):
        return schema.appendix
    appendix = tuple(schema.appendix)
    refs = {indicator.ref for section in sections for indicator in section.indicators}
    for index, ref in enumerate(appendix):
        if ref not in refs:
            reader.problem(
                ("report", "appendix", index),
                f"appendix names unknown ref '{ref}'",
                hint="list refs from the catalogue, or write all, highlighted or none",
            )
    return appendix


def _columns(reader: CatalogueReader, schema: ReportSchema, settings: SettingsSchema) -> tuple[str, ...]:
    """The table's columns: the catalogue's list, checked, or the layout's preset."""
    fields = tuple(settings.fields)
    if schema.columns is None:
        return preset_columns(schema.layout, fields)
    known = (*COLUMN_VOCABULARY, *fields)
    for index, column in enumerate(schema.columns):
        if column not in known:
            close = difflib.get_close_matches(column, known, n=1)
            reader.problem(
                ("report", "columns", index),
                f"unknown column '{column}'",
                hint=f"did you mean '{close[0]}'?" if close else f"use {', '.join(known)}",
            )
    return tuple(schema.columns)


def read_logo(path: Path) -> Picture | str:
    """The logo as every format embeds it, or what is wrong with the file."""
    if not path.is_file():
        return "file not found"
    try:
        with path.open("rb") as file:
            return _logo(file)
    except OSError:
        return "not a readable PNG or JPEG image"


def _logo(file: BinaryIO) -> Picture | str:
    """Checked from its header only (an image bomb is never decoded), then read from the same opening of
    the file, so that what is embedded is what was checked."""
    try:
        with Image.open(file) as image:
            kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        return "far too many pixels to be a logo"
    except (UnidentifiedImageError, OSError):
        return "not a readable PNG or JPEG image"
    media_type = LOGO_MEDIA_TYPES.get(kind or "")
    if media_type is None:
        return f"a {kind} image; use PNG or JPEG"
    if max(width, height) > MAX_LOGO_SIDE:
        return f"{width} × {height} pixels is too large"
    file.seek(0)
    return Picture(file.read(), media_type)
