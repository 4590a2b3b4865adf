"""Render the chosen formats from one report model, sharing the charts and the HTML between them."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import tempfile
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scorecard_report.clock import produced_at
from scorecard_report.format.display import format_count
from scorecard_report.messages import QUIET, Progress, log
from scorecard_report.model.report import Report
from scorecard_report.present.document import DocumentView, document_view
from scorecard_report.problems import InputError, Problem
from scorecard_report.render.chart_kinds import MAX_WORKERS
from scorecard_report.render.formats import FORMATS, MAKE_ORDER, Reads, Renderer, Sources, html_page
from scorecard_report.render.workers import worker_pool

if TYPE_CHECKING:
    from scorecard_report.render.chart_cache import DrawnCharts

# The formats made from the document view, whose charts and pages grow with the report.
DOCUMENTS = tuple(name for name, renderer in FORMATS.items() if renderer.reads >= Reads.DOCUMENT)
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
    csv_bom: bool = False  # the config's ``csv_bom`` (true unless set false): a byte-order mark for Excel
    # The charts drawn so far in this run, which its editions share; None: each render draws its own.
    drawn: DrawnCharts | None = None


def chart_cache_folder(no_cache: bool, setting: Path | bool | None) -> Path | None:
    """Where charts are cached: none with --no-cache or ``cache = false``, the config's folder, or the
    user's cache folder (``_default_cache_folder``).

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
    """The user's cache folder as the system names it: ``$XDG_CACHE_HOME/scorecard-report`` (a relative
    setting ignored, as the XDG rules say), else ``~/.cache/scorecard-report`` on Linux;
    ``~/Library/Caches/scorecard-report`` on macOS; ``%LOCALAPPDATA%\\scorecard-report\\Cache`` on
    Windows. None when there is no home folder to keep it in."""
    import platformdirs

    try:
        folder = Path(platformdirs.user_cache_dir("scorecard-report", appauthor=False))
    except (RuntimeError, KeyError):  # no HOME, and a uid the password database does not know
        return None
    return folder if folder.is_absolute() else None


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


def render_outputs(
    report: Report, formats: Collection[str], options: RenderOptions, progress: Progress = QUIET
) -> dict[str, bytes]:
    """Each requested format's bytes, by file extension; ``progress`` is told each step as it starts."""
    check_document_size(report, formats)
    chosen = [FORMATS[name] for name in MAKE_ORDER if name in formats]
    sources = _sources(report, chosen, options, progress)
    aside = [r for r in chosen if r.beside in formats] if processes(options) >= 2 else []
    with contextlib.ExitStack() as stack:
        # Started first, so that the second core works on them while this one makes the rest.
        futures = _start_aside(stack, aside, sources)
        if any(renderer.reads is Reads.PAGE for renderer in chosen):
            progress.step("filling in the templates")
            sources = dataclasses.replace(sources, page=html_page(sources))
        outputs = {}
        for renderer in (r for r in chosen if r not in aside):
            progress.step(_MAKING.get(renderer.extension, f"writing the {renderer.extension} file"))
            outputs[renderer.extension] = renderer.render(sources)
        for extension, future in futures.items():
            progress.step(_FINISHING.get(extension, f"finishing the {extension} file"))
            outputs[extension] = future.result()
    return outputs


# The formats that take seconds rather than tenths: with several editions in one run, each is made in a
# worker process, so that both cores lay out documents until the last is done.
_SLOW = ("pdf", "docx")
# What each slow format costs per indicator, against the others: python-docx's work is about a fifth of
# WeasyPrint's on the example. Only the order matters (the largest first, so no core waits at the end).
_COST = {"pdf": 5, "docx": 1}


def render_editions(
    editions: Sequence[tuple[Report, Collection[str]]], options: RenderOptions, progress: Progress = QUIET
) -> list[dict[str, bytes]]:
    """Each edition's formats' bytes, as ``render_outputs`` makes them, in the editions' order.

    With two or more editions and two cores, every edition's charts and page are made here first (the
    charts drawn once for all, through ``options.drawn``), then the PDFs and Word documents of all of them
    are made by a pool of workers, the largest first, while this process writes the rest. The workers
    run the same functions on the same sources, so the bytes are the same as one edition at a time.
    """
    workers = processes(options)
    if len(editions) < 2 or workers < 2 or not any(set(formats) & set(_SLOW) for _, formats in editions):
        return [
            _one_after_another(report, formats, options, progress, first=index == 0)
            for index, (report, formats) in enumerate(editions)
        ]
    prepared = [_prepared(report, formats, options, progress) for report, formats in editions]
    progress.step(f"laying out {_documents(prepared)} in {workers} processes")
    with worker_pool(workers) as pool:
        futures = _start_slow(pool, prepared)
        return [
            _finished(chosen, sources, futures.get(index, {}))
            for index, (chosen, sources) in enumerate(prepared)
        ]


def _one_after_another(
    report: Report, formats: Collection[str], options: RenderOptions, progress: Progress, *, first: bool
) -> dict[str, bytes]:
    """The edition's formats, made in this process after what the one before it left is freed."""
    if not first:
        # A WeasyPrint layout is a web of cycles (1.4 million objects for the example) that only a full
        # collection frees; left, every collection made during the next layout walks through it again
        # (the front door after the whole scorecard: 4.0 s, not 1.5 s).
        gc.collect()
    return render_outputs(report, formats, options, progress)


