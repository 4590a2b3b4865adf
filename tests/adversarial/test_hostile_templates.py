"""Templates, themes and logos that reach for the network, for files outside their folder, or for nothing."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fake_files import png_claiming

from scorecard_report.render.html import TEMPLATE, package_templates

from .support import SMALL_CATALOGUE, build_small, files_under, validate

METADATA = "http://169.254.169.254/latest/meta-data/"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: nothing may be fetched."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the build tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def stylesheet(folder: Path, css: str) -> Path:
    """A --templates folder holding only a stylesheet."""
    folder.mkdir()
    (folder / "scorecard.css").write_text(css, encoding="utf-8")
    return folder


def page_template(folder: Path, inserted: str) -> Path:
    """A --templates folder holding the built-in page template with ``inserted`` at the top of the body."""
    folder.mkdir()
    source = (package_templates() / TEMPLATE).read_text(encoding="utf-8")
    assert source.count("<body") == 1
    start = source.index(">", source.index("<body")) + 1
    (folder / TEMPLATE).write_text(source[:start] + inserted + source[start:], encoding="utf-8")
    return folder


@pytest.mark.parametrize("formats", ["pdf", "html"])
def test_a_template_that_reaches_for_the_network_fails_naming_the_template_and_url(
    tmp_path: Path, formats: str
) -> None:
    templates = stylesheet(tmp_path / "theme", f'body {{ background: url("{METADATA}"); }}')
    run = build_small(tmp_path / "out", "--templates", templates, formats=formats)
    assert run.code == 65
    [error] = run.errors
    assert error.startswith(f"error: {templates}: ")
    assert METADATA in error
    assert files_under(tmp_path / "out") == []


@pytest.mark.parametrize("formats", ["pdf", "html"])
def test_a_template_that_reads_outside_its_folder_fails_naming_the_url(tmp_path: Path, formats: str) -> None:
    templates = page_template(tmp_path / "theme", '<img src="file:///etc/passwd" alt="">')
    run = build_small(tmp_path / "out", "--templates", templates, formats=formats)
    assert run.code == 65
    [error] = run.errors
    assert error.startswith(f"error: {templates}: ")
    assert "file:///etc/passwd" in error
    assert files_under(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("formats", "message"),
    [
        ("pdf", "logo.png not found (add the file to the templates folder, or remove what refers to it)"),
        ("html", "the HTML page would load 'logo.png' (no such file)"),
    ],
)
@pytest.mark.parametrize("where", ["stylesheet", "page template"])
def test_a_theme_logo_that_does_not_exist_is_an_error_never_a_blank_space(
    tmp_path: Path, formats: str, message: str, where: str
) -> None:
    if where == "stylesheet":
        templates = stylesheet(tmp_path / "theme", '.cover { background: url("logo.png"); }')
    else:
        templates = page_template(tmp_path / "theme", '<img class="logo" src="logo.png" alt="Logo">')
    run = build_small(tmp_path / "out", "--templates", templates, formats=formats)
    assert run.code == 65
    [error] = run.errors
    assert error.startswith(f"error: {templates}: ")
    assert message in error
    assert files_under(tmp_path / "out") == []


def test_the_html_page_embeds_nothing_from_the_templates_folder_even_when_the_file_exists(
    tmp_path: Path,
) -> None:
    # The published page would show a broken image: a picture for the page must be a data: URI, and
    # the council's logo is the catalogue's report.logo, which every format embeds.
    templates = page_template(tmp_path / "theme", '<img src="banner.png" alt="Banner">')
    (templates / "banner.png").write_bytes(png_claiming(10, 10))
    run = build_small(tmp_path / "out", "--templates", templates, formats="html")
    assert run.code == 65
    assert "the HTML page would load 'banner.png'" in run.err
    assert "(no such file)" not in run.err


def catalogue_with_logo(folder: Path, logo: str) -> Path:
    path = folder / "catalogue.yaml"
    path.write_text(SMALL_CATALOGUE.read_text(encoding="utf-8") + f"report:\n  logo: {logo}\n", "utf-8")
    return path


def test_a_catalogue_logo_that_does_not_exist_is_an_error_naming_its_line(tmp_path: Path) -> None:
    catalogue = catalogue_with_logo(tmp_path, "logo.png")
    line = len(catalogue.read_text(encoding="utf-8").splitlines())
    run = validate(catalogue)
    assert run.code == 65
    assert run.errors == [
        f"error: {catalogue}:{line}: logo 'logo.png': file not found "
        "(give a PNG or JPEG (at most 4,000 pixels a side) beside the catalogue)"
    ]


def test_an_image_bomb_logo_is_refused_naming_the_file(tmp_path: Path) -> None:
    # Also in tests/load/test_load_report_settings.py, at the loader; here through the command.
    (tmp_path / "bomb.png").write_bytes(png_claiming(20_000, 20_000))
    catalogue = catalogue_with_logo(tmp_path, "bomb.png")
    line = len(catalogue.read_text(encoding="utf-8").splitlines())
    run = validate(catalogue)
    assert run.code == 65
    assert run.errors == [
        f"error: {catalogue}:{line}: logo 'bomb.png': far too many pixels to be a logo "
        "(give a PNG or JPEG (at most 4,000 pixels a side) beside the catalogue)"
    ]
