"""The HTML page loads and runs nothing (issue 12, point 6): what a browser acts on without a ``src`` is
refused too, by an allow-list of the elements and attributes the built-in template uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.render.html import CONTENT_SECURITY_POLICY

from .support import STEM, build_small, files_under
from .test_template_sandbox import page_template

INERT_HINT = (
    "the HTML page loads and runs nothing: a template may use only the elements and attributes the "
    "built-in template uses, and the few more a theme needs that the README lists"
)
LOAD_HINT = (
    "the HTML page is self-contained: use data: URIs in the template, and the catalogue's report.logo for "
    "a logo; nothing is loaded from files or the network"
)
EVIL = "https://evil.example/"


def errors_for(tmp_path: Path, inserted: str) -> tuple[Path, list[str]]:
    templates = page_template(tmp_path / "theme", inserted)
    run = build_small(tmp_path / "out", "--templates", templates, formats="html")
    assert (run.code, files_under(tmp_path / "out")) == (65, [])
    return templates, run.errors


@pytest.mark.parametrize(
    ("inserted", "element"),
    [
        ("<script>alert(1)</script>", "script"),
        ("<script src='data:text/javascript,alert(1)'></script>", "script"),
        ("<iframe></iframe>", "iframe"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "iframe"),
        (f'<object data="{EVIL}"></object>', "object"),
        (f'<embed src="{EVIL}">', "embed"),
        (f'<form action="{EVIL}"><p>Send</p></form>', "form"),
        (f'<button formaction="{EVIL}">Send</button>', "button"),
        (f'<base href="{EVIL}">', "base"),
        (f'<link rel="stylesheet" href="{EVIL}">', "link"),
        (f'<link rel="prefetch" href="{EVIL}">', "link"),
        (f'<svg><image href="{EVIL}"/></svg>', "svg"),
        ("<noscript><p>hello</p></noscript>", "noscript"),
    ],
)
def test_an_element_a_browser_acts_on_is_refused_naming_it(
    tmp_path: Path, inserted: str, element: str
) -> None:
    templates, errors = errors_for(tmp_path, inserted)
    assert errors[0] == (
        f"error: {templates}: the HTML page has a <{element}> element, which it may not have ({INERT_HINT})"
    )
    assert all("evil.example" not in error for error in errors[1:])


@pytest.mark.parametrize(
    ("inserted", "attribute", "element"),
    [
        ('<p onclick="alert(1)">Hello</p>', "onclick", "p"),
        ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="" onerror="alert(1)">', "onerror", "img"),
        ('<div onmouseover="alert(1)"></div>', "onmouseover", "div"),
        (f'<a href="#summary" ping="{EVIL}">Summary</a>', "ping", "a"),
        (f'<img src="data:image/png;base64,iVBORw0KGgo=" srcset="{EVIL}a.png 2x" alt="">', "srcset", "img"),
        (f'<p formaction="{EVIL}">Hello</p>', "formaction", "p"),
        (f'<p action="{EVIL}">Hello</p>', "action", "p"),
        ('<a href="#summary" target="_blank">Summary</a>', "target", "a"),
        (f'<img src="data:image/png;base64,iVBORw0KGgo=" alt="" lowsrc="{EVIL}">', "lowsrc", "img"),
    ],
)
def test_an_attribute_a_browser_acts_on_is_refused_naming_it(
    tmp_path: Path, inserted: str, attribute: str, element: str
) -> None:
    templates, errors = errors_for(tmp_path, inserted)
    assert errors == [
        f"error: {templates}: the HTML page has an attribute {attribute} on <{element}>, which it may "
        f"not have ({INERT_HINT})"
    ]


@pytest.mark.parametrize("equiv", ["refresh", "Refresh", "set-cookie", "content-security-policy"])
def test_a_meta_http_equiv_other_than_the_built_in_policy_is_refused(tmp_path: Path, equiv: str) -> None:
    templates, errors = errors_for(tmp_path, f'<meta http-equiv="{equiv}" content="0;url={EVIL}">')
    assert errors == [
        f'error: {templates}: the HTML page has <meta http-equiv="{equiv}">, which it may not have; only '
        f"the built-in Content-Security-Policy is allowed ({INERT_HINT})"
    ]


def test_a_link_out_of_the_page_is_refused(tmp_path: Path) -> None:
    templates, errors = errors_for(tmp_path, f'<a href="{EVIL}">Our website</a>')
    assert errors == [
        f"error: {templates}: the HTML page links to '{EVIL}'; its links may only go to a place in the page "
        f"(#id) ({INERT_HINT})"
    ]


@pytest.mark.parametrize(
    "uri",
    [
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ],
)
def test_a_picture_that_is_not_a_png_or_jpeg_data_uri_is_refused(tmp_path: Path, uri: str) -> None:
    templates, errors = errors_for(tmp_path, f'<img src="{uri}" alt="">')
    assert errors == [
        f"error: {templates}: the HTML page has a picture that is not a PNG or JPEG data: URI: "
        f"'{uri[:40]}…' ({INERT_HINT})"
    ]


def test_a_style_attribute_that_loads_a_url_keeps_the_existing_message(tmp_path: Path) -> None:
    templates, errors = errors_for(tmp_path, f'<p style="background: url({EVIL}a.png)">Hello</p>')
    assert errors == [f"error: {templates}: the HTML page would load '{EVIL}a.png' ({LOAD_HINT})"]


@pytest.mark.parametrize(
    "markup",
    [
        "<!--> <script>alert(1)</script> -->",
        "<!---> <img src=x onerror=alert(1)> -->",
        "<!-- a note for the next designer -->",
        "<![CDATA[ > <script>alert(1)</script> ]]>",
        "<?php echo 1 ?>",
        '<!ENTITY x "y">',
    ],
)
def test_comments_and_declarations_are_refused(tmp_path: Path, markup: str) -> None:
    # Browsers end <!--> and <!---> at once, and <![CDATA[ and <? at the first '>', so what follows runs,
    # where Python's parser (before 3.13.4) reads one comment: none of them is allowed.
    templates, errors = errors_for(tmp_path, markup)
    assert errors[0] == (
        f"error: {templates}: the HTML page has a comment or declaration (<!-- -->, <! or <?) other than "
        f"<!DOCTYPE html>, which it may not have; write notes in a template as {{# ... #}} ({INERT_HINT})"
    )


def test_a_style_element_a_browser_ends_early_is_refused(tmp_path: Path) -> None:
    # A browser ends <style> at "</style x>" and runs the script; Python 3.11's parser reads on to </style>.
    templates, errors = errors_for(
        tmp_path, "<style>p { color: #111111; }</style x><script>alert(1)</script></style>"
    )
    assert errors[0] == (
        f"error: {templates}: the HTML page has '</style' inside a stylesheet, which it may not have "
        f"({INERT_HINT})"
    )


@pytest.mark.parametrize(
    "rule",
    [
        '@import "data:text/css,body{background:url(https://evil.example/)}";',
        "@import url(data:text/css;base64,Ym9keXt9);",
    ],
)
def test_an_import_of_a_data_stylesheet_is_refused(tmp_path: Path, rule: str) -> None:
    templates, errors = errors_for(tmp_path, f"<style>{rule}</style>")
    assert errors == [
        f"error: {templates}: the HTML page has an @import in a stylesheet, which it may not have; put "
        f"the rules in the stylesheet itself ({INERT_HINT})"
    ]


def test_the_built_in_page_carries_a_content_security_policy(tmp_path: Path) -> None:
    run = build_small(tmp_path / "out", formats="pdf,html")
    assert (run.code, run.errors, run.warnings) == (0, [], [])
    html = (tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8")
    assert CONTENT_SECURITY_POLICY == (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    head = html[: html.index("</head>")]
    assert f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">' in head
    assert head.index("Content-Security-Policy") < head.index("<style>")
