"""Word templates that are missing, zip bombs, or that python-docx would turn into a DOCX Word cannot open
(issue 12, points 7 and 13): each is refused when the inputs are loaded, before anything is rendered."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fake_files import zip_claiming

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, build_small, files_under, scorecard, zip_members

MiB = 1 << 20
SAVE_AGAIN = "save the council template from Word as .docx or .dotx"


def word_file(path: Path, *, header: str = "", replace: dict[str, bytes] | None = None) -> Path:
    """A real Word document saved by python-docx (with a header when asked), some parts replaced."""
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, (replace or {}).get(item.filename, source.read(item.filename)))
    return path


def build_with(tmp_path: Path, template: Path, formats: str = "docx") -> tuple[int, list[str]]:
    run = build_small(tmp_path / "out", "--docx-template", template, formats=formats)
    return run.code, run.errors


def test_a_missing_word_template_is_exit_66_naming_the_option(tmp_path: Path) -> None:
    template = tmp_path / "council.dotx"
    assert build_with(tmp_path, template) == (
        66,
        [
            f"error: {template}: Word template not found "
            "(check the file given with --docx-template or the config's docx_template)"
        ],
    )
    assert files_under(tmp_path / "out") == []


def test_a_missing_word_template_is_exit_66_even_when_no_docx_is_built(tmp_path: Path) -> None:
    template = tmp_path / "council.dotx"
    code, _errors = build_with(tmp_path, template, formats="csv")
    assert (code, files_under(tmp_path / "out")) == (66, [])


def test_a_folder_given_as_the_word_template_is_exit_66(tmp_path: Path) -> None:
    folder = tmp_path / "council"
    folder.mkdir()
    assert build_with(tmp_path, folder) == (
        66,
        [
            f"error: {folder}: the Word template is a folder, not a file "
            "(give the .docx or .dotx file with --docx-template or the config's docx_template)"
        ],
    )
    assert files_under(tmp_path / "out") == []


def test_the_config_s_missing_word_template_is_exit_66(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text(
        f'catalogue = "{SMALL_CATALOGUE}"\ndata = "{SMALL_DATA}"\ndocx_template = "council.dotx"\n',
        encoding="utf-8",
    )
    run = scorecard("build", "--config", config, "--period", "2023-01", "--out", tmp_path / "out")
    assert (run.code, files_under(tmp_path / "out")) == (66, [])
    assert run.errors == [
        f"error: {tmp_path / 'council.dotx'}: Word template not found "
        "(check the file given with --docx-template or the config's docx_template)"
    ]


def test_a_part_declaring_100_mib_is_refused_before_anything_is_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = zip_claiming(word_file(tmp_path / "council.docx"), "word/document.xml", 100 * MiB)
    assert template.stat().st_size < 64 * 1024

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a member of the Word template was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    assert build_with(tmp_path, template, formats="pdf,docx") == (
        65,
        [
            f"error: {template}: the Word template is refused before it is opened: its part "
            "word/document.xml would inflate to 100 MiB; at most 64 MiB a part are read "
            f"({SAVE_AGAIN}; a genuine file is far smaller)"
        ],
    )
    assert files_under(tmp_path / "out") == []


def doctype(root: str, entity: str = "Wessex Vale") -> bytes:
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{declaration}<!DOCTYPE {root} [<!ENTITY x "{entity}">]>\n'.encode()


@pytest.mark.parametrize("part", ["word/header1.xml", "docProps/core.xml"])
def test_a_part_with_entity_declarations_is_refused_naming_it(tmp_path: Path, part: str) -> None:
    source = word_file(tmp_path / "plain.docx", header="Council")
    original = zip_members(source)[part].decode()
    body = original[original.index("?>") + 2 :].lstrip()
    root = body[1 : body.index(" ")]
    if part == "word/header1.xml":
        body = body.replace(">Council<", ">&x; Council<")
    else:
        body = body.replace("</cp:coreProperties>", "<dc:creator>&x;</dc:creator></cp:coreProperties>")
    assert "&x;" in body
    template = word_file(
        tmp_path / "council.docx", header="Council", replace={part: doctype(root) + body.encode()}
    )
    assert build_with(tmp_path, template, formats="pdf,docx") == (
        65,
        [
            f"error: {template}: the Word template's part {part} has a <!DOCTYPE> or <!ENTITY> declaration, "
            "which Word documents never have: python-docx would keep its entity references unresolved and "
            f"Word could not open the scorecard ({SAVE_AGAIN})"
        ],
    )
    assert files_under(tmp_path / "out") == []


def test_a_part_that_is_not_well_formed_xml_is_refused_naming_it(tmp_path: Path) -> None:
    template = word_file(
        tmp_path / "council.docx", replace={"docProps/app.xml": b"<Properties><oops></Properties>"}
    )
    code, errors = build_with(tmp_path, template)
    assert code == 65
    [error] = errors
    assert error.startswith(
        f"error: {template}: the Word template's part docProps/app.xml is not well-formed XML: "
    )
    assert error.endswith(f" ({SAVE_AGAIN})")
    assert files_under(tmp_path / "out") == []


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "council.docx"
    template.write_text("not a document", encoding="utf-8")
    assert build_with(tmp_path, template) == (
        65,
        [f"error: {template}: not a Word .docx or .dotx file (it is not a zip file) ({SAVE_AGAIN})"],
    )


def test_a_normal_template_with_a_header_still_builds(tmp_path: Path) -> None:
    template = word_file(tmp_path / "council.docx", header="Wessex Vale Council")
    run = build_small(tmp_path / "out", "--docx-template", template, formats="docx")
    assert (run.code, run.errors) == (0, [])
    document = docx.Document(str(tmp_path / "out" / f"{STEM}.docx"))
    assert document.sections[0].header.paragraphs[0].text == "Wessex Vale Council"


def test_publish_refuses_a_bad_word_template_before_it_takes_the_lock(tmp_path: Path) -> None:
    template = word_file(
        tmp_path / "council.docx", replace={"docProps/app.xml": b"<Properties>&x;</Properties>"}
    )
    out = tmp_path / "published"
    run = scorecard(
        "publish", "--catalogue", SMALL_CATALOGUE, "--data", SMALL_DATA, "--period", "2023-01",
        "--format", "csv,docx", "--out", out, "--docx-template", template,
    )  # fmt: skip
    assert (run.code, files_under(out)) == (65, [])
    [error] = run.errors
    assert error.startswith(
        f"error: {template}: the Word template's part docProps/app.xml is not well-formed XML: "
    )
