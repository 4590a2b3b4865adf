"""Check each built output reads back as what it claims to be, before it replaces a published file."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterator

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
_STREAM_START = re.compile(rb"stream\r?\n")


def output_problem(extension: str, content: bytes) -> str | None:
    """What is wrong with ``content`` as a file of type ``extension``, or ``None`` if it is sound."""
    if not content:
        return "the file is empty"
    check = _CHECKS.get(extension)
    return check(content) if check is not None else None


def _pdf_problem(content: bytes) -> str | None:
    if not content.startswith(b"%PDF-"):
        return "it does not start with a PDF header"
    if b"%%EOF" not in content[-1024:]:
        return "it has no end-of-file marker, so it was cut short"
    if not any(_PAGE.search(part) for part in _pdf_objects(content)):
        return "it has no pages"
    return None


def _pdf_objects(content: bytes) -> Iterator[bytes]:
    """The file itself, then each compressed object stream (where WeasyPrint keeps page objects)."""
    yield content
    for marker in _OBJECT_STREAM.finditer(content):
        start = _STREAM_START.search(content, marker.end())
        if start is None:
            continue
        try:
            yield zlib.decompressobj().decompress(content[start.end() :])
        except zlib.error:
            continue


def _html_problem(content: bytes) -> str | None:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not UTF-8"
    return None if "</html>" in text[-200:].lower() else "it has no closing </html>, so it was cut short"


def _csv_problem(content: bytes) -> str | None:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "it is not UTF-8"
    return None if text.startswith("ref,") else "it does not start with the ref column"


def _docx_problem(content: bytes) -> str | None:
    import docx  # only publishes with DOCX pay for loading python-docx

    try:
        document = docx.Document(io.BytesIO(content))
    except Exception as error:  # python-docx raises many kinds for a damaged package
        return f"Word cannot open it: {error}"
    return None if document.paragraphs else "it has no paragraphs"


def _xlsx_problem(content: bytes) -> str | None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged package
        return f"Excel cannot open it: {error}"
    try:
        return None if "Summary" in workbook.sheetnames else "it has no Summary sheet"
    finally:
        workbook.close()


_CHECKS: dict[str, Callable[[bytes], str | None]] = {
    "pdf": _pdf_problem,
    "html": _html_problem,
    "csv": _csv_problem,
    "docx": _docx_problem,
    "xlsx": _xlsx_problem,
}
