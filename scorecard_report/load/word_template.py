"""The council's Word template, checked when the inputs are loaded so that a template the Word document
cannot be built from fails before anything is rendered, and the renderer reads no file.

A .docx or .dotx is a zip of XML parts. Its members are measured before any is inflated (``zip_limits``).
No part may declare a document type: python-docx reads entity references without resolving them and
writes them back without their declarations, so a template with ``<!ENTITY x "...">`` and ``&x;`` in its
header or properties would become a scorecard Word cannot open.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from scorecard_report.load.zip_limits import check_zip
from scorecard_report.problems import InputError, InputMissing, Problem

WHAT = "Word template"
DOTX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
SAVE_AGAIN = "save the council template from Word as .docx or .dotx"
_OPTION = "--docx-template or the config's docx_template"


def load_word_template(path: Path) -> bytes:
    """The template at ``path`` as .docx bytes python-docx opens (a .dotx relabelled), once checked."""
    if path.is_dir():
        raise InputMissing(
            path,
            WHAT,
            f"give the .docx or .dotx file with {_OPTION}",
            message="the Word template is a folder, not a file",
        )
    if not path.is_file():
        raise InputMissing(path, WHAT, f"check the file given with {_OPTION}")
    try:
        with path.open("rb") as file:
            if not zipfile.is_zipfile(file):
                raise _refused(path, "not a Word .docx or .dotx file (it is not a zip file)")
        check_zip(path, WHAT)  # measured before anything is inflated
        raw = path.read_bytes()
    except OSError as error:
        raise InputMissing(
            path,
            WHAT,
            f"check the file given with {_OPTION} can be read",
            message=f"cannot read the Word template: {error.strerror}",
        ) from None
    parts = _parts(path, raw)
    for name, data in parts.items():
        problem = _xml_problem(name, data)
        if problem is not None:
            raise _refused(path, f"the Word template's part {name} {problem}")
    document = _as_document(parts)
    _opens(path, document)
    return document


def _parts(path: Path, raw: bytes) -> dict[str, bytes]:
    # zipfile stops a member that fails its CRC or inflates past its declared size.
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return {item.filename: archive.read(item) for item in archive.infolist()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise _refused(path, f"not a Word .docx or .dotx file ({error})") from None


def _xml_problem(name: str, data: bytes) -> str | None:
    """What is wrong with a part as XML, or ``None``; a part that is not XML (a picture) is not checked,
    unless its name says it is XML."""
    from lxml import etree  # with python-docx, only when a Word template is given

    # Entities are neither resolved nor fetched and no DTD is read: the parse only tells whether the
    # part is well-formed and whether it declares a document type.
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as error:
        return f"is not well-formed XML: {error}" if name.lower().endswith((".xml", ".rels")) else None
    info: Any = tree.docinfo  # lxml-stubs type docinfo loosely
    if info.doctype or info.internalDTD is not None:
        return (
            "has a <!DOCTYPE> or <!ENTITY> declaration, which Word documents never have: python-docx would "
            "keep its entity references unresolved and Word could not open the scorecard"
        )
    return None


def _as_document(parts: dict[str, bytes]) -> bytes:
    """A .dotx is a .docx whose main part says "template": relabel it so python-docx opens it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name == "[Content_Types].xml":
                data = data.replace(DOTX_TYPE.encode(), DOCX_TYPE.encode())
            target.writestr(name, data)
    return out.getvalue()


def _opens(path: Path, document: bytes) -> None:
    from docx import Document

    try:
        Document(io.BytesIO(document))
    except Exception as error:  # python-docx raises several types for a file that is not Word's
        raise _refused(path, f"not a Word .docx or .dotx file ({error})") from None


def _refused(path: Path, message: str) -> InputError:
    return InputError([Problem(path, message, hint=SAVE_AGAIN)])
