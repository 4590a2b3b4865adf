"""Drawing charts in a pool and writing the DOCX beside the PDF change how long a build takes, never what
it produces."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import docx
import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.load.word_template import load_word_template
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.problems import ExitCode, InputMissing
from scorecard_report.render.outputs import FORMATS, RenderOptions, render_outputs

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))


def test_every_format_is_byte_identical_in_parallel_and_in_one_process(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    together = render_outputs(report, FORMATS, RenderOptions(parallel=True))
    one_by_one = render_outputs(report, FORMATS, RenderOptions(parallel=False))
    assert sorted(together) == ["changes", "csv", "docx", "html", "pdf", "series", "xlsx"]
    for extension in FORMATS:
        assert together[extension] == one_by_one[extension], extension


def test_a_council_template_gives_the_same_docx_from_the_worker(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The template is checked, and read, when the inputs are loaded (load_word_template): the worker is
    # sent its bytes and reads no file, so a bad template can no longer fail there.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    council = docx.Document()
    council.sections[0].header.paragraphs[0].text = "Wessex Vale Council"
    council.save(tmp_path / "council.docx")
    template = load_word_template(tmp_path / "council.docx")
    options = [RenderOptions(docx_template=template, parallel=parallel) for parallel in (True, False)]
    built = [render_outputs(report, ("pdf", "docx"), each)["docx"] for each in options]
    assert built[0] == built[1]
    assert docx.Document(io.BytesIO(built[0])).sections[0].header.paragraphs[0].text == "Wessex Vale Council"


def test_an_input_error_keeps_its_kind_problems_and_exit_code_through_pickle() -> None:
    error = InputMissing(Path("values.csv"), "values file")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputMissing
    assert again.exit_code == ExitCode.INPUT_MISSING == 66
    assert again.problems == error.problems
    assert (
        str(again)
        == "error: values.csv: values file not found (check the path, or name the file with the option)"
    )
