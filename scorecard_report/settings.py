"""One command's settings: each option from the command line, else the config file, else its default."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.config import Config
from scorecard_report.publish.output import PUBLISHED_MODE

DEFAULT_CATALOGUE = Path("indicator_specs.yaml")
DEFAULT_OUTPUT = Path("output")
DEFAULT_FORMATS = ("pdf", "html", "docx", "csv")

# option on the command line → (the config's setting, the default without either)
_FROM_CONFIG: dict[str, tuple[str, object]] = {
    "catalogue": ("catalogue", DEFAULT_CATALOGUE),
    "data": ("data", None),
    "out": ("output", DEFAULT_OUTPUT),
    "name": ("name", None),
    "templates": ("templates", None),
    "docx_template": ("docx_template", None),
}


def with_config(arguments: argparse.Namespace, config: Config) -> argparse.Namespace:
    """``arguments`` with every option the command takes but was not given filled from ``config``."""
    merged = argparse.Namespace(**vars(arguments))
    for option, (setting, default) in _FROM_CONFIG.items():
        if hasattr(merged, option) and getattr(merged, option) is None:
            setattr(merged, option, getattr(config, setting) or default)
    if hasattr(merged, "format") and merged.format is None:
        merged.format = ",".join(config.formats or DEFAULT_FORMATS)
    if hasattr(merged, "sheet") and merged.sheet is None and arguments.data is None:
        merged.sheet = config.sheet  # the config's sheet is one of the config's data, not of --data's file
    merged.config_file = config.path
    merged.commentary_folder = config.commentary
    merged.marking = config.marking
    merged.cache_setting = config.cache
    merged.file_mode = config.file_mode if config.file_mode is not None else PUBLISHED_MODE
    return merged


def with_marking(catalogue: Catalogue, marking: str | None) -> Catalogue:
    """The catalogue with the config's protective marking in place of its ``report.marking``."""
    if marking is None:
        return catalogue
    return dataclasses.replace(catalogue, report=dataclasses.replace(catalogue.report, marking=marking))
