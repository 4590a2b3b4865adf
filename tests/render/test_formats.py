"""The formats behind one protocol, and the assets they embed, read once by the loaders."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import docx
import pytest
from PIL import Image

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.render.formats import FORMATS, MAKE_ORDER, Reads, Sources
from scorecard_report.render.outputs import DOCUMENTS, RenderOptions, render_outputs

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_the_registry_names_every_format_once_in_the_order_the_command_line_lists_them() -> None:
    assert list(FORMATS) == ["csv", "html", "pdf", "docx", "series", "changes", "xlsx"]
    assert all(name == renderer.extension for name, renderer in FORMATS.items())
    assert sorted(MAKE_ORDER) == sorted(FORMATS)
    assert DOCUMENTS == ("html", "pdf", "docx")
    assert FORMATS["csv"].reads is Reads.REPORT  # a data export: from the model's rows, not the document


def test_a_renderer_reading_what_was_not_made_says_so() -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    with pytest.raises(RuntimeError, match=r"Reads\.DOCUMENT"):
        FORMATS["docx"].render(Sources(report))
    assert FORMATS["csv"].render(Sources(report)).startswith(b"ref,section,title,")


def test_the_logo_is_read_by_the_loader_and_no_renderer_reads_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    logo = tmp_path / "logo.jpg"  # a PNG under a .jpg name: its own header says what it is
    Image.new("RGB", (60, 20), (122, 31, 92)).save(logo, format="PNG")
    picture = logo.read_bytes()
    catalogue_path = tmp_path / "small.yaml"
    catalogue_path.write_text(
        (FIXTURES / "small.yaml").read_text(encoding="utf-8") + "report:\n  logo: logo.jpg\n", "utf-8"
    )
    catalogue = load_catalogue(catalogue_path)
    assert catalogue.report.logo == logo  # where it came from, an input of the build
    assert catalogue.report.logo_picture is not None
    assert (catalogue.report.logo_picture.data, catalogue.report.logo_picture.media_type) == (
        picture,
        "image/png",
    )
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    logo.unlink()  # from here on, nothing may need the file
    built = render_outputs(report, ("html", "docx"), RenderOptions(parallel=False))
    uri = "data:image/png;base64," + base64.b64encode(picture).decode("ascii")
    assert f'<img class="logo" src="{uri}" alt="Test Council logo">' in built["html"].decode("utf-8")
    [cover_logo, *_charts] = docx.Document(io.BytesIO(built["docx"])).inline_shapes
    assert cover_logo._inline.docPr.get("descr") == "Test Council logo"
