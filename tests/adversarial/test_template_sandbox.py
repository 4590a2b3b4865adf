"""User templates that try to read files, run commands, reach Python's internals or change the document
(issue 12, point 5): each is refused with exit 65 and says where, and no file's contents reach an output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scorecard_report.render.html import (
    STYLESHEET,
    TEMPLATE,
    FolderLoader,
    TemplateRefused,
    environment,
    package_templates,
)

from .support import SMALL_CATALOGUE, SMALL_DATA, build_small, files_under, scorecard

SECRET = "MARKER-7d41c0e9-not-for-any-output"
SANDBOX_HINT = (
    "templates run sandboxed: they may show the document's values, but not reach into Python, change "
    "the document, read files or run commands"
)
NAME_HINT = "include, import and extend only templates in the templates folder, by their path in it"
LINK_HINT = "put the file itself in the templates folder, not a link to it"
BODY_LINE = next(
    number
    for number, line in enumerate(
        (package_templates() / TEMPLATE).read_text(encoding="utf-8").splitlines(), start=1
    )
    if line.startswith("<body")
)


def page_template(folder: Path, inserted: str) -> Path:
    """``folder`` with the built-in page template, ``inserted`` just after ``<body>``, on BODY_LINE."""
    folder.mkdir(exist_ok=True)
    source = (package_templates() / TEMPLATE).read_text(encoding="utf-8")
    start = source.index(">", source.index("<body")) + 1
    (folder / TEMPLATE).write_text(source[:start] + inserted + source[start:], encoding="utf-8")
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every templates folder that no output may ever contain."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def refused(tmp_path: Path, templates: Path, formats: str = "html") -> list[str]:
    """Build with ``templates``; it must fail with 65, write nothing and print no secret."""
    run = build_small(tmp_path / "out", "--templates", templates, formats=formats)
    assert (run.code, files_under(tmp_path / "out")) == (65, [])
    assert SECRET not in run.err + run.out
    assert "root:" not in run.err + run.out
    return run.errors


@pytest.mark.parametrize(
    ("expression", "unsafe"),
    [
        ("self.__init__.__globals__", "attribute '__init__' of 'TemplateReference' object"),
        ("cycler.__init__.__globals__.os.popen('id').read()", "attribute '__init__' of 'type' object"),
        ("lipsum.__globals__['os']", "attribute '__globals__' of 'function' object"),
        ("''.__class__.__mro__[1].__subclasses__()", "attribute '__class__' of 'str' object"),
        ("doc.__class__", "attribute '__class__' of 'DocumentView' object"),
        ("doc|attr('__class__')", "attribute '__class__' of 'DocumentView' object"),
        ("'{0.__class__.__mro__}'.format(doc)", "attribute '__class__' of 'DocumentView' object"),
        ("doc.sections|list|attr('append')", "attribute 'append' of 'list' object"),
        ("(doc.sections|list).append(1)", "attribute 'append' of 'list' object"),
        ("{'a': 1}.update(a=2)", "attribute 'update' of 'dict' object"),
    ],
)
def test_a_template_reaching_for_python_internals_or_changing_data_is_refused(
    tmp_path: Path, expression: str, unsafe: str
) -> None:
    templates = page_template(tmp_path / "theme", f"{{{{ {expression} }}}}")
    assert refused(tmp_path, templates) == [
        f"error: {templates / TEMPLATE}:{BODY_LINE}: template error: access to {unsafe} is unsafe. "
        f"({SANDBOX_HINT})"
    ]


def test_a_set_dictionary_cannot_be_updated_either(tmp_path: Path) -> None:
    templates = page_template(tmp_path / "theme", "{% set d = {} %}{{ d.update({'x': 1}) }}")
    assert refused(tmp_path, templates) == [
        f"error: {templates / TEMPLATE}:{BODY_LINE}: template error: access to attribute 'update' of "
        f"'dict' object is unsafe. ({SANDBOX_HINT})"
    ]


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../../../../../../../../etc/passwd", "sub/../../secret.txt", "{secret}"]
)
def test_an_include_by_absolute_name_or_climbing_out_is_refused(
    tmp_path: Path, secret: Path, name: str
) -> None:
    name = name.format(secret=secret)
    templates = page_template(tmp_path / "theme", f"{{% include '{name}' %}}")
    assert refused(tmp_path, templates) == [
        f"error: {templates / TEMPLATE}:{BODY_LINE}: refused to read the template '{name}': a template "
        f"is named by its path inside the templates folder, without '..' ({NAME_HINT})"
    ]


def test_a_stylesheet_linked_to_a_file_outside_the_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / STYLESHEET).symlink_to(secret)
    assert refused(tmp_path, templates, formats="pdf,html") == [
        f"error: {templates / STYLESHEET}: refused to read the template: it is a symbolic link ({LINK_HINT})"
    ]


def test_a_link_to_a_file_inside_the_folder_is_refused_too(tmp_path: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / "council.css").write_text("body { color: #111111; }", encoding="utf-8")
    (templates / STYLESHEET).symlink_to(templates / "council.css")
    assert refused(tmp_path, templates) == [
        f"error: {templates / STYLESHEET}: refused to read the template: it is a symbolic link ({LINK_HINT})"
    ]


def test_an_include_through_a_linked_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    templates = page_template(tmp_path / "theme", "{% include 'parts/secret.txt' %}")
    (templates / "parts").symlink_to(secret.parent, target_is_directory=True)
    assert refused(tmp_path, templates) == [
        f"error: {templates / 'parts' / 'secret.txt'}: refused to read the template: its folder "
        f"{templates / 'parts'} is a symbolic link ({LINK_HINT})"
    ]


def test_a_page_template_that_is_a_link_is_refused(tmp_path: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / TEMPLATE).symlink_to(package_templates() / TEMPLATE)
    assert refused(tmp_path, templates) == [
        f"error: {templates / TEMPLATE}: refused to read the template: it is a symbolic link ({LINK_HINT})"
    ]


def test_a_templates_folder_that_is_itself_a_link_is_followed(tmp_path: Path) -> None:
    # Only what is inside the folder must be real files: the folder may live anywhere.
    real = tmp_path / "themes" / "council"
    real.mkdir(parents=True)
    (real / STYLESHEET).write_text(
        (package_templates() / STYLESHEET).read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "theme").symlink_to(real, target_is_directory=True)
    run = build_small(tmp_path / "out", "--templates", tmp_path / "theme", formats="html")
    assert (run.code, run.errors) == (0, [])


def test_an_include_of_a_file_inside_the_folder_still_works(tmp_path: Path) -> None:
    templates = page_template(tmp_path / "theme", "{% include 'parts/banner.html' %}")
    (templates / "parts").mkdir()
    (templates / "parts" / "banner.html").write_text('<p class="banner">{{ doc.organisation }}</p>', "utf-8")
    run = build_small(tmp_path / "out", "--templates", templates, formats="html")
    assert run.code == 0, run.err
    html = (tmp_path / "out" / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    assert '<body><p class="banner">Test Council</p>' in html


def test_a_stylesheet_alone_still_overrides_the_built_in_one(tmp_path: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / STYLESHEET).write_text(
        (package_templates() / STYLESHEET).read_text(encoding="utf-8") + "\n.cover h1 { color: #123456; }\n",
        encoding="utf-8",
    )
    run = build_small(tmp_path / "out", "--templates", templates, formats="pdf,html")
    assert (run.code, run.errors) == (0, [])
    html = (tmp_path / "out" / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    assert ".cover h1 { color: #123456; }" in html


def test_a_missing_templates_folder_is_exit_66_naming_it(tmp_path: Path) -> None:
    run = build_small(tmp_path / "out", "--templates", tmp_path / "theme", formats="html")
    assert (run.code, files_under(tmp_path / "out")) == (66, [])
    assert run.errors == [
        f"error: {tmp_path / 'theme'}: templates folder not found "
        "(check the folder given with --templates or the config's templates)"
    ]


def test_a_file_given_as_the_templates_folder_is_exit_66(tmp_path: Path) -> None:
    (tmp_path / "theme.css").write_text("body { color: #111111; }", encoding="utf-8")
    run = build_small(tmp_path / "out", "--templates", tmp_path / "theme.css", formats="csv")
    assert (run.code, files_under(tmp_path / "out")) == (66, [])
    assert run.errors == [
        f"error: {tmp_path / 'theme.css'}: the templates folder is a file, not a folder "
        "(give the folder holding your scorecard.css or scorecard.html.j2 with --templates or the "
        "config's templates)"
    ]


def test_the_config_s_missing_templates_folder_is_exit_66_too(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text(
        f'catalogue = "{SMALL_CATALOGUE}"\ndata = "{SMALL_DATA}"\ntemplates = "theme"\n', encoding="utf-8"
    )
    run = scorecard("build", "--config", config, "--period", "2023-01", "--out", tmp_path / "out")
    assert (run.code, files_under(tmp_path / "out")) == (66, [])
    assert run.errors == [
        f"error: {tmp_path / 'theme'}: templates folder not found "
        "(check the folder given with --templates or the config's templates)"
    ]


def test_a_named_pipe_as_the_stylesheet_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    os.mkfifo(templates / STYLESHEET)
    assert refused(tmp_path, templates) == [
        f"error: {templates / STYLESHEET}: refused to read the template: it is not a file "
        "(make it a readable, regular file in the templates folder)"
    ]


def test_a_real_path_outside_the_folder_is_refused_even_if_no_link_is_seen(
    tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A link swapped in between the check for links and the read: the real path is checked as well.
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / STYLESHEET).symlink_to(secret)
    monkeypatch.setattr(Path, "is_symlink", lambda _path: False)
    loader = FolderLoader(tmp_path / "theme")
    with pytest.raises(TemplateRefused) as caught:
        loader.get_source(environment(tmp_path / "theme"), STYLESHEET)
    assert (caught.value.path, str(caught.value)) == (
        tmp_path / "theme" / STYLESHEET,
        f"refused to read the template: its real path is outside {(tmp_path / 'theme').resolve()}",
    )


def test_a_template_that_is_not_utf8_is_refused_naming_it(tmp_path: Path) -> None:
    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / STYLESHEET).write_bytes(b"body { font-family: \x93Gill Sans\x94; }")
    assert refused(tmp_path, templates) == [
        f"error: {templates / STYLESHEET}: the template is not UTF-8 text (invalid start byte at byte 20) "
        "(save it as UTF-8)"
    ]


def test_an_include_of_a_missing_template_names_the_line_that_asks_for_it(tmp_path: Path) -> None:
    templates = page_template(tmp_path / "theme", "{% include 'parts/banner.html' %}")
    assert refused(tmp_path, templates) == [
        f"error: {templates / TEMPLATE}:{BODY_LINE}: template error: no template 'parts/banner.html' in the "
        "templates folder or the built-in templates (fix the template in your --templates folder)"
    ]
