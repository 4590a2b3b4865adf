"""The first measurement for laying out the PDF in parts (issue 19): a build's final HTML laid out whole,
then split at page breaks it already has and laid out part by part, on one process and on two.

    python benchmarks/pdf_parts.py                       # the example, appendix pages 20 to a part
    python benchmarks/pdf_parts.py --sizes example,150x25 --chunk 40

Nothing here is used by a build yet: it measures what splitting costs and what a join would have to mend
before the build is changed. For each size it prints WeasyPrint alone on the whole HTML (the floor), the
parts' layouts added up (processor seconds: what splitting costs in all), the parts on two processes
(wall), the pages whole and in parts, and the links whose target is in another part (WeasyPrint drops
them, warning "No anchor"), which a join would have to make again. The parts are: the front matter (cover
to commentary), each section's table, and the appendix ``--chunk`` indicator pages at a time.
"""

from __future__ import annotations

import argparse
import gc
import io
import logging
import multiprocessing
import os
import re
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import SOURCE_DATE_EPOCH, Inputs, code_revision, machine_line, prepare_inputs

SECTION = re.compile(
    r'(?=<section class="(?:key|summary|changes|report-commentary|scorecard-section|appendix)")'
)
INDICATOR_PAGE = re.compile(r'(?=<article class="indicator-page")')
LINK = re.compile(r'href="#([^"]+)"')
ANCHOR = re.compile(r'id="([^"]+)"')


@dataclass(frozen=True)
class Layout:
    seconds: float  # processor seconds of the layout, in the process that made it
    pages: int
    dropped_links: int  # WeasyPrint's "No anchor" warnings
    peak_kib: int  # the most the process that made it has held, this layout or one before it
    pdf: bytes


def final_html(inputs: Inputs) -> str:
    """The HTML the build lays out as its PDF, made as a build makes it (the charts in two processes)."""
    from scorecard_report.api import build_report
    from scorecard_report.clock import produced_at
    from scorecard_report.present.document import document_view
    from scorecard_report.render.charts import ChartSize, trend_charts
    from scorecard_report.render.html import environment, render_html

    report = build_report(inputs.catalogue, inputs.data, period=inputs.period, commentary=inputs.commentary)
    small = trend_charts([row for row in report.rows if row.highlight], ChartSize.SMALL)
    large = trend_charts([row for row in report.rows if row.in_appendix], ChartSize.LARGE)
    view = document_view(report, small, large, final=False, produced=produced_at())
    return render_html(view, environment(None))


def split_at_page_breaks(html: str, chunk: int) -> list[str]:
    """The page as parts, each a whole HTML document with the page's head: the front matter, each
    section's table, and the appendix ``chunk`` indicator pages at a time (every one starts a page)."""
    head, rest = html.split("<body>", 1)
    before_main, main = rest.rsplit("</body>", 1)[0].split("<main>", 1)
    pieces = SECTION.split(main.rsplit("</main>", 1)[0])
    sections = [piece for piece in pieces if piece.startswith('<section class="scorecard-section"')]
    appendix = [piece for piece in pieces if piece.startswith('<section class="appendix"')]
    front = [piece for piece in pieces if piece not in sections and piece not in appendix]
    bodies = [before_main + "<main>" + "".join(front) + "</main>"]
    bodies += ["<main>" + section + "</main>" for section in sections]
    for whole in appendix:
        opening, *articles = INDICATOR_PAGE.split(whole)
        closing = ""
        if articles:
            end = articles[-1].rfind("</article>") + len("</article>")
            articles[-1], closing = articles[-1][:end], articles[-1][end:]
        # The appendix's heading and anchor open its first part only; the later parts open the section
        # bare, so that each indicator page starts a page with only what it has in the whole.
        bare = '<section class="appendix">'
        for start in range(0, len(articles), chunk):
            heading = opening if start == 0 else bare
            bodies.append("<main>" + heading + "".join(articles[start : start + chunk]) + closing + "</main>")
    return [head + "<body>" + body + "</body></html>" for body in bodies]


def links_to_other_parts(parts: list[str]) -> int:
    """The links in each part whose target is not in that part."""
    return sum(len(set(LINK.findall(part)) - set(ANCHOR.findall(part))) for part in parts)


def lay_out(html: str) -> Layout:
    """WeasyPrint alone on ``html``, as the floor in phases.py runs it."""
    from pypdf import PdfReader
    from weasyprint import CSS, HTML

    from scorecard_report.render.html import package_templates
    from scorecard_report.render.pdf import font_faces
    from scorecard_report.render.pdf_pages import cache_page_references

    cache_page_references()
    # What the worker's last part left in reference cycles, freed before this one is laid out (as the
    # build's workers do), so that the worker's peak is one part's, not the sum of the parts it made.
    gc.collect()
    dropped = _DroppedLinks()
    logging.getLogger("weasyprint").addHandler(dropped)
    templates = package_templates()
    start = time.process_time()
    pdf = HTML(string=html, base_url=templates.resolve().as_uri() + "/").write_pdf(
        stylesheets=[CSS(string=font_faces(templates / "fonts"))], pdf_variant="pdf/ua-1", pdf_tags=True
    )
    seconds = time.process_time() - start
    logging.getLogger("weasyprint").removeHandler(dropped)
    peak = _high_water_kib()
    return Layout(seconds, len(PdfReader(io.BytesIO(pdf)).pages), dropped.count, peak, pdf)


