"""The scorecard as HTML: one Jinja template for the web page and for the PDF, and the check that the
page loads nothing from files or the network."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import tinycss2
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from scorecard_report.problems import InputError, Problem
from scorecard_report.render.view import DocumentView

TEMPLATE = "scorecard.html.j2"
STYLESHEET = "scorecard.css"


def package_templates() -> Path:
    """The templates, stylesheet and fonts shipped with the package.

    An installed wheel has them as ``scorecard_report.templates``; code imported straight from a
    source checkout (tests run in the repository) finds the checkout's top-level ``templates/``.
    """
    try:
        return Path(str(importlib.resources.files("scorecard_report.templates")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "templates"


def environment(user_templates: Path | None = None) -> Environment:
    """Jinja with autoescaping always on; a user folder overrides any template or the stylesheet."""
    folders = [*([user_templates] if user_templates else []), package_templates()]
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def stylesheet(env: Environment) -> str:
    source, _filename, _uptodate = env.loader.get_source(env, STYLESHEET)  # type: ignore[union-attr]
    return source


def render_html(doc: DocumentView, env: Environment) -> str:
    """The whole document as one self-contained HTML string (charts and logo are data: URIs)."""
    try:
        template = env.get_template(TEMPLATE)
        # The stylesheet is the project's or the user's own file, never input data, and <style>
        # content is not HTML: escaping it would break its quotes.
        # The generated rules hold only validated #rrggbb colours and strings escaped by css_string.
        return template.render(
            doc=doc, stylesheet=Markup(stylesheet(env)), page_styles=Markup(doc.colour_css)
        )
    except TemplateError as error:
        name = getattr(error, "filename", None) or getattr(error, "name", None) or TEMPLATE
        line = getattr(error, "lineno", None)
        raise InputError(
            [
                Problem(
                    name,
                    f"template error: {error.message}",
                    line=line,
                    hint="fix the template in your --templates folder",
                )
            ]
        ) from None


# Attributes through which a page loads something; an <a> or <area> href is a link, never loaded.
_LOADING_ATTRIBUTES = {"src", "srcset", "href", "xlink:href", "poster", "data", "background"}
_LINK_ELEMENTS = {"a", "area"}
_CSS_URL_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set"}


def check_self_contained(html: str, folder: Path, template_name: str) -> None:
    """Refuse an HTML page that would load anything but a ``data:`` URI: a file or the network.

    The page is one self-contained file: a picture the page would load from beside the template would
    be a broken image once the page is published, and a URL would be fetched by every reader's browser.
    """
    problems = [
        Problem(
            template_name,
            f"the HTML page would load '{url}'" + (" (no such file)" if _missing_file(url, folder) else ""),
            hint="the HTML page is self-contained: use data: URIs in the template, and the catalogue's "
            "report.logo for a logo; nothing is loaded from files or the network",
        )
        for url in dict.fromkeys(loaded_urls(html))
        if not url.strip().lower().startswith("data:")
    ]
    if problems:
        raise InputError(problems)


def _missing_file(url: str, folder: Path) -> bool:
    parsed = urlparse(url)
    if parsed.scheme not in ("", "file") or parsed.netloc:
        return False
    path = Path(unquote(parsed.path))
    return not (path if path.is_absolute() else folder / path).is_file()


def loaded_urls(html: str) -> list[str]:
    """Every URL the page would load: from loading attributes, ``style`` attributes and ``<style>``."""
    finder = _UrlFinder()
    finder.feed(html)
    finder.close()
    return finder.urls


class _UrlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        for name, value in attrs:
            if value is None or name.startswith("on"):
                continue
            if name == "style":
                self.urls += css_urls(value)
            elif name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name in _LOADING_ATTRIBUTES and not (name == "href" and tag in _LINK_ELEMENTS):
                self.urls.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag: str) -> None:  # noqa: ARG002 - any end tag closes <style>
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    """The URLs in a stylesheet: ``url(...)``, ``src(...)``, ``image-set(...)`` and ``@import``."""
    return list(_urls_in(tinycss2.parse_component_value_list(css)))


def _urls_in(tokens: Iterable[object]) -> Iterator[str]:
    importing = False
    for token in tokens:
        kind = getattr(token, "type", "")
        if kind == "url" or (kind == "string" and importing):
            yield token.value  # type: ignore[attr-defined]
        elif kind == "function":
            if token.lower_name in _CSS_URL_FUNCTIONS:  # type: ignore[attr-defined]
                arguments = token.arguments  # type: ignore[attr-defined]
                yield from (t.value for t in arguments if getattr(t, "type", "") == "string")
            yield from _urls_in(token.arguments)  # type: ignore[attr-defined]
        elif kind.endswith("block"):
            yield from _urls_in(token.content)  # type: ignore[attr-defined]
        if kind == "at-keyword":
            importing = token.lower_value == "import"  # type: ignore[attr-defined]
        elif kind not in ("whitespace", "comment"):
            importing = False
