"""The scorecard as HTML: one Jinja template for the web page and for the PDF, run sandboxed and read only
from real files inside the template folders, and the check that the page loads and runs nothing."""

from __future__ import annotations

import importlib.resources
import os
import stat
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from types import TracebackType
from urllib.parse import unquote, urlparse

import tinycss2
from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from scorecard_report.present.document import DocumentView
from scorecard_report.problems import InputError, Problem
from scorecard_report.render.html_styles import document_css, icon_class, tone_class
from scorecard_report.render.icons import icon_uri

TEMPLATE = "scorecard.html.j2"
STYLESHEET = "scorecard.css"
# What the built-in page allows a browser to do: show its own data: pictures and inline styles, nothing else.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
SANDBOX_HINT = (
    "templates run sandboxed: they may show the document's values, but not reach into Python, change "
    "the document, read files or run commands"
)
NAME_HINT = "include, import and extend only templates in the templates folder, by their path in it"
LINK_HINT = "put the file itself in the templates folder, not a link to it"
FILE_HINT = "make it a readable, regular file in the templates folder"
# Never follow a last link, even one swapped in after the checks; never wait on a named pipe.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


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
    """Jinja, sandboxed and autoescaping; a user folder overrides any template or the stylesheet.

    The built-in templates run in the same sandbox as a council's: one code path, and it costs about
    25 ms on the example's 9.5 MB page.
    """
    folders = [*([user_templates] if user_templates else []), package_templates()]
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([FolderLoader(folder) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["tone_class"] = tone_class
    env.filters["icon_uri"] = icon_uri
    env.filters["icon_class"] = icon_class
    return env


class TemplateRefused(TemplateError):
    """A template the loader will not read. ``path`` is the refused file; ``None`` for a refused name,
    which is reported where the template asking for it names it."""

    def __init__(self, path: Path | None, message: str, hint: str) -> None:
        super().__init__(message)
        self.path, self.hint = path, hint


class FolderLoader(BaseLoader):
    """Templates from one folder, and only from regular files really inside it, as the PDF's fetcher
    serves only files inside the template folders.

    A name is a path inside the folder: an absolute one, or one with ``..``, is refused rather than looked
    up elsewhere. A symbolic link inside the folder is refused even when it points inside: what a link
    points to can change between a check and the read, and a theme never needs one. The folder itself
    may be a link. The file is opened without following a last link and checked again once open, so a
    link swapped in after the first check is refused too.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self,
        environment: Environment,  # noqa: ARG002 - Jinja's signature
        template: str,
    ) -> tuple[str, str, None]:
        parts = PurePosixPath(template).parts
        if template.startswith("/") or ".." in parts or "\0" in template:
            raise TemplateRefused(
                None,
                f"refused to read the template '{template}': a template is named by its path inside the "
                "templates folder, without '..'",
                NAME_HINT,
            )
        path = self.folder.joinpath(*parts)
        self._check_inside(path)
        try:
            handle = os.open(path, _OPEN_FLAGS)
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        except OSError as error:
            raise TemplateRefused(path, f"cannot read the template: {error.strerror}", FILE_HINT) from None
        with os.fdopen(handle, "rb") as file:
            opened = os.fstat(file.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise TemplateRefused(path, "refused to read the template: it is not a file", FILE_HINT)
            self._check_inside(path)
            if not os.path.samestat(opened, path.stat()):
                raise TemplateRefused(
                    path, "refused to read the template: it changed as it was read", LINK_HINT
                )
            data = file.read()
        try:
            return data.decode("utf-8"), str(path), None
        except UnicodeDecodeError as error:
            raise TemplateRefused(
                path,
                f"the template is not UTF-8 text ({error.reason} at byte {error.start})",
                "save it as UTF-8",
            ) from None

    def _check_inside(self, path: Path) -> None:
        """Refuse a link anywhere below the folder, and a real path outside the folder's real path."""
        below = path.relative_to(self.folder).parts
        for depth in range(len(below), 0, -1):
            link = self.folder.joinpath(*below[:depth])
            if link.is_symlink():
                what = "it is" if link == path else f"its folder {link} is"
                raise TemplateRefused(
                    path, f"refused to read the template: {what} a symbolic link", LINK_HINT
                )
        folder = self.folder.resolve()
        if not path.resolve().is_relative_to(folder):
            raise TemplateRefused(
                path, f"refused to read the template: its real path is outside {folder}", LINK_HINT
            )


def stylesheet(env: Environment) -> str:
    """The stylesheet, read through the templates' loader so that it is held to the same rules."""
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
            doc=doc, stylesheet=Markup(stylesheet(env)), page_styles=Markup(document_css(doc))
        )
    # The sandbox caps range() with OverflowError; a template's 1/0 is the template's mistake too.
    except (TemplateError, ArithmeticError) as error:
        raise InputError([_template_problem(error)]) from None


def _template_problem(error: Exception) -> Problem:
    if isinstance(error, TemplateRefused) and error.path is not None:
        return Problem(error.path, str(error), hint=error.hint)
    file, line = _where(error)
    if isinstance(error, TemplateRefused):
        return Problem(file, str(error), line=line, hint=error.hint)
    message = error.message if isinstance(error, TemplateError) else str(error)
    if isinstance(error, TemplateNotFound):
        message = f"no template '{error.name}' in the templates folder or the built-in templates"
    hint = SANDBOX_HINT if isinstance(error, SecurityError) else "fix the template in your --templates folder"
    return Problem(file, f"template error: {message}", line=line, hint=hint)


def _where(error: Exception) -> tuple[str, int | None]:
    """The template file and line an error comes from: Jinja's own, or the innermost template frame of
    the traceback, which Jinja rewrites to point at the template's line."""
    if isinstance(error, TemplateSyntaxError):
        return error.filename or error.name or TEMPLATE, error.lineno
    where: tuple[str, int | None] = (TEMPLATE, None)
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        if "__jinja_exception__" in trace.tb_frame.f_globals:
            where = (trace.tb_frame.f_code.co_filename, trace.tb_lineno)
        trace = trace.tb_next
    return where


# The elements and attributes the built-in template writes (collected from the small fixture and the
# three examples rendered to HTML), and the few more a council's theme plausibly needs. A browser acts
# on none of them by itself: what loads, runs, navigates or submits is refused by not being listed.
_ELEMENTS = frozenset(
    {
        *("html", "head", "body", "title", "meta", "style"),
        *("section", "nav", "article", "header", "footer", "main", "aside", "div", "span", "p", "br", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"),
        *("strong", "em", "b", "i", "u", "small", "sub", "sup", "abbr", "mark", "q", "blockquote"),
        *("code", "pre", "time", "address", "img", "a", "details", "summary"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
    }
)
_ANY_ELEMENT = frozenset({"class", "id", "lang", "dir", "title", "style", "role"})  # and aria-*
_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "meta": frozenset({"charset", "name", "content", "http-equiv"}),
    "div": frozenset({"tabindex"}),  # a box that scrolls a wide table takes the keyboard's focus
    "th": frozenset({"scope", "colspan", "rowspan", "headers"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "tbody": frozenset({"data-caption"}),  # the table's name on the pages it is continued on
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
}
_PICTURES = ("data:image/png;", "data:image/png,", "data:image/jpeg;", "data:image/jpeg,")
_INERT_HINT = (
    "the HTML page loads and runs nothing: a template may use only the elements and attributes the "
    "built-in template uses, and the few more a theme needs that the README lists"
)
_LOAD_HINT = (
    "the HTML page is self-contained: use data: URIs in the template, and the catalogue's report.logo for "
    "a logo; nothing is loaded from files or the network"
)
_CSS_URL_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set"}


def check_self_contained(html: str, folder: Path, template_name: str) -> None:
    """Refuse an HTML page that would load anything but a ``data:`` URI, or that a browser would act on.

    The page is one self-contained, inert file: a picture the page would load from beside the template
    would be a broken image once the page is published, a URL would be fetched by every reader's browser,
    and a script, a refresh or a form would act for whoever wrote the template.
    """
    checker = _PageChecker()
    checker.feed(html)
    checker.close()
    problems = [
        Problem(template_name, message, hint=_INERT_HINT) for message in dict.fromkeys(checker.refused)
    ]
    problems += [
        Problem(
            template_name,
            f"the HTML page would load '{url}'" + (" (no such file)" if _missing_file(url, folder) else ""),
            hint=_LOAD_HINT,
        )
        for url in dict.fromkeys(checker.urls)
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


class _PageChecker(HTMLParser):
    """Collects what the allow-list refuses and every URL from pictures and CSS, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refused: list[str] = []
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        if tag not in _ELEMENTS:
            self.refused.append(f"the HTML page has a <{tag}> element, which it may not have")
            return
        allowed = _ATTRIBUTES.get(tag, frozenset())
        for name, given in attrs:
            value = (given or "").strip()
            if name not in _ANY_ELEMENT and name not in allowed and not name.startswith("aria-"):
                self.refused.append(
                    f"the HTML page has an attribute {name} on <{tag}>, which it may not have"
                )
            elif name == "style":
                self._css(value)
            elif name == "src" and not value.lower().startswith("data:"):
                self.urls.append(value)
            elif name == "src" and not value.lower().startswith(_PICTURES):
                self.refused.append(
                    f"the HTML page has a picture that is not a PNG or JPEG data: URI: '{_shown(value)}'"
                )
            elif name == "href" and not value.startswith("#"):
                self.refused.append(
                    f"the HTML page links to '{_shown(value)}'; its links may only go to a place in the "
                    "page (#id)"
                )
            elif name == "http-equiv" and (
                value.lower() != "content-security-policy"
                or dict(attrs).get("content") != CONTENT_SECURITY_POLICY
            ):
                self.refused.append(
                    f'the HTML page has <meta http-equiv="{value}">, which it may not have; only the '
                    "built-in Content-Security-Policy is allowed"
                )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag: str) -> None:  # noqa: ARG002 - any end tag closes <style>
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        tokens = tinycss2.parse_component_value_list(css)
        self.urls += _urls_in(tokens)
        # Python's parser (before 3.13.4) ends <style> only at "</style>", a browser at "</style x>" too:
        # whatever follows would be markup to the browser and stylesheet to the check.
        if "</style" in css.lower():
            self.refused.append("the HTML page has '</style' inside a stylesheet, which it may not have")
        # An imported data: stylesheet could load what its own url()s name.
        if _imports(tokens):
            self.refused.append(
                "the HTML page has an @import in a stylesheet, which it may not have; put the rules in "
                "the stylesheet itself"
            )

    # Browsers and Python's parser disagree on where some comments and declarations end (<!-->, <![CDATA[,
    # <?...>), so markup hidden in one could run: the page may have none but its <!DOCTYPE html>.
    def handle_comment(self, data: str) -> None:  # noqa: ARG002 - any comment is refused
        self._declaration()

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self._declaration()

    def handle_pi(self, data: str) -> None:  # noqa: ARG002
        self._declaration()

    def unknown_decl(self, data: str) -> None:  # noqa: ARG002
        self._declaration()

    def _declaration(self) -> None:
        self.refused.append(
            "the HTML page has a comment or declaration (<!-- -->, <! or <?) other than <!DOCTYPE html>, "
            "which it may not have; write notes in a template as {# ... #}"
        )


def _shown(value: str, limit: int = 40) -> str:
    """A URL as a message shows it: a data: URI can be megabytes."""
    return value if len(value) <= limit else value[:limit] + "…"


def css_urls(css: str) -> list[str]:
    """The URLs in a stylesheet: ``url(...)``, ``src(...)``, ``image-set(...)`` and ``@import``."""
    return list(_urls_in(tinycss2.parse_component_value_list(css)))


def _imports(tokens: Iterable[object]) -> bool:
    """Whether CSS has an ``@import``, at any depth."""
    return any(
        (getattr(token, "type", "") == "at-keyword" and token.lower_value == "import")  # type: ignore[attr-defined]
        or _imports(getattr(token, "content", None) or getattr(token, "arguments", None) or ())
        for token in tokens
    )


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