def _high_water_kib() -> int:
    """The most this process has held since it started. Not ``getrusage``: Linux keeps ``ru_maxrss``
    across ``exec``, so a spawned worker would report the parent's peak."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class _DroppedLinks(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += record.getMessage().startswith("No anchor")


def measure(size: str, chunk: int) -> list[str]:
    """One table row per figure for ``size``."""
    with tempfile.TemporaryDirectory() as folder:
        inputs = prepare_inputs(size, Path(folder))
        html = final_html(inputs)
    parts = split_at_page_breaks(html, chunk)
    # Fresh processes (spawned, not forked), so that a peak is the layout's own, not this process's too.
    fresh = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=fresh) as alone:
        whole = alone.submit(lay_out, html).result()
    start = time.perf_counter()
    largest_first = sorted(parts, key=len, reverse=True)
    with ProcessPoolExecutor(2, mp_context=fresh) as pool:
        layouts = list(pool.map(lay_out, largest_first))
    in_order = sorted(range(len(parts)), key=lambda index: -len(parts[index]))
    by_part = dict(zip(in_order, layouts, strict=True))
    joined = join_seconds([by_part[index].pdf for index in range(len(parts))])
    wall = time.perf_counter() - start
    added = sum(layout.seconds for layout in layouts)
    # Each worker's own peak, at most two at once: the most the two can have held together.
    two_peak = sum(sorted((layout.peak_kib for layout in layouts), reverse=True)[:2])
    return [
        f"| {size} | {len(parts)} | {whole.seconds:.1f} | {added:.1f} ({added / whole.seconds:.2f}×) "
        f"| {wall:.1f} ({wall / whole.seconds:.2f}×) | {whole.pages} | {sum(p.pages for p in layouts)} "
        f"| {links_to_other_parts(parts)} | {sum(p.dropped_links for p in layouts)} "
        f"| {whole.peak_kib / 1024:,.0f} | {two_peak / 1024:,.0f} | {joined:.2f} |"
    ]


def join_seconds(parts: list[bytes]) -> float:
    """Processor seconds to join the parts' PDFs into one with pikepdf, and save it: the pages, the
    structure trees under one Document (each part's parent-tree keys shifted past the parts before it)
    and the named destinations. A lower bound on a real join, which must also build the outline, stamp
    the page numbers and merge the fonts; nothing checks what it makes."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    start = time.process_time()
    joined = pikepdf.new()
    kids, parents, destinations, offset = Array(), Array(), [], 0
    for data in parts:
        part = pikepdf.open(io.BytesIO(data))
        tree = part.Root.StructTreeRoot
        offset = _shift_parent_keys(part, offset, tree.ParentTree.Nums, parents, joined)
        with warnings.catch_warnings():  # that pages.extend drops named destinations: made again below
            warnings.simplefilter("ignore")
            joined.pages.extend(part.pages)
        document = tree.K[0] if isinstance(tree.K, Array) else tree.K
        kids.extend(_copied(joined, kid) for kid in document.K)
        names = part.Root.Names.Dests.get("/Names", Array())
        destinations += [(str(names[i]), _copied(joined, names[i + 1])) for i in range(0, len(names), 2)]
    document = joined.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=kids))
    for kid in kids:
        if isinstance(kid, Dictionary):
            kid.P = document
    tree = Dictionary(Type=Name.StructTreeRoot, K=document, ParentTree=Dictionary(Nums=parents))
    joined.Root.StructTreeRoot = joined.make_indirect(tree)
    named = Array()
    for name, destination in sorted(destinations, key=lambda item: item[0]):
        named.extend((pikepdf.String(name), destination))
    joined.Root.Names = Dictionary(Dests=Dictionary(Names=named))
    joined.save(io.BytesIO(), deterministic_id=True)
    return time.process_time() - start


def _shift_parent_keys(part: Any, offset: int, keys: Any, parents: Any, joined: Any) -> int:
    """The part's pages', links' and parent tree's keys moved past ``offset``; the next part's offset."""
    for page in part.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    top = -1
    for index in range(0, len(keys), 2):
        top = max(top, int(keys[index]))
        parents.extend((int(keys[index]) + offset, _copied(joined, keys[index + 1])))
    return offset + top + 1


def _copied(joined: Any, value: Any) -> Any:
    """``value`` in the joined file: indirect objects copied (once each), direct arrays item by item."""
    import pikepdf

    if isinstance(value, pikepdf.Array) and not value.is_indirect:
        return pikepdf.Array([_copied(joined, item) for item in value])
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return joined.copy_foreign(value)
    return value


def main() -> int:
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="example", help="example and INDICATORSxMONTHS, comma-separated")
    parser.add_argument("--chunk", type=int, default=20, help="appendix indicator pages to a part")
    arguments = parser.parse_args()
    lines = [
        machine_line(code_revision()),
        f"appendix pages {arguments.chunk} to a part; processor seconds for layouts, wall for two processes",
        "",
        "| size | parts | whole (s) | parts added up (s) | parts on two processes (s) | pages whole "
        "| pages in parts | links to another part | links dropped | peak, whole (MiB) "
        "| peak, two processes at most (MiB) | join, lower bound (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in arguments.sizes.split(","):
        lines += measure(size, arguments.chunk)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
