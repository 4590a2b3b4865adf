"""Render the chosen formats from one report model, sharing the charts and the HTML between them."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scorecard_report.messages import log
from scorecard_report.model.report import Report
from scorecard_report.problems import InputError, Problem
from scorecard_report.render.chart_kinds import MAX_WORKERS
from scorecard_report.render.summary_csv import render_summary_csv
from scorecard_report.render.workers import worker_pool

if TYPE_CHECKING:
    from scorecard_report.present.view import DocumentView

# WeasyPrint, matplotlib and python-docx are imported only when a document is rendered: together
# they cost seconds at start-up, which every nightly "up to date" publish and every CSV build would pay.

FORMATS = ("csv", "html", "pdf", "docx")
DOCUMENTS = ("html", "pdf", "docx")
# A document's charts and pages grow with its rows. 1,000 is the largest scorecard the project sets out
# to build quickly (issue 7: 1,000 indicators x 60 months); beyond it a runaway build is refused before
# it exhausts the machine. The summary CSV has no limit.
MAX_DOCUMENT_INDICATORS = 1000


@dataclass(frozen=True)
class RenderOptions:
    templates: Path | None = None
    final: bool = False
    docx_template: bytes | None = None  # the council's template, checked by load_word_template
    cache: Path | None = None  # the chart cache's folder; None draws every chart afresh
    # Charts drawn by two processes, and the DOCX written beside the PDF, when the machine has two cores.
    # The bytes are the same either way; False does everything in this process, one step after another.
    parallel: bool = True


def chart_cache_folder(no_cache: bool, setting: Path | bool | None) -> Path | None:
    """Where charts are cached: none with --no-cache or ``cache = false``, the config's folder, or
    ``$XDG_CACHE_HOME/scorecard-report`` (``~/.cache/scorecard-report``).

    A build with no home folder (a service user without one, an unknown uid) or a cache folder it cannot
    write still builds: without a cache, saying so once.
    """
    if no_cache or setting is False:
        return None
    folder = setting if isinstance(setting, Path) else _default_cache_folder()
    if folder is None:
        log.warning(
            "no chart cache: there is no home folder to keep it in, so every chart is drawn afresh "
            '(set XDG_CACHE_HOME, or cache = "FOLDER" in scorecard.toml)'
        )
        return None
    problem = unwritable(folder)
    if problem is not None:
        log.warning(
            "no chart cache: %s cannot be written (%s), so every chart is drawn afresh", folder, problem
        )
        return None
    return folder


def _default_cache_folder() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():  # the XDG rule: a relative setting is ignored
        return Path(base) / "scorecard-report"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME, and a uid the password database does not know
        return None
    return home / ".cache" / "scorecard-report" if home.is_absolute() else None


def unwritable(folder: Path) -> str | None:
    """Why a file cannot be created in ``folder`` (made if need be), or ``None`` when one can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(handle)
        Path(name).unlink()
    except OSError as error:
        return error.strerror or str(error)
    return None


def produced_at() -> str:
    """When the document was made: SOURCE_DATE_EPOCH if set, so rebuilds are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def render_outputs(report: Report, formats: Sequence[str], options: RenderOptions) -> dict[str, bytes]:
    """Each requested format's bytes, by file extension."""
    check_document_size(report, formats)
    outputs: dict[str, bytes] = {}
    if "csv" in formats:
        outputs["csv"] = render_summary_csv(report)
    if {"html", "pdf", "docx"} & set(formats):
        from scorecard_report.render.html import (
            check_self_contained,
            environment,
            package_templates,
            render_html,
        )
        from scorecard_report.render.pdf import render_pdf

        produced = produced_at()
        doc = _document(report, options, produced)
        with _DocxBeside(doc, options, produced, beside="pdf" in formats and "docx" in formats) as docx:
            if {"html", "pdf"} & set(formats):
                html = render_html(doc, environment(options.templates))
                folders = (*((options.templates,) if options.templates else ()), package_templates())
                template_name = str(options.templates or "the built-in templates")
                if "pdf" in formats:
                    outputs["pdf"] = render_pdf(html, folders, template_name)
                if "html" in formats:
                    check_self_contained(html, folders[0], template_name)
                    outputs["html"] = html.encode("utf-8")
            if "docx" in formats:
                outputs["docx"] = docx.result()
    return outputs


class _DocxBeside:
    """The DOCX, written in a second process while this one lays out the PDF, when there is a core for it.

    WeasyPrint keeps one core busy for most of a build; python-docx's work, about a fifth of WeasyPrint's
    on the example, fits on the other.
    The worker runs the same function on the same document view, so its bytes are the same.
    """

    def __init__(self, doc: DocumentView, options: RenderOptions, produced: str, *, beside: bool) -> None:
        self._arguments = (doc, options.docx_template, produced)
        self._beside = beside and processes(options) >= 2
        self._pool: contextlib.ExitStack | None = None
        self._future: Future[bytes] | None = None

    def __enter__(self) -> _DocxBeside:
        if self._beside:
            from scorecard_report.render.docx import render_docx

            self._pool = contextlib.ExitStack()
            pool = self._pool.enter_context(worker_pool(1))
            self._future = pool.submit(render_docx, *self._arguments)
        return self

    def result(self) -> bytes:
        if self._future is not None:
            return self._future.result()
        from scorecard_report.render.docx import render_docx

        return render_docx(*self._arguments)

    def __exit__(self, *exc_info: Any) -> None:
        if self._pool is not None:
            self._pool.__exit__(*exc_info)


def processes(options: RenderOptions) -> int:
    """How many processes a build uses at once: the chart pool's size, and whether the DOCX is written
    beside the PDF. Two (the project's machines have two cores) unless the machine has one or
    ``options.parallel`` is off."""
    return min(MAX_WORKERS, os.cpu_count() or 1) if options.parallel else 1


def check_document_size(report: Report, formats: Sequence[str]) -> None:
    """Refuse, before any chart is drawn, a PDF, HTML or DOCX scorecard with too many indicators."""
    rows = len(report.rows)
    if rows > MAX_DOCUMENT_INDICATORS and set(DOCUMENTS) & set(formats):
        raise InputError(
            [
                Problem(
                    report.source or report.name,
                    f"{rows:,} indicators are too many for one document: a PDF, HTML or Word scorecard "
                    f"holds at most {MAX_DOCUMENT_INDICATORS:,}",
                    hint="build the summary with --format csv, or one service-level edition per --section",
                )
            ]
        )


def _document(report: Report, options: RenderOptions, produced: str) -> DocumentView:
    from scorecard_report.present.view import document_view
    from scorecard_report.render.chart_cache import ChartCache, cached_trend_charts
    from scorecard_report.render.chart_kinds import ChartSize

    cache = ChartCache(options.cache) if options.cache else None
    workers = processes(options)
    small = cached_trend_charts(
        [row for row in report.rows if row.highlight], ChartSize.SMALL, cache, workers=workers
    )
    large = cached_trend_charts(
        [row for row in report.rows if row.in_appendix], ChartSize.LARGE, cache, workers=workers
    )
    return document_view(report, small, large, final=options.final, produced=produced)
