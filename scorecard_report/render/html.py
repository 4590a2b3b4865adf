"""The scorecard as HTML: one Jinja template for the web page and for the PDF."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

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
