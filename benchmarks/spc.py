"""What statistical process control adds to a CSV build, as seconds and against WeasyPrint alone.

    python benchmarks/spc.py                # 1000x60, 5 repeats
    python benchmarks/spc.py 150x25 --repeat 3

It writes a synthetic scorecard (``synthetic.py``), loads it once, then times building the report and
its summary and series CSVs with SPC on and with SPC turned off for every indicator (``spc: false``),
each the median of ``--repeat`` runs in this process. The difference is what SPC costs. The reference
is WeasyPrint alone laying out one fixed page (the synthetic report's summary table as plain HTML) in
the same run, so the figure means the same on a faster or slower machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import parse_size, write_synthetic

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.periods import parse_period
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.render.summary_csv import render_series_csv, render_summary_csv


def median_seconds(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def without_spc(catalogue: Catalogue) -> Catalogue:
    sections = tuple(
        dataclasses.replace(
            section,
            indicators=tuple(dataclasses.replace(indicator, spc=False) for indicator in section.indicators),
        )
        for section in catalogue.sections
    )
    return dataclasses.replace(catalogue, sections=sections)


def weasyprint_page_seconds(rows: int, repeat: int) -> float:
    """WeasyPrint alone on one fixed table of ``rows`` rows: the unit the figures are given in."""
    from weasyprint import HTML

    cells = "".join(
        f"<tr><th>S{n}</th><td>{n}</td><td>{n * 2}</td><td>{n * 3}</td></tr>" for n in range(rows)
    )
    page = f"<html><body><table>{cells}</table></body></html>"
    return median_seconds(lambda: HTML(string=page).write_pdf(), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", default="1000x60")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    indicators, months = parse_size(arguments.size)
    with tempfile.TemporaryDirectory() as folder:
        made = write_synthetic(Path(folder), indicators, months)
        catalogue = load_catalogue(made.catalogue)
        values = load_values(made.data, catalogue)
        period = parse_period(made.period, catalogue.calendar)
        plain = without_spc(catalogue)

        def build(chosen: Catalogue) -> None:
            report = build_report(chosen, values, period)
            render_summary_csv(report)
            render_series_csv(report)

        with_spc = median_seconds(lambda: build(catalogue), arguments.repeat)
        no_spc = median_seconds(lambda: build(plain), arguments.repeat)
        floor = weasyprint_page_seconds(40, arguments.repeat)
    added = with_spc - no_spc
    print(f"size {indicators} x {months}, median of {arguments.repeat}")
    for label, seconds in (("off:", no_spc), ("on: ", with_spc)):
        ratio = seconds / floor
        print(
            f"report + summary CSV + series CSV, SPC {label} {seconds:.3f} s ({ratio:.1f} x WeasyPrint alone)"
        )
    print(f"SPC adds {added:.3f} s ({added / floor:.2f} x WeasyPrint alone on a 40-row page, {floor:.3f} s)")


if __name__ == "__main__":
    main()
