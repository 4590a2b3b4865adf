"""Commentary that tries to become markup, pastes control characters from Word, or is absurdly long."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from .support import (
    HOSTILE_COMMENTARY,
    STEM,
    build_small,
    files_under,
    pdf_decoded_streams,
    pdf_text,
    zip_members,
)

MARKUP = (
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    "<style>@import url(file:///etc/passwd)</style>",
    "<script>alert(1)</script>",
)
PASSWD = Path("/etc/passwd")

# Pasted from Word: null, vertical tab, form feed, a non-character, emoji, Arabic (right to left), the
# Unicode line separator and a combining accent, in the text of CF5 (line 15 of the file below).
PASTED = "Null\x00gone, vt\x0bff\x0cls\u2028end \ufffe😀 مرحبا بالعالم cafe\u0301 ok"


def _commentary(folder: Path) -> Path:
    """The hostile fixture (markup) with a CF5 text pasted from Word added to its indicators."""
    text = HOSTILE_COMMENTARY.read_text(encoding="utf-8")
    assert text.rstrip().endswith("FD8: Above the range this month.")  # indicators: is the last block
    path = folder / "commentary.yaml"
    path.write_text(text + f"  CF5: |\n    {PASTED}\n", encoding="utf-8")
    return path


def every_paragraph(path: Path) -> list[Paragraph]:
    """The Word document's paragraphs, in its tables too: an indicator's commentary is beside its chart."""
    document = docx.Document(str(path))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """PDF, HTML and DOCX of the small fixture with that commentary, and what the build said."""
    folder = tmp_path_factory.mktemp("hostile-commentary")
    run = build_small(folder / "out", "--commentary", _commentary(folder), formats="pdf,html,docx")
    assert run.code == 0, run.err
    return folder / "out", run.err


def test_markup_in_commentary_is_literal_text_in_every_document_and_nothing_is_fetched(
    built: tuple[Path, str],
) -> None:
    out, _ = built
    text = " ".join(pdf_text(out / f"{STEM}.pdf").split())
    words = "\n".join(p.text for p in every_paragraph(out / f"{STEM}.docx"))
    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    for markup in MARKUP:
        assert markup in text, markup
        assert markup in words, markup
        assert markup.replace('"', "&#34;").replace("<", "&lt;").replace(">", "&gt;") in html, markup
    assert "<script" not in html
    assert "<link" not in html
    assert "<style>@import" not in html
    reader = PdfReader(out / f"{STEM}.pdf")
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    # No bytes of the file anywhere: not in the HTML, in any decompressed PDF stream or any Word part.
    secret = PASSWD.read_bytes().splitlines()[0]
    assert secret not in html.encode("utf-8")
    assert not any(secret in stream for stream in pdf_decoded_streams(out / f"{STEM}.pdf"))
    assert not any(secret in part for part in zip_members(out / f"{STEM}.docx").values())


def test_text_pasted_from_word_is_cleaned_in_pdf_and_docx(built: tuple[Path, str]) -> None:
    out, said = built
    # \x00 and \ufffe are removed, with a warning naming the file, the line and the ref.
    assert (
        f"warning: {out.parent / 'commentary.yaml'}:15: ref CF5: removed 2 control characters "
        "(U+0000, U+FFFE) from the text" in said
    )
    # \x0b, \x0c and \u2028 are line breaks; emoji, right-to-left text and combining accents survive.
    pdf = pdf_text(out / f"{STEM}.pdf")
    assert "Nullgone, vt\nff\nls\nend" in pdf
    # (the PDF's text extractor moves the spaces around a right-to-left run, so look for each word)
    for kept in ("😀", "مرحبا", "بالعالم", unicodedata.normalize("NFC", "cafe\u0301")):
        assert kept in pdf, kept
    words = [p.text for p in every_paragraph(out / f"{STEM}.docx")]
    pasted = next(text for text in words if text.startswith("Nullgone"))
    assert pasted == "Nullgone, vt\nff\nls\nend 😀 مرحبا بالعالم cafe\u0301 ok"
    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    assert "Nullgone, vt<br>ff<br>ls<br>end" in html
    for document in (pdf, "\n".join(words), html):
        assert "\x00" not in document and "\ufffe" not in document


def _write(folder: Path, text: str) -> Path:
    path = folder / "commentary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_50000_character_paragraph_is_refused_quickly_naming_the_ref(tmp_path: Path) -> None:
    paragraph = " ".join(["word"] * 10_000)  # 49,999 characters
    commentary = _write(tmp_path, f"indicators:\n  FD8: {paragraph}s\n")
    started = time.perf_counter()
    run = build_small(tmp_path / "out", "--commentary", commentary, formats="pdf")
    assert time.perf_counter() - started < 5
    assert run.code == 65
    assert run.errors == [
        f"error: {commentary}:2: ref FD8: the text is 50,000 characters long; the limit is 20,000 "
        "(shorten it: commentary this long would not fit the report)"
    ]
    assert files_under(tmp_path / "out") == []


def test_500_nested_list_items_are_refused_quickly_naming_the_section(tmp_path: Path) -> None:
    # Nested ten deep, again and again: nesting is flattened, so these are 500 items of one list.
    bullets = "".join("    " + "  " * (n % 10) + f"- item {n}\n" for n in range(500))
    commentary = _write(tmp_path, "sections:\n  care: |\n" + bullets)
    started = time.perf_counter()
    run = build_small(tmp_path / "out", "--commentary", commentary, formats="pdf")
    assert time.perf_counter() - started < 5
    assert run.code == 65
    [error] = run.errors
    assert error.startswith(
        f"error: {commentary}:2 (section care): the text has 500 list items; the limit is 200"
    )
    assert files_under(tmp_path / "out") == []
