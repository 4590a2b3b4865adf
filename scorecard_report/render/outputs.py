"""Render the chosen formats from one report model, sharing the charts and the HTML between them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scorecard_report.model.report import Report
from scorecard_report.render.summary_csv import render_summary_csv

if TYPE_CHECKING:
    from scorecard_report.render.view import DocumentView

# WeasyPrint, matplotlib and python-docx are imported only when a document is rendered: together
# they cost seconds at start-up, which every nightly "up to date" publish and every CSV build would pay.

FORMATS = ("csv", "html", "pdf", "docx")


@dataclass(frozen=True)
class RenderOptions:
    templates: Path | None = None
    final: bool = False
    docx_template: Path | None = None


def produced_at() -> str:
    """When the document was made: SOURCE_DATE_EPOCH if set, so rebuilds are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def render_outputs(report: Report, formats: Sequence[str], options: RenderOptions) -> dict[str, bytes]:
    """Each requested format's bytes, by file extension."""
    outputs: dict[str, bytes] = {}
    if "csv" in formats:
        outputs["csv"] = render_summary_csv(report)
    if {"html", "pdf", "docx"} & set(formats):
        from scorecard_report.render.docx import render_docx
        from scorecard_report.render.html import environment, package_templates, render_html
        from scorecard_report.render.pdf import render_pdf

        produced = produced_at()
        doc = _document(report, options, produced)
        if {"html", "pdf"} & set(formats):
            html = render_html(doc, environment(options.templates))
            if "html" in formats:
                outputs["html"] = html.encode("utf-8")
            if "pdf" in formats:
                folders = (*((options.templates,) if options.templates else ()), package_templates())
                outputs["pdf"] = render_pdf(html, folders, str(options.templates or "the built-in templates"))
        if "docx" in formats:
            outputs["docx"] = render_docx(doc, options.docx_template, produced)
    return outputs


def _document(report: Report, options: RenderOptions, produced: str) -> DocumentView:
    from scorecard_report.render.charts import ChartSize, trend_charts
    from scorecard_report.render.view import document_view

    small = trend_charts([row for row in report.rows if row.highlight], ChartSize.SMALL)
    large = trend_charts([row for row in report.rows if row.in_appendix], ChartSize.LARGE)
    return document_view(report, small, large, final=options.final, produced=produced)
