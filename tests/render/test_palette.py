"""Tones and the palette: one meaning per tone, one CSS class for the page and the palette's own colours in
Word, so a council's colours (its accent among them) reach the PDF, the HTML and the DOCX alike."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from scorecard_report.inputs.catalogue import DEFAULT_COLOURS
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Judgement, RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.present.palette import Tone, band_tone, judgement_tone, palette, status_tone
from scorecard_report.render.html_styles import TONE_CLASSES, palette_css, tone_class
from scorecard_report.render.outputs import RenderOptions, render_outputs
from scorecard_report.rules.contrast import contrast_ratio, text_colour_on

FIXTURES = Path(__file__).parent.parent / "fixtures"
COUNCIL_PURPLE = "#7a1f5c"


# ---------------------------------------------------------------- what each tone means


@pytest.mark.parametrize(
    ("status", "tone"),
    [(RagStatus.GREEN, Tone.GREEN), (RagStatus.AMBER, Tone.AMBER), (RagStatus.RED, Tone.RED)],
)
def test_a_status_has_its_own_tone(status: RagStatus, tone: Tone) -> None:
    assert status_tone(status) is tone


@pytest.mark.parametrize(
    ("key", "tone"),
    [
        ("outstanding", Tone.OUTSTANDING),
        ("good", Tone.GOOD),
        ("requires_improvement", Tone.REQUIRES_IMPROVEMENT),
        ("inadequate", Tone.INADEQUATE),
        ("excellent", None),  # a band of the council's own naming has no colour, only its word
        ("accent", None),  # not a band at all
    ],
)
def test_a_band_has_a_fill_only_where_the_palette_has_one(key: str, tone: Tone | None) -> None:
    assert band_tone(key) is tone


@pytest.mark.parametrize(
    ("judgement", "tone"),
    [
        (Judgement.IMPROVING, Tone.IMPROVING),
        (Judgement.DECLINING, Tone.DECLINING),
        (Judgement.INCREASED, Tone.NEUTRAL),
        (Judgement.DECREASED, Tone.NEUTRAL),
        (Judgement.NO_CHANGE, Tone.NEUTRAL),
        (Judgement.NONE, Tone.NEUTRAL),
    ],
)
def test_only_better_or_worse_is_coloured(judgement: Judgement, tone: Tone) -> None:
    assert judgement_tone(judgement) is tone


# ---------------------------------------------------------------- tone → CSS class and colour


def test_every_tone_has_one_css_class() -> None:
    assert set(TONE_CLASSES) == set(Tone)
    assert len(set(TONE_CLASSES.values())) == len(Tone)
    assert (tone_class(Tone.REQUIRES_IMPROVEMENT), tone_class(Tone.IMPROVING), tone_class(None)) == (
        "fill-requires-improvement",
        "improving",
        "",
    )


def test_the_palette_gives_each_tone_the_catalogues_colour_and_a_readable_text_colour() -> None:
    colours = {**DEFAULT_COLOURS, "accent": COUNCIL_PURPLE, "amber": "#ffbf47"}
    chosen = palette(colours)
    assert chosen.swatch(Tone.ACCENT).colour == COUNCIL_PURPLE
    assert chosen.swatch(Tone.ACCENT).text == "#ffffff"  # white reads on a dark purple
    assert chosen.swatch(Tone.AMBER).text == "#0b0c0c"  # black on amber
    assert chosen.swatch(Tone.GROUP).colour == "#dee0e2"  # no setting: the same grey for every council
    for tone in Tone:
        swatch = chosen.swatch(tone)
        assert contrast_ratio(swatch.colour, swatch.text) >= 4.5, tone


def test_text_colour_is_whichever_of_black_and_white_reads_better() -> None:
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert text_colour_on("#1d4f91") == "#ffffff"
    assert text_colour_on("#ffdd00") == "#0b0c0c"


def test_the_pages_css_is_generated_from_the_palette() -> None:
    css = palette_css(palette({**DEFAULT_COLOURS, "accent": COUNCIL_PURPLE, "green": "#005a30"}))
    assert ".fill-green { background-color: #005a30; color: #ffffff; }" in css
    assert ".improving .arrow { color: #00703c; }" in css
    assert f"--accent: {COUNCIL_PURPLE}; --accent-text: #ffffff;" in css


# ---------------------------------------------------------------- the council's accent in every format


def _report(tmp_path: Path, report_block: str) -> Report:
    catalogue_path = tmp_path / "small.yaml"
    catalogue_path.write_text(
        (FIXTURES / "small.yaml").read_text(encoding="utf-8") + report_block, encoding="utf-8"
    )
    catalogue = load_catalogue(catalogue_path)
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))


def _fill(cell: _Cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def _data_tables(document: DocxDocument) -> list[Table]:
    """The tables with a header row: not the layout tables that set charts side by side."""
    return [
        t for t in document.tables if t.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]


def _text_colours(cell: _Cell) -> set[str]:
    return {str(run.font.color.rgb) for paragraph in cell.paragraphs for run in paragraph.runs}


# A light accent (#ffdd00) would need dark header text, but it is refused at load: headings in it would
# be 1.34:1 on the white page (tests/load/test_load_report_settings.py).
@pytest.mark.parametrize(("accent", "text"), [(COUNCIL_PURPLE, "FFFFFF"), ("#005a30", "FFFFFF")])
def test_a_councils_accent_shades_every_word_table_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, accent: str, text: str
) -> None:
    # The Word document once shaded its headers #1d4f91 whatever the catalogue said; the PDF followed.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    report = _report(tmp_path, f'report:\n  colours: {{accent: "{accent}"}}\n')
    built = render_outputs(report, ("docx", "html"), RenderOptions(parallel=False))
    document = docx.Document(io.BytesIO(built["docx"]))
    tables = _data_tables(document)
    headers = [cell for table in tables for cell in table.rows[0].cells]
    assert headers
    assert {_fill(cell) for cell in headers} == {accent.lstrip("#").upper()}
    assert set().union(*(_text_colours(cell) for cell in headers)) == {text}
    assert f"--accent: {accent}; --accent-text: #{text.lower()};" in built["html"].decode("utf-8")


def test_the_default_accent_shades_word_headers_as_before(tmp_path: Path) -> None:
    report = _report(tmp_path, "")
    document = docx.Document(
        io.BytesIO(render_outputs(report, ("docx",), RenderOptions(parallel=False))["docx"])
    )
    assert {_fill(cell) for table in _data_tables(document) for cell in table.rows[0].cells} == {"1D4F91"}
