"""What changed since the last edition, from the command line: ``build --record``, ``--compare-with``, and
``publish`` comparing with the edition it published before. The small fixture is for January 2023; the
revised extract moves CF5 January 70.5 (shown 71%, Amber against 73%: amber down to 69.35) to 74 (Green)
and, for publish, FD8 December 83 to 80."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from cli_support import Run, Small, files_under, write

from scorecard_report.inputs.periods import Month
from scorecard_report.messages import QUIET, Progress
from scorecard_report.model.changes import Change, ChangeKind, Changes
from scorecard_report.model.report import Report
from scorecard_report.render.outputs import RenderOptions, render_outputs

Scorecard = Callable[..., Run]
STEM = "small-test-scorecard"
SNAPSHOT = f"{STEM}-2023-01-snapshot.json"
EPOCH = "1675836000"  # 2023-02-08T06:00:00Z

CF5_STATUS = Change(ChangeKind.STATUS, "CF5", "Assessments in timescale", "Front Door", "Amber", "Green")
CF5_REVISED = Change(
    ChangeKind.REVISION,
    "CF5",
    "Assessments in timescale",
    "Front Door",
    "71%",
    "74%",
    Month(2023, 1),
    "Jan 2023",
)
FD8_REVISED = Change(
    ChangeKind.REVISION,
    "FD8",
    "Screenings completed within 72 hours",
    "Front Door",
    "83%",
    "80%",
    Month(2022, 12),
    "Dec 2022",
)


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Report]]:
    """Every report the runs render, in order: what the changes page and CSV would be made from."""
    seen: list[Report] = []

    def recording(
        report: Report, formats: tuple[str, ...], options: RenderOptions, steps: Progress = QUIET
    ) -> Mapping[str, bytes]:
        seen.append(report)
        return render_outputs(report, formats, options, steps)

    # Build renders through render_editions, publish one edition at a time: both reach it by name.
    monkeypatch.setattr("scorecard_report.render.outputs.render_outputs", recording)
    monkeypatch.setattr("scorecard_report.app.render_outputs", recording)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    yield seen


def revised(folder: Path, small: Small, *, fd8: bool = False) -> Path:
    text = small.data.read_text(encoding="utf-8").replace("CF5,2023-01,70.5,", "CF5,2023-01,74,")
    if fd8:
        text = text.replace("FD8,2022-12,83,", "FD8,2022-12,80,")
    return write(folder, "revised.csv", text)


def changes_of(report: Report) -> Changes:
    assert report.changes is not None
    return report.changes


def build(small: Small, out: Path, *options: str | Path, data: Path | None = None) -> tuple[str | Path, ...]:
    """``scorecard build`` of the small fixture (or ``data``) as CSV into ``out``."""
    return (
        "build",
        "--catalogue",
        small.catalogue,
        "--data",
        data or small.data,
        "--format",
        "csv",
        "--out",
        out,
        *options,
    )


def test_build_record_then_a_revised_build_lists_the_revision_and_its_status_change(
    scorecard: Scorecard, tmp_path: Path, small: Small, reports: list[Report]
) -> None:
    out = tmp_path / "out"
    first = scorecard(*build(small, out, "--record"))
    assert first.code == 0, first.err
    assert files_under(out) == [SNAPSHOT, f"{STEM}-2023-01.csv"]
    assert reports[0].changes is None  # nothing recorded before it
    snapshot = json.loads((out / SNAPSHOT).read_text(encoding="utf-8"))
    assert (snapshot["period"], snapshot["recorded"]) == ("2023-01", "2023-02-08T06:00:00Z")

    second = scorecard(*build(small, out, "--compare-with", "2023-01", data=revised(tmp_path, small)))
    assert second.code == 0, second.err
    assert changes_of(reports[1]).changes == (CF5_STATUS, CF5_REVISED)
    assert f"2 changes since {SNAPSHOT} (Jan 2023)" in second.err
    assert json.loads((out / SNAPSHOT).read_text(encoding="utf-8")) == snapshot  # only --record writes one


def test_build_compares_with_the_last_recorded_edition_by_default_or_a_file_given(
    scorecard: Scorecard, tmp_path: Path, small: Small, reports: list[Report]
) -> None:
    out = tmp_path / "out"
    kept = tmp_path / "kept" / SNAPSHOT
    assert scorecard(*build(small, out, "--record")).code == 0
    kept.parent.mkdir()
    kept.write_bytes((out / SNAPSHOT).read_bytes())
    data = revised(tmp_path, small)
    assert scorecard(*build(small, out, data=data)).code == 0
    (out / SNAPSHOT).unlink()
    given = scorecard(*build(small, out, "--compare-with", kept, data=data))
    assert given.code == 0, given.err
    assert changes_of(reports[1]).changes == changes_of(reports[2]).changes == (CF5_STATUS, CF5_REVISED)
    assert changes_of(reports[2]).earlier.file_name == SNAPSHOT


def test_publish_twice_with_a_revised_extract_compares_with_the_first(
    scorecard: Scorecard, tmp_path: Path, small: Small, reports: list[Report]
) -> None:
    out = tmp_path / "web"
    data = tmp_path / "values.csv"
    data.write_bytes(small.data.read_bytes())
    publish = ("publish", "--catalogue", small.catalogue, "--data", data, "--format", "csv", "--out", out)
    first = scorecard(*publish)
    assert first.code == 0, first.err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert SNAPSHOT in manifest["outputs"]  # so outputs_intact covers it
    assert [name for name in files_under(out) if not name.startswith(".")] == [
        "manifest.json",
        SNAPSHOT,
        f"{STEM}-2023-01.csv",
        f"{STEM}-latest.csv",
    ]
    assert reports[0].changes is None

    # The same inputs again: up to date, though there is now a snapshot it would compare with.
    again = scorecard(*publish)
    assert (again.code, len(reports)) == (0, 1)
    assert "up to date" in again.err

    data.write_bytes(revised(tmp_path, small, fd8=True).read_bytes())
    second = scorecard(*publish)
    assert second.code == 0, second.err
    # Exactly the revised values and the status change one causes, and nothing else.
    assert changes_of(reports[1]).changes == (CF5_STATUS, FD8_REVISED, CF5_REVISED)
    republished = json.loads((out / SNAPSHOT).read_text(encoding="utf-8"))
    cf5 = next(row for row in republished["rows"] if row["ref"] == "CF5")
    assert (cf5["status"], cf5["values"]["2023-01"]) == ("Green", {"value": "74", "text": "74%"})


def test_compare_with_a_month_never_recorded_is_a_missing_input(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    out = tmp_path / "out"
    assert scorecard(*build(small, out, "--record")).code == 0
    run = scorecard(*build(small, out, "--compare-with", "2020-01"))
    assert run.code == 66
    missing = out / f"{STEM}-2020-01-snapshot.json"
    assert run.error_lines[0] == (
        f"error: {missing}: snapshot not found (--compare-with 2020-01 names no recorded edition: {out} has "
        f"snapshots of {STEM} for 2023-01; or give a snapshot file)"
    )


def test_compare_with_a_later_month_or_not_a_month_is_a_usage_error(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    later = scorecard(*build(small, tmp_path, "--compare-with", "2023-02"))
    assert later.code == 2
    assert later.error_lines == [
        "error: --compare-with 2023-02 is after the report's period 2023-01: compare with an earlier edition"
    ]
    bad = scorecard(*build(small, tmp_path, "--compare-with", "2023-13"))
    assert (bad.code, bad.error_lines) == (
        2,
        ["error: --compare-with 2023-13: month 13 is not 1-12; write YYYY-MM"],
    )


def test_a_broken_snapshot_in_the_folder_stops_the_build_saying_what_to_do(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / SNAPSHOT).write_text('{"format_version": 1,\n', encoding="utf-8")
    run = scorecard(*build(small, out))
    assert run.code == 65
    assert run.error_lines == [
        f"error: {out / SNAPSHOT}:2: not valid JSON: Expecting property name enclosed in double quotes "
        "(delete it to compare with the edition before, or give --compare-with another edition)"
    ]
    assert files_under(out) == [SNAPSHOT]  # nothing was written


def test_the_up_to_date_check_reads_no_snapshot(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "web"
    publish = (
        "publish",
        "--catalogue",
        small.catalogue,
        "--data",
        small.data,
        "--format",
        "csv",
        "--out",
        out,
    )
    assert scorecard(*publish).code == 0
    broken = write(tmp_path, "broken.json", "not json")
    # The same inputs: up to date whatever it would compare with, so the broken file is never read.
    again = scorecard(*publish, "--compare-with", broken)
    assert (again.code, again.error_lines) == (0, [])
    assert "up to date" in again.err


def test_publish_twice_the_changes_csv_and_page_name_exactly_what_was_revised(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    # The "done when": publish, revise the extract (CF5 Jan 70.5 -> 74: Amber 71% -> Green 74%; FD8
    # Dec 83 -> 80: 83% -> 80%, December still inside every judgement), publish again. The second edition's
    # changes CSV and page list the status change and the two revisions, and nothing else.
    out = tmp_path / "web"
    data = tmp_path / "values.csv"
    data.write_bytes(small.data.read_bytes())
    formats = "csv,changes,html"
    publish = ("publish", "--catalogue", small.catalogue, "--data", data, "--format", formats, "--out", out)
    first = scorecard(*publish)
    assert first.code == 0, first.err
    # Nothing to compare the first edition with: the header alone, and no page.
    assert (out / f"{STEM}-2023-01-changes.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "kind,ref,title,section,period,was,now"
    ]
    assert 'class="changes"' not in (out / f"{STEM}-2023-01.html").read_text(encoding="utf-8")

    data.write_bytes(revised(tmp_path, small, fd8=True).read_bytes())
    second = scorecard(*publish)
    assert second.code == 0, second.err
    assert "3 changes since small-test-scorecard-2023-01-snapshot.json (Jan 2023)" in second.err
    assert (out / f"{STEM}-2023-01-changes.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "kind,ref,title,section,period,was,now",
        "status,CF5,Assessments in timescale,Front Door,,Amber,Green",
        "revision,FD8,Screenings completed within 72 hours,Front Door,2022-12,83%,80%",
        "revision,CF5,Assessments in timescale,Front Door,2023-01,71%,74%",
    ]
    assert (out / f"{STEM}-latest-changes.csv").read_bytes() == (
        out / f"{STEM}-2023-01-changes.csv"
    ).read_bytes()
    page = (out / f"{STEM}-2023-01.html").read_text(encoding="utf-8")
    section = page[
        page.index('<section class="changes"') : page.index("</section>", page.index('class="changes"'))
    ]
    headings = [part.split("</h3>")[0] for part in section.split("<h3>")[1:]]
    assert headings == ["Status changes", "Revised values"]
    rows = [
        [cell.split("<")[0] for cell in row.split("<td>")[1:]]
        for row in section.split('<tr><th scope="row">')[1:]
    ]
    assert rows == [
        ["Assessments in timescale", "Front Door", "Amber", "Green"],
        ["Screenings completed within 72 hours", "Front Door", "Dec 2022", "83%", "80%"],
        ["Assessments in timescale", "Front Door", "Jan 2023", "71%", "74%"],
    ]
