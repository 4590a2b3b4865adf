"""Commentary written against its figures, from the command line: a build warns and marks the slot,
``publish --strict-commentary`` refuses, and commentary for another month is an error.

The small fixture for January 2023 with FD8's value revised from 93.4 to 91 after its manager wrote
against 93%: 91% is still above the 85-90% range, so still Green; only the value changed.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from cli_support import FIXTURES, Run, files_under

Scorecard = Callable[..., Run]
HINT = (
    "rewrite the text if it no longer holds, or delete its written_against line if it does; then "
    "`scorecard commentary init --update` records the figures it is written against"
)
SENTENCE = "ref FD8: commentary was written against 93%, the figure is now 91%"
APPROVED = """\
period: 2023-01
indicators:
  FD8:
    text: Above the range at 93%.
    written_against: {value: "93%", status: Green, period: 2023-01, text: 00000000}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """small.yaml with the revised values and ``commentary/2023-01.yaml`` beside it, as the current folder."""
    shutil.copy(FIXTURES / "small.yaml", tmp_path / "small.yaml")
    values = (
        (FIXTURES / "small.csv").read_text(encoding="utf-8").replace("FD8,2023-01,93.4", "FD8,2023-01,91")
    )
    (tmp_path / "values.csv").write_text(values, encoding="utf-8")
    (tmp_path / "commentary").mkdir()
    (tmp_path / "commentary" / "2023-01.yaml").write_text(APPROVED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def command(name: str, *extra: str) -> tuple[str, ...]:
    inputs = ("--catalogue", "small.yaml", "--data", "values.csv", "--period", "2023-01")
    return (name, *inputs, "--out", "out", *extra)


COMMENTARY = Path("commentary") / "2023-01.yaml"


@pytest.mark.usefixtures("folder")
def test_publish_strict_commentary_refuses_naming_the_file_line_and_ref(scorecard: Scorecard) -> None:
    run = scorecard(*command("publish", "--format", "csv", "--strict-commentary"))
    assert run.code == 65
    assert run.error_lines == [f"error: {COMMENTARY}:3: {SENTENCE} ({HINT})"]
    assert run.err.splitlines()[-1] == "1 error: nothing was published"
    assert files_under(Path("out")) == []


@pytest.mark.usefixtures("folder")
def test_publish_without_it_warns_and_publishes(scorecard: Scorecard) -> None:
    run = scorecard(*command("publish", "--format", "csv"))
    assert run.code == 0, run.err
    assert f"warning: {COMMENTARY}:3: {SENTENCE} ({HINT})" in run.err.splitlines()
    assert "small-test-scorecard-latest.csv" in files_under(Path("out"))


def test_a_draft_publish_leaves_out_does_not_stop_a_strict_publish(
    scorecard: Scorecard, folder: Path
) -> None:
    draft = APPROVED.replace("    written_against", "    draft: true\n    written_against")
    (folder / COMMENTARY).write_text(draft, encoding="utf-8")
    run = scorecard(*command("publish", "--format", "csv", "--strict-commentary"))
    assert (run.code, "warning:" in run.err) == (0, False), run.err
    build = scorecard(*command("build", "--format", "csv"))  # shown in a normal build: named there
    assert f"warning: {COMMENTARY}:3: {SENTENCE} ({HINT})" in build.err.splitlines()


def test_commentary_for_another_month_is_an_error(scorecard: Scorecard, folder: Path) -> None:
    (folder / COMMENTARY).write_text(
        APPROVED.replace("period: 2023-01\n", "period: 2022-12\n", 1), encoding="utf-8"
    )
    run = scorecard(*command("build", "--format", "csv"))
    assert run.code == 65
    assert run.error_lines == [
        f"error: {COMMENTARY}:1: this commentary is for December 2022, but the report is for January 2023 "
        "(use the file for January 2023 (`scorecard commentary init --period 2023-01` starts one), or build "
        "with --period 2022-12)"
    ]
    assert files_under(Path("out")) == []


@pytest.mark.usefixtures("folder")
def test_the_marked_slot_reads_check_in_the_web_page_and_the_word_document(scorecard: Scorecard) -> None:
    run = scorecard(*command("build", "--format", "html,docx", "--final"))
    assert run.code == 0, run.err
    mark = "Written against 93%; the figure is now 91%."
    page = (Path("out") / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    assert f'<p class="commentary-check"><strong class="check-mark">Check:</strong> {mark}</p>' in page
    word = docx.Document(io.BytesIO((Path("out") / "small-test-scorecard-2023-01.docx").read_bytes()))
    # the appendix page is laid out in a table: its commentary is in a cell
    cells = [cell for table in word.tables for row in table.rows for cell in row.cells]
    texts = [paragraph.text for cell in cells for paragraph in cell.paragraphs]
    at = texts.index(f"Check: {mark}")
    assert texts[at + 1] == "Above the range at 93%."


def test_the_comment_column_carries_the_mark_above_the_text(scorecard: Scorecard, folder: Path) -> None:
    catalogue = (folder / "small.yaml").read_text(encoding="utf-8")
    (folder / "small.yaml").write_text(
        catalogue + "report:\n  columns: [ref, title, current, comment]\n", "utf-8"
    )
    run = scorecard(*command("build", "--format", "html,docx", "--final"))
    assert run.code == 0, run.err
    mark = "Written against 93%; the figure is now 91%."
    page = (Path("out") / "small-test-scorecard-2023-01.html").read_text(encoding="utf-8")
    cell = f'<span class="commentary-check"><strong class="check-mark">Check:</strong> {mark}</span> '
    assert cell + '<span class="value">Above the range at 93%.</span></td>' in page
    word = docx.Document(io.BytesIO((Path("out") / "small-test-scorecard-2023-01.docx").read_bytes()))
    table = word.tables[[len(table.columns) for table in word.tables].index(4)]  # the Front Door section
    comments = {row.cells[0].text: row.cells[3].text for row in table.rows}
    assert comments["FD8"] == f"Check: {mark}\nAbove the range at 93%."


def test_commentary_init_records_and_update_records_an_edited_text_afresh(
    scorecard: Scorecard, folder: Path
) -> None:
    (folder / COMMENTARY).unlink()
    assert scorecard("commentary", "init", *command("x")[1:7]).code == 0
    written = (folder / COMMENTARY).read_text(encoding="utf-8")
    assert '    written_against: {value: "91%", status: Green, period: 2023-01, text: ' in written
    edited = written.replace("Rose from 83% in December 2022 to 91%", "Up to 91%", 1)
    (folder / COMMENTARY).write_text(edited, encoding="utf-8")
    run = scorecard("commentary", "init", *command("x")[1:7], "--update")
    assert run.code == 0, run.err
    assert run.err.splitlines()[-1] == f"recorded afresh the figures of 1 text edited since in {COMMENTARY}"
    again = scorecard("commentary", "init", *command("x")[1:7], "--update")
    assert again.err.splitlines()[-1] == (
        f"{COMMENTARY} already has every slot and records its figures; nothing was changed"
    )
