"""Three editions of the example built in one run against three separate runs, as seconds and against
WeasyPrint alone.

    python benchmarks/editions.py                          # pdf,html,docx,csv; each figure once
    python benchmarks/editions.py --formats html,csv --repeat 3

A config with three ``[[edition]]`` tables over the example catalogue (the whole scorecard, front-door and
children-in-care, October 2026) is built by one ``scorecard build`` and by three (``--edition NAME``
each), every build a fresh process as a user runs it, with ``SOURCE_DATE_EPOCH`` set. Three ways with
the chart cache, each from a folder of its own:

- no cache (``cache = false``): every run draws its charts; one run draws each chart once for all three;
- cold: the cache starts empty; the three separate runs share it, so the second and third find the
  charts the first drew (a first build on a new machine);
- warm: every chart is already cached (a rebuild after a commentary edit).

The reference is WeasyPrint alone laying out the three editions' own HTML as the same PDFs, in a fresh
process (``phases.py floor``), summed: the time nothing in the build can save. It also checks that the
one run's files are byte-identical to the separate runs'.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (
    EXAMPLE_PERIOD,
    HERE,
    REPOSITORY,
    SOURCE_DATE_EPOCH,
    code_revision,
    machine_line,
    run_child,
)

EDITIONS = (
    ("childrens-scorecard", ()),
    ("front-door", ("front-door",)),
    ("children-in-care", ("children-in-care",)),
)
CACHES = ("none", "cold", "warm")
CACHE_WORDS = {
    "none": "no cache (cache = false)",
    "cold": "cold cache (empty at the start, shared by the three runs)",
    "warm": "warm cache (every chart already drawn)",
}


def config_text(formats: str, cache: Path | None) -> str:
    """The benchmark's scorecard.toml: the example, the formats asked for, the cache, three editions."""
    listed = ", ".join(f'"{name}"' for name in formats.split(","))
    lines = [
        f'catalogue = "{REPOSITORY / "indicator_specs.yaml"}"',
        f"formats = [{listed}]",
        f'cache = "{cache}"' if cache is not None else "cache = false",
    ]
    for name, sections in EDITIONS:
        ids = ", ".join(f'"{section}"' for section in sections)
        lines += ["", "[[edition]]", f'name = "{name}"', f"sections = [{ids}]"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Setup:
    folder: Path
    formats: str
    timeout: float

    def config(self, cache: str) -> Path:
        """The config for one way with the cache; its cache folder emptied (cold) or left as it is."""
        folder = self.folder / cache
        charts = None if cache == "none" else folder / "charts"
        if cache == "cold" and charts is not None:
            shutil.rmtree(charts, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "scorecard.toml"
        path.write_text(config_text(self.formats, charts), encoding="utf-8")
        return path

    def build(self, config: Path, out: Path, *options: str) -> Timing:
        """One ``scorecard build`` in a fresh process: its wall time, and the processor time of it and
        its workers (which a machine shared with other work disturbs less)."""
        shutil.rmtree(out, ignore_errors=True)
        argv = [sys.executable, "-m", "scorecard_report", "build", "-q", "--config", str(config)]
        argv += ["--period", EXAMPLE_PERIOD, "--out", str(out), *options]
        environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            argv, cwd=REPOSITORY, env=environment, capture_output=True, timeout=self.timeout
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode:
            sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
            raise SystemExit(f"build {' '.join(options) or '(all editions)'}: exit {done.returncode}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Timing(wall, cpu)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # the build's and its workers' processor time, user and system

    def __add__(self, other: Timing) -> Timing:
        return Timing(self.wall + other.wall, self.cpu + other.cpu)


def one_run(setup: Setup, cache: str) -> Timing:
    config = setup.config(cache)
    return setup.build(config, setup.folder / cache / "one")


def separate_runs(setup: Setup, cache: str) -> Timing:
    config = setup.config(cache)
    out = setup.folder / cache / "separate"
    total = Timing(0.0, 0.0)
    for name, _sections in EDITIONS:
        total += setup.build(config, out / name, "--edition", name)
    return total


def same_bytes(setup: Setup, cache: str) -> bool:
    """The one run's files are those of the three separate runs, byte for byte."""
    one = setup.folder / cache / "one"
    separate = {
        path.name: path.read_bytes()
        for path in (setup.folder / cache / "separate").rglob("*")
        if path.is_file()
    }
    return {path.name: path.read_bytes() for path in one.iterdir()} == separate


def floor_seconds(setup: Setup) -> float:
    """WeasyPrint alone on each edition's HTML, in fresh processes, summed."""
    html = setup.folder / "floor"
    config = setup.config("none")
    setup.build(config, html, "--format", "html")
    total = 0.0
    for page in sorted(html.glob("*.html")):
        run = run_child(
            [sys.executable, str(HERE / "phases.py"), "floor", str(page)], REPOSITORY, setup.timeout
        )
        if run.problem:
            raise SystemExit(f"floor of {page.name}: {run.problem}")
        total += float(json.loads(run.stdout)["seconds"])
    return total


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def best(timings: list[Timing]) -> Timing:
    """The fastest: on a machine shared with other work, the run least disturbed by it."""
    return Timing(min(t.wall for t in timings), min(t.cpu for t in timings))


@dataclass(frozen=True)
class Row:
    cache: str
    one: list[Timing]
    three: list[Timing]
    same: bool

    def cells(self, floor: float) -> str:
        one, three, fast_one, fast_three = (
            median(self.one),
            median(self.three),
            best(self.one),
            best(self.three),
        )
        return " | ".join(
            (
                CACHE_WORDS[self.cache],
                f"{one.wall:.1f} ({fast_one.wall:.1f})",
                f"{three.wall:.1f} ({fast_three.wall:.1f})",
                f"{one.wall / three.wall:.2f}× ({fast_one.wall / fast_three.wall:.2f}×)",
                f"{one.wall / floor:.2f}×",
                f"{three.wall / floor:.2f}×",
                f"{one.cpu:.1f}, {three.cpu:.1f} ({one.cpu / three.cpu:.2f}×)",
                "yes" if self.same else "NO",
            )
        )


def say(what: str, timing: Timing) -> None:
    when = time.strftime("%H:%M:%S")
    print(f"{when} {what}: {timing.wall:.1f} s, processor {timing.cpu:.1f} s", file=sys.stderr, flush=True)


def measure(setup: Setup, cache: str, repeat: int) -> tuple[list[Timing], list[Timing]]:
    """The one run and the three, ``repeat`` times each, taken in turns (one first, then three first),
    so that a machine getting busier or quieter favours neither."""
    ones: list[Timing] = []
    threes: list[Timing] = []
    for turn in range(repeat):
        order = [("one run", one_run, ones), ("three runs", separate_runs, threes)]
        for what, runs, timings in order if turn % 2 == 0 else order[::-1]:
            if cache == "warm":  # every chart in the cache first: a build of every edition, not timed
                one_run(setup, "warm")
            timings.append(runs(setup, cache))
            say(f"{cache}: {what}", timings[-1])
    return ones, threes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="pdf,html,docx,csv", help="the editions' formats")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each figure; the median is shown")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one process is stopped")
    arguments = parser.parse_args()
    repeat = max(1, arguments.repeat)
    with tempfile.TemporaryDirectory(prefix="editions-benchmark-") as folder:
        setup = Setup(Path(folder), arguments.formats, arguments.timeout)
        rows = []
        for cache in CACHES:
            one, three = measure(setup, cache, repeat)
            rows.append(Row(cache, one, three, same_bytes(setup, cache)))
        floor = floor_seconds(setup)
        print(f"{time.strftime('%H:%M:%S')} floor: {floor:.1f} s", file=sys.stderr, flush=True)
    print(f"{machine_line(code_revision())}")
    print(
        f"3 editions of the example ({', '.join(name for name, _ in EDITIONS)}), {arguments.formats}, "
        f"{EXAMPLE_PERIOD}; median of {repeat} (the fastest in brackets); floor: WeasyPrint alone on the "
        f"3 editions' HTML, {floor:.1f} s"
    )
    print()
    columns = ("chart cache", "one run (s)", "three runs (s)", "one / three", "one / floor", "three / floor")
    print("| " + " | ".join((*columns, "processor: one, three (s)", "same bytes")) + " |")
    print("|---" * (len(columns) + 2) + "|")
    for row in rows:
        print(f"| {row.cells(floor)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
