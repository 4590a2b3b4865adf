"""Measurements made inside one fresh process, printed as one JSON object for ``run.py``.

``phases``: the build's steps called one after another through the library, each timed with
``time.perf_counter``: imports, load, rules, charts, HTML layout, PDF write and DOCX.

``floor``: WeasyPrint alone turning a build's own HTML into the same tagged PDF, with the same fonts,
and nothing else: no loading, no rules, no charts, no templates, no fetcher. Imports are not timed.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Result = TypeVar("Result")


def _timed(phases: dict[str, float], name: str, step: Callable[[], Result]) -> Result:
    start = time.perf_counter()
    result = step()
    phases[name] = time.perf_counter() - start
    return result


def _imports() -> None:
    """Everything a full build imports, WeasyPrint, matplotlib and python-docx among them."""


def measure_phases(
    catalogue_path: Path, data: Path | None, commentary: Path | None, period: str
) -> dict[str, Any]:
    phases: dict[str, float] = {}
    _timed(phases, "imports", _imports)
    from scorecard_report.clock import produced_at
    from scorecard_report.inputs.commentary import NO_COMMENTARY
    from scorecard_report.load.catalogue import load_catalogue
    from scorecard_report.load.commentary import load_commentary
    from scorecard_report.load.periods import parse_period
    from scorecard_report.load.values import load_values
    from scorecard_report.model.build import build_report
    from scorecard_report.present.document import document_view
    from scorecard_report.render.charts import ChartSize, trend_charts
    from scorecard_report.render.docx import render_docx
    from scorecard_report.render.html import environment, package_templates, render_html
    from scorecard_report.render.pdf import render_pdf

    def load() -> tuple[Any, Any, Any]:
        catalogue = load_catalogue(catalogue_path)
        values = load_values(data or catalogue.data, catalogue)
        notes = load_commentary(commentary, catalogue)[0] if commentary else NO_COMMENTARY
        return catalogue, values, notes

    catalogue, values, notes = _timed(phases, "load", load)
    month = parse_period(period, catalogue.calendar)
    report = _timed(phases, "rules", lambda: build_report(catalogue, values, month, None, notes))
    small, large = _timed(
        phases,
        "charts",
        lambda: (
            trend_charts([row for row in report.rows if row.highlight], ChartSize.SMALL),
            trend_charts([row for row in report.rows if row.in_appendix], ChartSize.LARGE),
        ),
    )
    produced = produced_at()

    def layout() -> tuple[Any, str]:
        doc = document_view(report, small, large, final=False, produced=produced)
        return doc, render_html(doc, environment(None))

    doc, html = _timed(phases, "html", layout)
    templates = package_templates()
    _timed(phases, "pdf", lambda: render_pdf(html, (templates,), "the built-in templates"))
    _timed(phases, "docx", lambda: render_docx(doc, None, produced))
    months = len({observation.period for observation in values.observations})
    return {"phases": phases, "indicators": len(catalogue.indicators), "months": months, "html": html}


def _pages(pdf: bytes) -> int | None:
    """The page count, when pypdf (a test dependency) is installed."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure_floor(html_file: Path) -> dict[str, Any]:
    """WeasyPrint rendering ``html_file`` as render_pdf does, minus its fetcher and log checks."""
    from weasyprint import CSS, HTML

    from scorecard_report.render.html import package_templates
    from scorecard_report.render.pdf import font_faces
    from scorecard_report.render.pdf_pages import cache_page_references

    # WeasyPrint as the build runs it: with the page-reference cache, which changes no byte of the PDF.
    cache_page_references()
    html = html_file.read_text(encoding="utf-8")
    templates = package_templates()
    start = time.perf_counter()
    pdf = HTML(string=html, base_url=templates.resolve().as_uri() + "/").write_pdf(
        stylesheets=[CSS(string=font_faces(templates / "fonts"))], pdf_variant="pdf/ua-1", pdf_tags=True
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": _pages(pdf), "bytes": len(pdf)}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    phases = steps.add_parser("phases", help="time each step of one build in this process")
    phases.add_argument("--catalogue", type=Path, required=True)
    phases.add_argument("--data", type=Path)
    phases.add_argument("--commentary", type=Path)
    phases.add_argument("--period", required=True)
    phases.add_argument("--compare-html", type=Path, help="a built HTML file that should be identical")
    floor = steps.add_parser("floor", help="time WeasyPrint alone on a built HTML file")
    floor.add_argument("html", type=Path)
    return parser.parse_args()


def main() -> int:
    arguments = _arguments()
    if arguments.step == "floor":
        print(json.dumps(measure_floor(arguments.html)))
        return 0
    measured = measure_phases(arguments.catalogue, arguments.data, arguments.commentary, arguments.period)
    html = measured.pop("html")
    if arguments.compare_html is not None:
        measured["same_html"] = arguments.compare_html.read_text(encoding="utf-8") == html
    print(json.dumps(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
