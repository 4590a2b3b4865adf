"""Running ``scorecard`` in-process and reading back what it wrote, for the hostile-input suite."""

from __future__ import annotations

import contextlib
import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import StreamObject

from scorecard_report.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL_CATALOGUE = FIXTURES / "small.yaml"
SMALL_DATA = FIXTURES / "small.csv"
HOSTILE_COMMENTARY = FIXTURES / "hostile-commentary.yaml"
STEM = "small-test-scorecard-2023-01"
EPOCH = "1700000000"


@dataclass(frozen=True)
class Run:
    """One run of ``scorecard``: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("warning:")]


def scorecard(*argv: str | Path) -> Run:
    """Run ``scorecard ARGS...`` in-process, capturing stdout and stderr (usable in any fixture scope)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in argv])
    return Run(code, out.getvalue(), err.getvalue())


def build_small(out: Path, *extra: str | Path, formats: str = "pdf,html,docx,csv") -> Run:
    """Build the small fixture for January 2023 into ``out``."""
    return scorecard(
        "build",
        "--catalogue",
        SMALL_CATALOGUE,
        "--data",
        SMALL_DATA,
        "--period",
        "2023-01",
        "--format",
        formats,
        "--out",
        out,
        *extra,
    )


def validate(catalogue: Path, data: Path = SMALL_DATA, *extra: str | Path) -> Run:
    return scorecard("validate", "--catalogue", catalogue, "--data", data, *extra)


def files_under(folder: Path) -> list[str]:
    """Every file under ``folder``, hidden ones too, relative and sorted; [] when it does not exist."""
    if not folder.exists():
        return []
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader sees it, composed (NFC) so accents compare whatever the extractor does."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return unicodedata.normalize("NFC", text)


def pdf_decoded_streams(path: Path) -> list[bytes]:
    """Every stream of the PDF, decompressed: where a smuggled file's bytes would hide."""
    reader = PdfReader(path)
    streams = []
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            streams.append(obj.get_data())
    return streams


def zip_members(path: Path) -> dict[str, bytes]:
    """Every part of a Word document, decompressed."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def summary_rows(path: Path) -> dict[str, dict[str, str]]:
    """The summary CSV's rows by ref."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return {row["ref"]: row for row in csv.DictReader(file)}