def _prepared(
    report: Report, formats: Collection[str], options: RenderOptions, progress: Progress
) -> tuple[list[Renderer], Sources]:
    """The edition's chosen renderers, and its sources with the HTML page when a chosen format reads it."""
    check_document_size(report, formats)
    chosen = [FORMATS[name] for name in MAKE_ORDER if name in formats]
    sources = _sources(report, chosen, options, progress)
    if any(renderer.reads is Reads.PAGE for renderer in chosen):
        progress.step("filling in the templates")
        sources = dataclasses.replace(sources, page=html_page(sources))
    return chosen, sources


def _documents(prepared: Sequence[tuple[list[Renderer], Sources]]) -> str:
    count = sum(1 for chosen, _ in prepared for renderer in chosen if renderer.extension in _SLOW)
    return f"{format_count(count)} document{'' if count == 1 else 's'}"


def _start_slow(
    pool: ProcessPoolExecutor, prepared: Sequence[tuple[list[Renderer], Sources]]
) -> dict[int, dict[str, Future[bytes]]]:
    """Every edition's slow formats submitted to the pool, the costliest first; by edition, then format."""
    slow = [
        (index, renderer, sources)
        for index, (chosen, sources) in enumerate(prepared)
        for renderer in chosen
        if renderer.extension in _SLOW
    ]
    slow.sort(key=lambda item: -_COST[item[1].extension] * len(item[2].report.rows))
    futures: dict[int, dict[str, Future[bytes]]] = {}
    for index, renderer, sources in slow:
        futures.setdefault(index, {})[renderer.extension] = pool.submit(_render_in_worker, renderer, sources)
    return futures


def _finished(
    chosen: Sequence[Renderer], sources: Sources, slow: dict[str, Future[bytes]]
) -> dict[str, bytes]:
    """The edition's files in the order ``render_outputs`` makes them, so a fault is reported alike: the
    slow ones as their workers finish them, the rest made here."""
    return {
        renderer.extension: (
            slow[renderer.extension].result() if renderer.extension in slow else renderer.render(sources)
        )
        for renderer in chosen
    }


_rendered_before = False


def _render_in_worker(renderer: Renderer, sources: Sources) -> bytes:
    """One format, in a worker; what the worker's last document left in reference cycles freed first, as
    ``_one_after_another`` does."""
    global _rendered_before
    if _rendered_before:
        gc.collect()
    _rendered_before = True
    return renderer.render(sources)


# What the progress bar says while a format is made, and while the build waits for one written beside
# the others (the Word document, in the second process).
_MAKING = {
    "csv": "writing the summary CSV",
    "series": "writing the series CSV",
    "changes": "writing the changes CSV",
    "xlsx": "writing the Excel workbook",
    "pdf": "laying out the PDF",
    "html": "writing the web page",
    "docx": "writing the Word document",
}
_FINISHING = {"docx": "finishing the Word document"}


def _sources(
    report: Report, chosen: Sequence[Renderer], options: RenderOptions, progress: Progress
) -> Sources:
    """The report, and the document view (with its charts) only when a chosen format is made from it."""
    if not any(renderer.reads >= Reads.DOCUMENT for renderer in chosen):
        return Sources(report, csv_bom=options.csv_bom)
    produced = produced_at()
    return Sources(
        report,
        csv_bom=options.csv_bom,
        templates=options.templates,
        docx_template=options.docx_template,
        produced=produced,
        document=_document(report, options, produced, progress),
    )


def _start_aside(
    stack: contextlib.ExitStack, aside: Sequence[Renderer], sources: Sources
) -> dict[str, Future[bytes]]:
    """The renderers written beside the others, each submitted to one worker process.

    WeasyPrint keeps one core busy for most of a build; the worker runs the same function on the same
    sources, so its bytes are the same.
    """
    if not aside:
        return {}
    pool = stack.enter_context(worker_pool(1))
    return {renderer.extension: pool.submit(renderer.render, sources) for renderer in aside}


def processes(options: RenderOptions) -> int:
    """How many processes a build uses at once: the chart pool's size, and whether the DOCX is written
    beside the PDF. Two (the project's machines have two cores) unless the machine has one or
    ``options.parallel`` is off."""
    return min(MAX_WORKERS, os.cpu_count() or 1) if options.parallel else 1


def check_document_size(report: Report, formats: Collection[str]) -> None:
    """Refuse, before any chart is drawn, a PDF, HTML or DOCX scorecard with too many indicators."""
    rows = len(report.rows)
    if rows > MAX_DOCUMENT_INDICATORS and set(DOCUMENTS) & set(formats):
        raise InputError(
            [
                Problem(
                    report.source or report.name,
                    f"{format_count(rows)} indicators are too many for one document: a PDF, HTML or Word "
                    f"scorecard holds at most {format_count(MAX_DOCUMENT_INDICATORS)}",
                    hint="build the summary with --format csv, or one service-level edition per --section",
                )
            ]
        )


def _document(report: Report, options: RenderOptions, produced: str, progress: Progress) -> DocumentView:
    from scorecard_report.render.chart_cache import ChartCache, cached_trend_charts
    from scorecard_report.render.chart_kinds import ChartSize

    cache = ChartCache(options.cache) if options.cache else None
    workers = processes(options)
    highlights = [row for row in report.rows if row.highlight]
    appendix = [row for row in report.rows if row.in_appendix]
    tick = progress.count("charts", len(highlights) + len(appendix))
    drawn = options.drawn
    small = cached_trend_charts(
        highlights, ChartSize.SMALL, cache, workers=workers, on_chart=tick, drawn=drawn
    )
    large = cached_trend_charts(appendix, ChartSize.LARGE, cache, workers=workers, on_chart=tick, drawn=drawn)
    return document_view(report, small, large, final=options.final, produced=produced)
