"""Time full builds, their phases and WeasyPrint's floor for the example and synthetic scorecards.

    python benchmarks/run.py [--sizes example,150x25,500x36,1000x60] [--repeat 1] [--timeout 600]
                             [--out FILE.md]

Prints one Markdown table (one column per size) and the machine it ran on; see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from synthetic import parse_size, write_synthetic

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
PHASES_SCRIPT = HERE / "phases.py"
DEFAULT_SIZES = "example,150x25,500x36,1000x60"
EXAMPLE = "example"
EXAMPLE_PERIOD = "2026-10"
# 2026-11-03 02:15:04 UTC: every build stamps the same time, so the build's HTML is byte-identical to
# the HTML the phases measurement lays out, and WeasyPrint's floor is timed on exactly what it produced.
SOURCE_DATE_EPOCH = "1793672104"
ALL = "pdf,html,docx,csv"
# The last build reuses the chart cache the one before it filled: a rebuild after a commentary edit.
BUILDS = (("pdf", "pdf"), ("html", "html"), ("docx", "docx"), ("csv", "csv"), ("all", ALL), ("cached", ALL))
PHASES = ("imports", "load", "rules", "charts", "html", "pdf", "docx")


# ---------------------------------------------------------------- one measured child process


@dataclass(frozen=True)
class ChildRun:
    """One fresh process: its wall time and peak memory, or why it has none."""

    seconds: float
    peak_kib: int
    group_peak_kib: int  # the most its processes held at once, sampled: see ``GroupMemory``
    exit_code: int | None  # None: killed at the time limit
    stdout: str
    stderr: str

    @property
    def problem(self) -> str | None:
        if self.exit_code is None:
            return "timed out"
        return f"failed (exit {self.exit_code})" if self.exit_code else None


def run_child(argv: Sequence[str], cwd: Path, timeout: float) -> ChildRun:
    """Run ``argv`` in its own process group, timed by the wall clock from start to reaping.

    The peak memory is ``ru_maxrss`` from ``wait4`` for this child alone: the largest resident set of
    the child or of any process it waited for (its chart workers), as ``/usr/bin/time -f %M`` reports.
    """
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(argv), cwd=cwd, env=environment, stdout=out, stderr=err, start_new_session=True
        )
        memory = GroupMemory(process.pid)
        reaped: list[tuple[int, int, os.struct_rusage, float]] = []
        waiter = threading.Thread(
            target=lambda: reaped.append((*os.wait4(process.pid, 0), time.perf_counter()))
        )
        waiter.start()
        waiter.join(timeout)
        timed_out = waiter.is_alive()
        if timed_out:
            os.killpg(process.pid, signal.SIGKILL)
            waiter.join()
        _pid, status, usage, end = reaped[0]
        group_peak = memory.stop()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait
        out.seek(0)
        err.seek(0)
        return ChildRun(
            seconds=end - start,
            peak_kib=usage.ru_maxrss,
            group_peak_kib=group_peak,
            exit_code=None if timed_out else process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


class GroupMemory:
    """The largest total memory of a process group, sampled every quarter second from /proc.

    A build runs more than one process at a time (chart workers, then the DOCX beside the PDF), so its
    largest single process understates what the machine needs. Each process counts its proportional
    set size (Pss): pages it shares with its parent after fork are split between them, not counted twice.
    """

    def __init__(self, group: int) -> None:
        self.group, self.peak_kib = group, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            self.peak_kib = max(self.peak_kib, sum(map(_pss_kib, _group_members(self.group))))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_kib


def _group_members(group: int) -> list[str]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii")
            except OSError:
                continue
            # Fields after the command name (which may hold spaces) start at its closing bracket.
            if int(stat[stat.rindex(")") + 2 :].split()[2]) == group:
                members.append(entry.name)
    return members


def _pss_kib(pid: str) -> int:
    found = _first_line(f"/proc/{pid}/smaps_rollup", "Pss:")
    return int(found.split()[0]) if found else 0


# ---------------------------------------------------------------- cells of the table


@dataclass(frozen=True)
class Cell:
    """A measured figure, or a word saying why there is none."""

    value: float | None = None
    note: str = "–"

    def text(self, shown: Callable[[float], str]) -> str:
        return shown(self.value) if self.value is not None else self.note


def seconds_text(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def mib_text(kib: float) -> str:
    return f"{kib / 1024:,.0f}"


def ratio_text(value: float) -> str:
    return f"{value:.2f}×"


def whole_text(value: float) -> str:
    return f"{value:,.0f}"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    shown: Callable[[float], str]


ROWS = (
    Row("pages", "PDF pages", whole_text),
    Row("build:pdf", "full build, PDF (s)", seconds_text),
    Row("build:html", "full build, HTML (s)", seconds_text),
    Row("build:docx", "full build, DOCX (s)", seconds_text),
    Row("build:csv", "full build, CSV (s)", seconds_text),
    Row("build:all", "full build, all four (s)", seconds_text),
    Row("build:cached", "the same again, charts cached (s)", seconds_text),
    Row("peak:all", "peak memory, all four, largest process (MiB)", mib_text),
    Row("group:all", "peak memory, all four, its processes together (MiB)", mib_text),
    Row("phase:imports", "phase: imports (s)", seconds_text),
    Row("phase:load", "phase: load (s)", seconds_text),
    Row("phase:rules", "phase: rules (s)", seconds_text),
    Row("phase:charts", "phase: charts (s)", seconds_text),
    Row("phase:html", "phase: HTML layout (s)", seconds_text),
    Row("phase:pdf", "phase: PDF write (s)", seconds_text),
    Row("phase:docx", "phase: DOCX (s)", seconds_text),
    Row("floor", "**floor**: WeasyPrint alone (s)", seconds_text),
    Row("peak:floor", "peak memory, floor (MiB)", mib_text),
    Row("ratio", "**PDF build / floor**", ratio_text),
    Row("build:all/floor", "**all four / floor**", ratio_text),
    Row("build:cached/floor", "**charts cached / floor**", ratio_text),
)


def combined(
    runs: list[ChildRun], value: Callable[[ChildRun], float], many: Callable[[list[float]], float]
) -> Cell:
    """The median (or maximum) over repeats; the first problem if any repeat had one."""
    for run in runs:
        if run.problem:
            return Cell(note=run.problem)
    return Cell(many([value(run) for run in runs]))


# ---------------------------------------------------------------- one size


@dataclass(frozen=True)
class Inputs:
    catalogue: Path
    data: Path
    commentary: Path | None
    period: str


@dataclass(frozen=True)
class Options:
    repeat: int
    timeout: float


def prepare_inputs(size: str, folder: Path) -> Inputs:
    """The example catalogue and its data, or a synthetic scorecard written into ``folder``."""
    if size == EXAMPLE:
        return Inputs(
            REPOSITORY / "indicator_specs.yaml",
            REPOSITORY / "examples" / "childrens-services" / "values.csv",
            None,
            EXAMPLE_PERIOD,
        )
    made = write_synthetic(folder / "inputs", *parse_size(size))
    return Inputs(made.catalogue, made.data, made.commentary, made.period)


def input_options(inputs: Inputs) -> list[str]:
    options = ["--catalogue", str(inputs.catalogue), "--data", str(inputs.data), "--period", inputs.period]
    return options + (["--commentary", str(inputs.commentary)] if inputs.commentary else [])


def say(size: str, what: str, cell: Cell, shown: Callable[[float], str] = seconds_text) -> None:
    """Progress on stderr, with the time of day to compare with anything else the machine was doing."""
    print(f"{time.strftime('%H:%M:%S')} {size}: {what}: {cell.text(shown)}", file=sys.stderr, flush=True)


class SizeMeasurement:
    """Every figure for one size: builds in fresh processes, then the phases, then the floor."""

    def __init__(self, size: str, folder: Path, options: Options) -> None:
        self.size, self.folder, self.options = size, folder, options
        self.inputs = prepare_inputs(size, folder)
        self.cells: dict[str, Cell] = {}
        self.html_file: Path | None = None
        self.dimensions = "" if size == EXAMPLE else "{} × {}".format(*parse_size(size))

    def run(self, argv: Sequence[str]) -> ChildRun:
        child = run_child(argv, self.folder, self.options.timeout)
        if child.problem and child.exit_code is not None:
            tail = "\n".join(child.stderr.strip().splitlines()[-5:])
            print(f"{self.size}: {argv[1:4]} {child.problem}:\n{tail}", file=sys.stderr, flush=True)
        return child

    def measure(self) -> dict[str, Cell]:
        for name, formats in BUILDS:
            self.build(name, formats)
        self.phases()
        self.floor()
        floor = self.cells["floor"].value
        for build, ratio in (
            ("build:pdf", "ratio"),
            ("build:all", "build:all/floor"),
            ("build:cached", "build:cached/floor"),
        ):
            seconds = self.cells[build].value
            self.cells[ratio] = Cell(seconds / floor) if seconds is not None and floor else Cell()
        say(self.size, "PDF build / floor", self.cells["ratio"], ratio_text)
        return self.cells

    def build(self, name: str, formats: str) -> None:
        runs = []
        for attempt in range(self.options.repeat):
            out = self.folder / f"out-{name}-{attempt}"
            argv = [sys.executable, "-m", "scorecard_report", "build", "-q", *input_options(self.inputs)]
            cache = self.cache_config(f"all-{attempt}" if name == "cached" else f"{name}-{attempt}")
            runs.append(self.run([*argv, "--config", str(cache), "--format", formats, "--out", str(out)]))
            built = sorted(out.glob("*.html"))
            if built and not runs[-1].problem and self.html_file is None:
                self.html_file = built[0]
        self.cells[f"build:{name}"] = combined(runs, lambda run: run.seconds, statistics.median)
        if name == "all":
            self.cells["peak:all"] = combined(runs, lambda run: run.peak_kib, max)
            self.cells["group:all"] = combined(runs, lambda run: run.group_peak_kib, max)
        say(self.size, f"{name} build", self.cells[f"build:{name}"])

    def cache_config(self, name: str) -> Path:
        """A config whose chart cache is a folder of its own: each build starts with none, never the
        user's, and only the "charts cached" build shares the all-four build's."""
        config = self.folder / f"cache-{name}.toml"
        config.write_text(f'cache = "cache-{name}"\n', encoding="utf-8")
        return config

    def phases(self) -> None:
        argv = [sys.executable, str(PHASES_SCRIPT), "phases", *input_options(self.inputs)]
        if self.html_file:
            argv += ["--compare-html", str(self.html_file)]
        runs = [self.run(argv) for _ in range(self.options.repeat)]
        results = [json.loads(run.stdout) for run in runs if not run.problem]
        for phase in PHASES:
            self.cells[f"phase:{phase}"] = combined(
                runs, lambda run, phase=phase: json.loads(run.stdout)["phases"][phase], statistics.median
            )
        say(
            self.size,
            "phases",
            Cell(note=", ".join(f"{p} {self.cells[f'phase:{p}'].text(seconds_text)}" for p in PHASES)),
        )
        if results:
            self.dimensions = f"{results[0]['indicators']} × {results[0]['months']}"
            if not all(result.get("same_html", True) for result in results):
                print(f"{self.size}: the phases' HTML differs from the build's", file=sys.stderr)

    def floor(self) -> None:
        if self.html_file is None:
            self.cells["floor"] = self.cells["peak:floor"] = Cell(note="no HTML")
            return
        runs = [
            self.run([sys.executable, str(PHASES_SCRIPT), "floor", str(self.html_file)])
            for _ in range(self.options.repeat)
        ]
        self.cells["floor"] = combined(runs, lambda run: json.loads(run.stdout)["seconds"], statistics.median)
        self.cells["peak:floor"] = combined(runs, lambda run: run.peak_kib, max)
        pages = json.loads(runs[0].stdout).get("pages") if not runs[0].problem else None
        self.cells["pages"] = Cell(pages) if pages is not None else Cell()
        say(self.size, "floor", self.cells["floor"])


# ---------------------------------------------------------------- the report


def _first_line(path: str, prefix: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as file:  # noqa: PTH123 - /proc files, Linux only
            return next((line.split(":", 1)[1].strip() for line in file if line.startswith(prefix)), None)
    except OSError:
        return None


def machine_line(revision: str) -> str:
    """CPU model, cores, memory, operating system and the versions that matter to the figures."""
    cpu = _first_line("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory = _first_line("/proc/meminfo", "MemTotal")
    ram = f"{int(memory.split()[0]) / 1024**2:.1f} GiB RAM" if memory else "RAM unknown"
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; WeasyPrint {importlib.metadata.version('weasyprint')}; "
        f"scorecard-report {importlib.metadata.version('scorecard-report')}{revision}"
    )


MEASURED_CODE = ("scorecard_report", "templates", "pyproject.toml")


def _git(*arguments: str) -> str:
    return subprocess.run(
        ["git", *arguments], cwd=REPOSITORY, capture_output=True, text=True, check=True
    ).stdout.strip()


def code_revision() -> str:
    """`` at 1a2b3c4``: the last commit that changed the package (not the benchmarks or the README),
    and whether it has uncommitted changes, when run in a git checkout."""
    try:
        commit = _git("log", "-1", "--format=%h", "--", *MEASURED_CODE)
        changed = _git("status", "--porcelain", "--", *MEASURED_CODE)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" at {commit}" + (" with uncommitted changes" if changed else "")


def table(columns: list[tuple[str, str, dict[str, Cell]]]) -> str:
    heading = "| | " + " | ".join(name for name, _dimensions, _cells in columns) + " |"
    lines = [heading, "|---" * (len(columns) + 1) + "|"]
    lines.append("| indicators × months | " + " | ".join(d for _n, d, _c in columns) + " |")
    for row in ROWS:
        cells = [cells.get(row.key, Cell()).text(row.shown) for _n, _d, cells in columns]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def command_line(arguments: argparse.Namespace) -> str:
    """The command, without --out (a path of this machine)."""
    command = f"python benchmarks/run.py --sizes {arguments.sizes} --repeat {arguments.repeat}"
    return command + (f" --timeout {arguments.timeout:g}" if arguments.timeout != 600 else "")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"example and/or NxM (default: {DEFAULT_SIZES})"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the median is shown")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one process is stopped")
    parser.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    arguments = parser.parse_args()
    for size in arguments.sizes.split(","):
        if size != EXAMPLE:
            try:
                parse_size(size)
            except ValueError:
                parser.error(f"size '{size}' is neither 'example' nor indicators x months, like 150x25")
    return arguments


def main() -> int:
    arguments = _arguments()
    options = Options(max(1, arguments.repeat), arguments.timeout)
    started = code_revision()
    columns = []
    for size in arguments.sizes.split(","):
        with tempfile.TemporaryDirectory(prefix="scorecard-benchmark-") as folder:
            measurement = SizeMeasurement(size, Path(folder), options)
            cells = measurement.measure()
            name = EXAMPLE if size == EXAMPLE else "{} × {}".format(*parse_size(size))
            columns.append((name, measurement.dimensions, cells))
    ended = code_revision()
    revision = started if started == ended else f"{started} when the run started and{ended} when it ended"
    today = dt.datetime.now(dt.UTC).date().isoformat()
    report = (
        f"Measured {today} on {machine_line(revision)}.\n\n`{command_line(arguments)}`\n\n{table(columns)}\n"
    )
    print(report)
    if arguments.out:
        arguments.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
