"""The PDF and HTML read back as a reader sees them: rows, tags, safety and reproducibility."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from scorecard_report.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
EPOCH = "1700000000"


def build(tmp_path: Path, *extra: str, out: str = "out") -> int:
    return main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "small.yaml"),
            "--data",
            str(FIXTURES / "small.csv"),
            "--period",
            "2023-01",
            "--format",
            "pdf,html",
            "--out",
            str(tmp_path / out),
            "--commentary",
            str(FIXTURES / "hostile-commentary.yaml"),
            *extra,
        ]
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert build(folder) == 0
    return folder / "out"


def pdf_text(built: Path) -> str:
    reader = PdfReader(built / "small-test-scorecard-2023-01.pdf")
    return "\n".join(page.extract_text() for page in reader.pages)


def row_text(text: str, ref: str) -> str:
    """The section-table row for ``ref``: from its ref to the next row, across wrapped lines."""
    tables = text[text.index("Direction of Travel") :]
    start = re.search(rf"^{re.escape(ref)} ", tables, re.MULTILINE)
    assert start, f"{ref} has no row"
    rest = tables[start.end() :]
    end = re.search(r"^(FD1|FD8|CF5|CLA1|CLA9|012|Appendix) ", rest, re.MULTILINE)
    return " ".join(rest[: end.start() if end else None].split())


def test_rows_show_current_the_comparator_previous_year_target_and_direction(built: Path) -> None:
    text = pdf_text(built)
    # Each arrow's comparator is on the page: the monthly rows are judged against Dec 2022, so both
    # sections' tables have a Previous Period column headed Dec 2022, and the direction column says so.
    words = " ".join(text.split())
    assert words.count("Current Previous Period Dec 2022 Previous Year Jan 2022 Target") == 2, words
    assert words.count("Direction of Travel vs Dec 2022") == 2, words
    # FD8: 93.4 → 93% (above the 85-90% range, polarity high → exceeding → Green); Dec 2022 83%;
    # Jan 2022 62%; up from Dec 2022's 83 → Improving. A row without a benchmark or SPC says so with
    # the dash the key explains.
    fd8 = row_text(text, "FD8")
    assert re.search(r"93%\s*Green\s*83%\s*62%\s*85–\u2060?90%\s*81%\s*80%\s*↑\s*Improving", fd8), fd8
    # CF5: 70.5 → 71% against 73% with 5% tolerance (≥ 69.35) → Amber; down from Dec 2022's 74 → Declining;
    # no previous year.
    cf5 = row_text(text, "CF5")
    assert re.search(r"71%\s*Amber\s*74%\s*Not yet available\s*≥\s*73%\s*–\s*–\s*↓\s*Declining", cf5), cf5
    # CLA1: 145/20000 × 10,000 = 72.5 against <=70 with tolerance 2 → Red; Dec 2022 71.5; Jan 2022 70.0;
    # up → Declining.
    cla1 = row_text(text, "CLA1")
    assert re.search(r"72\.5\s*Red\s*71\.5\s*70\.0\s*≤\s*70\s*↑\s*Declining", cla1), cla1
    # CLA9 is quarterly: a January report shows Q3 2022/23 (December) 94, in the gap → Good; its
    # previous period is Q2 2022/23 (88), which its arrow names, as the heading names Dec 2022. The target
    # cell gives each band's threshold: the lower bound of 75-84, 85-93 and 95-99.
    cla9 = row_text(text, "CLA9")
    assert re.search(
        r"94%\s*Good\s*Q3 2022/23\s*88%\s*Q2 2022/23\s*90%\s*Q3 2021/22\s*"
        r"Requires improvement\s*≥\s*75%\s*Good\s*≥\s*85%\s*Outstanding\s*≥\s*95%\s*"
        r"↑\s*Improving\s*vs Q2 2022/23",
        cla9,
    ), cla9


def test_the_pdf_is_tagged_with_language_and_title(built: Path) -> None:
    reader = PdfReader(built / "small-test-scorecard-2023-01.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "Small Test Scorecard – January 2023"  # type: ignore[union-attr]
    assert bool(root["/MarkInfo"]["/Marked"])


def test_hostile_commentary_is_literal_text_and_nothing_is_attached(built: Path) -> None:
    reader = PdfReader(built / "small-test-scorecard-2023-01.pdf")
    text = pdf_text(built)
    assert '<img src="file:///etc/passwd">' in text
    assert '<link rel="attachment" href="file:///etc/passwd">' in text
    assert "<script>alert(1)</script>" in text
    assert reader.attachments == {}
    passwd = Path("/etc/passwd").read_bytes()[:40]
    for name in ("small-test-scorecard-2023-01.pdf", "small-test-scorecard-2023-01.html"):
        assert passwd not in (built / name).read_bytes()
    html = (built / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "<script>" not in html


def test_the_html_is_self_contained(built: Path) -> None:
    html = (built / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    assert "<link" not in html
    sources = re.findall(r'src="([^"]*)"', html)
    assert sources, "the highlighted indicators' charts should be embedded"
    assert all(source.startswith("data:image/png;base64,") for source in sources)
    alts = re.findall(r'<img [^>]*alt="([^"]+)"', html)
    assert any(alt.startswith("FD8 rose from 83% in Dec 2022 to 93% in Jan 2023") for alt in alts), alts


def test_every_chart_has_alt_text(built: Path) -> None:
    html = (built / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]*>", html)
    assert images
    assert all(re.search(r'alt="[^"]+"', image) for image in images)


def test_two_builds_are_byte_identical_under_source_date_epoch(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(tmp_path, out="again") == 0
    for name in ("small-test-scorecard-2023-01.pdf", "small-test-scorecard-2023-01.html"):
        assert (tmp_path / "again" / name).read_bytes() == (built / name).read_bytes(), name


def test_placeholders_show_until_final(built: Path, tmp_path: Path) -> None:
    # The care section has no commentary: a placeholder names it; --final leaves it out.
    assert "Commentary placeholder: Children in Care" in pdf_text(built)
    assert build(tmp_path, "--final", out="final") == 0
    final = "\n".join(
        p.extract_text() for p in PdfReader(tmp_path / "final" / "small-test-scorecard-2023-01.pdf").pages
    )
    assert "Commentary placeholder" not in final


def test_a_template_that_fetches_from_the_network_fails_naming_the_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "scorecard.css").write_text(
        'body { background: url("http://169.254.169.254/latest/meta-data/"); }', encoding="utf-8"
    )
    assert build(tmp_path, "--templates", str(templates)) == 65
    err = capsys.readouterr().err
    assert "refused to fetch http://169.254.169.254/latest/meta-data/" in err
    assert str(templates) in err
    assert not (tmp_path / "out").exists()


def test_a_template_that_reads_outside_its_folder_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    escape = "../" * 40 + "etc/passwd"  # more than enough to climb out of any temporary folder
    (templates / "scorecard.css").write_text(f'body {{ background: url("{escape}"); }}', encoding="utf-8")
    assert build(tmp_path, "--templates", str(templates)) == 65
    assert "refused to fetch file:///etc/passwd" in capsys.readouterr().err


def test_pdf_pages_have_running_header_and_page_numbers(built: Path) -> None:
    reader = PdfReader(built / "small-test-scorecard-2023-01.pdf")
    pages = len(reader.pages)
    second = reader.pages[1].extract_text()
    assert "Small Test Scorecard – January 2023" in second
    assert f"Page 2 of {pages}" in second
    assert "OFFICIAL" in second


def test_contents_lists_sections_with_page_numbers(built: Path) -> None:
    contents = PdfReader(built / "small-test-scorecard-2023-01.pdf").pages[1].extract_text()
    assert re.search(r"Front Door \.+ \d+", contents), contents
    assert re.search(r"Children in Care \.+ \d+", contents), contents
