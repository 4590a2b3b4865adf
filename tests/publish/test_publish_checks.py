"""Checks on built outputs before they are published: whole files of the right kind pass, cut ones fail."""

from __future__ import annotations

import io
import zlib

import docx
import pytest

from scorecard_report.publish.checks import output_problem

PAGE = b"1 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n"
PAGES_ONLY = b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"


def pdf(body: bytes) -> bytes:
    return b"%PDF-1.7\n" + body + b"trailer\n<< >>\nstartxref\n0\n%%EOF\n"


def object_stream(objects: bytes) -> bytes:
    """Objects packed in a compressed object stream, as WeasyPrint writes its pages."""
    packed = zlib.compress(objects)
    head = b"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(
        packed
    )
    return head + packed + b"\nendstream\nendobj\n"


def word_document() -> bytes:
    document = docx.Document()
    document.add_paragraph("Scorecard")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("extension", "content"),
    [
        ("pdf", pdf(PAGE)),
        ("pdf", pdf(object_stream(PAGE))),
        ("html", b"<!DOCTYPE html><html><body>Scorecard</body></html>\n"),
        ("csv", b"ref,section,title\nFD1,Front Door,Contacts\n"),
        ("docx", word_document()),
    ],
)
def test_whole_outputs_pass(extension: str, content: bytes) -> None:
    assert output_problem(extension, content) is None


@pytest.mark.parametrize(
    ("extension", "content", "problem"),
    [
        ("pdf", b"", "the file is empty"),
        ("pdf", b"<html>", "it does not start with a PDF header"),
        ("pdf", pdf(PAGE)[:-8], "it has no end-of-file marker, so it was cut short"),
        ("pdf", pdf(PAGES_ONLY), "it has no pages"),
        ("html", b"<!DOCTYPE html><html><body>Score", "it has no closing </html>, so it was cut short"),
        ("html", b"\xff</html>", "it is not UTF-8"),
        ("csv", b"title,ref\n", "it does not start with the ref column"),
    ],
)
def test_broken_outputs_fail_with_the_reason(extension: str, content: bytes, problem: str) -> None:
    assert output_problem(extension, content) == problem


def test_a_cut_word_document_fails() -> None:
    whole = word_document()
    problem = output_problem("docx", whole[: len(whole) // 2])
    assert problem is not None
    assert problem.startswith("Word cannot open it: ")
