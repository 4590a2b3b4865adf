"""The DOCX writer's constant-time blocks and pictures make the XML that python-docx's own calls make."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.shared import Mm
from PIL import Image

from scorecard_report.render.docx_blocks import Body, Pictures


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="png")
    return buffer.getvalue()


RED, BLUE = _png("red"), _png("blue")


def _by_python_docx() -> DocxDocument:
    document = docx.Document()
    document.add_paragraph("First")
    document.add_paragraph().add_run().add_picture(io.BytesIO(RED), width=Mm(30))
    document.add_table(rows=2, cols=3)
    document.add_paragraph().add_run().add_picture(io.BytesIO(BLUE), height=Mm(10))
    document.add_paragraph().add_run().add_picture(io.BytesIO(RED), width=Mm(20))  # the same image again
    document.add_paragraph("")
    return document


def _by_the_writer() -> DocxDocument:
    document = docx.Document()
    body, pictures = Body(document), Pictures(document.part)
    body.paragraph("First")
    pictures.add(body.paragraph().add_run(), RED, width=Mm(30))
    body.table(2, 3)
    pictures.add(body.paragraph().add_run(), BLUE, height=Mm(10))
    pictures.add(body.paragraph().add_run(), RED, width=Mm(20))
    body.paragraph("")
    return document


def _xml(document: DocxDocument) -> bytes:
    return document.element.xml.encode()


def test_the_body_is_the_same_xml() -> None:
    ours, theirs = _by_the_writer(), _by_python_docx()
    assert _xml(ours) == _xml(theirs)
    # The section properties stay last, after every block: Word reads the page set-up from there.
    assert ours.element.body[-1].tag.endswith("}sectPr")
    assert len(ours.tables) == 1
    assert [shape.width for shape in ours.inline_shapes] == [Mm(30), Mm(10) * 2, Mm(20)]


def test_pictures_get_the_same_ids_names_and_relationships() -> None:
    ours, theirs = _by_the_writer(), _by_python_docx()
    ids = [shape._inline.docPr.id for shape in ours.inline_shapes]
    assert ids == [1, 2, 3]
    assert ids == [shape._inline.docPr.id for shape in theirs.inline_shapes]
    names = sorted(str(part.partname) for part in ours.part.package.image_parts)
    assert names == ["/word/media/image1.png", "/word/media/image2.png"]  # the repeated image is stored once
    assert names == sorted(str(part.partname) for part in theirs.part.package.image_parts)
    assert {
        rel.rId: str(rel.target_part.partname) for rel in ours.part.rels.values() if "image" in rel.reltype
    } == {
        rel.rId: str(rel.target_part.partname) for rel in theirs.part.rels.values() if "image" in rel.reltype
    }


def test_numbering_carries_on_from_a_template_that_has_pictures() -> None:
    template = docx.Document()
    template.add_paragraph().add_run().add_picture(io.BytesIO(BLUE), width=Mm(5))
    pictures = Pictures(template.part)
    shape = pictures.add(Body(template).paragraph().add_run(), RED, width=Mm(5))
    assert shape._inline.docPr.id == 2
    assert sorted(str(part.partname) for part in template.part.package.image_parts) == [
        "/word/media/image1.png",
        "/word/media/image2.png",
    ]
