"""The Word template loader: what it hands the renderer, and the parts it refuses however they are saved."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fake_files import zip_claiming

from scorecard_report.load.word_template import DOCX_TYPE, DOTX_TYPE, load_word_template
from scorecard_report.problems import ExitCode, InputError

SAVE_AGAIN = "save the council template from Word as .docx or .dotx"


def saved(path: Path, replace: dict[str, bytes] | None = None, *, dotx: bool = False) -> Path:
    """A document saved by python-docx, relabelled as a .dotx when asked, some parts replaced."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = (replace or {}).get(item.filename, source.read(item.filename))
            if dotx and item.filename == "[Content_Types].xml":
                data = data.replace(DOCX_TYPE.encode(), DOTX_TYPE.encode())
            target.writestr(item, data)
    return path


def test_a_dotx_comes_back_as_docx_bytes_python_docx_opens(tmp_path: Path) -> None:
    template = saved(tmp_path / "council.dotx", dotx=True)
    assert DOTX_TYPE.encode() in zipfile.ZipFile(template).read("[Content_Types].xml")
    loaded = load_word_template(template)
    types = zipfile.ZipFile(io.BytesIO(loaded)).read("[Content_Types].xml")
    assert (DOCX_TYPE.encode() in types, DOTX_TYPE.encode() in types) == (True, False)
    assert docx.Document(io.BytesIO(loaded)).sections[0].page_width == docx.Document().sections[0].page_width


def test_a_doctype_is_found_in_a_part_saved_as_utf16(tmp_path: Path) -> None:
    # A byte search for "<!DOCTYPE" would miss it; the part is parsed as XML instead.
    part = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE Properties [<!ENTITY x "y">]><Properties>&x;</Properties>'
    )
    template = saved(tmp_path / "council.docx", {"docProps/app.xml": part.encode("utf-16")})
    with pytest.raises(InputError) as caught:
        load_word_template(template)
    [problem] = caught.value.problems
    assert (caught.value.exit_code, problem.file, problem.hint) == (ExitCode.BAD_INPUT, template, SAVE_AGAIN)
    assert problem.message.startswith(
        "the Word template's part docProps/app.xml has a <!DOCTYPE> or <!ENTITY> declaration"
    )


def test_a_part_that_inflates_past_its_declared_size_is_refused(tmp_path: Path) -> None:
    # The directory says 10 bytes: the limits pass, and zipfile stops reading at 10 and fails the CRC.
    template = zip_claiming(saved(tmp_path / "council.docx"), "word/document.xml", 10)
    with pytest.raises(InputError) as caught:
        load_word_template(template)
    [problem] = caught.value.problems
    assert problem.message == "not a Word .docx or .dotx file (Bad CRC-32 for file 'word/document.xml')"
