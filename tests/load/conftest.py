"""Shared helpers for the loader tests: a small catalogue and files written into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.catalogue import load_catalogue

# One indicator of every kind the values reader treats differently.
VALUES_CATALOGUE = """\
title: Values Test Scorecard
organisation: Test Council
year_start_month: 4
sections:
  - id: main
    title: Main
    indicators:
      - {ref: P1, title: A percentage, unit: percent, polarity: high}
      - {ref: P2, title: Another percentage, unit: percent, polarity: high}
      - {ref: C1, title: A count, unit: count, polarity: neutral}
      - {ref: R1, title: A rate, unit: rate, polarity: low, multiplier: 10000}
      - {ref: Q1, title: A quarterly percentage, unit: percent, polarity: high, frequency: quarterly}
      - {ref: Y1, title: An annual count, unit: count, polarity: neutral, frequency: annual}
"""


@pytest.fixture
def values_catalogue_text() -> str:
    return VALUES_CATALOGUE


@pytest.fixture
def values_catalogue(tmp_path: Path) -> Catalogue:
    path = tmp_path / "catalogue.yaml"
    path.write_text(VALUES_CATALOGUE, encoding="utf-8")
    return load_catalogue(path)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text (UTF-8) or bytes to a file in tmp_path and return its path."""

    def write(content: str | bytes, name: str = "values.csv") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write
